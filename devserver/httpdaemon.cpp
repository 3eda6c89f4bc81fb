// SPDX-License-Identifier: MIT
#include "httpdaemon.h"

#include "eventstream.h"
#include "httphandler.h"
#include "httpsockets.h"
#include "logging.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdarg>
#include <cstdio>
#include <list>

#include <microhttpd.h>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

/// One TCP connection (MHD's socket context).
struct Connection
{
    MHD_Connection *mhd = nullptr;
    qintptr fd = -1;
    qint64 acceptedMs = 0;
    bool busy = false; ///< a request is being read or answered
    bool shed = false;
    bool inIdle = false;
    bool awaitingHeaders = true; ///< the first request's head is not in yet
    std::list<Connection *>::iterator idleAt;
    std::list<Connection *>::iterator headerAt;
};

/// One request (MHD's con_cls), created by the URI log callback so the raw
/// request target is kept (MHD itself hands the access handler a decoded path).
struct Request
{
    HttpRequest request;
    qint64 bodyLimit = 0;
    qint64 discarded = 0; ///< body bytes read past the limit and dropped
    bool started = false;
    bool tooLarge = false; ///< over the limit: the body is drained, then 413
};

/// An event stream bound to the connection that carries it (the content
/// reader's closure; freed by MHD with the response).
struct StreamBinding
{
    HttpDaemonPrivate *d = nullptr;
    MHD_Connection *connection = nullptr;
    qintptr fd = -1;
    QPointer<EventStream> stream;
    bool suspended = false;
    bool aborted = false;
};

constexpr qint64 DayMs = 24LL * 3600 * 1000;

// A body over the limit but at most this large is read and dropped before
// the 413 (constant memory): closing on unread bytes makes the kernel reset
// the connection, and the client would lose the answer. Larger ones are
// refused at once and the connection closed.
constexpr qint64 DrainBytes = 1024 * 1024;

} // namespace

class HttpDaemonPrivate
{
public:
    HttpDaemonPrivate(HttpDaemon *q, HttpHandler *handler, const HttpLimits &limits)
        : q(q), handler(handler), limits(limits)
    {
        clock.start();
    }

    // MHD callbacks (all on the owning thread, inside MHD_run()).
    static void *onUri(void *cls, const char *uri, MHD_Connection *connection);
    static MHD_Result onAccess(void *cls, MHD_Connection *connection, const char *url,
                               const char *method, const char *version, const char *uploadData,
                               size_t *uploadDataSize, void **conCls);
    static void onCompleted(void *cls, MHD_Connection *connection, void **conCls,
                            MHD_RequestTerminationCode toe);
    static void onConnection(void *cls, MHD_Connection *connection, void **socketContext,
                             MHD_ConnectionNotificationCode toe);
    static ssize_t readStream(void *cls, uint64_t pos, char *buffer, size_t max);
    static void freeStream(void *cls);
    static void log(void *cls, const char *format, va_list ap);

    MHD_Result start(Request *r, MHD_Connection *connection);
    MHD_Result queue(MHD_Connection *connection, HttpReply reply, bool close);
    MHD_Result queueStream(MHD_Connection *connection, HttpReply reply);
    MHD_Result refuseMidBody(Request *r, MHD_Connection *connection);
    Connection *connectionOf(MHD_Connection *connection) const;

    void pump();
    void runSoon();
    void rearm();
    void syncFdNotifiers();
    void wake(StreamBinding *b);
    void abortStream(StreamBinding *b);
    void onHangups();

    void markBusy(Connection *c);
    void markIdle(Connection *c);
    void forgetHeaderDeadline(Connection *c);
    void shed(Connection *c);
    void shedIfCrowded(Connection *newest);
    void checkHeaderDeadlines();

    HttpDaemon *q;
    HttpHandler *handler;
    HttpLimits limits;
    MHD_Daemon *mhd = nullptr;
    quint16 port = 0;
    bool listening = false;
    bool running = false;
    bool closedDuringRun = false;
    bool runAgain = false; ///< a connection was resumed
    QElapsedTimer clock;

