// SPDX-License-Identifier: MIT
#include "chatclient.h"
#include "apirequest_p.h"
#include "attachmentcache.h"
#include "chatclient_p.h"
#include "chatjob_p.h"

#include "logging_p.h"
#include "routes_p.h"
#include "scriptapi.h"

#include <QMetaMethod>

namespace CStar {

using Internal::RestRequest;

// ---- ChatClientPrivate ------------------------------------------------------

ChatClientPrivate::ChatClientPrivate(ChatClient *q)
    : q(q)
    , http(new Internal::HttpTransport(q))
    , realtime(new Internal::RealtimeChannel(http, q))
    , session(q, http)
    , router(q)
{
    clock.start();
    http->setBaseUrl(ChatClient::defaultBaseUrl());
    realtime->setTokenProvider(
        [this](Internal::ClientSession::ReadyFn ready, Internal::ClientSession::FailFn failed) {
            session.withSession(std::move(ready), std::move(failed));
        });
    QObject::connect(http, &Internal::HttpTransport::unauthorized, q,
                     [this](const ChatError &error, const QString &usedToken) {
                         onUnauthorized(error, usedToken);
                     });
    QObject::connect(realtime, &Internal::RealtimeChannel::stateChanged, q,
                     &ChatClient::connectionStateChanged);
    QObject::connect(realtime, &Internal::RealtimeChannel::errorOccurred, q,
                     &ChatClient::errorOccurred);
    QObject::connect(realtime, &Internal::RealtimeChannel::unauthorized, q,
                     [this](const ChatError &error) { onUnauthorized(error, session.token()); });
    QObject::connect(realtime, &Internal::RealtimeChannel::eventReceived, q,
                     [this](const QString &type, const QString &id, const QByteArray &data) {
                         router.dispatch(type, id, data);
                     });
}

void ChatClientPrivate::send(RestRequest request, ChatJob *job)
{
    resume();
    if (!request.needsSession) {
        http->execute(std::move(request), session.token(), job);
        return;
    }
    QPointer<ChatJob> guard(job);
    session.withSession(
        [this, request = std::move(request), guard](const QString &sessionToken) mutable {
            if (guard)
                http->execute(std::move(request), sessionToken, guard);
        },
        [guard](const ChatError &error) {
            if (guard)
                Internal::JobAccess::fail(guard, error);
        });
}

void ChatClientPrivate::onUnauthorized(const ChatError &error, const QString &usedToken)
{
    if (usedToken.isEmpty() || usedToken != session.token())
        return; // an answer to a session we already replaced
    qCInfo(lcClient) << "session rejected:" << error.code();
    session.clear();
    Q_EMIT q->sessionExpired(error);
    if (realtime->isActive()) {
        // A new anonymous session cannot see the old tickets; say so.
        Q_EMIT q->resyncRequired();
        realtime->restart();
    }
}

quint64 ChatClientPrivate::addSubscriber(Internal::EventRouter::Subscriber subscriber)
{
    const quint64 id = router.add(std::move(subscriber));
    resume();
    updateRealtime();
    return id;
}

void ChatClientPrivate::removeSubscriber(quint64 id)
{
    if (router.remove(id))
        updateRealtime();
}

void ChatClientPrivate::updateRealtime()
{
    // The stream opens with the first subscription (or connected event
    // signal) and closes with the last.
    if (suspended || (router.isEmpty() && !eventSignalsConnected()))
        realtime->stop();
    else
        realtime->start();
}

bool ChatClientPrivate::eventSignalsConnected() const
{
    static const QMetaMethod signalMethods[] = {
        QMetaMethod::fromSignal(&ChatClient::messageReceived),
        QMetaMethod::fromSignal(&ChatClient::typingChanged),
        QMetaMethod::fromSignal(&ChatClient::ticketUpdated),
    };
    for (const QMetaMethod &m : signalMethods) {
        if (q->isSignalConnected(m))
            return true;
    }
    return false;
}

void ChatClientPrivate::resume()
{
    if (!suspended)
        return;
    suspended = false;
    updateRealtime();
    if (!realtime->isActive())
        return;
    // Views attached during the disconnect fetch what they missed; the
    // stream replays from the kept cursor (§8), so nothing comes twice.
    QMetaObject::invokeMethod(q, &ChatClient::resyncRequired, Qt::QueuedConnection);
}

void ChatClientPrivate::queueTyping(const QString &ticketId, bool isTyping, VoidJob *job)
{
    TypingQueue &queue = typingQueues[ticketId];
    if (!queue.inFlight)
        return postTyping(ticketId, isTyping, {job});
    if (isTyping == queue.inFlightState) {
        // The POST in flight already says the latest state: drop the queued one.
        queue.inFlightJobs += queue.queuedJobs;
        queue.inFlightJobs.append(job);
        queue.queuedJobs.clear();
        queue.queued.reset();
        return;
    }
    queue.queued = isTyping;
    queue.queuedJobs.append(job);
}

void ChatClientPrivate::postTyping(const QString &ticketId, bool isTyping,
                                   QList<QPointer<VoidJob>> jobs)
{
    TypingQueue &queue = typingQueues[ticketId];
    queue.inFlight = true;
    queue.inFlightState = isTyping;
    queue.inFlightJobs = std::move(jobs);
    auto *request = new VoidJob(q);
    QObject::connect(request, &ChatJob::finished, q, [this, ticketId, request] {
        const auto it = typingQueues.find(ticketId);
        if (it == typingQueues.end())
            return;
        const QList<QPointer<VoidJob>> done = std::exchange(it->inFlightJobs, {});
        it->inFlight = false;
        std::optional<bool> next = std::exchange(it->queued, std::nullopt);
        QList<QPointer<VoidJob>> waiting = std::exchange(it->queuedJobs, {});
        if (next)
            postTyping(ticketId, *next, std::move(waiting));
        else
            typingQueues.erase(it);
        for (const QPointer<VoidJob> &job : done) {
            if (!job)
                continue;
            if (request->isSuccess())
                Internal::JobAccess::complete(job, QJsonObject(), 204);
            else
                Internal::JobAccess::fail(job, request->error());
        }
    });
    send(Internal::Api::postRequest(Routes::typing(ticketId),
                                    QJsonObject {{QLatin1String("isTyping"), isTyping}}),
         request);
}

// ---- ChatClient -------------------------------------------------------------

QUrl ChatClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://www.cstar.help"));
}

