// SPDX-License-Identifier: MIT
// One request from routing to answer: rate limit, failNext, auth,
// idempotency, the handler in its savepoint, events after the commit.
#include "server_p.h"

#include "apierror.h"
#include "ids.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

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

// Takes a body and keeps nothing (an upload that will be refused).
class DiscardingSink : public QIODevice
{
public:
    DiscardingSink() { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override { return size; }
};

// What makes two idempotent requests "the same" (protocol §3). A file's body
// is on disk (§11): its digest stands for it, with the type and name headers.
QByteArray fingerprintBody(const ApiRequest &request)
{
    if (!request.bodyFile)
        return request.body;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    request.bodyFile->seek(0);
    hash.addData(request.bodyFile.get());
    return "file:"_ba + hash.result().toHex() + '\n' + request.header("content-type"_ba) + '\n'
        + request.header("x-filename"_ba);
}

} // namespace

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

QByteArray ServerPrivate::idempotencyScope(const ApiRequest &request, const Route &route) const
{
    // protocol-notes "Idempotency": an answer is replayed only to the caller
    // that got it, named by its authenticated credential, and only while that
    // credential is good. Answers that carry a session token (sessions,
    // identify) are never stored: a retry runs again (identify re-verifies
    // its signature and its time window). Empty = neither stored nor replayed.
    if (route.has(Route::FreshAnswer))
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
        headers.append(
            {"Content-Length"_ba,
             QByteArray::number(response.file ? response.fileLength : response.body.size())});
    }
    headers += commonHeaders(request, rate);
    headers += response.headers;
    return headers;
}

const Route *ServerPrivate::routeOf(const HttpRequest &head) const
{
    const qsizetype q = head.target.indexOf('?');
    QUrl url;
    url.setPath(QString::fromUtf8(q < 0 ? head.target : head.target.left(q)), QUrl::TolerantMode);
    const Router::Match match = router.match(head.method, url.path(QUrl::FullyEncoded));
    return match.result == Router::Match::Result::Found ? match.route : nullptr;
}

qint64 ServerPrivate::bodyLimit(const HttpRequest &head) const
{
    // Files (protocol §11) have their own limit, checked before a byte is read.
    const Route *route = routeOf(head);
    return route && route->has(Route::RawBody) ? options.maxUploadBytes : options.maxBodyBytes;
}

std::shared_ptr<QIODevice> ServerPrivate::bodySink(const HttpRequest &head)
{
    // An upload streams to a .part file beside the database, never into memory.
    const Route *route = routeOf(head);
    if (!route || !route->has(Route::RawBody))
        return nullptr;
    // A caller without a live credential will get 401: its bytes are read
    // and dropped, never written to disk.
    const ApiRequest request = ApiRequest::fromHttp(head);
    if (!rateKey(request).startsWith("bearer:"))
        return std::make_shared<DiscardingSink>();
    return files.newPartial();
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
    case Refusal::BodyTooLarge: {
        const Route *route = routeOf(head);
        error = route && route->has(Route::RawBody) ? ApiError::fileTooLarge(limit)
                                                    : ApiError::bodyTooLarge(limit);
        break;
    }
    case Refusal::StorageFailed:
        error = ApiError::internal(u"The upload could not be stored."_s);
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
    return {
        response.status, responseHeaders(request, response, rate), response.body, nullptr, {}, 0};
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
        return {200, response.headers + commonHeaders(request, rate), {}, stream, {}, 0};
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
    return {response.status, responseHeaders(request, response, rate),
            response.body,   nullptr,
            response.file,   response.fileLength};
}