    QSocketNotifier *epollNotifier = nullptr;
    QHash<qintptr, QSocketNotifier *> readNotifiers; // without epoll
    QHash<qintptr, QSocketNotifier *> writeNotifiers;
    QTimer mhdTimer; // MHD's own timeouts (idle connections)
    QTimer headerTimer; // the first request's head deadline

    qintptr hangupWatch = -1;
    QSocketNotifier *hangupNotifier = nullptr;
    QSet<StreamBinding *> bindings;

    int connections = 0;
    int shedPending = 0; ///< shut down, not yet closed by MHD
    std::list<Connection *> idle; // oldest first: shed first
    std::list<Connection *> awaitingHeaders; // oldest first
};

// ---- MHD callbacks ------------------------------------------------------------

void *HttpDaemonPrivate::onUri(void *, const char *uri, MHD_Connection *)
{
    auto *r = new Request;
    r->request.target = QByteArray(uri);
    return r;
}

Connection *HttpDaemonPrivate::connectionOf(MHD_Connection *connection) const
{
    const MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<Connection *>(info->socket_context) : nullptr;
}

MHD_Result HttpDaemonPrivate::onAccess(void *cls, MHD_Connection *connection, const char *url,
                                       const char *method, const char *, const char *uploadData,
                                       size_t *uploadDataSize, void **conCls)
{
    auto *d = static_cast<HttpDaemonPrivate *>(cls);
    auto *r = static_cast<Request *>(*conCls);
    if (!r) { // no URI callback (cannot happen with MHD ≥ 0.9): fall back to the path
        r = new Request;
        r->request.target = QByteArray(url);
        *conCls = r;
    }
    r->request.method = QByteArray(method);
    if (!r->started)
        return d->start(r, connection);
    if (*uploadDataSize > 0) {
        const qint64 size = qint64(*uploadDataSize);
        *uploadDataSize = 0;
        if (!r->tooLarge && r->request.body.size() + size > r->bodyLimit) {
            r->tooLarge = true;
            r->discarded = r->request.body.size();
            r->request.body.clear();
        }
        if (r->tooLarge) {
            r->discarded += size;
            return r->discarded > DrainBytes ? d->refuseMidBody(r, connection) : MHD_YES;
        }
        r->request.body.append(uploadData, qsizetype(size));
        return MHD_YES;
    }
    if (r->tooLarge)
        return d->queue(
            connection,
            d->handler->refuse(r->request, HttpHandler::Refusal::BodyTooLarge, r->bodyLimit), true);
    return d->queue(connection, d->handler->handle(r->request), false);
}

