// SPDX-License-Identifier: MIT
#include "agentapi.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QUuid>

namespace CStar::Demo {

AgentApi::AgentApi(const QUrl &baseUrl, const QString &team, const QString &agentKey,
                   QObject *parent)
    : QObject(parent), m_baseUrl(baseUrl), m_team(team), m_agentKey(agentKey)
{
    connect(&m_feedTimer, &QTimer::timeout, this, &AgentApi::poll);
}

void AgentApi::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                    Reply done, bool agentRoot)
{
    QUrl url = m_baseUrl;
    const QString root =
        agentRoot ? QStringLiteral("/api/v1/teams/") + m_team : QStringLiteral("/api/v1");
    const int query = path.indexOf(QLatin1Char('?'));
    url.setPath(root + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_agentKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    QByteArray payload;
    if (method != "GET") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Idempotency-Key",
                             QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0 || status >= 400)
            Q_EMIT requestFailed(status == 0 ? reply->errorString()
                                             : body.value(QLatin1String("error"))
                                                   .toObject()
                                                   .value(QLatin1String("message"))
                                                   .toString());
        if (done)
            done(status, body);
    });
}

void AgentApi::listTickets(Reply done)
{
    send("GET", QStringLiteral("/tickets?limit=100"), {}, std::move(done));
}

void AgentApi::listMessages(const QString &ticketId, Reply done)
{
    send("GET", QStringLiteral("/tickets/%1/messages?limit=100").arg(ticketId), {},
         std::move(done));
}

void AgentApi::reply(const QString &ticketId, const QString &content, const QString &senderName,
                     Reply done)
{
    send("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
         {{QStringLiteral("content"), content}, {QStringLiteral("senderName"), senderName}},
         std::move(done));
}

void AgentApi::setTyping(const QString &ticketId, bool typing, const QString &senderName)
{
    send("POST", QStringLiteral("/tickets/%1/typing").arg(ticketId),
         {{QStringLiteral("isTyping"), typing}, {QStringLiteral("senderName"), senderName}}, {});
}

void AgentApi::updateTicket(const QString &ticketId, const QJsonObject &changes, Reply done)
{
    send("PATCH", QStringLiteral("/tickets/%1").arg(ticketId), changes, std::move(done));
}

void AgentApi::control(const QJsonObject &body, Reply done)
{
    send("POST", QStringLiteral("/_dev/control"), body, std::move(done), false);
}

void AgentApi::startFeed(int intervalMs)
{
    m_feedTimer.start(intervalMs);
    poll();
}

void AgentApi::stopFeed()
{
    m_feedTimer.stop();
}

void AgentApi::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    QString path = QStringLiteral("/events/poll?limit=100");
    if (!m_cursor.isEmpty())
        path += QStringLiteral("&after=") + m_cursor;
    send("GET", path, {}, [this](int status, const QJsonObject &body) {
        m_polling = false;
        if (status != 200)
            return;
        const bool first = m_cursor.isEmpty();
        const QJsonValue next = body.value(QLatin1String("nextCursor"));
        if (!next.isNull() && !next.isUndefined())
            m_cursor = QString::number(next.toVariant().toLongLong());
        if (!first) {
            for (const QJsonValue &v : body.value(QLatin1String("data")).toArray()) {
                const QJsonObject item = v.toObject();
                Q_EMIT eventArrived(item.value(QLatin1String("type")).toString(),
                                    item.value(QLatin1String("data")).toObject());
            }
        }
        Q_EMIT typingChanged(body.value(QLatin1String("typing")).toArray());
        if (body.value(QLatin1String("hasMore")).toBool())
            QTimer::singleShot(0, this, &AgentApi::poll);
    });
}

} // namespace CStar::Demo
