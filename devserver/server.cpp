// SPDX-License-Identifier: MIT
#include "server.h"

#include "agentapi.h"
#include "apierror.h"
#include "apirequest.h"
#include "apiresponse.h"
#include "chatapi.h"
#include "context.h"
#include "database.h"
#include "devcontrol.h"
#include "eventhub.h"
#include "eventlog.h"
#include "eventsapi.h"
#include "httpdaemon.h"
#include "httphandler.h"
#include "httpsockets.h"
#include "idempotencystore.h"
#include "identityverifier.h"
#include "ids.h"
#include "logging.h"
#include "outbox.h"
#include "ratelimiter.h"
#include "router.h"
#include "sessionstore.h"
#include "ticketstore.h"
#include "typingleases.h"

#include <QJsonDocument>
#include <QTimer>

#include <vector>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

enum class Auth { None, OptionalSession, Session, AgentRead, AgentWrite, Control };

Auth authFor(Route route)
{
    switch (route) {
    case Route::CreateSession:
        return Auth::None;
    case Route::Identify:
        return Auth::OptionalSession;
    case Route::DeleteSession:
    case Route::CreateTicket:
    case Route::ListTickets:
    case Route::GetTicket:
    case Route::ListMessages:
    case Route::PostMessage:
    case Route::PostTyping:
    case Route::Events:
    case Route::EventsPoll:
        return Auth::Session;
    case Route::AgentListTickets:
    case Route::AgentGetTicket:
    case Route::AgentListMessages:
    case Route::AgentEvents:
    case Route::AgentEventsPoll:
        return Auth::AgentRead;
    case Route::AgentPatchTicket:
    case Route::AgentPostMessage:
    case Route::AgentPostTyping:
        return Auth::AgentWrite;
    case Route::DevControl:
        return Auth::Control;
    }
    return Auth::Session;
}

bool takesBody(const QByteArray &method)
{
    return method == "POST"_ba || method == "PATCH"_ba || method == "PUT"_ba;
}

// Idempotency-Key: printable ASCII, like the UUIDs clients send (protocol §3).
bool isValidIdempotencyKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 255)
        return false;
    return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

} // namespace

class ServerPrivate : public HttpHandler
{
public:
    ServerPrivate(Server *q, const Options &options);

    // HttpHandler: requests from the HTTP layer (HttpDaemon).
    qint64 bodyLimit(const HttpRequest &head) const override;
    HttpReply refuse(const HttpRequest &head, Refusal why, qint64 limit) override;
    HttpReply handle(const HttpRequest &httpRequest) override;

    /// The whole pipeline for one request. From a socket (`stream` set), a
    /// stream request opens an EventStream (*stream); without one (inject())
    /// it answers its preamble.
    ApiResponse run(ApiRequest &request, EventStream **stream, RateLimiter::Decision *rateOut);
    ApiResponse process(ApiRequest &request, const Router::Match &match,
                        const RateLimiter::Decision &rate, EventStream **stream,
                        std::optional<DevControl::FailRule> *failAfter);
    void checkTeam(Route route, const QString &team) const;
    void authenticate(Auth auth, ApiRequest &request);
    void parseBody(ApiRequest &request) const;
    ApiResponse dispatch(Route route, ApiRequest &request);
    ApiResponse openStream(ApiRequest &request, EventStream **stream);
    QByteArray replayPage(const Audience &audience, qint64 *cursor, bool *more);
    ApiResponse control(const ApiRequest &request);
    void applyPendingActions();
    HttpLimits httpLimits() const;

    HeaderList commonHeaders(const ApiRequest &request, const RateLimiter::Decision &rate) const;
    HeaderList responseHeaders(const ApiRequest &request, const ApiResponse &response,
                               const RateLimiter::Decision &rate) const;
    QByteArray rateKey(const ApiRequest &request) const;
    QByteArray idempotencyScope(const ApiRequest &request, Route route) const;

    bool listen(QString *error);
    void retire(std::unique_ptr<HttpDaemon> daemon);
    void refuseConnections(int ms);
    void relisten();
    void maintenance();