MHD_Result HttpDaemonPrivate::start(Request *r, MHD_Connection *connection)
{
    r->started = true;
    if (Connection *c = connectionOf(connection)) {
        forgetHeaderDeadline(c);
        markBusy(c);
    }
    HttpRequest &head = r->request;
    qint64 headerBytes = head.method.size() + head.target.size() + 12;
    int contentLengths = 0;
    bool transferEncoding = false;
    QByteArray contentLength;
    struct Collect
    {
        HttpRequest *head;
        qint64 *bytes;
        int *contentLengths;
        bool *transferEncoding;
        QByteArray *contentLength;
    } collect {&head, &headerBytes, &contentLengths, &transferEncoding, &contentLength};
    MHD_get_connection_values_n(
        connection, MHD_HEADER_KIND,
        [](void *cls, MHD_ValueKind, const char *key, size_t keySize, const char *value,
           size_t valueSize) -> MHD_Result {
            auto *c = static_cast<Collect *>(cls);
            const QByteArray name(key, qsizetype(keySize));
            const QByteArray v(value ? value : "", value ? qsizetype(valueSize) : 0);
            *c->bytes += name.size() + v.size() + 4;
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                ++*c->contentLengths;
                *c->contentLength = v;
            } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
                *c->transferEncoding = true;
            }
            c->head->headers.append({name, v});
            return MHD_YES;
        },
        &collect);
    if (const MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS))
        head.peer = QHostAddress(info->client_addr);

    // Refusals are answered before a byte of the body is read, and close the
    // connection: what follows on it is a body we did not read, never a request.
    if (headerBytes > limits.maxHeaderBytes)
        return queue(
            connection,
            handler->refuse(head, HttpHandler::Refusal::HeaderTooLarge, limits.maxHeaderBytes),
            true);
    // RFC 9112 §6.3: two lengths, or a length with Transfer-Encoding, frame
    // the body ambiguously (request smuggling). MHD reads the first length or
    // prefers chunked; refuse instead.
    if (contentLengths > 1 || (contentLengths == 1 && transferEncoding))
        return queue(connection, handler->refuse(head, HttpHandler::Refusal::AmbiguousFraming, 0),
                     true);
    r->bodyLimit = handler->bodyLimit(head);
    // MHD has checked the value is digits only (else it answered 400 itself).
    const quint64 length = contentLengths == 1 ? contentLength.toULongLong() : 0;
    if (length > quint64(r->bodyLimit)) {
        if (length > quint64(DrainBytes))
            return queue(connection,
                         handler->refuse(head, HttpHandler::Refusal::BodyTooLarge, r->bodyLimit),
                         true);
        r->tooLarge = true; // read and dropped, then answered
    }
    return MHD_YES;
}

MHD_Result HttpDaemonPrivate::refuseMidBody(Request *r, MHD_Connection *connection)
{
    // A body without a length (chunked) ran past the limit and past what we
    // drain. MHD accepts a response only before the body or after all of it,
    // so the 413 is written to the socket directly and the connection is
    // closed (MHD_NO): the rest of the body is never read.
    HttpRequest head = r->request;
    head.body.clear();
    const HttpReply reply = handler->refuse(head, HttpHandler::Refusal::BodyTooLarge, r->bodyLimit);
    QByteArray raw =
        "HTTP/1.1 "_ba + QByteArray::number(reply.status) + " Content Too Large\r\n"_ba;
    for (const auto &[name, value] : reply.headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) != 0)
            raw += name + ": "_ba + value + "\r\n"_ba;
    }
    raw += "Content-Length: "_ba + QByteArray::number(reply.body.size())
        + "\r\nConnection: close\r\n\r\n"_ba + reply.body;
    if (const MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD))
        HttpSockets::writeNow(qintptr(info->connect_fd), raw);
    return MHD_NO;
}

