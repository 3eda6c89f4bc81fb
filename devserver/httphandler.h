// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"

#include <QByteArray>
#include <QHostAddress>
#include <QIODevice>

#include <memory>

namespace CStar::DevServer {

class EventStream;

/// One request as the HTTP layer (HttpDaemon) hands it to the server.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< "/path?query" exactly as on the request line
    HeaderList headers; ///< in arrival order, names as sent
    QByteArray body;
    QHostAddress peer;
    /// Set when the handler gave a sink (bodySink()): the body went there, not into `body`.
    std::shared_ptr<QIODevice> bodyFile;
    qint64 bodySize = 0; ///< bytes received into `bodyFile`
};

/// What the server answers. With `stream`, the status line and `headers` go
/// out and the body is pulled from the stream as the socket drains.
struct HttpReply
{
    int status = 200;
    HeaderList headers; ///< complete, Content-Length excepted (the HTTP layer adds it)
    QByteArray body;
    EventStream *stream = nullptr;
    /// Non-null: the body is `fileLength` bytes pulled from this device's
    /// current position as the socket drains (a download), never all in memory.
    std::shared_ptr<QIODevice> file;
    qint64 fileLength = 0;
};

/// The server side of HttpDaemon. Called on the thread that runs the daemon.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;

    /// Why the HTTP layer answers a request itself, before the pipeline.
    enum class Refusal {
        HeaderTooLarge, ///< 431: request line + headers over the limit
        BodyTooLarge, ///< 413: Content-Length (or a chunked body) over the limit
        AmbiguousFraming, ///< 400: two Content-Lengths, or one with Transfer-Encoding (RFC 9112
                          ///< §6.3)
        StorageFailed, ///< 500: a streamed body could not be written
    };

    /// The largest body this request may carry, chosen from its method, target
    /// and headers before a byte of it is read (a later upload route may allow more).
    virtual qint64 bodyLimit(const HttpRequest &head) const = 0;
    /// Where a body goes instead of memory (a file upload, protocol §11), or
    /// null to collect it in `HttpRequest::body`. Asked once the head passed its checks.
    virtual std::shared_ptr<QIODevice> bodySink(const HttpRequest &head) = 0;
    /// The answer to a refused request (`head` has no body). The connection closes after it.
    virtual HttpReply refuse(const HttpRequest &head, Refusal why, qint64 limit) = 0;
    /// The answer to a complete request.
    virtual HttpReply handle(const HttpRequest &request) = 0;
};

} // namespace CStar::DevServer
