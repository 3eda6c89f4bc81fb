// SPDX-License-Identifier: MIT
#pragma once

#include "outboxentry.h"
#include "outgoingattachment.h"

#include <QObject>

#include <memory>

namespace CStar {

class ChatClient;
class OutboxPrivate;

/// The durable outbox: messages the customer sent are written to SQLite before
/// their first attempt, delivered one at a time in order, retried with
/// exponential backoff (and at once when the realtime connection comes back),
/// and removed only when the server acknowledged them — by the HTTP answer or
/// by the event stream's copy with the same clientMessageId. After a crash or
/// restart the entries of the restored session are sent again with the same
/// clientMessageId and Idempotency-Key, so each reaches the server exactly once
/// (protocol §3, §6). Entries are scoped per customer (per anonymous session).
///
/// One outbox per client, owned by it: ChatClient::outbox(), stored in
/// ChatClient::storageDirectory().
class CSTARCHAT_CORE_EXPORT Outbox : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString databasePath READ databasePath CONSTANT)
public:
    ~Outbox() override;

    ChatClient *client() const;
    QString databasePath() const;
    bool isOpen() const;

    /// Entries of the current customer, oldest first (all tickets when empty).
    QList<OutboxEntry> entries(const QString &ticketId = QString()) const;
    OutboxEntry entry(const QString &clientMessageId) const;
    int count() const;

    /// Persists a new message and schedules its delivery. Returns the entry
    /// (invalid if it could not be persisted).
    OutboxEntry enqueue(const QString &ticketId, const QString &content);
    /// The same with files (protocol §11): each is copied into the outbox's
    /// folder before the first attempt (invalid entry when one cannot be read
    /// or is refused by OutgoingAttachment::check()), uploaded once, then
    /// named in the message. Copies go when the entry is delivered or dropped.
    OutboxEntry enqueue(const QString &ticketId, const QString &content,
                        const QList<OutgoingAttachment> &files);
    /// Stops the entry's upload or request on its way: the entry fails and
    /// waits for retry() or discard() (nothing is lost).
    Q_INVOKABLE bool cancel(const QString &clientMessageId);
    /// Sends a failed entry again now (same clientMessageId and Idempotency-Key).
    Q_INVOKABLE bool retry(const QString &clientMessageId);
    /// Drops an entry; a request already on its way may still arrive.
    Q_INVOKABLE bool discard(const QString &clientMessageId);
    /// The server's copy of an entry was seen (for instance in a message
    /// list): the entry is done.
    bool acknowledge(const Message &serverCopy);
    /// Deletes every entry of the current customer (logout, shared computers).
    void clearCurrentScope();

    /// Backoff between automatic attempts after a transient failure:
    /// base · 2^(n−1), capped at max (defaults 2 s and 60 s).
    void setRetryDelays(int baseMs, int maxMs);

Q_SIGNALS:
    void entryAdded(const CStar::OutboxEntry &entry);
    /// State, error or attempt count changed.
    void entryChanged(const CStar::OutboxEntry &entry);
    /// The server acknowledged the entry with `message`; it has been removed.
    void entryDelivered(const CStar::OutboxEntry &entry, const CStar::Message &message);
    /// Discarded or wiped without delivery.
    void entryRemoved(const CStar::OutboxEntry &entry);
    /// The session's customer changed: entries() is a different set now.
    void entriesReloaded();
    void countChanged();
    /// Bytes of the entry's files uploaded so far, over all of them.
    void uploadProgress(const QString &clientMessageId, qint64 sent, qint64 total);

private:
    /// Opens the outbox stored at `databasePath` for `client`, as its child.
    Outbox(ChatClient *client, const QString &databasePath);

    friend class ChatClient; // makes it and moves it (storageDirectory)
    friend class OutboxPrivate;
    std::unique_ptr<OutboxPrivate> d;
};

} // namespace CStar
