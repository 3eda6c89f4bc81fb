// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CStar.Chat

// The message editor: Enter sends, Shift+Enter starts a new line, at most
// maxLength characters (the counter shows from 90 %). Give it a
// TypingNotifier and it reports typing (protocol §7) without timers here.
// Give it a ConversationController and it shows the draft's files as
// chips, attaches a pasted image (Ctrl+V) and offers the attach button
// (Ctrl+Shift+A): files, or a screenshot of the window.
Item {
    id: root

    property alias text: edit.text
    property alias placeholderText: edit.placeholderText
    property int maxLength: 10000
    property TypingNotifier typingNotifier: null
    // The draft's files (attachments, canAttach, attachmentError); null: no attach button.
    property ConversationController conversation: null
    // The attach menu offers "Attach a screenshot of this window".
    property bool screenshotEnabled: true
    readonly property int length: edit.length
    readonly property int attachmentCount: conversation ? conversation.attachments.length : 0
    // Files may go without text (protocol §11).
    readonly property bool canSend: enabled && (edit.text.trim().length > 0 || attachmentCount > 0)
                                    && edit.length <= maxLength
    // The editor, for focus chains (KeyNavigation, forceActiveFocus).
    readonly property Item editor: edit
    // Styles that draw no frame around a TextArea (Basic, Fusion) get a quiet
    // one; Material keeps its underline.
    property bool drawFrame: false

    // Emitted with the trimmed text; the editor is cleared first.
    signal sendRequested(string text)
    // The attach button's actions (the view shows the dialogs).
    signal attachFilesRequested
    signal screenshotRequested

    function send() {
        if (!canSend)
            return;
        const message = edit.text.trim();
        edit.clear();
        if (typingNotifier)
            typingNotifier.messageSent();
        sendRequested(message);
    }

    function clear() {
        edit.clear();
    }

    function forceEditorFocus() {
        edit.forceActiveFocus(Qt.OtherFocusReason);
    }

    // The attach button's action: its menu, or the file dialog when the
    // menu would hold nothing else.
    function attach() {
        if (!conversation || !conversation.canAttach)
            return;
        if (screenshotEnabled)
            attachMenu.open();
        else
            attachFilesRequested();
    }

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight
    Component.onCompleted: drawFrame = edit.background === null

    // The style's text colour (Material's foreground, the palette's elsewhere).
    Label {
        id: styleText

        visible: false
    }

    FontMetrics {
        id: fontInfo

        font: edit.font
    }

    Shortcut {
        sequence: "Ctrl+Shift+A"
        enabled: root.visible && root.enabled && root.conversation !== null
        onActivated: root.attach()
    }

    Column {
        id: column

        anchors.fill: parent
        spacing: 4

        AttachmentStrip {
            objectName: "attachmentStrip"
            width: parent.width
            conversation: root.conversation
        }

        RowLayout {
            id: row

            width: parent.width
            spacing: 6

            ToolButton {
                id: attachButton

                objectName: "attachButton"
                Layout.alignment: Qt.AlignBottom
                visible: root.conversation !== null
                enabled: root.conversation !== null && root.conversation.canAttach
                text: "+"
                font.bold: true
                focusPolicy: Qt.StrongFocus
                Accessible.name: root.screenshotEnabled ? ChatFormat.texts.attachMenuName
                                                        : ChatFormat.texts.attachButtonName
                Accessible.onPressAction: root.attach()
                onClicked: root.attach()
                ToolTip.visible: hovered
                ToolTip.text: ChatFormat.texts.attachButtonToolTip
                ToolTip.delay: 600

                Menu {
                    id: attachMenu

                    objectName: "attachMenu"
                    y: -height

                    MenuItem {
                        objectName: "attachFileItem"
                        text: ChatFormat.texts.attachButtonName + "…"
                        onTriggered: root.attachFilesRequested()
                    }
                    MenuItem {
                        objectName: "attachScreenshotItem"
                        text: ChatFormat.texts.attachScreenshot
                        onTriggered: root.screenshotRequested()
                    }
                }
            }

            Item {
                readonly property real padding: edit.topPadding + edit.bottomPadding

                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(Math.max(edit.implicitHeight,
                                                          fontInfo.height * 2 + padding),
                                                 fontInfo.height * 6 + padding)
                implicitWidth: 200

                Rectangle {
                    anchors.fill: parent
                    visible: root.drawFrame
                    color: "transparent"
                    radius: 2
                    border.width: edit.activeFocus ? 2 : 1
                    border.color: edit.activeFocus ? root.palette.highlight
                                                   : Qt.rgba(styleText.color.r, styleText.color.g,
                                                             styleText.color.b, 0.3)
                }

                ScrollView {
                    anchors.fill: parent
                    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

                    TextArea {
                        id: edit

                        objectName: "composerEdit"
                        wrapMode: TextEdit.Wrap
                        textFormat: TextEdit.PlainText
                        placeholderText: ChatFormat.texts.messagePlaceholder
                        selectByMouse: true
                        activeFocusOnTab: true

                        Accessible.role: Accessible.EditableText
                        Accessible.name: ChatFormat.texts.messageFieldName
                        Accessible.description: ChatFormat.texts.messageFieldHint

                        Keys.onPressed: function (event) {
                            // An image (or copied files) attaches; text pastes as text.
                            if (event.matches(StandardKey.Paste) && root.conversation
                                    && ChatClipboard.hasAttachments()) {
                                ChatClipboard.attachTo(root.conversation);
                                event.accepted = true;
                            } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                                if (event.modifiers & Qt.ShiftModifier) {
                                    // A real newline, not the U+2028 TextEdit would insert.
                                    edit.remove(edit.selectionStart, edit.selectionEnd);
                                    edit.insert(edit.cursorPosition, "\n");
                                } else {
                                    root.send();
                                }
                                event.accepted = true;
                            } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                                // Tab moves focus on (keyboard users); it does not insert \t.
                                const forward = event.key === Qt.Key_Tab;
                                const next = edit.nextItemInFocusChain(forward);
                                if (next)
                                    next.forceActiveFocus(forward ? Qt.TabFocusReason
                                                                  : Qt.BacktabFocusReason);
                                event.accepted = true;
                            }
                        }
                        onTextChanged: {
                            if (root.typingNotifier)
                                root.typingNotifier.textChanged(text);
                        }
                        onActiveFocusChanged: {
                            if (!activeFocus && root.typingNotifier)
                                root.typingNotifier.focusLost();
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.alignment: Qt.AlignBottom
                spacing: 2

                Label {
                    readonly property bool over: edit.length > root.maxLength

                    objectName: "lengthCounter"
                    Layout.alignment: Qt.AlignRight
                    visible: edit.length >= root.maxLength * 0.9
                    text: ChatFormat.characterCountText(edit.length, root.maxLength, ChatFormat.now)
                    color: over ? palette.highlight : styleText.color
                    opacity: over ? 1 : 0.7
                    font.bold: over
                    Accessible.name: ChatFormat.characterCountName(edit.length, ChatFormat.now)
                }

                Button {
                    objectName: "sendButton"
                    text: ChatFormat.texts.sendButton
                    enabled: root.canSend
                    focusPolicy: Qt.StrongFocus
                    onClicked: root.send()
                    Accessible.name: ChatFormat.texts.sendButtonName
                    // A screen reader's "press" (Qt 6.4 does not click for it).
                    Accessible.onPressAction: root.send()
                    ToolTip.visible: hovered
                    ToolTip.text: ChatFormat.texts.sendButtonToolTip
                    ToolTip.delay: 600
                }
            }
        }
    }
}
