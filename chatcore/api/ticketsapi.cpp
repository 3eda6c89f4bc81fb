// SPDX-License-Identifier: MIT
#include "ticketsapi.h"

#include "apirequest_p.h"
#include "chatclient_p.h"
#include "routes_p.h"

namespace CStar {

using namespace Internal::Api;

Job<Ticket> *TicketsApi::create(const NewTicket &ticket)
{
    QJsonObject body {{QLatin1String("title"), ticket.title}};
    if (!ticket.message.isEmpty())
        body.insert(QLatin1String("message"), ticket.message);
    if (!ticket.priority.isEmpty())
        body.insert(QLatin1String("priority"), ticket.priority);
    auto *job = new Job<Ticket>(objectParser<Ticket>(), m_client);
    m_client->d->send(postRequest(Routes::tickets(), body), job);
    return job;
}

Job<Ticket> *TicketsApi::create(const QString &title, const QString &message,
                                const QString &priority)
{
    return create(NewTicket {title, message, priority});
}

Job<TicketPage> *TicketsApi::list(const TicketListOptions &options)
{
    QUrlQuery query;
    if (!options.status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), options.status);
    query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    if (!options.cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), options.cursor);
    auto *job = new Job<TicketPage>(pageParser<Ticket>(), m_client);
    m_client->d->send(getRequest(Routes::tickets(), query), job);
    return job;
}

Job<Ticket> *TicketsApi::get(const QString &ticketId)
{
    auto *job = new Job<Ticket>(objectParser<Ticket>(), m_client);
    m_client->d->send(getRequest(Routes::ticket(ticketId)), job);
    return job;
}

} // namespace CStar