    Server *q;
    Options options;
    Database db;
    SessionStore sessions;
    TicketStore tickets;
    EventLog events;
    IdempotencyStore idempotency;
    TypingLeases typing;
    IdentityVerifier identity;
    Outbox outbox;
    Context context;
    ChatApi chat;
    AgentApi agent;
    EventsApi eventsApi;
    RateLimiter limiter;
    DevControl devControl;
    Router router;
    EventHub hub;
    // After the hub: closing connections finishes their streams in it.
    std::unique_ptr<HttpDaemon> http; // the listening one
    std::vector<std::unique_ptr<HttpDaemon>> retired; // stopped listening, connections still open
    QTimer maintenanceTimer;
    quint16 boundPort = 0;
    DevControl::Actions pendingActions;
    bool actionsScheduled = false;
};

ServerPrivate::ServerPrivate(Server *q, const Options &o)
    : q(q)
    , options(o)
    , sessions(db, options.sessionTtlS * 1000)
    , tickets(db)
    , events(db, options.eventRetention)
    , idempotency(db, options.idempotencyTtlS * 1000)
    , typing(options.typingLeaseMs)
    , identity(options.chatSecret, options.signatureWindowS)
    , outbox(events)
    , context {options, db, sessions, tickets, events, typing, identity, outbox}
    , chat(context)
    , agent(context)
    , eventsApi(context)
    , limiter(options.rateLimit, options.rateWindowS)
    , devControl(options)
    , router(Router::standard())
    , hub(options.pingIntervalMs, options.streamQueueBytes)
{
    hub.setSessionExpiry([this](const QByteArray &sessionHash) -> qint64 {
        try {
            return sessions.expiresAt(sessionHash);
        } catch (const DatabaseError &) {
            return 0;
        }
    });
}

QByteArray ServerPrivate::rateKey(const ApiRequest &request) const
{
    // Per caller (protocol-notes "Rate limits"): a valid credential (a live
    // session token, the secret key) has its own bucket; anything else counts
    // against the peer address, so made-up tokens cannot mint fresh buckets.
    const QString token = request.bearerToken();
    if (!token.isEmpty()) {
        const QByteArray hash = Ids::hashSecret(token);
        if (Ids::constantTimeEquals(token.toUtf8(), options.agentKey.toUtf8()))
            return "bearer:"_ba + hash;
        try {
            if (sessions.expiresAt(hash) > request.nowMs)
                return "bearer:"_ba + hash;
        } catch (const DatabaseError &) {
            // Counted by peer below; the request itself will answer 500.
        }
    }
    return "peer:"_ba + request.peer.toString().toLatin1();
}

QByteArray ServerPrivate::idempotencyScope(const ApiRequest &request, Route route) const
{
    // protocol-notes "Idempotency": an answer is replayed only to the caller
    // that got it, named by its authenticated credential, and only while that
    // credential is good. Answers that carry a session token (sessions,
    // identify) are never stored: a retry runs again (identify re-verifies
    // its signature and its time window). Empty = neither stored nor replayed.
    if (route == Route::CreateSession || route == Route::Identify)
        return {};
    switch (request.caller.kind) {
    case Caller::Kind::Session:
        return "bearer:"_ba + request.caller.tokenHash;
    case Caller::Kind::SecretKey:
        return "bearer:"_ba + Ids::hashSecret(request.bearerToken());
    case Caller::Kind::PublishableKey:
    case Caller::Kind::None:
        break;
    }
    return {};
}

HeaderList ServerPrivate::commonHeaders(const ApiRequest &request,
                                        const RateLimiter::Decision &rate) const
{
    return HeaderList {{"X-Request-Id"_ba, request.requestId.toLatin1()},
                       {"X-RateLimit-Limit"_ba, QByteArray::number(rate.limit)},
                       {"X-RateLimit-Remaining"_ba, QByteArray::number(rate.remaining)},
                       {"X-RateLimit-Reset"_ba, QByteArray::number(rate.resetAtS)},
                       {"X-RateLimit-Window"_ba, QByteArray::number(rate.windowS)}};
}

HeaderList ServerPrivate::responseHeaders(const ApiRequest &request, const ApiResponse &response,
                                          const RateLimiter::Decision &rate) const
{
    HeaderList headers;
    const bool hasType = std::any_of(response.headers.begin(), response.headers.end(),
                                     [](const auto &h) { return h.first == "Content-Type"_ba; });
    if (response.status != 204) {
        if (!hasType)
            headers.append({"Content-Type"_ba, "application/json"_ba});
        headers.append({"Content-Length"_ba, QByteArray::number(response.body.size())});
    }
    headers += commonHeaders(request, rate);
    headers += response.headers;
    return headers;
}

