// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import CStar.Chat

// The files attached to the draft, as removable chips above the editor
// (ConversationController.attachments), and why the last one was refused.
Column {
    id: root

    property ConversationController conversation: null
    readonly property var attachments: conversation ? conversation.attachments : []
    readonly property int count: attachments.length

    spacing: 4
    visible: count > 0 || errorLabel.text.length > 0

    Flow {
        objectName: "attachmentChips"
        width: root.width
        spacing: 6
        visible: root.count > 0
        Accessible.role: Accessible.List
        Accessible.name: ChatFormat.texts.attachmentsName

        Repeater {
            model: root.attachments

            AttachmentChip {
                required property var modelData
                required property int index

                objectName: "pendingAttachment"
                attachment: modelData
                client: root.conversation ? root.conversation.client : null
                removable: true
                onRemoveRequested: root.conversation.removeAttachment(index)
            }
        }
    }

    Label {
        id: errorLabel

        objectName: "attachmentError"
        width: root.width
        visible: text.length > 0
        text: root.conversation ? root.conversation.attachmentError : ""
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
