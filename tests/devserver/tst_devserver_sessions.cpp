// SPDX-License-Identifier: MIT
// Sessions and identity over real HTTP (shared/protocol.md §4, §2).
#include "devservertest.h"

using namespace DevServerTest;

class TestDevServerSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createSession();
    void sessionBodyMustBeJsonObject();
    void missingOrUnknownToken();
    void tokenInQueryIsRejected();
    void identifyWithNodeSignature();
    void identifyErrors_data();
    void identifyErrors();
    void forgedAndWrongSecretSignatures();
    void staleAndFreshTimestamps();
    void sameExternalIdSameCustomer();
    void anonymousTicketsMoveOnIdentify();
    void logoutRevokesTokenAndClosesStreams();
    void slidingExpiry();
    void sessionExpires();
    void idempotencyKeyNeverSharesASession();
    void identifyRetryDoesNotOutliveItsSignature();
    void madeUpBearerCountsAgainstThePeer();

private:
    QJsonObject identifyBody(const QByteArray &customerText, const QString &secret = {}) const
    {
        return {{u"customer"_s, QString::fromUtf8(customerText)},
                {u"signature"_s,
                 DevServerProcess::hmacHex(secret.isEmpty() ? m_server.chatSecret() : secret,
                                           customerText)}};
    }

    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
};

void TestDevServerSessions::initTestCase()
{
    START_SERVER(m_server, {});
    m_http = std::make_unique<TestHttp>(m_server);
}

void TestDevServerSessions::createSession()
{
    const HttpResult r = m_http->chat("POST", u"/sessions"_s);
    QCOMPARE(r.status, 201);
    QVERIFY(r.json.object().value(u"success"_s).toBool());
    const QJsonObject data = r.data();
    QVERIFY(data.value(u"token"_s).toString().size() >= 32);
    QCOMPARE(data.value(u"kind"_s).toString(), u"anonymous"_s);
    QVERIFY(data.value(u"customer"_s).isNull());
    const QDateTime expires = isoTime(data.value(u"expiresAt"_s));
    QVERIFY(expires.isValid());
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(3600));
    QVERIFY(data.value(u"expiresAt"_s).toString().endsWith(u'Z'));

    const QJsonObject meta = r.json.object().value(u"meta"_s).toObject();
    QVERIFY(meta.value(u"requestId"_s).toString().startsWith("req_"_L1));
    QCOMPARE(meta.value(u"requestId"_s).toString().toLatin1(), r.header("x-request-id"));
    QVERIFY(isoTime(meta.value(u"timestamp"_s)).isValid());
    for (const char *h :
         {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-ratelimit-window"})
        QVERIFY2(r.headers.contains(h), h);
}

void TestDevServerSessions::sessionBodyMustBeJsonObject()
{
    QCOMPARE(m_http->request("POST", u"/api/v1/chat/acme/sessions"_s, "{}").status, 201);
    const HttpResult bad = m_http->request("POST", u"/api/v1/chat/acme/sessions"_s, "{nope");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), u"invalid_json"_s);
    QCOMPARE(bad.error().value(u"type"_s).toString(), u"invalid_request_error"_s);
}

void TestDevServerSessions::missingOrUnknownToken()
{
    HttpResult r = m_http->chat("GET", u"/tickets/tkt_x"_s);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"authentication_required"_s);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"authentication_error"_s);
    QCOMPARE(r.error().value(u"request_id"_s).toString().toLatin1(), r.header("x-request-id"));

    r = m_http->chat("GET", u"/tickets/tkt_x"_s, {}, u"cst_not_a_real_token"_s);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"authentication_required"_s);

    // The agent key is no session token.
    r = m_http->chat("GET", u"/tickets/tkt_x"_s, {}, m_server.agentKey());
    QCOMPARE(r.status, 401);
}

