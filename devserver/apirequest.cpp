// SPDX-License-Identifier: MIT
#include "apirequest.h"

#include "ids.h"

#include <QHttpServerRequest>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Head:
        return "HEAD"_ba;
    case QHttpServerRequest::Method::Options:
        return "OPTIONS"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    case QHttpServerRequest::Method::Connect:
        return "CONNECT"_ba;
    case QHttpServerRequest::Method::Trace:
        return "TRACE"_ba;
    default:
        return "UNKNOWN"_ba;
    }
}

} // namespace

ApiRequest ApiRequest::fromHttp(const QHttpServerRequest &request)
{
    return fromParts(methodName(request.method()), request.url(), request.headers(), request.body(),
                     request.remoteAddress());
}

ApiRequest ApiRequest::fromParts(const QByteArray &method, const QUrl &url,
                                 const QList<QPair<QByteArray, QByteArray>> &headers,
                                 const QByteArray &body, const QHostAddress &peer)
{
    ApiRequest r;
    r.method = method;
    // Keep the path encoded: the router splits on '/' before decoding, so an
    // id containing %2F stays one segment.
    r.path = url.path(QUrl::FullyEncoded);
    r.query = QUrlQuery(url);
    for (const auto &[name, value] : headers) {
        const QByteArray key = name.toLower();
        auto it = r.headers.find(key);
        if (it == r.headers.end())
            r.headers.insert(key, value);
        else
            it.value() += ", "_ba + value;
    }
    r.body = body;
    r.peer = peer;
    r.requestId = Ids::requestId();
    r.nowMs = Ids::nowMs();
    return r;
}

QString ApiRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QString ApiRequest::bearerToken() const
{
    const QByteArray value = header("authorization"_ba).trimmed();
    if (value.size() < 7 || qstrnicmp(value.constData(), "bearer ", 7) != 0)
        return {};
    return QString::fromUtf8(value.mid(7).trimmed());
}

} // namespace CStar::DevServer
