// SPDX-License-Identifier: MIT
#include "chatclientsession_p.h"

#include "apirequest_p.h"
#include "chatjob_p.h"
#include "logging_p.h"
#include "routes_p.h"

#include <memory>

namespace CStar::Internal {

namespace {

ChatError invalidTokenError()
{
    return ChatError(ChatError::Kind::Protocol, QStringLiteral("invalid_token"),
                     QStringLiteral("The server issued a session token that is not a valid token "
                                    "(only token68 characters, at most 4 KiB); session refused"));
}

ChatClient::SessionKind kindFromString(const QString &kind)
{
    return kind == QLatin1String("identified") ? ChatClient::SessionKind::Identified
                                               : ChatClient::SessionKind::Anonymous;
}

} // namespace

void ClientSession::withSession(ReadyFn ready, FailFn failed)
{
    if (!m_token.isEmpty()) {
        ready(m_token);
        return;
    }
    m_waiters.emplace_back(std::move(ready), std::move(failed));
    createAnonymous();
}

void ClientSession::createAnonymous()
{
    if (m_creating)
        return;
    m_creating = true;
    struct Session
    {
        QString token;
        QString kind;
        Customer customer;
    };
    auto *job = new Job<Session>(
        [](const QJsonObject &envelope, int, Session &out) {
            const QJsonObject data = Api::dataObject(envelope);
            out.token = data.value(QLatin1String("token")).toString();
            out.kind = data.value(QLatin1String("kind")).toString();
            out.customer = Customer::fromJson(data.value(QLatin1String("customer")).toObject());
            return !out.token.isEmpty();
        },
        q);
    QObject::connect(job, &ChatJob::finished, q, [this, job] {
        m_creating = false;
        auto waiters = std::exchange(m_waiters, {});
        ChatError error = job->error();
        if (job->isSuccess() && !HttpTransport::isValidToken(job->result().token)) {
            // A hostile server: CR/LF would inject headers into every later request.
            qCWarning(lcClient) << "refusing a session token that is not token68 or too long";
            error = invalidTokenError();
        } else if (job->isSuccess() && m_token.isEmpty()) {
            qCInfo(lcClient) << "anonymous session created";
            set(job->result().token, kindFromString(job->result().kind), job->result().customer);
        }
        for (auto &[ready, failed] : waiters) {
            if (!m_token.isEmpty())
                ready(m_token);
            else
                failed(error);
        }
    });
    RestRequest request = Api::postRequest(Routes::sessions(), QJsonObject());
    request.needsSession = false;
    http->execute(std::move(request), QString(), job);
}

void ClientSession::set(QString newToken, ChatClient::SessionKind kind, Customer newCustomer)
{
    if (!newToken.isEmpty() && !HttpTransport::isValidToken(newToken)) {
        qCWarning(lcClient) << "refusing a session token that is not token68 or too long";
        newToken.clear();
        kind = ChatClient::SessionKind::None;
        newCustomer = Customer();
    }
    const bool tokenChanged = newToken != m_token;
    const bool kindChanged = kind != m_kind;
    const bool customerChanged = newCustomer != m_customer;
    m_token = newToken;
    m_kind = kind;
    m_customer = newCustomer;
    if (kindChanged)
        Q_EMIT q->sessionKindChanged();
    if (customerChanged)
        Q_EMIT q->customerChanged();
    if (tokenChanged)
        Q_EMIT q->sessionChanged();
}

Job<Customer> *ClientSession::identify(const QByteArray &customerJson, const QString &signature,
                                       std::function<void()> identified)
{
    struct Identified
    {
        QString token;
        Customer customer;
    };
    auto *inner = new Job<Identified>(
        [](const QJsonObject &envelope, int, Identified &out) {
            const QJsonObject data = Api::dataObject(envelope);
            out.token = data.value(QLatin1String("token")).toString();
            out.customer = Customer::fromJson(data.value(QLatin1String("customer")).toObject());
            return HttpTransport::isValidToken(out.token); // never a header injection
        },
        q);
    // The job handed out owns the request (abandoning it abandons the
    // request); the answer reaches it only while it is alive.
    auto customerOut = std::make_shared<Customer>();
    auto *outer = new Job<Customer>(
        [customerOut](const QJsonObject &, int, Customer &out) {
            out = *customerOut;
            return true;
        },
        q);
    JobAccess::adopt(outer, inner,
                     [this, inner, outer, customerOut, identified = std::move(identified)] {
                         if (!inner->isSuccess()) {
                             JobAccess::fail(outer, inner->error());
                             return;
                         }
                         set(inner->result().token, ChatClient::SessionKind::Identified,
                             inner->result().customer);
                         qCInfo(lcClient) << "identified";
                         identified();
                         *customerOut = inner->result().customer;
                         JobAccess::complete(outer, QJsonObject(), 200);
                     });
    RestRequest request =
        Api::postRequest(Routes::identify(),
                         QJsonObject {{QLatin1String("customer"), QString::fromUtf8(customerJson)},
                                      {QLatin1String("signature"), signature}});
    // Sent with the anonymous token, if any, so its tickets move (§4).
    request.needsSession = false;
    request.reportsUnauthorized = false;
    http->execute(std::move(request), m_token, inner);
    return outer;
}

} // namespace CStar::Internal
