// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace CStar {

/// A typing lease (protocol §7): live only, never stored. isTyping stays true
/// for expiresInMs unless renewed, even if the `false` never arrives.
class CSTARCHAT_CORE_EXPORT TypingEvent
{
    Q_GADGET
    Q_PROPERTY(QString ticketId MEMBER ticketId)
    Q_PROPERTY(QString sender MEMBER sender)
    Q_PROPERTY(QString senderName MEMBER senderName)
    Q_PROPERTY(bool isTyping MEMBER isTyping)
    Q_PROPERTY(int expiresInMs MEMBER expiresInMs)
public:
    QString ticketId;
    QString sender; ///< "customer" or "agent" (kept verbatim)
    QString senderName;
    bool isTyping = false;
    int expiresInMs = 6000;

    static TypingEvent fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    friend bool operator==(const TypingEvent &a, const TypingEvent &b)
    {
        return a.ticketId == b.ticketId && a.sender == b.sender && a.senderName == b.senderName
            && a.isTyping == b.isTyping && a.expiresInMs == b.expiresInMs;
    }
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::TypingEvent)
