// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "deliverystate.h"
#include "message.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace CStar {

/// A message waiting in the Outbox: persisted before its first attempt with
/// the clientMessageId and Idempotency-Key every attempt reuses.
class CSTARCHAT_CORE_EXPORT OutboxEntry
{
    Q_GADGET
    Q_PROPERTY(QString ticketId MEMBER ticketId)
    Q_PROPERTY(QString clientMessageId MEMBER clientMessageId)
    Q_PROPERTY(QString content MEMBER content)
    Q_PROPERTY(QDateTime createdAt MEMBER createdAt)
    Q_PROPERTY(CStar::Delivery::State state MEMBER state)
    Q_PROPERTY(CStar::ChatError error MEMBER error)
    Q_PROPERTY(int attempts MEMBER attempts)
    Q_PROPERTY(bool needsUser MEMBER needsUser)
public:
    QString ticketId;
    QString clientMessageId;
    QByteArray idempotencyKey;
    QString content;
    QDateTime createdAt; ///< when the customer sent it (local clock)
    DeliveryState state = DeliveryState::Sending;
    ChatError error; ///< the last failure
    int attempts = 0; ///< finished attempts (each may include the job's own retries)
    /// A non-transient failure: only retry() sends it again.
    bool needsUser = false;

    bool isValid() const { return !clientMessageId.isEmpty(); }
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::OutboxEntry)