void TestDevServerSessions::tokenInQueryIsRejected()
{
    const QString token = m_http->createSession();
    const QJsonObject ticket = createTicket(*m_http, token, u"query token"_s);
    const QString path =
        u"/api/v1/chat/acme/tickets/%1?token=%2"_s.arg(ticket.value(u"id"_s).toString(), token);
    HttpResult r = m_http->request("GET", path);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"parameter_invalid"_s);
    QCOMPARE(r.error().value(u"param"_s).toString(), u"token"_s);
    // Not even together with a valid header.
    r = m_http->request("GET", path, {}, {{"Authorization", "Bearer " + token.toUtf8()}});
    QCOMPARE(r.status, 400);
}

void TestDevServerSessions::identifyWithNodeSignature()
{
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        QSKIP("node is not on PATH: cannot check a signature made by another HMAC implementation");
    // Node keeps insertion order and its own number formatting; the server
    // must verify the exact text, not a re-serialisation (protocol §4).
    const QString script = uR"js(
const crypto = require('crypto');
const customer = { id: 'ext_42', name: 'Zoë "Z" Ümlaut / 日本 \\ \n', email: 'zoe@example.com',
                   plan: 'pro', score: 1.5, timestamp: Math.floor(Date.now() / 1000) };
const text = JSON.stringify(customer);
const signature = crypto.createHmac('sha256', process.argv[1]).update(text).digest('hex');
process.stdout.write(text + '\n' + signature + '\n');
)js"_s;
    QProcess process;
    process.start(node, {u"-e"_s, script, m_server.chatSecret()});
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 0);
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    QVERIFY(lines.size() >= 2);
    const QByteArray text = lines.at(0);
    const QString signature = QString::fromLatin1(lines.at(1));
    QVERIFY(text.startsWith("{\"id\":\"ext_42\",\"name\""));
    QCOMPARE(DevServerProcess::hmacHex(m_server.chatSecret(), text), signature);

    const QString anon = m_http->createSession();
    const HttpResult r =
        m_http->chat("POST", u"/identify"_s,
                     {{u"customer"_s, QString::fromUtf8(text)}, {u"signature"_s, signature}}, anon);
    QCOMPARE(r.status, 200);
    const QJsonObject data = r.data();
    QCOMPARE(data.value(u"kind"_s).toString(), u"identified"_s);
    QVERIFY(!data.value(u"token"_s).toString().isEmpty());
    QVERIFY(data.value(u"token"_s).toString() != anon);
    QVERIFY(isoTime(data.value(u"expiresAt"_s)).isValid());
    const QJsonObject customer = data.value(u"customer"_s).toObject();
    QVERIFY(customer.value(u"id"_s).toString().startsWith("cus_"_L1));
    QCOMPARE(customer.value(u"externalId"_s).toString(), u"ext_42"_s);
    QCOMPARE(customer.value(u"email"_s).toString(), u"zoe@example.com"_s);
    QCOMPARE(customer.value(u"name"_s).toString(), u"Zoë \"Z\" Ümlaut / 日本 \\ \n"_s);
    // Upper-case hex is the same signature.
    const HttpResult upper = m_http->chat(
        "POST", u"/identify"_s,
        {{u"customer"_s, QString::fromUtf8(text)}, {u"signature"_s, signature.toUpper()}});
    QCOMPARE(upper.status, 200);
}

