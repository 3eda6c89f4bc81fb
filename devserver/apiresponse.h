// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <memory>

class QIODevice;

namespace CStar::DevServer {

struct ApiError;
struct ApiRequest;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// A complete HTTP answer: status, JSON body (envelope of protocol §1/§2) and
/// extra headers. The dispatcher adds X-Request-Id and rate-limit headers.
struct ApiResponse
{
    int status = 200;
    QByteArray body; ///< empty for 204
    HeaderList headers;
    /// Non-null: the body is `fileLength` bytes read from here (a download), not `body`.
    std::shared_ptr<QIODevice> file;
    qint64 fileLength = 0;

    static QJsonObject meta(const ApiRequest &request);

    /// `{"success":true,"data":…,"meta":…}`
    static ApiResponse success(const ApiRequest &request, const QJsonValue &data, int status = 200);
    /// A list: adds `pagination {limit,nextCursor}` and `hasMore` (protocol §1).
    static ApiResponse list(const ApiRequest &request, const QJsonArray &data, int limit,
                            const QJsonValue &nextCursor, bool hasMore);
    /// A success envelope with extra top-level members (events/poll, protocol §8).
    static ApiResponse envelope(const ApiRequest &request, QJsonObject members, int status = 200);
    /// `{"success":false,"error":{…,"request_id"},"meta":…}` (+ Retry-After on 429).
    static ApiResponse error(const ApiRequest &request, const ApiError &error);
    static ApiResponse noContent();
};

} // namespace CStar::DevServer
