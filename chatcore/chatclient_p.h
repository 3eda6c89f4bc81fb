// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "chatclientrouter_p.h"
#include "chatclientsession_p.h"
#include "httptransport_p.h"
#include "realtimechannel_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>

#include <optional>

namespace CStar {

/// ChatClient's façade state: it wires the session (ClientSession), the
/// realtime channel and the event router together and owns the typing
/// leases. The jobs of each piece live in its own file.
class ChatClientPrivate
{
public:
    explicit ChatClientPrivate(ChatClient *q);

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

    /// Runs `request` for `job`, creating an anonymous session first if the
    /// request needs one and there is none (protocol §4, lazily).
    void send(Internal::RestRequest request, ChatJob *job);
    void onUnauthorized(const ChatError &error, const QString &token);

    quint64 addSubscriber(Internal::EventRouter::Subscriber subscriber);
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

    ChatClient *q;
    Internal::HttpTransport *http;
    Internal::RealtimeChannel *realtime;
    Internal::ClientSession session;
    Internal::EventRouter router;
    bool realtimeEnabled = true;
    int pollingInterval = 5000;
    QHash<QString, TypingSent> typingSent;
    QHash<QString, TypingQueue> typingQueues;
    bool suspended = false; // disconnected; the next call or subscription resumes
    QElapsedTimer clock;
    // The durable stores (chatcore/models/clientstorage.cpp), made on first use.
    QString storageDirectory; // empty: the default
    Outbox *outbox = nullptr;
    UnreadTracker *unreadTracker = nullptr;
};

} // namespace CStar
