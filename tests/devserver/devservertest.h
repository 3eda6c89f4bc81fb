// SPDX-License-Identifier: MIT
#pragma once

// Small helpers shared by the tst_devserver_* tests.

#include "devserverprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

#define START_SERVER(server, options)                                                              \
    QVERIFY2((server).start(options), qPrintable((server).errorString()))

namespace DevServerTest {

using CStar::Testing::DevServerProcess;
using CStar::Testing::HeaderPairs;
using CStar::Testing::HttpResult;
using CStar::Testing::SseReader;
using CStar::Testing::TestHttp;

inline DevServerProcess::Options withArgs(const QStringList &args)
{
    DevServerProcess::Options o;
    o.extraArgs = args;
    return o;
}

/// Creates a ticket and returns it (empty object on failure).
inline QJsonObject createTicket(TestHttp &http, const QString &token, const QString &title,
                                const QString &message = {})
{
    QJsonObject body {{u"title"_s, title}};
    if (!message.isEmpty())
        body.insert(u"message"_s, message);
    return http.chat("POST", u"/tickets"_s, body, token).data();
}

inline QString identifyAs(TestHttp &http, const DevServerProcess &server, const QString &externalId,
                          const QString &name = {}, const QString &anonymousToken = {})
{
    QJsonObject customer {{u"id"_s, externalId}};
    if (!name.isEmpty())
        customer.insert(u"name"_s, name);
    return http.identify(server.chatSecret(), customer, anonymousToken);
}

inline QUrl eventsUrl(const DevServerProcess &server)
{
    QUrl url = server.chatUrl();
    url.setPath(url.path() + "/events"_L1);
    return url;
}

inline QUrl agentEventsUrl(const DevServerProcess &server)
{
    QUrl url = server.agentUrl();
    url.setPath(url.path() + "/events"_L1);
    return url;
}

/// Ids of the stored events (blocks with `id:` and data) a reader saw.
inline QList<qint64> eventIds(const QList<CStar::Testing::SseEvent> &events)
{
    QList<qint64> ids;
    for (const auto &e : events) {
        if (e.hasId && e.hasData)
            ids.append(e.id.toLongLong());
    }
    return ids;
}

inline QDateTime isoTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

/// The latest event id, from a poll without `after` (protocol-notes).
inline qint64 latestEventId(TestHttp &http)
{
    return http.agent("GET", u"/events/poll"_s).json.object().value(u"nextCursor"_s).toInteger();
}

} // namespace DevServerTest