ApiResponse ServerPrivate::run(ApiRequest &request, EventStream **stream,
                               RateLimiter::Decision *rateOut)
{
    const Router::Match match = router.match(request.method, request.path);
    const bool isControl =
        match.result == Router::Match::Result::Found && match.route->has(Route::Control);
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
    if (match.result == Router::Match::Result::MethodNotAllowed) {
        checkFraming(request);
        ApiResponse r = ApiResponse::error(
            request, ApiError::methodNotAllowed(QString::fromLatin1(request.method), request.path));
        r.headers.append({"Allow"_ba, match.allowedMethods.join(", ")});
        return r;
    }
    const Route &route = admit(request, match, rate, failAfter);

    Transaction transaction(db);
    // Before any replay: a stored answer goes only to the caller that got it,
    // while its credential is still good (protocol-notes "Idempotency").
    authenticate(route.auth, request);
    IdempotentCall idem;
    if (std::optional<ApiResponse> replayed = replayIdempotent(request, route, &idem)) {
        transaction.commit();
        return *replayed;
    }
    ApiResponse response = route.has(Route::Stream) ? route.handler(request, stream)
                                                    : handleInSavepoint(request, route);
    if (!idem.scope.isEmpty() && response.status < 500 && response.status != 429)
        idempotency.save(idem.scope, idem.key, {idem.fingerprint, response.status, response.body},
                         request.nowMs);
    transaction.commit();
    outbox.deliver(hub);
    return response;
}

void ServerPrivate::checkFraming(const ApiRequest &request) const
{
    // Repeated headers arrive joined by ", ". Two Content-Lengths (or one with
    // Transfer-Encoding) frame the body ambiguously — the request-smuggling
    // pattern. HttpDaemon refuses them before reading; inject() gets here.
    const QByteArray contentLength = request.header("content-length"_ba);
    if (contentLength.contains(',')
        || (!contentLength.isEmpty() && request.headers.contains("transfer-encoding"_ba)))
        throw ApiError::parameterInvalid(u"Content-Length"_s,
                                         u"The request's body length is ambiguous."_s);
}

const Route &ServerPrivate::admit(ApiRequest &request, const Router::Match &match,
                                  const RateLimiter::Decision &rate,
                                  std::optional<DevControl::FailRule> *failAfter)
{
    checkFraming(request);
    if (match.result == Router::Match::Result::NotFound)
        throw ApiError::resourceMissing(
            u"No endpoint %1 %2."_s.arg(QString::fromLatin1(request.method), request.path));
    const Route &route = *match.route;
    if (!route.has(Route::Control)) {
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
    if (route.has(Route::RawBody) && request.body.size() > options.maxUploadBytes)
        throw ApiError::fileTooLarge(options.maxUploadBytes);
    if (!route.has(Route::RawBody) && request.body.size() > options.maxBodyBytes)
        throw ApiError::bodyTooLarge(options.maxBodyBytes);
    request.params = match.params;
    checkTeam(route, request.params.value(0));
    return route;
}

std::optional<ApiResponse> ServerPrivate::replayIdempotent(const ApiRequest &request,
                                                           const Route &route, IdempotentCall *idem)
{
    if (request.method != "POST"_ba || route.has(Route::Control)
        || !request.headers.contains("idempotency-key"_ba))
        return std::nullopt;
    const QByteArray raw = request.header("idempotency-key"_ba).trimmed();
    if (!isValidIdempotencyKey(raw))
        throw ApiError::parameterInvalid(
            u"Idempotency-Key"_s, u"Idempotency-Key must be 1–255 printable ASCII characters."_s);
    idem->key = QString::fromLatin1(raw);
    idem->scope = idempotencyScope(request, route);
    idem->fingerprint =
        IdempotencyStore::fingerprint(request.method, request.path, fingerprintBody(request));
    const auto record = idem->scope.isEmpty()
        ? std::nullopt
        : idempotency.find(idem->scope, idem->key, request.nowMs);
    if (!record)
        return std::nullopt;
    if (record->fingerprint != idem->fingerprint)
        throw ApiError::idempotencyConflict();
    ApiResponse r;
    r.status = record->status;
    r.body = record->body;
    r.headers.append({"Idempotent-Replayed"_ba, "true"_ba});
    return r;
}

ApiResponse ServerPrivate::handleInSavepoint(ApiRequest &request, const Route &route)
{
    // Handler failures roll back to here: the session slide and the stored
    // idempotent answer (a 4xx is an answer too) still commit.
    ApiResponse response;
    db.savepoint(u"handler"_s);
    try {
        if (!route.has(Route::RawBody))
            parseBody(request);
        response = route.handler(request, nullptr);
    } catch (const ApiError &error) {
        db.rollbackTo(u"handler"_s);
        outbox.clear();
        response = ApiResponse::error(request, error);
    }
    db.release(u"handler"_s);
    return response;
}

void ServerPrivate::checkTeam(const Route &route, const QString &team) const
{
    switch (route.auth) {
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

} // namespace CStar::DevServer
