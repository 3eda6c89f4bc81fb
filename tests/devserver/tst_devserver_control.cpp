// SPDX-License-Identifier: MIT
// The dev control endpoint and the stream switches (devserver/README.md).
#include "devservertest.h"

#include <QNetworkInterface>

using namespace DevServerTest;

class TestDevServerControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void refusedWithoutTheAgentKey();
    void refusedFromOtherHosts();
    void validation();
    void failNext();
    void failNextRateLimit();
    void failNextAfterHandlingKeepsIdempotency();
    void lostIdentifyRunsAgain();
    void streamDisabledAndStatus();
    void firstByteDelay();
    void dropStreams();
    void refuseConnections();
    void commandLineStreamSwitches();

private:
    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
};

void TestDevServerControl::initTestCase()
{
    START_SERVER(m_server, {});
    m_http = std::make_unique<TestHttp>(m_server);
}

void TestDevServerControl::cleanup()
{
    // Back to normal between tests.
    m_http->control({{u"streamDisabled"_s, false},
                     {u"streamStatus"_s, 0},
                     {u"firstByteDelayMs"_s, 0},
                     {u"failNext"_s, QJsonValue::Null}});
}

void TestDevServerControl::refusedWithoutTheAgentKey()
{
    const QByteArray body = R"({"streamDisabled":true})";
    HttpResult r = m_http->request("POST", u"/api/v1/_dev/control"_s, body);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"authentication_required"_s);
    r = m_http->request("POST", u"/api/v1/_dev/control"_s, body,
                        {{"Authorization", "Bearer sk_test_wrong"}});
    QCOMPARE(r.status, 401);
    r = m_http->request("POST", u"/api/v1/_dev/control"_s, body,
                        {{"Authorization", "Bearer " + m_server.publishableKey().toUtf8()}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"publishable_key_write"_s);
    const QString token = m_http->createSession();
    r = m_http->request("POST", u"/api/v1/_dev/control"_s, body,
                        {{"Authorization", "Bearer " + token.toUtf8()}});
    QCOMPARE(r.status, 401);
    // Nothing changed.
    QCOMPARE(m_http->control({}).data().value(u"streamDisabled"_s).toBool(), false);
}

void TestDevServerControl::refusedFromOtherHosts()
{
    QHostAddress external;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback()) {
            external = a;
            break;
        }
    }
    if (external.isNull())
        QSKIP("no non-loopback IPv4 address to call from");
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--listen"_s, u"0.0.0.0"_s}));
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(external.toString());
    url.setPort(server.port());
    TestHttp remote(url, server.team(), server.agentKey());
    const HttpResult r = remote.control({{u"streamDisabled"_s, true}});
    QCOMPARE(r.status, 404);
    // The same server answers the chat API on that address.
    QCOMPARE(remote.chat("POST", u"/sessions"_s).status, 201);
}

void TestDevServerControl::validation()
{
    for (const QJsonObject &body :
         {QJsonObject {{u"streamDisabled"_s, u"yes"_s}}, QJsonObject {{u"streamStatus"_s, 299}},
          QJsonObject {{u"firstByteDelayMs"_s, -1}},
          QJsonObject {{u"failNext"_s, QJsonObject {{u"status"_s, 418}}}},
          QJsonObject {{u"failNext"_s, QJsonObject {{u"count"_s, 0}}}},
          QJsonObject {{u"failNext"_s, 5}}}) {
        const HttpResult r = m_http->control(body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"parameter_invalid"_s);
    }
    const HttpResult state = m_http->control({});
    QCOMPARE(state.status, 200);
    QCOMPARE(state.data().value(u"streamStatus"_s).toInt(), 0);
    QCOMPARE(state.data().value(u"failNext"_s).toArray().size(), 0);
}

void TestDevServerControl::failNext()
{
    const QString token = m_http->createSession();
    const QString ticket = createTicket(*m_http, token, u"fail"_s).value(u"id"_s).toString();
    const HttpResult set = m_http->control({{u"failNext"_s,
                                             QJsonObject {{u"method"_s, u"post"_s},
                                                          {u"pathContains"_s, u"/messages"_s},
                                                          {u"status"_s, 503},
                                                          {u"count"_s, 2}}}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.data().value(u"failNext"_s).toArray().size(), 1);
    // Non-matching requests pass.
    QCOMPARE(m_http->chat("GET", u"/tickets/%1/messages"_s.arg(ticket), {}, token).status, 200);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket),
                                          {{u"content"_s, u"x"_s}}, token);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.error().value(u"type"_s).toString(), u"api_error"_s);
        QCOMPARE(r.errorCode(), u"internal_error"_s);
        QVERIFY(r.header("x-request-id").startsWith("req_"));
    }
    QCOMPARE(
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"x"_s}}, token)
            .status,
        201);
    // The failed ones never happened.
    QCOMPARE(
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(ticket), {}, token).dataArray().size(),
        1);
    // 500 and the default status.
    m_http->control(
        {{u"failNext"_s, QJsonArray {QJsonObject {{u"status"_s, 500}}, QJsonObject {}}}});
    QCOMPARE(m_http->chat("POST", u"/sessions"_s).status, 500);
    QCOMPARE(m_http->chat("POST", u"/sessions"_s).status, 503);
    QCOMPARE(m_http->chat("POST", u"/sessions"_s).status, 201);
}

