// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

namespace CStar::DevServer {

/// Every endpoint of protocol §4–§8 and §10, plus the dev control.
enum class Route {
    CreateSession,
    Identify,
    DeleteSession,
    CreateTicket,
    ListTickets,
    GetTicket,
    ListMessages,
    PostMessage,
    PostTyping,
    Events,
    EventsPoll,
    AgentListTickets,
    AgentGetTicket,
    AgentPatchTicket,
    AgentListMessages,
    AgentPostMessage,
    AgentPostTyping,
    AgentEvents,
    AgentEventsPoll,
    DevControl,
};

/// Method + path-pattern table. A pattern is a '/'-separated path where `{}`
/// captures one segment. Unlike a list of independent route rules it knows
/// when a path exists under another method, so it can answer 405 instead of 404.
class Router
{
public:
    struct Match
    {
        enum class Result { Found, NotFound, MethodNotAllowed };
        Result result = Result::NotFound;
        Route route = Route::CreateSession;
        QStringList params; ///< percent-decoded captures
        QByteArrayList allowedMethods; ///< for 405's Allow header
    };

    void add(const QByteArray &method, const QString &pattern, Route route);
    /// `encodedPath` is the percent-encoded request path without the query.
    Match match(const QByteArray &method, const QString &encodedPath) const;

    /// The table of this server.
    static Router standard();

private:
    struct Entry
    {
        QByteArray method;
        QStringList segments;
        Route route;
    };
    QList<Entry> m_entries;
};

} // namespace CStar::DevServer
