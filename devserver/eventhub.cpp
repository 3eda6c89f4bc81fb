// SPDX-License-Identifier: MIT
#include "eventhub.h"

#include "eventlog.h"
#include "logging.h"

#include "ids.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

EventHub::EventHub(int pingIntervalMs, qint64 maxQueuedBytesPerStream, QObject *parent)
    : QObject(parent), m_maxQueued(maxQueuedBytesPerStream)
{
    m_pingTimer.setInterval(pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventHub::ping);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &EventHub::checkExpiries);
}

EventHub::~EventHub()
{
    // Streams are children; make sure none signals into a half-destroyed hub.
    for (EventStream *s : std::as_const(m_streams))
        disconnect(s, nullptr, this, nullptr);
}

EventStream *EventHub::open(const StreamAudience &audience, const QByteArray &preamble, int holdMs,
                            qint64 replayCursor, EventStream::ReplaySource replay)
{
    auto *stream = new EventStream(audience, m_maxQueued, this);
    connect(stream, &EventStream::finished, this, [this, stream] { remove(stream); });
    m_streams.insert(stream);
    if (audience.agent) {
        m_agents.insert(stream);
    } else {
        m_byCustomer[audience.customerId].insert(stream);
        m_bySession[audience.sessionHash].insert(stream);
        if (m_sessionExpiry)
            scheduleExpiry(stream, m_sessionExpiry(audience.sessionHash));
    }
    if (!m_pingTimer.isActive())
        m_pingTimer.start();
    stream->start(preamble, holdMs, replayCursor, std::move(replay));
    qCDebug(lcDevServer) << "stream opened," << m_streams.size() << "open";
    return stream;
}

void EventHub::scheduleExpiry(EventStream *stream, qint64 atMs)
{
    m_expiries.insert(atMs, stream);
    m_expiryOf.insert(stream, atMs);
    const qint64 first = m_expiries.firstKey();
    const qint64 inMs = qBound<qint64>(0, first - Ids::nowMs(), 24LL * 3600 * 1000);
    if (!m_expiryTimer.isActive() || m_expiryTimer.remainingTime() > inMs)
        m_expiryTimer.start(int(inMs));
}

void EventHub::checkExpiries()
{
    // The session may have slid since the deadline was taken: look again
    // and close only streams whose session REST would now refuse.
    const qint64 now = Ids::nowMs();
    QList<EventStream *> due;
    while (!m_expiries.isEmpty() && m_expiries.firstKey() <= now) {
        EventStream *s = m_expiries.first();
        m_expiries.erase(m_expiries.begin());
        m_expiryOf.remove(s);
        due.append(s);
    }
    for (EventStream *s : std::as_const(due)) {
        const qint64 expiresAt = m_sessionExpiry ? m_sessionExpiry(s->audience().sessionHash) : 0;
        if (expiresAt > now) {
            scheduleExpiry(s, expiresAt);
        } else {
            qCDebug(lcDevServer) << "session expired, stream closed";
            s->abort();
        }
    }
    if (!m_expiries.isEmpty() && !m_expiryTimer.isActive())
        m_expiryTimer.start(
            int(qBound<qint64>(0, m_expiries.firstKey() - now, 24LL * 3600 * 1000)));
}

void EventHub::remove(EventStream *stream)
{
    if (!m_streams.remove(stream))
        return;
    const StreamAudience &a = stream->audience();
    if (a.agent) {
        m_agents.remove(stream);
    } else {
        auto c = m_byCustomer.find(a.customerId);
        if (c != m_byCustomer.end() && (c->remove(stream), c->isEmpty()))
            m_byCustomer.erase(c);
        auto s = m_bySession.find(a.sessionHash);
        if (s != m_bySession.end() && (s->remove(stream), s->isEmpty()))
            m_bySession.erase(s);
        const auto at = m_expiryOf.find(stream);
        if (at != m_expiryOf.end()) {
            m_expiries.remove(at.value(), stream);
            m_expiryOf.erase(at);
        }
    }
    stream->deleteLater();
    if (m_streams.isEmpty())
        m_pingTimer.stop();
    qCDebug(lcDevServer) << "stream closed," << m_streams.size() << "open";
}

QByteArray EventHub::frame(qint64 id, const QString &type, const QByteArray &data)
{
    // protocol §8: `id:` + `event:` + one `data:` line (compact JSON has no newline).
    return "id: "_ba + QByteArray::number(id) + "\nevent: "_ba + type.toUtf8() + "\ndata: "_ba
        + data + "\n\n"_ba;
}

QByteArray EventHub::frame(const StoredEvent &event)
{
    return frame(event.id, event.type, event.data);
}

QByteArray EventHub::typingFrame(const QJsonObject &data)
{
    // Typing has no `id:` (protocol §8): it is never stored nor replayed.
    return "event: typing\ndata: "_ba + QJsonDocument(data).toJson(QJsonDocument::Compact)
        + "\n\n"_ba;
}

void EventHub::publish(const StoredEvent &event, const QString &ownerCustomerId)
{
    const QByteArray bytes = frame(event);
    // Copies: a send may close a stream (backpressure), which edits the sets.
    if (!event.internal) {
        const QSet<EventStream *> customers = m_byCustomer.value(ownerCustomerId);
        for (EventStream *s : customers)
            s->sendEvent(event.id, bytes);
    }
    const QSet<EventStream *> agents = m_agents;
    for (EventStream *s : agents)
        s->sendEvent(event.id, bytes);
}

void EventHub::publishTyping(const QJsonObject &data, const QString &ownerCustomerId,
                             const QByteArray &exceptSession, bool toCustomer, bool toAgents)
{
    const QByteArray bytes = typingFrame(data);
    if (toCustomer) {
        const QSet<EventStream *> customers = m_byCustomer.value(ownerCustomerId);
        for (EventStream *s : customers) {
            if (exceptSession.isEmpty() || s->audience().sessionHash != exceptSession)
                s->send(bytes);
        }
    }
    if (toAgents) {
        const QSet<EventStream *> agents = m_agents;
        for (EventStream *s : agents)
            s->send(bytes);
    }
}

void EventHub::closeSession(const QByteArray &sessionHash)
{
    const QSet<EventStream *> streams = m_bySession.value(sessionHash);
    for (EventStream *s : streams)
        s->close();
}

void EventHub::closeAll()
{
    const QSet<EventStream *> streams = m_streams;
    for (EventStream *s : streams)
        s->close();
}

void EventHub::ping()
{
    static const QByteArray bytes = ": ping\n\n"_ba;
    const QSet<EventStream *> streams = m_streams;
    for (EventStream *s : streams)
        s->send(bytes);
}

} // namespace CStar::DevServer
