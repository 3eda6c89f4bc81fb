// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace CStar {

/// The identified customer of a session (protocol §4).
class CSTARCHAT_CORE_EXPORT Customer
{
    Q_GADGET
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString externalId MEMBER externalId)
    Q_PROPERTY(QString email MEMBER email)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(bool isValid READ isValid)
public:
    QString id; ///< "cus_…"
    QString externalId; ///< the id your backend signed
    QString email;
    QString name;

    bool isValid() const { return !id.isEmpty(); }
    /// Name, else email, else external id: what a UI shows.
    QString displayName() const;

    static Customer fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    friend bool operator==(const Customer &a, const Customer &b)
    {
        return a.id == b.id && a.externalId == b.externalId && a.email == b.email
            && a.name == b.name;
    }
    friend bool operator!=(const Customer &a, const Customer &b) { return !(a == b); }
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::Customer)
