// SPDX-License-Identifier: MIT
#include "ticketrows_p.h"

namespace CStar {

bool TicketRows::sortsBefore(const Ticket &a, const Ticket &b)
{
    if (a.updatedAt() != b.updatedAt())
        return a.updatedAt() > b.updatedAt();
    return a.id() > b.id();
}

int TicketRows::sortedPosition(const Ticket &ticket, int skipRow) const
{
    // Binary search over the rows without `skipRow`.
    int lo = 0;
    int hi = size() - (skipRow >= 0 ? 1 : 0);
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        const int actual = (skipRow >= 0 && mid >= skipRow) ? mid + 1 : mid;
        if (sortsBefore(m_rows.at(actual), ticket))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int TicketRows::takeSlot(const QString &ticketId)
{
    int slot;
    if (!m_freeSlots.isEmpty()) {
        slot = m_freeSlots.takeLast();
    } else {
        slot = int(m_rowOfSlot.size());
        m_rowOfSlot.append(-1);
    }
    m_slotOf.insert(ticketId, slot);
    return slot;
}

void TicketRows::renumber(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_rowOfSlot[m_slots.at(row)] = row;
}

void TicketRows::insert(int position, const Ticket &ticket)
{
    m_rows.insert(position, ticket);
    m_slots.insert(position, takeSlot(ticket.id()));
    renumber(position, size() - 1);
}

void TicketRows::append(const QList<Ticket> &tickets)
{
    const int first = size();
    for (const Ticket &t : tickets) {
        m_rows.append(t);
        m_slots.append(takeSlot(t.id()));
    }
    renumber(first, size() - 1);
}

void TicketRows::move(int from, int to)
{
    m_rows.move(from, to);
    m_slots.move(from, to);
    renumber(qMin(from, to), qMax(from, to));
}

void TicketRows::removeAt(int row)
{
    m_slotOf.remove(m_rows.at(row).id());
    m_freeSlots.append(m_slots.at(row));
    m_rows.removeAt(row);
    m_slots.removeAt(row);
    renumber(row, size() - 1);
}

void TicketRows::reset(const QList<Ticket> &sorted)
{
    clear();
    m_slotOf.reserve(sorted.size());
    append(sorted);
}

void TicketRows::clear()
{
    m_rows.clear();
    m_slots.clear();
    m_rowOfSlot.clear();
    m_freeSlots.clear();
    m_slotOf.clear();
}

} // namespace CStar
