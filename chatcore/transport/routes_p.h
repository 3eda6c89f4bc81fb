// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

namespace CStar::Routes {

// Every path of the customer chat API in one place (protocol §1: the hosted
// service does not document them publicly, so they must be easy to re-point).
// All are relative to the chat root {base}/api/v1/chat/{teamSlug}.
// Every variable path segment is percent-encoded here, and only here, so
// neither a slug nor a hostile id can change the path (§1).
inline QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}
inline QString chatRoot(const QString &teamSlug)
{
    return QStringLiteral("/api/v1/chat/") + segment(teamSlug);
}
inline QString sessions()
{
    return QStringLiteral("/sessions");
}
inline QString session()
{
    return QStringLiteral("/session");
}
inline QString identify()
{
    return QStringLiteral("/identify");
}
inline QString tickets()
{
    return QStringLiteral("/tickets");
}
inline QString ticket(const QString &id)
{
    return tickets() + QLatin1Char('/') + segment(id);
}
inline QString messages(const QString &ticketId)
{
    return ticket(ticketId) + QStringLiteral("/messages");
}
inline QString typing(const QString &ticketId)
{
    return ticket(ticketId) + QStringLiteral("/typing");
}
inline QString uploads()
{
    return QStringLiteral("/uploads");
}
inline QString attachment(const QString &id)
{
    return QStringLiteral("/attachments/") + segment(id);
}
inline QString events()
{
    return QStringLiteral("/events");
}
inline QString eventsPoll()
{
    return QStringLiteral("/events/poll");
}

} // namespace CStar::Routes
