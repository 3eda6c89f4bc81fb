// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import CStar.Chat

// The files of a message (MessagesModel's "attachments" role): images as
// thumbnails (the AttachmentCache's 512 px preview, or a local echo's own
// copy, decoded off the GUI thread) that open full size, other files as
// chips with Save… (never opened or run).
Column {
    id: root

    property var attachments: []
    property ChatClient client: null
    // The text colour of the bubble.
    property color foreground: "black"

    signal openRequested(var attachment)
    signal saveRequested(var attachment)

    spacing: 6
    visible: attachments.length > 0
    Accessible.role: Accessible.List
    Accessible.name: ChatFormat.texts.attachmentsName

    Repeater {
        model: root.attachments

        Item {
            id: entry

            required property var modelData

            implicitWidth: modelData.isImage === true ? imageButton.implicitWidth
                                                     : chip.implicitWidth
            implicitHeight: modelData.isImage === true ? imageButton.implicitHeight
                                                      : chip.implicitHeight
            width: implicitWidth
            height: implicitHeight

            AttachmentSource {
                id: thumbnailFile

                client: entry.modelData.isImage === true ? root.client : null
                attachment: entry.modelData.isImage === true ? entry.modelData : ({})
                thumbnail: true
            }

            AbstractButton {
                id: imageButton

                readonly property int side: 200
                // The server's size when known: the space is kept before the image arrives.
                readonly property real aspect: entry.modelData.width > 0 && entry.modelData.height > 0
                                               ? entry.modelData.width / entry.modelData.height : 4 / 3

                // (Each entry is one or the other: only the shown one is named.)
                objectName: visible ? "imageAttachment" : ""
                visible: entry.modelData.isImage === true
                implicitWidth: aspect >= 1 ? side : Math.max(48, Math.round(side * aspect))
                implicitHeight: aspect >= 1 ? Math.max(48, Math.round(side / aspect)) : side
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: ChatFormat.texts.openImage + ": "
                                 + ChatFormat.attachmentAccessibleText(entry.modelData.name || "", true,
                                                                       entry.modelData.size || 0,
                                                                       ChatFormat.now)
                Accessible.onPressAction: root.openRequested(entry.modelData)
                onClicked: root.openRequested(entry.modelData)

                Image {
                    id: thumbnail

                    objectName: "attachmentThumbnail"
                    anchors.fill: parent
                    anchors.margins: 2
                    source: thumbnailFile.source
                    sourceSize.width: imageButton.side
                    sourceSize.height: imageButton.side
                    fillMode: Image.PreserveAspectFit
                }
                Label {
                    anchors.fill: parent
                    visible: thumbnailFile.failed || thumbnail.status === Image.Error
                    text: ChatFormat.texts.imageUnavailable
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    color: root.foreground
                }

                background: Rectangle {
                    color: Qt.rgba(root.foreground.r, root.foreground.g, root.foreground.b, 0.08)
                    border.width: imageButton.activeFocus ? 2 : 0
                    border.color: root.foreground
                    radius: 4
                }
                ToolTip.visible: hovered
                ToolTip.text: entry.modelData.name || ""
                ToolTip.delay: 600
            }

            AttachmentChip {
                id: chip

                objectName: visible ? "fileAttachment" : ""
                visible: entry.modelData.isImage !== true
                attachment: entry.modelData
                foreground: root.foreground
                // A local echo's file is the customer's own: nothing to save.
                savable: (entry.modelData.id || "").length > 0
                onSaveRequested: root.saveRequested(entry.modelData)
            }
        }
    }
}
