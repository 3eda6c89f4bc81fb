// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import CStar.Chat

// The conversation of a MessagesModel, oldest at the top. Follows new
// messages while the reader is at the bottom; otherwise incoming messages
// show a "New messages" pill. Scrolling to the top loads older history
// without moving what is on screen. Marks the thread read when its end is
// seen in an active window. Right click, Menu or Enter on a message offers
// Retry/Discard (failed ones) and Copy.
Item {
    id: root

    property MessagesModel messages: null
    // For the attachments' thumbnails (its AttachmentCache).
    property ChatClient client: null
    // Centered text over the list (empty thread, nothing selected…).
    property string placeholderText: ""
    // The view follows new messages (the reader is at the bottom).
    property bool stickToBottom: true
    readonly property alias view: listView
    readonly property bool newMessagesPillVisible: pill.visible

    // Internal state.
    property bool positioned: false
    property bool loadingOlder: false
    property bool wasAtBottom: true
    // While history is prepended: the message at the top and its offset, so
    // it stays exactly where the reader sees it — also while the rows above
    // and its own day separator settle, until the reader scrolls.
    property int anchorRow: -1
    property real anchorOffset: 0
    property Item anchorItem: null
    // The model whose row signals rowsAboutToBeInserted()/rowsInserted() follow.
    property MessagesModel connectedModel: null

    // A link in a message was activated; the default opens safe links.
    signal linkActivated(string link)
    // An image attachment was activated / a file's Save… (maps of the "attachments" role).
    signal openImageRequested(var attachment)
    signal saveAttachmentRequested(var attachment)

    function scrollToEnd() {
        anchorItem = null;
        listView.positionViewAtEnd();
        stickToBottom = true;
        pill.visible = false;
        maybeMarkRead();
    }

    // Within a quarter screen of the top (atYBeginning can stay a pixel off
    // with delegates of varying height): time to load older messages.
    function nearTop() {
        return listView.contentY - listView.originY < listView.height / 4;
    }

    // Older history is an explicit call: the model's fetchMore() is Qt's
    // "more rows at the end", which a chat view must not page history with.
    function loadOlder() {
        if (!messages || !positioned || loadingOlder || !messages.canFetchOlder
                || listView.count === 0)
            return;
        loadingOlder = true;
        anchorItem = null;
        messages.fetchOlder();
    }

    function maybeMarkRead() {
        if (messages && messages.unreadCount > 0 && listView.atYEnd && root.visible
                && root.Window.active)
            messages.markRead();
    }

    function openMenu(row, item) {
        const index = messages.index(row, 0);
        menu.row = row;
        menu.failed = messages.data(index, MessagesModel.DeliveryStateRole) === Delivery.Failed;
        menu.content = messages.data(index, MessagesModel.ContentRole);
        menu.popup(item);
    }

    function rowsAboutToBeInserted(parent, first, last) {
        wasAtBottom = listView.count === 0 || listView.atYEnd || stickToBottom;
        anchorRow = -1;
        if (first === 0 && loadingOlder && listView.count > 0) {
            const row = listView.indexAt(listView.width / 2, listView.contentY + 1);
            const item = listView.itemAtIndex(row);
            if (item) {
                anchorRow = row;
                anchorOffset = item.y - listView.contentY;
            }
        }
    }

    function rowsInserted(parent, first, last) {
        const history = first === 0 && loadingOlder;
        if (history)
            loadingOlder = false; // MessagesModel.loading covers the first page only
        if (first === 0 && anchorRow >= 0) {
            // History above: the anchored message stays where it was.
            listView.forceLayout();
            const item = listView.itemAtIndex(anchorRow + last - first + 1);
            anchorRow = -1;
            if (item)
                listView.contentY = item.y - anchorOffset;
            anchorItem = listView.moving ? null : item;
            if (anchorItem)
                anchorRelease.restart();
            return;
        }
        if (history && listView.count > last - first + 1)
            return;
        let incoming = false;
        for (let row = first; row <= last; ++row) {
            if (!messages.data(messages.index(row, 0), MessagesModel.IsOwnRole))
                incoming = true;
        }
        if (!positioned || wasAtBottom || !incoming)
            settle.restart();
        else
            pill.visible = true;
    }

    function keepAnchor() {
        if (!anchorItem)
            return;
        if (listView.moving) {
            anchorItem = null; // never fight a flick or the wheel
            return;
        }
        listView.contentY = anchorItem.y - anchorOffset;
        anchorRelease.restart();
    }

    function modelReset() {
        anchorItem = null;
        positioned = false;
        loadingOlder = false;
        pill.visible = false;
        settle.restart();
    }

    // Connected after the view's own connections (on completion, and a turn
    // after the model changes): when these run, the view knows the change.
    function connectModel() {
        if (connectedModel === messages)
            return;
        if (connectedModel) {
            connectedModel.rowsAboutToBeInserted.disconnect(root.rowsAboutToBeInserted);
            connectedModel.rowsInserted.disconnect(root.rowsInserted);
            connectedModel.modelReset.disconnect(root.modelReset);
        }
        connectedModel = messages;
        if (connectedModel) {
            connectedModel.rowsAboutToBeInserted.connect(root.rowsAboutToBeInserted);
            connectedModel.rowsInserted.connect(root.rowsInserted);
            connectedModel.modelReset.connect(root.modelReset);
        }
    }

    Component.onCompleted: connectModel()
    onMessagesChanged: {
        if (connectedModel)
            modelReset(); // another conversation: start over at its end
        reconnect.restart();
    }

    onLinkActivated: function (link) {
        if (ChatFormat.isSafeLink(link))
            Qt.openUrlExternally(link);
    }

    ListView {
        id: listView

        anchors.fill: parent
        // Pages only when scrolled to the top (see loadOlder()).
        model: root.messages
        clip: true
        spacing: 2
        activeFocusOnTab: true
        keyNavigationEnabled: true
        highlightMoveDuration: 0
        boundsBehavior: Flickable.StopAtBounds
        section.property: "daySection"
        section.criteria: ViewSection.FullString

        Accessible.role: Accessible.List
        Accessible.name: ChatFormat.texts.messagesListName

        ScrollBar.vertical: ScrollBar {
            onPressedChanged: root.anchorItem = null
        }

        delegate: MessageDelegate {
            showDay: ListView.section !== ListView.previousSection
            client: root.client
            onRetryRequested: function (row) {
                root.messages.retry(row);
            }
            onDiscardRequested: function (row) {
                root.messages.discard(row);
            }
            onMenuRequested: function (row, item) {
                root.openMenu(row, item);
            }
            onLinkActivated: function (link) {
                root.linkActivated(link);
            }
            onOpenImageRequested: function (attachment) {
                root.openImageRequested(attachment);
            }
            onSaveAttachmentRequested: function (attachment) {
                root.saveAttachmentRequested(attachment);
            }
            onCancelUploadRequested: function (row) {
                root.messages.cancel(row);
            }
        }

        onContentYChanged: {
            if (root.positioned)
                root.stickToBottom = atYEnd;
            if (atYEnd)
                pill.visible = false;
            if (root.nearTop())
                root.loadOlder();
        }
        onContentHeightChanged: {
            // Bubbles get their final height after layout: stay at the end,
            // or on the message the reader was looking at.
            if (root.anchorItem)
                root.keepAnchor();
            else if (root.positioned && root.stickToBottom && !moving)
                positionViewAtEnd();
        }
        onOriginYChanged: root.keepAnchor()
        // The reader moves on (drag, flick, wheel, keyboard): the anchor is done.
        onMovementStarted: root.anchorItem = null
        onCurrentIndexChanged: root.anchorItem = null

        onAtYEndChanged: root.maybeMarkRead()
    }

    Connections {
        target: root.messages

        function onLoadingChanged() {
            if (!root.messages.loading && root.positioned && root.nearTop())
                older.restart();
        }
        // A page that failed or came back empty ends the wait too.
        function onErrorChanged() {
            root.loadingOlder = false;
        }
        function onCanFetchOlderChanged() {
            if (root.messages.canFetchOlder)
                root.loadingOlder = false;
        }
        function onHasMoreChanged() {
            root.loadingOlder = false;
        }
        function onTicketIdChanged() {
            root.anchorItem = null;
            root.positioned = false;
            root.loadingOlder = false;
            root.stickToBottom = true;
            pill.visible = false;
        }
        function onUnreadCountChanged() {
            root.maybeMarkRead();
        }
    }

    Connections {
        target: root.Window

        function onActiveChanged() {
            root.maybeMarkRead();
        }
    }

    // Next turn of the event loop: after the view has laid out new rows.
    Timer {
        id: settle

        interval: 0
        onTriggered: {
            root.scrollToEnd();
            root.positioned = true;
            // A first page shorter than the view cannot be scrolled up: page on.
            if (root.nearTop())
                older.restart();
        }
    }
    // A turn after the model changed: the view is connected to it by then.
    Timer {
        id: reconnect

        interval: 0
        onTriggered: root.connectModel()
    }
    // The anchor holds while the prepended rows settle, not longer.
    Timer {
        id: anchorRelease

        interval: 500
        onTriggered: root.anchorItem = null
    }
    Timer {
        id: older

        interval: 0
        onTriggered: root.loadOlder()
    }

    Label {
        anchors.fill: parent
        anchors.margins: 16
        visible: root.placeholderText.length > 0
        text: root.placeholderText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        opacity: 0.7
    }

    Button {
        id: pill

        objectName: "newMessagesPill"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 8
        visible: false
        text: ChatFormat.texts.newMessagesPill
        highlighted: true
        Accessible.name: ChatFormat.texts.newMessagesPillName
        Accessible.onPressAction: root.scrollToEnd()
        onClicked: root.scrollToEnd()
    }

    Menu {
        id: menu

        property int row: -1
        property bool failed: false
        property string content: ""

        MenuItem {
            text: ChatFormat.retryText(ChatFormat.now)
            visible: menu.failed
            height: visible ? implicitHeight : 0
            onTriggered: root.messages.retry(menu.row)
        }
        MenuItem {
            text: ChatFormat.discardText(ChatFormat.now)
            visible: menu.failed
            height: visible ? implicitHeight : 0
            onTriggered: root.messages.discard(menu.row)
        }
        MenuItem {
            text: ChatFormat.texts.copyText
            onTriggered: {
                clipboard.text = menu.content;
                clipboard.selectAll();
                clipboard.copy();
                clipboard.text = "";
            }
        }
    }

    // Qt Quick has no clipboard API; a hidden editor copies for us.
    TextEdit {
        id: clipboard

        visible: false
        textFormat: TextEdit.PlainText
    }
}
