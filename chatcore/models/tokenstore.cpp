// SPDX-License-Identifier: MIT
#include "tokenstore_p.h"

#include "logging_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#ifdef CSTAR_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace CStar {

namespace {

const QLatin1String keychainService("cStar Chat");

QLatin1String kindName(ChatClient::SessionKind kind)
{
    switch (kind) {
    case ChatClient::SessionKind::Identified:
        return QLatin1String("identified");
    case ChatClient::SessionKind::Anonymous:
        return QLatin1String("anonymous");
    case ChatClient::SessionKind::None:
        break;
    }
    return QLatin1String("none");
}

} // namespace

TokenStore::TokenStore(const QString &directory, const QString &key, bool useKeychain,
                       int keychainTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_key(key)
    , m_useKeychain(useKeychain)
    , m_keychainTimeoutMs(keychainTimeoutMs)
{
#ifndef CSTAR_HAVE_QTKEYCHAIN
    m_useKeychain = false;
#endif
}

TokenStore::~TokenStore() = default;

QString TokenStore::filePath() const
{
    // The key holds the server and team; hash it into a file name.
    const QByteArray hash =
        QCryptographicHash::hash(m_key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(m_directory)
        .filePath(QLatin1String("session-") + QString::fromLatin1(hash) + QLatin1String(".json"));
}

QByteArray TokenStore::serialize(const Record &record)
{
    QJsonObject o {{QLatin1String("token"), record.token},
                   {QLatin1String("kind"), kindName(record.kind)}};
    if (record.customer.isValid())
        o.insert(QLatin1String("customer"), record.customer.toJson());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

TokenStore::Record TokenStore::deserialize(const QByteArray &data)
{
    Record r;
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    r.token = o.value(QLatin1String("token")).toString();
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (r.token.isEmpty())
        return {};
    r.kind = kind == QLatin1String("identified") ? ChatClient::SessionKind::Identified
                                                 : ChatClient::SessionKind::Anonymous;
    r.customer = Customer::fromJson(o.value(QLatin1String("customer")).toObject());
    return r;
}

void TokenStore::load()
{
    if (!m_useKeychain) {
        useFile(QStringLiteral("the keychain is disabled"));
        Q_EMIT loaded(readFile());
        return;
    }
#ifdef CSTAR_HAVE_QTKEYCHAIN
    if (m_backend == Backend::File) {
        Q_EMIT loaded(readFile());
        return;
    }
    m_loading = true;
    const quint64 generation = ++m_keychainGeneration;
    auto *job = new QKeychain::ReadPasswordJob(keychainService, this);
    job->setAutoDelete(true);
    job->setKey(m_key);
    if (!m_keychainTimer) {
        m_keychainTimer = new QTimer(this);
        m_keychainTimer->setSingleShot(true);
    }
    // A keychain that never answers (a locked wallet, a hung D-Bus service)
    // must not hold the session hostage: fall back after the timeout.
    m_keychainTimer->disconnect(this);
    connect(m_keychainTimer, &QTimer::timeout, this, [this, generation] {
        if (generation != m_keychainGeneration || !m_loading)
            return;
        ++m_keychainGeneration;
        m_loading = false;
        useFile(QStringLiteral("the keychain did not answer in time"));
        Q_EMIT loaded(readFile());
    });
    connect(job, &QKeychain::Job::finished, this, [this, generation](QKeychain::Job *j) {
        if (generation != m_keychainGeneration)
            return; // timed out already
        m_keychainTimer->stop();
        m_loading = false;
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        Record record;
        if (read->error() == QKeychain::NoError || read->error() == QKeychain::EntryNotFound) {
            m_backend = Backend::Keychain;
            qCInfo(lcModels) << "session tokens are stored in the system keychain";
            Q_EMIT backendChanged();
            if (read->error() == QKeychain::NoError) {
                record = deserialize(read->binaryData());
            } else if (QFile::exists(filePath())) {
                // Written while the keychain was unavailable: move it over.
                record = readFile();
                if (!record.token.isEmpty())
                    keychainWrite(record);
                removeFile();
            }
        } else {
            useFile(QStringLiteral("no keychain available (%1)").arg(read->errorString()));
            record = readFile();
        }
        if (m_hasPendingSave) {
            m_hasPendingSave = false;
            save(m_pendingSave);
        }
        Q_EMIT loaded(record);
    });
    m_keychainTimer->start(m_keychainTimeoutMs);
    job->start();
#endif
}

void TokenStore::useFile(const QString &reason)
{
    if (m_backend == Backend::File)
        return;
    m_backend = Backend::File;
    qCInfo(lcModels).noquote() << "session tokens are stored in" << filePath()
                               << "(readable by this user only):" << reason;
    Q_EMIT backendChanged();
    if (m_hasPendingSave) {
        m_hasPendingSave = false;
        save(m_pendingSave);
    }
}

void TokenStore::save(const Record &record)
{
    if (record.token.isEmpty()) {
        clear();
        return;
    }
    switch (m_backend) {
    case Backend::Undecided:
        m_pendingSave = record;
        m_hasPendingSave = true;
        break;
    case Backend::File:
        writeFile(record);
        break;
    case Backend::Keychain:
        keychainWrite(record);
        break;
    }
}

void TokenStore::clear()
{
    m_hasPendingSave = false;
    m_pendingSave = Record();
    // Both places: a file may remain from a time without a keychain.
    removeFile();
    if (m_backend == Backend::Keychain)
        keychainDelete();
}

TokenStore::Record TokenStore::readFile() const
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return deserialize(file.readAll());
}

void TokenStore::writeFile(const Record &record)
{
    QDir().mkpath(m_directory);
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcModels) << "cannot write the session file" << filePath() << file.errorString();
        return;
    }
    // 0600 before a byte of the token is written (applies to the temporary file
    // that replaces the old one on commit).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(serialize(record));
    if (!file.commit())
        qCWarning(lcModels) << "cannot write the session file" << filePath() << file.errorString();
}

void TokenStore::removeFile()
{
    if (QFile::exists(filePath()) && !QFile::remove(filePath()))
        qCWarning(lcModels) << "cannot remove the session file" << filePath();
}

void TokenStore::keychainWrite(const Record &record)
{
#ifdef CSTAR_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(keychainService, this);
    job->setAutoDelete(true);
    job->setKey(m_key);
    job->setBinaryData(serialize(record));
    connect(job, &QKeychain::Job::finished, this, [this, record](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            return;
        qCWarning(lcModels) << "the keychain refused the session:" << j->errorString();
        m_backend = Backend::Undecided;
        useFile(QStringLiteral("the keychain refused to store it"));
        writeFile(record);
    });
    job->start();
#else
    Q_UNUSED(record)
#endif
}

void TokenStore::keychainDelete()
{
#ifdef CSTAR_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(keychainService, this);
    job->setAutoDelete(true);
    job->setKey(m_key);
    job->start();
#endif
}

} // namespace CStar
