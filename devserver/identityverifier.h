// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace CStar::DevServer {

/// The customer a verified identify request names (protocol §4).
struct VerifiedCustomer
{
    QString externalId;
    std::optional<QString> email; ///< present in the JSON (a null clears it)
    std::optional<QString> name;
};

/// Verifies `POST /identify` (protocol §4): HMAC-SHA256 with the chat secret
/// over the exact UTF-8 bytes of the `customer` string, compared in constant
/// time, then parses those bytes. Throws ApiError for every failure.
class IdentityVerifier
{
public:
    IdentityVerifier(const QString &chatSecret, qint64 windowS);

    static QByteArray sign(const QByteArray &secret, const QByteArray &customerText);

    VerifiedCustomer verify(const QString &customerText, const QString &signatureHex,
                            qint64 nowMs) const;

private:
    QByteArray m_secret;
    qint64 m_windowS;
};

} // namespace CStar::DevServer