qint64 ServerPrivate::bodyLimit(const HttpRequest &) const
{
    // One limit for every route today; protocol §11's uploads will choose theirs here.
    return options.maxBodyBytes;
}

HttpReply ServerPrivate::refuse(const HttpRequest &head, Refusal why, qint64 limit)
{
    HttpRequest bodiless = head;
    bodiless.body.clear();
    ApiRequest request = ApiRequest::fromHttp(bodiless);
    ApiError error;
    switch (why) {
    case Refusal::HeaderTooLarge:
        error.status = 431;
        error.type = u"invalid_request_error"_s;
        error.code = u"header_too_large"_s;
        error.message = u"The request line and headers exceed %1 bytes."_s.arg(limit);
        break;
    case Refusal::BodyTooLarge:
        error = ApiError::bodyTooLarge(limit);
        break;
    case Refusal::AmbiguousFraming:
        error = ApiError::parameterInvalid(u"Content-Length"_s,
                                           u"The request's body length is ambiguous."_s);
        break;
    }
    // Counted like any request (protocol-notes "Rate limits": rejected ones count too).
    const RateLimiter::Decision rate = limiter.hit(rateKey(request), request.nowMs);
    const ApiResponse response = ApiResponse::error(request, error);
    qCDebug(lcDevServer).noquote()
        << request.method << request.path << "→" << response.status << request.requestId;
    return {response.status, responseHeaders(request, response, rate), response.body, nullptr};
}

HttpReply ServerPrivate::handle(const HttpRequest &httpRequest)
{
    ApiRequest request = ApiRequest::fromHttp(httpRequest);
    EventStream *stream = nullptr;
    RateLimiter::Decision rate;
    const ApiResponse response = run(request, &stream, &rate);
    if (stream) {
        qCDebug(lcDevServer).noquote()
            << request.method << request.path << "→ stream" << request.requestId;
        return {200, response.headers + commonHeaders(request, rate), {}, stream};
    }
    qCDebug(lcDevServer).noquote()
        << request.method << request.path << "→" << response.status << request.requestId;
    if ((pendingActions.dropStreams || pendingActions.refuseConnectionsMs > 0)
        && !actionsScheduled) {
        // Socket actions wait until this answer is queued (and the HTTP layer
        // is out of its callbacks).
        actionsScheduled = true;
        QMetaObject::invokeMethod(
            q, [this] { applyPendingActions(); }, Qt::QueuedConnection);
    }
    return {response.status, responseHeaders(request, response, rate), response.body, nullptr};
}

ApiResponse ServerPrivate::run(ApiRequest &request, EventStream **stream,
                               RateLimiter::Decision *rateOut)
{
    const Router::Match match = router.match(request.method, request.path);
    const bool isControl =
        match.result == Router::Match::Result::Found && match.route == Route::DevControl;
    const QByteArray callerKey = rateKey(request);
    const RateLimiter::Decision rate =
        isControl ? limiter.peek(callerKey, request.nowMs) : limiter.hit(callerKey, request.nowMs);
    *rateOut = rate;

    ApiResponse response;
    std::optional<DevControl::FailRule> failAfter;
    try {
        response = process(request, match, rate, stream, &failAfter);
    } catch (const ApiError &error) {
        response = ApiResponse::error(request, error);
    } catch (const DatabaseError &error) {
        qCCritical(lcDevServer) << "database error:" << error.message;
        outbox.clear();
        response = ApiResponse::error(request, ApiError::internal());
    }
    if (failAfter && !(stream && *stream)) {
        // The request was handled and committed; the client never learns it
        // (a lost response): a retry with the same Idempotency-Key must get the original.
        response = ApiResponse::error(
            request, ApiError::forStatus(failAfter->status, failAfter->retryAfterS));
    }
    return response;
}

