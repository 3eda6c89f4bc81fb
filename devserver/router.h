// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace CStar::DevServer {

class EventStream;
struct ApiRequest;

/// Who may call a route (and which team id its first segment may name).
enum class Auth {
    None, ///< anyone (POST /sessions)
    OptionalSession, ///< a session token if one is sent (identify)
    Session, ///< a live session token (protocol §4)
    AgentRead, ///< the secret key; pk_ → 403 secret_key_required (protocol §10)
    AgentWrite, ///< the same, for writes
    Control, ///< the dev control: the secret key, from loopback only
};

/// One endpoint: everything the pipeline needs to know about it. Adding an
/// endpoint is one entry in ServerPrivate::routes() (routes.cpp).
struct Route
{
    enum Flag {
        NoFlags = 0,
        Stream = 1, ///< opens an event stream (*stream), outside the handler savepoint
        Control = 2, ///< not rate-counted, never failed by failNext, never idempotent
        FreshAnswer = 4, ///< the answer carries a token: never stored for Idempotency-Key replay
        RawBody = 8, ///< the body is a file (protocol §11): streamed to disk, its own limit
    };
    /// `stream` is null unless the request came from a socket and the route is a Stream.
    using Handler = std::function<ApiResponse(ApiRequest &request, EventStream **stream)>;

    QByteArray method;
    QString pattern; ///< '/'-separated; `{}` captures one segment
    Auth auth = Auth::Session;
    int flags = NoFlags;
    Handler handler;

    bool has(Flag flag) const { return flags & flag; }
};

/// Method + path-pattern table. Unlike a list of independent route rules it
/// knows when a path exists under another method, so it can answer 405
/// instead of 404.
class Router
{
public:
    struct Match
    {
        enum class Result { Found, NotFound, MethodNotAllowed };
        Result result = Result::NotFound;
        const Route *route = nullptr;
        QStringList params; ///< percent-decoded captures
        QByteArrayList allowedMethods; ///< for 405's Allow header
    };

    Router() = default;
    explicit Router(QList<Route> routes);
    /// `encodedPath` is the percent-encoded request path without the query.
    Match match(const QByteArray &method, const QString &encodedPath) const;

private:
    struct Entry
    {
        QStringList segments;
        Route route;
    };
    QList<Entry> m_entries;
};

} // namespace CStar::DevServer
