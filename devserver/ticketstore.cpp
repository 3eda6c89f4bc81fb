// SPDX-License-Identifier: MIT
#include "ticketstore.h"

#include "attachmentstore.h"
#include "database.h"
#include "ids.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

const QString messageColumns = u"seq, id, ticket_id, content, sender, sender_name, "
                               "client_message_id, is_internal, created_at"_s;
const QString ticketColumns = u"id, customer_id, title, status, priority, message_count, "
                              "last_message_id, created_at, updated_at, seq"_s;

Message readMessage(const QSqlQuery &q)
{
    Message m;
    m.seq = q.value(0).toLongLong();
    m.id = q.value(1).toString();
    m.ticketId = q.value(2).toString();
    m.content = q.value(3).toString();
    m.sender = q.value(4).toString();
    m.senderName = q.value(5).toString();
    m.clientMessageId = q.value(6).isNull() ? QString() : q.value(6).toString();
    m.internal = q.value(7).toInt() != 0;
    m.createdAtMs = q.value(8).toLongLong();
    return m;
}

// "<updatedAt>.<seq>": the sort key of the last ticket of a page.
QString encodeCursor(qint64 updatedAt, qint64 seq)
{
    return QString::fromLatin1(
        QByteArray(QByteArray::number(updatedAt) + '.' + QByteArray::number(seq))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString &cursor, qint64 *updatedAt, qint64 *seq)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    if (parts.size() != 2)
        return false;
    bool okTime = false;
    bool okSeq = false;
    *updatedAt = parts.at(0).toLongLong(&okTime);
    *seq = parts.at(1).toLongLong(&okSeq);
    return okTime && okSeq;
}

} // namespace

const QStringList TicketStore::statuses {u"new"_s, u"open"_s, u"pending"_s, u"resolved"_s,
                                         u"closed"_s};
const QStringList TicketStore::priorities {u"low"_s, u"normal"_s, u"high"_s, u"urgent"_s};

QJsonObject Message::toJson(bool agentView) const
{
    QJsonObject o {{u"id"_s, id},
                   {u"ticketId"_s, ticketId},
                   {u"content"_s, content},
                   {u"sender"_s, sender},
                   {u"senderName"_s, senderName},
                   {u"createdAt"_s, Ids::isoTimestamp(createdAtMs)}};
    if (!clientMessageId.isEmpty())
        o.insert(u"clientMessageId"_s, clientMessageId);
    if (agentView || internal)
        o.insert(u"isInternal"_s, internal);
    o.insert(u"attachments"_s, attachments); // protocol §11: [] when none
    return o;
}

QJsonObject Ticket::toJson() const
{
    QJsonObject o {{u"id"_s, id},
                   {u"title"_s, title},
                   {u"status"_s, status},
                   {u"priority"_s, priority},
                   {u"customerId"_s, customerId},
                   {u"messageCount"_s, messageCount},
                   {u"createdAt"_s, Ids::isoTimestamp(createdAtMs)},
                   {u"updatedAt"_s, Ids::isoTimestamp(updatedAtMs)}};
    if (lastMessage) {
        o.insert(u"lastMessage"_s,
                 QJsonObject {{u"id"_s, lastMessage->id},
                              {u"content"_s, lastMessage->content},
                              {u"sender"_s, lastMessage->sender},
                              {u"attachmentCount"_s, int(lastMessage->attachments.size())},
                              {u"createdAt"_s, Ids::isoTimestamp(lastMessage->createdAtMs)}});
    } else {
        o.insert(u"lastMessage"_s, QJsonValue::Null);
    }
    return o;
}

TicketStore::TicketStore(Database &db) : m_db(db) { }

Ticket TicketStore::create(const QString &customerId, const QString &title, const QString &priority,
                           qint64 nowMs)
{
    Ticket t;
    t.id = Ids::random("tkt_"_L1);
    t.customerId = customerId;
    t.title = title;
    t.status = u"new"_s;
    t.priority = priority;
    t.createdAtMs = nowMs;
    t.updatedAtMs = nowMs;
    // seq: insertion order, the tie-break of the list order (one writer,
    // inside a transaction, so MAX + 1 is unique).
    t.seq = m_db.scalar(u"SELECT COALESCE(MAX(seq), 0) + 1 FROM tickets"_s).toLongLong();
    m_db.exec(u"INSERT INTO tickets (id, customer_id, title, status, priority, created_at, "
              "updated_at, seq) VALUES (:id, :c, :title, :status, :p, :now, :now, :seq)"_s,
              {{"id", t.id},
               {"c", customerId},
               {"title", title},
               {"status", t.status},
               {"p", priority},
               {"now", nowMs},
               {"seq", t.seq}});
    return t;
}

