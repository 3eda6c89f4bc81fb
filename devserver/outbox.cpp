// SPDX-License-Identifier: MIT
#include "outbox.h"

#include "eventhub.h"
#include "ticketstore.h"

namespace CStar::DevServer {

Outbox::Outbox(EventLog &log) : m_log(log) { }

void Outbox::event(const QString &type, const Ticket &ticket, const QJsonObject &data,
                   bool internal, qint64 nowMs)
{
    Item item {Item::Kind::Stored,
               m_log.append(type, ticket.id, internal, data, nowMs),
               {},
               ticket.customerId,
               {},
               true,
               true};
    m_items.append(item);
}

void Outbox::typing(const QJsonObject &data, const QString &ownerCustomerId,
                    const QByteArray &exceptSession, bool toCustomer, bool toAgents)
{
    m_items.append(
        Item {Item::Kind::Typing, {}, data, ownerCustomerId, exceptSession, toCustomer, toAgents});
}

void Outbox::closeSession(const QByteArray &sessionHash)
{
    m_items.append(Item {Item::Kind::CloseSession, {}, {}, {}, sessionHash, false, false});
}

void Outbox::deliver(EventHub &hub)
{
    const QList<Item> items = std::exchange(m_items, {});
    for (const Item &item : items) {
        switch (item.kind) {
        case Item::Kind::Stored:
            hub.publish(item.event, item.ownerCustomerId);
            break;
        case Item::Kind::Typing:
            hub.publishTyping(item.typing, item.ownerCustomerId, item.session, item.toCustomer,
                              item.toAgents);
            break;
        case Item::Kind::CloseSession:
            hub.closeSession(item.session);
            break;
        }
    }
}

void Outbox::clear()
{
    m_items.clear();
}

} // namespace CStar::DevServer
