// SPDX-License-Identifier: MIT
#include "chatstate.h"
#include "chatjob_p.h"
#include "chatstate_p.h"

#include "localstorage_p.h"
#include "logging_p.h"
#include "outbox.h"
#include "unreadtracker.h"

namespace CStar {

void ChatStatePrivate::attach()
{
    if (!client)
        return;
    const QString key = QLatin1String("session:") + client->baseUrl().host() + QLatin1Char('/')
        + client->teamSlug();
    store = new TokenStore(directory(), key, keychainEnabled, keychainTimeoutMs, q);
    QObject::connect(store, &TokenStore::loaded, q,
                     [this](const TokenStore::Record &record) { onLoaded(record); });
    QObject::connect(store, &TokenStore::backendChanged, q, &ChatState::tokenStorageChanged);
    auto syncSlot = [this] { sync(); };
    connections << QObject::connect(client, &ChatClient::sessionKindChanged, q, syncSlot)
                << QObject::connect(client, &ChatClient::customerChanged, q, syncSlot)
                << QObject::connect(client, &ChatClient::connectionStateChanged, q, syncSlot)
                << QObject::connect(client, &ChatClient::sessionChanged, q,
                                    [this] {
                                        saveCurrent();
                                        sync();
                                    })
                << QObject::connect(client, &ChatClient::sessionExpired, q,
                                    [this](const ChatError &e) { setError(e); })
                << QObject::connect(client, &ChatClient::errorOccurred, q,
                                    [this](const ChatError &e) { setError(e); })
                << QObject::connect(client, &QObject::destroyed, q, [this] {
                       connections.clear();
                       sync();
                       Q_EMIT q->clientChanged();
                   });
    tokenAtAttach = client->sessionToken();
    // File: restores right here, before anything else uses the client.
    store->load();
}

void ChatStatePrivate::detach()
{
    for (const auto &c : std::as_const(connections))
        QObject::disconnect(c);
    connections.clear();
    delete store;
    store = nullptr;
    if (restored) {
        restored = false;
        Q_EMIT q->restoredChanged();
    }
}

void ChatStatePrivate::applyStorageDirectory()
{
    // The client owns the outbox and read markers; they move there even if
    // models opened them first.
    if (client && !storageDirectory.isEmpty())
        client->setStorageDirectory(storageDirectory);
}

void ChatStatePrivate::sync()
{
    const bool hasClient = !client.isNull();
    const ChatClient::SessionKind newKind =
        hasClient ? client->sessionKind() : ChatClient::SessionKind::None;
    const Customer newCustomer = hasClient ? client->customer() : Customer();
    const ConnectionState newConnection =
        hasClient ? client->connectionState() : ConnectionState::Disconnected;
    const bool newIdentified = newKind == ChatClient::SessionKind::Identified;
    const bool newReady =
        newConnection == ConnectionState::Streaming || newConnection == ConnectionState::Polling;
    if (newKind != kind) {
        kind = newKind;
        Q_EMIT q->sessionKindChanged();
    }
    if (newIdentified != identified) {
        identified = newIdentified;
        Q_EMIT q->identifiedChanged();
    }
    if (newCustomer != customer) {
        customer = newCustomer;
        Q_EMIT q->customerChanged();
    }
    if (newConnection != connection) {
        connection = newConnection;
        Q_EMIT q->connectionStateChanged();
    }
    if (newReady != ready) {
        ready = newReady;
        Q_EMIT q->realtimeReadyChanged();
    }
}

void ChatStatePrivate::onLoaded(const TokenStore::Record &record)
{
    if (!client)
        return;
    const QString current = client->sessionToken();
    const bool clientHasSession = !current.isEmpty();
    // While the keychain was asked, models may have made the client start an
    // anonymous session of its own: the stored one wins over that (its
    // tickets are the customer's), as does a stored identified one over any
    // anonymous session. Models reload when the token is replaced.
    const bool anonymousNow = client->sessionKind() == ChatClient::SessionKind::Anonymous;
    const bool take = !record.token.isEmpty() && record.token != current
        && (!clientHasSession
            || (anonymousNow
                && (current != tokenAtAttach
                    || record.kind == ChatClient::SessionKind::Identified)));
    if (take) {
        qCInfo(lcModels) << "restoring a stored"
                         << (record.kind == ChatClient::SessionKind::Identified ? "identified"
                                                                                : "anonymous")
                         << "session";
        restoring = true;
        client->restoreSession(record.token, record.kind, record.customer);
        restoring = false;
    } else if (clientHasSession) {
        saveCurrent();
    }
    restored = true;
    Q_EMIT q->restoredChanged();
    sync();
}

void ChatStatePrivate::saveCurrent()
{
    if (!client || !store || restoring)
        return;
    TokenStore::Record record;
    record.token = client->sessionToken();
    record.kind = client->sessionKind();
    record.customer = client->customer();
    store->save(record); // an empty token clears it
}

void ChatStatePrivate::setError(const ChatError &error)
{
    if (error == lastError)
        return;
    lastError = error;
    Q_EMIT q->lastErrorChanged();
}

ChatJob *ChatStatePrivate::failedJob(const QString &message)
{
    auto *job = new VoidJob(q);
    const ChatError error(ChatError::Kind::Validation, QStringLiteral("no_client"), message);
    Internal::JobAccess::fail(job, error);
    setError(error);
    return job;
}

// ---- ChatState --------------------------------------------------------------

ChatState::ChatState(QObject *parent) : QObject(parent), d(new ChatStatePrivate(this)) { }

ChatState::ChatState(ChatClient *client, QObject *parent) : ChatState(parent)
{
    setClient(client);
}

ChatState::~ChatState()
{
    for (const auto &c : std::as_const(d->connections))
        QObject::disconnect(c);
}

ChatClient *ChatState::client() const
{
    return d->client;
}

void ChatState::setClient(ChatClient *client)
{
    if (client == d->client)
        return;
    d->detach();
    d->client = client;
    d->applyStorageDirectory();
    d->attach();
    Q_EMIT clientChanged();
    d->sync();
}

bool ChatState::isIdentified() const
{
    return d->client && d->client->sessionKind() == ChatClient::SessionKind::Identified;
}

Customer ChatState::customer() const
{
    return d->client ? d->client->customer() : Customer();
}

ChatClient::SessionKind ChatState::sessionKind() const
{
    return d->client ? d->client->sessionKind() : ChatClient::SessionKind::None;
}

bool ChatState::isRealtimeReady() const
{
    const ConnectionState s = connectionState();
    return s == ConnectionState::Streaming || s == ConnectionState::Polling;
}

ConnectionState ChatState::connectionState() const
{
    return d->client ? d->client->connectionState() : ConnectionState::Disconnected;
}

ChatError ChatState::lastError() const
{
    return d->lastError;
}

bool ChatState::isRestored() const
{
    return d->restored;
}

ChatState::TokenStorage ChatState::tokenStorage() const
{
    if (!d->store)
        return TokenStorage::Undecided;
    switch (d->store->backend()) {
    case TokenStore::Backend::Keychain:
        return TokenStorage::Keychain;
    case TokenStore::Backend::File:
        return TokenStorage::File;
    case TokenStore::Backend::Undecided:
        break;
    }
    return TokenStorage::Undecided;
}

QString ChatState::storageDirectory() const
{
    return d->directory();
}

void ChatState::setStorageDirectory(const QString &directory)
{
    if (directory == d->storageDirectory)
        return;
    d->storageDirectory = directory;
    if (d->client) { // the token store moves, the client's stores too
        d->applyStorageDirectory();
        d->detach();
        d->attach();
    }
    Q_EMIT storageDirectoryChanged();
}

bool ChatState::isKeychainEnabled() const
{
    return d->keychainEnabled;
}

void ChatState::setKeychainEnabled(bool enabled)
{
    if (enabled == d->keychainEnabled)
        return;
    d->keychainEnabled = enabled;
    if (d->client) {
        d->detach();
        d->attach();
    }
    Q_EMIT keychainEnabledChanged();
}

void ChatState::setKeychainTimeout(int ms)
{
    d->keychainTimeoutMs = qMax(1, ms);
}

ChatJob *ChatState::identify(const QString &customerJsonText, const QString &signature)
{
    if (!d->client)
        return d->failedJob(QStringLiteral("ChatState has no client"));
    auto *job = d->client->identify(customerJsonText.toUtf8(), signature);
    connect(job, &ChatJob::finished, this,
            [this, job] { d->setError(job->isSuccess() ? ChatError() : job->error()); });
    return job;
}

ChatJob *ChatState::logout()
{
    if (!d->client)
        return d->failedJob(QStringLiteral("ChatState has no client"));
    // Wipe before the session goes: the scope still names this customer.
    d->client->outbox()->clearCurrentScope();
    if (d->store)
        d->store->clear();
    auto *job = d->client->logout();
    connect(job, &ChatJob::failed, this, [this](const ChatError &e) { d->setError(e); });
    return job;
}

ChatJob *ChatState::reset()
{
    if (!d->client)
        return d->failedJob(QStringLiteral("ChatState has no client"));
    d->client->unreadTracker()->clearCurrentScope();
    return logout();
}

} // namespace CStar
