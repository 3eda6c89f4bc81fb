// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"

#include <QObject>

#include <memory>

namespace CStar {

class ChatStatePrivate;

/// The session as a UI binds to it — the counterpart of React's `useChat` and
/// Svelte's `ChatState`. It keeps the session token across restarts (system
/// keychain when available, else a file only the user can read), restores it
/// into the client, and puts the client's Outbox and UnreadTracker in the
/// same storage directory (ChatClient::storageDirectory; the order in which
/// it and the models are made does not matter).
class CSTARCHAT_CORE_EXPORT ChatState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(CStar::ChatClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool identified READ isIdentified NOTIFY identifiedChanged)
    Q_PROPERTY(CStar::Customer customer READ customer NOTIFY customerChanged)
    Q_PROPERTY(
        CStar::ChatClient::SessionKind sessionKind READ sessionKind NOTIFY sessionKindChanged)
    Q_PROPERTY(bool realtimeReady READ isRealtimeReady NOTIFY realtimeReadyChanged)
    Q_PROPERTY(
        CStar::Connection::State connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(CStar::ChatError lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool restored READ isRestored NOTIFY restoredChanged)
    Q_PROPERTY(TokenStorage tokenStorage READ tokenStorage NOTIFY tokenStorageChanged)
    Q_PROPERTY(QString storageDirectory READ storageDirectory WRITE setStorageDirectory NOTIFY
                   storageDirectoryChanged)
    Q_PROPERTY(bool keychainEnabled READ isKeychainEnabled WRITE setKeychainEnabled NOTIFY
                   keychainEnabledChanged)
public:
    /// Where the session token is kept.
    enum class TokenStorage {
        Undecided, ///< no client yet, or the keychain has not answered
        Keychain, ///< the system keychain (QtKeychain)
        File, ///< a 0600 file in storageDirectory
    };
    Q_ENUM(TokenStorage)

    explicit ChatState(QObject *parent = nullptr);
    /// Restores the stored session into `client` at once (default storage).
    explicit ChatState(ChatClient *client, QObject *parent = nullptr);
    ~ChatState() override;

    ChatClient *client() const;
    /// Restores the stored session into the client (ChatClient::restoreSession)
    /// and saves the token whenever it changes. Set the client's baseUrl and
    /// teamSlug (they name the stored session), storageDirectory and
    /// keychainEnabled first.
    void setClient(ChatClient *client);

    bool isIdentified() const;
    Customer customer() const;
    ChatClient::SessionKind sessionKind() const;
    /// connectionState is Streaming or Polling.
    bool isRealtimeReady() const;
    ConnectionState connectionState() const;
    ChatError lastError() const;
    /// The stored session (if any) has been handed to the client.
    bool isRestored() const;
    TokenStorage tokenStorage() const;

    /// Holds the token file, the outbox and the read markers: set here, it
    /// is also the client's storageDirectory. Default: the client's
    /// (QStandardPaths::AppDataLocation + "/cstar-chat").
    QString storageDirectory() const;
    void setStorageDirectory(const QString &directory);
    /// Try the system keychain first (default true; the file is the fallback).
    bool isKeychainEnabled() const;
    void setKeychainEnabled(bool enabled);
    /// How long the keychain may take to answer before the file is used
    /// (default 3000 ms).
    void setKeychainTimeout(int ms);

    /// Identifies the customer (protocol §4): `customerJsonText` is the exact
    /// JSON your backend signed. Errors also go to lastError.
    Q_INVOKABLE CStar::ChatJob *identify(const QString &customerJsonText, const QString &signature);
    /// Ends the session: revokes the token, forgets it, and wipes this
    /// customer's outbox (unsent messages must not go out as someone else).
    Q_INVOKABLE CStar::ChatJob *logout();
    /// For shared computers: like logout(), and also forgets the customer's
    /// unread counts and read markers.
    Q_INVOKABLE CStar::ChatJob *reset();

Q_SIGNALS:
    void clientChanged();
    void identifiedChanged();
    void customerChanged();
    void sessionKindChanged();
    void realtimeReadyChanged();
    void connectionStateChanged();
    void lastErrorChanged();
    void restoredChanged();
    void tokenStorageChanged();
    void storageDirectoryChanged();
    void keychainEnabledChanged();

private:
    friend class ChatStatePrivate;
    std::unique_ptr<ChatStatePrivate> d;
};

} // namespace CStar
