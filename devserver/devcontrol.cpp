// SPDX-License-Identifier: MIT
#include "devcontrol.h"

#include "apierror.h"
#include "options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

int intField(const QJsonObject &o, const QString &key, const QString &param, int min, int max,
             int fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(int(d)) || d < min || d > max)
        throw ApiError::parameterInvalid(
            param, u"%1 must be an integer from %2 to %3."_s.arg(param).arg(min).arg(max));
    return int(d);
}

} // namespace

DevControl::DevControl(const Options &options)
    : m_streamDisabled(options.streamDisabled)
    , m_streamStatus(options.streamStatus)
    , m_firstByteDelayMs(options.firstByteDelayMs)
{ }

bool DevControl::isSupportedErrorStatus(int status)
{
    static const QList<int> supported {400, 401, 403, 404, 405, 408, 409, 410,
                                       413, 422, 429, 500, 501, 502, 503, 504};
    return supported.contains(status);
}

DevControl::FailRule DevControl::parseRule(const QJsonValue &value)
{
    if (!value.isObject())
        throw ApiError::parameterInvalid(u"failNext"_s, u"failNext must be an object."_s);
    const QJsonObject o = value.toObject();
    FailRule rule;
    const QJsonValue method = o.value(u"method"_s);
    if (!method.isUndefined() && !method.isNull()) {
        if (!method.isString())
            throw ApiError::parameterInvalid(u"failNext.method"_s, u"method must be a string."_s);
        rule.method = method.toString().toUpper().toLatin1();
    }
    const QJsonValue path = o.value(u"pathContains"_s);
    if (!path.isUndefined() && !path.isNull()) {
        if (!path.isString())
            throw ApiError::parameterInvalid(u"failNext.pathContains"_s,
                                             u"pathContains must be a string."_s);
        rule.pathContains = path.toString();
    }
    rule.status = intField(o, u"status"_s, u"failNext.status"_s, 400, 599, 503);
    if (!isSupportedErrorStatus(rule.status))
        throw ApiError::parameterInvalid(u"failNext.status"_s,
                                         u"status %1 is not supported."_s.arg(rule.status));
    rule.retryAfterS = intField(o, u"retryAfter"_s, u"failNext.retryAfter"_s, 0, 86400, 1);
    rule.count = intField(o, u"count"_s, u"failNext.count"_s, 1, 1000000, 1);
    const QJsonValue after = o.value(u"afterHandling"_s);
    if (!after.isUndefined() && !after.isNull()) {
        if (!after.isBool())
            throw ApiError::parameterInvalid(u"failNext.afterHandling"_s,
                                             u"afterHandling must be true or false."_s);
        rule.afterHandling = after.toBool();
    }
    return rule;
}

DevControl::Actions DevControl::apply(const QJsonObject &body)
{
    // Validate everything before changing anything.
    std::optional<bool> streamDisabled;
    if (body.contains(u"streamDisabled"_s)) {
        if (!body.value(u"streamDisabled"_s).isBool())
            throw ApiError::parameterInvalid(u"streamDisabled"_s,
                                             u"streamDisabled must be true or false."_s);
        streamDisabled = body.value(u"streamDisabled"_s).toBool();
    }
    const int streamStatus =
        intField(body, u"streamStatus"_s, u"streamStatus"_s, 0, 599, m_streamStatus);
    if (streamStatus != 0 && streamStatus != 200 && !isSupportedErrorStatus(streamStatus))
        throw ApiError::parameterInvalid(u"streamStatus"_s,
                                         u"streamStatus must be 0 (normal) or an error status."_s);
    const int delay = intField(body, u"firstByteDelayMs"_s, u"firstByteDelayMs"_s, 0, 3600000,
                               m_firstByteDelayMs);
    Actions actions;
    if (body.contains(u"dropStreams"_s)) {
        if (!body.value(u"dropStreams"_s).isBool())
            throw ApiError::parameterInvalid(u"dropStreams"_s, u"dropStreams must be a boolean."_s);
        actions.dropStreams = body.value(u"dropStreams"_s).toBool();
    }
    actions.refuseConnectionsMs =
        intField(body, u"refuseConnectionsMs"_s, u"refuseConnectionsMs"_s, 0, 600000, 0);
    std::optional<QList<FailRule>> rules;
    if (body.contains(u"failNext"_s)) {
        const QJsonValue v = body.value(u"failNext"_s);
        rules = QList<FailRule>();
        if (v.isArray()) {
            for (const QJsonValue &item : v.toArray())
                rules->append(parseRule(item));
        } else if (!v.isNull()) {
            rules->append(parseRule(v));
        }
    }

    if (streamDisabled)
        m_streamDisabled = *streamDisabled;
    m_streamStatus = streamStatus == 200 ? 0 : streamStatus;
    m_firstByteDelayMs = delay;
    if (rules)
        m_rules = *rules;
    return actions;
}

QJsonObject DevControl::state() const
{
    QJsonArray rules;
    for (const FailRule &r : m_rules) {
        rules.append(QJsonObject {{u"method"_s, QString::fromLatin1(r.method)},
                                  {u"pathContains"_s, r.pathContains},
                                  {u"status"_s, r.status},
                                  {u"retryAfter"_s, r.retryAfterS},
                                  {u"count"_s, r.count},
                                  {u"afterHandling"_s, r.afterHandling}});
    }
    return QJsonObject {{u"streamDisabled"_s, m_streamDisabled},
                        {u"streamStatus"_s, m_streamStatus},
                        {u"firstByteDelayMs"_s, m_firstByteDelayMs},
                        {u"failNext"_s, rules}};
}

std::optional<DevControl::FailRule> DevControl::takeFailure(const QByteArray &method,
                                                            const QString &path)
{
    for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
        if (!it->method.isEmpty() && it->method != method)
            continue;
        if (!it->pathContains.isEmpty() && !path.contains(it->pathContains))
            continue;
        const FailRule rule = *it;
        if (--it->count <= 0)
            m_rules.erase(it);
        return rule;
    }
    return std::nullopt;
}

} // namespace CStar::DevServer
