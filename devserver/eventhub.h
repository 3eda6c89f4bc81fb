// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"
#include "eventstream.h"

#include <QHash>
#include <QJsonObject>
#include <QMultiMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace CStar::DevServer {

struct StoredEvent;

/// The registry of open event streams and the fan-out of events to them
/// (protocol §8, §10): customer streams get public events of the tickets
/// their customer owns, agent streams every event of the team. Also sends
/// the `: ping` comments on one shared timer, and closes a customer stream
/// when its session expires (REST answers 401 from then on).
class EventHub : public QObject
{
    Q_OBJECT
public:
    EventHub(int pingIntervalMs, qint64 maxQueuedBytesPerStream, QObject *parent = nullptr);
    ~EventHub() override;

    /// The session's expiry as REST sees it (ms since epoch; 0 = unknown or
    /// revoked). Customer streams are closed once it has passed.
    using SessionExpiry = std::function<qint64(const QByteArray &sessionHash)>;
    void setSessionExpiry(SessionExpiry lookup) { m_sessionExpiry = std::move(lookup); }

    /// A new stream that starts with `preamble` (held `holdMs`), then the
    /// replay from `replayCursor` (< 0: none). The HTTP layer attaches to it;
    /// it stays registered until finished().
    EventStream *open(const StreamAudience &audience, const QByteArray &preamble, int holdMs,
                      qint64 replayCursor = -1, EventStream::ReplaySource replay = {});

    /// A stored event; `ownerCustomerId` is the ticket's owner now.
    void publish(const StoredEvent &event, const QString &ownerCustomerId);
    /// A typing event (never stored): to the owner's sessions except
    /// `exceptSession`, and to agent feeds when `toAgents`.
    void publishTyping(const QJsonObject &data, const QString &ownerCustomerId,
                       const QByteArray &exceptSession, bool toCustomer, bool toAgents);

    void closeSession(const QByteArray &sessionHash);
    void closeAll();
    int streamCount() const { return int(m_streams.size()); }

    static QByteArray frame(const StoredEvent &event);
    static QByteArray frame(qint64 id, const QString &type, const QByteArray &data);
    static QByteArray typingFrame(const QJsonObject &data);

private:
    void remove(EventStream *stream);
    void ping();
    void scheduleExpiry(EventStream *stream, qint64 atMs);
    void checkExpiries();

    QSet<EventStream *> m_streams;
    QSet<EventStream *> m_agents;
    QHash<QString, QSet<EventStream *>> m_byCustomer;
    QHash<QByteArray, QSet<EventStream *>> m_bySession;
    QTimer m_pingTimer;
    qint64 m_maxQueued;
    SessionExpiry m_sessionExpiry;
    QMultiMap<qint64, EventStream *> m_expiries; ///< deadline → customer stream
    QHash<EventStream *, qint64> m_expiryOf;
    QTimer m_expiryTimer;
};

} // namespace CStar::DevServer
