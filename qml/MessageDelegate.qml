// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import CStar.Chat

// One message of MessagesModel: a day separator when the day changes, the
// "New messages" marker, the sender's name at the start of a run, the bubble
// (own messages on the trailing side — mirrored in right-to-left layouts;
// agents' Markdown rendered safely, its files: MessageAttachments) and a
// line with the time and, for own messages, the delivery state with
// Retry/Discard when sending failed, the upload's progress and Cancel upload.
Item {
    id: root

    // Model roles (MessagesModel.roleNames()).
    required property int index
    required property string content
    required property string sender
    required property string senderName
    required property date createdAt
    required property bool isOwn
    required property int deliveryState
    required property bool showSender
    required property string daySection
    required property bool isFirstUnread
    // The "attachments" and "uploadProgress" roles (through the model
    // object: a model without them still shows its messages).
    required property var model
    readonly property var attachments: model.attachments || []
    readonly property real uploadProgress: model.uploadProgress !== undefined
                                           ? model.uploadProgress : -1

    // For the attachments' thumbnails (its AttachmentCache).
    property ChatClient client: null
    // Set by the list: the first message of its day shows the day.
    property bool showDay: false
    // Bubbles take at most this share of the row.
    property real bubbleShare: 0.75

    readonly property bool isSystem: sender === "system"
    readonly property bool isAgent: sender === "agent"
    readonly property bool failed: isOwn && deliveryState === Delivery.Failed
    readonly property bool pending: isOwn && deliveryState === Delivery.Sending
    // Files on their way: "Cancel upload" (also while an attempt waits to retry).
    readonly property bool uploading: pending && attachments.length > 0
    readonly property string deliveryText: isOwn
                                           ? ChatFormat.deliveryText(deliveryState, ChatFormat.now)
                                           : ""
    readonly property string metaText: {
        const time = ChatFormat.timeOfDay(createdAt, ChatFormat.now);
        if (deliveryText.length === 0)
            return time;
        return time.length > 0 ? time + " · " + deliveryText : deliveryText;
    }
    // The message, then each file (as the widget panel says it).
    readonly property string accessibleText: {
        let text = ChatFormat.messageAccessibleText(senderName, content, isOwn, deliveryState,
                                                    ChatFormat.now);
        for (let i = 0; i < attachments.length; ++i) {
            const file = attachments[i];
            text += "; " + ChatFormat.attachmentAccessibleText(file.name || "", file.isImage === true,
                                                               file.size || 0, ChatFormat.now);
        }
        return text;
    }
    // Colours follow the style: its text colour (Material's foreground, the
    // palette's elsewhere) and palette pairs made to contrast (highlight /
    // highlightedText), so light and dark themes both read well.
    readonly property color foreground: fontSource.color
    readonly property color mutedForeground: Qt.rgba(foreground.r, foreground.g, foreground.b, 0.62)
    readonly property bool darkTheme: luminance(foreground) > 0.5
    // The palette's link colour when it suits the theme, else the text colour
    // (links stay underlined either way).
    readonly property color linkColor: (luminance(palette.link) > 0.35) === darkTheme
                                       ? palette.link : foreground

    // 85 % of the style's font, whether it sizes fonts in points or pixels.
    readonly property font smallFont: scaledFont(false)
    readonly property font smallBoldFont: scaledFont(true)

    signal retryRequested(int row)
    signal discardRequested(int row)
    // Right click, long press, Menu key, Shift+F10, Enter or Space on the message.
    signal menuRequested(int row, Item item)
    signal linkActivated(string link)
    signal openImageRequested(var attachment)
    signal saveAttachmentRequested(var attachment)
    signal cancelUploadRequested(int row)

    function scaledFont(bold) {
        const base = fontSource.font;
        const f = Qt.font({
                              "family": base.family,
                              "bold": bold
                          });
        if (base.pixelSize > 0)
            f.pixelSize = Math.max(9, Math.round(base.pixelSize * 0.85));
        else
            f.pointSize = base.pointSize * 0.85;
        return f;
    }

    function luminance(c) {
        return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    }

    function tint(alpha) {
        return Qt.rgba(foreground.r, foreground.g, foreground.b, alpha);
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitWidth: 400
    implicitHeight: column.implicitHeight + 4

    Accessible.role: Accessible.ListItem
    Accessible.name: accessibleText

    Keys.onPressed: function (event) {
        if (event.key === Qt.Key_Menu || event.key === Qt.Key_Return
                || event.key === Qt.Key_Enter || event.key === Qt.Key_Space
                || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
            root.menuRequested(root.index, bubble);
            event.accepted = true;
        }
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: root.menuRequested(root.index, bubble)
    }
    TapHandler {
        acceptedDevices: PointerDevice.TouchScreen
        onLongPressed: root.menuRequested(root.index, bubble)
    }

    // Keyboard focus (the list's current message while the list has focus).
    Rectangle {
        anchors.fill: parent
        anchors.margins: 1
        visible: root.activeFocus
        color: "transparent"
        border.color: root.palette.highlight
        border.width: 1
        radius: 4
    }

    // The style's font (Labels follow it; a plain Item has none).
    Label {
        id: fontSource

        visible: false
    }

    Column {
        id: column

        y: 2
        width: parent.width
        spacing: 2

        // ---- day separator -----------------------------------------------------
        Item {
            width: column.width
            height: dayLabel.implicitHeight + 12
            visible: root.showDay && dayLabel.text.length > 0

            Rectangle {
                anchors.left: parent.left
                anchors.right: dayLabel.left
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                height: 1
                color: root.tint(0.22)
            }
            Label {
                id: dayLabel

                anchors.centerIn: parent
                text: ChatFormat.dayLabel(root.daySection, ChatFormat.now)
                font: root.smallFont
                color: root.mutedForeground
                Accessible.role: Accessible.Separator
                Accessible.name: text
            }
            Rectangle {
                anchors.left: dayLabel.right
                anchors.right: parent.right
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                height: 1
                color: root.tint(0.22)
            }
        }

        // ---- first unread --------------------------------------------------------
        Item {
            width: column.width
            height: unreadLabel.implicitHeight + 4
            visible: root.isFirstUnread

            Rectangle {
                anchors.left: parent.left
                anchors.right: unreadLabel.left
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                height: 1
                color: root.palette.highlight
            }
            Label {
                id: unreadLabel

                anchors.right: parent.right
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                text: ChatFormat.newMessagesText(ChatFormat.now)
                font: root.smallFont
                color: root.palette.highlight
            }
        }

        // ---- sender --------------------------------------------------------------
        Label {
            anchors.left: parent.left
            anchors.leftMargin: 16
            visible: !root.isOwn && !root.isSystem && root.showSender && text.length > 0
            text: root.senderName
            textFormat: Text.PlainText
            font: root.smallBoldFont
        }

        // ---- bubble --------------------------------------------------------------
        Item {
            width: column.width
            height: bubble.height

            Rectangle {
                id: bubble

                objectName: "bubble"
                readonly property real maxTextWidth: Math.max(
                                                         80, column.width * (root.isSystem ? 0.9 : root.bubbleShare) - 32)

                // A system line is centred by its margin: horizontalCenter
                // beside left/right anchors is refused by qmllint 6.8.
                anchors.left: root.isOwn ? undefined : parent.left
                anchors.right: root.isOwn ? parent.right : undefined
                anchors.leftMargin: root.isSystem ? (parent.width - width) / 2 : 8
                anchors.rightMargin: 8
                width: bubbleContent.width + 20
                height: bubbleContent.height + 14
                radius: 10
                // Not yet on the server: faded, text and bubble alike.
                opacity: root.isOwn && root.deliveryState !== Delivery.Sent ? 0.7 : 1
                color: root.isSystem ? "transparent" : root.isOwn ? root.palette.highlight
                                                                  : root.tint(0.08)

                Column {
                    id: bubbleContent

                    x: 10
                    y: 7
                    spacing: 6

                    Text {
                        id: body

                        objectName: "messageBody"
                        visible: root.content.length > 0 || root.attachments.length === 0
                        width: Math.min(Math.ceil(implicitWidth), bubble.maxTextWidth)
                        textFormat: Text.RichText
                        wrapMode: Text.Wrap
                        font: fontSource.font
                        color: root.isSystem ? root.mutedForeground
                                             : root.isOwn ? root.palette.highlightedText
                                                          : root.foreground
                        text: ChatFormat.messageHtml(root.content, root.isAgent,
                                                     root.isOwn ? root.palette.highlightedText
                                                                : root.linkColor)
                        onLinkActivated: function (link) {
                            root.linkActivated(link);
                        }

                        HoverHandler {
                            cursorShape: body.hoveredLink.length > 0 ? Qt.PointingHandCursor
                                                                     : Qt.ArrowCursor
                        }
                    }

                    MessageAttachments {
                        objectName: "messageAttachments"
                        attachments: root.attachments
                        client: root.client
                        foreground: body.color
                        onOpenRequested: function (attachment) {
                            root.openImageRequested(attachment);
                        }
                        onSaveRequested: function (attachment) {
                            root.saveAttachmentRequested(attachment);
                        }
                    }
                }
            }
        }

        // ---- time, delivery state, Retry / Discard ------------------------------------
        Row {
            anchors.left: root.isOwn ? undefined : parent.left
            anchors.right: root.isOwn ? parent.right : undefined
            anchors.leftMargin: root.isSystem ? (parent.width - width) / 2 : 10
            anchors.rightMargin: 10
            spacing: 6

            Label {
                anchors.verticalCenter: parent.verticalCenter
                text: root.metaText
                font: root.smallFont
                color: root.failed ? root.foreground : root.mutedForeground
            }
            Label {
                objectName: "uploadProgress"
                anchors.verticalCenter: parent.verticalCenter
                visible: root.uploading && root.uploadProgress >= 0
                text: ChatFormat.uploadProgressText(Math.round(root.uploadProgress * 1000), 1000,
                                                    ChatFormat.now)
                font: root.smallFont
                color: root.mutedForeground
            }
            Button {
                objectName: "cancelUploadButton"
                visible: root.uploading
                flat: true
                padding: 2
                text: ChatFormat.texts.cancelUpload
                font: root.smallFont
                Accessible.name: text
                Accessible.onPressAction: root.cancelUploadRequested(root.index)
                onClicked: root.cancelUploadRequested(root.index)
            }
            Button {
                objectName: "retryButton"
                visible: root.failed
                flat: true
                padding: 2
                text: ChatFormat.retryText(ChatFormat.now)
                font: root.smallFont
                Accessible.name: ChatFormat.texts.retrySendingName
                Accessible.onPressAction: root.retryRequested(root.index)
                onClicked: root.retryRequested(root.index)
            }
            Button {
                objectName: "discardButton"
                visible: root.failed
                flat: true
                padding: 2
                text: ChatFormat.discardText(ChatFormat.now)
                font: root.smallFont
                Accessible.name: ChatFormat.texts.discardMessageName
                Accessible.onPressAction: root.discardRequested(root.index)
                onClicked: root.discardRequested(root.index)
            }
        }
    }
}
