// SPDX-License-Identifier: MIT
#pragma once

#include "ticket.h"

#include <QHash>
#include <QList>

namespace CStar {

/// The rows of TicketsModel in list order (updatedAt desc, then id desc,
/// docs/protocol-notes.md "Ticket paging") with an O(1) row-of-id index.
/// A live update looks its ticket up (was a linear scan: 45 % of the
/// update's time) and moves it up. Each ticket keeps a slot for its life in
/// the list; the id hash maps to the slot and never changes on a move, only
/// the slot → row integers of the rows passed do (no string hashed again).
/// Plain storage: TicketsModel announces the changes.
class TicketRows
{
public:
    /// docs/protocol-notes.md "Ticket paging": updatedAt desc, then id desc.
    static bool sortsBefore(const Ticket &a, const Ticket &b);

    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    const Ticket &at(int row) const { return m_rows.at(row); }
    const Ticket &last() const { return m_rows.constLast(); }
    const QList<Ticket> &all() const { return m_rows; }
    int rowOf(const QString &ticketId) const
    {
        const auto it = m_slotOf.constFind(ticketId);
        return it == m_slotOf.cend() ? -1 : m_rowOfSlot.at(*it);
    }

    /// Where `ticket` belongs, ignoring `skipRow` (which may be out of place).
    int sortedPosition(const Ticket &ticket, int skipRow) const;

    void insert(int position, const Ticket &ticket);
    void append(const QList<Ticket> &tickets);
    /// A newer copy of the same ticket (same id).
    void replace(int row, const Ticket &ticket) { m_rows[row] = ticket; }
    void move(int from, int to);
    void removeAt(int row);
    void reset(const QList<Ticket> &sorted);
    void clear();

private:
    int takeSlot(const QString &ticketId);
    void renumber(int first, int last);

    QList<Ticket> m_rows;
    QList<int> m_slots; // per row, moved with it
    QList<int> m_rowOfSlot;
    QList<int> m_freeSlots;
    QHash<QString, int> m_slotOf;
};

} // namespace CStar
