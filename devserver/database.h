// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace CStar::DevServer {

/// The SQLite connection: opening, pragmas, schema migrations and small
/// query helpers. All state of the server lives here so it survives restarts
/// and kill -9 (WAL + synchronous=FULL: a commit is on disk before the
/// response is written). Query helpers throw DatabaseError on failure.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestSchemaVersion();

    using Bindings = std::initializer_list<std::pair<const char *, QVariant>>;
    /// Prepares, binds (":name" placeholders) and executes; throws on error.
    QSqlQuery exec(const QString &sql, Bindings bindings = {});
    /// The same with bindings assembled at run time (dynamic WHERE clauses).
    QSqlQuery exec(const QString &sql, const QList<std::pair<QString, QVariant>> &bindings);
    /// First column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, Bindings bindings = {});

    void begin();
    void commit();
    void rollback();
    void savepoint(const QString &name);
    void rollbackTo(const QString &name);
    void release(const QString &name);

private:
    bool migrate(QString *error);
    void execRaw(const QString &sql);

    QString m_connectionName;
    QString m_path;
};

/// Rolls back on scope exit unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace CStar::DevServer
