// SPDX-License-Identifier: MIT
#include "router.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

Router::Router(QList<Route> routes)
{
    m_entries.reserve(routes.size());
    for (Route &route : routes) {
        QStringList segments = route.pattern.split(u'/', Qt::SkipEmptyParts);
        m_entries.append({std::move(segments), std::move(route)});
    }
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
        if (entry.route.method == method) {
            m.result = Match::Result::Found;
            m.route = &entry.route;
            m.params = params;
            return m;
        }
        m.result = Match::Result::MethodNotAllowed;
        if (!m.allowedMethods.contains(entry.route.method))
            m.allowedMethods.append(entry.route.method);
    }
    return m;
}

} // namespace CStar::DevServer
