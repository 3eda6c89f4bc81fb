// SPDX-License-Identifier: MIT
#include "typingevent.h"

#include "jsonfields_p.h"

namespace CStar {

TypingEvent TypingEvent::fromJson(const QJsonObject &json)
{
    using namespace Json;
    TypingEvent e;
    e.ticketId = string(json, QLatin1String("ticketId"), QLatin1String("ticket_id"));
    e.sender = string(json, QLatin1String("sender"));
    e.senderName = string(json, QLatin1String("senderName"), QLatin1String("sender_name"));
    e.isTyping = field(json, QLatin1String("isTyping"), QLatin1String("is_typing")).toBool();
    const QJsonValue expires =
        field(json, QLatin1String("expiresInMs"), QLatin1String("expires_in_ms"));
    if (expires.isDouble())
        e.expiresInMs = qBound(0, expires.toInt(), 600000);
    return e;
}

QJsonObject TypingEvent::toJson() const
{
    return {{QLatin1String("ticketId"), ticketId},
            {QLatin1String("sender"), sender},
            {QLatin1String("senderName"), senderName},
            {QLatin1String("isTyping"), isTyping},
            {QLatin1String("expiresInMs"), expiresInMs}};
}

} // namespace CStar
