// SPDX-License-Identifier: MIT
// Rate limits, body limits, unknown routes and hostile input over real HTTP
// (shared/protocol.md §1, §2; protocol-notes "Rate limits", "Bodies").
#include "devservertest.h"

#include <QRandomGenerator>
#include <QTcpSocket>

using namespace DevServerTest;

class TestDevServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rateLimit();
    void bodyLimitIsConfigurable();
    void headerLimitIsConfigurable();
    void oversizedBodyIsAnsweredNotReset();
    void unknownRoutesAndMethods_data();
    void unknownRoutesAndMethods();
    void everyResponseHasRequestIdAndRateHeaders();
    void hostileInputNeverCrashes();
};

void TestDevServerLimits::rateLimit()
{
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--rate-limit"_s, u"5"_s, u"--rate-window-s"_s, u"60"_s}));
    TestHttp http(server);
    const QString token = http.createSession(); // request 1 (counted for the peer address)
    for (int i = 0; i < 5; ++i) {
        const HttpResult r = http.chat("GET", u"/events/poll"_s, {}, token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("5"));
        QCOMPARE(r.header("x-ratelimit-remaining"), QByteArray::number(4 - i));
        QCOMPARE(r.header("x-ratelimit-window"), QByteArray("60"));
        const qint64 reset = r.header("x-ratelimit-reset").toLongLong();
        QVERIFY(reset > QDateTime::currentSecsSinceEpoch());
        QVERIFY(reset <= QDateTime::currentSecsSinceEpoch() + 61);
    }
    const HttpResult limited = http.chat("GET", u"/events/poll"_s, {}, token);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), u"rate_limit_exceeded"_s);
    QCOMPARE(limited.error().value(u"type"_s).toString(), u"rate_limit_error"_s);
    const int retryAfter = limited.header("retry-after").toInt();
    QVERIFY(retryAfter >= 1 && retryAfter <= 60);
    QCOMPARE(limited.error().value(u"retryAfter"_s).toInt(), retryAfter);
    QCOMPARE(limited.header("x-ratelimit-remaining"), QByteArray("0"));
    // Per caller: another token has its own window.
    const QString other = http.createSession();
    QCOMPARE(http.chat("GET", u"/events/poll"_s, {}, other).status, 200);
}

void TestDevServerLimits::bodyLimitIsConfigurable()
{
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--max-body-bytes"_s, u"100"_s}));
    TestHttp http(server);
    const QString token = http.createSession();
    QCOMPARE(http.chat("POST", u"/tickets"_s, {{u"title"_s, u"fits"_s}}, token).status, 201);
    const HttpResult r =
        http.chat("POST", u"/tickets"_s, {{u"title"_s, QString(120, u'x')}}, token);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"body_too_large"_s);
}

void TestDevServerLimits::headerLimitIsConfigurable()
{
    // Request line + headers over --max-header-bytes: 431 before the route.
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--max-header-bytes"_s, u"2048"_s}));
    TestHttp http(server);
    const QString token = http.createSession();
    const HttpResult big =
        http.chat("GET", u"/events/poll"_s, {}, token, {{"X-Padding", QByteArray(3000, 'p')}});
    QCOMPARE(big.status, 431);
    QCOMPARE(big.errorCode(), u"header_too_large"_s);
    QVERIFY(big.header("x-request-id").startsWith("req_"));
    const HttpResult fits =
        http.chat("GET", u"/events/poll"_s, {}, token, {{"X-Padding", QByteArray(1000, 'p')}});
    QCOMPARE(fits.status, 200);
}

void TestDevServerLimits::oversizedBodyIsAnsweredNotReset()
{
    // A client that sends a whole body over the limit (as QNetworkAccessManager
    // does) gets the 413, not a reset connection, and can go on.
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--max-body-bytes"_s, u"1024"_s}));
    TestHttp http(server);
    const QString token = http.createSession();
    for (const int size : {2000, 200 * 1024, 900 * 1024}) {
        const HttpResult r =
            http.chat("POST", u"/tickets"_s, {{u"title"_s, QString(size, u'x')}}, token);
        QVERIFY2(r.status == 413,
                 qPrintable(u"%1: %2 %3"_s.arg(size).arg(r.status).arg(r.networkError)));
        QCOMPARE(r.errorCode(), u"body_too_large"_s);
    }
    QCOMPARE(http.chat("POST", u"/tickets"_s, {{u"title"_s, u"fits"_s}}, token).status, 201);
}

void TestDevServerLimits::unknownRoutesAndMethods_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("unknown") << QByteArray("GET") << u"/api/v1/nothing"_s << 404 << QByteArray();
    QTest::newRow("root") << QByteArray("GET") << u"/"_s << 404 << QByteArray();
    QTest::newRow("trailing slash")
        << QByteArray("POST") << u"/api/v1/chat/acme/sessions/"_s << 404 << QByteArray();
    QTest::newRow("deeper") << QByteArray("GET") << u"/api/v1/chat/acme/tickets/a/b/c"_s << 404
                            << QByteArray();
    QTest::newRow("GET sessions") << QByteArray("GET") << u"/api/v1/chat/acme/sessions"_s << 405
                                  << QByteArray("POST");
    QTest::newRow("PUT tickets") << QByteArray("PUT") << u"/api/v1/chat/acme/tickets"_s << 405
                                 << QByteArray("POST, GET");
    QTest::newRow("DELETE ticket")
        << QByteArray("DELETE") << u"/api/v1/chat/acme/tickets/x"_s << 405 << QByteArray("GET");
    QTest::newRow("POST events") << QByteArray("POST") << u"/api/v1/chat/acme/events"_s << 405
                                 << QByteArray("GET");
    QTest::newRow("GET control") << QByteArray("GET") << u"/api/v1/_dev/control"_s << 405
                                 << QByteArray("POST");
}