std::optional<Ticket> TicketStore::ticket(const QString &id)
{
    QSqlQuery q =
        m_db.exec(u"SELECT "_s + ticketColumns + u" FROM tickets WHERE id = :id"_s, {{"id", id}});
    if (!q.next())
        return std::nullopt;
    Ticket t;
    t.id = q.value(0).toString();
    t.customerId = q.value(1).toString();
    t.title = q.value(2).toString();
    t.status = q.value(3).toString();
    t.priority = q.value(4).toString();
    t.messageCount = q.value(5).toInt();
    const QString lastId = q.value(6).isNull() ? QString() : q.value(6).toString();
    t.createdAtMs = q.value(7).toLongLong();
    t.updatedAtMs = q.value(8).toLongLong();
    t.seq = q.value(9).toLongLong();
    if (!lastId.isEmpty())
        t.lastMessage = messageById(lastId);
    return t;
}

std::optional<TicketStore::TicketPage> TicketStore::list(const QString &customerId,
                                                         const QStringList &statusFilter, int limit,
                                                         const QString &cursor)
{
    QString sql = u"SELECT id FROM tickets WHERE 1 = 1"_s;
    QList<std::pair<QString, QVariant>> binds;
    if (!customerId.isEmpty()) {
        sql += " AND customer_id = :c"_L1;
        binds.append({u":c"_s, customerId});
    }
    if (!statusFilter.isEmpty()) {
        QStringList names;
        for (qsizetype i = 0; i < statusFilter.size(); ++i) {
            names.append(u":s%1"_s.arg(i));
            binds.append({names.constLast(), statusFilter.at(i)});
        }
        sql += " AND status IN ("_L1 + names.join(u", "_s) + u')';
    }
    if (!cursor.isEmpty()) {
        qint64 updatedAt = 0;
        qint64 seq = 0;
        if (!decodeCursor(cursor, &updatedAt, &seq))
            return std::nullopt;
        sql += " AND (updated_at < :cu OR (updated_at = :cu AND seq < :cs))"_L1;
        binds.append({u":cu"_s, updatedAt});
        binds.append({u":cs"_s, seq});
    }
    // protocol §5: newest updatedAt first; equal ones (only from data older
    // than the monotonic clock) newest-inserted first, never by random id.
    sql += " ORDER BY updated_at DESC, seq DESC LIMIT :limit"_L1;
    binds.append({u":limit"_s, limit + 1});

    QSqlQuery q = m_db.exec(sql, binds);
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());

    TicketPage page;
    page.hasMore = ids.size() > limit;
    if (page.hasMore)
        ids.resize(limit);
    for (const QString &id : std::as_const(ids)) {
        if (auto t = ticket(id))
            page.tickets.append(*t);
    }
    if (page.hasMore && !page.tickets.isEmpty())
        page.nextCursor =
            encodeCursor(page.tickets.constLast().updatedAtMs, page.tickets.constLast().seq);
    return page;
}

Message TicketStore::addMessage(const Ticket &ticket, const QString &content, const QString &sender,
                                const QString &senderName, const QString &clientMessageId,
                                bool internal, qint64 nowMs)
{
    Message m;
    m.id = Ids::random("msg_"_L1);
    m.ticketId = ticket.id;
    m.content = content;
    m.sender = sender;
    m.senderName = senderName;
    m.clientMessageId = clientMessageId;
    m.internal = internal;
    m.createdAtMs = nowMs;
    QSqlQuery q = m_db.exec(
        u"INSERT INTO messages (id, ticket_id, content, sender, sender_name, client_message_id, "
        "is_internal, created_at) VALUES (:id, :t, :content, :sender, :name, :cmid, :internal, "
        ":now)"_s,
        {{"id", m.id},
         {"t", ticket.id},
         {"content", content},
         {"sender", sender},
         {"name", senderName},
         {"cmid",
          clientMessageId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                    : QVariant(clientMessageId)},
         {"internal", internal ? 1 : 0},
         {"now", nowMs}});
    m.seq = q.lastInsertId().toLongLong();
    if (!internal) {
        m_db.exec(u"UPDATE tickets SET message_count = message_count + 1, last_message_id = :m, "
                  "updated_at = :now WHERE id = :id"_s,
                  {{"m", m.id}, {"now", nowMs}, {"id", ticket.id}});
    }
    return m;
}