void TestDevServerSessions::identifyErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");

    QTest::newRow("no customer") << QJsonObject {{u"signature"_s, u"00"_s}} << 400
                                 << u"parameter_missing"_s << u"customer"_s;
    QTest::newRow("customer as object")
        << QJsonObject {{u"customer"_s, QJsonObject {{u"id"_s, u"x"_s}}}, {u"signature"_s, u"00"_s}}
        << 400 << u"parameter_invalid"_s << u"customer"_s;
    QTest::newRow("no signature") << QJsonObject {{u"customer"_s, u"{\"id\":\"x\"}"_s}} << 400
                                  << u"parameter_missing"_s << u"signature"_s;
    QTest::newRow("signature not a string")
        << QJsonObject {{u"customer"_s, u"{\"id\":\"x\"}"_s}, {u"signature"_s, 12}} << 400
        << u"parameter_invalid"_s << u"signature"_s;
    QTest::newRow("signed, no id") << identifyBody("{\"email\":\"a@b.c\"}") << 400
                                   << u"parameter_missing"_s << u"customer.id"_s;
    QTest::newRow("signed, empty id")
        << identifyBody("{\"id\":\"  \"}") << 400 << u"parameter_missing"_s << u"customer.id"_s;
    QTest::newRow("signed, id is an object")
        << identifyBody("{\"id\":{}}") << 400 << u"parameter_invalid"_s << u"customer.id"_s;
    QTest::newRow("signed, not JSON")
        << identifyBody("id=5") << 400 << u"parameter_invalid"_s << u"customer"_s;
    QTest::newRow("signed, name not a string") << identifyBody("{\"id\":\"x\",\"name\":5}") << 400
                                               << u"parameter_invalid"_s << u"customer.name"_s;
    QTest::newRow("signed, timestamp not a number")
        << identifyBody("{\"id\":\"x\",\"timestamp\":\"now\"}") << 400 << u"parameter_invalid"_s
        << u"customer.timestamp"_s;
}

void TestDevServerSessions::identifyErrors()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, param);
    const HttpResult r = m_http->chat("POST", u"/identify"_s, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(r.error().value(u"param"_s).toString(), param);
}

void TestDevServerSessions::forgedAndWrongSecretSignatures()
{
    const QByteArray text = "{\"id\":\"mallory\"}";
    QJsonObject body = identifyBody(text, u"not_the_secret"_s);
    HttpResult r = m_http->chat("POST", u"/identify"_s, body);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"invalid_signature"_s);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"authentication_error"_s);

    // Signed text changed after signing (re-serialised with another key order).
    body = identifyBody("{\"id\":\"mallory\",\"name\":\"M\"}");
    body.insert(u"customer"_s, u"{\"name\":\"M\",\"id\":\"mallory\"}"_s);
    QCOMPARE(m_http->chat("POST", u"/identify"_s, body).errorCode(), u"invalid_signature"_s);

    body.insert(u"signature"_s, u"zz-not-hex"_s);
    QCOMPARE(m_http->chat("POST", u"/identify"_s, body).status, 401);
    body.insert(u"signature"_s, QString());
    QCOMPARE(m_http->chat("POST", u"/identify"_s, body).status, 401);
}

void TestDevServerSessions::staleAndFreshTimestamps()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const qint64 skew : {-3600LL, 3600LL}) {
        const QByteArray text =
            "{\"id\":\"clock\",\"timestamp\":" + QByteArray::number(now + skew) + "}";
        const HttpResult r = m_http->chat("POST", u"/identify"_s, identifyBody(text));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"signature_expired"_s);
    }
    const QByteArray fresh =
        "{\"id\":\"clock\",\"timestamp\":" + QByteArray::number(now - 30) + "}";
    QCOMPARE(m_http->chat("POST", u"/identify"_s, identifyBody(fresh)).status, 200);
    // A forged stale customer is an invalid signature first.
    const QByteArray stale = "{\"id\":\"clock\",\"timestamp\":1}";
    QCOMPARE(m_http->chat("POST", u"/identify"_s, identifyBody(stale, u"bad"_s)).errorCode(),
             u"invalid_signature"_s);
}

void TestDevServerSessions::sameExternalIdSameCustomer()
{
    const HttpResult a = m_http->chat("POST", u"/identify"_s,
                                      identifyBody("{\"id\":\"same\",\"email\":\"a@x.io\"}"));
    const HttpResult b = m_http->chat("POST", u"/identify"_s, identifyBody("{\"id\":\"same\"}"));
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    const QJsonObject ca = a.data().value(u"customer"_s).toObject();
    const QJsonObject cb = b.data().value(u"customer"_s).toObject();
    QCOMPARE(ca.value(u"id"_s), cb.value(u"id"_s));
    QCOMPARE(cb.value(u"email"_s).toString(), u"a@x.io"_s); // kept when not given
    QVERIFY(a.data().value(u"token"_s) != b.data().value(u"token"_s));
    // Numeric ids are accepted as their decimal text.
    const HttpResult n = m_http->chat("POST", u"/identify"_s, identifyBody("{\"id\":1234}"));
    QCOMPARE(n.data().value(u"customer"_s).toObject().value(u"externalId"_s).toString(), u"1234"_s);
}