MHD_Result HttpDaemonPrivate::queue(MHD_Connection *connection, HttpReply reply, bool close)
{
    if (reply.stream)
        return queueStream(connection, std::move(reply));
    auto *body = new QByteArray(std::move(reply.body));
    MHD_Response *response = MHD_create_response_from_buffer_with_free_callback_cls(
        size_t(body->size()), const_cast<char *>(body->constData()),
        [](void *cls) { delete static_cast<QByteArray *>(cls); }, body);
    if (!response) {
        delete body;
        return MHD_NO;
    }
    for (const auto &[name, value] : std::as_const(reply.headers)) {
        // MHD writes the framing headers itself.
        if (name.compare("content-length", Qt::CaseInsensitive) == 0
            || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            continue;
        MHD_add_response_header(response, name.constData(), value.constData());
    }
    if (close)
        MHD_add_response_header(response, "Connection", "close");
    const MHD_Result result = MHD_queue_response(connection, unsigned(reply.status), response);
    MHD_destroy_response(response);
    return result;
}

MHD_Result HttpDaemonPrivate::queueStream(MHD_Connection *connection, HttpReply reply)
{
    EventStream *stream = reply.stream;
    auto *b = new StreamBinding;
    b->d = this;
    b->connection = connection;
    b->stream = stream;
    if (const MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD))
        b->fd = qintptr(info->connect_fd);
    // The reader is pulled as the socket drains, 1 KiB per pull: MHD
    // allocates (and zeroes) that buffer per stream, and 5,000 streams are the
    // norm in the benchmarks; an event is ~0.5 KiB.
    MHD_Response *response =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, &readStream, b, &freeStream);
    if (!response) {
        delete b;
        stream->transportClosed();
        return MHD_NO;
    }
    // The body ends when the connection closes, as before: no chunked
    // framing around events (protocol §8 streams are never reused anyway).
    MHD_set_response_options(response, MHD_RF_HTTP_1_0_COMPATIBLE_STRICT, MHD_RO_END);
    for (const auto &[name, value] : std::as_const(reply.headers)) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0
            || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            continue;
        MHD_add_response_header(response, name.constData(), value.constData());
    }
    bindings.insert(b);
    stream->attach({[b] { b->d->wake(b); }, [b] { b->d->abortStream(b); }});
    // A stream is never idle while its client reads (a ping every 15 s); a
    // client that stops reading makes no progress and is dropped after this.
    MHD_set_connection_option(connection, MHD_CONNECTION_OPTION_TIMEOUT,
                              unsigned(limits.streamTimeoutS));
    if (b->fd >= 0)
        HttpSockets::hangupWatchAdd(hangupWatch, b->fd, b);
    const MHD_Result result = MHD_queue_response(connection, unsigned(reply.status), response);
    MHD_destroy_response(response); // frees the binding if it was not queued
    return result;
}

ssize_t HttpDaemonPrivate::readStream(void *cls, uint64_t, char *buffer, size_t max)
{
    auto *b = static_cast<StreamBinding *>(cls);
    if (b->aborted || !b->stream)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    const qint64 n = b->stream->read(buffer, qint64(max));
    if (n > 0)
        return ssize_t(n);
    if (n == EventStream::End)
        return MHD_CONTENT_READER_END_OF_STREAM;
    if (n == EventStream::Error)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    // Nothing to send: returning 0 alone would make MHD ask again at once
    // (a busy loop). Suspended, it waits for wake() (resume).
    MHD_suspend_connection(b->connection);
    b->suspended = true;
    return 0;
}

void HttpDaemonPrivate::freeStream(void *cls)
{
    auto *b = static_cast<StreamBinding *>(cls);
    b->d->bindings.remove(b);
    if (b->fd >= 0)
        HttpSockets::hangupWatchRemove(b->d->hangupWatch, b->fd);
    if (b->stream)
        b->stream->transportClosed();
    delete b;
}

void HttpDaemonPrivate::wake(StreamBinding *b)
{
    if (b->suspended) {
        b->suspended = false;
        MHD_resume_connection(b->connection);
        // In external mode MHD signals nothing: it takes resumed connections
        // back at the start of its next run. One run serves every wake of a
        // fan-out.
        runSoon();
    }
}

void HttpDaemonPrivate::abortStream(StreamBinding *b)
{
    b->aborted = true;
    if (b->suspended) {
        wake(b); // the reader then reports the error and MHD closes
    } else if (b->fd >= 0) {
        // Blocked on a full socket: make its next write fail.
        HttpSockets::shutdownBoth(b->fd);
    }
}

void HttpDaemonPrivate::onHangups()
{
    void *tags[64];
    int n = 0;
    while ((n = HttpSockets::hangupWatchTake(hangupWatch, tags, 64)) > 0) {
        for (int i = 0; i < n; ++i) {
            auto *b = static_cast<StreamBinding *>(tags[i]);
            if (!bindings.contains(b))
                continue;
            HttpSockets::hangupWatchRemove(hangupWatch, b->fd);
            b->fd = -1;
            abortStream(b);
        }
    }
    pump();
}

