// SPDX-License-Identifier: MIT
#include "validation.h"

#include "apierror.h"
#include "apirequest.h"
#include "ticketstore.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer::Validation {

qsizetype codePoints(const QString &text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

namespace {

QString checkedText(const QJsonValue &value, const QString &field, qsizetype maxChars)
{
    if (!value.isString())
        throw ApiError::parameterInvalid(field, u"%1 must be a string."_s.arg(field));
    const QString text = value.toString().trimmed();
    // JSON escapes can smuggle lone surrogates (\ud800), which are not UTF-8.
    if (!text.isValidUtf16())
        throw ApiError::invalidUtf8(u"%1 is not valid Unicode text."_s.arg(field), field);
    const qsizetype length = codePoints(text);
    if (length == 0)
        throw ApiError::parameterInvalid(field, u"%1 must not be empty."_s.arg(field));
    if (length > maxChars)
        throw ApiError::parameterInvalid(
            field, u"%1 is longer than %2 characters."_s.arg(field).arg(maxChars));
    return text;
}

} // namespace

QString requiredText(const QJsonObject &body, const QString &field, qsizetype maxChars)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        throw ApiError::parameterMissing(field);
    return checkedText(value, field, maxChars);
}

std::optional<QString> optionalText(const QJsonObject &body, const QString &field,
                                    qsizetype maxChars)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return checkedText(value, field, maxChars);
}

std::optional<QString> optionalEnum(const QJsonObject &body, const QString &field,
                                    const QStringList &allowed)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString() || !allowed.contains(value.toString()))
        throw ApiError::parameterInvalid(
            field, u"%1 must be one of: %2."_s.arg(field, allowed.join(u", "_s)));
    return value.toString();
}

bool requiredBool(const QJsonObject &body, const QString &field)
{
    const auto value = optionalBool(body, field);
    if (!value)
        throw ApiError::parameterMissing(field);
    return *value;
}

std::optional<bool> optionalBool(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool())
        throw ApiError::parameterInvalid(field, u"%1 must be true or false."_s.arg(field));
    return value.toBool();
}

int queryInt(const ApiRequest &request, const QString &name, int fallback, int min, int max)
{
    if (!request.hasQuery(name))
        return fallback;
    bool ok = false;
    const int value = request.queryValue(name).toInt(&ok);
    if (!ok || value < min || value > max)
        throw ApiError::parameterInvalid(
            name, u"%1 must be an integer from %2 to %3."_s.arg(name).arg(min).arg(max));
    return value;
}

std::optional<qint64> queryId(const ApiRequest &request, const QString &name)
{
    if (!request.hasQuery(name))
        return std::nullopt;
    bool ok = false;
    const qint64 value = request.queryValue(name).toLongLong(&ok);
    if (!ok || value < 0)
        throw ApiError::parameterInvalid(name,
                                         u"%1 must be an event id (integer ≥ 0)."_s.arg(name));
    return value;
}

QStringList statusFilter(const ApiRequest &request)
{
    const QString raw = request.queryValue(u"status"_s).trimmed();
    if (raw.isEmpty())
        return {};
    QStringList result;
    for (const QString &part : raw.split(u',')) {
        const QString status = part.trimmed();
        if (!TicketStore::statuses.contains(status))
            throw ApiError::parameterInvalid(
                u"status"_s,
                u"status must be one or more of: %1."_s.arg(TicketStore::statuses.join(u", "_s)));
        if (!result.contains(status))
            result.append(status);
    }
    return result;
}

} // namespace CStar::DevServer::Validation