void TestDevServerControl::failNextRateLimit()
{
    m_http->control({{u"failNext"_s, QJsonObject {{u"status"_s, 429}, {u"retryAfter"_s, 7}}}});
    const HttpResult r = m_http->chat("POST", u"/sessions"_s);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), u"rate_limit_exceeded"_s);
    QCOMPARE(r.header("retry-after"), QByteArray("7"));
    QCOMPARE(r.error().value(u"retryAfter"_s).toInt(), 7);
    QCOMPARE(m_http->chat("POST", u"/sessions"_s).status, 201);
}

void TestDevServerControl::failNextAfterHandlingKeepsIdempotency()
{
    const QString token = m_http->createSession();
    const QString ticket =
        createTicket(*m_http, token, u"lost response"_s).value(u"id"_s).toString();
    SseReader agent;
    agent.open(agentEventsUrl(m_server), m_server.agentKey());
    QVERIFY(agent.waitForBlocks(1));
    m_http->control({{u"failNext"_s,
                      QJsonObject {{u"pathContains"_s, u"/messages"_s},
                                   {u"status"_s, 503},
                                   {u"afterHandling"_s, true}}}});
    const HeaderPairs key {{"Idempotency-Key", "lost-1"}};
    const QJsonObject body {{u"content"_s, u"did it arrive?"_s}};
    const QString path = u"/tickets/%1/messages"_s.arg(ticket);
    const HttpResult lost = m_http->chat("POST", path, body, token, key);
    QCOMPARE(lost.status, 503);
    // It was committed and announced…
    QVERIFY(agent.waitForEvents(1));
    QCOMPARE(agent.events().constFirst().json().value(u"content"_s).toString(),
             u"did it arrive?"_s);
    // …so the retry gets the original answer, and no duplicate exists.
    const HttpResult retry = m_http->chat("POST", path, body, token, key);
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(retry.data().value(u"id"_s), agent.events().constFirst().json().value(u"id"_s));
    QCOMPARE(m_http->chat("GET", path, {}, token).dataArray().size(), 1);
}

void TestDevServerControl::lostIdentifyRunsAgain()
{
    // identify revokes the anonymous token it was called with. Its answer
    // holds a token, so it is never stored for replay (protocol-notes
    // "Idempotency"): a retry after a lost response, which still presents the
    // revoked token and the same key, runs again as an identify without one.
    const QString anon = m_http->createSession();
    const QString ticket = createTicket(*m_http, anon, u"mine"_s).value(u"id"_s).toString();
    m_http->control({{u"failNext"_s,
                      QJsonObject {{u"pathContains"_s, u"/identify"_s},
                                   {u"status"_s, 502},
                                   {u"afterHandling"_s, true}}}});
    const QByteArray text = R"({"id":"lost-identify"})";
    const QJsonObject body {
        {u"customer"_s, QString::fromUtf8(text)},
        {u"signature"_s, DevServerProcess::hmacHex(m_server.chatSecret(), text)}};
    const HeaderPairs key {{"Idempotency-Key", "identify-once"}};
    QCOMPARE(m_http->chat("POST", u"/identify"_s, body, anon, key).status, 502);
    const HttpResult retry = m_http->chat("POST", u"/identify"_s, body, anon, key);
    QCOMPARE(retry.status, 200);
    QVERIFY(!retry.headers.contains("idempotent-replayed"));
    const QString token = retry.data().value(u"token"_s).toString();
    QCOMPARE(m_http->chat("GET", u"/tickets/"_s + ticket, {}, token).status, 200);
    // The revoked token itself stays refused everywhere else.
    QCOMPARE(m_http->chat("GET", u"/tickets/"_s + ticket, {}, anon).status, 401);
}

