// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CStar.Chat

// The customer's conversations (a TicketsModel): a header with "New
// conversation", the sign-in prompt when the session is anonymous (the
// model's error is ChatError.AuthRequired; its hint says why), the list and
// an empty state. Up/Down move, Enter or Space opens.
Pane {
    id: root

    property TicketsModel tickets: null
    // The ticket shown as selected.
    property string currentTicketId: ""
    // Moving through the list with the keyboard opens tickets (side-by-side
    // layouts); otherwise Enter or Space does.
    property bool openOnNavigation: false
    readonly property alias view: listView
    // The session is anonymous and the list needs a customer (the prompt shows).
    readonly property bool needsSignIn: tickets !== null
                                        && tickets.error.kind === ChatError.AuthRequired

    // Clicked, or Enter/Space: open it and move on to the conversation.
    signal ticketActivated(string ticketId)
    // Reached with the arrow keys while openOnNavigation: open it, keep the focus here.
    signal ticketSelected(string ticketId)
    signal newConversationRequested
    signal signInRequested

    // The list marks the open ticket as its current item (keyboard moves it).
    function syncCurrent() {
        listView.currentIndex = tickets ? tickets.rowOf(currentTicketId) : -1;
    }

    padding: 0
    onCurrentTicketIdChanged: syncCurrent()
    onTicketsChanged: syncCurrent()

    Connections {
        target: root.tickets

        function onCountChanged() {
            if (root.currentTicketId.length > 0 && listView.currentIndex < 0)
                root.syncCurrent();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            spacing: 6

            Label {
                Layout.fillWidth: true
                text: ChatFormat.texts.conversationsTitle
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Button {
                objectName: "newConversationButton"
                text: ChatFormat.texts.newConversationButton
                focusPolicy: Qt.StrongFocus
                Accessible.name: ChatFormat.texts.newConversationButtonName
                ToolTip.visible: hovered
                ToolTip.text: ChatFormat.texts.newConversationToolTip
                ToolTip.delay: 600
                onClicked: root.newConversationRequested()
                // A screen reader's "press" (Qt 6.4 does not click for it).
                Accessible.onPressAction: root.newConversationRequested()
            }
        }

        Frame {
            objectName: "signInPrompt"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            Layout.bottomMargin: 8
            visible: root.needsSignIn

            ColumnLayout {
                anchors.fill: parent
                spacing: 6

                Label {
                    objectName: "signInText"
                    Layout.fillWidth: true
                    text: ChatFormat.texts.signInPrompt
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    // The server's hint is written for developers: a tooltip,
                    // not text for the customer (as in the widget ChatPanel).
                    ToolTip.text: root.tickets ? root.tickets.error.hint : ""
                    ToolTip.visible: signInHover.hovered && ToolTip.text.length > 0
                    // What a screen reader adds to the text: for the customer.
                    Accessible.description: ChatFormat.texts.guestHint

                    HoverHandler {
                        id: signInHover
                    }
                }
                Button {
                    objectName: "signInButton"
                    text: ChatFormat.texts.signInButton
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: ChatFormat.texts.signInButtonName
                    Accessible.onPressAction: root.signInRequested()
                    onClicked: root.signInRequested()
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: listView

                function currentTicket() {
                    if (!root.tickets || currentIndex < 0)
                        return "";
                    return root.tickets.data(root.tickets.index(currentIndex, 0),
                                             TicketsModel.IdRole);
                }
                function activateCurrent() {
                    const ticketId = currentTicket();
                    if (ticketId.length > 0)
                        root.ticketActivated(ticketId);
                }

                anchors.fill: parent
                clip: true
                model: root.tickets
                activeFocusOnTab: true
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                highlightMoveDuration: 0

                Accessible.role: Accessible.List
                Accessible.name: ChatFormat.texts.conversationsTitle

                ScrollBar.vertical: ScrollBar {}

                delegate: TicketDelegate {
                    id: ticketDelegate

                    current: ListView.isCurrentItem
                    onClicked: function () {
                        root.ticketActivated(ticketDelegate.ticketId);
                    }
                }

                onCurrentIndexChanged: {
                    const ticketId = currentTicket();
                    if (activeFocus && root.openOnNavigation && ticketId.length > 0
                            && ticketId !== root.currentTicketId)
                        root.ticketSelected(ticketId);
                }
                Keys.onReturnPressed: activateCurrent()
                Keys.onEnterPressed: activateCurrent()
                Keys.onSpacePressed: activateCurrent()
            }

            Label {
                anchors.fill: parent
                anchors.margins: 16
                visible: root.tickets !== null && listView.count === 0 && !root.tickets.loading
                         && !root.needsSignIn
                text: ChatFormat.texts.noConversations
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                opacity: 0.7
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: root.tickets !== null && root.tickets.loading && listView.count === 0
                visible: running
            }
        }
    }
}
