// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace CStar::Json {

// Protocol §1: clients accept snake_case aliases of camelCase fields
// (the JS docs show snake_case on realtime payloads).
inline QJsonValue field(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    auto it = o.constFind(camel);
    if (it != o.constEnd())
        return *it;
    if (snake.size() > 0) {
        it = o.constFind(snake);
        if (it != o.constEnd())
            return *it;
    }
    return {};
}

inline QString string(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    const QJsonValue v = field(o, camel, snake);
    if (v.isDouble()) // tolerate numeric ids from other backends
        return QString::number(qint64(v.toDouble()));
    return v.toString();
}

inline QDateTime dateTime(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    const QJsonValue v = field(o, camel, snake);
    if (v.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC);
    QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (dt.isValid())
        dt = dt.toUTC();
    return dt;
}

inline QString isoString(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace CStar::Json