void HttpDaemonPrivate::onCompleted(void *cls, MHD_Connection *connection, void **conCls,
                                    MHD_RequestTerminationCode)
{
    auto *d = static_cast<HttpDaemonPrivate *>(cls);
    delete static_cast<Request *>(*conCls);
    *conCls = nullptr;
    if (Connection *c = d->connectionOf(connection))
        d->markIdle(c);
}

void HttpDaemonPrivate::onConnection(void *cls, MHD_Connection *connection, void **socketContext,
                                     MHD_ConnectionNotificationCode toe)
{
    auto *d = static_cast<HttpDaemonPrivate *>(cls);
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        auto *c = new Connection;
        c->mhd = connection;
        if (const MHD_ConnectionInfo *info =
                MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD))
            c->fd = qintptr(info->connect_fd);
        c->acceptedMs = d->clock.elapsed();
        *socketContext = c;
        ++d->connections;
        c->headerAt = d->awaitingHeaders.insert(d->awaitingHeaders.end(), c);
        if (!d->headerTimer.isActive())
            d->headerTimer.start(d->limits.headerTimeoutS * 1000);
        d->markIdle(c);
        d->shedIfCrowded(c);
        return;
    }
    auto *c = static_cast<Connection *>(*socketContext);
    if (!c)
        return;
    d->forgetHeaderDeadline(c);
    d->markBusy(c);
    if (c->shed)
        --d->shedPending;
    delete c;
    *socketContext = nullptr;
    --d->connections;
    // At its connection (or file) limit MHD takes the listening socket out of
    // its epoll set and puts it back only in its next run: run again soon,
    // or waiting clients are never accepted.
    d->closedDuringRun = true;
    if (!d->listening && d->connections == 0)
        QMetaObject::invokeMethod(d->q, &HttpDaemon::drained, Qt::QueuedConnection);
}

void HttpDaemonPrivate::log(void *, const char *format, va_list ap)
{
    char line[512];
    std::vsnprintf(line, sizeof line, format, ap);
    qCDebug(lcDevServer).noquote() << "libmicrohttpd:" << QByteArray(line).trimmed();
}

// ---- connection bookkeeping ------------------------------------------------------

void HttpDaemonPrivate::markBusy(Connection *c)
{
    c->busy = true;
    if (c->inIdle) {
        idle.erase(c->idleAt);
        c->inIdle = false;
    }
}

void HttpDaemonPrivate::markIdle(Connection *c)
{
    c->busy = false;
    if (!c->inIdle && !c->shed) {
        c->idleAt = idle.insert(idle.end(), c);
        c->inIdle = true;
    }
}

void HttpDaemonPrivate::forgetHeaderDeadline(Connection *c)
{
    if (c->awaitingHeaders) {
        awaitingHeaders.erase(c->headerAt);
        c->awaitingHeaders = false;
    }
}

void HttpDaemonPrivate::shed(Connection *c)
{
    // MHD owns the socket: shutting it down makes MHD see the end and close it.
    c->shed = true;
    ++shedPending;
    markBusy(c);
    forgetHeaderDeadline(c);
    if (c->fd >= 0)
        HttpSockets::shutdownBoth(c->fd);
}

void HttpDaemonPrivate::shedIfCrowded(Connection *newest)
{
    // Keep room for new clients near the connection (or file) limit: shed the
    // connections that have waited longest without a request in progress.
    const int margin = qBound(1, limits.maxConnections / 16, 64);
    while (connections - shedPending >= limits.maxConnections - margin && !idle.empty()
           && idle.front() != newest) {
        qCDebug(lcDevServer) << "near the connection limit: shedding the oldest idle connection";
        shed(idle.front());
    }
}

