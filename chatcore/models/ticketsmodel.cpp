// SPDX-License-Identifier: MIT
#include "ticketsmodel.h"
#include "ticketsmodel_p.h"

#include "logging_p.h"
#include "modelfeed_p.h"
#include "unreadtracker.h"

#include <algorithm>

namespace CStar {

namespace {
constexpr int firstRole = TicketsModel::IdRole;
constexpr int lastRole = TicketsModel::TicketRole;
} // namespace

// ---- TicketsModelPrivate -------------------------------------------------------

TicketsModelPrivate::TicketsModelPrivate(TicketsModel *q) : q(q), feed(new ModelFeed(q)) { }

void TicketsModelPrivate::attach()
{
    ChatClient *client = feed->client();
    if (!client)
        return;
    tracker = client->unreadTracker();
    feed->keep(client->onTicket(QString(), feed, [this](const Ticket &t) { onTicket(t); }));
    feed->keep(client->onMessage(QString(), feed, [this](const Message &m) { onMessage(m); }));
    trackerConnections << QObject::connect(tracker, &UnreadTracker::unreadCountChanged, feed,
                                           [this](const QString &id) { onUnreadChanged(id); })
                       << QObject::connect(tracker, &UnreadTracker::reloaded, feed, [this] {
                              if (!rows.isEmpty() && !resetting)
                                  Q_EMIT q->dataChanged(q->index(0), q->index(rows.size() - 1),
                                                        {TicketsModel::UnreadCountRole});
                          });
    scheduleRefresh();
}

void TicketsModelPrivate::detach()
{
    feed->nextGeneration();
    for (const auto &c : std::as_const(trackerConnections))
        QObject::disconnect(c);
    trackerConnections.clear();
    tracker = nullptr;
    feed->unsubscribeAll();
    deferred.clear();
    fetching.clear();
    ignored.clear();
    cursor.clear();
    clearRows();
    feed->resetState();
}

void TicketsModelPrivate::scheduleRefresh()
{
    if (!feed->client())
        return;
    feed->setLoading(true, feed->isLoadingMore()); // deferring live events from now on
    if (refreshQueued)
        return;
    refreshQueued = true;
    QMetaObject::invokeMethod(
        feed,
        [this] {
            refreshQueued = false;
            refresh();
        },
        Qt::QueuedConnection);
}

void TicketsModelPrivate::refresh()
{
    ChatClient *client = feed->client();
    if (!client)
        return;
    const quint64 gen = feed->nextGeneration();
    deferred.clear();
    ignored.clear();
    feed->setLoading(true, false);
    TicketListOptions options;
    options.status = status;
    options.limit = feed->pageSize();
    client->tickets().list(options)->then(
        feed,
        [this, gen](const TicketPage &page) {
            if (feed->isCurrent(gen))
                applyFirstPage(page);
        },
        [this, gen](const ChatError &e) {
            if (feed->isCurrent(gen))
                refreshFailed(e);
        });
}

void TicketsModelPrivate::applyFirstPage(const TicketPage &page)
{
    cursor = page.nextCursor;
    setRows(page.data);
    feed->setHasMore(page.hasMore);
    feed->setError(ChatError());
    feed->setLoading(false, false);
    runDeferred();
}

void TicketsModelPrivate::refreshFailed(const ChatError &e)
{
    qCDebug(lcModels) << "tickets: refresh failed:" << e.toString();
    if (ModelFeed::clearsRows(e)) {
        clearRows();
        feed->setHasMore(false);
    }
    feed->setError(e);
    feed->setLoading(false, false);
    runDeferred();
}

void TicketsModelPrivate::runDeferred()
{
    const auto pending = std::exchange(deferred, {});
    for (const auto &apply : pending)
        apply();
}

void TicketsModelPrivate::fetchMore()
{
    if (!feed->canPage())
        return;
    const quint64 gen = feed->generation();
    feed->setLoading(false, true);
    TicketListOptions options;
    options.status = status;
    options.limit = feed->pageSize();
    options.cursor = cursor;
    feed->client()->tickets().list(options)->then(
        feed,
        [this, gen](const TicketPage &page) {
            if (feed->isCurrent(gen))
                applyNextPage(page);
        },
        [this, gen](const ChatError &e) {
            if (!feed->isCurrent(gen))
                return;
            feed->setError(e);
            feed->setLoading(false, false);
        });
}

void TicketsModelPrivate::applyNextPage(const TicketPage &page)
{
    cursor = page.nextCursor;
    QList<Ticket> fresh;
    for (const Ticket &t : page.data) {
        if (rows.rowOf(t.id()) >= 0)
            upsert(t, true); // moved down meanwhile: update, keep one row
        else if (matchesFilter(t))
            fresh.append(t);
    }
    std::sort(fresh.begin(), fresh.end(), TicketRows::sortsBefore);
    const bool allAfter = fresh.isEmpty() || rows.isEmpty()
        || TicketRows::sortsBefore(rows.last(), fresh.constFirst());
    if (allAfter && !fresh.isEmpty()) {
        const int first = rows.size();
        q->beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        rows.append(fresh);
        q->endInsertRows();
        Q_EMIT q->countChanged();
    } else {
        for (const Ticket &t : std::as_const(fresh))
            insertRow(t, rows.sortedPosition(t, -1));
    }
    for (const Ticket &t : std::as_const(fresh)) {
        if (tracker)
            tracker->noteTicket(t);
    }
    feed->setHasMore(page.hasMore);
    feed->setLoading(false, false);
}

bool TicketsModelPrivate::matchesFilter(const Ticket &ticket) const
{
    return statuses.isEmpty() || statuses.contains(ticket.statusName());
}

QVariant TicketsModelPrivate::roleValue(int row, int role) const
{
    const Ticket &t = rows.at(row);
    switch (role) {
    case TicketsModel::IdRole:
        return t.id();
    case Qt::DisplayRole:
    case TicketsModel::TitleRole:
        return t.title();
    case TicketsModel::StatusRole:
        return t.statusName();
    case TicketsModel::PriorityRole:
        return t.priorityName();
    case TicketsModel::MessageCountRole:
        return t.messageCount();
    case TicketsModel::LastMessageRole:
        return t.lastMessage().content();
    case TicketsModel::UnreadCountRole:
        return tracker ? tracker->unreadCount(t.id()) : 0;
    case TicketsModel::CreatedAtRole:
        return t.createdAt();
    case TicketsModel::UpdatedAtRole:
        return t.updatedAt();
    case TicketsModel::TicketRole:
        return QVariant::fromValue(t);
    default:
        return {};
    }
}

QList<QVariant> TicketsModelPrivate::snapshot(int row) const
{
    return ModelFeed::snapshot(firstRole, lastRole,
                               [this, row](int role) { return roleValue(row, role); });
}

void TicketsModelPrivate::emitChanges(int row, const QList<QVariant> &before)
{
    const QList<int> roles =
        ModelFeed::changedRoles(before, snapshot(row), firstRole, TicketsModel::TitleRole);
    if (!roles.isEmpty())
        Q_EMIT q->dataChanged(q->index(row), q->index(row), roles);
}

void TicketsModelPrivate::placeRow(int row)
{
    const int target = rows.sortedPosition(rows.at(row), row);
    if (target == row)
        return;
    // beginMoveRows wants the destination in pre-move numbering.
    const int destination = target > row ? target + 1 : target;
    q->beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination);
    rows.move(row, target);
    q->endMoveRows();
}

