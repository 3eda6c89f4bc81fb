// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CStar::DevServer {

class Database;

struct Message
{
    qint64 seq = 0; ///< storage order
    QString id; ///< msg_…
    QString ticketId;
    QString content;
    QString sender; ///< customer | agent | system
    QString senderName;
    QString clientMessageId;
    bool internal = false;
    qint64 createdAtMs = 0;
    QJsonArray attachments; ///< protocol §11: Message.attachments, in attaching order

    /// protocol §6. `agentView` adds `isInternal`; customers never see notes at all.
    QJsonObject toJson(bool agentView = false) const;
};

struct Ticket
{
    QString id; ///< tkt_…
    QString customerId;
    QString title;
    QString status;
    QString priority;
    int messageCount = 0; ///< public messages only
    std::optional<Message> lastMessage; ///< last public message
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 seq = 0; ///< insertion order: the tie-break of the list order

    /// protocol §5. The same object for customers and agents: counts and
    /// lastMessage cover public messages only, so internal notes cannot leak.
    QJsonObject toJson() const;
};

/// Tickets and messages (protocol §5, §6).
class TicketStore
{
public:
    explicit TicketStore(Database &db);

    static const QStringList statuses; ///< new, open, pending, resolved, closed
    static const QStringList priorities; ///< low, normal, high, urgent

    Ticket create(const QString &customerId, const QString &title, const QString &priority,
                  qint64 nowMs);
    std::optional<Ticket> ticket(const QString &id);

    struct TicketPage
    {
        QList<Ticket> tickets;
        bool hasMore = false;
        QString nextCursor; ///< opaque; empty when !hasMore
    };
    /// Newest `updatedAt` first, then newest inserted (protocol-notes "Ticket paging").
    /// `customerId` empty = every customer (agent API). Returns nullopt for a bad cursor.
    std::optional<TicketPage> list(const QString &customerId, const QStringList &statuses,
                                   int limit, const QString &cursor);

    /// Appends a message. Public messages update the ticket's messageCount,
    /// lastMessage and updatedAt (protocol-notes "Ticket life cycle").
    Message addMessage(const Ticket &ticket, const QString &content, const QString &sender,
                       const QString &senderName, const QString &clientMessageId, bool internal,
                       qint64 nowMs);
    std::optional<Message> messageByClientId(const QString &ticketId,
                                             const QString &clientMessageId);
    /// Storage position of a message of this ticket (nullopt if unknown, or an
    /// internal note while `includeInternal` is false).
    std::optional<qint64> messageSeq(const QString &ticketId, const QString &messageId,
                                     bool includeInternal);

    struct MessagePage
    {
        QList<Message> messages; ///< chronological
        bool hasMore = false;
    };
    /// protocol-notes "Message paging": newest `limit` (optionally older than
    /// `beforeSeq`), or the oldest `limit` newer than `afterSeq`.
    MessagePage messages(const QString &ticketId, bool includeInternal, int limit,
                         std::optional<qint64> beforeSeq, std::optional<qint64> afterSeq);

    void update(const QString &ticketId, const QString &status, const QString &priority,
                qint64 nowMs);
    /// Moves every ticket of `fromCustomer` to `toCustomer`; returns the moved
    /// ids, oldest change first (each gets its own updatedAt, from `nowMs` on).
    QStringList moveTickets(const QString &fromCustomer, const QString &toCustomer, qint64 nowMs);

private:
    std::optional<Message> messageById(const QString &id);
    /// Fills Message::attachments (one query for the whole list).
    void loadAttachments(QList<Message> &messages);
    std::optional<Message> withAttachments(std::optional<Message> message);

    Database &m_db;
};

} // namespace CStar::DevServer
