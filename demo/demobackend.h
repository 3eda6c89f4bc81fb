// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace CStar::Demo {

/// Plays "your backend": the only place that knows the team's chat secret.
/// It signs the customer JSON (protocol §4); the app hands the exact signed
/// text and the signature to ChatClient::identify() — never the secret.
class DemoBackend
{
public:
    explicit DemoBackend(const QString &chatSecret);

    struct SignedCustomer
    {
        QByteArray json; ///< the exact bytes that were signed
        QString signature; ///< hex HMAC-SHA256
    };
    /// Signs `customer` with a fresh `timestamp` (±10 minutes window on the server).
    SignedCustomer sign(QJsonObject customer) const;
    bool canSign() const { return !m_secret.isEmpty(); }

private:
    QByteArray m_secret;
};

} // namespace CStar::Demo
