// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls

// "Maya is typing…" from MessagesModel.typingUsers. Keeps its line when
// nobody types, so the thread above does not jump.
Label {
    id: root

    // The display names typing now (MessagesModel.typingUsers).
    property var typingUsers: []

    readonly property string typingText: {
        const users = typingUsers || [];
        if (users.length === 1)
            return qsTr("%1 is typing…").arg(users[0]);
        if (users.length === 2)
            return qsTr("%1 and %2 are typing…").arg(users[0]).arg(users[1]);
        if (users.length > 2)
            return qsTr("Several people are typing…");
        return "";
    }

    // A leading right-to-left mark keeps the line right-aligned in RTL even
    // when it starts with a Latin name; italics only where the script has them.
    text: typingText.length > 0 ? (LayoutMirroring.enabled ? "\u200F" : "") + typingText : " "
    font.italic: Qt.locale().textDirection === Qt.LeftToRight && Qt.locale().name.substring(0, 2) !== "ja"
    opacity: 0.75
    elide: Text.ElideRight
    textFormat: Text.PlainText

    Accessible.role: Accessible.StaticText
    Accessible.name: typingText.length > 0 ? typingText : qsTr("Typing indicator")
}