ChatClient::ChatClient(QObject *parent) : QObject(parent), d(new ChatClientPrivate(this)) { }

ChatClient::ChatClient(const QString &teamSlug, QObject *parent) : ChatClient(parent)
{
    d->http->setTeamSlug(teamSlug);
}

ChatClient::~ChatClient()
{
    // No state-change signals from a client being destroyed, and no
    // context object (often our own child) reaching into freed state.
    d->suspended = true; // connectNotify/disconnectNotify: nothing to start
    d->realtime->disconnect(this);
    d->realtime->stop();
    d->router.clear();
}

QString ChatClient::teamSlug() const
{
    return d->http->teamSlug();
}

void ChatClient::setTeamSlug(const QString &slug)
{
    if (slug == d->http->teamSlug())
        return;
    d->http->setTeamSlug(slug);
    Q_EMIT teamSlugChanged();
}

QUrl ChatClient::baseUrl() const
{
    return d->http->baseUrl();
}

void ChatClient::setBaseUrl(const QUrl &url)
{
    if (url == d->http->baseUrl())
        return;
    d->http->setBaseUrl(url);
    Q_EMIT baseUrlChanged();
}

bool ChatClient::realtime() const
{
    return d->realtimeEnabled;
}

void ChatClient::setRealtime(bool realtime)
{
    if (realtime == d->realtimeEnabled)
        return;
    d->realtimeEnabled = realtime;
    d->realtime->setRealtime(realtime);
    Q_EMIT realtimeChanged();
}

