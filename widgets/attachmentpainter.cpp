// SPDX-License-Identifier: MIT
#include "attachmentpainter_p.h"

#include "attachmentcache.h"
#include "chattext.h"
#include "delegatesupport_p.h"
#include "imagedecoder.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionViewItem>

namespace CStar {

using DelegateSupport::mix;

namespace {

constexpr int MaxThumbWidth = 240;
constexpr int MaxThumbHeight = 180;
constexpr int ChipWidth = 260;
constexpr int Spacing = 6;
constexpr int IconSide = 24;

QString str(const QVariantMap &file, const char *key)
{
    return file.value(QLatin1String(key)).toString();
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

/// An image's box: its own aspect within 240 × 180, never enlarged; 200 ×
/// 150 while its size is unknown (local echoes).
QSize thumbnailBox(const QVariantMap &file, int width)
{
    const int w = file.value(QStringLiteral("width")).toInt();
    const int h = file.value(QStringLiteral("height")).toInt();
    const QSize room(qMin(width, MaxThumbWidth), MaxThumbHeight);
    if (w <= 0 || h <= 0)
        return QSize(qMin(width, 200), 150);
    const QSize size(w, h);
    if (w <= room.width() && h <= room.height())
        return size;
    return size.scaled(room, Qt::KeepAspectRatio).expandedTo(QSize(8, 8));
}

} // namespace

AttachmentPainter::AttachmentPainter(QObject *parent) : QObject(parent)
{
    m_images.setMaxCost(48 * 1024);
}

void AttachmentPainter::setCache(AttachmentCache *cache)
{
    if (m_cache == cache)
        return;
    if (m_cache)
        m_cache->disconnect(this);
    m_cache = cache;
    clear();
    if (!cache)
        return;
    connect(cache, &AttachmentCache::ready, this,
            [this](const QString &id, bool thumbnail, const QString &path) {
                if (thumbnail && m_loading.contains(id))
                    decode(id, path);
            });
    connect(cache, &AttachmentCache::failed, this,
            [this](const QString &id, bool thumbnail, const ChatError &) {
                if (!thumbnail || !m_loading.remove(id))
                    return;
                m_failed.insert(id);
                Q_EMIT thumbnailReady();
            });
}

void AttachmentPainter::clear()
{
    m_images.clear();
    m_failed.clear();
}

QString AttachmentPainter::keyOf(const QVariantMap &file)
{
    const QString id = str(file, "id");
    return id.isEmpty() ? QStringLiteral("file:") + str(file, "filePath") : id;
}

bool AttachmentPainter::showsThumbnail(const QVariantMap &file) const
{
    if (!file.value(QStringLiteral("isImage")).toBool())
        return false;
    return !str(file, "filePath").isEmpty() || (m_cache && !str(file, "id").isEmpty());
}

QList<AttachmentPainter::Item> AttachmentPainter::layout(const QVariantList &files, int width,
                                                         const QFont &font) const
{
    QList<Item> items;
    const QFontMetrics fm(smallFont(font));
    const int chipHeight = qMax(IconSide + 8, 2 * fm.height() + 8);
    const QString save = ChatText::label(ChatText::SaveAttachment);
    int y = 0;
    for (const QVariant &v : files) {
        Item item;
        item.file = v.toMap();
        item.image = showsThumbnail(item.file);
        if (item.image) {
            item.rect = QRect(QPoint(0, y), thumbnailBox(item.file, width));
        } else {
            item.rect = QRect(0, y, qMin(width, ChipWidth), chipHeight);
            if (!str(item.file, "id").isEmpty()) {
                const int w = fm.horizontalAdvance(save) + 8;
                item.save = QRect(item.rect.right() - Spacing - w,
                                  item.rect.top() + (chipHeight - fm.height()) / 2, w, fm.height());
            }
        }
        y = item.rect.bottom() + 1 + Spacing;
        items.append(item);
    }
    return items;
}

QSize AttachmentPainter::extent(const QList<Item> &items)
{
    QRect all;
    for (const Item &item : items)
        all |= item.rect;
    return all.size();
}

void AttachmentPainter::paint(QPainter *painter, const Item &item,
                              const QStyleOptionViewItem &option) const
{
    if (item.image)
        paintImage(painter, item, option);
    else
        paintChip(painter, item, option);
}

const QImage *AttachmentPainter::thumbnail(const QVariantMap &file) const
{
    const QString key = keyOf(file);
    if (const QImage *image = m_images.object(key))
        return image;
    if (m_loading.contains(key) || m_failed.contains(key))
        return nullptr;
    auto *self = const_cast<AttachmentPainter *>(this);
    m_loading.insert(key);
    const QString local = str(file, "filePath");
    if (!local.isEmpty()) {
        self->decode(key, local); // a local echo: the customer's own copy
    } else if (m_cache) {
        const QString path = m_cache->request(key, str(file, "sha256"), true);
        if (!path.isEmpty())
            self->decode(key, path);
    }
    return nullptr;
}

void AttachmentPainter::decode(const QString &key, const QString &path)
{
    const qreal ratio = qApp->devicePixelRatio();
    const QSize bounding = QSize(MaxThumbWidth, MaxThumbHeight) * ratio;
    Media::decodeImageAsync(path, bounding, this,
                            [this, key, ratio](QImage image, const QString &) {
                                m_loading.remove(key);
                                image.setDevicePixelRatio(ratio);
                                if (image.isNull())
                                    m_failed.insert(key);
                                else
                                    m_images.insert(key, new QImage(image),
                                                    qMax<qsizetype>(1, image.sizeInBytes() / 1024));
                                Q_EMIT thumbnailReady();
                            });
}

void AttachmentPainter::paintImage(QPainter *painter, const Item &item,
                                   const QStyleOptionViewItem &option) const
{
    const QPalette &pal = option.palette;
    const QRect r = item.rect;
    if (const QImage *image = thumbnail(item.file)) {
        // Never enlarged (a local echo's box is a guess until the server
        // tells the size).
        const QSize logical = (QSizeF(image->size()) / image->devicePixelRatio()).toSize();
        const QSize fitted = logical.width() <= r.width() && logical.height() <= r.height()
            ? logical
            : logical.scaled(r.size(), Qt::KeepAspectRatio);
        const QRect target(r.left() + (r.width() - fitted.width()) / 2,
                           r.top() + (r.height() - fitted.height()) / 2, fitted.width(),
                           fitted.height());
        painter->save();
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(target, *image);
        painter->restore();
        return;
    }
    // A placeholder of the same size, so nothing moves when it arrives.
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.12));
    painter->drawRoundedRect(r, 6, 6);
    const QIcon icon = DelegateSupport::fileIcon(str(item.file, "contentType"), qApp->style());
    const QRect iconRect(r.center().x() - IconSide / 2, r.center().y() - IconSide / 2, IconSide,
                         IconSide);
    icon.paint(painter, iconRect);
    if (m_failed.contains(keyOf(item.file))) {
        painter->setFont(smallFont(option.font));
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(r.adjusted(4, iconRect.bottom() - r.top() + 4, -4, -4),
                          Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                          ChatText::label(ChatText::ImageUnavailable));
    }
    painter->restore();
}

