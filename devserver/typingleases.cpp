// SPDX-License-Identifier: MIT
#include "typingleases.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

QJsonObject TypingLease::toJson(bool isTyping, qint64 nowMs) const
{
    return QJsonObject {{u"ticketId"_s, ticketId},
                        {u"sender"_s, sender},
                        {u"senderName"_s, senderName},
                        {u"isTyping"_s, isTyping},
                        {u"expiresInMs"_s, isTyping ? qMax<qint64>(0, expiresAtMs - nowMs) : 0}};
}

TypingLeases::TypingLeases(int leaseMs) : m_leaseMs(leaseMs) { }

QString TypingLeases::keyOf(const QString &ticketId, const QString &sender,
                            const QString &senderName, const QByteArray &origin)
{
    return ticketId + u'\n' + sender + u'\n' + senderName + u'\n' + QString::fromLatin1(origin);
}

TypingLease TypingLeases::start(const QString &ticketId, const QString &sender,
                                const QString &senderName, const QByteArray &origin, qint64 nowMs)
{
    if (m_leases.size() > 10000) // nobody polled for a while: forget expired leases
        active(nowMs, [](const TypingLease &) { return false; });
    TypingLease lease {ticketId, sender, senderName, origin, nowMs + m_leaseMs};
    m_leases.insert(keyOf(ticketId, sender, senderName, origin), lease);
    return lease;
}

TypingLease TypingLeases::stop(const QString &ticketId, const QString &sender,
                               const QString &senderName, const QByteArray &origin)
{
    m_leases.remove(keyOf(ticketId, sender, senderName, origin));
    return TypingLease {ticketId, sender, senderName, origin, 0};
}

QList<TypingLease> TypingLeases::active(qint64 nowMs,
                                        const std::function<bool(const TypingLease &)> &filter)
{
    QList<TypingLease> result;
    for (auto it = m_leases.begin(); it != m_leases.end();) {
        if (it->expiresAtMs <= nowMs) {
            it = m_leases.erase(it);
            continue;
        }
        if (filter(*it))
            result.append(*it);
        ++it;
    }
    return result;
}

} // namespace CStar::DevServer
