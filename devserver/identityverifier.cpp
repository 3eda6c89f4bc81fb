// SPDX-License-Identifier: MIT
#include "identityverifier.h"

#include "apierror.h"
#include "ids.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <cmath>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

std::optional<QString> optionalString(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull())
        return QString();
    if (!v.isString())
        throw ApiError::parameterInvalid(u"customer."_s + key, u"%1 must be a string."_s.arg(key));
    return v.toString();
}

} // namespace

IdentityVerifier::IdentityVerifier(const QString &chatSecret, qint64 windowS)
    : m_secret(chatSecret.toUtf8()), m_windowS(windowS)
{ }

QByteArray IdentityVerifier::sign(const QByteArray &secret, const QByteArray &customerText)
{
    return QMessageAuthenticationCode::hash(customerText, secret, QCryptographicHash::Sha256)
        .toHex();
}

VerifiedCustomer IdentityVerifier::verify(const QString &customerText, const QString &signatureHex,
                                          qint64 nowMs) const
{
    // The signature covers the bytes as the customer's server produced them;
    // verify before parsing (re-serialising would change key order/numbers).
    const QByteArray bytes = customerText.toUtf8();
    const QByteArray expected = sign(m_secret, bytes);
    if (!Ids::constantTimeEquals(expected, signatureHex.trimmed().toLower().toLatin1()))
        throw ApiError::invalidSignature();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        throw ApiError::parameterInvalid(u"customer"_s,
                                         u"customer must hold a JSON object as text."_s);
    const QJsonObject o = doc.object();

    VerifiedCustomer c;
    const QJsonValue id = o.value(u"id"_s);
    if (id.isUndefined() || id.isNull() || (id.isString() && id.toString().trimmed().isEmpty()))
        throw ApiError::parameterMissing(u"customer.id"_s,
                                         u"The customer JSON needs an id (your user id)."_s);
    if (id.isString()) {
        c.externalId = id.toString();
    } else if (id.isDouble() && std::floor(id.toDouble()) == id.toDouble()
               && std::abs(id.toDouble()) < 9007199254740992.0) {
        c.externalId = QString::number(qint64(id.toDouble()));
    } else {
        throw ApiError::parameterInvalid(u"customer.id"_s, u"id must be a string or an integer."_s);
    }
    if (c.externalId.size() > 255)
        throw ApiError::parameterInvalid(u"customer.id"_s, u"id is longer than 255 characters."_s);
    c.email = optionalString(o, u"email"_s);
    c.name = optionalString(o, u"name"_s);

    const QJsonValue timestamp = o.value(u"timestamp"_s);
    if (!timestamp.isUndefined() && !timestamp.isNull()) {
        if (!timestamp.isDouble())
            throw ApiError::parameterInvalid(u"customer.timestamp"_s,
                                             u"timestamp must be unix seconds."_s);
        const double skew = std::abs(timestamp.toDouble() - double(nowMs) / 1000.0);
        if (skew > double(m_windowS))
            throw ApiError::signatureExpired(m_windowS);
    }
    return c;
}

} // namespace CStar::DevServer
