// SPDX-License-Identifier: MIT
#include "server_p.h"

#include "apierror.h"
#include "httpsockets.h"
#include "ids.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

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
    , files(db, options.uploadTtlMs)
    , context {options, db, sessions, tickets, events, typing, identity, outbox, files}
    , chat(context)
    , agent(context)
    , eventsApi(context)
    , attachmentsApi(context)
    , limiter(options.rateLimit, options.rateWindowS)
    , devControl(options)
    , router(routes())
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
        files.pruneExpired(now); // protocol §11: unattached uploads live 24 h
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
    if (!d->files.open(d->options.filesPath, path, &error)) {
        if (errorMessage)
            *errorMessage = u"cannot open the uploads folder: %1"_s.arg(error);
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
    // Hourly, or as often as uploads expire when a test shortens their life.
    d->maintenanceTimer.start(int(qBound<qint64>(50, d->options.uploadTtlMs / 2, 3600LL * 1000)));
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
    if (response.file) // in-process: the (bounded, ≤ maxUploadBytes) file as the body
        out.body = response.file->read(response.fileLength);
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
