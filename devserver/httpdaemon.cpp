// SPDX-License-Identifier: MIT
#include "httpdaemon_p.h"

#include "eventstream.h"
#include "httpsockets.h"
#include "logging.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

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
        return d->takeBody(r, connection, uploadData, size);
    }
    if (r->tooLarge)
        return d->queue(
            connection,
            d->handler->refuse(r->request, HttpHandler::Refusal::BodyTooLarge, r->bodyLimit), true);
    if (r->storageFailed)
        return d->queue(connection,
                        d->handler->refuse(r->request, HttpHandler::Refusal::StorageFailed, 0),
                        true);
    r->request.bodySize = r->received;
    return d->queue(connection, d->handler->handle(r->request), false);
}

MHD_Result HttpDaemonPrivate::takeBody(Request *r, MHD_Connection *connection, const char *data,
                                       qint64 size)
{
    if (!r->tooLarge && r->received + size > r->bodyLimit) {
        r->tooLarge = true;
        r->discarded = r->received;
        r->request.body.clear();
        r->request.bodyFile.reset(); // a partial upload is never kept
    }
    if (r->tooLarge) {
        r->discarded += size;
        return r->discarded > DrainBytes ? refuseMidBody(r, connection) : MHD_YES;
    }
    r->received += size;
    if (r->storageFailed)
        return MHD_YES;
    if (r->request.bodyFile) {
        // Streamed to disk as it arrives: memory per upload stays MHD's read buffer.
        if (r->request.bodyFile->write(data, size) != size) {
            r->storageFailed = true;
            r->request.bodyFile.reset();
        }
        return MHD_YES;
    }
    r->request.body.append(data, qsizetype(size));
    return MHD_YES;
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
        if (length > quint64(DrainBytes)) {
            r->unreadBody = true;
            return queue(connection,
                         handler->refuse(head, HttpHandler::Refusal::BodyTooLarge, r->bodyLimit),
                         true);
        }
        r->tooLarge = true; // read and dropped, then answered
        return MHD_YES;
    }
    r->request.bodyFile = handler->bodySink(head);
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
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD)) {
        HttpSockets::writeNow(qintptr(info->connect_fd), raw);
        lingerClose(qintptr(info->connect_fd));
    }
    return MHD_NO;
}

namespace {

/// Adds the reply's headers to `response`, queues it and releases our reference.
MHD_Result queueResponse(MHD_Connection *connection, const HttpReply &reply, MHD_Response *response,
                         bool close)
{
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

} // namespace

MHD_Result HttpDaemonPrivate::queue(MHD_Connection *connection, HttpReply reply, bool close)
{
    if (reply.stream)
        return queueStream(connection, std::move(reply));
    if (reply.file)
        return queueFile(connection, std::move(reply), close);
    auto *body = new QByteArray(std::move(reply.body));
    MHD_Response *response = MHD_create_response_from_buffer_with_free_callback_cls(
        size_t(body->size()), const_cast<char *>(body->constData()),
        [](void *cls) { delete static_cast<QByteArray *>(cls); }, body);
    if (!response) {
        delete body;
        return MHD_NO;
    }
    return queueResponse(connection, reply, response, close);
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

MHD_Result HttpDaemonPrivate::queueFile(MHD_Connection *connection, HttpReply reply, bool close)
{
    // Pulled 64 KiB at a time as the socket drains: a download costs one
    // block of memory, whatever the file's size.
    auto *file = new std::shared_ptr<QIODevice>(std::move(reply.file));
    MHD_Response *response = MHD_create_response_from_callback(
        uint64_t(reply.fileLength), 64 * 1024, &readFile, file,
        [](void *cls) { delete static_cast<std::shared_ptr<QIODevice> *>(cls); });
    if (!response) {
        delete file;
        return MHD_NO;
    }
    return queueResponse(connection, reply, response, close);
}

ssize_t HttpDaemonPrivate::readFile(void *cls, uint64_t, char *buffer, size_t max)
{
    // MHD asks in order; the device's position is the response's position.
    QIODevice *file = static_cast<std::shared_ptr<QIODevice> *>(cls)->get();
    const qint64 n = file->read(buffer, qint64(max));
    if (n > 0)
        return ssize_t(n);
    return MHD_CONTENT_READER_END_WITH_ERROR; // the file shrank under us
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
                                    MHD_RequestTerminationCode toe)
{
    auto *d = static_cast<HttpDaemonPrivate *>(cls);
    auto *r = static_cast<Request *>(*conCls);
    Connection *c = d->connectionOf(connection);
    // The answer went out before the body it refused: linger (MHD closes next).
    if (r && r->unreadBody && c && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        d->lingerClose(c->fd);
    delete r;
    *conCls = nullptr;
    if (c)
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

} // namespace CStar::DevServer
