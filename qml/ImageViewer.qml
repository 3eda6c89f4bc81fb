// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CStar.Chat

// An image attachment full size (the whole file, verified against its
// sha256 by the AttachmentCache, decoded off the GUI thread within the
// image limits), scaled down to fit. Esc or a click outside closes it;
// Save… offers the file.
Popup {
    id: root

    property ChatClient client: null
    // A map of MessagesModel's "attachments" role.
    property var attachment: ({})

    signal saveRequested(var attachment)

    function show(file) {
        attachment = file;
        open();
        saveButton.forceActiveFocus(Qt.OtherFocusReason);
    }

    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0
    width: parent ? Math.round(parent.width * 0.9) : 600
    height: parent ? Math.round(parent.height * 0.9) : 400
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onClosed: attachment = ({})

    AttachmentSource {
        id: file

        client: root.opened ? root.client : null
        attachment: root.attachment
        thumbnail: false
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                text: root.attachment.name || ""
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Button {
                id: saveButton

                objectName: "viewerSaveButton"
                visible: (root.attachment.id || "").length > 0
                text: ChatFormat.texts.saveAttachment
                focusPolicy: Qt.StrongFocus
                Accessible.name: ChatFormat.saveAttachmentName(root.attachment.name || "",
                                                               ChatFormat.now)
                Accessible.onPressAction: root.saveRequested(root.attachment)
                onClicked: root.saveRequested(root.attachment)
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Image {
                id: image

                objectName: "fullImage"
                anchors.fill: parent
                source: file.source
                // Decoded no larger than shown (the provider scales while decoding).
                sourceSize.width: Math.max(1, width)
                sourceSize.height: Math.max(1, height)
                fillMode: Image.PreserveAspectFit
                Accessible.role: Accessible.Graphic
                Accessible.name: ChatFormat.attachmentAccessibleText(
                                     root.attachment.name || "", true, root.attachment.size || 0,
                                     ChatFormat.now)
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: root.opened && !file.failed && image.status !== Image.Ready
                         && image.status !== Image.Error
            }
            Label {
                anchors.centerIn: parent
                visible: file.failed || image.status === Image.Error
                text: ChatFormat.texts.imageUnavailable
            }
        }
    }
}
