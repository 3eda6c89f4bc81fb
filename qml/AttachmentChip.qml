// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import CStar.Chat

// One file as a chip: a thumbnail (images, decoded off the GUI thread) or
// its type, the name and size, and a remove button (a draft's file) or
// Save… (a received file; never opened or run).
Rectangle {
    id: root

    // A map of ConversationController.attachments or of MessagesModel's
    // "attachments" role: {name, size, contentType, isImage, id, sha256, filePath}.
    property var attachment: ({})
    property ChatClient client: null
    property bool removable: false
    property bool savable: false
    // The text colour to draw with (the bubble's or the style's).
    property color foreground: fontSource.color

    readonly property string fileName: attachment.name || ""
    readonly property bool isImage: attachment.isImage === true
    readonly property string accessibleText: ChatFormat.attachmentAccessibleText(
        fileName, isImage, attachment.size || 0, ChatFormat.now)

    signal removeRequested
    signal saveRequested

    implicitWidth: row.implicitWidth + 12
    implicitHeight: row.implicitHeight + 8
    radius: 4
    color: Qt.rgba(foreground.r, foreground.g, foreground.b, 0.06)
    border.width: 1
    border.color: Qt.rgba(foreground.r, foreground.g, foreground.b, 0.25)

    Accessible.role: Accessible.StaticText
    Accessible.name: accessibleText

    Label {
        id: fontSource

        visible: false
    }

    AttachmentSource {
        id: thumbnailFile

        client: root.isImage ? root.client : null
        attachment: root.isImage ? root.attachment : ({})
        thumbnail: true
    }

    Row {
        id: row

        x: 6
        y: 4
        spacing: 6

        // The thumbnail, or the file's type (its extension) on a page.
        Rectangle {
            width: 32
            height: 32
            anchors.verticalCenter: parent.verticalCenter
            radius: 2
            color: "transparent"
            border.width: thumbnail.status === Image.Ready ? 0 : 1
            border.color: Qt.rgba(root.foreground.r, root.foreground.g, root.foreground.b, 0.4)

            Image {
                id: thumbnail

                objectName: "chipThumbnail"
                anchors.fill: parent
                visible: root.isImage
                source: thumbnailFile.source
                sourceSize.width: 64
                sourceSize.height: 64
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }
            Label {
                anchors.centerIn: parent
                visible: thumbnail.status !== Image.Ready
                text: {
                    const dot = root.fileName.lastIndexOf(".");
                    return dot > 0 ? root.fileName.substring(dot + 1, dot + 5).toUpperCase() : "";
                }
                font.pixelSize: 9
                font.bold: true
                color: root.foreground
            }
        }

        Column {
            anchors.verticalCenter: parent.verticalCenter

            Label {
                objectName: "chipName"
                width: Math.min(implicitWidth, 180)
                text: root.fileName
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                color: root.foreground
            }
            Label {
                text: ChatFormat.fileSizeText(root.attachment.size || 0, ChatFormat.now)
                color: root.foreground
                opacity: 0.7
            }
        }

        ToolButton {
            objectName: "removeAttachmentButton"
            anchors.verticalCenter: parent.verticalCenter
            visible: root.removable
            text: "×"
            focusPolicy: Qt.StrongFocus
            Accessible.name: ChatFormat.removeAttachmentName(root.fileName, ChatFormat.now)
            Accessible.onPressAction: root.removeRequested()
            onClicked: root.removeRequested()
            ToolTip.visible: hovered
            ToolTip.text: Accessible.name
            ToolTip.delay: 600
        }
        Button {
            objectName: "saveAttachmentButton"
            anchors.verticalCenter: parent.verticalCenter
            visible: root.savable
            flat: true
            padding: 2
            text: ChatFormat.texts.saveAttachment
            focusPolicy: Qt.StrongFocus
            Accessible.name: ChatFormat.saveAttachmentName(root.fileName, ChatFormat.now)
            Accessible.onPressAction: root.saveRequested()
            onClicked: root.saveRequested()
        }
    }
}
