// SPDX-License-Identifier: MIT
#pragma once

#include "chatjob.h"
#include "page.h"

namespace CStar {

class ChatClient;

/// `POST /tickets` parameters (protocol §5).
struct NewTicket
{
    QString title; ///< 1–200 characters
    QString message; ///< optional first message
    QString priority; ///< optional: low, normal, high, urgent
};

/// `GET /tickets` parameters.
struct TicketListOptions
{
    QString status; ///< empty = all; one status or a comma-separated list
    int limit = 20; ///< 1–100
    QString cursor; ///< nextCursor of the previous page
};

/// The tickets sub-API: `client.tickets().create(…)`, as `chat.tickets.*` in JS.
/// A small value; keep using the client, not this object, across calls.
class CSTARCHAT_CORE_EXPORT TicketsApi
{
public:
    explicit TicketsApi(ChatClient *client) : m_client(client) { }

    Job<Ticket> *create(const NewTicket &ticket);
    Job<Ticket> *create(const QString &title, const QString &message = {},
                        const QString &priority = {});
    /// Identified sessions only: anonymous callers get Kind::AuthRequired with a hint.
    Job<TicketPage> *list(const TicketListOptions &options = {});
    Job<Ticket> *get(const QString &ticketId);

private:
    ChatClient *m_client;
};

} // namespace CStar
