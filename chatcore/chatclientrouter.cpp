// SPDX-License-Identifier: MIT
#include "chatclientrouter_p.h"

#include "logging_p.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace CStar::Internal {

namespace {
constexpr int recentMessageCapacity = 4096;
} // namespace

quint64 EventRouter::add(Subscriber subscriber)
{
    const quint64 id = m_nextId++;
    if (subscriber.hasContext) {
        QPointer<ChatClient> client(q);
        subscriber.contextConnection =
            QObject::connect(subscriber.context.data(), &QObject::destroyed, q,
                             [client, id] { client->unsubscribe(id); });
    }
    m_subscribers.insert(id, std::move(subscriber));
    return id;
}

bool EventRouter::remove(quint64 id)
{
    const auto it = m_subscribers.find(id);
    if (it == m_subscribers.end())
        return false;
    QObject::disconnect(it->contextConnection);
    m_subscribers.erase(it);
    return true;
}

void EventRouter::clear()
{
    for (const Subscriber &s : std::as_const(m_subscribers))
        QObject::disconnect(s.contextConnection);
    m_subscribers.clear();
}

template<typename Callback, typename Value>
void EventRouter::notify(const QString &ticketId, const Value &value)
{
    // Callbacks may cancel subscriptions (or destroy the client's users)
    // while we iterate: snapshot the ids, re-check each one.
    QList<quint64> ids;
    for (auto it = m_subscribers.cbegin(); it != m_subscribers.cend(); ++it) {
        if (std::holds_alternative<Callback>(it->callback)
            && (it->ticketId.isEmpty() || it->ticketId == ticketId))
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    QPointer<ChatClient> alive(q);
    for (quint64 id : std::as_const(ids)) {
        if (!alive)
            return;
        auto it = m_subscribers.constFind(id);
        if (it == m_subscribers.cend() || (it->hasContext && !it->context))
            continue;
        const Callback callback = std::get<Callback>(it->callback);
        callback(value);
    }
}

bool EventRouter::remember(const Message &message)
{
    if (message.id().isEmpty() || m_recentIds.contains(message.id()))
        return false;
    m_recentIds.insert(message.id());
    m_recentOrder.push_back(message.id());
    if (m_recentOrder.size() > recentMessageCapacity) {
        m_recentIds.remove(m_recentOrder.front());
        m_recentOrder.pop_front();
    }
    return true;
}

void EventRouter::deliverMessage(const Message &message)
{
    if (!message.isValid() || message.isInternal() || !remember(message))
        return;
    QPointer<ChatClient> alive(q);
    notify<ChatClient::MessageCallback>(message.ticketId(), message);
    if (alive)
        Q_EMIT q->messageReceived(message);
}

void EventRouter::dispatch(const QString &type, const QString &id, const QByteArray &data)
{
    QPointer<ChatClient> alive(q);
    Q_EMIT q->rawEventReceived(type, id, data);
    if (!alive)
        return;
    if (type == QLatin1String("reset")) {
        qCInfo(lcClient) << "server asked for a resync at" << id;
        Q_EMIT q->resyncRequired();
        return;
    }
    // The one decode path of event data (QJsonDocument also refuses invalid UTF-8).
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject()) {
        qCWarning(lcClient) << "dropping a" << type << "event with malformed JSON data";
        Q_EMIT q->errorOccurred(ChatError(ChatError::Kind::Protocol, QStringLiteral("invalid_json"),
                                          QStringLiteral("An event's data is not a JSON object")));
        return;
    }
    const QJsonObject object = doc.object();
    if (type == QLatin1String("message.created")) {
        deliverMessage(Message::fromJson(object));
    } else if (type == QLatin1String("typing")) {
        const TypingEvent event = TypingEvent::fromJson(object);
        if (event.ticketId.isEmpty())
            return;
        notify<ChatClient::TypingCallback>(event.ticketId, event);
        if (alive)
            Q_EMIT q->typingChanged(event);
    } else if (type == QLatin1String("ticket.created") || type == QLatin1String("ticket.updated")) {
        const Ticket ticket = Ticket::fromJson(object);
        if (!ticket.isValid())
            return;
        notify<ChatClient::TicketCallback>(ticket.id(), ticket);
        if (alive)
            Q_EMIT q->ticketUpdated(ticket);
    } else {
        qCDebug(lcClient) << "ignoring unknown event type" << type;
    }
}

} // namespace CStar::Internal
