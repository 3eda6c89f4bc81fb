// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "deliverystate.h"
#include "message.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace CStar {

/// A file of an OutboxEntry (protocol §11): the Outbox's own copy, the
/// Idempotency-Key every upload attempt reuses and, once uploaded, the
/// upload's id — all persisted, so a restart neither loses nor repeats it.
class CSTARCHAT_CORE_EXPORT OutboxAttachment
{
    Q_GADGET
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString contentType MEMBER contentType)
    Q_PROPERTY(qint64 size MEMBER size)
    Q_PROPERTY(QString filePath MEMBER filePath)
    Q_PROPERTY(QString uploadId MEMBER uploadId)
public:
    QString name;
    QString contentType;
    qint64 size = 0;
    QString filePath; ///< the copy in the outbox's folder (never the user's file)
    QByteArray idempotencyKey;
    QString uploadId; ///< "upl_…" once uploaded, else empty
};

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
    /// Its files, in order: uploaded first, then named in the message.
    QList<OutboxAttachment> attachments;

    bool isValid() const { return !clientMessageId.isEmpty(); }
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::OutboxAttachment)
Q_DECLARE_METATYPE(CStar::OutboxEntry)
