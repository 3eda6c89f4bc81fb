// SPDX-License-Identifier: MIT
#pragma once

#include "chatjob.h"
#include "page.h"

#include <QStringList>

namespace CStar {

class ChatClient;

/// `GET /tickets/{id}/messages` parameters (protocol §6).
struct MessageListOptions
{
    int limit = 50; ///< 1–100
    QString before; ///< page back through history from this message id
    QString after; ///< messages newer than this id
};

/// Options of a send. Leave empty for a new message; the outbox passes the
/// ids it persisted so a resend after a restart can never duplicate.
struct SendOptions
{
    QString clientMessageId; ///< generated (UUID) when empty
    QByteArray idempotencyKey; ///< generated when empty
    /// Upload ids (`upl_…`, UploadsApi) to attach, at most 10 (§11); with
    /// one or more, the content may be empty.
    QStringList attachments = {};
};

/// The messages sub-API: `client.messages().send(…)`.
class CSTARCHAT_CORE_EXPORT MessagesApi
{
public:
    explicit MessagesApi(ChatClient *client) : m_client(client) { }

    Job<MessagePage> *list(const QString &ticketId, const MessageListOptions &options = {});
    Job<Message> *send(const QString &ticketId, const QString &content,
                       const SendOptions &options = {});

    /// A fresh clientMessageId (what send() uses when none is given).
    static QString newClientMessageId();

private:
    ChatClient *m_client;
};

} // namespace CStar
