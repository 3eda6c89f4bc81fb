// SPDX-License-Identifier: MIT
#include "unreadtracker.h"
#include "unreadtracker_p.h"

#include "chatclient.h"
#include "localstorage_p.h"
#include "logging_p.h"
#include "ticket.h"

#include <QSqlError>
#include <QSqlQuery>

namespace CStar {

using ReadState = UnreadTrackerPrivate::ReadState;

namespace {

qint64 toMs(const QDateTime &dt)
{
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toUTC() : QDateTime();
}

bool countable(const Message &m)
{
    return m.isValid() && !m.isInternal() && !LocalStorage::isOwn(m);
}

} // namespace

void UnreadTrackerPrivate::load()
{
    states.clear();
    if (!db.isOpen() || scope.isEmpty())
        return;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ticket_id, read_at, read_id, unread, counted_at,"
                                 " counted_id FROM read_state WHERE scope = ?"));
    query.addBindValue(scope);
    if (!query.exec()) {
        qCWarning(lcModels) << "unread: cannot read markers:" << query.lastError().text();
        return;
    }
    while (query.next()) {
        ReadState s;
        s.readAt = fromMs(query.value(1).toLongLong());
        s.readId = query.value(2).toString();
        s.count = query.value(3).toInt();
        s.countedAt = fromMs(query.value(4).toLongLong());
        s.countedId = query.value(5).toString();
        states.insert(query.value(0).toString(), s);
    }
}

void UnreadTrackerPrivate::store(const QString &ticketId, const ReadState &)
{
    if (!db.isOpen() || scope.isEmpty())
        return;
    dirty.insert(ticketId);
    if (!flushTimer->isActive())
        flushTimer->start();
}

void UnreadTrackerPrivate::flush()
{
    flushTimer->stop();
    if (dirty.isEmpty() || !db.isOpen() || scope.isEmpty()) {
        dirty.clear();
        return;
    }
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO read_state (scope, ticket_id, read_at,"
                                 " read_id, unread, counted_at, counted_id)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QString &ticketId : std::as_const(dirty)) {
        const ReadState s = states.value(ticketId);
        query.addBindValue(scope);
        query.addBindValue(ticketId);
        query.addBindValue(toMs(s.readAt));
        query.addBindValue(s.readId);
        query.addBindValue(s.count);
        query.addBindValue(toMs(s.countedAt));
        query.addBindValue(s.countedId);
        if (!query.exec())
            qCWarning(lcModels) << "unread: cannot store a marker:" << query.lastError().text();
    }
    db.commit();
    dirty.clear();
}

void UnreadTrackerPrivate::onSessionChanged()
{
    const QString newScope = LocalStorage::sessionScope(client);
    if (newScope == scope)
        return;
    flush(); // pending markers belong to the old scope
    scope = newScope;
    load();
    Q_EMIT q->reloaded();
}

void UnreadTrackerPrivate::open()
{
    db = LocalStorage::open(path, "unread");
    if (!db.isOpen())
        return;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS read_state ("
                                   " scope TEXT NOT NULL, ticket_id TEXT NOT NULL,"
                                   " read_at INTEGER NOT NULL DEFAULT 0, read_id TEXT,"
                                   " unread INTEGER NOT NULL DEFAULT 0,"
                                   " counted_at INTEGER NOT NULL DEFAULT 0, counted_id TEXT,"
                                   " PRIMARY KEY (scope, ticket_id))")))
        qCWarning(lcModels) << "unread: cannot create its table:" << query.lastError().text();
}

void UnreadTrackerPrivate::moveTo(const QString &newPath)
{
    if (newPath == path)
        return;
    flush(); // what was noted so far stays consistent where it was written
    const QHash<QString, ReadState> carried = states;
    LocalStorage::close(db);
    path = newPath;
    open();
    load();
    // Markers noted before the move and unknown to the new place go along.
    for (auto it = carried.cbegin(); it != carried.cend(); ++it) {
        if (!states.contains(it.key())) {
            states.insert(it.key(), it.value());
            store(it.key(), it.value());
        }
    }
    Q_EMIT q->reloaded();
}

UnreadTracker::UnreadTracker(ChatClient *client, const QString &databasePath)
    : QObject(client), d(new UnreadTrackerPrivate)
{
    d->q = this;
    d->client = client;
    d->path = databasePath;
    d->flushTimer = new QTimer(this);
    d->flushTimer->setSingleShot(true);
    d->flushTimer->setInterval(250);
    connect(d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });
    d->open();
    if (!client)
        return;
    connect(client, &ChatClient::sessionChanged, this, [this] { d->onSessionChanged(); });
    connect(client, &ChatClient::teamSlugChanged, this, [this] { d->onSessionChanged(); });
    d->scope = LocalStorage::sessionScope(client);
    d->load();
}

