// SPDX-License-Identifier: MIT
// The scene chatview_screenshot renders: ChatView for an identified customer,
// ready once the open ticket shows every message and the agent's typing.
import QtQuick
import QtQuick.Controls
import CStar.Chat

ApplicationWindow {
    id: window

    required property string customerJson
    required property string signature
    required property string ticketId
    required property int messageCount
    // Palette roles to override (a dark theme), {} for the style's own.
    required property var paletteColors
    property bool ready: false
    property string progress: "identifying"

    visible: true
    title: "CStar.Chat — ChatView"

    ChatClient {
        id: chat

        teamSlug: devServer.team
        baseUrl: devServer.baseUrl
    }

    ChatState {
        id: chatState

        keychainEnabled: false
        storageDirectory: devServer.storageDirectory
        client: chat
    }

    ChatView {
        id: view

        anchors.fill: parent
        client: chat
        chatState: chatState
    }

    Component.onCompleted: {
        for (const role in window.paletteColors)
            window.palette[role] = window.paletteColors[role];
        chat.identify(window.customerJson, window.signature).then(function () {
            window.progress = "loading";
            view.openTicket(window.ticketId); // narrow windows show the list first
        }, function (error) {
            window.progress = "identify failed: " + error.message;
        });
    }

    // Once the thread is complete and live, the agent starts typing.
    readonly property bool conversationShown: view.currentTicketId === window.ticketId
                                              && view.messagesModel.count === window.messageCount
                                              && !view.messagesModel.loading
                                              && chat.connectionState === Connection.Streaming
    onConversationShownChanged: {
        if (conversationShown) {
            window.progress = "typing";
            devServer.agentTyping(window.ticketId, true, "Maya");
        }
    }
    readonly property bool typingShown: view.messagesModel.typingUsers.length > 0
    onTypingShownChanged: {
        if (typingShown)
            settle.start();
    }

    // Two frames later everything has its final size.
    Timer {
        id: settle

        interval: 100
        onTriggered: window.ready = true
    }
}
