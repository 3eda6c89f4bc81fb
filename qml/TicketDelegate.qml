// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CStar.Chat

// One ticket of TicketsModel: status, title, when it last changed, a preview
// of the last message and the unread count. `current` marks the open ticket
// with an accent bar on the leading edge (mirrored in right-to-left layouts);
// text keeps the style's colours, so every style and theme reads well.
ItemDelegate {
    id: root

    // Model roles (TicketsModel.roleNames()).
    required property int index
    required property var model // for the id role ("id" cannot name a property)
    required property string title
    required property string status
    required property string lastMessage
    required property int unreadCount
    required property date updatedAt

    property bool current: false

    readonly property string ticketId: model.id
    readonly property string statusText: ChatFormat.statusText(status, ChatFormat.now)
    readonly property string whenText: ChatFormat.relativeTime(updatedAt, ChatFormat.now)
    readonly property color foreground: fontSource.color
    readonly property font smallFont: scaledFont(false)
    readonly property font smallBoldFont: scaledFont(true)

    // 85 % of the style's font, whether it sizes fonts in points or pixels.
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

    function tint(alpha) {
        return Qt.rgba(foreground.r, foreground.g, foreground.b, alpha);
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.ListItem
    Accessible.name: ChatFormat.ticketAccessibleText(title, statusText, unreadCount, ChatFormat.now)
    Accessible.description: lastMessage
    Accessible.selected: current

    // The style's text colour and font (the content below replaces the style's).
    Label {
        id: fontSource

        visible: false
    }

    // The open ticket: a tint and an accent bar.
    Rectangle {
        anchors.fill: parent
        visible: root.current
        color: root.tint(0.07)

        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: 3
            color: root.palette.highlight
        }
    }

    contentItem: ColumnLayout {
        spacing: 4

        RowLayout {
            spacing: 6
            Layout.fillWidth: true

            Label {
                text: root.statusText
                leftPadding: 6
                rightPadding: 6
                topPadding: 1
                bottomPadding: 1
                font: root.smallFont
                background: Rectangle {
                    radius: height / 2
                    color: root.tint(0.12)
                }
            }
            Label {
                Layout.fillWidth: true
                text: root.title
                textFormat: Text.PlainText
                elide: Text.ElideRight
                font.bold: root.unreadCount > 0
            }
            Label {
                text: root.whenText
                font: root.smallFont
                opacity: 0.7
            }
        }

        RowLayout {
            spacing: 6
            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                text: ChatFormat.previewText(root.lastMessage)
                textFormat: Text.PlainText
                elide: Text.ElideRight
                maximumLineCount: 1
                opacity: 0.7
            }
            Label {
                visible: root.unreadCount > 0
                text: root.unreadCount > 99 ? "99+"
                                            : root.unreadCount.toLocaleString(Qt.locale(), "f", 0)
                horizontalAlignment: Text.AlignHCenter
                leftPadding: 6
                rightPadding: 6
                font: root.smallBoldFont
                color: root.palette.highlightedText
                background: Rectangle {
                    implicitWidth: 18
                    radius: height / 2
                    color: root.palette.highlight
                }
                Accessible.name: ChatFormat.unreadText(root.unreadCount, ChatFormat.now)
            }
        }
    }
}
