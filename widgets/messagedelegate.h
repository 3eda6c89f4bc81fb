// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_widgets_export.h"

#include <QCache>
#include <QHash>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTextDocument>

#include <memory>

namespace CStar {

class AttachmentCache;
class AttachmentPainter;

/// Paints a MessagesModel row as a chat bubble: own messages on the trailing
/// side (mirrored for right-to-left), agent messages on the leading side as
/// safe Markdown, system messages centred; sender name on the first of a run,
/// day separators, a "New messages" marker, and the delivery state of own
/// messages with Retry/Discard when sending failed. Attachments (protocol
/// §11): images as inline thumbnails (decoded off the GUI thread), other
/// files as chips with "Save…", and upload progress with "Cancel upload" on
/// a pending message. Roles are looked up by their QML names, so any model
/// with those role names works.
class CSTARCHAT_WIDGETS_EXPORT MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    enum class Action { Retry, Discard, CancelUpload };
    /// Where the Retry/Discard links of a failed own message (or Cancel
    /// upload of an uploading one) are drawn (null when the row has none),
    /// in the view's coordinates.
    QRect actionRect(const QStyleOptionViewItem &option, const QModelIndex &index,
                     Action action) const;

    /// Where attachment `i` of the row is drawn (a thumbnail or a chip), or
    /// its "Save…" link (`saveLink`), in the view's coordinates; null when none.
    QRect attachmentRect(const QStyleOptionViewItem &option, const QModelIndex &index, int i,
                         bool saveLink = false) const;

    /// The text of a row as a screen reader should say it.
    QString accessibleText(const QModelIndex &index) const;

    /// Where image thumbnails come from (ChatClient::attachmentCache());
    /// without one, received images show as file chips.
    void setAttachmentCache(AttachmentCache *cache);

    /// Drops cached layouts (call on palette, font or language changes).
    void invalidate();

Q_SIGNALS:
    void retryRequested(int row);
    void discardRequested(int row);
    void linkActivated(const QUrl &url);
    /// An image thumbnail was clicked: show it full size. The map is the
    /// model's attachment (id, name, contentType, size, sha256, filePath…).
    void imageActivated(const QVariantMap &attachment);
    /// "Save…" on a file chip was clicked.
    void saveRequested(const QVariantMap &attachment);
    void cancelUploadRequested(int row);

private:
    struct Layout;
    struct Roles
    {
        int content = -1, sender = -1, senderName = -1, createdAt = -1, isOwn = -1,
            deliveryState = -1, showSender = -1, daySection = -1, isFirstUnread = -1, id = -1,
            clientMessageId = -1, attachments = -1, uploadProgress = -1;
    };
    const Roles &rolesFor(const QAbstractItemModel *model) const;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QTextDocument *documentFor(const QModelIndex &index, const QStyleOptionViewItem &option,
                               int width) const;

    mutable QHash<const QAbstractItemModel *, Roles> m_roles;
    mutable QCache<QString, QTextDocument> m_documents;
    AttachmentPainter *m_attachments;
};

} // namespace CStar