void HttpDaemonPrivate::checkHeaderDeadlines()
{
    const qint64 now = clock.elapsed();
    const qint64 timeoutMs = qint64(limits.headerTimeoutS) * 1000;
    while (!awaitingHeaders.empty() && awaitingHeaders.front()->acceptedMs + timeoutMs <= now) {
        qCDebug(lcDevServer) << "no request head within" << limits.headerTimeoutS << "s: closed";
        shed(awaitingHeaders.front());
    }
    if (!awaitingHeaders.empty())
        headerTimer.start(
            int(qMax<qint64>(1, awaitingHeaders.front()->acceptedMs + timeoutMs - now)));
    pump();
}

// ---- driving MHD from the event loop ------------------------------------------------

void HttpDaemonPrivate::pump()
{
    if (!mhd || running)
        return;
    running = true;
    closedDuringRun = false;
    runAgain = false;
    MHD_run(mhd);
    running = false;
    rearm();
    if (closedDuringRun || runAgain)
        mhdTimer.start(0);
}

void HttpDaemonPrivate::runSoon()
{
    runAgain = true;
    if (!running && mhd)
        mhdTimer.start(0);
}

void HttpDaemonPrivate::rearm()
{
    if (!mhd)
        return;
    if (!epollNotifier)
        syncFdNotifiers();
    MHD_UNSIGNED_LONG_LONG timeout = 0;
    if (MHD_get_timeout(mhd, &timeout) == MHD_YES)
        mhdTimer.start(int(qMin<MHD_UNSIGNED_LONG_LONG>(timeout, DayMs)));
    else
        mhdTimer.stop();
}

void HttpDaemonPrivate::syncFdNotifiers()
{
    // Without epoll: watch exactly the descriptors MHD wants this turn.
    fd_set readSet, writeSet, exceptSet;
    FD_ZERO(&readSet);
    FD_ZERO(&writeSet);
    FD_ZERO(&exceptSet);
    MHD_socket maxFd = 0;
    if (MHD_get_fdset2(mhd, &readSet, &writeSet, &exceptSet, &maxFd, FD_SETSIZE) != MHD_YES)
        return;
    auto sync = [this](QHash<qintptr, QSocketNotifier *> &notifiers, const QList<qintptr> &wanted,
                       QSocketNotifier::Type type) {
        const QSet<qintptr> want(wanted.begin(), wanted.end());
        for (auto it = notifiers.begin(); it != notifiers.end();) {
            if (!want.contains(it.key())) {
                delete it.value();
                it = notifiers.erase(it);
            } else {
                ++it;
            }
        }
        for (qintptr fd : want) {
            if (notifiers.contains(fd))
                continue;
            auto *n = new QSocketNotifier(fd, type, q);
            QObject::connect(n, &QSocketNotifier::activated, q, [this] { pump(); });
            notifiers.insert(fd, n);
        }
    };
    sync(readNotifiers, HttpSockets::fdSetMembers(&readSet, qintptr(maxFd)), QSocketNotifier::Read);
    sync(writeNotifiers, HttpSockets::fdSetMembers(&writeSet, qintptr(maxFd)),
         QSocketNotifier::Write);
}

// ---- HttpDaemon ---------------------------------------------------------------------

HttpDaemon::HttpDaemon(HttpHandler *handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent), d(std::make_unique<HttpDaemonPrivate>(this, handler, limits))
{
    d->mhdTimer.setSingleShot(true);
    connect(&d->mhdTimer, &QTimer::timeout, this, [this] { d->pump(); });
    d->headerTimer.setSingleShot(true);
    connect(&d->headerTimer, &QTimer::timeout, this, [this] { d->checkHeaderDeadlines(); });
}

HttpDaemon::~HttpDaemon()
{
    if (!d->mhd)
        return;
    // MHD_stop_daemon() refuses suspended connections: wake them to their end.
    const QSet<StreamBinding *> bindings = d->bindings;
    for (StreamBinding *b : bindings) {
        b->aborted = true;
        d->wake(b);
    }
    MHD_stop_daemon(d->mhd);
    d->mhd = nullptr;
    HttpSockets::hangupWatchClose(d->hangupWatch);
}

