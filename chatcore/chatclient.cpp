// SPDX-License-Identifier: MIT
#include "chatclient.h"
#include "chatclient_p.h"
#include "chatjob_p.h"
#include "flatjsonobject_p.h"
#include "scriptapi.h"

#include "logging_p.h"
#include "routes_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaMethod>
#include <QUuid>

namespace CStar {

using Internal::RestRequest;

namespace {

constexpr int recentMessageCapacity = 4096;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject dataObject(const QJsonObject &envelope)
{
    return envelope.value(QLatin1String("data")).toObject();
}

template<typename T>
typename Job<T>::Parser objectParser()
{
    return [](const QJsonObject &envelope, int, T &out) {
        const QJsonObject data = dataObject(envelope);
        out = T::fromJson(data);
        return out.isValid();
    };
}

template<typename T>
typename Job<Page<T>>::Parser pageParser()
{
    return [](const QJsonObject &envelope, int, Page<T> &out) {
        const QJsonValue data = envelope.value(QLatin1String("data"));
        if (!data.isArray())
            return false;
        const QJsonArray items = data.toArray();
        out.data.reserve(items.size());
        for (const QJsonValue &v : items) {
            T item = T::fromJson(v.toObject());
            if (!item.isValid())
                return false;
            out.data.append(item);
        }
        out.hasMore = envelope.value(QLatin1String("hasMore")).toBool();
        out.nextCursor = envelope.value(QLatin1String("pagination"))
                             .toObject()
                             .value(QLatin1String("nextCursor"))
                             .toString();
        return true;
    };
}

RestRequest postRequest(const QString &path, const QJsonObject &body)
{
    RestRequest r;
    r.method = QByteArrayLiteral("POST");
    r.path = path;
    r.body = compact(body);
    return r;
}

RestRequest getRequest(const QString &path, const QUrlQuery &query = {})
{
    RestRequest r;
    r.path = path;
    r.query = query;
    return r;
}

ChatError invalidTokenError()
{
    return ChatError(ChatError::Kind::Protocol, QStringLiteral("invalid_token"),
                     QStringLiteral("The server issued a session token that is not a valid token "
                                    "(only token68 characters, at most 4 KiB); session refused"));
}

ChatClient::SessionKind kindFromString(const QString &kind)
{
    return kind == QLatin1String("identified") ? ChatClient::SessionKind::Identified
                                               : ChatClient::SessionKind::Anonymous;
}

} // namespace

// ---- ChatClientPrivate ------------------------------------------------------

ChatClientPrivate::ChatClientPrivate(ChatClient *q)
    : q(q), http(new Internal::HttpTransport(q)), realtime(new Internal::RealtimeChannel(http, q))
{
    clock.start();
    http->setBaseUrl(ChatClient::defaultBaseUrl());
    realtime->setTokenProvider(
        [this](ReadyFn ready, FailFn failed) { withSession(std::move(ready), std::move(failed)); });
    QObject::connect(http, &Internal::HttpTransport::unauthorized, q,
                     [this](const ChatError &error, const QString &usedToken) {
                         onUnauthorized(error, usedToken);
                     });
    QObject::connect(realtime, &Internal::RealtimeChannel::stateChanged, q,
                     &ChatClient::connectionStateChanged);
    QObject::connect(realtime, &Internal::RealtimeChannel::errorOccurred, q,
                     &ChatClient::errorOccurred);
    QObject::connect(realtime, &Internal::RealtimeChannel::unauthorized, q,
                     [this](const ChatError &error) { onUnauthorized(error, token); });
    QObject::connect(realtime, &Internal::RealtimeChannel::eventReceived, q,
                     [this](const QString &type, const QString &id, const QByteArray &data) {
                         dispatch(type, id, data);
                     });
}

void ChatClientPrivate::send(RestRequest request, ChatJob *job)
{
    resume();
    if (!request.needsSession) {
        http->execute(std::move(request), token, job);
        return;
    }
    QPointer<ChatJob> guard(job);
    withSession(
        [this, request = std::move(request), guard](const QString &sessionToken) mutable {
            if (guard)
                http->execute(std::move(request), sessionToken, guard);
        },
        [guard](const ChatError &error) {
            if (guard)
                Internal::JobAccess::fail(guard, error);
        });
}

void ChatClientPrivate::withSession(ReadyFn ready, FailFn failed)
{
    if (!token.isEmpty()) {
        ready(token);
        return;
    }
    sessionWaiters.emplace_back(std::move(ready), std::move(failed));
    createAnonymousSession();
}

void ChatClientPrivate::createAnonymousSession()
{
    if (creatingSession)
        return;
    creatingSession = true;
    struct Session
    {
        QString token;
        QString kind;
        Customer customer;
    };
    auto *job = new Job<Session>(
        [](const QJsonObject &envelope, int, Session &out) {
            const QJsonObject data = dataObject(envelope);
            out.token = data.value(QLatin1String("token")).toString();
            out.kind = data.value(QLatin1String("kind")).toString();
            out.customer = Customer::fromJson(data.value(QLatin1String("customer")).toObject());
            return !out.token.isEmpty();
        },
        q);
    QObject::connect(job, &ChatJob::finished, q, [this, job] {
        creatingSession = false;
        auto waiters = std::move(sessionWaiters);
        sessionWaiters.clear();
        ChatError error = job->error();
        if (job->isSuccess() && !Internal::HttpTransport::isValidToken(job->result().token)) {
            // A hostile server: CR/LF would inject headers into every later request.
            qCWarning(lcClient) << "refusing a session token that is not token68 or too long";
            error = invalidTokenError();
        } else if (job->isSuccess() && token.isEmpty()) {
            qCInfo(lcClient) << "anonymous session created";
            setSession(job->result().token, kindFromString(job->result().kind),
                       job->result().customer);
        }
        for (auto &[ready, failed] : waiters) {
            if (!token.isEmpty())
                ready(token);
            else
                failed(error);
        }
    });
    RestRequest request = postRequest(Routes::sessions(), QJsonObject());
    request.needsSession = false;
    http->execute(std::move(request), QString(), job);
}

void ChatClientPrivate::setSession(QString newToken, ChatClient::SessionKind kind,
                                   Customer newCustomer)
{
    if (!newToken.isEmpty() && !Internal::HttpTransport::isValidToken(newToken)) {
        qCWarning(lcClient) << "refusing a session token that is not token68 or too long";
        newToken.clear();
        kind = ChatClient::SessionKind::None;
        newCustomer = Customer();
    }
    const bool tokenChanged = newToken != token;
    const bool kindChanged = kind != sessionKind;
    const bool customerChanged = newCustomer != customer;
    token = newToken;
    sessionKind = kind;
    customer = newCustomer;
    if (kindChanged)
        Q_EMIT q->sessionKindChanged();
    if (customerChanged)
        Q_EMIT q->customerChanged();
    if (tokenChanged)
        Q_EMIT q->sessionChanged();
}

void ChatClientPrivate::onUnauthorized(const ChatError &error, const QString &usedToken)
{
    if (usedToken.isEmpty() || usedToken != token)
        return; // an answer to a session we already replaced
    qCInfo(lcClient) << "session rejected:" << error.code();
    const bool wasIdentified = sessionKind == ChatClient::SessionKind::Identified;
    setSession(QString(), ChatClient::SessionKind::None, Customer());
    Q_EMIT q->sessionExpired(error);
    if (realtime->isActive()) {
        // A new anonymous session cannot see the old tickets; say so.
        Q_EMIT q->resyncRequired();
        realtime->restart();
    }
    Q_UNUSED(wasIdentified)
}

quint64 ChatClientPrivate::addSubscriber(Subscriber subscriber)
{
    const quint64 id = nextSubscriberId++;
    if (subscriber.hasContext) {
        subscriber.contextConnection =
            QObject::connect(subscriber.context.data(), &QObject::destroyed, q,
                             [this, id] { removeSubscriber(id); });
    }
    subscribers.insert(id, std::move(subscriber));
    resume();
    updateRealtime();
    return id;
}

void ChatClientPrivate::removeSubscriber(quint64 id)
{
    const auto it = subscribers.find(id);
    if (it == subscribers.end())
        return;
    QObject::disconnect(it->contextConnection);
    subscribers.erase(it);
    updateRealtime();
}

void ChatClientPrivate::updateRealtime()
{
    // The stream opens with the first subscription (or connected event
    // signal) and closes with the last.
    if (suspended || (subscribers.isEmpty() && !eventSignalsConnected()))
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
    send(postRequest(Routes::typing(ticketId), QJsonObject {{QLatin1String("isTyping"), isTyping}}),
         request);
}

template<typename Callback, typename Value>
void ChatClientPrivate::notify(const QString &ticketId, const Value &value)
{
    // Callbacks may cancel subscriptions (or destroy the client's users)
    // while we iterate: snapshot the ids, re-check each one.
    QList<quint64> ids;
    for (auto it = subscribers.cbegin(); it != subscribers.cend(); ++it) {
        if (std::holds_alternative<Callback>(it->callback)
            && (it->ticketId.isEmpty() || it->ticketId == ticketId))
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    QPointer<ChatClient> alive(q);
    for (quint64 id : std::as_const(ids)) {
        if (!alive)
            return;
        auto it = subscribers.constFind(id);
        if (it == subscribers.cend() || (it->hasContext && !it->context))
            continue;
        const Callback callback = std::get<Callback>(it->callback);
        callback(value);
    }
}

bool ChatClientPrivate::rememberMessage(const Message &message)
{
    if (message.id().isEmpty() || recentMessageIds.contains(message.id()))
        return false;
    recentMessageIds.insert(message.id());
    recentMessageOrder.push_back(message.id());
    if (recentMessageOrder.size() > recentMessageCapacity) {
        recentMessageIds.remove(recentMessageOrder.front());
        recentMessageOrder.pop_front();
    }
    return true;
}

void ChatClientPrivate::deliverMessage(const Message &message)
{
    if (!message.isValid() || message.isInternal() || !rememberMessage(message))
        return;
    QPointer<ChatClient> alive(q);
    notify<ChatClient::MessageCallback>(message.ticketId(), message);
    if (alive)
        Q_EMIT q->messageReceived(message);
}

void ChatClientPrivate::dispatch(const QString &type, const QString &id, const QByteArray &data)
{
    QPointer<ChatClient> alive(q);
    Q_EMIT q->rawEventReceived(type, id, data);
    if (!alive)
        return;
    if (type == QLatin1String("message.created")) {
        // Message events are flat: read them without QJsonDocument when we can.
        Message message;
        if (Json::decodeFlatMessage(data, &message)) {
            deliverMessage(message);
            return;
        }
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (type == QLatin1String("reset")) {
        qCInfo(lcClient) << "server asked for a resync at" << id;
        Q_EMIT q->resyncRequired();
        return;
    }
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

Job<Customer> *ChatClientPrivate::identifyText(const QByteArray &customerJson,
                                               const QString &signature)
{
    struct Identified
    {
        QString token;
        Customer customer;
    };
    auto *inner = new Job<Identified>(
        [](const QJsonObject &envelope, int, Identified &out) {
            const QJsonObject data = dataObject(envelope);
            out.token = data.value(QLatin1String("token")).toString();
            out.customer = Customer::fromJson(data.value(QLatin1String("customer")).toObject());
            return Internal::HttpTransport::isValidToken(out.token); // never a header injection
        },
        q);
    // The job handed out owns the request (abandoning it abandons the
    // request); the answer reaches it only while it is alive.
    auto customerOut = std::make_shared<Customer>();
    auto *outer = new Job<Customer>(
        [customerOut](const QJsonObject &, int, Customer &out) {
            out = *customerOut;
            return true;
        },
        q);
    Internal::JobAccess::adopt(outer, inner, [this, inner, outer, customerOut] {
        if (!inner->isSuccess()) {
            Internal::JobAccess::fail(outer, inner->error());
            return;
        }
        setSession(inner->result().token, ChatClient::SessionKind::Identified,
                   inner->result().customer);
        qCInfo(lcClient) << "identified";
        // §8: the stream belongs to the token; the new customer may own
        // tickets this client never saw.
        realtime->restart();
        Q_EMIT q->resyncRequired();
        *customerOut = inner->result().customer;
        Internal::JobAccess::complete(outer, QJsonObject(), 200);
    });
    RestRequest request =
        postRequest(Routes::identify(),
                    QJsonObject {{QLatin1String("customer"), QString::fromUtf8(customerJson)},
                                 {QLatin1String("signature"), signature}});
    // Sent with the anonymous token, if any, so its tickets move (§4).
    request.needsSession = false;
    request.reportsUnauthorized = false;
    http->execute(std::move(request), token, inner);
    return outer;
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
    for (const ChatClientPrivate::Subscriber &s : std::as_const(d->subscribers))
        QObject::disconnect(s.contextConnection);
    d->subscribers.clear();
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
    return d->sessionKind;
}
Customer ChatClient::customer() const
{
    return d->customer;
}
ConnectionState ChatClient::connectionState() const
{
    return d->realtime->state();
}

Job<Customer> *ChatClient::identify(const QByteArray &customerJson, const QString &signature)
{
    return d->identifyText(customerJson, signature);
}

VoidJob *ChatClient::logout()
{
    auto *job = new VoidJob(this);
    const QString oldToken = d->token;
    auto clearLocal = [this, oldToken] {
        if (d->token != oldToken)
            return;
        d->setSession(QString(), SessionKind::None, Customer());
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
    return d->subscribers.contains(subscriptionId);
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

// ---- ScriptApi ------------------------------------------------------------------

namespace {
ScriptApi *installedScriptApi = nullptr;
} // namespace

ScriptApi::~ScriptApi() = default;

void ScriptApi::install(ScriptApi *api)
{
    installedScriptApi = api;
}

ScriptApi *ScriptApi::installed()
{
    return installedScriptApi;
}

QVariant ChatClient::scriptMember(int member) const
{
    ScriptApi *api = ScriptApi::installed();
    // The members act on the client; constness is only the getter's.
    return api ? api->member(const_cast<ChatClient *>(this), ScriptApi::Member(member))
               : QVariant();
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
    return d->token;
}

void ChatClient::restoreSession(const QString &token, SessionKind kind, const Customer &customer)
{
    d->setSession(token, token.isEmpty() ? SessionKind::None : kind, customer);
    d->realtime->restart();
}

// ---- Subscription -----------------------------------------------------------

Subscription::Subscription(ChatClient *client, quint64 id) : m_client(client), m_id(id) { }

Subscription::Subscription(Subscription &&other) noexcept
    : m_client(std::move(other.m_client)), m_id(std::exchange(other.m_id, 0))
{ }

Subscription &Subscription::operator=(Subscription &&other) noexcept
{
    if (this != &other) {
        cancel();
        m_client = std::move(other.m_client);
        m_id = std::exchange(other.m_id, 0);
    }
    return *this;
}

Subscription::~Subscription()
{
    cancel();
}

void Subscription::cancel()
{
    if (m_client && m_id)
        m_client->unsubscribe(m_id);
    m_id = 0;
    m_client.clear();
}

bool Subscription::isActive() const
{
    return m_client && m_id && m_client->isSubscribed(m_id);
}

// ---- TicketsApi / MessagesApi -------------------------------------------------

Job<Ticket> *TicketsApi::create(const NewTicket &ticket)
{
    QJsonObject body {{QLatin1String("title"), ticket.title}};
    if (!ticket.message.isEmpty())
        body.insert(QLatin1String("message"), ticket.message);
    if (!ticket.priority.isEmpty())
        body.insert(QLatin1String("priority"), ticket.priority);
    auto *job = new Job<Ticket>(objectParser<Ticket>(), m_client);
    m_client->d->send(postRequest(Routes::tickets(), body), job);
    return job;
}

Job<Ticket> *TicketsApi::create(const QString &title, const QString &message,
                                const QString &priority)
{
    return create(NewTicket {title, message, priority});
}

Job<TicketPage> *TicketsApi::list(const TicketListOptions &options)
{
    QUrlQuery query;
    if (!options.status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), options.status);
    query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    if (!options.cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), options.cursor);
    auto *job = new Job<TicketPage>(pageParser<Ticket>(), m_client);
    m_client->d->send(getRequest(Routes::tickets(), query), job);
    return job;
}

Job<Ticket> *TicketsApi::get(const QString &ticketId)
{
    auto *job = new Job<Ticket>(objectParser<Ticket>(), m_client);
    m_client->d->send(getRequest(Routes::ticket(ticketId)), job);
    return job;
}

Job<MessagePage> *MessagesApi::list(const QString &ticketId, const MessageListOptions &options)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    if (!options.before.isEmpty())
        query.addQueryItem(QStringLiteral("before"), options.before);
    if (!options.after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), options.after);
    auto *job = new Job<MessagePage>(pageParser<Message>(), m_client);
    m_client->d->send(getRequest(Routes::messages(ticketId), query), job);
    return job;
}

Job<Message> *MessagesApi::send(const QString &ticketId, const QString &content,
                                const SendOptions &options)
{
    const QString clientMessageId =
        options.clientMessageId.isEmpty() ? newClientMessageId() : options.clientMessageId;
    RestRequest request =
        postRequest(Routes::messages(ticketId),
                    QJsonObject {{QLatin1String("content"), content},
                                 {QLatin1String("clientMessageId"), clientMessageId}});
    request.idempotencyKey = options.idempotencyKey;
    // Subscribers get the stream's copy of this message too (once): a
    // model matches it to its local echo by clientMessageId.
    auto *job = new Job<Message>(objectParser<Message>(), m_client);
    m_client->d->send(std::move(request), job);
    return job;
}

QString MessagesApi::newClientMessageId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace CStar
