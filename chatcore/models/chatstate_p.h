// SPDX-License-Identifier: MIT
#pragma once

#include "chatstate.h"
#include "localstorage_p.h"
#include "tokenstore_p.h"

#include <QPointer>

namespace CStar {

class ChatStatePrivate
{
public:
    explicit ChatStatePrivate(ChatState *q) : q(q) { }

    /// Set here, else the client's (ChatClient::storageDirectory).
    QString directory() const
    {
        if (!storageDirectory.isEmpty())
            return storageDirectory;
        return client ? client->storageDirectory() : LocalStorage::defaultDirectory();
    }
    void attach();
    void detach();
    void applyStorageDirectory();
    void sync();
    void onLoaded(const TokenStore::Record &record);
    void saveCurrent();
    void setError(const ChatError &error);
    ChatJob *failedJob(const QString &message);

    ChatState *q;
    QPointer<ChatClient> client;
    QString storageDirectory;
    bool keychainEnabled = true;
    int keychainTimeoutMs = 3000;
    TokenStore *store = nullptr;
    bool restored = false;
    bool restoring = false;
    QString tokenAtAttach; // to tell a session created while the keychain was asked
    ChatError lastError;
    QList<QMetaObject::Connection> connections;

    // Last values announced, so each NOTIFY fires only on a real change.
    bool identified = false;
    Customer customer;
    ChatClient::SessionKind kind = ChatClient::SessionKind::None;
    ConnectionState connection = ConnectionState::Disconnected;
    bool ready = false;
};

} // namespace CStar