ApiResponse ServerPrivate::process(ApiRequest &request, const Router::Match &match,
                                   const RateLimiter::Decision &rate, EventStream **stream,
                                   std::optional<DevControl::FailRule> *failAfter)
{
    // Repeated headers arrive joined by ", ". Two Content-Lengths (or one with
    // Transfer-Encoding) frame the body ambiguously — the request-smuggling
    // pattern. HttpDaemon refuses them before reading; inject() gets here.
    const QByteArray contentLength = request.header("content-length"_ba);
    if (contentLength.contains(',')
        || (!contentLength.isEmpty() && request.headers.contains("transfer-encoding"_ba)))
        throw ApiError::parameterInvalid(u"Content-Length"_s,
                                         u"The request's body length is ambiguous."_s);
    if (match.result == Router::Match::Result::NotFound)
        throw ApiError::resourceMissing(
            u"No endpoint %1 %2."_s.arg(QString::fromLatin1(request.method), request.path));
    if (match.result == Router::Match::Result::MethodNotAllowed) {
        ApiResponse r = ApiResponse::error(
            request, ApiError::methodNotAllowed(QString::fromLatin1(request.method), request.path));
        r.headers.append({"Allow"_ba, match.allowedMethods.join(", ")});
        return r;
    }
    const Route route = match.route;
    if (route != Route::DevControl) {
        if (!rate.allowed)
            throw ApiError::rateLimited(rate.retryAfterS);
        if (auto rule = devControl.takeFailure(request.method, request.path)) {
            if (!rule->afterHandling)
                throw ApiError::forStatus(rule->status, rule->retryAfterS);
            *failAfter = rule;
        }
    }
    // Credentials only in the Authorization header: URLs end up in logs.
    if (request.hasQuery(u"token"_s) || request.hasQuery(u"access_token"_s))
        throw ApiError::parameterInvalid(
            u"token"_s, u"Send the token in the Authorization header, never in the URL."_s);
    if (request.body.size() > options.maxBodyBytes)
        throw ApiError::bodyTooLarge(options.maxBodyBytes);
    request.params = match.params;
    checkTeam(route, request.params.value(0));

    Transaction transaction(db);
    // Before any replay: a stored answer goes only to the caller that got it,
    // while its credential is still good (protocol-notes "Idempotency").
    authenticate(authFor(route), request);

    QByteArray scope; // empty: nothing stored or replayed
    QString key;
    QByteArray fingerprint;
    if (request.method == "POST"_ba && route != Route::DevControl
        && request.headers.contains("idempotency-key"_ba)) {
        const QByteArray raw = request.header("idempotency-key"_ba).trimmed();
        if (!isValidIdempotencyKey(raw))
            throw ApiError::parameterInvalid(
                u"Idempotency-Key"_s,
                u"Idempotency-Key must be 1–255 printable ASCII characters."_s);
        key = QString::fromLatin1(raw);
        scope = idempotencyScope(request, route);
        fingerprint = IdempotencyStore::fingerprint(request.method, request.path, request.body);
        const auto record =
            scope.isEmpty() ? std::nullopt : idempotency.find(scope, key, request.nowMs);
        if (record) {
            if (record->fingerprint != fingerprint)
                throw ApiError::idempotencyConflict();
            transaction.commit();
            ApiResponse r;
            r.status = record->status;
            r.body = record->body;
            r.headers.append({"Idempotent-Replayed"_ba, "true"_ba});
            return r;
        }
    }

    if (route == Route::Events || route == Route::AgentEvents) {
        ApiResponse r = openStream(request, stream);
        transaction.commit();
        return r;
    }

    // Handler failures roll back to here: the session slide and the stored
    // idempotent answer (a 4xx is an answer too) still commit.
    ApiResponse response;
    db.savepoint(u"handler"_s);
    try {
        parseBody(request);
        response = dispatch(route, request);
    } catch (const ApiError &error) {
        db.rollbackTo(u"handler"_s);
        outbox.clear();
        response = ApiResponse::error(request, error);
    }
    db.release(u"handler"_s);
    if (!scope.isEmpty() && response.status < 500 && response.status != 429)
        idempotency.save(scope, key, {fingerprint, response.status, response.body}, request.nowMs);
    transaction.commit();
    outbox.deliver(hub);
    return response;
}

void ServerPrivate::checkTeam(Route route, const QString &team) const
{
    switch (authFor(route)) {
    case Auth::None:
    case Auth::OptionalSession:
    case Auth::Session:
        if (team != options.team)
            throw ApiError::resourceMissing(u"No team %1."_s.arg(team));
        break;
    case Auth::AgentRead:
    case Auth::AgentWrite:
        // protocol §10: the slug is accepted wherever a team id is expected.
        if (team != options.team && team != options.teamId())
            throw ApiError::resourceMissing(u"No team %1."_s.arg(team));
        break;
    case Auth::Control:
        break;
    }
}

