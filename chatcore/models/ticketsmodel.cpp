// SPDX-License-Identifier: MIT
#include "ticketsmodel.h"
#include "ticketsmodel_p.h"

#include "logging_p.h"
#include "unreadtracker.h"

#include <algorithm>

namespace CStar {

namespace {

constexpr int firstRole = TicketsModel::IdRole;
constexpr int lastRole = TicketsModel::TicketRole;

// docs/protocol-notes.md "Ticket paging": updatedAt desc, then id desc.
bool sortsBefore(const Ticket &a, const Ticket &b)
{
    if (a.updatedAt() != b.updatedAt())
        return a.updatedAt() > b.updatedAt();
    return a.id() > b.id();
}

bool clearsList(const ChatError &error)
{
    // The list belongs to someone else now (logout, expiry): do not keep
    // showing it.
    switch (error.kind()) {
    case ChatError::Kind::AuthRequired:
    case ChatError::Kind::Authentication:
    case ChatError::Kind::Permission:
    case ChatError::Kind::NotFound:
        return true;
    default:
        return false;
    }
}

} // namespace

// ---- TicketsModelPrivate -------------------------------------------------------

void TicketsModelPrivate::attach()
{
    if (!client)
        return;
    tracker = UnreadTracker::forClient(client);
    subscriptions << client->onTicket(QString(), q, [this](const Ticket &t) { onTicket(t); })
                  << client->onMessage(QString(), q, [this](const Message &m) { onMessage(m); });
    knownToken = client->sessionToken();
    connections << QObject::connect(client, &ChatClient::resyncRequired, q,
                                    [this] { scheduleRefresh(); })
                << QObject::connect(client, &ChatClient::sessionChanged, q,
                                    [this] {
                                        // A replaced (not a first) session may be
                                        // another customer's, e.g. restored late
                                        // from the keychain: reload.
                                        const QString token = client->sessionToken();
                                        if (!knownToken.isEmpty() && token != knownToken)
                                            scheduleRefresh();
                                        knownToken = token;
                                    })
                << QObject::connect(tracker, &UnreadTracker::unreadCountChanged, q,
                                    [this](const QString &id) { onUnreadChanged(id); })
                << QObject::connect(tracker, &UnreadTracker::reloaded, q, [this] {
                       if (!rows.isEmpty() && !resetting)
                           Q_EMIT q->dataChanged(q->index(0), q->index(int(rows.size()) - 1),
                                                 {TicketsModel::UnreadCountRole});
                   });
    scheduleRefresh();
}

void TicketsModelPrivate::detach()
{
    ++generation;
    for (const auto &c : std::as_const(connections))
        QObject::disconnect(c);
    connections.clear();
    if (client) {
        for (quint64 id : std::as_const(subscriptions))
            client->unsubscribe(id);
    }
    subscriptions.clear();
    deferred.clear();
    fetching.clear();
    ignored.clear();
    cursor.clear();
    clearRows();
    setHasMore(false);
    setLoading(false, false);
    setError(ChatError());
}

void TicketsModelPrivate::scheduleRefresh()
{
    if (!client)
        return;
    setLoading(true, loadingMore); // deferring live events from now on
    if (refreshQueued)
        return;
    refreshQueued = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            refreshQueued = false;
            refresh();
        },
        Qt::QueuedConnection);
}

void TicketsModelPrivate::refresh()
{
    if (!client)
        return;
    const quint64 gen = ++generation;
    deferred.clear();
    ignored.clear();
    setLoading(true, false);
    TicketListOptions options;
    options.status = status;
    options.limit = pageSize;
    client->tickets().list(options)->then(
        q,
        [this, gen](const TicketPage &page) {
            if (gen != generation)
                return;
            cursor = page.nextCursor;
            setRows(page.data);
            setHasMore(page.hasMore);
            setError(ChatError());
            setLoading(false, false);
            const auto pending = std::exchange(deferred, {});
            for (const auto &apply : pending)
                apply();
        },
        [this, gen](const ChatError &e) {
            if (gen != generation)
                return;
            qCDebug(lcModels) << "tickets: refresh failed:" << e.toString();
            if (clearsList(e)) {
                clearRows();
                setHasMore(false);
            }
            setError(e);
            setLoading(false, false);
            const auto pending = std::exchange(deferred, {});
            for (const auto &apply : pending)
                apply();
        });
}

