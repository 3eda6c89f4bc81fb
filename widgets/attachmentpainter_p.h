// SPDX-License-Identifier: MIT
#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QSet>
#include <QVariantMap>

class QFont;
class QPainter;
class QStyleOptionViewItem;

namespace CStar {

class AttachmentCache;

/// Lays out and paints a message's attachments (protocol §11) inside its
/// bubble: images as inline thumbnails, other files as chips (icon, name,
/// size, "Save…"). Thumbnails come from the AttachmentCache (local echoes:
/// their own file), are decoded off the GUI thread and kept in a small
/// in-memory cache keyed by attachment id; a placeholder shows meanwhile and
/// thumbnailReady() asks for a repaint.
class AttachmentPainter : public QObject
{
    Q_OBJECT
public:
    struct Item
    {
        QRect rect; ///< the thumbnail or the chip
        QRect save; ///< a file chip's "Save…" link (null for images and local echoes)
        QVariantMap file; ///< MessagesModel's attachment map
        bool image = false;
    };

    explicit AttachmentPainter(QObject *parent = nullptr);

    void setCache(AttachmentCache *cache);
    /// Stacked from (0, 0), each at most `width` wide.
    QList<Item> layout(const QVariantList &files, int width, const QFont &font) const;
    /// The size the items take together.
    static QSize extent(const QList<Item> &items);
    /// Paints one item (starts loading its thumbnail when needed).
    void paint(QPainter *painter, const Item &item, const QStyleOptionViewItem &option) const;
    /// Forgets decoded thumbnails (they are decoded again when shown).
    void clear();

Q_SIGNALS:
    void thumbnailReady();

private:
    static QString keyOf(const QVariantMap &file);
    bool showsThumbnail(const QVariantMap &file) const;
    const QImage *thumbnail(const QVariantMap &file) const;
    void decode(const QString &key, const QString &path);
    void paintImage(QPainter *painter, const Item &item, const QStyleOptionViewItem &option) const;
    void paintChip(QPainter *painter, const Item &item, const QStyleOptionViewItem &option) const;

    QPointer<AttachmentCache> m_cache;
    mutable QCache<QString, QImage> m_images; // cost: KiB
    mutable QSet<QString> m_loading;
    mutable QSet<QString> m_failed;
};

} // namespace CStar