void TicketsModelPrivate::onTicket(const Ticket &ticket)
{
    if (feed->isLoading()) {
        deferred.append([this, ticket] { onTicket(ticket); });
        return;
    }
    upsert(ticket, false);
}

void TicketsModelPrivate::onMessage(const Message &message)
{
    if (message.isInternal())
        return;
    if (feed->isLoading()) {
        deferred.append([this, message] { onMessage(message); });
        return;
    }
    const int row = rows.rowOf(message.ticketId());
    if (row < 0) {
        fetchUnknown(message.ticketId());
        return;
    }
    Ticket t = rows.at(row);
    const Message last = t.lastMessage();
    // Already part of the summary, or older than it (a replay): nothing to do.
    if (last.isValid() && (last.id() == message.id() || message.createdAt() < last.createdAt()))
        return;
    const QList<QVariant> before = snapshot(row);
    applying = t.id();
    if (tracker)
        tracker->noteMessage(message);
    applying.clear();
    t.applyMessage(message);
    rows.replace(row, t);
    emitChanges(row, before);
    placeRow(row);
}

void TicketsModelPrivate::upsert(const Ticket &ticket, bool anywhere)
{
    const int row = rows.rowOf(ticket.id());
    if (row >= 0) {
        if (!matchesFilter(ticket)) {
            removeRow(row);
            ignored.insert(ticket.id());
            return;
        }
        if (ticket.updatedAt() < rows.at(row).updatedAt())
            return; // an older copy than the one shown
        const QList<QVariant> before = snapshot(row);
        rows.replace(row, ticket);
        emitChanges(row, before);
        placeRow(row);
        return;
    }
    if (!matchesFilter(ticket)) {
        ignored.insert(ticket.id());
        return;
    }
    ignored.remove(ticket.id());
    const int position = rows.sortedPosition(ticket, -1);
    // Past the loaded pages it will come with fetchMore(), in its place.
    if (!anywhere && feed->hasMore() && position >= rows.size())
        return;
    insertRow(ticket, position);
    if (tracker) {
        applying = ticket.id();
        tracker->noteTicket(ticket);
        applying.clear();
    }
}

