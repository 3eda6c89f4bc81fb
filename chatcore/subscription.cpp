// SPDX-License-Identifier: MIT
#include "subscription.h"

#include "chatclient.h"

namespace CStar {

Subscription::Subscription(ChatClient *client, quint64 id) : m_client(client), m_id(id) { }

Subscription::Subscription(Subscription &&other) noexcept
    : m_client(std::move(other.m_client)), m_id(std::exchange(other.m_id, 0))
{ }

Subscription &Subscription::operator=(Subscription &&other) noexcept
{
    if (this != &other) {
        cancel();
        m_client = std::move(other.m_client);
        m_id = std::exchange(other.m_id, 0);
    }
    return *this;
}

Subscription::~Subscription()
{
    cancel();
}

void Subscription::cancel()
{
    if (m_client && m_id)
        m_client->unsubscribe(m_id);
    m_id = 0;
    m_client.clear();
}

bool Subscription::isActive() const
{
    return m_client && m_id && m_client->isSubscribed(m_id);
}

} // namespace CStar
