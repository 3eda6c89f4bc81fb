// SPDX-License-Identifier: MIT
#include "customer.h"

#include "jsonfields_p.h"

namespace CStar {

QString Customer::displayName() const
{
    if (!name.isEmpty())
        return name;
    return email.isEmpty() ? externalId : email;
}

Customer Customer::fromJson(const QJsonObject &json)
{
    Customer c;
    c.id = Json::string(json, QLatin1String("id"));
    c.externalId = Json::string(json, QLatin1String("externalId"), QLatin1String("external_id"));
    c.email = Json::string(json, QLatin1String("email"));
    c.name = Json::string(json, QLatin1String("name"));
    return c;
}

QJsonObject Customer::toJson() const
{
    return {{QLatin1String("id"), id},
            {QLatin1String("externalId"), externalId},
            {QLatin1String("email"), email},
            {QLatin1String("name"), name}};
}

} // namespace CStar
