// SPDX-License-Identifier: MIT
#include "idempotencystore.h"

#include "database.h"
#include "ids.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

IdempotencyStore::IdempotencyStore(Database &db, qint64 ttlMs) : m_db(db), m_ttlMs(ttlMs) { }

QByteArray IdempotencyStore::fingerprint(const QByteArray &method, const QString &path,
                                         const QByteArray &body)
{
    return Ids::sha256Hex(method + ' ' + path.toUtf8() + '\n' + body);
}

std::optional<IdempotencyStore::Record> IdempotencyStore::find(const QByteArray &caller,
                                                               const QString &key, qint64 nowMs)
{
    QSqlQuery q = m_db.exec(
        u"SELECT fingerprint, status, body FROM idempotency_keys "
        "WHERE caller = :caller AND key = :key AND created_at > :since"_s,
        {{"caller", QString::fromLatin1(caller)}, {"key", key}, {"since", nowMs - m_ttlMs}});
    if (!q.next())
        return std::nullopt;
    return Record {q.value(0).toString().toLatin1(), q.value(1).toInt(), q.value(2).toByteArray()};
}

void IdempotencyStore::save(const QByteArray &caller, const QString &key, const Record &record,
                            qint64 nowMs)
{
    m_db.exec(u"INSERT OR REPLACE INTO idempotency_keys (caller, key, fingerprint, status, body, "
              "created_at) VALUES (:caller, :key, :f, :status, :body, :now)"_s,
              {{"caller", QString::fromLatin1(caller)},
               {"key", key},
               {"f", QString::fromLatin1(record.fingerprint)},
               {"status", record.status},
               // A 204 has no body, but the column is NOT NULL: store an empty blob.
               {"body", record.body.isNull() ? QByteArray("") : record.body},
               {"now", nowMs}});
}

void IdempotencyStore::prune(qint64 nowMs)
{
    m_db.exec(u"DELETE FROM idempotency_keys WHERE created_at <= :since"_s,
              {{"since", nowMs - m_ttlMs}});
}

} // namespace CStar::DevServer