void TicketsModelPrivate::fetchMore()
{
    if (!client || !hasMore || loading || loadingMore)
        return;
    const quint64 gen = generation;
    setLoading(false, true);
    TicketListOptions options;
    options.status = status;
    options.limit = pageSize;
    options.cursor = cursor;
    client->tickets().list(options)->then(
        q,
        [this, gen](const TicketPage &page) {
            if (gen != generation)
                return;
            cursor = page.nextCursor;
            QList<Ticket> fresh;
            for (const Ticket &t : page.data) {
                if (q->rowOf(t.id()) >= 0)
                    upsert(t, true); // moved down meanwhile: update, keep one row
                else if (matchesFilter(t))
                    fresh.append(t);
            }
            std::sort(fresh.begin(), fresh.end(), sortsBefore);
            const bool allAfter = fresh.isEmpty() || rows.isEmpty()
                || sortsBefore(rows.constLast(), fresh.constFirst());
            if (allAfter && !fresh.isEmpty()) {
                const int first = int(rows.size());
                q->beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
                rows.append(fresh);
                q->endInsertRows();
                Q_EMIT q->countChanged();
            } else {
                for (const Ticket &t : std::as_const(fresh))
                    insertRow(t, sortedPosition(t, -1));
            }
            for (const Ticket &t : std::as_const(fresh)) {
                if (tracker)
                    tracker->noteTicket(t);
            }
            setHasMore(page.hasMore);
            setLoading(false, false);
        },
        [this, gen](const ChatError &e) {
            if (gen != generation)
                return;
            setError(e);
            setLoading(false, false);
        });
}

void TicketsModelPrivate::setLoading(bool newLoading, bool newMore)
{
    const bool before = loading || loadingMore;
    loading = newLoading;
    loadingMore = newMore;
    if (before != (loading || loadingMore))
        Q_EMIT q->loadingChanged();
}

void TicketsModelPrivate::setError(const ChatError &e)
{
    if (e == error)
        return;
    error = e;
    Q_EMIT q->errorChanged();
}

void TicketsModelPrivate::setHasMore(bool value)
{
    if (value == hasMore)
        return;
    hasMore = value;
    Q_EMIT q->hasMoreChanged();
}

bool TicketsModelPrivate::matchesFilter(const Ticket &ticket) const
{
    return statuses.isEmpty() || statuses.contains(ticket.statusName());
}

int TicketsModelPrivate::sortedPosition(const Ticket &ticket, int skipRow) const
{
    // Binary search over the rows without `skipRow` (which may be out of place).
    int lo = 0;
    int hi = int(rows.size()) - (skipRow >= 0 ? 1 : 0);
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        const int actual = (skipRow >= 0 && mid >= skipRow) ? mid + 1 : mid;
        if (sortsBefore(rows.at(actual), ticket))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
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
    QList<QVariant> values;
    values.reserve(lastRole - firstRole + 1);
    for (int role = firstRole; role <= lastRole; ++role)
        values.append(roleValue(row, role));
    return values;
}

void TicketsModelPrivate::emitChanges(int row, const QList<QVariant> &before)
{
    const QList<QVariant> after = snapshot(row);
    QList<int> roles;
    for (int i = 0; i < after.size(); ++i) {
        if (before.at(i) != after.at(i))
            roles.append(firstRole + i);
    }
    if (roles.contains(TicketsModel::TitleRole))
        roles.append(Qt::DisplayRole);
    if (!roles.isEmpty())
        Q_EMIT q->dataChanged(q->index(row), q->index(row), roles);
}

void TicketsModelPrivate::placeRow(int row)
{
    const int target = sortedPosition(rows.at(row), row);
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
    if (loading) {
        deferred.append([this, ticket] { onTicket(ticket); });
        return;
    }
    upsert(ticket, false);
}

void TicketsModelPrivate::onMessage(const Message &message)
{
    if (message.isInternal())
        return;
    if (loading) {
        deferred.append([this, message] { onMessage(message); });
        return;
    }
    const int row = q->rowOf(message.ticketId());
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
    rows[row] = t;
    emitChanges(row, before);
    placeRow(row);
}