void ServerPrivate::authenticate(Auth auth, ApiRequest &request)
{
    const QString token = request.bearerToken();
    switch (auth) {
    case Auth::None:
        return;
    case Auth::OptionalSession:
        if (!request.hasAuthorization())
            return;
        [[fallthrough]];
    case Auth::Session: {
        if (token.isEmpty())
            throw ApiError::authenticationRequired(
                u"Send Authorization: Bearer <session token> (create one with POST /sessions)."_s);
        Session session;
        switch (sessions.authenticate(token, request.nowMs, &session)) {
        case SessionStore::AuthResult::Revoked:
            // A retried identify presents the anonymous token it revoked:
            // identify then runs as without one (protocol-notes "Idempotency").
            if (auth == Auth::OptionalSession)
                return;
            [[fallthrough]];
        case SessionStore::AuthResult::Unknown:
            throw ApiError::authenticationRequired(u"Unknown or revoked session token."_s);
        case SessionStore::AuthResult::Expired:
            throw ApiError::sessionExpired();
        case SessionStore::AuthResult::Ok:
            break;
        }
        request.caller.kind = Caller::Kind::Session;
        request.caller.tokenHash = session.tokenHash;
        request.caller.sessionKind = session.kind;
        request.caller.customerId = session.customerId;
        request.caller.expiresAtMs = session.expiresAtMs;
        return;
    }
    case Auth::AgentRead:
    case Auth::AgentWrite:
    case Auth::Control: {
        if (auth == Auth::Control && !request.peer.isLoopback())
            throw ApiError::resourceMissing(u"No endpoint POST %1."_s.arg(request.path));
        if (token.isEmpty())
            throw ApiError::authenticationRequired(u"Send Authorization: Bearer <API key>."_s);
        const QByteArray presented = token.toUtf8();
        if (Ids::constantTimeEquals(presented, options.agentKey.toUtf8()))
            request.caller.kind = Caller::Kind::SecretKey;
        else if (Ids::constantTimeEquals(presented, options.publishableKey.toUtf8()))
            request.caller.kind = Caller::Kind::PublishableKey;
        else
            throw ApiError::authenticationRequired(u"Invalid API key."_s);
        // protocol §10: a pk_ key is public; agent-root data is customer data.
        if (request.caller.kind == Caller::Kind::PublishableKey)
            throw auth == Auth::Control ? ApiError::publishableKeyWrite()
                                        : ApiError::secretKeyRequired();
        return;
    }
    }
}

