// SPDX-License-Identifier: MIT
// Durability: restarts (graceful and SIGKILL) on the same database keep every
// acknowledged write, and a client resuming with Last-Event-ID gets every
// missed event exactly once (shared/protocol.md §8).
#include "devservertest.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace DevServerTest;
using CStar::Testing::SseEvent;

class TestDevServerPersistence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gracefulRestart();
    void killRestart();
    void idempotencySurvivesRestart();
    void replacedDatabaseResetsUnknownCursor();
    void filesAreOwnerOnly();
    void noTokenOnDisk();
    void customersWithoutSessionOrTicketArePruned();

private:
    void restartKeepsEverything(bool kill);
    static QString integrityCheck(const QString &path);
    static QVariant sql(const QString &path, const QString &statement);
};

/// Runs one statement on the database file (server stopped); the first
/// column of the first row, if any.
QVariant TestDevServerPersistence::sql(const QString &path, const QString &statement)
{
    QVariant result;
    const QString name = u"sql-%1"_s.arg(quintptr(&result));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement) && q.next())
                result = q.value(0);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QString TestDevServerPersistence::integrityCheck(const QString &path)
{
    QString result;
    const QString name = u"integrity-%1"_s.arg(quintptr(&result));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return u"cannot open"_s;
        QSqlQuery q(db);
        if (q.exec(u"PRAGMA integrity_check"_s) && q.next())
            result = q.value(0).toString();
        if (q.exec(u"PRAGMA journal_mode"_s) && q.next() && q.value(0).toString() != "wal"_L1)
            result = u"journal_mode is "_s + q.value(0).toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void TestDevServerPersistence::restartKeepsEverything(bool kill)
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = identifyAs(http, server, u"durable"_s, u"Dee"_s);
    const QString ticket =
        createTicket(http, token, u"Durable"_s, u"first"_s).value(u"id"_s).toString();

    // The client sees the first events, then goes away.
    SseReader client;
    client.open(eventsUrl(server), token, "0");
    QVERIFY(client.waitForEvents(2));
    const QByteArray seen = client.lastEventId();
    client.close();

    // Acknowledged writes the client has not seen yet.
    QStringList acknowledged;
    for (int i = 0; i < 20; ++i) {
        const HttpResult r = i % 2 ? http.chat("POST", u"/tickets/%1/messages"_s.arg(ticket),
                                               {{u"content"_s, u"c%1"_s.arg(i)}}, token)
                                   : http.agent("POST", u"/tickets/%1/messages"_s.arg(ticket),
                                                {{u"content"_s, u"a%1"_s.arg(i)}});
        QCOMPARE(r.status, 201);
        acknowledged.append(r.data().value(u"id"_s).toString());
    }
    if (kill) {
        server.kill(); // right after the last 201: no chance to flush anything
        // The commits sit in the WAL; the restarted server itself must recover them.
        QVERIFY(QFile::exists(server.dbPath() + "-wal"_L1));
    } else {
        server.stop();
        QCOMPARE(integrityCheck(server.dbPath()), u"ok"_s);
    }
    QVERIFY(!server.isRunning());

    const quint16 port = server.port();
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QCOMPARE(server.port(), port);
    TestHttp again(server);
    // Sessions, tickets and messages are all there.
    const HttpResult messages =
        again.chat("GET", u"/tickets/%1/messages?limit=100"_s.arg(ticket), {}, token);
    QCOMPARE(messages.status, 200);
    QStringList stored;
    for (const QJsonValue &m : messages.dataArray())
        stored.append(m.toObject().value(u"id"_s).toString());
    QCOMPARE(stored.size(), 21);
    QCOMPARE(stored.mid(1), acknowledged);

    // More happens after the restart.
    QCOMPARE(
        again.agent("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"later"_s}})
            .status,
        201);

    // Resume: every missed event once, in order, then live.
    const QList<qint64> expected = [&] {
        QList<qint64> ids;
        const HttpResult r =
            again.chat("GET", u"/events/poll?after="_s + QString::fromLatin1(seen), {}, token);
        for (const QJsonValue &item : r.dataArray())
            ids.append(item.toObject().value(u"id"_s).toInteger());
        return ids;
    }();
    QCOMPARE(expected.size(), 22); // 20 messages + ticket.updated (open) + "later"
    SseReader resumed;
    resumed.open(eventsUrl(server), token, seen);
    QVERIFY(resumed.waitForEvents(int(expected.size())));
    const QList<qint64> got = eventIds(resumed.events());
    QCOMPARE(got, expected);
    QVERIFY(got.constFirst() > seen.toLongLong());
    QCOMPARE(QSet<qint64>(got.begin(), got.end()).size(), got.size());
    QCOMPARE(resumed.events().constLast().json().value(u"content"_s).toString(), u"later"_s);
    createTicket(again, token, u"live after restart"_s);
    QVERIFY(resumed.waitForEvents(int(expected.size()) + 1));
    QVERIFY(eventIds(resumed.events()).constLast() > got.constLast());

    server.stop();
    QCOMPARE(integrityCheck(server.dbPath()), u"ok"_s);
}

void TestDevServerPersistence::gracefulRestart()
{
    restartKeepsEverything(false);
}

void TestDevServerPersistence::killRestart()
{
    restartKeepsEverything(true);
}

void TestDevServerPersistence::idempotencySurvivesRestart()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const HeaderPairs key {{"Idempotency-Key", "survives-restart"}};
    const HttpResult first =
        http.chat("POST", u"/tickets"_s, {{u"title"_s, u"once"_s}}, token, key);
    QCOMPARE(first.status, 201);
    server.kill();
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    TestHttp again(server);
    const HttpResult replay =
        again.chat("POST", u"/tickets"_s, {{u"title"_s, u"once"_s}}, token, key);
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.body, first.body);
    QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
}

