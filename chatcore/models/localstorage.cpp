// SPDX-License-Identifier: MIT
#include "localstorage_p.h"

#include "chatclient.h"
#include "logging_p.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace CStar::LocalStorage {

QString defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QLatin1String("/cstar-chat");
}

QString databasePath(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("chat.sqlite"));
}

QString sessionScope(const ChatClient *client)
{
    if (!client)
        return {};
    const QString team = client->teamSlug() + QLatin1Char('/');
    switch (client->sessionKind()) {
    case ChatClient::SessionKind::Identified:
        if (client->customer().isValid())
            return team + client->customer().id;
        break;
    case ChatClient::SessionKind::Anonymous:
        break;
    case ChatClient::SessionKind::None:
        return {};
    }
    const QString token = client->sessionToken();
    if (token.isEmpty())
        return {};
    const QByteArray hash =
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return team + QLatin1String("anon-") + QString::fromLatin1(hash);
}

QSqlDatabase open(const QString &path, const char *purpose)
{
    static QAtomicInteger<quint64> counter;
    const QString name = QLatin1String("cstar-") + QLatin1String(purpose) + QLatin1Char('-')
        + QString::number(++counter);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // Several connections (outbox, read markers, other processes) share the file.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        qCWarning(lcModels) << "cannot open" << purpose << "database" << path << ':'
                            << db.lastError().text();
        close(db);
        return {};
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    return db;
}

void close(QSqlDatabase &db)
{
    const QString name = db.connectionName();
    if (db.isOpen())
        db.close();
    db = QSqlDatabase();
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

bool isOwn(const Message &message)
{
    return message.sender() == Message::Sender::Customer;
}

} // namespace CStar::LocalStorage