void TestDevServerSessions::anonymousTicketsMoveOnIdentify()
{
    const QString anon = m_http->createSession();
    QCOMPARE(m_http->chat("GET", u"/tickets"_s, {}, anon).errorCode(), u"identify_required"_s);
    const QString ticketId =
        createTicket(*m_http, anon, u"Before login"_s, u"hello"_s).value(u"id"_s).toString();
    QVERIFY(!ticketId.isEmpty());

    const QString identified = identifyAs(*m_http, m_server, u"mover"_s, u"Mo"_s, anon);
    QVERIFY(!identified.isEmpty());
    const HttpResult list = m_http->chat("GET", u"/tickets"_s, {}, identified);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.dataArray().size(), 1);
    const QJsonObject ticket = list.dataArray().at(0).toObject();
    QCOMPARE(ticket.value(u"id"_s).toString(), ticketId);
    const HttpResult me = m_http->chat("GET", u"/tickets/"_s + ticketId, {}, identified);
    QCOMPARE(me.status, 200);
    // The anonymous token was replaced.
    QCOMPARE(m_http->chat("GET", u"/tickets/"_s + ticketId, {}, anon).status, 401);
    // Another identified customer cannot see it.
    const QString other = identifyAs(*m_http, m_server, u"someone-else"_s);
    QCOMPARE(m_http->chat("GET", u"/tickets/"_s + ticketId, {}, other).status, 404);
}

void TestDevServerSessions::logoutRevokesTokenAndClosesStreams()
{
    const QString token = identifyAs(*m_http, m_server, u"leaver"_s);
    SseReader stream;
    stream.open(eventsUrl(m_server), token);
    QVERIFY(stream.waitForBytes());

    const HttpResult r = m_http->chat("DELETE", u"/session"_s, {}, token);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QVERIFY(stream.waitForFinished());
    const HttpResult after = m_http->chat("GET", u"/tickets"_s, {}, token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), u"authentication_required"_s);
    QCOMPARE(m_http->chat("DELETE", u"/session"_s, {}, token).status, 401);
}

void TestDevServerSessions::slidingExpiry()
{
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--session-ttl-s"_s, u"1"_s}));
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"slide"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    // Kept in use, a 1 s session lives on well past 1 s. QTRY re-runs the
    // request every 50 ms; an expired session would never turn it true.
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_VERIFY_WITH_TIMEOUT(http.chat("GET", u"/tickets/"_s + ticket, {}, token).status == 200
                                 && elapsed.elapsed() > 2500,
                             6000);
}

void TestDevServerSessions::sessionExpires()
{
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--session-ttl-s"_s, u"1"_s}));
    TestHttp http(server);
    const HttpResult created = http.chat("POST", u"/sessions"_s);
    const QString token = created.data().value(u"token"_s).toString();
    const QDateTime expiresAt = isoTime(created.data().value(u"expiresAt"_s));
    QVERIFY(expiresAt.isValid());
    QVERIFY(expiresAt <= QDateTime::currentDateTimeUtc().addMSecs(1500));
    // Wait for the server's own deadline without touching the session (a
    // request would slide it).
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > expiresAt.addMSecs(20), 5000);
    const HttpResult r = http.chat("POST", u"/tickets"_s, {{u"title"_s, u"late"_s}}, token);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"session_expired"_s);
    QVERIFY(!r.error().value(u"hint"_s).toString().isEmpty());
}