void TestDevServerPersistence::replacedDatabaseResetsUnknownCursor()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    for (int i = 0; i < 3; ++i)
        createTicket(http, token, u"t%1"_s.arg(i));
    const qint64 latest = latestEventId(http);
    QCOMPARE(latest, 3);
    server.stop();

    // Same port, a brand-new database (later --db wins).
    QTemporaryDir dir;
    QVERIFY2(server.restart({u"--db"_s, dir.filePath(u"fresh.db"_s)}),
             qPrintable(server.errorString()));
    TestHttp again(server);
    const QString fresh = again.createSession();
    SseReader stream;
    stream.open(eventsUrl(server), fresh, QByteArray::number(latest));
    QVERIFY(stream.waitForEvents(1));
    const SseEvent reset = stream.events().constFirst();
    QCOMPARE(reset.event, QByteArray("reset"));
    QCOMPARE(reset.json().value(u"reason"_s).toString(), u"unknown"_s);
    QCOMPARE(reset.json().value(u"lastEventId"_s).toInteger(), 0);
}

void TestDevServerPersistence::filesAreOwnerOnly()
{
    // The database holds customers, messages and session hashes: 0600 for the
    // file and its -wal/-shm, 0700 for folders the server creates.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DevServerProcess server;
    DevServerProcess::Options options;
    options.dbPath = dir.filePath(u"new/sub/devserver.db"_s);
    START_SERVER(server, options);
    TestHttp http(server);
    QVERIFY(!createTicket(http, http.createSession(), u"private"_s).isEmpty());
    const QFileDevice::Permissions file = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const QFileDevice::Permissions folder = file | QFileDevice::ExeOwner;
    // QFileInfo reports the owner's bits twice (…Owner and …User for the current user).
    const auto mode = [](const QString &path) {
        return QFileInfo(path).permissions()
            & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    };
    QCOMPARE(mode(dir.filePath(u"new"_s)), folder);
    QCOMPARE(mode(dir.filePath(u"new/sub"_s)), folder);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        QVERIFY2(QFileInfo::exists(options.dbPath + suffix), qPrintable(suffix));
        QCOMPARE(mode(options.dbPath + suffix), file);
    }
}

void TestDevServerPersistence::noTokenOnDisk()
{
    // No session token in clear anywhere in the files, idempotent calls included.
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const HeaderPairs key {{"Idempotency-Key", "disk-key"}};
    QStringList tokens;
    const HttpResult anon = http.chat("POST", u"/sessions"_s, {}, {}, key);
    tokens.append(anon.data().value(u"token"_s).toString());
    const QByteArray text = R"({"id":"on-disk"})";
    const QJsonObject body {{u"customer"_s, QString::fromUtf8(text)},
                            {u"signature"_s, DevServerProcess::hmacHex(server.chatSecret(), text)}};
    const HttpResult known = http.chat("POST", u"/identify"_s, body, tokens.constFirst(), key);
    tokens.append(known.data().value(u"token"_s).toString());
    QVERIFY(!createTicket(http, tokens.constLast(), u"t"_s).isEmpty());
    const auto onDisk = [&] {
        QByteArray bytes;
        for (const QString &suffix : {u""_s, u"-wal"_s}) {
            QFile f(server.dbPath() + suffix);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        return bytes;
    };
    const QByteArray running = onDisk();
    server.stop();
    const QByteArray stopped = onDisk();
    QVERIFY(!running.isEmpty() && !stopped.isEmpty());
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY(token.startsWith("cst_"_L1));
        QVERIFY(!running.contains(token.toUtf8()));
        QVERIFY(!stopped.contains(token.toUtf8()));
    }
}

void TestDevServerPersistence::customersWithoutSessionOrTicketArePruned()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!http.createSession().isEmpty()); // customers with nothing but a session
    const QString withTicket = http.createSession();
    QVERIFY(!createTicket(http, withTicket, u"keep me"_s).isEmpty());
    server.stop();
    QCOMPARE(sql(server.dbPath(), u"SELECT COUNT(*) FROM customers"_s).toInt(), 4);
    // Every session long gone (maintenance drops them a week after expiry)…
    QVERIFY(sql(server.dbPath(), u"UPDATE sessions SET expires_at = 1"_s).isNull());
    // …the restart's maintenance then drops the customers nothing refers to.
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    server.stop();
    QCOMPARE(sql(server.dbPath(), u"SELECT COUNT(*) FROM sessions"_s).toInt(), 0);
    QCOMPARE(sql(server.dbPath(), u"SELECT COUNT(*) FROM customers"_s).toInt(), 1);
    QCOMPARE(sql(server.dbPath(),
                 u"SELECT COUNT(*) FROM customers c JOIN tickets t "
                 "ON t.customer_id = c.id"_s)
                 .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TestDevServerPersistence)
#include "tst_devserver_persistence.moc"