void TicketsModelPrivate::insertRow(const Ticket &ticket, int position)
{
    q->beginInsertRows(QModelIndex(), position, position);
    rows.insert(position, ticket);
    q->endInsertRows();
    Q_EMIT q->countChanged();
}

void TicketsModelPrivate::removeRow(int row)
{
    q->beginRemoveRows(QModelIndex(), row, row);
    rows.removeAt(row);
    q->endRemoveRows();
    Q_EMIT q->countChanged();
}

void TicketsModelPrivate::fetchUnknown(const QString &ticketId)
{
    ChatClient *client = feed->client();
    if (!client || ticketId.isEmpty() || fetching.contains(ticketId) || ignored.contains(ticketId))
        return;
    fetching.insert(ticketId);
    const quint64 gen = feed->generation();
    client->tickets().get(ticketId)->then(
        feed,
        [this, gen, ticketId](const Ticket &t) {
            fetching.remove(ticketId);
            if (feed->isCurrent(gen) && !feed->isLoading())
                upsert(t, false);
        },
        [this, ticketId](const ChatError &) { fetching.remove(ticketId); });
}

void TicketsModelPrivate::setRows(const QList<Ticket> &tickets)
{
    QList<Ticket> sorted;
    sorted.reserve(tickets.size());
    QSet<QString> seen;
    for (const Ticket &t : tickets) {
        if (!seen.contains(t.id()) && matchesFilter(t)) {
            seen.insert(t.id());
            sorted.append(t);
        }
    }
    std::sort(sorted.begin(), sorted.end(), TicketRows::sortsBefore);
    const bool wasEmpty = rows.isEmpty();
    if (wasEmpty && sorted.isEmpty())
        return;
    resetting = true;
    if (wasEmpty) { // the first page: a plain insert, no reset needed
        q->beginInsertRows(QModelIndex(), 0, int(sorted.size()) - 1);
    } else {
        q->beginResetModel();
    }
    rows.reset(sorted);
    if (tracker) {
        for (const Ticket &t : rows.all())
            tracker->noteTicket(t);
    }
    if (wasEmpty)
        q->endInsertRows();
    else
        q->endResetModel();
    resetting = false;
    Q_EMIT q->countChanged();
}

void TicketsModelPrivate::clearRows()
{
    if (rows.isEmpty())
        return;
    q->beginRemoveRows(QModelIndex(), 0, rows.size() - 1);
    rows.clear();
    q->endRemoveRows();
    Q_EMIT q->countChanged();
}

void TicketsModelPrivate::onUnreadChanged(const QString &ticketId)
{
    if (resetting || ticketId == applying)
        return;
    const int row = rows.rowOf(ticketId);
    if (row >= 0)
        Q_EMIT q->dataChanged(q->index(row), q->index(row), {TicketsModel::UnreadCountRole});
}

// ---- TicketsModel ---------------------------------------------------------------

