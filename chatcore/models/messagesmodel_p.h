// SPDX-License-Identifier: MIT
#pragma once

#include "messagesmodel.h"
#include "outboxentry.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <deque>

class QTimer;

namespace CStar {

class Outbox;
class UnreadTracker;

class MessagesModelPrivate
{
public:
    struct Row
    {
        Message message; // the server's copy, or the local echo (no id yet)
        DeliveryState state = DeliveryState::Sent;
        QString day; // cached daySection
    };

    struct Typist
    {
        QString name;
        QDeadlineTimer deadline;
        quint64 order = 0;
    };

    explicit MessagesModelPrivate(MessagesModel *q) : q(q) { }

    void attachClient();
    void detachClient();
    void attachTicket();
    void detachTicket();
    void scheduleLoad();
    void load();
    void applyFirstPage(const MessagePage &page);
    void loadFailed(const ChatError &error);
    void fetchOlder();
    void scheduleResync();
    void resync();
    void catchUp(const QString &after, quint64 generation);

    // Rows and the id indexes. An index stores row + base; prepending k rows
    // lowers base by k, so no stored position changes (O(1) per new row).
    int findId(const QString &id) const;
    int findClientId(const QString &clientMessageId) const;
    void indexRow(int row);
    void unindexRow(int row);
    Row serverRow(const Message &message);
    /// One shared copy of a string that repeats from row to row.
    QString intern(const QString &text);
    Row echoRow(const OutboxEntry &entry) const;
    void insertBeforePendingEchoes(const Row &row);
    void appendRow(const Row &row);
    void prependRows(const QList<Row> &fresh);
    void removeRowAt(int row);
    void clearRows();
    bool showSender(int row) const;
    QVariant roleValue(int row, int role) const;
    QList<QVariant> snapshot(int row) const;
    void emitChanges(int row, const QList<QVariant> &before);
    QString ownName() const;
    QString oldestServerId() const;
    Message newestServerMessage() const;

    void onLiveMessage(const Message &message);
    void applyServerMessage(const Message &message);
    void replaceWithServer(int row, const Message &message);
    void onEntryAdded(const OutboxEntry &entry);
    void onEntryChanged(const OutboxEntry &entry);
    void onEntryDelivered(const OutboxEntry &entry, const Message &message);
    void onEntryRemoved(const OutboxEntry &entry);
    void onEntriesReloaded();
    void addMissingEchoes();

    void updateFirstUnread();
    void setFirstUnread(const QString &id);
    void syncUnreadCount();

    void onTyping(const TypingEvent &event);
    void dropTypist(const QString &key);
    void expireTyping();

    void setLoading(bool loading, bool more);
    void setError(const ChatError &error);
    void setHasMore(bool hasMore);

    MessagesModel *q;
    QPointer<ChatClient> client;
    QPointer<Outbox> outbox;
    QPointer<UnreadTracker> tracker;
    QString ticketId;
    int pageSize = 50;

    std::deque<Row> rows;
    qint64 base = 0;
    QHash<QString, qint64> byId;
    QHash<QString, qint64> byClientId;
    // Ticket id, sender role and sender name are the same in most rows of a
    // conversation: rows share one buffer each (docs/benchmarks.md, 3d).
    QSet<QString> interned;

    bool loading = false;
    bool loadingMore = false;
    bool hasMore = false;
    bool loadQueued = false;
    bool resyncQueued = false;
    QString knownToken; // to notice a session replaced under us
    ChatError error;
    quint64 generation = 0;
    QList<Message> pendingLive; // server messages that arrived during the first load

    QString firstUnreadId;
    int visibleUnread = 0; // unread rows in the model
    int unread = 0;

    QHash<QString, Typist> typists;
    quint64 typistOrder = 0;
    QStringList typingNames;
    QTimer *typingTimer = nullptr;

    QList<quint64> subscriptions;
    QList<QMetaObject::Connection> clientConnections;
};

} // namespace CStar
