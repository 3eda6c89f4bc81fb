// SPDX-License-Identifier: MIT
#include "router.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

void Router::add(const QByteArray &method, const QString &pattern, Route route)
{
    m_entries.append({method, pattern.split(u'/', Qt::SkipEmptyParts), route});
}

Router::Match Router::match(const QByteArray &method, const QString &encodedPath) const
{
    Match m;
    // Empty segments (double or trailing slashes) are significant: "/a//b" is not "/a/b".
    QStringList segments = encodedPath.split(u'/');
    if (!segments.isEmpty() && segments.constFirst().isEmpty())
        segments.removeFirst();
    for (const Entry &entry : m_entries) {
        if (entry.segments.size() != segments.size())
            continue;
        QStringList params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            if (entry.segments.at(i) == "{}"_L1) {
                const QString decoded = QUrl::fromPercentEncoding(segments.at(i).toLatin1());
                matches = !decoded.isEmpty();
                params.append(decoded);
            } else {
                matches = entry.segments.at(i) == segments.at(i);
            }
        }
        if (!matches)
            continue;
        if (entry.method == method) {
            m.result = Match::Result::Found;
            m.route = entry.route;
            m.params = params;
            return m;
        }
        m.result = Match::Result::MethodNotAllowed;
        if (!m.allowedMethods.contains(entry.method))
            m.allowedMethods.append(entry.method);
    }
    return m;
}

Router Router::standard()
{
    Router r;
    // Chat root {base}/api/v1/chat/{teamSlug} (docs/protocol-notes.md "Routes").
    const QString chat = u"/api/v1/chat/{}"_s;
    r.add("POST"_ba, chat + "/sessions"_L1, Route::CreateSession);
    r.add("POST"_ba, chat + "/identify"_L1, Route::Identify);
    r.add("DELETE"_ba, chat + "/session"_L1, Route::DeleteSession);
    r.add("POST"_ba, chat + "/tickets"_L1, Route::CreateTicket);
    r.add("GET"_ba, chat + "/tickets"_L1, Route::ListTickets);
    r.add("GET"_ba, chat + "/tickets/{}"_L1, Route::GetTicket);
    r.add("GET"_ba, chat + "/tickets/{}/messages"_L1, Route::ListMessages);
    r.add("POST"_ba, chat + "/tickets/{}/messages"_L1, Route::PostMessage);
    r.add("POST"_ba, chat + "/tickets/{}/typing"_L1, Route::PostTyping);
    r.add("GET"_ba, chat + "/events"_L1, Route::Events);
    r.add("GET"_ba, chat + "/events/poll"_L1, Route::EventsPoll);
    // Agent root {base}/api/v1/teams/{teamId} (protocol §10).
    const QString agent = u"/api/v1/teams/{}"_s;
    r.add("GET"_ba, agent + "/tickets"_L1, Route::AgentListTickets);
    r.add("GET"_ba, agent + "/tickets/{}"_L1, Route::AgentGetTicket);
    r.add("PATCH"_ba, agent + "/tickets/{}"_L1, Route::AgentPatchTicket);
    r.add("GET"_ba, agent + "/tickets/{}/messages"_L1, Route::AgentListMessages);
    r.add("POST"_ba, agent + "/tickets/{}/messages"_L1, Route::AgentPostMessage);
    r.add("POST"_ba, agent + "/tickets/{}/typing"_L1, Route::AgentPostTyping);
    r.add("GET"_ba, agent + "/events"_L1, Route::AgentEvents);
    r.add("GET"_ba, agent + "/events/poll"_L1, Route::AgentEventsPoll);
    r.add("POST"_ba, u"/api/v1/_dev/control"_s, Route::DevControl);
    return r;
}

} // namespace CStar::DevServer
