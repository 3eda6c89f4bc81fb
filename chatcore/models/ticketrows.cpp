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

void TicketRows::reindex(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_index.insert(m_rows.at(row).id(), row);
}

void TicketRows::insert(int position, const Ticket &ticket)
{
    m_rows.insert(position, ticket);
    reindex(position, size() - 1);
}

void TicketRows::append(const QList<Ticket> &tickets)
{
    const int first = size();
    m_rows.append(tickets);
    reindex(first, size() - 1);
}

void TicketRows::move(int from, int to)
{
    m_rows.move(from, to);
    reindex(qMin(from, to), qMax(from, to));
}

void TicketRows::removeAt(int row)
{
    m_index.remove(m_rows.at(row).id());
    m_rows.removeAt(row);
    reindex(row, size() - 1);
}

void TicketRows::reset(const QList<Ticket> &sorted)
{
    m_rows = sorted;
    m_index.clear();
    m_index.reserve(sorted.size());
    reindex(0, size() - 1);
}

void TicketRows::clear()
{
    m_rows.clear();
    m_index.clear();
}

} // namespace CStar
