// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <deque>
#include <variant>

namespace CStar::Internal {

/// Routes realtime events to ChatClient's subscribers and signals (§8: one
/// stream for every ticket, routed by ticketId): the subscriber registry,
/// decoding of event data, and the last line of message de-duplication.
class EventRouter
{
public:
    struct Subscriber
    {
        QString ticketId; // empty: every ticket
        std::variant<ChatClient::MessageCallback, ChatClient::TypingCallback,
                     ChatClient::TicketCallback>
            callback;
        QPointer<const QObject> context;
        bool hasContext = false;
        QMetaObject::Connection contextConnection; // context destroyed → unsubscribe
    };

    explicit EventRouter(ChatClient *q) : q(q) { }

    quint64 add(Subscriber subscriber);
    /// False when `id` was not subscribed.
    bool remove(quint64 id);
    bool contains(quint64 id) const { return m_subscribers.contains(id); }
    bool isEmpty() const { return m_subscribers.isEmpty(); }
    /// Drops every subscriber without a word (the client is going away).
    void clear();

    /// One event from the realtime channel: raw signal, then decoded delivery.
    void dispatch(const QString &type, const QString &id, const QByteArray &data);

private:
    template<typename Callback, typename Value>
    void notify(const QString &ticketId, const Value &value);
    bool remember(const Message &message);
    /// A message.created event: once, to the subscribers and messageReceived().
    void deliverMessage(const Message &message);

    ChatClient *q;
    QHash<quint64, Subscriber> m_subscribers;
    quint64 m_nextId = 1;
    // Recently delivered message ids: a second line of defence after the
    // event-id check, for messages seen through two paths (§9).
    QSet<QString> m_recentIds;
    std::deque<QString> m_recentOrder;
};

} // namespace CStar::Internal
