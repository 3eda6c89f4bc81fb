// SPDX-License-Identifier: MIT
#pragma once

#include "attachment.h"
#include "cstarchat_core_export.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

namespace CStar {

class MessageData;

/// A chat message (protocol §6). Implicitly shared: copies are cheap, so
/// models and callbacks can pass it by value.
class CSTARCHAT_CORE_EXPORT Message
{
    Q_GADGET
    Q_PROPERTY(QString id READ id)
    Q_PROPERTY(QString ticketId READ ticketId)
    Q_PROPERTY(QString content READ content)
    Q_PROPERTY(Sender sender READ sender)
    Q_PROPERTY(QString senderRole READ senderRole)
    Q_PROPERTY(QString senderName READ senderName)
    Q_PROPERTY(QString clientMessageId READ clientMessageId)
    Q_PROPERTY(QDateTime createdAt READ createdAt)
    Q_PROPERTY(bool isInternal READ isInternal)
    Q_PROPERTY(QList<CStar::Attachment> attachments READ attachments)
public:
    enum class Sender { Unknown, Customer, Agent, System };
    Q_ENUM(Sender)

    Message();
    Message(const Message &other);
    Message(Message &&other) noexcept;
    Message &operator=(const Message &other);
    Message &operator=(Message &&other) noexcept;
    ~Message();

    QString id() const;
    QString ticketId() const;
    QString content() const;
    /// Unknown sender strings from a server map to Unknown; senderRole() keeps the raw text.
    Sender sender() const;
    QString senderRole() const;
    QString senderName() const;
    QString clientMessageId() const;
    QDateTime createdAt() const;
    /// Agent-side only (internal notes); never true on customer feeds.
    bool isInternal() const;
    /// The files of the message (§11), in the order sent; empty when none.
    QList<Attachment> attachments() const;
    bool isValid() const;

    void setId(const QString &id);
    void setTicketId(const QString &ticketId);
    void setContent(const QString &content);
    void setSenderRole(const QString &role);
    void setSenderName(const QString &name);
    void setClientMessageId(const QString &id);
    void setCreatedAt(const QDateTime &createdAt);
    void setInternal(bool internal);
    void setAttachments(const QList<Attachment> &attachments);

    /// Accepts camelCase and the snake_case aliases (protocol §1).
    static Message fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    static Sender senderFromString(const QString &role);

    friend CSTARCHAT_CORE_EXPORT bool operator==(const Message &a, const Message &b);
    friend bool operator!=(const Message &a, const Message &b) { return !(a == b); }

private:
    QSharedDataPointer<MessageData> d;
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::Message)
