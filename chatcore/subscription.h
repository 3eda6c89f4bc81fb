// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QPointer>

namespace CStar {

class ChatClient;

/// Owns one onMessage()/onTyping()/onTicket() subscription: cancelling it,
/// calling it, or destroying it tears the subscription down (the Qt form of
/// the JS client's `off()` functions). Move-only.
class CSTARCHAT_CORE_EXPORT Subscription
{
public:
    Subscription() = default;
    Subscription(Subscription &&other) noexcept;
    Subscription &operator=(Subscription &&other) noexcept;
    Subscription(const Subscription &) = delete;
    Subscription &operator=(const Subscription &) = delete;
    ~Subscription();

    void cancel();
    void operator()() { cancel(); }
    bool isActive() const;
    quint64 id() const { return m_id; }

private:
    friend class ChatClient;
    Subscription(ChatClient *client, quint64 id);

    QPointer<ChatClient> m_client;
    quint64 m_id = 0;
};

} // namespace CStar
