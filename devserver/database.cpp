// SPDX-License-Identifier: MIT
#include "database.h"

#include "apierror.h"
#include "logging.h"

#include "ids.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

// Each entry upgrades the schema by one version (PRAGMA user_version).
// Append only: never edit a migration that has shipped.
const char *const migrations[] = {
    // 1: initial schema
    R"sql(
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    external_id TEXT UNIQUE,
    email TEXT,
    name TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('anonymous', 'identified')),
    customer_id TEXT NOT NULL REFERENCES customers(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX sessions_customer ON sessions(customer_id);
CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    priority TEXT NOT NULL,
    message_count INTEGER NOT NULL DEFAULT 0,
    last_message_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX tickets_customer ON tickets(customer_id, updated_at, id);
CREATE INDEX tickets_updated ON tickets(updated_at, id);
CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    ticket_id TEXT NOT NULL REFERENCES tickets(id),
    content TEXT NOT NULL,
    sender TEXT NOT NULL CHECK (sender IN ('customer', 'agent', 'system')),
    sender_name TEXT NOT NULL,
    client_message_id TEXT,
    is_internal INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX messages_ticket ON messages(ticket_id, seq);
CREATE UNIQUE INDEX messages_client_id ON messages(ticket_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    is_internal INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX events_ticket ON events(ticket_id, id);
CREATE TABLE idempotency_keys (
    caller TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_at);
)sql",
    // 2: tickets get an insertion sequence, the tie-break of "updatedAt desc"
    // (rowid is not it: VACUUM may renumber it); answers that held a session
    // token are no longer stored (protocol-notes "Idempotency").
    R"sql(
ALTER TABLE tickets ADD COLUMN seq INTEGER;
UPDATE tickets SET seq = rowid;
CREATE UNIQUE INDEX tickets_seq ON tickets(seq);
DROP INDEX tickets_customer;
DROP INDEX tickets_updated;
CREATE INDEX tickets_customer ON tickets(customer_id, updated_at, seq);
CREATE INDEX tickets_updated ON tickets(updated_at, seq);
DELETE FROM idempotency_keys WHERE CAST(body AS TEXT) LIKE '%"token":"%';
)sql",
    // 3: uploads and attachments (protocol §11): one row per file, an
    // attachment once attachment_id is set.
    R"sql(
CREATE TABLE files (
    upload_id TEXT PRIMARY KEY,
    attachment_id TEXT UNIQUE,
    owner TEXT NOT NULL,
    blob TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    message_id TEXT,
    ticket_id TEXT,
    position INTEGER
);
CREATE INDEX files_message ON files(message_id, position);
CREATE INDEX files_unattached ON files(expires_at) WHERE attachment_id IS NULL;
)sql",
};