std::optional<Message> TicketStore::messageById(const QString &id)
{
    QSqlQuery q =
        m_db.exec(u"SELECT "_s + messageColumns + u" FROM messages WHERE id = :id"_s, {{"id", id}});
    if (!q.next())
        return std::nullopt;
    return withAttachments(readMessage(q));
}

void TicketStore::loadAttachments(QList<Message> &messages)
{
    QStringList ids;
    for (const Message &m : std::as_const(messages))
        ids.append(m.id);
    const QHash<QString, QJsonArray> attachments = AttachmentStore::attachmentsOf(m_db, ids);
    if (attachments.isEmpty())
        return;
    for (Message &m : messages)
        m.attachments = attachments.value(m.id);
}

std::optional<Message> TicketStore::withAttachments(std::optional<Message> message)
{
    if (!message)
        return message;
    QList<Message> one {*message};
    loadAttachments(one);
    return one.constFirst();
}

std::optional<Message> TicketStore::messageByClientId(const QString &ticketId,
                                                      const QString &clientMessageId)
{
    QSqlQuery q =
        m_db.exec(u"SELECT "_s + messageColumns
                      + u" FROM messages WHERE ticket_id = :t AND client_message_id = :c"_s,
                  {{"t", ticketId}, {"c", clientMessageId}});
    if (!q.next())
        return std::nullopt;
    return withAttachments(readMessage(q));
}

std::optional<qint64> TicketStore::messageSeq(const QString &ticketId, const QString &messageId,
                                              bool includeInternal)
{
    const QVariant seq = m_db.scalar(
        u"SELECT seq FROM messages WHERE id = :id AND ticket_id = :t AND (:all OR is_internal = 0)"_s,
        {{"id", messageId}, {"t", ticketId}, {"all", includeInternal ? 1 : 0}});
    if (!seq.isValid())
        return std::nullopt;
    return seq.toLongLong();
}

TicketStore::MessagePage TicketStore::messages(const QString &ticketId, bool includeInternal,
                                               int limit, std::optional<qint64> beforeSeq,
                                               std::optional<qint64> afterSeq)
{
    const bool forward = afterSeq.has_value();
    const QString sql = u"SELECT "_s + messageColumns
        + u" FROM messages WHERE ticket_id = :t AND (:all OR is_internal = 0)"
          " AND seq > :after AND seq < :before ORDER BY seq "_s
        + (forward ? u"ASC"_s : u"DESC"_s) + u" LIMIT :limit"_s;
    QSqlQuery q = m_db.exec(sql,
                            {{"t", ticketId},
                             {"all", includeInternal ? 1 : 0},
                             {"after", afterSeq.value_or(0)},
                             {"before", beforeSeq.value_or(std::numeric_limits<qint64>::max())},
                             {"limit", limit + 1}});
    MessagePage page;
    while (q.next())
        page.messages.append(readMessage(q));
    page.hasMore = page.messages.size() > limit;
    if (page.hasMore)
        page.messages.resize(limit);
    if (!forward)
        std::reverse(page.messages.begin(), page.messages.end());
    loadAttachments(page.messages);
    return page;
}

void TicketStore::update(const QString &ticketId, const QString &status, const QString &priority,
                         qint64 nowMs)
{
    m_db.exec(u"UPDATE tickets SET status = :s, priority = :p, updated_at = :now WHERE id = :id"_s,
              {{"s", status}, {"p", priority}, {"now", nowMs}, {"id", ticketId}});
}

QStringList TicketStore::moveTickets(const QString &fromCustomer, const QString &toCustomer,
                                     qint64 nowMs)
{
    // Oldest change first, each with its own later instant: the moved tickets
    // keep their order among themselves and no two share an updatedAt.
    QStringList ids;
    QSqlQuery q =
        m_db.exec(u"SELECT id FROM tickets WHERE customer_id = :c ORDER BY updated_at, seq"_s,
                  {{"c", fromCustomer}});
    while (q.next())
        ids.append(q.value(0).toString());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        m_db.exec(u"UPDATE tickets SET customer_id = :to, updated_at = :at WHERE id = :id"_s,
                  {{"to", toCustomer}, {"at", i == 0 ? nowMs : Ids::nowMs()}, {"id", ids.at(i)}});
    }
    return ids;
}

} // namespace CStar::DevServer
