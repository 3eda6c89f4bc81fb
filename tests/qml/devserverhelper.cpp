// SPDX-License-Identifier: MIT
#include "devserverhelper.h"

#include "chatclient.h"

#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QUuid>

namespace CStar::Testing {

DevServerHelper::DevServerHelper(const QStringList &serverArgs, QObject *parent)
    : QObject(parent), m_server(std::make_unique<DevServerProcess>())
{
    DevServerProcess::Options options;
    options.extraArgs = serverArgs;
    m_running = m_server->start(options);
    if (m_running)
        m_http = std::make_unique<TestHttp>(*m_server);
}

DevServerHelper::~DevServerHelper() = default;

bool DevServerHelper::isRunning() const
{
    return m_running;
}

QString DevServerHelper::errorString() const
{
    return m_server->errorString();
}

QUrl DevServerHelper::baseUrl() const
{
    return m_server->baseUrl();
}

QString DevServerHelper::team() const
{
    return m_server->team();
}

QString DevServerHelper::agentKey() const
{
    return m_server->agentKey();
}

QString DevServerHelper::chatSecret() const
{
    return m_server->chatSecret();
}

QString DevServerHelper::storageDirectory() const
{
    return m_storage.path();
}

QVariantMap DevServerHelper::agentPostMessage(const QString &ticketId, const QString &content,
                                              const QString &senderName)
{
    if (!m_http)
        return {};
    const HttpResult r = m_http->agent(
        "POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
        {{QStringLiteral("content"), content}, {QStringLiteral("senderName"), senderName}});
    return {{QStringLiteral("status"), r.status},
            {QStringLiteral("id"), r.data().value(QLatin1String("id")).toString()}};
}

QVariantMap DevServerHelper::agentSendFile(const QString &ticketId, const QString &filePath,
                                           const QString &name, const QString &contentType,
                                           const QString &content)
{
    if (!m_http)
        return {};
    const QUrl url(filePath);
    QFile file(url.isLocalFile() ? url.toLocalFile() : filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {{QStringLiteral("status"), 0}};
    const HttpResult upload = m_http->request(
        "POST", QStringLiteral("/api/v1/teams/%1/uploads").arg(team()), file.readAll(),
        {{"Authorization", "Bearer " + agentKey().toUtf8()},
         {"Content-Type", contentType.toUtf8()},
         {"X-Filename", name.toUtf8()},
         {"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    if (upload.status != 201)
        return {{QStringLiteral("status"), upload.status}};
    const HttpResult sent = m_http->agent(
        "POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
        {{QStringLiteral("content"), content},
         {QStringLiteral("senderName"), QStringLiteral("Maya")},
         {QStringLiteral("attachments"), QJsonArray {upload.data().value(QLatin1String("id"))}}});
    return {{QStringLiteral("status"), sent.status},
            {QStringLiteral("id"), sent.data().value(QLatin1String("id")).toString()},
            {QStringLiteral("attachment"),
             sent.data()
                 .value(QLatin1String("attachments"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .toVariantMap()}};
}

int DevServerHelper::agentTyping(const QString &ticketId, bool isTyping, const QString &senderName)
{
    if (!m_http)
        return 0;
    return m_http
        ->agent(
            "POST", QStringLiteral("/tickets/%1/typing").arg(ticketId),
            {{QStringLiteral("isTyping"), isTyping}, {QStringLiteral("senderName"), senderName}})
        .status;
}

int DevServerHelper::control(const QVariantMap &json)
{
    return m_http ? m_http->control(QJsonObject::fromVariantMap(json)).status : 0;
}

QString DevServerHelper::customerJson(const QString &externalId, const QString &name,
                                      const QString &email) const
{
    const QJsonObject customer {{QStringLiteral("id"), externalId},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("email"), email}};
    return QString::fromUtf8(QJsonDocument(customer).toJson(QJsonDocument::Compact));
}

QString DevServerHelper::newStorageDirectory()
{
    const QString path = m_storage.filePath(QStringLiteral("state-%1").arg(++m_directories));
    QDir().mkpath(path);
    return path;
}

QString DevServerHelper::sign(const QString &customerJsonText) const
{
    return DevServerProcess::hmacHex(m_server->chatSecret(), customerJsonText.toUtf8());
}

QString DevServerHelper::nodeSign(const QString &objectLiteral) const
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        return {};
    // The literal and the secret travel in the environment: no quoting.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CSTAR_CUSTOMER_LITERAL"), objectLiteral);
    env.insert(QStringLiteral("CSTAR_CHAT_SECRET"), m_server->chatSecret());
    process.setProcessEnvironment(env);
    process.start(
        node,
        {QStringLiteral("-e"),
         QStringLiteral("const crypto = require('crypto');"
                        "const customer = eval('(' + process.env.CSTAR_CUSTOMER_LITERAL + ')');"
                        "process.stdout.write(crypto.createHmac('sha256', "
                        "process.env.CSTAR_CHAT_SECRET)"
                        ".update(JSON.stringify(customer)).digest('hex'));")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("node failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
}

ChatClient *DevServerHelper::createCppClient()
{
    auto *client = new ChatClient(m_server->team(), this);
    client->setBaseUrl(m_server->baseUrl());
    QJSEngine::setObjectOwnership(client, QJSEngine::CppOwnership);
    return client;
}

} // namespace CStar::Testing
