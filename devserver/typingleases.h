// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace CStar::DevServer {

/// One active "is typing" state (protocol §7): a lease that ends
/// `leaseMs` after the last `true`, or at `false`. Never stored on disk.
struct TypingLease
{
    QString ticketId;
    QString sender; ///< customer | agent
    QString senderName;
    QByteArray origin; ///< who set it: a session's token hash, or "agent"
    qint64 expiresAtMs = 0;

    /// The `typing` event / poll item: {ticketId, sender, senderName, isTyping, expiresInMs}.
    QJsonObject toJson(bool isTyping, qint64 nowMs) const;
};

class TypingLeases
{
public:
    explicit TypingLeases(int leaseMs);

    int leaseMs() const { return m_leaseMs; }
    /// Starts or renews a lease; returns it.
    TypingLease start(const QString &ticketId, const QString &sender, const QString &senderName,
                      const QByteArray &origin, qint64 nowMs);
    /// Ends a lease (no-op if none); returns the ended lease's description.
    TypingLease stop(const QString &ticketId, const QString &sender, const QString &senderName,
                     const QByteArray &origin);
    /// Unexpired leases accepted by `filter`.
    QList<TypingLease> active(qint64 nowMs, const std::function<bool(const TypingLease &)> &filter);

private:
    static QString keyOf(const QString &ticketId, const QString &sender, const QString &senderName,
                         const QByteArray &origin);
    int m_leaseMs;
    QHash<QString, TypingLease> m_leases;
};

} // namespace CStar::DevServer
