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
#include <optional>
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

    /// §7 order per ticket: one typing POST in flight; a newer state replaces
    /// a queued one (latest state wins, as the outbox does for messages).
    struct TypingQueue
    {
        bool inFlight = false;
        bool inFlightState = false;
        QList<QPointer<VoidJob>> inFlightJobs; // finish with the POST in flight
        std::optional<bool> queued;
        QList<QPointer<VoidJob>> queuedJobs;
    };

    using ReadyFn = std::function<void(const QString &)>;
    using FailFn = std::function<void(const ChatError &)>;

    /// Runs `request` for `job`, creating an anonymous session first if the
    /// request needs one and there is none (protocol §4, lazily).
    void send(Internal::RestRequest request, ChatJob *job);
    void withSession(ReadyFn ready, FailFn failed);
    void createAnonymousSession();
    /// An invalid token (not token68, over 4 KiB) is refused: no session.
    void setSession(QString token, ChatClient::SessionKind kind, Customer customer);
    void onUnauthorized(const ChatError &error, const QString &token);

    quint64 addSubscriber(Subscriber subscriber);
    void removeSubscriber(quint64 id);
    /// Realtime runs while a subscription or a connection to one of the
    /// event signals exists, unless disconnected (until the next call).
    void updateRealtime();
    bool eventSignalsConnected() const;
    /// After a disconnect: the next call or subscription starts the client
    /// again; views catch up (resyncRequired) and the stream resumes from
    /// the kept cursor.
    void resume();
    void queueTyping(const QString &ticketId, bool isTyping, VoidJob *job);
    void postTyping(const QString &ticketId, bool isTyping, QList<QPointer<VoidJob>> jobs);
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
    QHash<QString, TypingQueue> typingQueues;
    bool suspended = false; // disconnected; the next call or subscription resumes
    QElapsedTimer clock;
    // Recently delivered message ids: a second line of defence after the
    // event-id check, for messages seen through two paths (§9).
    QSet<QString> recentMessageIds;
    std::deque<QString> recentMessageOrder;
};

} // namespace CStar