void TestDevServerSessions::idempotencyKeyNeverSharesASession()
{
    // Two clients without a token that happen to send the same key (and the
    // same empty body) each get their own session: an answer that carries a
    // token is never replayed (protocol-notes "Idempotency").
    const HeaderPairs key {{"Idempotency-Key", "same-key-everywhere"}};
    const HttpResult a = m_http->chat("POST", u"/sessions"_s, {}, {}, key);
    const HttpResult b = m_http->chat("POST", u"/sessions"_s, {}, {}, key);
    QCOMPARE(a.status, 201);
    QCOMPARE(b.status, 201);
    QVERIFY(!b.headers.contains("idempotent-replayed"));
    QVERIFY(!a.data().value(u"token"_s).toString().isEmpty());
    QVERIFY(a.data().value(u"token"_s) != b.data().value(u"token"_s));

    // The same for identify, with or without a session token.
    const QJsonObject body = identifyBody(R"({"id":"shared-key"})");
    const HttpResult i1 = m_http->chat("POST", u"/identify"_s, body, {}, key);
    const HttpResult i2 = m_http->chat("POST", u"/identify"_s, body, {}, key);
    QCOMPARE(i1.status, 200);
    QCOMPARE(i2.status, 200);
    QVERIFY(!i2.headers.contains("idempotent-replayed"));
    QVERIFY(i1.data().value(u"token"_s) != i2.data().value(u"token"_s));
    const QString known = i1.data().value(u"token"_s).toString();
    const HttpResult i3 = m_http->chat("POST", u"/identify"_s, body, known, key);
    const HttpResult i4 = m_http->chat("POST", u"/identify"_s, body, known, key);
    QCOMPARE(i4.status, 200);
    QVERIFY(!i4.headers.contains("idempotent-replayed"));
    QVERIFY(i3.data().value(u"token"_s) != i4.data().value(u"token"_s));
}

void TestDevServerSessions::identifyRetryDoesNotOutliveItsSignature()
{
    // A retry of identify with its original key re-verifies the signature's
    // time window: once the signed timestamp is out of it, no token comes back.
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--signature-window-s"_s, u"2"_s}));
    TestHttp http(server);
    const QByteArray text = "{\"id\":\"window\",\"timestamp\":"
        + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + "}";
    const QJsonObject body {{u"customer"_s, QString::fromUtf8(text)},
                            {u"signature"_s, DevServerProcess::hmacHex(server.chatSecret(), text)}};
    const HeaderPairs key {{"Idempotency-Key", "identify-window"}};
    const HttpResult first = http.chat("POST", u"/identify"_s, body, {}, key);
    QCOMPARE(first.status, 200);
    const QJsonValue firstToken = first.data().value(u"token"_s);
    bool replayed = false;
    bool sameToken = false;
    auto retry = [&] {
        const HttpResult r = http.chat("POST", u"/identify"_s, body, {}, key);
        replayed = replayed || r.headers.contains("idempotent-replayed");
        sameToken = sameToken || (r.status == 200 && r.data().value(u"token"_s) == firstToken);
        return r.errorCode();
    };
    QTRY_COMPARE_WITH_TIMEOUT(retry(), u"signature_expired"_s, 20000);
    QVERIFY(!replayed);
    QVERIFY(!sameToken);
}

void TestDevServerSessions::madeUpBearerCountsAgainstThePeer()
{
    // Rate buckets per caller: only a valid credential has its own; a made-up
    // Bearer counts against the peer address like no Bearer at all.
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--rate-limit"_s, u"4"_s}));
    TestHttp http(server);
    const QString session = http.createSession(); // peer: 1
    QVERIFY(!session.isEmpty());
    QList<int> statuses;
    for (int i = 0; i < 4; ++i) {
        const HttpResult r =
            http.request("POST", u"/api/v1/chat/acme/sessions"_s, {},
                         {{"Authorization", "Bearer cst_madeup" + QByteArray::number(i)}});
        statuses.append(r.status);
    }
    QCOMPARE(statuses, (QList<int> {201, 201, 201, 429}));
    // The live session and the agent key still have their own buckets.
    const HttpResult own = http.chat("GET", u"/events/poll"_s, {}, session);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.header("x-ratelimit-remaining"), QByteArray("3"));
    QCOMPARE(http.agent("GET", u"/tickets"_s).status, 200);
}

QTEST_GUILESS_MAIN(TestDevServerSessions)
#include "tst_devserver_sessions.moc"