void AttachmentPainter::paintChip(QPainter *painter, const Item &item,
                                  const QStyleOptionViewItem &option) const
{
    const QPalette &pal = option.palette;
    const QRect r = item.rect;
    const QFont small = smallFont(option.font);
    const QFontMetrics fm(small);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.05));
    painter->drawRoundedRect(r, 6, 6);
    const QIcon icon = DelegateSupport::fileIcon(str(item.file, "contentType"), qApp->style());
    const QRect iconRect(r.left() + Spacing, r.top() + (r.height() - IconSide) / 2, IconSide,
                         IconSide);
    icon.paint(painter, QStyle::visualRect(option.direction, r, iconRect));
    // item.rect and item.save are already where they show (mirrored by the
    // delegate in right-to-left); the inside is laid out left-to-right here
    // and mirrored within the chip.
    QRect save;
    if (!item.save.isNull())
        save = QRect(r.right() - Spacing - item.save.width(), item.save.top(), item.save.width(),
                     item.save.height());
    const int textLeft = iconRect.right() + Spacing;
    const int textRight = (save.isNull() ? r.right() : save.left()) - Spacing;
    QRect name(textLeft, r.top() + 4, textRight - textLeft, fm.height());
    QRect size = name.translated(0, fm.height());
    name = QStyle::visualRect(option.direction, r, name);
    size = QStyle::visualRect(option.direction, r, size);
    painter->setFont(small);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(name, Qt::AlignLeading | Qt::AlignVCenter,
                      fm.elidedText(str(item.file, "name"), Qt::ElideMiddle, name.width()));
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(size, Qt::AlignLeading | Qt::AlignVCenter,
                      ChatText::fileSizeText(item.file.value(QStringLiteral("size")).toLongLong()));
    if (!item.save.isNull()) {
        QFont link = small;
        link.setUnderline(true);
        painter->setFont(link);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(QStyle::visualRect(option.direction, r, save), Qt::AlignCenter,
                          ChatText::label(ChatText::SaveAttachment));
    }
    painter->restore();
}

} // namespace CStar
