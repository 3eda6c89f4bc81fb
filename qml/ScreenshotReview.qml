// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CStar.Chat

// A second look at a screenshot before it is attached: the picture scaled
// to fit, a rectangle dragged over it keeps only that part, and Attach,
// Whole window and Cancel (keyboard reachable; Esc cancels). The crop
// itself is done in C++ (ChatScreenshot.attach).
Popup {
    id: root

    // A ChatScreenshot URL (captureWindow() or store()).
    property url source: ""
    readonly property size imageSize: String(source).length > 0
                                      ? ChatScreenshot.imageSize(source) : Qt.size(0, 0)
    // In the image's pixels; empty: the whole image.
    property rect crop: Qt.rect(0, 0, 0, 0)
    readonly property bool cropped: crop.width > 0 && crop.height > 0

    // Attach was chosen, with the crop (empty: the whole image).
    signal attachRequested(url source, rect crop)
    // Cancel, Esc or a click outside: the screenshot is dropped.
    signal cancelled

    function review(screenshot) {
        source = screenshot;
        crop = Qt.rect(0, 0, 0, 0);
        internal.decided = false;
        open();
        attachButton.forceActiveFocus(Qt.OtherFocusReason);
    }

    function accept() {
        internal.decided = true;
        attachRequested(source, crop);
        close();
    }

    function reject() {
        close();
    }

    // A rectangle in the picture's coordinates → the image's pixels, clamped.
    function toImage(x1, y1, x2, y2) {
        const scale = picture.paintedWidth / Math.max(1, imageSize.width);
        const ox = (picture.width - picture.paintedWidth) / 2;
        const oy = (picture.height - picture.paintedHeight) / 2;
        const ix = v => Math.max(0, Math.min(imageSize.width, Math.round((v - ox) / scale)));
        const iy = v => Math.max(0, Math.min(imageSize.height, Math.round((v - oy) / scale)));
        const left = ix(Math.min(x1, x2)), right = ix(Math.max(x1, x2));
        const top = iy(Math.min(y1, y2)), bottom = iy(Math.max(y1, y2));
        return Qt.rect(left, top, right - left, bottom - top);
    }

    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0
    width: parent ? Math.round(parent.width * 0.85) : 600
    height: parent ? Math.round(parent.height * 0.85) : 400
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onClosed: {
        if (!internal.decided)
            cancelled();
        internal.decided = false;
    }

    QtObject {
        id: internal

        property bool decided: false
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            objectName: "screenshotTitle"
            text: ChatFormat.texts.screenshotReviewTitle
            font.bold: true
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            text: ChatFormat.texts.screenshotCropHint
            wrapMode: Text.Wrap
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            Image {
                id: picture

                objectName: "screenshotImage"
                anchors.fill: parent
                source: root.source
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                cache: false
                Accessible.role: Accessible.Graphic
                Accessible.name: ChatFormat.texts.screenshotReviewTitle
            }

            // Outside the crop is dimmed; the crop itself framed.
            Rectangle {
                readonly property real scale: picture.paintedWidth / Math.max(1, root.imageSize.width)

                visible: root.cropped
                x: (picture.width - picture.paintedWidth) / 2 + root.crop.x * scale
                y: (picture.height - picture.paintedHeight) / 2 + root.crop.y * scale
                width: root.crop.width * scale
                height: root.crop.height * scale
                color: "transparent"
                border.width: 2
                border.color: root.palette.highlight
            }

            MouseArea {
                id: cropArea

                property point start

                objectName: "cropArea"
                anchors.fill: parent
                cursorShape: Qt.CrossCursor
                onPressed: function (mouse) {
                    start = Qt.point(mouse.x, mouse.y);
                }
                onPositionChanged: function (mouse) {
                    if (pressed)
                        root.crop = root.toImage(start.x, start.y, mouse.x, mouse.y);
                }
                onReleased: function (mouse) {
                    root.crop = root.toImage(start.x, start.y, mouse.x, mouse.y);
                }
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: 6

            Button {
                id: attachButton

                objectName: "screenshotAttachButton"
                text: ChatFormat.texts.screenshotAttachButton
                highlighted: true
                focusPolicy: Qt.StrongFocus
                Accessible.name: text
                Accessible.onPressAction: root.accept()
                onClicked: root.accept()
                Keys.onReturnPressed: root.accept()
                Keys.onEnterPressed: root.accept()
            }
            Button {
                objectName: "screenshotWholeButton"
                text: ChatFormat.texts.screenshotResetCrop
                enabled: root.cropped
                focusPolicy: Qt.StrongFocus
                Accessible.name: text
                Accessible.onPressAction: root.crop = Qt.rect(0, 0, 0, 0)
                onClicked: root.crop = Qt.rect(0, 0, 0, 0)
            }
            Button {
                objectName: "screenshotCancelButton"
                text: ChatFormat.texts.cancelButton
                focusPolicy: Qt.StrongFocus
                Accessible.name: text
                Accessible.onPressAction: root.reject()
                onClicked: root.reject()
            }
        }
    }
}
