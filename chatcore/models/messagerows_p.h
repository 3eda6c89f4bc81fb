// SPDX-License-Identifier: MIT
#pragma once

#include "deliverystate.h"
#include "message.h"

#include <QHash>
#include <QSet>

#include <deque>

namespace CStar {

/// The rows of a conversation, oldest first, with O(1) lookups by id and by
/// clientMessageId. Plain storage: MessagesModel announces the changes.
///
/// An index stores row + base; prepending k rows lowers base by k, so no
/// stored position changes (O(1) per row paged in or appended).
class MessageRows
{
public:
    struct Row
    {
        Message message; // the server's copy, or the local echo (no id yet)
        DeliveryState state = DeliveryState::Sent;
        QString day; // cached daySection
    };

    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    const Row &at(int row) const { return m_rows[std::size_t(row)]; }
    /// Delivery state changes only: ids and contents go through replace().
    void setState(int row, DeliveryState state) { m_rows[std::size_t(row)].state = state; }

    int findId(const QString &id) const;
    int findClientId(const QString &clientMessageId) const;

    /// A row for a server message, its repeating strings shared with the rows'.
    Row serverRow(const Message &message);
    static Row echoRow(const Message &message, DeliveryState state);

    void append(const Row &row);
    void prepend(const QList<Row> &fresh);
    void insert(int position, const Row &row);
    void replace(int row, const Row &value);
    void removeAt(int row);
    void clear();

    /// First of a run by the same sender (per day).
    bool showSender(int row) const;
    QString oldestServerId() const;
    Message newestServerMessage() const;
    /// Rows still on their way sit at the bottom: where a server message goes.
    int firstPendingAtEnd() const;

private:
    void indexRow(int row);
    void unindexRow(int row);
    /// One shared copy of a string that repeats from row to row.
    QString intern(const QString &text);

    std::deque<Row> m_rows;
    qint64 m_base = 0;
    QHash<QString, qint64> m_byId;
    QHash<QString, qint64> m_byClientId;
    // Ticket id, sender role and sender name are the same in most rows of a
    // conversation: rows share one buffer each (docs/benchmarks.md, 3d).
    QSet<QString> m_interned;
};

} // namespace CStar
