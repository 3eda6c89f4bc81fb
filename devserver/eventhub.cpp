// SPDX-License-Identifier: MIT
#include "eventhub.h"

#include "eventlog.h"
#include "logging.h"

#include <QHttpServerResponder>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

EventHub::EventHub(int pingIntervalMs, QObject *parent) : QObject(parent)
{
    m_pingTimer.setInterval(pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &EventHub::ping);
}

EventHub::~EventHub()
{
    // Streams are children; make sure none signals into a half-destroyed hub.
    for (EventStream *s : std::as_const(m_streams))
        disconnect(s, nullptr, this, nullptr);
}

bool EventHub::open(QHttpServerResponder &&responder, const StreamAudience &audience,
                    const HeaderList &headers, const QByteArray &body, int holdMs)
{
    auto *stream = new EventStream(std::move(responder), audience, this);
    if (!stream->isOpen()) {
        stream->deleteLater();
        return false;
    }
    connect(stream, &EventStream::finished, this, [this, stream] { remove(stream); });
    m_streams.insert(stream);
    if (audience.agent) {
        m_agents.insert(stream);
    } else {
        m_byCustomer[audience.customerId].insert(stream);
        m_bySession[audience.sessionHash].insert(stream);
    }
    if (!m_pingTimer.isActive())
        m_pingTimer.start();
    stream->start(headers, body, holdMs);
    qCDebug(lcDevServer) << "stream opened," << m_streams.size() << "open";
    return true;
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
            s->send(bytes);
    }
    const QSet<EventStream *> agents = m_agents;
    for (EventStream *s : agents)
        s->send(bytes);
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