int ChatClient::pollingInterval() const
{
    return d->pollingInterval;
}

void ChatClient::setPollingInterval(int ms)
{
    ms = qMax(100, ms);
    if (ms == d->pollingInterval)
        return;
    d->pollingInterval = ms;
    d->realtime->setPollingInterval(ms);
    Q_EMIT pollingIntervalChanged();
}

TransportOptions ChatClient::transportOptions() const
{
    return d->http->options();
}

void ChatClient::setTransportOptions(const TransportOptions &options)
{
    d->http->setOptions(options);
}

ChatClient::SessionKind ChatClient::sessionKind() const
{
    return d->session.kind();
}
Customer ChatClient::customer() const
{
    return d->session.customer();
}
ConnectionState ChatClient::connectionState() const
{
    return d->realtime->state();
}

Job<Customer> *ChatClient::identify(const QByteArray &customerJson, const QString &signature)
{
    return d->session.identify(customerJson, signature, [this] {
        // §8: the stream belongs to the token; the new customer may own
        // tickets this client never saw.
        d->realtime->restart();
        Q_EMIT resyncRequired();
    });
}

VoidJob *ChatClient::logout()
{
    auto *job = new VoidJob(this);
    const QString oldToken = d->session.token();
    auto clearLocal = [this, oldToken] {
        if (d->session.token() != oldToken)
            return;
        d->session.clear();
        d->typingSent.clear();
        d->realtime->restart();
        Q_EMIT resyncRequired();
    };
    if (oldToken.isEmpty()) {
        Internal::JobAccess::succeed(job);
        return job;
    }
    // The returned job owns the request: abandoning it abandons the request.
    auto *request = new VoidJob(this);
    Internal::JobAccess::adopt(job, request, [request, job, clearLocal] {
        // The local session goes whatever the server said: a logout must
        // not leave the customer signed in on this machine.
        clearLocal();
        if (request->isSuccess() || request->error().kind() == ChatError::Kind::Authentication)
            Internal::JobAccess::succeed(job);
        else
            Internal::JobAccess::fail(job, request->error());
    });
    RestRequest r;
    r.method = QByteArrayLiteral("DELETE");
    r.path = Routes::session();
    r.needsSession = false;
    d->http->execute(std::move(r), oldToken, request);
    return job;
}

TicketsApi ChatClient::tickets()
{
    return TicketsApi(this);
}
MessagesApi ChatClient::messages()
{
    return MessagesApi(this);
}
UploadsApi ChatClient::uploads()
{
    return UploadsApi(this);
}
AttachmentsApi ChatClient::attachments()
{
    return AttachmentsApi(this);
}
AttachmentCache *ChatClient::attachmentCache() const
{
    // The only AttachmentCache child (its constructor is private to us).
    auto *self = const_cast<ChatClient *>(this);
    if (auto *cache = self->findChild<AttachmentCache *>(QString(), Qt::FindDirectChildrenOnly))
        return cache;
    return new AttachmentCache(self);
}

Subscription ChatClient::onMessage(const QString &ticketId, MessageCallback callback)
{
    return Subscription(this, d->addSubscriber({ticketId, std::move(callback), {}, false, {}}));
}

quint64 ChatClient::onMessage(const QString &ticketId, const QObject *context,
                              MessageCallback callback)
{
    return d->addSubscriber({ticketId, std::move(callback), context, true, {}});
}

Subscription ChatClient::onTyping(const QString &ticketId, TypingCallback callback)
{
    return Subscription(this, d->addSubscriber({ticketId, std::move(callback), {}, false, {}}));
}

quint64 ChatClient::onTyping(const QString &ticketId, const QObject *context,
                             TypingCallback callback)
{
    return d->addSubscriber({ticketId, std::move(callback), context, true, {}});
}