void ServerPrivate::parseBody(ApiRequest &request) const
{
    if (!takesBody(request.method))
        return;
    // Check the raw bytes: QJsonDocument silently replaces invalid UTF-8.
    if (!request.body.isValidUtf8())
        throw ApiError::invalidUtf8(u"The request body is not valid UTF-8."_s);
    if (request.body.trimmed().isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::invalidJson(
            u"The body is not valid JSON: %1 at offset %2."_s.arg(error.errorString())
                .arg(error.offset));
    if (!doc.isObject())
        throw ApiError::invalidJson(u"The body must be a JSON object."_s);
    request.json = doc.object();
}

ApiResponse ServerPrivate::dispatch(Route route, ApiRequest &request)
{
    switch (route) {
    case Route::CreateSession:
        return chat.createSession(request);
    case Route::Identify:
        return chat.identify(request);
    case Route::DeleteSession:
        return chat.deleteSession(request);
    case Route::CreateTicket:
        return chat.createTicket(request);
    case Route::ListTickets:
        return chat.listTickets(request);
    case Route::GetTicket:
        return chat.getTicket(request);
    case Route::ListMessages:
        return chat.listMessages(request);
    case Route::PostMessage:
        return chat.postMessage(request);
    case Route::PostTyping:
        return chat.postTyping(request);
    case Route::EventsPoll:
        return eventsApi.poll(request, Audience::forCustomer(request.caller.customerId));
    case Route::AgentListTickets:
        return agent.listTickets(request);
    case Route::AgentGetTicket:
        return agent.getTicket(request);
    case Route::AgentPatchTicket:
        return agent.patchTicket(request);
    case Route::AgentListMessages:
        return agent.listMessages(request);
    case Route::AgentPostMessage:
        return agent.postMessage(request);
    case Route::AgentPostTyping:
        return agent.postTyping(request);
    case Route::AgentEventsPoll:
        return eventsApi.poll(request, Audience::forAgent());
    case Route::DevControl:
        return control(request);
    case Route::Events:
    case Route::AgentEvents:
        break; // handled by openStream()
    }
    throw ApiError::internal();
}

ApiResponse ServerPrivate::openStream(ApiRequest &request, EventStream **stream)
{
    if (devControl.streamDisabled())
        return ApiResponse::noContent(); // protocol §9: 204 = no stream offered, poll
    if (devControl.streamStatus() != 0)
        return ApiResponse::error(request, ApiError::forStatus(devControl.streamStatus()));

    const bool isAgent = request.caller.isAgent();
    const Audience audience =
        isAgent ? Audience::forAgent() : Audience::forCustomer(request.caller.customerId);
    qint64 replayFrom = -1;
    const QByteArray preamble =
        eventsApi.streamPreamble(request, audience, stream ? &replayFrom : nullptr);
    StreamAudience streamAudience {isAgent, request.caller.customerId, request.caller.tokenHash};

    ApiResponse r;
    r.headers = HeaderList {{"Content-Type"_ba, "text/event-stream"_ba},
                            {"Cache-Control"_ba, "no-cache"_ba},
                            {"X-Accel-Buffering"_ba, "no"_ba}};
    if (!stream) {
        // inject(): the first bytes as the answer; nothing stays open.
        r.body = preamble;
        return r;
    }
    EventStream::ReplaySource replay;
    if (replayFrom >= 0) {
        // Pulled a page at a time as the socket drains, never in one piece.
        replay = [this, audience](qint64 *cursor, bool *more) {
            return replayPage(audience, cursor, more);
        };
    }
    *stream = hub.open(streamAudience, preamble, devControl.firstByteDelayMs(), replayFrom,
                       std::move(replay));
    return r;
}

QByteArray ServerPrivate::replayPage(const Audience &audience, qint64 *cursor, bool *more)
{
    // 16 events: a few KiB usually; at most ~0.5 MiB of 10,000-character messages.
    constexpr int PageEvents = 16;
    bool hasMore = false;
    const QList<StoredEvent> page = events.after(*cursor, audience, PageEvents, &hasMore);
    QByteArray out;
    for (const StoredEvent &e : page)
        out += EventHub::frame(e);
    if (!page.isEmpty())
        *cursor = page.constLast().id;
    *more = hasMore && !page.isEmpty();
    return out;
}

ApiResponse ServerPrivate::control(const ApiRequest &request)
{
    const DevControl::Actions actions = devControl.apply(request.json);
    // Socket actions run after the response is written.
    pendingActions.dropStreams = pendingActions.dropStreams || actions.dropStreams;
    pendingActions.refuseConnectionsMs =
        qMax(pendingActions.refuseConnectionsMs, actions.refuseConnectionsMs);
    QJsonObject state = devControl.state();
    state.insert(u"openStreams"_s, hub.streamCount());
    return ApiResponse::success(request, state);
}

void ServerPrivate::applyPendingActions()
{
    actionsScheduled = false;
    const DevControl::Actions actions = std::exchange(pendingActions, {});
    if (actions.dropStreams)
        hub.closeAll();
    if (actions.refuseConnectionsMs > 0)
        refuseConnections(actions.refuseConnectionsMs);
}

HttpLimits ServerPrivate::httpLimits() const
{
    HttpLimits limits;
    limits.maxHeaderBytes = options.maxHeaderBytes;
    limits.idleTimeoutS = options.idleTimeoutS;
    limits.headerTimeoutS = options.headerTimeoutS;
    // A reading client takes a ping at least every interval: a stream is
    // stalled only after three missed ones (and never before the idle timeout).
    limits.streamTimeoutS =
        qMax(options.idleTimeoutS, int((3LL * options.pingIntervalMs + 999) / 1000));
    // On loopback every client is this machine (tests and benchmarks open
    // thousands of streams from 127.0.0.1): no per-peer cap unless asked.
    limits.maxConnectionsPerPeer = options.maxConnectionsPerPeer >= 0
        ? options.maxConnectionsPerPeer
        : (options.listenAddress.isLoopback() ? 0 : 256);
    limits.maxConnections = options.maxConnections;
    if (limits.maxConnections <= 0) {
        // Keep 64 descriptors for SQLite, the event loop and the listener.
        const qint64 files = HttpSockets::openFileLimit();
        limits.maxConnections =
            files > 0 ? int(qBound(qint64(16), files - 64, qint64(1000000))) : 10000;
    }
    return limits;
}

bool ServerPrivate::listen(QString *error)
{
    auto daemon = std::make_unique<HttpDaemon>(this, httpLimits());
    if (!daemon->listen(options.listenAddress, boundPort ? boundPort : options.port, error))
        return false;
    boundPort = daemon->port();
    http = std::move(daemon);
    return true;
}

void ServerPrivate::retire(std::unique_ptr<HttpDaemon> daemon)
{
    daemon->stopListening();
    HttpDaemon *raw = daemon.get();
    QObject::connect(raw, &HttpDaemon::drained, q, [this, raw] {
        for (auto it = retired.begin(); it != retired.end(); ++it) {
            if (it->get() == raw) {
                it->release()->deleteLater(); // not from inside its own signal
                retired.erase(it);
                return;
            }
        }
    });
    retired.push_back(std::move(daemon));
}

void ServerPrivate::refuseConnections(int ms)
{
    // Close the listening socket (new connections are refused, open ones
    // stay on the retired daemon), then listen on the same port again.
    if (!http)
        return;
    retire(std::move(http));
    qCDebug(lcDevServer) << "refusing connections for" << ms << "ms";
    QTimer::singleShot(ms, q, [this] { relisten(); });
}

void ServerPrivate::relisten()
{
    QString error;
    if (!listen(&error)) {
        qCWarning(lcDevServer) << "cannot listen again:" << error << "- retrying";
        QTimer::singleShot(100, q, [this] { relisten(); });
    }
}

void ServerPrivate::maintenance()
{
    try {
        Transaction transaction(db);
        const qint64 now = Ids::nowMs();
        idempotency.prune(now);
        sessions.prune(now, 7LL * 86400 * 1000);
        transaction.commit();
    } catch (const DatabaseError &error) {
        qCCritical(lcDevServer) << "maintenance failed:" << error.message;
    }
}

Server::Server(const Options &options, QObject *parent)
    : QObject(parent), d(std::make_unique<ServerPrivate>(this, options))
{
    installCredentialSafeLogging();
    connect(&d->maintenanceTimer, &QTimer::timeout, this, [this] { d->maintenance(); });
}

Server::~Server() = default;

bool Server::start(QString *errorMessage)
{
    QString error;
    QString path = d->options.databasePath;
    if (path.isEmpty())
        path = Options::defaultDatabasePath();
    if (!d->db.open(path, &error)) {
        if (errorMessage)
            *errorMessage = u"cannot open the database %1: %2"_s.arg(path, error);
        return false;
    }
    d->maintenance();
    if (d->options.maxOpenFiles > 0 && !HttpSockets::setOpenFileLimit(d->options.maxOpenFiles))
        qCWarning(lcDevServer) << "cannot set the open-file limit to" << d->options.maxOpenFiles;
    if (!d->listen(&error)) {
        if (errorMessage)
            *errorMessage = u"cannot listen on %1:%2: %3"_s.arg(
                d->options.listenAddress.toString(), QString::number(d->options.port), error);
        return false;
    }
    d->maintenanceTimer.start(3600 * 1000);
    return true;
}

bool Server::isListening() const
{
    return d->http && d->http->isListening();
}

quint16 Server::port() const
{
    return d->boundPort;
}

QUrl Server::baseUrl() const
{
    QHostAddress host = d->options.listenAddress;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(host.toString());
    url.setPort(d->boundPort);
    return url;
}

int Server::openStreamCount() const
{
    return d->hub.streamCount();
}

const Options &Server::options() const
{
    return d->options;
}

InjectedResponse Server::inject(const InjectedRequest &injected)
{
    ApiRequest request = ApiRequest::fromParts(injected.method, injected.target, injected.headers,
                                               injected.body, injected.peer);
    RateLimiter::Decision rate;
    const ApiResponse response = d->run(request, nullptr, &rate);
    InjectedResponse out;
    out.status = response.status;
    out.headers = d->responseHeaders(request, response, rate);
    out.body = response.body;
    d->applyPendingActions();
    return out;
}

QByteArray InjectedResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace CStar::DevServer
