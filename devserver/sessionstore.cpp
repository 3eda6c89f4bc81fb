// SPDX-License-Identifier: MIT
#include "sessionstore.h"

#include "database.h"
#include "ids.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QJsonValue jsonOrNull(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QString Customer::displayName() const
{
    if (!name.isEmpty())
        return name;
    if (!email.isEmpty())
        return email;
    return u"Guest"_s;
}

QJsonObject Customer::toJson() const
{
    return QJsonObject {{u"id"_s, id},
                        {u"externalId"_s, jsonOrNull(externalId)},
                        {u"email"_s, jsonOrNull(email)},
                        {u"name"_s, jsonOrNull(name)}};
}

SessionStore::SessionStore(Database &db, qint64 ttlMs) : m_db(db), m_ttlMs(ttlMs) { }

SessionStore::AuthResult SessionStore::authenticate(const QString &token, qint64 nowMs,
                                                    Session *session)
{
    if (token.isEmpty())
        return AuthResult::Unknown;
    const QByteArray hash = Ids::hashSecret(token);
    QSqlQuery q = m_db.exec(u"SELECT kind, customer_id, expires_at, revoked_at FROM sessions "
                            "WHERE token_hash = :h"_s,
                            {{"h", QString::fromLatin1(hash)}});
    if (!q.next())
        return AuthResult::Unknown;
    if (!q.value(3).isNull())
        return AuthResult::Revoked;
    const qint64 expiresAt = q.value(2).toLongLong();
    if (expiresAt <= nowMs)
        return AuthResult::Expired;
    session->tokenHash = hash;
    session->kind = q.value(0).toString();
    session->customerId = q.value(1).toString();
    session->expiresAtMs = nowMs + m_ttlMs;
    // Sliding expiry. Persisting every single request would cost a write per
    // read; moving the expiry only once it has slid by 1/20 of the TTL (at most
    // a minute) keeps it within 5% of exact.
    const qint64 threshold = qMin<qint64>(60000, m_ttlMs / 20);
    if (session->expiresAtMs - expiresAt >= threshold) {
        m_db.exec(u"UPDATE sessions SET expires_at = :e WHERE token_hash = :h"_s,
                  {{"e", session->expiresAtMs}, {"h", QString::fromLatin1(hash)}});
    }
    return AuthResult::Ok;
}

qint64 SessionStore::expiresAt(const QByteArray &tokenHash) const
{
    QSqlQuery q = m_db.exec(u"SELECT expires_at, revoked_at FROM sessions WHERE token_hash = :h"_s,
                            {{"h", QString::fromLatin1(tokenHash)}});
    if (!q.next() || !q.value(1).isNull())
        return 0;
    return q.value(0).toLongLong();
}

QString SessionStore::insertSession(const QString &kind, const QString &customerId, qint64 nowMs,
                                    Session *session)
{
    const QString token = Ids::sessionToken();
    session->tokenHash = Ids::hashSecret(token);
    session->kind = kind;
    session->customerId = customerId;
    session->expiresAtMs = nowMs + m_ttlMs;
    m_db.exec(u"INSERT INTO sessions (token_hash, kind, customer_id, created_at, expires_at) "
              "VALUES (:h, :k, :c, :now, :e)"_s,
              {{"h", QString::fromLatin1(session->tokenHash)},
               {"k", kind},
               {"c", customerId},
               {"now", nowMs},
               {"e", session->expiresAtMs}});
    return token;
}

QString SessionStore::createAnonymous(qint64 nowMs, Session *session)
{
    // Every anonymous session gets its own customer so its tickets have an
    // owner; identify moves them to the identified customer (protocol §4).
    const QString customerId = Ids::random("cus_"_L1);
    m_db.exec(u"INSERT INTO customers (id, created_at, updated_at) VALUES (:id, :now, :now)"_s,
              {{"id", customerId}, {"now", nowMs}});
    return insertSession(u"anonymous"_s, customerId, nowMs, session);
}

QString SessionStore::createIdentified(const QString &customerId, qint64 nowMs, Session *session)
{
    return insertSession(u"identified"_s, customerId, nowMs, session);
}

void SessionStore::revoke(const QByteArray &tokenHash, qint64 nowMs)
{
    m_db.exec(
        u"UPDATE sessions SET revoked_at = :now WHERE token_hash = :h AND revoked_at IS NULL"_s,
        {{"now", nowMs}, {"h", QString::fromLatin1(tokenHash)}});
}

Customer SessionStore::upsertIdentified(const QString &externalId,
                                        const std::optional<QString> &email,
                                        const std::optional<QString> &name, qint64 nowMs)
{
    const QVariant existing =
        m_db.scalar(u"SELECT id FROM customers WHERE external_id = :x"_s, {{"x", externalId}});
    QString id = existing.toString();
    if (id.isEmpty()) {
        id = Ids::random("cus_"_L1);
        m_db.exec(u"INSERT INTO customers (id, external_id, email, name, created_at, updated_at) "
                  "VALUES (:id, :x, :email, :name, :now, :now)"_s,
                  {{"id", id},
                   {"x", externalId},
                   {"email", nullable(email.value_or(QString()))},
                   {"name", nullable(name.value_or(QString()))},
                   {"now", nowMs}});
    } else {
        if (email)
            m_db.exec(u"UPDATE customers SET email = :v, updated_at = :now WHERE id = :id"_s,
                      {{"v", nullable(*email)}, {"now", nowMs}, {"id", id}});
        if (name)
            m_db.exec(u"UPDATE customers SET name = :v, updated_at = :now WHERE id = :id"_s,
                      {{"v", nullable(*name)}, {"now", nowMs}, {"id", id}});
    }
    return *customer(id);
}

std::optional<Customer> SessionStore::customer(const QString &id)
{
    QSqlQuery q = m_db.exec(u"SELECT id, external_id, email, name FROM customers WHERE id = :id"_s,
                            {{"id", id}});
    if (!q.next())
        return std::nullopt;
    Customer c;
    c.id = q.value(0).toString();
    c.externalId = q.value(1).isNull() ? QString() : q.value(1).toString();
    c.email = q.value(2).isNull() ? QString() : q.value(2).toString();
    c.name = q.value(3).isNull() ? QString() : q.value(3).toString();
    return c;
}

void SessionStore::prune(qint64 nowMs, qint64 graceMs)
{
    m_db.exec(u"DELETE FROM sessions WHERE expires_at < :t OR revoked_at < :t"_s,
              {{"t", nowMs - graceMs}});
    // Every POST /sessions makes a customer; once it has neither a session
    // nor a ticket nothing can reach it again (an identified one comes back
    // by identify, as a new row).
    m_db.exec(u"DELETE FROM customers WHERE "
              "NOT EXISTS (SELECT 1 FROM sessions s WHERE s.customer_id = customers.id) "
              "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = customers.id)"_s);
}

} // namespace CStar::DevServer
