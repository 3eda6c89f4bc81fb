// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace CStar::DevServer {

class Database;

struct Customer
{
    QString id; ///< cus_…
    QString externalId; ///< empty for anonymous customers
    QString email;
    QString name;

    bool isAnonymous() const { return externalId.isEmpty(); }
    /// protocol-notes "Senders": name, else email, else "Guest".
    QString displayName() const;
    /// protocol §4: {id, externalId, email, name}
    QJsonObject toJson() const;
};

struct Session
{
    QByteArray tokenHash;
    QString kind; ///< "anonymous" | "identified"
    QString customerId;
    qint64 expiresAtMs = 0;
};

/// Customers and bearer sessions (protocol §4). Tokens are stored only as
/// SHA-256; the clear token exists only in the response that creates it.
class SessionStore
{
public:
    SessionStore(Database &db, qint64 ttlMs);

    enum class AuthResult { Ok, Unknown, Revoked, Expired };
    /// Validates a bearer token and slides its expiry (sliding sessions).
    AuthResult authenticate(const QString &token, qint64 nowMs, Session *session);

    /// Creates a session of a new anonymous customer; returns the clear token.
    QString createAnonymous(qint64 nowMs, Session *session);
    QString createIdentified(const QString &customerId, qint64 nowMs, Session *session);
    void revoke(const QByteArray &tokenHash, qint64 nowMs);
    /// When the session expires as authenticate() sees it, without sliding
    /// it; 0 if unknown or revoked (open streams close then).
    qint64 expiresAt(const QByteArray &tokenHash) const;

    /// The customer with this external id, created or updated (email/name
    /// are overwritten only when given).
    Customer upsertIdentified(const QString &externalId, const std::optional<QString> &email,
                              const std::optional<QString> &name, qint64 nowMs);
    std::optional<Customer> customer(const QString &id);

    /// Drops sessions that expired or were revoked more than `graceMs` ago,
    /// then customers left with no session and no ticket.
    void prune(qint64 nowMs, qint64 graceMs);

private:
    QString insertSession(const QString &kind, const QString &customerId, qint64 nowMs,
                          Session *session);

    Database &m_db;
    qint64 m_ttlMs;
};

} // namespace CStar::DevServer
