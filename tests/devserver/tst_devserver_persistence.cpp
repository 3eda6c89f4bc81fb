// SPDX-License-Identifier: MIT
// Durability: restarts (graceful and SIGKILL) on the same database keep every
// acknowledged write, and a client resuming with Last-Event-ID gets every
// missed event exactly once (shared/protocol.md §8).
#include "devservertest.h"

#include <QFile>
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

private:
    void restartKeepsEverything(bool kill);
    static QString integrityCheck(const QString &path);
};

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

QTEST_GUILESS_MAIN(TestDevServerPersistence)
#include "tst_devserver_persistence.moc"
