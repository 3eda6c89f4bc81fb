// SPDX-License-Identifier: MIT
#pragma once

#include "outbox.h"

#include <QList>
#include <QPointer>

namespace CStar {

class MessagesModelPrivate;

/// Local echo (styleguide: libQuotient's pending events, but durable): the
/// Outbox's entries of this ticket shown as rows with their delivery state,
/// replaced in place by the server's copy — from the HTTP answer, the event
/// stream or a page, whichever comes first — and acknowledged to the Outbox.
class EchoReconciler
{
public:
    explicit EchoReconciler(MessagesModelPrivate *d) : d(d) { }

    Outbox *outbox() const { return m_outbox; }
    void setOutbox(Outbox *outbox);

    /// The server's copy of one of our echoes: replaces it, tells the
    /// Outbox. False when `message` is no echo's.
    bool absorb(const Message &message);
    /// Entries of the ticket without a row yet get one.
    void addMissing();

    QString send(const QString &text);
    bool retry(int row);
    bool discard(int row);

private:
    void onAdded(const OutboxEntry &entry);
    void onChanged(const OutboxEntry &entry);
    void onDelivered(const OutboxEntry &entry, const Message &message);
    void onRemoved(const OutboxEntry &entry);
    void onReloaded();
    Message echoOf(const OutboxEntry &entry) const;

    MessagesModelPrivate *d;
    QPointer<Outbox> m_outbox;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace CStar
