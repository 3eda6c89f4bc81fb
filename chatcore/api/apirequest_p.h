// SPDX-License-Identifier: MIT
#pragma once

#include "chatjob.h"
#include "httptransport_p.h"
#include "page.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Requests and envelope readers shared by the sub-APIs and the session
// (protocol §1: `{success, data, meta}`, lists add `hasMore`/`pagination`).
namespace CStar::Internal::Api {

inline QJsonObject dataObject(const QJsonObject &envelope)
{
    return envelope.value(QLatin1String("data")).toObject();
}

template<typename T>
typename Job<T>::Parser objectParser()
{
    return [](const QJsonObject &envelope, int, T &out) {
        out = T::fromJson(dataObject(envelope));
        return out.isValid();
    };
}

template<typename T>
typename Job<Page<T>>::Parser pageParser()
{
    return [](const QJsonObject &envelope, int, Page<T> &out) {
        const QJsonValue data = envelope.value(QLatin1String("data"));
        if (!data.isArray())
            return false;
        const QJsonArray items = data.toArray();
        out.data.reserve(items.size());
        for (const QJsonValue &v : items) {
            T item = T::fromJson(v.toObject());
            if (!item.isValid())
                return false;
            out.data.append(item);
        }
        out.hasMore = envelope.value(QLatin1String("hasMore")).toBool();
        out.nextCursor = envelope.value(QLatin1String("pagination"))
                             .toObject()
                             .value(QLatin1String("nextCursor"))
                             .toString();
        return true;
    };
}

inline RestRequest postRequest(const QString &path, const QJsonObject &body)
{
    RestRequest r;
    r.method = QByteArrayLiteral("POST");
    r.path = path;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

inline RestRequest getRequest(const QString &path, const QUrlQuery &query = {})
{
    RestRequest r;
    r.path = path;
    r.query = query;
    return r;
}

} // namespace CStar::Internal::Api
