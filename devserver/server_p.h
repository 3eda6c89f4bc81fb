// SPDX-License-Identifier: MIT
#pragma once

// The server's private side, shared by server.cpp (life cycle, sockets),
// pipeline.cpp (one request from routing to answer) and routes.cpp (the table).

#include "agentapi.h"
#include "apirequest.h"
#include "apiresponse.h"
#include "attachmentsapi.h"
#include "attachmentstore.h"
#include "chatapi.h"
#include "context.h"
#include "database.h"
#include "devcontrol.h"
#include "eventhub.h"
#include "eventlog.h"
#include "eventsapi.h"
#include "httpdaemon.h"
#include "httphandler.h"
#include "idempotencystore.h"
#include "identityverifier.h"
#include "outbox.h"
#include "ratelimiter.h"
#include "router.h"
#include "server.h"
#include "sessionstore.h"
#include "ticketstore.h"
#include "typingleases.h"

#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace CStar::DevServer {

class ServerPrivate : public HttpHandler
{
public:
    ServerPrivate(Server *q, const Options &options);

    // HttpHandler: requests from the HTTP layer (HttpDaemon).
    qint64 bodyLimit(const HttpRequest &head) const override;
    std::shared_ptr<QIODevice> bodySink(const HttpRequest &head) override;
    HttpReply refuse(const HttpRequest &head, Refusal why, qint64 limit) override;
    HttpReply handle(const HttpRequest &httpRequest) override;

    /// Every endpoint (routes.cpp): the one place an endpoint is added.
    QList<Route> routes();

    // pipeline.cpp
    /// The whole pipeline for one request. From a socket (`stream` set), a
    /// stream request opens an EventStream (*stream); without one (inject())
    /// it answers its preamble.
    ApiResponse run(ApiRequest &request, EventStream **stream, RateLimiter::Decision *rateOut);
    ApiResponse process(ApiRequest &request, const Router::Match &match,
                        const RateLimiter::Decision &rate, EventStream **stream,
                        std::optional<DevControl::FailRule> *failAfter);
    /// What an idempotent POST is stored under (empty scope: nothing stored).
    struct IdempotentCall
    {
        QByteArray scope;
        QString key;
        QByteArray fingerprint;
    };
    void checkFraming(const ApiRequest &request) const;
    /// Everything decided before the transaction; throws the refusal.
    const Route &admit(ApiRequest &request, const Router::Match &match,
                       const RateLimiter::Decision &rate,
                       std::optional<DevControl::FailRule> *failAfter);
    std::optional<ApiResponse> replayIdempotent(const ApiRequest &request, const Route &route,
                                                IdempotentCall *idem);
    /// The route a request head names, or null.
    const Route *routeOf(const HttpRequest &head) const;
    ApiResponse handleInSavepoint(ApiRequest &request, const Route &route);
    void checkTeam(const Route &route, const QString &team) const;
    void authenticate(Auth auth, ApiRequest &request);
    void parseBody(ApiRequest &request) const;
    HeaderList commonHeaders(const ApiRequest &request, const RateLimiter::Decision &rate) const;
    HeaderList responseHeaders(const ApiRequest &request, const ApiResponse &response,
                               const RateLimiter::Decision &rate) const;
    QByteArray rateKey(const ApiRequest &request) const;
    QByteArray idempotencyScope(const ApiRequest &request, const Route &route) const;

    // server.cpp
    ApiResponse openStream(ApiRequest &request, EventStream **stream);
    QByteArray replayPage(const Audience &audience, qint64 *cursor, bool *more);
    ApiResponse control(const ApiRequest &request);
    void applyPendingActions();
    HttpLimits httpLimits() const;
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
    AttachmentStore files;
    Context context;
    ChatApi chat;
    AgentApi agent;
    EventsApi eventsApi;
    AttachmentsApi attachmentsApi;
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

} // namespace CStar::DevServer
