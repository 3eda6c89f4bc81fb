// SPDX-License-Identifier: MIT
#include "apirequest.h"

#include "ids.h"

#include "httphandler.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

ApiRequest ApiRequest::fromHttp(const HttpRequest &request)
{
    ApiRequest r =
        fromParts(request.method, request.target, request.headers, request.body, request.peer);
    r.bodyFile = request.bodyFile;
    r.bodyFileSize = request.bodySize;
    return r;
}

ApiRequest ApiRequest::fromParts(const QByteArray &method, const QByteArray &requestTarget,
                                 const QList<QPair<QByteArray, QByteArray>> &headers,
                                 const QByteArray &body, const QHostAddress &peer)
{
    // The URL of the request line: path (tolerant of stray characters, as
    // browsers and QtHttpServer were) and query; a fragment is not part of it.
    QByteArray target = requestTarget;
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        target.truncate(hash);
    QUrl url;
    const qsizetype q = target.indexOf('?');
    url.setPath(QString::fromUtf8(q < 0 ? target : target.left(q)), QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(QString::fromUtf8(target.mid(q + 1)));
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
