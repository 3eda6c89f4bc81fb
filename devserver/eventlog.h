// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace CStar::DevServer {

class Database;

/// One stored event (protocol §8). `data` is the compact JSON written on the
/// wire, fixed when the event happened, so a replay equals the live delivery.
struct StoredEvent
{
    qint64 id = 0;
    QString type;
    QString ticketId;
    bool internal = false; ///< agent feeds only
    QByteArray data;
};

/// Whose events a reader may see: every event of the team (agents), or the
/// public events of the tickets a customer owns now (protocol §8).
struct Audience
{
    bool agent = false;
    QString customerId;

    static Audience forAgent() { return {true, {}}; }
    static Audience forCustomer(const QString &customerId) { return {false, customerId}; }
};

/// The team's event table: a strictly increasing integer id (AUTOINCREMENT,
/// never reused, also after pruning or a restart), retention and replay.
class EventLog
{
public:
    EventLog(Database &db, qint64 retention);

    StoredEvent append(const QString &type, const QString &ticketId, bool internal,
                       const QJsonObject &data, qint64 nowMs);

    qint64 latestId();

    enum class Cursor { Ok, Unknown, Retention };
    /// protocol-notes "Reset": "unknown" above the latest id, "retention" when
    /// older than the oldest retained event minus one.
    Cursor check(qint64 lastEventId);

    /// Visible events after `afterId`, in id order; `limit` < 0 = all.
    QList<StoredEvent> after(qint64 afterId, const Audience &audience, int limit, bool *hasMore);

private:
    Database &m_db;
    qint64 m_retention;
};

} // namespace CStar::DevServer
