// SPDX-License-Identifier: MIT
#pragma once

#include "message.h"

namespace CStar {

class TicketData;

/// A support ticket (protocol §5). Implicitly shared. Status and priority
/// strings a server sends that this version does not know are kept verbatim
/// (statusName()/priorityName()) and map to Unknown.
class CSTARCHAT_CORE_EXPORT Ticket
{
    Q_GADGET
    Q_PROPERTY(QString id READ id)
    Q_PROPERTY(QString title READ title)
    Q_PROPERTY(Status status READ status)
    Q_PROPERTY(QString statusName READ statusName)
    Q_PROPERTY(Priority priority READ priority)
    Q_PROPERTY(QString priorityName READ priorityName)
    Q_PROPERTY(QString customerId READ customerId)
    Q_PROPERTY(int messageCount READ messageCount)
    Q_PROPERTY(CStar::Message lastMessage READ lastMessage)
    Q_PROPERTY(int lastMessageAttachmentCount READ lastMessageAttachmentCount)
    Q_PROPERTY(QDateTime createdAt READ createdAt)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt)
public:
    enum class Status { Unknown, New, Open, Pending, Resolved, Closed };
    Q_ENUM(Status)
    enum class Priority { Unknown, Low, Normal, High, Urgent };
    Q_ENUM(Priority)

    Ticket();
    Ticket(const Ticket &other);
    Ticket(Ticket &&other) noexcept;
    Ticket &operator=(const Ticket &other);
    Ticket &operator=(Ticket &&other) noexcept;
    ~Ticket();

    QString id() const;
    QString title() const;
    Status status() const;
    QString statusName() const;
    Priority priority() const;
    QString priorityName() const;
    QString customerId() const;
    int messageCount() const;
    /// Invalid (isValid() false) when the ticket has no message yet.
    Message lastMessage() const;
    /// How many files the last message has (§11: a ticket's `lastMessage`
    /// carries only `attachmentCount`, its attachments() stay empty there).
    int lastMessageAttachmentCount() const;
    QDateTime createdAt() const;
    QDateTime updatedAt() const;
    bool isValid() const;

    void setId(const QString &id);
    void setTitle(const QString &title);
    void setStatusName(const QString &status);
    void setPriorityName(const QString &priority);
    void setCustomerId(const QString &customerId);
    void setMessageCount(int count);
    void setLastMessage(const Message &message);
    void setCreatedAt(const QDateTime &createdAt);
    void setUpdatedAt(const QDateTime &updatedAt);

    /// Applies a new message to the summary fields (count, last message,
    /// updatedAt), as the server does (docs/protocol-notes.md).
    void applyMessage(const Message &message);

    static Ticket fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    static QString statusToString(Status status);
    static QString priorityToString(Priority priority);
    /// `status` ("open", …) as shown to people, in the language installed by
    /// CStar::Translation ("Open", "Offen", …); one the SDK does not know is
    /// returned as is. Widgets, QML and the demo all use this one.
    static QString statusDisplayName(const QString &status);
    /// `priority` ("low", …) as shown to people; see statusDisplayName().
    static QString priorityDisplayName(const QString &priority);

    friend CSTARCHAT_CORE_EXPORT bool operator==(const Ticket &a, const Ticket &b);
    friend bool operator!=(const Ticket &a, const Ticket &b) { return !(a == b); }

private:
    QSharedDataPointer<TicketData> d;
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::Ticket)