Subscription ChatClient::onTicket(const QString &ticketId, TicketCallback callback)
{
    return Subscription(this, d->addSubscriber({ticketId, std::move(callback), {}, false, {}}));
}

quint64 ChatClient::onTicket(const QString &ticketId, const QObject *context,
                             TicketCallback callback)
{
    return d->addSubscriber({ticketId, std::move(callback), context, true, {}});
}

void ChatClient::unsubscribe(quint64 subscriptionId)
{
    d->removeSubscriber(subscriptionId);
}

bool ChatClient::isSubscribed(quint64 subscriptionId) const
{
    return d->router.contains(subscriptionId);
}

VoidJob *ChatClient::sendTyping(const QString &ticketId, bool isTyping)
{
    auto *job = new VoidJob(this);
    ChatClientPrivate::TypingSent &sent = d->typingSent[ticketId];
    const qint64 now = d->clock.elapsed();
    const TransportOptions &o = d->http->options();
    const bool leaseLive = sent.lastTrueMs >= 0 && now - sent.lastTrueMs < o.typingLeaseMs;
    const bool redundant = isTyping ? (sent.lastState && now - sent.lastTrueMs < o.typingResendMs)
                                    : (!sent.lastState || !leaseLive);
    if (redundant) {
        if (!isTyping)
            sent.lastState = false;
        Internal::JobAccess::succeed(job);
        return job;
    }
    sent.lastState = isTyping;
    if (isTyping)
        sent.lastTrueMs = now;
    d->queueTyping(ticketId, isTyping, job);
    return job;
}

void ChatClient::disconnectFromServer()
{
    // Subscriptions stay registered (models keep theirs); realtime stays
    // off until the next call or subscription (ChatClientPrivate::resume()).
    d->suspended = true;
    d->realtime->stop();
    d->http->abortAll(ChatError(ChatError::Kind::Network, QStringLiteral("client_disconnected"),
                                QStringLiteral("The client was disconnected")));
}

void ChatClient::connectNotify(const QMetaMethod &signal)
{
    QObject::connectNotify(signal);
    if (signal == QMetaMethod::fromSignal(&ChatClient::messageReceived)
        || signal == QMetaMethod::fromSignal(&ChatClient::typingChanged)
        || signal == QMetaMethod::fromSignal(&ChatClient::ticketUpdated)) {
        // Connecting is enough to receive. Possibly called from another
        // thread: re-evaluate in ours.
        QMetaObject::invokeMethod(
            this,
            [this] {
                d->resume();
                d->updateRealtime();
            },
            Qt::QueuedConnection);
    }
}

void ChatClient::disconnectNotify(const QMetaMethod &signal)
{
    QObject::disconnectNotify(signal);
    // An invalid method: disconnect() of everything.
    if (!signal.isValid() || signal == QMetaMethod::fromSignal(&ChatClient::messageReceived)
        || signal == QMetaMethod::fromSignal(&ChatClient::typingChanged)
        || signal == QMetaMethod::fromSignal(&ChatClient::ticketUpdated))
        QMetaObject::invokeMethod(
            this, [this] { d->updateRealtime(); }, Qt::QueuedConnection);
}

QString ChatClient::lastEventId() const
{
    return d->realtime->cursor();
}
void ChatClient::setLastEventId(const QString &id)
{
    d->realtime->setCursor(id);
}
QString ChatClient::sessionToken() const
{
    return d->session.token();
}

void ChatClient::restoreSession(const QString &token, SessionKind kind, const Customer &customer)
{
    d->session.set(token, token.isEmpty() ? SessionKind::None : kind, customer);
    d->realtime->restart();
}

QVariant ChatClient::scriptMember(int member) const
{
    ScriptApi *api = ScriptApi::installed();
    // The members act on the client; constness is only the getter's.
    return api ? api->member(const_cast<ChatClient *>(this), ScriptApi::Member(member))
               : QVariant();
}

} // namespace CStar
