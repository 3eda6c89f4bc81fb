// SPDX-License-Identifier: MIT
#pragma once

#include "devserverprocess.h"
#include "testhttp.h"

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantMap>

#include <memory>

namespace CStar {
class ChatClient;
}

namespace CStar::Testing {

/// The agent side of a QML test, as the context property `devServer`: the
/// server's address and keys, and synchronous agent calls (post a message,
/// typing, dev control) through the fixture's TestHttp.
class DevServerHelper : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning CONSTANT)
    Q_PROPERTY(QString errorString READ errorString CONSTANT)
    Q_PROPERTY(QUrl baseUrl READ baseUrl CONSTANT)
    Q_PROPERTY(QString team READ team CONSTANT)
    Q_PROPERTY(QString agentKey READ agentKey CONSTANT)
    Q_PROPERTY(QString chatSecret READ chatSecret CONSTANT)
    /// A private directory for ChatState.storageDirectory.
    Q_PROPERTY(QString storageDirectory READ storageDirectory CONSTANT)
public:
    explicit DevServerHelper(const QStringList &serverArgs, QObject *parent = nullptr);
    ~DevServerHelper() override;

    bool isRunning() const;
    QString errorString() const;
    QUrl baseUrl() const;
    QString team() const;
    QString agentKey() const;
    QString chatSecret() const;
    QString storageDirectory() const;

    /// POST /tickets/{id}/messages as an agent; returns {status, id}.
    Q_INVOKABLE QVariantMap agentPostMessage(const QString &ticketId, const QString &content,
                                             const QString &senderName = QStringLiteral("Maya"));
    /// An agent's message with one file (POST /uploads then the message,
    /// protocol §11): the file at `filePath` (a path or file URL) as `name`
    /// of `contentType`; returns {status, id, attachment} (the server's map).
    Q_INVOKABLE QVariantMap agentSendFile(const QString &ticketId, const QString &filePath,
                                          const QString &name, const QString &contentType,
                                          const QString &content = QStringLiteral("Here it is"));
    /// POST /tickets/{id}/typing as an agent; returns the HTTP status.
    Q_INVOKABLE int agentTyping(const QString &ticketId, bool isTyping,
                                const QString &senderName = QStringLiteral("Maya"));
    /// POST /_dev/control (devserver/README.md "Dev control"); returns the status.
    Q_INVOKABLE int control(const QVariantMap &json);
    /// Compact customer JSON, the exact text an app's backend would sign.
    Q_INVOKABLE QString customerJson(const QString &externalId, const QString &name,
                                     const QString &email) const;
    /// A fresh directory inside storageDirectory (one ChatState each).
    Q_INVOKABLE QString newStorageDirectory();
    /// hex(HMAC-SHA256(chat secret, text)): what the app's backend computes.
    Q_INVOKABLE QString sign(const QString &customerJsonText) const;
    /// What a Node.js backend computes for the JavaScript object literal
    /// `objectLiteral`: `crypto.createHmac('sha256', secret)
    /// .update(JSON.stringify(customer)).digest('hex')`, run by `node`.
    /// Empty when node is not installed (the test then skips).
    Q_INVOKABLE QString nodeSign(const QString &objectLiteral) const;
    /// A CStar::ChatClient made in C++ (`new ChatClient(team)`), as an app
    /// would, pointed at this server; owned by this helper.
    Q_INVOKABLE CStar::ChatClient *createCppClient();

private:
    std::unique_ptr<DevServerProcess> m_server;
    std::unique_ptr<TestHttp> m_http;
    QTemporaryDir m_storage;
    bool m_running = false;
    int m_directories = 0;
};

} // namespace CStar::Testing
