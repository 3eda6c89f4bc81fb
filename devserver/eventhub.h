// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"
#include "eventstream.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
QT_END_NAMESPACE

namespace CStar::DevServer {

struct StoredEvent;

/// The registry of open event streams and the fan-out of events to them
/// (protocol §8, §10): customer streams get public events of the tickets
/// their customer owns, agent streams every event of the team. Also sends
/// the `: ping` comments on one shared timer.
class EventHub : public QObject
{
    Q_OBJECT
public:
    explicit EventHub(int pingIntervalMs, QObject *parent = nullptr);
    ~EventHub() override;

    /// Takes over the responder: writes headers and `body` (or holds it),
    /// then keeps the stream until the client leaves. Returns false if the
    /// client already left.
    bool open(QHttpServerResponder &&responder, const StreamAudience &audience,
              const HeaderList &headers, const QByteArray &body, int holdMs);

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

    QSet<EventStream *> m_streams;
    QSet<EventStream *> m_agents;
    QHash<QString, QSet<EventStream *>> m_byCustomer;
    QHash<QByteArray, QSet<EventStream *>> m_bySession;
    QTimer m_pingTimer;
};

} // namespace CStar::DevServer
