// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "httptransport_p.h"

#include <functional>
#include <utility>
#include <vector>

namespace CStar::Internal {

/// The session behind ChatClient (protocol §4): the token, its kind and
/// customer, the lazy anonymous session and identify. Emits the client's
/// session signals; knows nothing of realtime or subscribers.
class ClientSession
{
public:
    using ReadyFn = std::function<void(const QString &)>;
    using FailFn = std::function<void(const ChatError &)>;

    ClientSession(ChatClient *q, HttpTransport *http) : q(q), http(http) { }

    QString token() const { return m_token; }
    ChatClient::SessionKind kind() const { return m_kind; }
    Customer customer() const { return m_customer; }

    /// Calls `ready` with a token, creating an anonymous session first when
    /// there is none (§4, lazily); `failed` when that fails.
    void withSession(ReadyFn ready, FailFn failed);
    /// An invalid token (not token68, over 4 KiB) is refused: no session.
    void set(QString token, ChatClient::SessionKind kind, Customer customer);
    void clear() { set(QString(), ChatClient::SessionKind::None, Customer()); }
    /// POST /identify; `identified` runs after the new session is set.
    Job<Customer> *identify(const QByteArray &customerJson, const QString &signature,
                            std::function<void()> identified);

private:
    void createAnonymous();

    ChatClient *q;
    HttpTransport *http;
    QString m_token;
    ChatClient::SessionKind m_kind = ChatClient::SessionKind::None;
    Customer m_customer;
    bool m_creating = false;
    std::vector<std::pair<ReadyFn, FailFn>> m_waiters;
};

} // namespace CStar::Internal