QAtomicInt connectionCounter;

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The database holds session hashes, customers and their messages: only its
// owner may read it. SQLite creates -wal/-shm (and journals) with the mode of
// the database file, so creating that one 0600 covers them all; folders the
// server has to create are 0700.
bool createPrivately(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.exists())
        return true;
    QStringList missing;
    for (QDir dir = info.absoluteDir(); !dir.exists(); dir.setPath(QFileInfo(dir.path()).path()))
        missing.prepend(dir.path());
    for (const QString &dir : std::as_const(missing)) {
        if (!QDir().mkdir(dir, ownerOnly | QFileDevice::ExeOwner) && !QFileInfo(dir).isDir()) {
            *error = u"cannot create the folder %1"_s.arg(dir);
            return false;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)
        && !QFileInfo::exists(path)) {
        *error = u"cannot create %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

Database::Database()
    : m_connectionName(u"cstar-devserver-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{ }

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    return int(std::size(migrations));
}

bool Database::open(const QString &path, QString *error)
{
    m_path = path;
    const bool inMemory = path == ":memory:"_L1 || path.isEmpty();
    if (!inMemory && !createPrivately(path, error))
        return false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = db.lastError().text();
            return false;
        }
    }
    try {
        execRaw(u"PRAGMA busy_timeout = 5000"_s);
        if (!inMemory) {
            const QString mode = scalar(u"PRAGMA journal_mode = WAL"_s).toString().toLower();
            if (mode != "wal"_L1) {
                *error = u"cannot switch the database to WAL mode (got %1)"_s.arg(mode);
                return false;
            }
        }
        // WAL + FULL: every commit is fsync'ed to the WAL before the response
        // leaves, so an acknowledged write survives kill -9 and power loss.
        execRaw(u"PRAGMA synchronous = FULL"_s);
        execRaw(u"PRAGMA foreign_keys = ON"_s);
        if (!migrate(error))
            return false;
        // Stored timestamps order tickets and messages: later ones must sort
        // after them even if the wall clock went back since (Ids::nowMs()).
        Ids::advanceClockPast(
            scalar(u"SELECT MAX(t) FROM (SELECT MAX(updated_at) AS t FROM tickets "
                   "UNION ALL SELECT MAX(created_at) FROM messages)"_s)
                .toLongLong());
    } catch (const DatabaseError &e) {
        *error = e.message;
        return false;
    }
    return true;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int Database::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Database::migrate(QString *error)
{
    const int current = schemaVersion();
    if (current < 0) {
        *error = u"cannot read the schema version"_s;
        return false;
    }
    if (current > latestSchemaVersion()) {
        *error =
            u"the database has schema version %1, newer than this server (%2)"_s.arg(current).arg(
                latestSchemaVersion());
        return false;
    }
    for (int version = current; version < latestSchemaVersion(); ++version) {
        begin();
        try {
            const QString script = QString::fromUtf8(migrations[version]);
            for (const QString &statement : script.split(u';', Qt::SkipEmptyParts)) {
                if (!statement.trimmed().isEmpty())
                    execRaw(statement);
            }
            execRaw(u"PRAGMA user_version = %1"_s.arg(version + 1));
            commit();
        } catch (const DatabaseError &e) {
            rollback();
            *error = u"migration to schema %1 failed: %2"_s.arg(version + 1).arg(e.message);
            return false;
        }
        qCDebug(lcDevServer) << "database migrated to schema" << version + 1;
    }
    return true;
}

void Database::execRaw(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(sql))
        throw DatabaseError {q.lastError().text()};
}

QSqlQuery Database::exec(const QString &sql, Bindings bindings)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw DatabaseError {q.lastError().text()};
    for (const auto &[name, value] : bindings)
        q.bindValue(QLatin1Char(':') + QLatin1String(name), value);
    if (!q.exec())
        throw DatabaseError {q.lastError().text()};
    return q;
}

QSqlQuery Database::exec(const QString &sql, const QList<std::pair<QString, QVariant>> &bindings)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw DatabaseError {q.lastError().text()};
    for (const auto &[name, value] : bindings)
        q.bindValue(name, value);
    if (!q.exec())
        throw DatabaseError {q.lastError().text()};
    return q;
}

QVariant Database::scalar(const QString &sql, Bindings bindings)
{
    QSqlQuery q = exec(sql, bindings);
    return q.next() ? q.value(0) : QVariant();
}

void Database::begin()
{
    execRaw(u"BEGIN IMMEDIATE"_s);
}

void Database::commit()
{
    execRaw(u"COMMIT"_s);
}

void Database::rollback()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.exec(u"ROLLBACK"_s); // may fail if nothing is open; nothing to do then
}

void Database::savepoint(const QString &name)
{
    execRaw(u"SAVEPOINT "_s + name);
}

void Database::rollbackTo(const QString &name)
{
    execRaw(u"ROLLBACK TO "_s + name);
}

void Database::release(const QString &name)
{
    execRaw(u"RELEASE "_s + name);
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.begin();
}

Transaction::~Transaction()
{
    if (!m_done)
        m_db.rollback();
}

void Transaction::commit()
{
    m_db.commit();
    m_done = true;
}

} // namespace CStar::DevServer
