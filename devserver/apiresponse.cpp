// SPDX-License-Identifier: MIT
#include "apiresponse.h"

#include "apierror.h"
#include "apirequest.h"
#include "ids.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QJsonObject ApiResponse::meta(const ApiRequest &request)
{
    return QJsonObject {{u"requestId"_s, request.requestId},
                        {u"timestamp"_s, Ids::isoTimestamp(request.nowMs)}};
}

ApiResponse ApiResponse::success(const ApiRequest &request, const QJsonValue &data, int status)
{
    return envelope(request, QJsonObject {{u"data"_s, data}}, status);
}

ApiResponse ApiResponse::list(const ApiRequest &request, const QJsonArray &data, int limit,
                              const QJsonValue &nextCursor, bool hasMore)
{
    return envelope(request,
                    QJsonObject {{u"data"_s, data},
                                 {u"pagination"_s,
                                  QJsonObject {{u"limit"_s, limit}, {u"nextCursor"_s, nextCursor}}},
                                 {u"hasMore"_s, hasMore}});
}

ApiResponse ApiResponse::envelope(const ApiRequest &request, QJsonObject members, int status)
{
    members.insert(u"success"_s, true);
    members.insert(u"meta"_s, meta(request));
    ApiResponse r;
    r.status = status;
    r.body = toJson(members);
    return r;
}

ApiResponse ApiResponse::error(const ApiRequest &request, const ApiError &error)
{
    QJsonObject e {{u"type"_s, error.type},
                   {u"code"_s, error.code},
                   {u"message"_s, error.message},
                   {u"request_id"_s, request.requestId}};
    if (!error.param.isEmpty())
        e.insert(u"param"_s, error.param);
    if (!error.hint.isEmpty())
        e.insert(u"hint"_s, error.hint);
    ApiResponse r;
    r.status = error.status;
    if (error.retryAfterS >= 0) {
        e.insert(u"retryAfter"_s, error.retryAfterS);
        r.headers.append({"Retry-After"_ba, QByteArray::number(error.retryAfterS)});
    }
    r.body =
        toJson(QJsonObject {{u"success"_s, false}, {u"error"_s, e}, {u"meta"_s, meta(request)}});
    return r;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse r;
    r.status = 204;
    return r;
}

} // namespace CStar::DevServer