bool HttpDaemon::listen(const QHostAddress &address, quint16 port, QString *error)
{
    HttpSockets::Address sockAddr;
    if (!HttpSockets::toSockAddr(address, port, &sockAddr)) {
        *error = u"not an IPv4 or IPv6 address: %1"_s.arg(address.toString());
        return false;
    }
    unsigned flags = MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    if (HttpSockets::useEpoll())
        flags |= MHD_USE_EPOLL;
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        flags |= MHD_USE_IPv6;
    // The pool holds the request head: room for the header limit (answered
    // 431 by us, as JSON) plus MHD's bookkeeping; past the pool MHD answers
    // 431 itself. MHD zeroes the half it lends the read buffer, so the pool
    // is most of a stream's memory: keep it to what the limit needs.
    const size_t pool = size_t(qMax<qint64>(8 * 1024, d->limits.maxHeaderBytes + 4 * 1024));
    std::vector<MHD_OptionItem> options {
        {MHD_OPTION_SOCK_ADDR, 0, sockAddr.bytes},
        {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, nullptr}, // many clients reconnect at once
        {MHD_OPTION_CONNECTION_TIMEOUT, d->limits.idleTimeoutS, nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, d->limits.maxConnections, nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(pool), nullptr},
        {MHD_OPTION_STRICT_FOR_CLIENT, 1, nullptr},
        {MHD_OPTION_URI_LOG_CALLBACK, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::onUri),
         d.get()},
        {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::onCompleted),
         d.get()},
        {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::onConnection),
         d.get()},
        {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::log), d.get()},
    };
    if (d->limits.maxConnectionsPerPeer > 0)
        options.push_back(
            {MHD_OPTION_PER_IP_CONNECTION_LIMIT, d->limits.maxConnectionsPerPeer, nullptr});
    options.push_back({MHD_OPTION_END, 0, nullptr});
    d->mhd = MHD_start_daemon(flags, port, nullptr, nullptr, &HttpDaemonPrivate::onAccess, d.get(),
                              MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
    if (!d->mhd) {
        *error = u"cannot listen on %1:%2"_s.arg(address.toString()).arg(port);
        return false;
    }
    if (const MHD_DaemonInfo *info = MHD_get_daemon_info(d->mhd, MHD_DAEMON_INFO_BIND_PORT))
        d->port = info->port;
    d->listening = true;
    if (HttpSockets::useEpoll()) {
        const MHD_DaemonInfo *info = MHD_get_daemon_info(d->mhd, MHD_DAEMON_INFO_EPOLL_FD);
        d->epollNotifier = new QSocketNotifier(info->epoll_fd, QSocketNotifier::Read, this);
        connect(d->epollNotifier, &QSocketNotifier::activated, this, [this] { d->pump(); });
    }
    d->hangupWatch = HttpSockets::hangupWatchCreate();
    if (d->hangupWatch >= 0) {
        d->hangupNotifier = new QSocketNotifier(d->hangupWatch, QSocketNotifier::Read, this);
        connect(d->hangupNotifier, &QSocketNotifier::activated, this, [this] { d->onHangups(); });
    }
    d->rearm();
    return true;
}

void HttpDaemon::stopListening()
{
    if (!d->mhd || !d->listening)
        return;
    d->listening = false;
    const MHD_socket fd = MHD_quiesce_daemon(d->mhd);
    if (fd != MHD_INVALID_SOCKET)
        HttpSockets::closeSocket(qintptr(fd));
    d->pump();
    if (d->connections == 0)
        QMetaObject::invokeMethod(this, &HttpDaemon::drained, Qt::QueuedConnection);
}

bool HttpDaemon::isListening() const
{
    return d->listening;
}

quint16 HttpDaemon::port() const
{
    return d->port;
}

int HttpDaemon::connectionCount() const
{
    return d->connections;
}

} // namespace CStar::DevServer
