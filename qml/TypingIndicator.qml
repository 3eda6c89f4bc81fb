// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import CStar.Chat

// "Maya is typing…" from MessagesModel.typingUsers. Keeps its line when
// nobody types, so the thread above does not jump.
Label {
    id: root

    // The display names typing now (MessagesModel.typingUsers).
    property var typingUsers: []

    // ChatText::typingText, the widget panel's text too.
    readonly property string typingText: ChatFormat.typingText(typingUsers || [], ChatFormat.now)

    // A leading right-to-left mark keeps the line right-aligned in RTL even
    // when it starts with a Latin name; italics only where the script has them.
    text: typingText.length > 0 ? (LayoutMirroring.enabled ? "\u200F" : "") + typingText : " "
    font.italic: Qt.locale().textDirection === Qt.LeftToRight && Qt.locale().name.substring(0, 2) !== "ja"
    opacity: 0.75
    elide: Text.ElideRight
    textFormat: Text.PlainText

    Accessible.role: Accessible.StaticText
    Accessible.name: typingText.length > 0 ? typingText : ChatFormat.typingIndicatorName(ChatFormat.now)
}
