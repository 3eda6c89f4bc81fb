// SPDX-License-Identifier: MIT
#pragma once

#include "message.h"
#include "ticket.h"

#include <QList>
#include <QMetaType>

namespace CStar {

/// One page of a list call: `{data, hasMore, nextCursor}` as in the JS client.
template<typename T>
struct Page
{
    QList<T> data;
    bool hasMore = false;
    QString nextCursor; ///< pass as `cursor` (tickets) or `before`/`after` (messages)
};

using TicketPage = Page<Ticket>;
using MessagePage = Page<Message>;

} // namespace CStar

Q_DECLARE_METATYPE(CStar::TicketPage)
Q_DECLARE_METATYPE(CStar::MessagePage)
