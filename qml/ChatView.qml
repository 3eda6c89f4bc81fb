// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CStar.Chat

// A drop-in support chat: the customer's conversations beside the open one
// (one page at a time when narrow), with a connection banner, delivery
// states, a typing indicator and a composer. The QML counterpart of the
// widget ChatPanel:
//
//     ChatView {
//         client: ChatClient { teamSlug: "acme" }
//         onSignInRequested: backend.signIn()   // then client.identify(json, signature)
//     }
//
// Without a chatState it keeps the session across restarts with one of its own.
// Files (protocol §11): the attach button (Ctrl+Shift+A), drag and drop,
// Ctrl+V of an image and "Attach a screenshot of this window" add them to
// the draft; images show as thumbnails that open full size, other files as
// chips with Save….
Pane {
    id: root

    property ChatClient client: null
    // Share one ChatState per client; null: the view makes its own.
    property ChatState chatState: null
    // One page at a time (list or thread), for narrow windows and docks.
    property bool compact: width < 560
    readonly property string currentTicketId: controller.currentTicketId
    readonly property bool creatingTicket: controller.creatingTicket
    // What the view shows: the open conversation, drafts, the new-conversation
    // flow and the thread's texts (the widget ChatPanel drives the same class).
    readonly property ConversationController conversation: controller
    readonly property TicketsModel ticketsModel: controller.ticketsModel
    readonly property MessagesModel messagesModel: controller.messagesModel
    readonly property TypingNotifier typingNotifier: controller.typingNotifier
    readonly property alias composer: composer
    readonly property alias messageList: messageList
    readonly property alias ticketList: ticketList
    readonly property alias attachmentActions: attachmentActions
    // The attach menu offers "Attach a screenshot of this window".
    property bool screenshotEnabled: true
    // What the screenshot shows; null: this window's own pixels. Else a
    // function returning an ItemGrabResult, an image, or a local image
    // file's URL (the customer reviews and crops it before it is attached).
    property alias screenshotProvider: attachmentActions.screenshotProvider
    // Where Save… writes; null: the platform's save dialog. Else a function
    // (attachment, suggestedName) returning a file URL, "" to cancel.
    property alias saveLocationProvider: attachmentActions.saveLocationProvider

    // The user asked to sign in (the ticket list needs identify). Sign the
    // customer on your backend, then call client.identify().
    signal signInRequested
    // An agent's message arrived (for notifications).
    signal agentMessageArrived(string ticketId, string senderName, string text)

    function openTicket(ticketId) {
        controller.openTicket(ticketId);
        internal.showThread = ticketId.length > 0; // also when it was open already (compact)
    }

    function startNewConversation() {
        controller.startNewConversation();
        internal.showThread = true;
        subjectField.forceActiveFocus(Qt.OtherFocusReason);
    }

    function showTicketList() {
        controller.leaveConversation();
        internal.showThread = false;
        ticketList.view.forceActiveFocus(Qt.OtherFocusReason);
    }

    padding: 0
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Support chat")
    LayoutMirroring.enabled: Application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    QtObject {
        id: internal

        // One page at a time: the thread rather than the list.
        property bool showThread: false
    }

    ConversationController {
        id: controller

        client: root.client
        // Side by side, the newest conversation opens by itself; one page at
        // a time, the list shows first.
        autoOpen: !root.compact
        onCreatingTicketChanged: {
            if (controller.creatingTicket)
                internal.showThread = true;
        }
        onDraftChanged: {
            if (composer.text !== controller.draft)
                composer.text = controller.draft;
        }
        onSubjectChanged: {
            if (subjectField.text !== controller.subject)
                subjectField.text = controller.subject;
        }
        onMessageSubmitted: messageList.scrollToEnd()
        onConversationStarted: function (ticketId) {
            if (ticketId === controller.currentTicketId)
                composer.forceEditorFocus();
        }
    }

    // Without a shared one, a ChatState of our own keeps the session across
    // restarts (token in the keychain or a private file).
    ChatState {
        client: root.chatState === null ? root.client : null
    }

    Connections {
        target: root.client

        function onMessageReceived(message) {
            if (message.senderRole === "agent")
                root.agentMessageArrived(message.ticketId, message.senderName, message.content);
        }
    }

    // Leaving the editor ends typing (protocol §7).
    Connections {
        target: composer.editor

        function onActiveFocusChanged() {
            if (!composer.editor.activeFocus)
                controller.typingNotifier.focusLost();
        }
    }

    Shortcut {
        sequence: "Ctrl+N"
        enabled: root.visible && root.enabled
        onActivated: root.startNewConversation()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ConnectionBanner {
            objectName: "connectionBanner"
            Layout.fillWidth: true
            client: root.client
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            TicketList {
                id: ticketList

                Layout.fillHeight: true
                Layout.fillWidth: root.compact
                Layout.preferredWidth: root.compact ? -1 : Math.max(220, root.width * 0.34)
                visible: !root.compact || !internal.showThread
                tickets: controller.ticketsModel
                currentTicketId: controller.currentTicketId
                openOnNavigation: !root.compact
                onTicketActivated: function (ticketId) {
                    root.openTicket(ticketId);
                    composer.forceEditorFocus();
                }
                onTicketSelected: function (ticketId) {
                    root.openTicket(ticketId);
                }
                onNewConversationRequested: root.startNewConversation()
                onSignInRequested: root.signInRequested()
            }

            Rectangle {
                Layout.fillHeight: true
                implicitWidth: 1
                visible: !root.compact
                color: root.palette.mid
            }

            ColumnLayout {
                id: thread

                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !root.compact || internal.showThread
                spacing: 4

                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    Layout.topMargin: 6
                    spacing: 6

                    ToolButton {
                        objectName: "backButton"
                        visible: root.compact
                        text: root.LayoutMirroring.enabled ? qsTr("Back →") : qsTr("← Back")
                        Accessible.name: ChatFormat.texts.backButtonName
                        Accessible.onPressAction: root.showTicketList()
                        onClicked: root.showTicketList()
                    }
                    Label {
                        objectName: "threadTitle"
                        Layout.fillWidth: true
                        text: controller.title
                        textFormat: Text.PlainText
                        font.bold: true
                        elide: Text.ElideRight
                        Accessible.role: Accessible.Heading
                    }
                }

                TextField {
                    id: subjectField

                    objectName: "subjectField"
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    visible: controller.creatingTicket
                    maximumLength: 200
                    placeholderText: ChatFormat.texts.subjectPlaceholder
                    Accessible.name: ChatFormat.texts.subjectFieldName
                    // On to the message with Tab or Enter (not to the empty list).
                    KeyNavigation.tab: composer.editor
                    Keys.onReturnPressed: composer.forceEditorFocus()
                    Keys.onEnterPressed: composer.forceEditorFocus()
                    onTextChanged: controller.subject = text
                }

                MessageList {
                    id: messageList

                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    messages: controller.messagesModel
                    client: root.client
                    onOpenImageRequested: function (attachment) {
                        attachmentActions.openImage(attachment);
                    }
                    onSaveAttachmentRequested: function (attachment) {
                        attachmentActions.saveAttachment(attachment);
                    }
                    placeholderText: controller.placeholderText
                }

                Label {
                    objectName: "threadError"
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    visible: text.length > 0
                    // The sentence for people; the server's own words
                    // (English, for developers) on hover, as in the widget panel.
                    text: controller.errorText
                    ToolTip.text: controller.error.isError
                                  ? controller.error.code + ": " + controller.error.message : ""
                    ToolTip.visible: errorHover.hovered && ToolTip.text.length > 0
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage

                    HoverHandler {
                        id: errorHover
                    }
                }

                TypingIndicator {
                    objectName: "typingIndicator"
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12
                    typingUsers: controller.messagesModel.typingUsers
                }

                Composer {
                    id: composer

                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    Layout.bottomMargin: 8
                    // Also with nothing open: sending starts a conversation.
                    enabled: !controller.starting
                    conversation: controller
                    screenshotEnabled: root.screenshotEnabled
                    onAttachFilesRequested: attachmentActions.attachFiles()
                    onScreenshotRequested: attachmentActions.attachScreenshot()
                    // Typing is reported from the draft (the controller).
                    onTextChanged: controller.draft = text
                    onSendRequested: function (text) {
                        controller.submit(text);
                    }
                }
            }
        }
    }

    // Drag and drop, the dialogs, the screenshot review and the image viewer.
    AttachmentActions {
        id: attachmentActions

        anchors.fill: parent
        conversation: controller
        client: root.client
        screenshotEnabled: root.screenshotEnabled
        onAttached: composer.forceEditorFocus()
    }
}