UnreadTracker::~UnreadTracker()
{
    d->flush();
    LocalStorage::close(d->db);
}

int UnreadTracker::unreadCount(const QString &ticketId) const
{
    return d->states.value(ticketId).count;
}

QDateTime UnreadTracker::lastReadAt(const QString &ticketId) const
{
    return d->states.value(ticketId).readAt;
}

bool UnreadTracker::isUnread(const Message &message) const
{
    return countable(message) && d->afterMarker(d->states.value(message.ticketId()), message);
}

bool UnreadTracker::noteMessage(const Message &message)
{
    const QString ticketId = message.ticketId();
    if (ticketId.isEmpty() || !countable(message))
        return false;
    ReadState &s = d->states[ticketId];
    if (!d->afterMarker(s, message) || d->alreadyCounted(s, message))
        return false;
    if (message.createdAt() != s.countedAt)
        s.recent.clear();
    s.count += 1;
    s.countedAt = message.createdAt();
    s.countedId = message.id();
    s.recent.insert(message.id());
    d->store(ticketId, s);
    Q_EMIT unreadCountChanged(ticketId);
    return true;
}

bool UnreadTracker::noteTicket(const Ticket &ticket)
{
    Message last = ticket.lastMessage();
    if (!last.isValid())
        return false;
    if (last.ticketId().isEmpty())
        last.setTicketId(ticket.id());
    return noteMessage(last);
}

void UnreadTracker::reconcile(const QString &ticketId, const QList<Message> &newest, bool hasOlder)
{
    if (ticketId.isEmpty())
        return;
    ReadState &s = d->states[ticketId];
    int unread = 0;
    Message newestCounted;
    for (const Message &m : newest) {
        if (countable(m) && d->afterMarker(s, m)) {
            ++unread;
            newestCounted = m;
        }
    }
    // If even the oldest message of the page is unread, older unread ones may
    // exist beyond it: keep what was counted live if that is more.
    const bool allUnread = !newest.isEmpty() && d->afterMarker(s, newest.first());
    if (hasOlder && allUnread)
        unread = qMax(unread, s.count);
    if (newestCounted.isValid()
        && (!s.countedAt.isValid() || newestCounted.createdAt() >= s.countedAt)) {
        if (newestCounted.createdAt() != s.countedAt)
            s.recent.clear();
        s.countedAt = newestCounted.createdAt();
        s.countedId = newestCounted.id();
        s.recent.insert(newestCounted.id());
    }
    const bool changed = unread != s.count;
    s.count = unread;
    d->store(ticketId, s);
    if (changed)
        Q_EMIT unreadCountChanged(ticketId);
}

void UnreadTracker::raiseCount(const QString &ticketId, int visible)
{
    if (ticketId.isEmpty())
        return;
    ReadState &s = d->states[ticketId];
    if (visible <= s.count)
        return;
    s.count = visible;
    d->store(ticketId, s);
    Q_EMIT unreadCountChanged(ticketId);
}

void UnreadTracker::markRead(const QString &ticketId, const Message &newest)
{
    if (ticketId.isEmpty())
        return;
    ReadState &s = d->states[ticketId];
    const bool markerMoves =
        newest.isValid() && (!s.readAt.isValid() || newest.createdAt() > s.readAt);
    if (!markerMoves && s.count == 0)
        return;
    if (markerMoves) {
        s.readAt = newest.createdAt();
        s.readId = newest.id();
        if (!s.countedAt.isValid() || s.readAt > s.countedAt) {
            s.countedAt = s.readAt;
            s.countedId = s.readId;
            s.recent.clear();
        }
    }
    const bool countChanged = s.count != 0;
    s.count = 0;
    d->store(ticketId, s);
    if (countChanged)
        Q_EMIT unreadCountChanged(ticketId);
    if (markerMoves)
        Q_EMIT readMarkerChanged(ticketId);
}

void UnreadTracker::clearCurrentScope()
{
    if (d->db.isOpen() && !d->scope.isEmpty()) {
        QSqlQuery query(d->db);
        query.prepare(QStringLiteral("DELETE FROM read_state WHERE scope = ?"));
        query.addBindValue(d->scope);
        if (!query.exec())
            qCWarning(lcModels) << "unread: cannot clear:" << query.lastError().text();
    }
    d->states.clear();
    d->dirty.clear();
    d->flushTimer->stop();
    Q_EMIT reloaded();
}

} // namespace CStar
