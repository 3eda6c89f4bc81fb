// SPDX-License-Identifier: MIT
#pragma once

#include "eventlog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace CStar::DevServer {

class EventHub;
struct Ticket;

/// What a request changes for connected streams, collected while its
/// transaction runs and delivered only after the commit — so a stream never
/// shows an event that a rollback (or a crash before commit) would undo.
class Outbox
{
public:
    explicit Outbox(EventLog &log);

    /// Stores the event now (inside the transaction) and queues its delivery.
    void event(const QString &type, const Ticket &ticket, const QJsonObject &data, bool internal,
               qint64 nowMs);
    /// A typing event: never stored (protocol §7).
    void typing(const QJsonObject &data, const QString &ownerCustomerId,
                const QByteArray &exceptSession, bool toCustomer, bool toAgents);
    /// Closes the streams of a session that was revoked.
    void closeSession(const QByteArray &sessionHash);

    void deliver(EventHub &hub);
    void clear();

private:
    struct Item
    {
        enum class Kind { Stored, Typing, CloseSession } kind;
        StoredEvent event;
        QJsonObject typing;
        QString ownerCustomerId;
        QByteArray session;
        bool toCustomer = false;
        bool toAgents = false;
    };
    EventLog &m_log;
    QList<Item> m_items;
};

} // namespace CStar::DevServer
