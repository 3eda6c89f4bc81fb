// SPDX-License-Identifier: MIT
#include "imageviewer_p.h"

#include "attachmentcache.h"
#include "chattext.h"
#include "imagedecoder.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace CStar {

ImageViewer::ImageViewer(const QVariantMap &attachment, AttachmentCache *cache, QWidget *parent)
    : QDialog(parent), m_attachment(attachment), m_cache(cache)
{
    setObjectName(QStringLiteral("imageViewer"));
    const QString name = attachment.value(QStringLiteral("name")).toString();
    setWindowTitle(name);
    m_image = new QLabel;
    m_image->setObjectName(QStringLiteral("imageViewerImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setAccessibleName(ChatText::attachmentAccessibleText(
        name, true, attachment.value(QStringLiteral("size")).toLongLong()));
    m_image->setMinimumSize(160, 120);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_image);
    scroll->setWidgetResizable(true);
    scroll->setAlignment(Qt::AlignCenter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);

    const QString local = attachment.value(QStringLiteral("filePath")).toString();
    const QString id = attachment.value(QStringLiteral("id")).toString();
    if (!local.isEmpty()) {
        decode(local);
    } else if (cache && !id.isEmpty()) {
        connect(cache, &AttachmentCache::ready, this,
                [this, id](const QString &readyId, bool thumbnail, const QString &path) {
                    if (readyId == id && !thumbnail)
                        decode(path);
                });
        connect(cache, &AttachmentCache::failed, this,
                [this, id](const QString &failedId, bool thumbnail, const ChatError &) {
                    if (failedId == id && !thumbnail)
                        showUnavailable();
                });
        const QString path =
            cache->request(id, attachment.value(QStringLiteral("sha256")).toString(), false);
        if (!path.isEmpty())
            decode(path);
    } else {
        showUnavailable();
    }
}

void ImageViewer::decode(const QString &path)
{
    QSize room(1280, 960);
    if (const QScreen *s = screen())
        room = s->availableGeometry().size() * 9 / 10;
    const qreal ratio = devicePixelRatioF();
    Media::decodeImageAsync(path, room * ratio, this,
                            [this, ratio](const QImage &image, const QString &) {
                                if (image.isNull()) {
                                    showUnavailable();
                                    return;
                                }
                                QPixmap pixmap = QPixmap::fromImage(image);
                                pixmap.setDevicePixelRatio(ratio);
                                m_image->setPixmap(pixmap);
                                const QSize shown = pixmap.deviceIndependentSize().toSize();
                                resize(shown + QSize(40, 80));
                            });
}

void ImageViewer::showUnavailable()
{
    m_image->setText(ChatText::label(ChatText::ImageUnavailable));
}

} // namespace CStar
