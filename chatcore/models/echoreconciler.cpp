// SPDX-License-Identifier: MIT
#include "echoreconciler_p.h"

#include "messagesmodel_p.h"
#include "modelfeed_p.h"
#include "outbox.h"

#include <QSet>

namespace CStar {

void EchoReconciler::setOutbox(Outbox *outbox)
{
    for (const auto &c : std::as_const(m_connections))
        QObject::disconnect(c);
    m_connections.clear();
    m_outbox = outbox;
    if (!outbox)
        return;
    QObject *context = d->feed;
    m_connections << QObject::connect(outbox, &Outbox::entryAdded, context,
                                      [this](const OutboxEntry &e) { onAdded(e); })
                  << QObject::connect(outbox, &Outbox::entryChanged, context,
                                      [this](const OutboxEntry &e) { onChanged(e); })
                  << QObject::connect(
                         outbox, &Outbox::entryDelivered, context,
                         [this](const OutboxEntry &e, const Message &m) { onDelivered(e, m); })
                  << QObject::connect(outbox, &Outbox::entryRemoved, context,
                                      [this](const OutboxEntry &e) { onRemoved(e); })
                  << QObject::connect(outbox, &Outbox::entriesReloaded, context,
                                      [this] { onReloaded(); });
}

bool EchoReconciler::absorb(const Message &message)
{
    const int row = d->rows.findClientId(message.clientMessageId());
    if (row < 0)
        return false;
    d->replaceWithServer(row, message);
    if (m_outbox)
        m_outbox->acknowledge(message);
    return true;
}

void EchoReconciler::addMissing()
{
    if (!m_outbox || d->ticketId.isEmpty())
        return;
    for (const OutboxEntry &e : m_outbox->entries(d->ticketId)) {
        if (d->rows.findClientId(e.clientMessageId) < 0)
            d->appendRow(MessageRows::echoRow(echoOf(e), e.state));
    }
}

Message EchoReconciler::echoOf(const OutboxEntry &entry) const
{
    // Named as the server names customer messages (docs/protocol-notes.md "Senders").
    const ChatClient *client = d->feed->client();
    const Customer c = client ? client->customer() : Customer();
    Message m;
    m.setTicketId(entry.ticketId);
    m.setContent(entry.content);
    m.setSenderRole(QStringLiteral("customer"));
    m.setSenderName(!c.name.isEmpty()        ? c.name
                        : !c.email.isEmpty() ? c.email
                                             : QStringLiteral("Guest"));
    m.setClientMessageId(entry.clientMessageId);
    m.setCreatedAt(entry.createdAt);
    return m;
}

QString EchoReconciler::send(const QString &text)
{
    ChatClient *client = d->feed->client();
    if (text.trimmed().isEmpty() || !client || d->ticketId.isEmpty() || !m_outbox)
        return {};
    client->sendTyping(d->ticketId, false); // protocol §7: false on send
    // The outbox stores it before the first attempt and announces it
    // (entryAdded), which puts the local echo in place right now.
    const OutboxEntry entry = m_outbox->enqueue(d->ticketId, text);
    if (!entry.isValid()) {
        d->feed->setError(ChatError(ChatError::Kind::Protocol, QStringLiteral("outbox_unavailable"),
                                    QStringLiteral("The message could not be stored for sending")));
        return {};
    }
    return entry.clientMessageId;
}

bool EchoReconciler::retry(int row)
{
    if (row < 0 || row >= d->rows.size() || !m_outbox)
        return false;
    const MessageRows::Row &r = d->rows.at(row);
    return r.state != DeliveryState::Sent && m_outbox->retry(r.message.clientMessageId());
}

bool EchoReconciler::discard(int row)
{
    if (row < 0 || row >= d->rows.size() || d->rows.at(row).state == DeliveryState::Sent)
        return false;
    if (m_outbox && m_outbox->discard(d->rows.at(row).message.clientMessageId()))
        return true; // entryRemoved took the row away
    d->removeRowAt(row);
    return true;
}

void EchoReconciler::onAdded(const OutboxEntry &entry)
{
    if (entry.ticketId != d->ticketId || d->ticketId.isEmpty()
        || d->rows.findClientId(entry.clientMessageId) >= 0)
        return;
    d->appendRow(MessageRows::echoRow(echoOf(entry), entry.state));
}

void EchoReconciler::onChanged(const OutboxEntry &entry)
{
    const int row = d->rows.findClientId(entry.clientMessageId);
    if (row >= 0 && d->rows.at(row).state != DeliveryState::Sent)
        d->setRowState(row, entry.state);
}

void EchoReconciler::onDelivered(const OutboxEntry &entry, const Message &message)
{
    if (entry.ticketId != d->ticketId)
        return;
    Message copy = message;
    if (copy.ticketId().isEmpty())
        copy.setTicketId(entry.ticketId);
    if (copy.clientMessageId().isEmpty())
        copy.setClientMessageId(entry.clientMessageId);
    d->history.onLive(copy);
}

void EchoReconciler::onRemoved(const OutboxEntry &entry)
{
    const int row = d->rows.findClientId(entry.clientMessageId);
    if (row >= 0 && d->rows.at(row).state != DeliveryState::Sent)
        d->removeRowAt(row);
}

void EchoReconciler::onReloaded()
{
    QSet<QString> pending;
    if (m_outbox) {
        for (const OutboxEntry &e : m_outbox->entries(d->ticketId))
            pending.insert(e.clientMessageId);
    }
    for (int row = d->rows.size() - 1; row >= 0; --row) {
        const MessageRows::Row &r = d->rows.at(row);
        if (r.state != DeliveryState::Sent && !pending.contains(r.message.clientMessageId()))
            d->removeRowAt(row);
    }
    addMissing();
}

} // namespace CStar
