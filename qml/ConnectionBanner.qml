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

    readonly property string statusText: {
        if (!client)
            return "";
        const seconds = Math.max(1, Math.round(client.pollingInterval / 1000));
        switch (client.connectionState) {
        case Connection.Connecting:
            return qsTr("Connecting…");
        case Connection.Reconnecting:
            return qsTr("Reconnecting…");
        case Connection.Polling:
            return client.realtime
                    ? qsTr("Live updates unavailable — checking every %n s", "", seconds)
                    : "";
        default:
            return "";
        }
    }

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
    Accessible.name: qsTr("Connection status")
    Accessible.description: statusText
}
