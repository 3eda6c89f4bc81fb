// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import CStar.Chat

// Says honestly how live the conversation is: "Connecting…", "Reconnecting…",
// "Live updates unavailable — checking every 5 s". Hidden while streaming,
// and when polling by choice (client.realtime false).
Pane {
    id: root

    property ChatClient client: null

    // ChatText::connectionText, the widget banner's text too.
    readonly property string statusText: client
                                         ? ChatFormat.connectionText(client.connectionState,
                                                                     client.pollingInterval,
                                                                     client.realtime,
                                                                     ChatFormat.now)
                                         : ""

    visible: statusText.length > 0
    padding: 6
    focusPolicy: Qt.NoFocus

    background: Rectangle {
        color: root.palette.toolTipBase
        border.color: root.palette.mid
        border.width: 1
    }

    contentItem: Label {
        text: root.statusText
        color: root.palette.toolTipText
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }

    Accessible.role: Accessible.AlertMessage
    Accessible.name: ChatFormat.connectionBannerName(ChatFormat.now)
    Accessible.description: statusText
}
