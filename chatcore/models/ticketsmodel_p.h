// SPDX-License-Identifier: MIT
#pragma once

#include "ticketrows_p.h"
#include "ticketsmodel.h"

#include <QPointer>
#include <QSet>

#include <functional>

namespace CStar {

class ModelFeed;
class UnreadTracker;

class TicketsModelPrivate
{
public:
    explicit TicketsModelPrivate(TicketsModel *q);

    void attach();
    void detach();
    void scheduleRefresh();
    void refresh();
    void applyFirstPage(const TicketPage &page);
    void refreshFailed(const ChatError &error);
    void runDeferred();
    void fetchMore();
    void applyNextPage(const TicketPage &page);

    bool matchesFilter(const Ticket &ticket) const;
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
    ModelFeed *feed;
    QPointer<UnreadTracker> tracker;
    TicketRows rows;
    QString status;
    QStringList statuses;
    QString cursor;
    bool refreshQueued = false;
    // Live events that arrived while a refresh was on its way; applied on top
    // of the fresh page (whose copy may predate them).
    QList<std::function<void()>> deferred;
    QSet<QString> fetching; // tickets asked for after a message for an unknown one
    QSet<QString> ignored; // known not to match the filter
    QString applying; // the ticket whose unread count we are changing ourselves
    bool resetting = false;
    QList<QMetaObject::Connection> trackerConnections;
};

} // namespace CStar