void TicketsModelPrivate::upsert(const Ticket &ticket, bool anywhere)
{
    const int row = q->rowOf(ticket.id());
    if (row >= 0) {
        if (!matchesFilter(ticket)) {
            removeRow(row);
            ignored.insert(ticket.id());
            return;
        }
        if (ticket.updatedAt() < rows.at(row).updatedAt())
            return; // an older copy than the one shown
        const QList<QVariant> before = snapshot(row);
        rows[row] = ticket;
        emitChanges(row, before);
        placeRow(row);
        return;
    }
    if (!matchesFilter(ticket)) {
        ignored.insert(ticket.id());
        return;
    }
    ignored.remove(ticket.id());
    const int position = sortedPosition(ticket, -1);
    // Past the loaded pages it will come with fetchMore(), in its place.
    if (!anywhere && hasMore && position >= rows.size())
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
    if (!client || ticketId.isEmpty() || fetching.contains(ticketId) || ignored.contains(ticketId))
        return;
    fetching.insert(ticketId);
    const quint64 gen = generation;
    client->tickets().get(ticketId)->then(
        q,
        [this, gen, ticketId](const Ticket &t) {
            fetching.remove(ticketId);
            if (gen == generation && !loading)
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
    std::sort(sorted.begin(), sorted.end(), sortsBefore);
    const bool wasEmpty = rows.isEmpty();
    if (wasEmpty && sorted.isEmpty())
        return;
    resetting = true;
    if (wasEmpty) { // the first page: a plain insert, no reset needed
        q->beginInsertRows(QModelIndex(), 0, int(sorted.size()) - 1);
        rows = sorted;
    } else {
        q->beginResetModel();
        rows = sorted;
    }
    if (tracker) {
        for (const Ticket &t : std::as_const(rows))
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
    q->beginRemoveRows(QModelIndex(), 0, int(rows.size()) - 1);
    rows.clear();
    q->endRemoveRows();
    Q_EMIT q->countChanged();
}

void TicketsModelPrivate::onUnreadChanged(const QString &ticketId)
{
    if (resetting || ticketId == applying)
        return;
    const int row = q->rowOf(ticketId);
    if (row >= 0)
        Q_EMIT q->dataChanged(q->index(row), q->index(row), {TicketsModel::UnreadCountRole});
}

// ---- TicketsModel ---------------------------------------------------------------

TicketsModel::TicketsModel(QObject *parent)
    : QAbstractListModel(parent), d(new TicketsModelPrivate(this))
{ }

TicketsModel::TicketsModel(ChatClient *client, QObject *parent) : TicketsModel(parent)
{
    setClient(client);
}

TicketsModel::~TicketsModel()
{
    for (const auto &c : std::as_const(d->connections))
        QObject::disconnect(c);
    if (d->client) {
        for (quint64 id : std::as_const(d->subscriptions))
            d->client->unsubscribe(id);
    }
}

ChatClient *TicketsModel::client() const
{
    return d->client;
}

void TicketsModel::setClient(ChatClient *client)
{
    if (client == d->client)
        return;
    d->detach();
    d->client = client;
    d->attach();
    Q_EMIT clientChanged();
}

bool TicketsModel::isLoading() const
{
    return d->loading || d->loadingMore;
}

ChatError TicketsModel::error() const
{
    return d->error;
}

bool TicketsModel::hasMore() const
{
    return d->hasMore;
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
    return d->pageSize;
}

void TicketsModel::setPageSize(int size)
{
    size = qBound(1, size, 100); // protocol §5
    if (size == d->pageSize)
        return;
    d->pageSize = size;
    Q_EMIT pageSizeChanged();
}

int TicketsModel::count() const
{
    return int(d->rows.size());
}

int TicketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
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
    return !parent.isValid() && d->client && d->hasMore && !d->loading && !d->loadingMore;
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
    if (ticketId.isEmpty())
        return -1;
    for (int i = 0; i < d->rows.size(); ++i) {
        if (d->rows.at(i).id() == ticketId)
            return i;
    }
    return -1;
}

void TicketsModel::refresh()
{
    d->refresh();
}

Job<Ticket> *TicketsModel::create(const QString &title, const QString &message,
                                  const QString &priority)
{
    if (!d->client)
        return nullptr;
    auto *job = d->client->tickets().create(title, message, priority);
    job->then(this, [this, client = QPointer<ChatClient>(d->client)](const Ticket &t) {
        if (client != d->client)
            return;
        if (d->loading) // the page on its way may predate the ticket
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
