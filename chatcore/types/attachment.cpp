// SPDX-License-Identifier: MIT
#include "attachment.h"

#include "jsonfields_p.h"

#include <QJsonArray>

namespace CStar {

namespace {
/// A non-negative integer field (a hostile 1e300 or -5 reads as 0).
qint64 count(const QJsonObject &o, QLatin1String camel, QLatin1String snake = {})
{
    qint64 n = 0;
    const QJsonValue v = Json::field(o, camel, snake);
    return v.isDouble() && Json::toInt64(v.toDouble(), &n) && n > 0 ? n : 0;
}
} // namespace

Attachment Attachment::fromJson(const QJsonObject &json)
{
    using namespace Json;
    Attachment a;
    a.id = string(json, QLatin1String("id"));
    a.name = string(json, QLatin1String("name"));
    a.contentType = string(json, QLatin1String("contentType"), QLatin1String("content_type"));
    a.size = count(json, QLatin1String("size"));
    a.sha256 = string(json, QLatin1String("sha256"));
    // §11: at most 10,000 × 10,000; anything else is not a dimension.
    a.width = int(qMin<qint64>(count(json, QLatin1String("width")), 100000));
    a.height = int(qMin<qint64>(count(json, QLatin1String("height")), 100000));
    a.expiresAt = dateTime(json, QLatin1String("expiresAt"), QLatin1String("expires_at"));
    return a;
}

QJsonObject Attachment::toJson() const
{
    QJsonObject o {{QLatin1String("id"), id},
                   {QLatin1String("name"), name},
                   {QLatin1String("contentType"), contentType},
                   {QLatin1String("size"), double(size)},
                   {QLatin1String("sha256"), sha256}};
    if (width > 0 && height > 0) {
        o.insert(QLatin1String("width"), width);
        o.insert(QLatin1String("height"), height);
    }
    if (expiresAt.isValid())
        o.insert(QLatin1String("expiresAt"), Json::isoString(expiresAt));
    return o;
}

QList<Attachment> Attachment::listFromJson(const QJsonValue &array)
{
    QList<Attachment> list;
    const QJsonArray items = array.toArray();
    list.reserve(items.size());
    for (const QJsonValue &v : items) {
        Attachment a = fromJson(v.toObject());
        if (a.isValid())
            list.append(std::move(a));
    }
    return list;
}

QVariantMap Attachment::toVariantMap(const QString &filePath) const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("contentType"), contentType},
            {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("isImage"), isImage()},
            {QStringLiteral("width"), width},
            {QStringLiteral("height"), height},
            {QStringLiteral("filePath"), filePath}};
}

} // namespace CStar
