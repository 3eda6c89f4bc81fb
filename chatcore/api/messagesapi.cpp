// SPDX-License-Identifier: MIT
#include "messagesapi.h"

#include "apirequest_p.h"
#include "chatclient_p.h"
#include "routes_p.h"

#include <QUuid>

namespace CStar {

using namespace Internal::Api;

Job<MessagePage> *MessagesApi::list(const QString &ticketId, const MessageListOptions &options)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    if (!options.before.isEmpty())
        query.addQueryItem(QStringLiteral("before"), options.before);
    if (!options.after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), options.after);
    auto *job = new Job<MessagePage>(pageParser<Message>(), m_client);
    m_client->d->send(getRequest(Routes::messages(ticketId), query), job);
    return job;
}

Job<Message> *MessagesApi::send(const QString &ticketId, const QString &content,
                                const SendOptions &options)
{
    const QString clientMessageId =
        options.clientMessageId.isEmpty() ? newClientMessageId() : options.clientMessageId;
    QJsonObject body {{QLatin1String("content"), content},
                      {QLatin1String("clientMessageId"), clientMessageId}};
    if (!options.attachments.isEmpty())
        body.insert(QLatin1String("attachments"), QJsonArray::fromStringList(options.attachments));
    Internal::RestRequest request = postRequest(Routes::messages(ticketId), body);
    request.idempotencyKey = options.idempotencyKey;
    // Subscribers get the stream's copy of this message too (once): a
    // model matches it to its local echo by clientMessageId.
    auto *job = new Job<Message>(objectParser<Message>(), m_client);
    m_client->d->send(std::move(request), job);
    return job;
}

QString MessagesApi::newClientMessageId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace CStar
