// SPDX-License-Identifier: MIT
#include "messagerows_p.h"

namespace CStar {

namespace {

QString dayOf(const QDateTime &createdAt)
{
    if (!createdAt.isValid())
        return QString();
    // toLocalTime() makes glibc re-check the time zone on every call (a stat
    // per message in the bench); messages come in runs of the same day, so
    // remember the last local day as a UTC interval and reuse its string.
    struct Day
    {
        qint64 startMs = 1;
        qint64 endMs = 0;
        QString text;
    };
    static thread_local Day last;
    const qint64 ms = createdAt.toMSecsSinceEpoch();
    if (ms >= last.startMs && ms < last.endMs)
        return last.text;
    const QDate date = createdAt.toLocalTime().date();
    last.startMs = date.startOfDay().toMSecsSinceEpoch();
    last.endMs = date.addDays(1).startOfDay().toMSecsSinceEpoch();
    last.text = date.toString(Qt::ISODate);
    return last.text;
}

} // namespace

int MessageRows::findId(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? -1 : int(*it - m_base);
}

int MessageRows::findClientId(const QString &clientMessageId) const
{
    if (clientMessageId.isEmpty())
        return -1;
    const auto it = m_byClientId.constFind(clientMessageId);
    return it == m_byClientId.cend() ? -1 : int(*it - m_base);
}

MessageRows::Row MessageRows::serverRow(const Message &message)
{
    Message shared = message;
    shared.setTicketId(intern(message.ticketId()));
    shared.setSenderRole(intern(message.senderRole()));
    shared.setSenderName(intern(message.senderName()));
    return Row {shared, DeliveryState::Sent, dayOf(message.createdAt())};
}

MessageRows::Row MessageRows::echoRow(const Message &message, DeliveryState state)
{
    return Row {message, state, dayOf(message.createdAt())};
}

QString MessageRows::intern(const QString &text)
{
    const auto it = m_interned.constFind(text);
    if (it != m_interned.constEnd())
        return *it;
    m_interned.insert(text);
    return text;
}

void MessageRows::indexRow(int row)
{
    const Message &m = at(row).message;
    const qint64 key = m_base + row;
    if (!m.id().isEmpty())
        m_byId.insert(m.id(), key);
    if (!m.clientMessageId().isEmpty())
        m_byClientId.insert(m.clientMessageId(), key);
}

void MessageRows::unindexRow(int row)
{
    const Message &m = at(row).message;
    const qint64 key = m_base + row;
    if (!m.id().isEmpty() && m_byId.value(m.id(), -1) == key)
        m_byId.remove(m.id());
    if (!m.clientMessageId().isEmpty() && m_byClientId.value(m.clientMessageId(), -1) == key)
        m_byClientId.remove(m.clientMessageId());
}

void MessageRows::append(const Row &row)
{
    m_rows.push_back(row);
    indexRow(size() - 1);
}

void MessageRows::prepend(const QList<Row> &fresh)
{
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it)
        m_rows.push_front(*it);
    m_base -= fresh.size();
    for (int i = 0; i < int(fresh.size()); ++i)
        indexRow(i);
}

void MessageRows::insert(int position, const Row &row)
{
    // Only the rows after it shift (echoes at the bottom: a few).
    for (int i = position; i < size(); ++i)
        unindexRow(i);
    m_rows.insert(m_rows.begin() + position, row);
    for (int i = position; i < size(); ++i)
        indexRow(i);
}

void MessageRows::replace(int row, const Row &value)
{
    unindexRow(row);
    m_rows[std::size_t(row)] = value;
    indexRow(row);
}

void MessageRows::removeAt(int row)
{
    unindexRow(row);
    if (row == 0) {
        m_rows.pop_front();
        ++m_base;
        return;
    }
    m_rows.erase(m_rows.begin() + row);
    for (int i = row; i < size(); ++i) // only the rows after it shift
        indexRow(i);
}

void MessageRows::clear()
{
    m_rows.clear();
    m_byId.clear();
    m_byClientId.clear();
    m_interned.clear();
    m_base = 0;
}

bool MessageRows::showSender(int row) const
{
    if (row <= 0)
        return true;
    const Row &previous = at(row - 1);
    const Row &current = at(row);
    return previous.message.senderRole() != current.message.senderRole()
        || previous.message.senderName() != current.message.senderName()
        || previous.day != current.day;
}

QString MessageRows::oldestServerId() const
{
    for (const Row &r : m_rows) {
        if (!r.message.id().isEmpty())
            return r.message.id();
    }
    return {};
}

Message MessageRows::newestServerMessage() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (!it->message.id().isEmpty())
            return it->message;
    }
    return {};
}

int MessageRows::firstPendingAtEnd() const
{
    int position = size();
    while (position > 0 && at(position - 1).state != DeliveryState::Sent)
        --position;
    return position;
}

} // namespace CStar
