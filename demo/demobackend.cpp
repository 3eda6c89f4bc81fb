// SPDX-License-Identifier: MIT
#include "demobackend.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace CStar::Demo {

DemoBackend::DemoBackend(const QString &chatSecret) : m_secret(chatSecret.toUtf8()) { }

DemoBackend::SignedCustomer DemoBackend::sign(QJsonObject customer) const
{
    customer.insert(QStringLiteral("timestamp"), QDateTime::currentSecsSinceEpoch());
    SignedCustomer out;
    out.json = QJsonDocument(customer).toJson(QJsonDocument::Compact);
    out.signature = QString::fromLatin1(
        QMessageAuthenticationCode::hash(out.json, m_secret, QCryptographicHash::Sha256).toHex());
    return out;
}

} // namespace CStar::Demo
