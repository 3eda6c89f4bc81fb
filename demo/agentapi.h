// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace CStar::Demo {

/// The support agent's side of the demo: a small client of the agent (admin)
/// API of protocol §10, authenticated with a secret key. It follows the
/// team's feed by polling `/events/poll` (the library's realtime transport is
/// for customers), which also reports customer typing.
class AgentApi : public QObject
{
    Q_OBJECT
public:
    AgentApi(const QUrl &baseUrl, const QString &team, const QString &agentKey,
             QObject *parent = nullptr);

    using Reply = std::function<void(int status, const QJsonObject &body)>;

    void listTickets(Reply done);
    void listMessages(const QString &ticketId, Reply done);
    void reply(const QString &ticketId, const QString &content, const QString &senderName,
               Reply done = {});
    /// A reply naming uploads (`upl_…`, protocol §11).
    void reply(const QString &ticketId, const QString &content, const QString &senderName,
               const QStringList &uploadIds, Reply done);
    /// `POST /uploads` of a local file (§11: raw bytes, at most 10 MiB, its
    /// type guessed as the SDK does); `done` gets the upload object.
    void upload(const QString &filePath, Reply done);
    /// `GET /attachments/{id}` (or its thumbnail) into `filePath`, atomically,
    /// never more than 10 MiB; `done(error)` with an empty error on success.
    void download(const QString &attachmentId, const QString &filePath, bool thumbnail,
                  std::function<void(const QString &error)> done);
    void setTyping(const QString &ticketId, bool typing, const QString &senderName);
    void updateTicket(const QString &ticketId, const QJsonObject &changes, Reply done = {});
    /// Dev control of the embedded server (drop streams, refuse connections…).
    void control(const QJsonObject &body, Reply done = {});

    /// Starts following the team's events every `intervalMs`.
    void startFeed(int intervalMs = 300);
    void stopFeed();

Q_SIGNALS:
    void eventArrived(const QString &type, const QJsonObject &data);
    /// Customer typing leases active now (from each poll).
    void typingChanged(const QJsonArray &typing);
    void requestFailed(const QString &message);

private:
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, Reply done,
              bool agentRoot = true);
    QNetworkRequest request(const QString &path, bool agentRoot = true) const;
    void finish(QNetworkReply *reply, const Reply &done);
    void poll();

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_team;
    QString m_agentKey;
    QTimer m_feedTimer;
    QString m_cursor;
    bool m_polling = false;
};

} // namespace CStar::Demo
