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
Pane {
    id: root

    property ChatClient client: null
    // Share one ChatState per client; null: the view makes its own.
    property ChatState chatState: null
    // One page at a time (list or thread), for narrow windows and docks.
    property bool compact: width < 560
    readonly property string currentTicketId: internal.currentTicketId
    readonly property bool creatingTicket: internal.creatingTicket
    readonly property alias ticketsModel: ticketsModel
    readonly property alias messagesModel: messagesModel
    readonly property alias typingNotifier: typingNotifier
    readonly property alias composer: composer
    readonly property alias messageList: messageList
    readonly property alias ticketList: ticketList

    // The user asked to sign in (the ticket list needs identify). Sign the
    // customer on your backend, then call client.identify().
    signal signInRequested
    // An agent's message arrived (for notifications).
    signal agentMessageArrived(string ticketId, string senderName, string text)

    function openTicket(ticketId) {
        if (ticketId === internal.currentTicketId && !internal.creatingTicket) {
            internal.showThread = ticketId.length > 0;
            return;
        }
        internal.saveDraft();
        typingNotifier.focusLost();
        internal.creatingTicket = false;
        internal.startFailed = false;
        internal.currentTicketId = ticketId;
        internal.showThread = ticketId.length > 0;
        internal.restoreDraft();
        internal.updateHeader();
    }

    function startNewConversation() {
        internal.saveDraft();
        typingNotifier.focusLost();
        internal.creatingTicket = true;
        internal.currentTicketId = "";
        internal.startFailed = false;
        internal.showThread = true;
        internal.restoreDraft();
        internal.updateHeader();
        subjectField.forceActiveFocus(Qt.OtherFocusReason);
    }

    function showTicketList() {
        internal.saveDraft();
        typingNotifier.focusLost();
        internal.creatingTicket = false;
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

        property string currentTicketId: ""
        property bool creatingTicket: false
        property bool showThread: false
        // Why the last new conversation failed (shown until the next try).
        property bool startFailed: false
        property chatError startError
        property string headerTitle: ""
        property var drafts: ({})
        property var asked: ({}) // tickets whose header was fetched
        property bool sending: false

        function draftKey() {
            return internal.creatingTicket ? "" : internal.currentTicketId;
        }
        function saveDraft() {
            internal.drafts[draftKey()] = composer.text;
        }
        function restoreDraft() {
            composer.text = internal.drafts[draftKey()] || "";
        }
        function updateHeader() {
            if (internal.creatingTicket) {
                internal.headerTitle = qsTranslate("TicketList", "New conversation"); // one unit with the button's
                return;
            }
            if (internal.currentTicketId.length === 0) {
                internal.headerTitle = "";
                return;
            }
            const row = ticketsModel.rowOf(internal.currentTicketId);
            if (row >= 0) {
                const index = ticketsModel.index(row, 0);
                internal.headerTitle = internal.title(
                            ticketsModel.data(index, TicketsModel.TitleRole),
                            ticketsModel.data(index, TicketsModel.StatusRole));
                return;
            }
            internal.headerTitle = qsTr("Conversation");
            // Not in the list (an anonymous session cannot list): ask once.
            const ticketId = internal.currentTicketId;
            if (root.client && !internal.asked[ticketId]) {
                internal.asked[ticketId] = true;
                root.client.tickets.get(ticketId).then(function (ticket) {
                    if (ticket.id === internal.currentTicketId && ticketsModel.rowOf(ticket.id) < 0)
                        internal.headerTitle = internal.title(ticket.title, ticket.status);
                }, function () {}); // load errors show in the thread itself
            }
        }
        function title(ticketTitle, status) {
            return qsTr("%1 — %2").arg(ticketTitle).arg(ChatFormat.statusText(status));
        }
        function submit(text) {
            if (!internal.creatingTicket && internal.currentTicketId.length === 0) {
                // Nothing open: what a customer types first starts a
                // conversation (the composer is there, so that is what they
                // expect of it).
                root.startNewConversation();
                composer.forceEditorFocus();
            }
            if (!internal.creatingTicket) {
                if (messagesModel.send(text).length === 0) {
                    composer.text = text; // not taken (the model's error says why): keep it
                    return;
                }
                delete internal.drafts[internal.currentTicketId];
                messageList.scrollToEnd();
                return;
            }
            let subject = subjectField.text.trim();
            if (subject.length === 0)
                subject = text.split("\n")[0].substring(0, 80);
            const job = ticketsModel.createTicket(subject, text, "");
            if (!job) {
                composer.text = text;
                return;
            }
            internal.sending = true;
            job.finished.connect(function () {
                internal.sending = false;
                if (job.isSuccess) {
                    delete internal.drafts[""];
                    subjectField.clear();
                    root.openTicket(job.result.id);
                    composer.forceEditorFocus();
                } else if (!internal.creatingTicket) {
                    // Another conversation was opened meanwhile: keep the
                    // text as the new-conversation draft, not in that box.
                    internal.drafts[""] = text;
                } else {
                    composer.text = text; // never lose what the user typed
                    internal.startError = job.error;
                    internal.startFailed = true;
                }
            });
        }
    }

    TicketsModel {
        id: ticketsModel

        client: root.client
        onCountChanged: {
            if (internal.currentTicketId.length === 0 && !internal.creatingTicket && count > 0
                    && !root.compact)
                root.openTicket(ticketsModel.data(ticketsModel.index(0, 0), TicketsModel.IdRole));
            internal.updateHeader();
        }
        onDataChanged: internal.updateHeader()
    }

    MessagesModel {
        id: messagesModel

        client: root.client
        ticketId: internal.currentTicketId
    }

    TypingNotifier {
        id: typingNotifier

        client: root.client
        ticketId: internal.currentTicketId
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

    // A language change: the header's status name is formatted in C++.
    Connections {
        target: ChatFormat

        function onNowChanged() {
            internal.updateHeader();
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
                tickets: ticketsModel
                currentTicketId: internal.currentTicketId
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
                        Accessible.name: qsTr("Back to conversations")
                        Accessible.onPressAction: root.showTicketList()
                        onClicked: root.showTicketList()
                    }
                    Label {
                        objectName: "threadTitle"
                        Layout.fillWidth: true
                        text: internal.headerTitle
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
                    visible: internal.creatingTicket
                    maximumLength: 200
                    placeholderText: qsTr("Subject (optional)")
                    Accessible.name: qsTr("Subject")
                    // On to the message with Tab or Enter (not to the empty list).
                    KeyNavigation.tab: composer.editor
                    Keys.onReturnPressed: composer.forceEditorFocus()
                    Keys.onEnterPressed: composer.forceEditorFocus()
                }

                MessageList {
                    id: messageList

                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    messages: messagesModel
                    placeholderText: {
                        if (internal.creatingTicket)
                            return qsTr("Tell us what you need help with. We usually answer within a few minutes.");
                        if (internal.currentTicketId.length === 0)
                            return qsTr("Select a conversation or start a new one.");
                        if (messagesModel.count === 0 && !messagesModel.loading)
                            return qsTr("No messages yet.");
                        return "";
                    }
                }

                Label {
                    // The error shown: the failed start, else the thread's.
                    readonly property chatError shownError: internal.startFailed
                                                            ? internal.startError
                                                            : messagesModel.error

                    objectName: "threadError"
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    visible: text.length > 0
                    // The server's own words (English, for developers) on
                    // hover, as in the widget panel.
                    ToolTip.text: shownError.isError ? shownError.code + ": " + shownError.message : ""
                    ToolTip.visible: errorHover.hovered && ToolTip.text.length > 0
                    text: {
                        if (!shownError.isError)
                            return "";
                        // The kind's sentence in the user's language (the
                        // server's message is English, for developers).
                        const reason = ChatFormat.errorText(shownError, ChatFormat.now);
                        return internal.startFailed
                                ? qsTr("Could not start the conversation: %1").arg(reason)
                                : qsTr("Could not load this conversation: %1").arg(reason);
                    }
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
                    typingUsers: messagesModel.typingUsers
                }

                Composer {
                    id: composer

                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    Layout.bottomMargin: 8
                    // Also with nothing open: sending starts a conversation.
                    enabled: !internal.sending
                    typingNotifier: internal.creatingTicket ? null : typingNotifier
                    onSendRequested: function (text) {
                        internal.submit(text);
                    }
                }
            }
        }
    }
}