void TestDevServerLimits::unknownRoutesAndMethods()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const HttpResult r = http.request(method, path);
    QCOMPARE(r.status, status);
    QCOMPARE(r.json.object().value(u"success"_s).toBool(true), false);
    QCOMPARE(r.errorCode(), status == 404 ? u"resource_missing"_s : u"method_not_allowed"_s);
    QCOMPARE(r.error().value(u"type"_s).toString(),
             status == 404 ? u"not_found_error"_s : u"invalid_request_error"_s);
    QCOMPARE(r.header("allow"), allow);
}

void TestDevServerLimits::everyResponseHasRequestIdAndRateHeaders()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"t"_s).value(u"id"_s).toString();
    const QList<HttpResult> results {
        http.chat("POST", u"/sessions"_s),
        http.chat("GET", u"/tickets/"_s + ticket, {}, token),
        http.chat("GET", u"/tickets"_s, {}, token), // 403
        http.chat("POST", u"/tickets/%1/typing"_s.arg(ticket), {{u"isTyping"_s, true}},
                  token), // 204
        http.chat("GET", u"/tickets/nope"_s, {}, token), // 404
        http.request("GET", u"/x"_s),
        http.agent("GET", u"/tickets"_s),
        http.control({}),
    };
    QSet<QByteArray> ids;
    for (const HttpResult &r : results) {
        const QByteArray id = r.header("x-request-id");
        QVERIFY2(id.startsWith("req_"), r.body.constData());
        ids.insert(id);
        QVERIFY(r.headers.contains("x-ratelimit-limit"));
        QVERIFY(r.headers.contains("x-ratelimit-remaining"));
        QVERIFY(r.headers.contains("x-ratelimit-reset"));
        QVERIFY(r.headers.contains("x-ratelimit-window"));
        if (r.status == 204)
            continue;
        const QJsonObject meta = r.json.object().value(u"meta"_s).toObject();
        QCOMPARE(meta.value(u"requestId"_s).toString().toLatin1(), id);
        QVERIFY(isoTime(meta.value(u"timestamp"_s)).isValid());
        if (r.status >= 400)
            QCOMPARE(r.error().value(u"request_id"_s).toString().toLatin1(), id);
    }
    QCOMPARE(ids.size(), results.size());
}

void TestDevServerLimits::hostileInputNeverCrashes()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"target"_s).value(u"id"_s).toString();
    const HeaderPairs auth {{"Authorization", "Bearer " + token.toUtf8()}};
    const QStringList paths {u"/api/v1/chat/acme/sessions"_s,
                             u"/api/v1/chat/acme/identify"_s,
                             u"/api/v1/chat/acme/tickets"_s,
                             u"/api/v1/chat/acme/tickets/%1/messages"_s.arg(ticket),
                             u"/api/v1/chat/acme/tickets/%1/typing"_s.arg(ticket),
                             u"/api/v1/teams/acme/tickets/%1/messages"_s.arg(ticket),
                             u"/api/v1/_dev/control"_s};
    auto *rng = QRandomGenerator::global();
    const QList<QByteArray> bodies {
        QByteArray(),
        QByteArray("null"),
        QByteArray("{\"title\":null,\"content\":{}}"),
        QByteArray("{\"customer\":\"\\u0000\",\"signature\":\"\\ud800\"}"),
        QByteArray("{\"title\":\"x\",\"priority\":[],\"message\":1e999}"),
        QByteArray(1000, '\0'),
        QByteArray("\xef\xbb\xbf{}")};
    for (const QString &path : paths) {
        for (const QByteArray &body : bodies) {
            const HttpResult r = http.request("POST", path, body, auth);
            QVERIFY2(r.status >= 200 && r.status < 500,
                     qPrintable(path + u' ' + QString::number(r.status)));
        }
        for (int i = 0; i < 20; ++i) {
            QByteArray noise(int(rng->bounded(1, 400)), Qt::Uninitialized);
            for (char &c : noise)
                c = char(rng->bounded(256));
            const HttpResult r = http.request("POST", path, noise, auth);
            QVERIFY2(r.status >= 200 && r.status < 500, qPrintable(path));
        }
    }
    // Odd paths and queries.
    for (const QString &path :
         {u"/api/v1/chat/acme/tickets/%00"_s, u"/api/v1/chat/%2e%2e/sessions"_s,
          u"/api/v1/chat/acme/tickets?limit=99999999999999999999"_s,
          u"/api/v1/chat/acme/events/poll?after=99999999999999999999"_s,
          u"/api/v1/chat/acme/tickets/%F0%9F%98%80/messages?before=%FF"_s}) {
        const HttpResult r = http.request("GET", path, {}, auth);
        QVERIFY2(r.status >= 400 && r.status < 500, qPrintable(path));
    }
    // Raw garbage on the socket: the connection may die, the server may not.
    for (const QByteArray &raw :
         {QByteArray("GARBAGE\r\n\r\n"), QByteArray("GET / HTTP/9.9\r\nHost: \xff\r\n\r\n"),
          QByteArray("POST /api/v1/chat/acme/sessions HTTP/1.1\r\nContent-Length: -5\r\n\r\n"),
          QByteArray("POST /api/v1/chat/acme/sessions HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"),
          QByteArray(70000, 'A')}) {
        QTcpSocket socket;
        socket.connectToHost(server.baseUrl().host(), server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(raw);
        socket.waitForBytesWritten(5000);
        socket.abort();
    }
    QVERIFY(server.isRunning());
    QCOMPARE(http.chat("GET", u"/tickets/"_s + ticket, {}, token).status, 200);
}

QTEST_GUILESS_MAIN(TestDevServerLimits)
#include "tst_devserver_limits.moc"
