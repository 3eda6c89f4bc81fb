// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import CStar.Chat

// ChatView's attachment actions, driving the ConversationController (no
// upload logic here): files dropped on the view, the file dialogs, "Attach
// a screenshot of this window" with its review, an image full size, and
// Save… of a received file.
Item {
    id: root

    property ConversationController conversation: null
    property ChatClient client: null
    property bool screenshotEnabled: true
    // See ChatView.screenshotProvider and ChatView.saveLocationProvider.
    property var screenshotProvider: null
    property var saveLocationProvider: null
    readonly property alias screenshotReview: screenshotReview
    readonly property alias imageViewer: imageViewer
    readonly property alias dropArea: dropArea

    // Something joined the draft through the review (focus back to the editor).
    signal attached

    // The platform's file dialog; the chosen files join the draft.
    function attachFiles() {
        if (root.conversation.canAttach)
            dialogs.chooseFiles();
    }

    // A screenshot for review (crop, cancel) before it joins the draft.
    function attachScreenshot() {
        if (!screenshotEnabled || !root.conversation.canAttach)
            return false;
        const shot = typeof screenshotProvider === "function"
                   ? ChatScreenshot.store(screenshotProvider())
                   : ChatScreenshot.captureWindow(root.Window.window);
        if (shot.toString().length === 0)
            return false;
        screenshotReview.review(shot);
        return true;
    }

    // Save… of a received file: where (dialog or saveLocationProvider), then
    // the controller downloads it there (atomically).
    function saveAttachment(attachment) {
        if (!attachment.id)
            return;
        const name = root.conversation.safeFileName(attachment.name || "");
        if (typeof saveLocationProvider === "function") {
            const location = saveLocationProvider(attachment, name);
            if (location && location.toString().length > 0)
                root.conversation.saveAttachment(attachment.id, location.toString());
        } else {
            dialogs.chooseSaveLocation(attachment, name);
        }
    }

    function openImage(attachment) {
        imageViewer.show(attachment);
    }

    // Files dragged over the thread join the draft (local files only).
    DropArea {
        id: dropArea

        objectName: "dropArea"
        anchors.fill: parent
        enabled: root.conversation !== null && root.conversation.canAttach
        keys: ["text/uri-list"]
        // The drop's handler: the controller keeps local files, refuses others.
        function acceptUrls(urls) {
            return root.conversation.attachUrls(urls);
        }
        onEntered: function (drag) {
            drag.accepted = drag.hasUrls;
        }
        onDropped: function (drop) {
            if (!drop.hasUrls)
                return;
            acceptUrls(drop.urls);
            drop.acceptProposedAction();
        }

        Rectangle {
            objectName: "dropHint"
            anchors.fill: parent
            visible: dropArea.containsDrag
            color: Qt.rgba(root.palette.window.r, root.palette.window.g, root.palette.window.b, 0.85)
            border.width: 2
            border.color: root.palette.highlight

            Label {
                anchors.centerIn: parent
                text: ChatFormat.texts.dropFilesHint
                font.bold: true
            }
        }
    }

    AttachmentDialogs {
        id: dialogs

        onFilesChosen: function (urls) {
            root.conversation.attachUrls(urls);
        }
        onSaveLocationChosen: function (attachment, location) {
            root.conversation.saveAttachment(attachment.id, location.toString());
        }
    }

    ScreenshotReview {
        id: screenshotReview

        objectName: "screenshotReview"
        onAttachRequested: function (source, crop) {
            if (ChatScreenshot.attach(root.conversation, source, crop))
                root.attached();
        }
        onCancelled: ChatScreenshot.discard(screenshotReview.source)
    }

    ImageViewer {
        id: imageViewer

        objectName: "imageViewer"
        client: root.client
        onSaveRequested: function (attachment) {
            root.saveAttachment(attachment);
        }
    }
}
