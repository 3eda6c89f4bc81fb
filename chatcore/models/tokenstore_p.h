// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace CStar {

/// Keeps one session (token, kind, customer) across restarts: in the system
/// keychain (QtKeychain) when one answers, else in a file only the user can
/// read. The keychain is asked once; if it fails or does not answer within
/// the timeout (no Secret Service under CI), the file takes over.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Undecided, Keychain, File };

    struct Record
    {
        QString token;
        ChatClient::SessionKind kind = ChatClient::SessionKind::None;
        Customer customer;
    };

    /// `key` names the session (team and server); `directory` holds the file.
    TokenStore(const QString &directory, const QString &key, bool useKeychain,
               int keychainTimeoutMs, QObject *parent = nullptr);
    ~TokenStore() override;

    /// Reads the stored session and emits loaded() — synchronously for the
    /// file, later for the keychain.
    void load();
    void save(const Record &record);
    void clear();
    Backend backend() const { return m_backend; }
    QString filePath() const;

Q_SIGNALS:
    void loaded(const CStar::TokenStore::Record &record);
    void backendChanged();

private:
    static QByteArray serialize(const Record &record);
    static Record deserialize(const QByteArray &data);
    void useFile(const QString &reason);
    Record readFile() const;
    void writeFile(const Record &record);
    void removeFile();
    void keychainWrite(const Record &record);
    void keychainDelete();

    QString m_directory;
    QString m_key;
    bool m_useKeychain;
    int m_keychainTimeoutMs;
    Backend m_backend = Backend::Undecided;
    QTimer *m_keychainTimer = nullptr;
    bool m_loading = false;
    bool m_hasPendingSave = false;
    Record m_pendingSave;
    quint64 m_keychainGeneration = 0;
};

} // namespace CStar
