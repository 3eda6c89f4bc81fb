// SPDX-License-Identifier: MIT
#pragma once

#include "outbox.h"

#include "messagerows_p.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QVariantList>

namespace CStar {

class MessagesModelPrivate;

/// Local echo (styleguide: libQuotient's pending events, but durable): the
/// Outbox's entries of this ticket shown as rows with their delivery state,
/// replaced in place by the server's copy — from the HTTP answer, the event
/// stream or a page, whichever comes first — and acknowledged to the Outbox.
class EchoReconciler
{
public:
    explicit EchoReconciler(MessagesModelPrivate *d) : d(d) { }

    Outbox *outbox() const { return m_outbox; }
    void setOutbox(Outbox *outbox);

    /// The server's copy of one of our echoes: replaces it, tells the
    /// Outbox. False when `message` is no echo's.
    bool absorb(const Message &message);
    /// Entries of the ticket without a row yet get one.
    void addMissing();

    QString send(const QString &text, const QList<OutgoingAttachment> &files);
    bool retry(int row);
    bool discard(int row);
    bool cancel(int row);
    /// QML's maps (OutgoingAttachment::toVariantMap()): only filePath and
    /// name are taken; size and type are read from the file again.
    static QList<OutgoingAttachment> filesOf(const QVariantList &maps);
    /// The AttachmentsRole value of a row.
    QVariantList attachmentMaps(const MessageRows::Row &row) const;
    /// 0…1 while the echo's files upload (its last progress), else −1.
    qreal uploadProgress(const QString &clientMessageId) const;

private:
    void onAdded(const OutboxEntry &entry);
    void onChanged(const OutboxEntry &entry);
    void onDelivered(const OutboxEntry &entry, const Message &message);
    void onRemoved(const OutboxEntry &entry);
    void onReloaded();
    void onUploadProgress(const QString &clientMessageId, qint64 sent, qint64 total);
    void clearProgress(const QString &clientMessageId);
    Message echoOf(const OutboxEntry &entry) const;

    MessagesModelPrivate *d;
    QPointer<Outbox> m_outbox;
    QList<QMetaObject::Connection> m_connections;
    QHash<QString, qreal> m_progress; // clientMessageId → 0…1 while uploading
};

} // namespace CStar
