// SPDX-License-Identifier: MIT
#include "ticket.h"

#include "jsonfields_p.h"

#include <QCoreApplication>

#include <array>
#include <limits>

namespace CStar {

class TicketData : public QSharedData
{
public:
    QString id;
    QString title;
    QString status;
    QString priority;
    QString customerId;
    int messageCount = 0;
    Message lastMessage;
    int lastMessageAttachmentCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

namespace {
constexpr std::array<const char *, 6> statusNames {"",        "new",      "open",
                                                   "pending", "resolved", "closed"};
constexpr std::array<const char *, 5> priorityNames {"", "low", "normal", "high", "urgent"};
// What people read, by the same index; translated in the context CStar::Ticket
// (the comment tells translators which "Open" this is).
struct DisplayName
{
    const char *source;
    const char *comment;
};
constexpr std::array<DisplayName, 6> statusDisplayNames {{
    {"", ""},
    QT_TRANSLATE_NOOP3("CStar::Ticket", "New", "ticket status"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Open", "ticket status"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Pending", "ticket status"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Resolved", "ticket status"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Closed", "ticket status"),
}};
constexpr std::array<DisplayName, 5> priorityDisplayNames {{
    {"", ""},
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Low", "ticket priority"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Normal", "ticket priority"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "High", "ticket priority"),
    QT_TRANSLATE_NOOP3("CStar::Ticket", "Urgent", "ticket priority"),
}};

template<typename E, std::size_t N>
E lookup(const std::array<const char *, N> &names, const QString &s)
{
    for (std::size_t i = 1; i < N; ++i) {
        if (s == QLatin1String(names[i]))
            return E(i);
    }
    return E(0);
}

template<std::size_t N>
QString displayName(const std::array<const char *, N> &names,
                    const std::array<DisplayName, N> &displayNames, const QString &s)
{
    const auto i = std::size_t(lookup<int>(names, s.toLower()));
    return i == 0 ? s
                  : QCoreApplication::translate("CStar::Ticket", displayNames[i].source,
                                                displayNames[i].comment);
}
} // namespace

Ticket::Ticket() : d(new TicketData) { }
Ticket::Ticket(const Ticket &other) = default;
Ticket::Ticket(Ticket &&other) noexcept = default;
Ticket &Ticket::operator=(const Ticket &other) = default;
Ticket &Ticket::operator=(Ticket &&other) noexcept = default;
Ticket::~Ticket() = default;

QString Ticket::id() const
{
    return d->id;
}
QString Ticket::title() const
{
    return d->title;
}
Ticket::Status Ticket::status() const
{
    return lookup<Status>(statusNames, d->status);
}
QString Ticket::statusName() const
{
    return d->status;
}
Ticket::Priority Ticket::priority() const
{
    return lookup<Priority>(priorityNames, d->priority);
}
QString Ticket::priorityName() const
{
    return d->priority;
}
QString Ticket::customerId() const
{
    return d->customerId;
}
int Ticket::messageCount() const
{
    return d->messageCount;
}
Message Ticket::lastMessage() const
{
    return d->lastMessage;
}
int Ticket::lastMessageAttachmentCount() const
{
    return d->lastMessageAttachmentCount;
}
QDateTime Ticket::createdAt() const
{
    return d->createdAt;
}
QDateTime Ticket::updatedAt() const
{
    return d->updatedAt;
}
bool Ticket::isValid() const
{
    return !d->id.isEmpty();
}

void Ticket::setId(const QString &id)
{
    d->id = id;
}
void Ticket::setTitle(const QString &title)
{
    d->title = title;
}
void Ticket::setStatusName(const QString &status)
{
    d->status = status;
}
void Ticket::setPriorityName(const QString &priority)
{
    d->priority = priority;
}
void Ticket::setCustomerId(const QString &customerId)
{
    d->customerId = customerId;
}
void Ticket::setMessageCount(int count)
{
    d->messageCount = count;
}
void Ticket::setLastMessage(const Message &message)
{
    d->lastMessage = message;
    d->lastMessageAttachmentCount = int(message.attachments().size());
}
void Ticket::setCreatedAt(const QDateTime &createdAt)
{
    d->createdAt = createdAt;
}
void Ticket::setUpdatedAt(const QDateTime &updatedAt)
{
    d->updatedAt = updatedAt;
}

void Ticket::applyMessage(const Message &message)
{
    if (message.isInternal())
        return;
    if (d->lastMessage.isValid() && !d->lastMessage.id().isEmpty()
        && d->lastMessage.id() == message.id())
        return;
    if (d->messageCount < std::numeric_limits<int>::max()) // a hostile count must not overflow
        d->messageCount += 1;
    d->lastMessage = message;
    d->lastMessageAttachmentCount = int(message.attachments().size());
    if (message.createdAt() > d->updatedAt)
        d->updatedAt = message.createdAt();
}

QString Ticket::statusToString(Status status)
{
    return QLatin1String(statusNames[std::size_t(status)]);
}

QString Ticket::priorityToString(Priority priority)
{
    return QLatin1String(priorityNames[std::size_t(priority)]);
}

QString Ticket::statusDisplayName(const QString &status)
{
    return displayName(statusNames, statusDisplayNames, status);
}

QString Ticket::priorityDisplayName(const QString &priority)
{
    return displayName(priorityNames, priorityDisplayNames, priority);
}

Ticket Ticket::fromJson(const QJsonObject &json)
{
    using namespace Json;
    Ticket t;
    t.d->id = string(json, QLatin1String("id"));
    t.d->title = string(json, QLatin1String("title"));
    t.d->status = string(json, QLatin1String("status"));
    t.d->priority = string(json, QLatin1String("priority"));
    t.d->customerId = string(json, QLatin1String("customerId"), QLatin1String("customer_id"));
    t.d->messageCount =
        field(json, QLatin1String("messageCount"), QLatin1String("message_count")).toInt();
    const QJsonObject last =
        field(json, QLatin1String("lastMessage"), QLatin1String("last_message")).toObject();
    if (!last.isEmpty()) {
        t.d->lastMessage = Message::fromJson(last);
        if (t.d->lastMessage.ticketId().isEmpty())
            t.d->lastMessage.setTicketId(t.d->id);
        // §11: 0–10; a hostile number reads as its attachments or none.
        const int count =
            field(last, QLatin1String("attachmentCount"), QLatin1String("attachment_count"))
                .toInt();
        t.d->lastMessageAttachmentCount =
            qMax(int(t.d->lastMessage.attachments().size()), qBound(0, count, 10));
    }
    t.d->createdAt = dateTime(json, QLatin1String("createdAt"), QLatin1String("created_at"));
    t.d->updatedAt = dateTime(json, QLatin1String("updatedAt"), QLatin1String("updated_at"));
    return t;
}

QJsonObject Ticket::toJson() const
{
    QJsonObject o {{QLatin1String("id"), d->id},
                   {QLatin1String("title"), d->title},
                   {QLatin1String("status"), d->status},
                   {QLatin1String("priority"), d->priority},
                   {QLatin1String("customerId"), d->customerId},
                   {QLatin1String("messageCount"), d->messageCount},
                   {QLatin1String("createdAt"), Json::isoString(d->createdAt)},
                   {QLatin1String("updatedAt"), Json::isoString(d->updatedAt)}};
    // Protocol §5's shape, plus the clientMessageId of a last message known
    // only by it (an echo): without it, such a ticket drifted on a round
    // trip (found by fuzz_types).
    if (d->lastMessage.isValid()) {
        const Message &m = d->lastMessage;
        QJsonObject last {{QLatin1String("id"), m.id()},
                          {QLatin1String("content"), m.content()},
                          {QLatin1String("sender"), m.senderRole()},
                          {QLatin1String("createdAt"), Json::isoString(m.createdAt())}};
        if (!m.clientMessageId().isEmpty())
            last.insert(QLatin1String("clientMessageId"), m.clientMessageId());
        if (d->lastMessageAttachmentCount > 0)
            last.insert(QLatin1String("attachmentCount"), d->lastMessageAttachmentCount);
        o.insert(QLatin1String("lastMessage"), last);
    }
    return o;
}

bool operator==(const Ticket &a, const Ticket &b)
{
    return a.d == b.d
        || (a.d->id == b.d->id && a.d->title == b.d->title && a.d->status == b.d->status
            && a.d->priority == b.d->priority && a.d->customerId == b.d->customerId
            && a.d->messageCount == b.d->messageCount && a.d->lastMessage == b.d->lastMessage
            && a.d->lastMessageAttachmentCount == b.d->lastMessageAttachmentCount
            && a.d->createdAt == b.d->createdAt && a.d->updatedAt == b.d->updatedAt);
}

} // namespace CStar
