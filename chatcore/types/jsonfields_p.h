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

/// A JSON number as a 64-bit integer when it fits: converting a double
/// outside the range (a hostile 1e300) to an integer is undefined behaviour.
inline bool toInt64(double d, qint64 *out)
{
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) // also false for NaN
        return false;
    *out = qint64(d);
    return true;
}

inline QString string(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    const QJsonValue v = field(o, camel, snake);
    if (v.isDouble()) { // tolerate numeric ids from other backends
        qint64 n = 0;
        return toInt64(v.toDouble(), &n) ? QString::number(n) : QString();
    }
    return v.toString();
}

/// An ISO 8601 timestamp in UTC (invalid when it is not one).
inline QDateTime isoDateTime(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (dt.isValid())
        dt = dt.toUTC();
    return dt;
}

inline QDateTime dateTime(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    const QJsonValue v = field(o, camel, snake);
    if (v.isDouble()) {
        qint64 ms = 0;
        return toInt64(v.toDouble(), &ms) ? QDateTime::fromMSecsSinceEpoch(ms).toUTC()
                                          : QDateTime();
    }
    return isoDateTime(v.toString());
}

inline bool boolean(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    return field(o, camel, snake).toBool();
}

inline QString isoString(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace CStar::Json