TicketsModel::TicketsModel(QObject *parent)
    : QAbstractListModel(parent), d(new TicketsModelPrivate(this))
{
    d->feed->setPageSize(20);
    connect(d->feed, &ModelFeed::busyChanged, this, &TicketsModel::loadingChanged);
    connect(d->feed, &ModelFeed::errorChanged, this, &TicketsModel::errorChanged);
    connect(d->feed, &ModelFeed::hasMoreChanged, this, &TicketsModel::hasMoreChanged);
    connect(d->feed, &ModelFeed::resyncRequested, this, [this] { d->scheduleRefresh(); });
}

TicketsModel::TicketsModel(ChatClient *client, QObject *parent) : TicketsModel(parent)
{
    setClient(client);
}

TicketsModel::~TicketsModel()
{
    for (const auto &c : std::as_const(d->trackerConnections))
        QObject::disconnect(c);
    d->feed->unsubscribeAll();
}

ChatClient *TicketsModel::client() const
{
    return d->feed->client();
}

void TicketsModel::setClient(ChatClient *client)
{
    if (client == d->feed->client())
        return;
    d->detach();
    d->feed->setClient(client);
    d->attach();
    Q_EMIT clientChanged();
}

bool TicketsModel::isLoading() const
{
    return d->feed->isBusy();
}

ChatError TicketsModel::error() const
{
    return d->feed->error();
}

bool TicketsModel::hasMore() const
{
    return d->feed->hasMore();
}

QString TicketsModel::status() const
{
    return d->status;
}

void TicketsModel::setStatus(const QString &status)
{
    if (status == d->status)
        return;
    d->status = status;
    d->statuses.clear();
    for (const QString &s : status.split(QLatin1Char(','), Qt::SkipEmptyParts))
        d->statuses.append(s.trimmed());
    Q_EMIT statusChanged();
    d->scheduleRefresh();
}

int TicketsModel::pageSize() const
{
    return d->feed->pageSize();
}

void TicketsModel::setPageSize(int size)
{
    if (d->feed->setPageSize(size)) // protocol §5
        Q_EMIT pageSizeChanged();
}

int TicketsModel::count() const
{
    return d->rows.size();
}

int TicketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : d->rows.size();
}

QVariant TicketsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return d->roleValue(index.row(), role);
}

QHash<int, QByteArray> TicketsModel::roleNames() const
{
    return {
        {IdRole, QByteArrayLiteral("id")},
        {TitleRole, QByteArrayLiteral("title")},
        {StatusRole, QByteArrayLiteral("status")},
        {PriorityRole, QByteArrayLiteral("priority")},
        {MessageCountRole, QByteArrayLiteral("messageCount")},
        {LastMessageRole, QByteArrayLiteral("lastMessage")},
        {UnreadCountRole, QByteArrayLiteral("unreadCount")},
        {CreatedAtRole, QByteArrayLiteral("createdAt")},
        {UpdatedAtRole, QByteArrayLiteral("updatedAt")},
        {TicketRole, QByteArrayLiteral("ticket")},
    };
}

bool TicketsModel::canFetchMore(const QModelIndex &parent) const
{
    // Newest first: older tickets are more rows at the end, what views
    // mean by fetchMore().
    return !parent.isValid() && d->feed->canPage();
}

void TicketsModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        d->fetchMore();
}

Ticket TicketsModel::ticket(int row) const
{
    return row >= 0 && row < d->rows.size() ? d->rows.at(row) : Ticket();
}

int TicketsModel::rowOf(const QString &ticketId) const
{
    return ticketId.isEmpty() ? -1 : d->rows.rowOf(ticketId);
}

void TicketsModel::refresh()
{
    d->refresh();
}

Job<Ticket> *TicketsModel::create(const QString &title, const QString &message,
                                  const QString &priority)
{
    ChatClient *client = d->feed->client();
    if (!client)
        return nullptr;
    auto *job = client->tickets().create(title, message, priority);
    job->then(this, [this, client = QPointer<ChatClient>(client)](const Ticket &t) {
        if (client != d->feed->client())
            return;
        if (d->feed->isLoading()) // the page on its way may predate the ticket
            d->deferred.append([this, t] { d->upsert(t, true); });
        else
            d->upsert(t, true);
    });
    return job;
}

ChatJob *TicketsModel::createTicket(const QString &title, const QString &message,
                                    const QString &priority)
{
    return create(title, message, priority);
}

} // namespace CStar
