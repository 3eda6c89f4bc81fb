// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QIODevice;

namespace CStar::DevServer {

struct HttpRequest;

/// Who is calling, once authenticated.
struct Caller
{
    enum class Kind { None, Session, SecretKey, PublishableKey };
    Kind kind = Kind::None;
    QByteArray tokenHash; ///< Session: SHA-256 of the bearer token
    QString sessionKind; ///< "anonymous" | "identified"
    QString customerId;
    qint64 expiresAtMs = 0;

    bool isAgent() const { return kind == Kind::SecretKey || kind == Kind::PublishableKey; }
    bool isSession() const { return kind == Kind::Session; }
    bool isAnonymous() const { return isSession() && sessionKind == QLatin1String("anonymous"); }
};

/// One HTTP request as the handlers see it: decoded path parameters, query,
/// lower-cased headers, body and (once parsed) its JSON object.
struct ApiRequest
{
    QByteArray method;
    QString path; ///< percent-encoded path as received, without query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names lower-cased; repeated headers joined by ", "
    QByteArray body;
    QHostAddress peer;
    QString requestId;
    qint64 nowMs = 0;

    QStringList params; ///< path parameters captured by the router, decoded
    QJsonObject json; ///< the body's object (empty when there is no body)
    /// A raw body streamed to disk by the HTTP layer (Route::RawBody); `body` is then empty.
    std::shared_ptr<QIODevice> bodyFile;
    qint64 bodyFileSize = 0;
    Caller caller;

    static ApiRequest fromHttp(const HttpRequest &request);
    /// The same from parts (Server::inject()): `target` as on the request
    /// line ("/path?query"), headers in arrival order.
    static ApiRequest fromParts(const QByteArray &method, const QByteArray &target,
                                const QList<QPair<QByteArray, QByteArray>> &headers,
                                const QByteArray &body, const QHostAddress &peer);

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
    QString queryValue(const QString &name) const;
    /// The token from `Authorization: Bearer <token>`; empty if absent or not Bearer.
    QString bearerToken() const;
    bool hasAuthorization() const { return headers.contains("authorization"); }
};

} // namespace CStar::DevServer
