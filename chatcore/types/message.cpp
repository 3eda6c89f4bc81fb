// SPDX-License-Identifier: MIT
#include "message.h"

#include "jsonfields_p.h"

#include <QJsonArray>

namespace CStar {

class MessageData : public QSharedData
{
public:
    QString id;
    QString ticketId;
    QString content;
    QString senderRole;
    QString senderName;
    QString clientMessageId;
    QDateTime createdAt;
    QList<Attachment> attachments;
    bool internal = false;
};

Message::Message() : d(new MessageData) { }
Message::Message(const Message &other) = default;
Message::Message(Message &&other) noexcept = default;
Message &Message::operator=(const Message &other) = default;
Message &Message::operator=(Message &&other) noexcept = default;
Message::~Message() = default;

QString Message::id() const
{
    return d->id;
}
QString Message::ticketId() const
{
    return d->ticketId;
}
QString Message::content() const
{
    return d->content;
}
Message::Sender Message::sender() const
{
    return senderFromString(d->senderRole);
}
QString Message::senderRole() const
{
    return d->senderRole;
}
QString Message::senderName() const
{
    return d->senderName;
}
QString Message::clientMessageId() const
{
    return d->clientMessageId;
}
QDateTime Message::createdAt() const
{
    return d->createdAt;
}
bool Message::isInternal() const
{
    return d->internal;
}
QList<Attachment> Message::attachments() const
{
    return d->attachments;
}
bool Message::isValid() const
{
    return !d->id.isEmpty() || !d->clientMessageId.isEmpty();
}

void Message::setId(const QString &id)
{
    d->id = id;
}
void Message::setTicketId(const QString &ticketId)
{
    d->ticketId = ticketId;
}
void Message::setContent(const QString &content)
{
    d->content = content;
}
void Message::setSenderRole(const QString &role)
{
    d->senderRole = role;
}
void Message::setSenderName(const QString &name)
{
    d->senderName = name;
}
void Message::setClientMessageId(const QString &id)
{
    d->clientMessageId = id;
}
void Message::setCreatedAt(const QDateTime &createdAt)
{
    d->createdAt = createdAt;
}
void Message::setInternal(bool internal)
{
    d->internal = internal;
}
void Message::setAttachments(const QList<Attachment> &attachments)
{
    d->attachments = attachments;
}

Message::Sender Message::senderFromString(const QString &role)
{
    if (role == QLatin1String("customer"))
        return Sender::Customer;
    if (role == QLatin1String("agent"))
        return Sender::Agent;
    if (role == QLatin1String("system"))
        return Sender::System;
    return Sender::Unknown;
}

Message Message::fromJson(const QJsonObject &json)
{
    using namespace Json;
    Message m;
    m.setId(string(json, QLatin1String("id")));
    m.setTicketId(string(json, QLatin1String("ticketId"), QLatin1String("ticket_id")));
    m.setContent(string(json, QLatin1String("content")));
    m.setSenderRole(string(json, QLatin1String("sender")));
    m.setSenderName(string(json, QLatin1String("senderName"), QLatin1String("sender_name")));
    m.setClientMessageId(
        string(json, QLatin1String("clientMessageId"), QLatin1String("client_message_id")));
    m.setCreatedAt(dateTime(json, QLatin1String("createdAt"), QLatin1String("created_at")));
    m.setInternal(boolean(json, QLatin1String("isInternal"), QLatin1String("is_internal")));
    m.setAttachments(Attachment::listFromJson(field(json, QLatin1String("attachments"))));
    return m;
}

QJsonObject Message::toJson() const
{
    QJsonObject o {{QLatin1String("id"), d->id},
                   {QLatin1String("ticketId"), d->ticketId},
                   {QLatin1String("content"), d->content},
                   {QLatin1String("sender"), d->senderRole},
                   {QLatin1String("senderName"), d->senderName},
                   {QLatin1String("createdAt"), Json::isoString(d->createdAt)}};
    if (!d->clientMessageId.isEmpty())
        o.insert(QLatin1String("clientMessageId"), d->clientMessageId);
    if (d->internal)
        o.insert(QLatin1String("isInternal"), true);
    if (!d->attachments.isEmpty()) {
        QJsonArray list;
        for (const Attachment &a : std::as_const(d->attachments))
            list.append(a.toJson());
        o.insert(QLatin1String("attachments"), list);
    }
    return o;
}

bool operator==(const Message &a, const Message &b)
{
    return a.d == b.d
        || (a.d->id == b.d->id && a.d->ticketId == b.d->ticketId && a.d->content == b.d->content
            && a.d->senderRole == b.d->senderRole && a.d->senderName == b.d->senderName
            && a.d->clientMessageId == b.d->clientMessageId && a.d->createdAt == b.d->createdAt
            && a.d->internal == b.d->internal && a.d->attachments == b.d->attachments);
}

} // namespace CStar