void TestDevServerControl::streamDisabledAndStatus()
{
    const QString token = m_http->createSession();
    QCOMPARE(
        m_http->control({{u"streamDisabled"_s, true}}).data().value(u"streamDisabled"_s).toBool(),
        true);
    HttpResult r = m_http->chat("GET", u"/events"_s, {}, token, {{"Accept", "text/event-stream"}});
    QCOMPARE(r.status, 204); // protocol §9: poll instead
    QVERIFY(r.headers.contains("x-request-id"));
    QCOMPARE(m_http->chat("GET", u"/events/poll"_s, {}, token).status, 200);

    m_http->control({{u"streamDisabled"_s, false}, {u"streamStatus"_s, 501}});
    r = m_http->chat("GET", u"/events"_s, {}, token);
    QCOMPARE(r.status, 501);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"api_error"_s);
    m_http->control({{u"streamStatus"_s, 404}});
    r = m_http->chat("GET", u"/events"_s, {}, token);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"resource_missing"_s);

    m_http->control({{u"streamStatus"_s, 0}});
    SseReader stream;
    stream.open(eventsUrl(m_server), token);
    QVERIFY(stream.waitForBlocks(1));
    QCOMPARE(stream.status(), 200);
}

void TestDevServerControl::firstByteDelay()
{
    const QString token = m_http->createSession();
    m_http->control({{u"firstByteDelayMs"_s, 1500}});
    SseReader stream;
    stream.open(eventsUrl(m_server), token);
    // Headers come at once; the body (even `retry:`) is held, like a buffering proxy.
    QVERIFY(stream.waitForHeaders());
    QCOMPARE(stream.status(), 200);
    QVERIFY(stream.rawBody().isEmpty());
    // Events during the hold queue behind it, in order.
    createTicket(*m_http, token, u"held"_s);
    QVERIFY(stream.rawBody().isEmpty());
    QVERIFY(stream.waitForEvents(1, 10000));
    QVERIFY(stream.rawBody().startsWith("retry: 3000\nid: "));
    QCOMPARE(stream.events().constFirst().event, QByteArray("ticket.created"));
}

void TestDevServerControl::dropStreams()
{
    const QString token = m_http->createSession();
    SseReader a, b;
    a.open(eventsUrl(m_server), token);
    b.open(agentEventsUrl(m_server), m_server.agentKey());
    QVERIFY(a.waitForBlocks(1));
    QVERIFY(b.waitForBlocks(1));
    const HttpResult r = m_http->control({{u"dropStreams"_s, true}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.data().value(u"openStreams"_s).toInt() >= 2);
    QVERIFY(a.waitForFinished());
    QVERIFY(b.waitForFinished());
    QTRY_COMPARE(m_http->control({}).data().value(u"openStreams"_s).toInt(), 0);
    // Streams can be opened again.
    SseReader again;
    again.open(eventsUrl(m_server), token);
    QVERIFY(again.waitForBlocks(1));
}

void TestDevServerControl::refuseConnections()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    QCOMPARE(http.control({{u"refuseConnectionsMs"_s, 1500}}).status, 200);
    // A new connection is refused while the listening socket is closed…
    TestHttp fresh(server);
    const HttpResult refused = fresh.chat("POST", u"/sessions"_s);
    QCOMPARE(refused.status, 0);
    QVERIFY(!refused.networkError.isEmpty());
    // …and accepted again afterwards, on the same port.
    QTRY_VERIFY_WITH_TIMEOUT(TestHttp(server).chat("POST", u"/sessions"_s).status == 201, 10000);
}

void TestDevServerControl::commandLineStreamSwitches()
{
    {
        DevServerProcess server;
        START_SERVER(server, withArgs({u"--no-stream"_s}));
        TestHttp http(server);
        QCOMPARE(http.chat("GET", u"/events"_s, {}, http.createSession()).status, 204);
    }
    {
        DevServerProcess server;
        START_SERVER(server, withArgs({u"--stream-status"_s, u"404"_s}));
        TestHttp http(server);
        QCOMPARE(http.chat("GET", u"/events"_s, {}, http.createSession()).status, 404);
    }
    {
        DevServerProcess server;
        START_SERVER(server, withArgs({u"--first-byte-delay-ms"_s, u"800"_s}));
        SseReader stream;
        stream.open(eventsUrl(server), TestHttp(server).createSession());
        QVERIFY(stream.waitForHeaders());
        QVERIFY(stream.rawBody().isEmpty());
        QVERIFY(stream.waitForBytes(10000));
    }
    {
        DevServerProcess server;
        QVERIFY(!server.start(withArgs({u"--stream-status"_s, u"299"_s})));
        QVERIFY(server.errorString().contains("stream-status"_L1));
    }
}

QTEST_GUILESS_MAIN(TestDevServerControl)
#include "tst_devserver_control.moc"
