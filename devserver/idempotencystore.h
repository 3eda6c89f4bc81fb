// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace CStar::DevServer {

class Database;

/// Stored answers to POSTs with an Idempotency-Key (protocol §3,
/// protocol-notes "Idempotency"): scoped to the caller, fingerprinted by
/// method + path + body, kept for the configured TTL (24 h).
class IdempotencyStore
{
public:
    IdempotencyStore(Database &db, qint64 ttlMs);

    struct Record
    {
        QByteArray fingerprint;
        int status = 0;
        QByteArray body;
    };

    static QByteArray fingerprint(const QByteArray &method, const QString &path,
                                  const QByteArray &body);

    std::optional<Record> find(const QByteArray &caller, const QString &key, qint64 nowMs);
    void save(const QByteArray &caller, const QString &key, const Record &record, qint64 nowMs);
    void prune(qint64 nowMs);

private:
    Database &m_db;
    qint64 m_ttlMs;
};

} // namespace CStar::DevServer
