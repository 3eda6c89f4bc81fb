// SPDX-License-Identifier: MIT
#pragma once

#include "echoreconciler_p.h"
#include "historyloader_p.h"
#include "messagerows_p.h"
#include "messagesmodel.h"

#include <QPointer>

namespace CStar {

class ModelFeed;
class TypingUsers;
class UnreadTracker;

/// The hub MessagesModel's parts share: the rows, and the operations that
/// change them and tell the views (granular inserts, moves and dataChanged).
/// The jobs live in their own classes: HistoryLoader (pages, catch-up),
/// EchoReconciler (local echoes and the Outbox), TypingUsers; the unread
/// marker stays here, next to the rows it walks.
class MessagesModelPrivate
{
public:
    using Row = MessageRows::Row;

    explicit MessagesModelPrivate(MessagesModel *q);

    void attachClient();
    void detachClient();
    void attachTicket();
    void detachTicket();

    // Changes to the rows, announced to the views.
    void appendRow(const Row &row);
    void prependRows(const QList<Row> &fresh);
    /// Server order, above the echoes still on their way.
    void insertServerRow(const Row &row);
    /// The server's copy of a row (an echo, or a row it already had).
    void replaceWithServer(int row, const Message &message);
    void setRowState(int row, DeliveryState state);
    void removeRowAt(int row);
    void clearRows();
    QVariant roleValue(int row, int role) const;

    /// A message of this ticket from the server (stream, page, catch-up):
    /// ignored when known, replaces its echo, otherwise a new row.
    void applyServerMessage(const Message &message);

    // Unread: the first unread row and the count.
    void updateFirstUnread();
    void setFirstUnread(const QString &id);
    /// Older rows paged in: unread ones a never-read history reveals.
    void noteOlderRows(const QList<Row> &older);
    void syncUnreadCount();

    MessagesModel *q;
    ModelFeed *feed;
    TypingUsers *typing;
    MessageRows rows;
    HistoryLoader history;
    EchoReconciler echoes;
    QPointer<UnreadTracker> tracker;
    QString ticketId;

    QString firstUnreadId;
    int visibleUnread = 0; // unread rows in the model
    int unread = 0;

    QList<QMetaObject::Connection> trackerConnections;
};

} // namespace CStar
