// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "httptransport_p.h"
#include "realtimechannel_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <deque>
#include <variant>

namespace CStar {

class ChatClientPrivate
{
public:
    explicit ChatClientPrivate(ChatClient *q);

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

    struct TypingSent
    {
        qint64 lastTrueMs = -1;
        bool lastState = false;
    };

    using ReadyFn = std::function<void(const QString &)>;
    using FailFn = std::function<void(const ChatError &)>;

    /// Runs `request` for `job`, creating an anonymous session first if the
    /// request needs one and there is none (protocol §4, lazily).
    void send(Internal::RestRequest request, ChatJob *job);
    void withSession(ReadyFn ready, FailFn failed);
    void createAnonymousSession();
    void setSession(const QString &token, ChatClient::SessionKind kind, const Customer &customer);
    void onUnauthorized(const ChatError &error, const QString &token);

    quint64 addSubscriber(Subscriber subscriber);
    void removeSubscriber(quint64 id);
    void updateRealtime();
    void dispatch(const QString &type, const QString &id, const QByteArray &data);
    bool rememberMessage(const Message &message);
    /// A message.created event: once, to the subscribers and messageReceived().
    void deliverMessage(const Message &message);
    template<typename Callback, typename Value>
    void notify(const QString &ticketId, const Value &value);

    Job<Customer> *identifyText(const QByteArray &customerJson, const QString &signature);

    ChatClient *q;
    Internal::HttpTransport *http;
    Internal::RealtimeChannel *realtime;
    QString token;
    ChatClient::SessionKind sessionKind = ChatClient::SessionKind::None;
    Customer customer;
    bool creatingSession = false;
    std::vector<std::pair<ReadyFn, FailFn>> sessionWaiters;
    QHash<quint64, Subscriber> subscribers;
    quint64 nextSubscriberId = 1;
    bool realtimeEnabled = true;
    int pollingInterval = 5000;
    QHash<QString, TypingSent> typingSent;
    QElapsedTimer clock;
    // Recently delivered message ids: a second line of defence after the
    // event-id check, for messages seen through two paths (§9).
    QSet<QString> recentMessageIds;
    std::deque<QString> recentMessageOrder;
};

} // namespace CStar
