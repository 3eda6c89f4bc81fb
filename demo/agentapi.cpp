// SPDX-License-Identifier: MIT
#include "agentapi.h"

#include "uploadsapi.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUrlQuery>
#include <QUuid>

namespace CStar::Demo {

namespace {
// An answer of the agent API is JSON of a page at most: more is not read.
constexpr qint64 MaxAnswerBytes = 4 * 1024 * 1024;
} // namespace

AgentApi::AgentApi(const QUrl &baseUrl, const QString &team, const QString &agentKey,
                   QObject *parent)
    : QObject(parent), m_baseUrl(baseUrl), m_team(team), m_agentKey(agentKey)
{
    connect(&m_feedTimer, &QTimer::timeout, this, &AgentApi::poll);
}

QNetworkRequest AgentApi::request(const QString &path, bool agentRoot) const
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
    return request;
}

void AgentApi::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                    Reply done, bool agentRoot)
{
    QNetworkRequest request = this->request(path, agentRoot);
    QByteArray payload;
    if (method != "GET") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Idempotency-Key",
                             QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    finish(m_network.sendCustomRequest(request, method, payload), done);
}

void AgentApi::finish(QNetworkReply *reply, const Reply &done)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->read(MaxAnswerBytes)).object();
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

void AgentApi::upload(const QString &filePath, Reply done)
{
    QFile file(filePath);
    if (file.size() > UploadsApi::maxFileSize || !file.open(QIODevice::ReadOnly)) {
        Q_EMIT requestFailed(
            tr("“%1” is larger than 10 MB or cannot be read.").arg(QFileInfo(filePath).fileName()));
        if (done)
            done(0, {});
        return;
    }
    const QByteArray bytes = file.read(UploadsApi::maxFileSize);
    const QString name = QFileInfo(filePath).fileName();
    QNetworkRequest request = this->request(QStringLiteral("/uploads"));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      UploadsApi::guessContentType(name, bytes.left(64)).toLatin1());
    request.setRawHeader("X-Filename", QUrl::toPercentEncoding(name));
    request.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    finish(m_network.post(request, bytes), done);
}

void AgentApi::download(const QString &attachmentId, const QString &filePath, bool thumbnail,
                        std::function<void(const QString &error)> done)
{
    QNetworkRequest request =
        this->request(QStringLiteral("/attachments/%1%2")
                          .arg(QString::fromLatin1(QUrl::toPercentEncoding(attachmentId)),
                               thumbnail ? QStringLiteral("?thumbnail=1") : QString()));
    auto file = std::make_shared<QSaveFile>(filePath);
    if (!file->open(QIODevice::WriteOnly)) {
        done(file->errorString());
        return;
    }
    QNetworkReply *reply = m_network.get(request);
    // Streamed to the file as it comes, at most the §11 limit.
    connect(reply, &QNetworkReply::readyRead, this, [reply, file] {
        const QByteArray chunk = reply->readAll();
        if (file->size() + chunk.size() > UploadsApi::maxFileSize || file->write(chunk) < 0)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, file, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            file->cancelWriting();
            done(reply->errorString());
            return;
        }
        file->write(reply->readAll());
        done(file->commit() ? QString() : file->errorString());
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

void AgentApi::reply(const QString &ticketId, const QString &content, const QString &senderName,
                     const QStringList &uploadIds, Reply done)
{
    send("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
         {{QStringLiteral("content"), content},
          {QStringLiteral("senderName"), senderName},
          {QStringLiteral("attachments"), QJsonArray::fromStringList(uploadIds)}},
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
