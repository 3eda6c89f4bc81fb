// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QImage>

class QLabel;
class QPushButton;

namespace CStar {

/// A second look at a screenshot before it is attached: the image scaled to
/// fit, a rubber band to keep only part of it (mouse), and Attach, Whole
/// window and Cancel buttons (keyboard; Esc cancels). crop is in the image's
/// pixels; an empty crop means the whole image.
class ScreenshotDialog : public QDialog
{
    Q_OBJECT
    Q_PROPERTY(QRect crop READ crop WRITE setCrop NOTIFY cropChanged)
public:
    explicit ScreenshotDialog(const QImage &image, QWidget *parent = nullptr);

    QRect crop() const { return m_crop; }
    /// Clamped to the image; an empty rectangle selects the whole image.
    void setCrop(const QRect &rect);
    /// The screenshot as it will be attached (cropped).
    QImage result() const;

Q_SIGNALS:
    void cropChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QRect imageArea() const;
    QPoint toImage(const QPoint &canvasPos) const;
    QRect toCanvas(const QRect &imageRect) const;
    void paintCanvas();

    QImage m_image;
    QRect m_crop;
    QWidget *m_canvas = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_whole = nullptr;
    QPushButton *m_cancel = nullptr;
    QPoint m_dragStart;
    bool m_dragging = false;
};

} // namespace CStar
