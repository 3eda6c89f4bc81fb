// SPDX-License-Identifier: MIT
#pragma once

#include "ticketsmodel.h"

#include <QPointer>
#include <QSet>

#include <functional>

namespace CStar {

class UnreadTracker;

class TicketsModelPrivate
{
public:
    explicit TicketsModelPrivate(TicketsModel *q) : q(q) { }

    void attach();
    void detach();
    void scheduleRefresh();
    void refresh();
    void fetchMore();
    void setLoading(bool loading, bool more);
    void setError(const ChatError &error);
    void setHasMore(bool hasMore);

    bool matchesFilter(const Ticket &ticket) const;
    int sortedPosition(const Ticket &ticket, int skipRow) const;
    QVariant roleValue(int row, int role) const;
    QList<QVariant> snapshot(int row) const;
    void emitChanges(int row, const QList<QVariant> &before);
    void placeRow(int row);

    void onTicket(const Ticket &ticket);
    void onMessage(const Message &message);
    /// Inserts or updates a ticket. `anywhere`: even past the loaded pages.
    void upsert(const Ticket &ticket, bool anywhere);
    void insertRow(const Ticket &ticket, int position);
    void removeRow(int row);
    void fetchUnknown(const QString &ticketId);
    void setRows(const QList<Ticket> &tickets);
    void clearRows();
    void onUnreadChanged(const QString &ticketId);

    TicketsModel *q;
    QPointer<ChatClient> client;
    QPointer<UnreadTracker> tracker;
    QList<Ticket> rows; // sorted: updatedAt desc, id desc
    QString status;
    QStringList statuses;
    int pageSize = 20;
    bool loading = false;
    bool loadingMore = false;
    bool hasMore = false;
    QString cursor;
    ChatError error;
    quint64 generation = 0;
    bool refreshQueued = false;
    // Live events that arrived while a refresh was on its way; applied on top
    // of the fresh page (whose copy may predate them).
    QList<std::function<void()>> deferred;
    QSet<QString> fetching; // tickets asked for after a message for an unknown one
    QSet<QString> ignored; // known not to match the filter
    QString applying; // the ticket whose unread count we are changing ourselves
    QString knownToken; // to notice a session replaced under us
    bool resetting = false;
    QList<quint64> subscriptions;
    QList<QMetaObject::Connection> connections;
};

} // namespace CStar
