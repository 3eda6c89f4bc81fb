// SPDX-License-Identifier: MIT
#include "screenshotdialog_p.h"

#include "chattext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace CStar {

namespace {

/// The size the screenshot is shown at: whole when it fits in two thirds of
/// the screen, else scaled down (aspect kept).
QSize displaySize(const QImage &image, const QWidget *parent)
{
    QSize room(960, 640);
    if (const QScreen *screen = parent ? parent->screen() : nullptr)
        room = screen->availableGeometry().size() * 2 / 3;
    const QSize logical = (QSizeF(image.size()) / image.devicePixelRatio()).toSize();
    if (logical.width() <= room.width() && logical.height() <= room.height())
        return logical.expandedTo(QSize(1, 1));
    return logical.scaled(room, Qt::KeepAspectRatio);
}

} // namespace

ScreenshotDialog::ScreenshotDialog(const QImage &image, QWidget *parent)
    : QDialog(parent), m_image(image)
{
    setObjectName(QStringLiteral("screenshotDialog"));
    setWindowTitle(ChatText::label(ChatText::ScreenshotReviewTitle));
    m_canvas = new QWidget(this);
    m_canvas->setObjectName(QStringLiteral("screenshotCanvas"));
    m_canvas->setMinimumSize(displaySize(image, parent).boundedTo(QSize(320, 200)));
    m_canvas->resize(displaySize(image, parent));
    m_canvas->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_canvas->setCursor(Qt::CrossCursor);
    m_canvas->setAccessibleName(ChatText::label(ChatText::ScreenshotReviewTitle));
    m_canvas->setAccessibleDescription(ChatText::label(ChatText::ScreenshotCropHint));
    m_canvas->installEventFilter(this);
    m_hint = new QLabel(ChatText::label(ChatText::ScreenshotCropHint), this);
    m_hint->setWordWrap(true);
    m_attach = new QPushButton(ChatText::label(ChatText::ScreenshotAttachButton), this);
    m_attach->setObjectName(QStringLiteral("screenshotAttachButton"));
    m_attach->setDefault(true);
    m_whole = new QPushButton(ChatText::label(ChatText::ScreenshotResetCrop), this);
    m_whole->setObjectName(QStringLiteral("screenshotWholeButton"));
    m_whole->setEnabled(false);
    m_cancel = new QPushButton(ChatText::label(ChatText::CancelButton), this);
    m_cancel->setObjectName(QStringLiteral("screenshotCancelButton"));
    connect(m_attach, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_whole, &QPushButton::clicked, this, [this] { setCrop(QRect()); });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_whole);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_attach);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(buttons);
    m_attach->setFocus();
    const QSize shown = displaySize(image, parent);
    resize(shown.width() + 24, shown.height() + 72);
}

void ScreenshotDialog::setCrop(const QRect &rect)
{
    QRect clamped = rect.normalized() & m_image.rect();
    if (clamped == m_image.rect() || clamped.width() < 2 || clamped.height() < 2)
        clamped = QRect();
    if (clamped == m_crop)
        return;
    m_crop = clamped;
    m_whole->setEnabled(!m_crop.isNull());
    m_canvas->update();
    Q_EMIT cropChanged();
}

QImage ScreenshotDialog::result() const
{
    QImage out = m_crop.isNull() ? m_image : m_image.copy(m_crop);
    out.setDevicePixelRatio(1); // attached as the pixels they are
    return out;
}

QRect ScreenshotDialog::imageArea() const
{
    // Fit the canvas, never larger than the window was.
    const QSize logical = (QSizeF(m_image.size()) / m_image.devicePixelRatio()).toSize();
    QSize size = logical;
    if (size.width() > m_canvas->width() || size.height() > m_canvas->height())
        size = logical.scaled(m_canvas->size(), Qt::KeepAspectRatio);
    return QRect(
        QPoint((m_canvas->width() - size.width()) / 2, (m_canvas->height() - size.height()) / 2),
        size);
}

QPoint ScreenshotDialog::toImage(const QPoint &canvasPos) const
{
    const QRect area = imageArea();
    if (area.isEmpty())
        return {};
    const qreal sx = qreal(m_image.width()) / area.width();
    const qreal sy = qreal(m_image.height()) / area.height();
    return QPoint(qRound((canvasPos.x() - area.left()) * sx),
                  qRound((canvasPos.y() - area.top()) * sy));
}

QRect ScreenshotDialog::toCanvas(const QRect &imageRect) const
{
    const QRect area = imageArea();
    const qreal sx = qreal(area.width()) / qMax(1, m_image.width());
    const qreal sy = qreal(area.height()) / qMax(1, m_image.height());
    return QRectF(area.left() + imageRect.left() * sx, area.top() + imageRect.top() * sy,
                  imageRect.width() * sx, imageRect.height() * sy)
        .toAlignedRect();
}

void ScreenshotDialog::paintCanvas()
{
    QPainter p(m_canvas);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect area = imageArea();
    p.drawImage(area, m_image);
    if (m_crop.isNull())
        return;
    // What will be left out is dimmed; the kept part is outlined.
    const QRect kept = toCanvas(m_crop);
    QRegion outside(area);
    outside -= QRegion(kept);
    p.setClipRegion(outside);
    p.fillRect(area, QColor(0, 0, 0, 140));
    p.setClipping(false);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawRect(kept.adjusted(0, 0, -1, -1));
}

bool ScreenshotDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_canvas)
        return QDialog::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Paint:
        paintCanvas();
        return true;
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            break;
        m_dragStart = toImage(mouse->position().toPoint());
        m_dragging = true;
        return true;
    }
    case QEvent::MouseMove:
    case QEvent::MouseButtonRelease: {
        if (!m_dragging)
            break;
        auto *mouse = static_cast<QMouseEvent *>(event);
        setCrop(QRect(m_dragStart, toImage(mouse->position().toPoint())));
        if (event->type() == QEvent::MouseButtonRelease)
            m_dragging = false;
        return true;
    }
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace CStar
