// SPDX-License-Identifier: MIT
#include "eventlog.h"

#include "database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

EventLog::EventLog(Database &db, qint64 retention) : m_db(db), m_retention(retention) { }

StoredEvent EventLog::append(const QString &type, const QString &ticketId, bool internal,
                             const QJsonObject &data, qint64 nowMs)
{
    StoredEvent e;
    e.type = type;
    e.ticketId = ticketId;
    e.internal = internal;
    e.data = QJsonDocument(data).toJson(QJsonDocument::Compact);
    QSqlQuery q = m_db.exec(u"INSERT INTO events (type, ticket_id, is_internal, data, created_at) "
                            "VALUES (:type, :t, :internal, :data, :now)"_s,
                            {{"type", type},
                             {"t", ticketId},
                             {"internal", internal ? 1 : 0},
                             {"data", QString::fromUtf8(e.data)},
                             {"now", nowMs}});
    e.id = q.lastInsertId().toLongLong();
    if (e.id > m_retention)
        m_db.exec(u"DELETE FROM events WHERE id <= :cut"_s, {{"cut", e.id - m_retention}});
    return e;
}

qint64 EventLog::latestId()
{
    // sqlite_sequence keeps the highest id ever handed out, also once pruned.
    return m_db.scalar(u"SELECT seq FROM sqlite_sequence WHERE name = 'events'"_s).toLongLong();
}

EventLog::Cursor EventLog::check(qint64 lastEventId)
{
    const qint64 latest = latestId();
    if (lastEventId > latest || lastEventId < 0)
        return Cursor::Unknown;
    const QVariant oldest = m_db.scalar(u"SELECT MIN(id) FROM events"_s);
    const qint64 oldestId = oldest.isNull() ? latest + 1 : oldest.toLongLong();
    if (lastEventId < oldestId - 1)
        return Cursor::Retention;
    return Cursor::Ok;
}

QList<StoredEvent> EventLog::after(qint64 afterId, const Audience &audience, int limit,
                                   bool *hasMore)
{
    const qint64 fetch = limit < 0 ? -1 : qint64(limit) + 1;
    QSqlQuery q = audience.agent
        ? m_db.exec(u"SELECT id, type, ticket_id, is_internal, data FROM events WHERE id > :after "
                    "ORDER BY id LIMIT :n"_s,
                    {{"after", afterId}, {"n", fetch}})
        : m_db.exec(u"SELECT e.id, e.type, e.ticket_id, e.is_internal, e.data FROM events e "
                    "WHERE e.id > :after AND e.is_internal = 0 AND e.ticket_id IN "
                    "(SELECT id FROM tickets WHERE customer_id = :c) ORDER BY e.id LIMIT :n"_s,
                    {{"after", afterId}, {"c", audience.customerId}, {"n", fetch}});
    QList<StoredEvent> events;
    while (q.next()) {
        StoredEvent e;
        e.id = q.value(0).toLongLong();
        e.type = q.value(1).toString();
        e.ticketId = q.value(2).toString();
        e.internal = q.value(3).toInt() != 0;
        e.data = q.value(4).toString().toUtf8();
        events.append(e);
    }
    *hasMore = limit >= 0 && events.size() > limit;
    if (*hasMore)
        events.resize(limit);
    return events;
}

} // namespace CStar::DevServer
