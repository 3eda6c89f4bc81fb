// SPDX-License-Identifier: MIT
// The client against a hostile server (docs/reliability.md "Hostile inputs —
// client"): a tiny QTcpServer answers canned bytes — wrong types, bogus or
// backwards ids, endless events, a 1 GiB body (generated as the client reads,
// never allocated), 429 storms, redirects to another host, resets, silence —
// and each row states what the client must make of it. Nothing may crash,
// hang, grow without bound, deliver twice or deliver out of order.
#include "cannedserver.h"
#include "chatclient.h"

#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

using namespace CStar;
using namespace CStar::Testing;

namespace {

constexpr qint64 MaxResponseBytes = 1024 * 1024;
constexpr qsizetype MaxEventBytes = 64 * 1024;

TransportOptions hostileOptions()
{
    TransportOptions o;
    o.requestTimeoutMs = 5000;
    o.maxRetries = 2;
    o.retryBaseDelayMs = 10;
    o.retryMaxDelayMs = 40;
    o.retryJitterMs = 5;
    o.defaultRetryAfterS = 0;
    o.maxResponseBytes = MaxResponseBytes;
    o.firstByteTimeoutMs = 1000;
    o.silenceTimeoutMs = 1500;
    o.streamRetryIntervalMs = 600000; // no stream probes while a row runs
    o.streamRetryMaxIntervalMs = 600000;
    o.reconnectDelayMs = 10;
    o.reconnectMaxDelayMs = 80;
    o.pollErrorMaxDelayMs = 200;
    o.maxEventBytes = MaxEventBytes;
    return o;
}

QByteArray message(const QByteArray &id, const QByteArray &extra = {})
{
    return R"({"id":")" + id + R"(","ticketId":"tkt_1","content":"c )" + id
        + R"(","sender":"agent","senderName":"Ana","createdAt":"2026-01-01T00:00:00.000Z")" + extra
        + "}";
}

QByteArray sse(const QByteArray &id, const QByteArray &type, const QByteArray &data)
{
    QByteArray e;
    if (!id.isNull())
        e += "id: " + id + "\n";
    return e + "event: " + type + "\ndata: " + data + "\n\n";
}

QByteArray created(int id, const QByteArray &messageId)
{
    return sse(QByteArray::number(id), "message.created", message(messageId));
}

QByteArray envelope(const QByteArray &data)
{
    return R"({"success":true,"data":)" + data + R"(,"meta":{"requestId":"req_1"}})";
}

QByteArray pollAnswer(const QByteArray &items, const QByteArray &next, bool hasMore = false)
{
    return R"({"success":true,"data":[)" + items + R"(],"nextCursor":)" + next + R"(,"hasMore":)"
        + (hasMore ? "true" : "false") + R"(,"typing":[]})";
}

QByteArray pollItem(const QByteArray &id, const QByteArray &messageId)
{
    return R"({"id":)" + id + R"(,"type":"message.created","data":)" + message(messageId) + "}";
}

QByteArray errorBody(const QByteArray &type, const QByteArray &code)
{
    return R"({"success":false,"error":{"type":")" + type + R"(","code":")" + code
        + R"(","message":"m","request_id":"req_e"}})";
}

const QByteArray ticketBody = envelope(
    R"({"id":"tkt_1","title":"T","status":"open","priority":"normal","customerId":"cus_1","messageCount":0,"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"})");

/// 64 MiB of zeros, deflated (Content-Encoding: deflate): a decompression bomb.
QByteArray deflateBomb()
{
    static const QByteArray bomb = [] {
        const QByteArray zlib = qCompress(QByteArray(64 * 1024 * 1024, '\0'), 9);
        return zlib.mid(4); // qCompress prefixes the size; the rest is a zlib stream
    }();
    return bomb;
}

} // namespace

/// What a row checks besides the job result / delivered ids.
enum class Extra {
    None,
    SessionExpired, ///< sessionExpired() was emitted
    Resync, ///< resyncRequired() was emitted
    TypingClamped, ///< one typing event, lease clamped to 600000 ms
    NoLeakToOtherHost, ///< the redirect target never saw the token
    Reconnects, ///< the stream was opened again, with Last-Event-ID
    PollsAgain, ///< several polls happened
    FailsAtOnce, ///< a Retry-After above the cap (§3): RateLimit at once, no retry
    CursorFirst, ///< no stored cursor: a poll without `after` takes one first (§9)
    NoCursorTaken, ///< the cursor poll failed: the stream opened without Last-Event-ID
};
Q_DECLARE_METATYPE(Extra)
Q_DECLARE_METATYPE(QList<CStar::Testing::Canned>)

class TestClientHostileInputs : public QObject
{
    Q_OBJECT

    std::unique_ptr<CannedServer> server;
    std::unique_ptr<CannedServer> elsewhere; // another host, for redirects
    std::unique_ptr<ChatClient> client;

    void makeClient()
    {
        client = std::make_unique<ChatClient>(QStringLiteral("acme"));
        client->setBaseUrl(QUrl(QString::fromLatin1(server->baseUrl())));
        client->setTransportOptions(hostileOptions());
        client->setPollingInterval(100);
        // Skip session creation: every row starts with a session.
        client->restoreSession(QStringLiteral("tok_hostile_secret"),
                               ChatClient::SessionKind::Anonymous);
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<CannedServer>();
        elsewhere = std::make_unique<CannedServer>();
        QVERIFY(server->listen());
        QVERIFY(elsewhere->listen());
        makeClient();
    }
    void cleanup()
    {
        client.reset();
        server.reset();
        elsewhere.reset();
    }

    // ---- REST: GET /tickets/tkt_1 -----------------------------------------

    void rest_data()
    {
        QTest::addColumn<QList<Canned>>("answers");
        QTest::addColumn<ChatError::Kind>("kind"); // None = success
        QTest::addColumn<QString>("code");
        QTest::addColumn<Extra>("extra");

        using K = ChatError::Kind;
        auto one = [](const Canned &c) { return QList<Canned> {c}; };
        const Canned gib = [] {
            Canned c;
            c.bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: 1073741824\r\nConnection: "
                      "close\r\n\r\n{\"success\":true,\"data\":\"";
            c.generate = 1024LL * 1024 * 1024;
            return c;
        }();
        const Canned chunkedEndless = [] {
            Canned c;
            c.bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n";
            c.pattern = "4000\r\n" + QByteArray(0x4000, ' ') + "\r\n";
            c.generate = 1024LL * 1024 * 1024;
            return c;
        }();
        const Canned hugeHeader = [] {
            Canned c;
            c.bytes = "HTTP/1.1 200 OK\r\nX-Big: ";
            c.generate = 64LL * 1024 * 1024;
            c.trailer = "\r\nContent-Length: 2\r\n\r\n{}";
            return c;
        }();
        const Canned slowHeaders = [] {
            Canned c;
            c.bytes = "HTTP/1.1 200 OK\r\n";
            c.hold = true; // the header block never ends
            return c;
        }();
        Canned silent;
        silent.silent = true;
        Canned reset;
        reset.reset = true;
        Canned closeAtOnce;
        closeAtOnce.bytes = {};
        Canned bomb =
            Canned::http(200, deflateBomb(), "application/json", "Content-Encoding: deflate\r\n");

        QTest::newRow("valid answer (control)")
            << one(Canned::http(200, ticketBody)) << K::None << QString() << Extra::None;
        QTest::newRow("200, body not JSON")
            << one(Canned::http(200, "<html>hello</html>", "text/html")) << K::Protocol
            << QStringLiteral("invalid_json") << Extra::None;
        QTest::newRow("200, JSON array") << one(Canned::http(200, "[1,2,3]")) << K::Protocol
                                         << QStringLiteral("invalid_json") << Extra::None;
        QTest::newRow("200, success:false")
            << one(Canned::http(200, R"({"success":false,"data":{"id":"tkt_1"}})")) << K::Protocol
            << QStringLiteral("invalid_json") << Extra::None;
        QTest::newRow("200, data without id")
            << one(Canned::http(200, envelope(R"({"title":"no id"})"))) << K::Protocol
            << QStringLiteral("unexpected_response") << Extra::None;
        QTest::newRow("200, wrong types in data")
            << one(Canned::http(200, envelope(R"({"id":["x"],"title":{},"messageCount":"many"})")))
            << K::Protocol << QStringLiteral("unexpected_response") << Extra::None;
        QTest::newRow("200, 1 GiB body (streamed, capped)")
            << one(gib) << K::Protocol << QStringLiteral("response_too_large") << Extra::None;
        QTest::newRow("200, endless chunked body")
            << one(chunkedEndless) << K::Protocol << QStringLiteral("response_too_large")
            << Extra::None;
        // Qt's decompression safety check stops it; retried like a broken connection.
        QTest::newRow("200, deflate bomb (64 MiB of zeros)")
            << one(bomb) << K::Network << QStringLiteral("network_error") << Extra::None;
        QTest::newRow("500 HTML page, every attempt")
            << one(Canned::http(500, "<h1>oops</h1>", "text/html")) << K::Server
            << QStringLiteral("internal_error") << Extra::None;
        QTest::newRow("503 then valid")
            << QList<Canned> {Canned::http(503, "{}"), Canned::http(200, ticketBody)} << K::None
            << QString() << Extra::None;
        QTest::newRow("429 storm")
            << one(Canned::http(429, errorBody("rate_limit_error", "rate_limit_exceeded"),
                                "application/json", "Retry-After: 0\r\n"))
            << K::RateLimit << QStringLiteral("rate_limit_exceeded") << Extra::None;
        QTest::newRow("429 with garbage Retry-After")
            << one(Canned::http(429, "{}", "application/json", "Retry-After: soon\r\n"))
            << K::RateLimit << QStringLiteral("http_429") << Extra::None;
        QTest::newRow("429 with Retry-After: 2147483647")
            << one(Canned::http(429, "{}", "application/json", "Retry-After: 2147483647\r\n"))
            << K::RateLimit << QStringLiteral("http_429") << Extra::FailsAtOnce;
        QTest::newRow("429 with Retry-After: 86400 (a day)")
            << one(Canned::http(429, errorBody("rate_limit_error", "rate_limit_exceeded"),
                                "application/json", "Retry-After: 86400\r\n"))
            << K::RateLimit << QStringLiteral("rate_limit_exceeded") << Extra::FailsAtOnce;
        QTest::newRow("401 with garbage body")
            << one(Canned::http(401, "\xff\xfe garbage", "application/json")) << K::Authentication
            << QStringLiteral("http_401") << Extra::SessionExpired;
        QTest::newRow("404 with an unknown error shape")
            << one(Canned::http(404, R"({"error":"nope"})")) << K::NotFound
            << QStringLiteral("http_404") << Extra::None;
        QTest::newRow("418 status nobody expects") << one(Canned::http(418, "{}")) << K::Protocol
                                                   << QStringLiteral("http_418") << Extra::None;
        QTest::newRow("connection closed without a byte")
            << one(closeAtOnce) << K::Network << QStringLiteral("network_error") << Extra::None;
        QTest::newRow("connection reset")
            << one(reset) << K::Network << QStringLiteral("network_error") << Extra::None;
        QTest::newRow("not HTTP at all")
            << one(Canned {"SSH-2.0-OpenSSH_9.2\r\n", 0, "A", {}, false, false, false})
            << K::Network << QStringLiteral("network_error") << Extra::None;
        QTest::newRow("garbage status line")
            << one(Canned {"HTTP/1.1 abc\r\n\r\n", 0, "A", {}, false, false, false}) << K::Network
            << QStringLiteral("network_error") << Extra::None;
        QTest::newRow("Content-Length larger than the body")
            << one(Canned {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"success\"",
                           0,
                           "A",
                           {},
                           false,
                           false,
                           false})
            << K::Network << QStringLiteral("network_error") << Extra::None;
        QTest::newRow("bogus chunk size")
            << one(Canned {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzzzz\r\nabc\r\n",
                           0,
                           "A",
                           {},
                           false,
                           false,
                           false})
            << K::Protocol << QStringLiteral("unexpected_response") << Extra::None;
        // Qt 6.4 has no header size limit: the request timeout bounds it.
        QTest::newRow("64 MiB header line")
            << one(hugeHeader) << K::Timeout << QStringLiteral("timeout") << Extra::None;
        QTest::newRow("header block never ends")
            << one(slowHeaders) << K::Timeout << QStringLiteral("timeout") << Extra::None;
        QTest::newRow("no answer at all")
            << one(silent) << K::Timeout << QStringLiteral("timeout") << Extra::None;
        QTest::newRow("redirect to another host")
            << one(Canned::http(307, "{}", "application/json", "Location: ELSEWHERE/steal\r\n"))
            << K::Protocol << QStringLiteral("http_307") << Extra::NoLeakToOtherHost;
        QTest::newRow("redirect to the same host")
            << one(Canned::http(302, "{}", "application/json", "Location: /elsewhere\r\n"))
            << K::Protocol << QStringLiteral("http_302") << Extra::None;
    }
    void rest()
    {
        QFETCH(QList<Canned>, answers);
        QFETCH(ChatError::Kind, kind);
        QFETCH(QString, code);
        QFETCH(Extra, extra);
        for (Canned &c : answers)
            c.bytes.replace("ELSEWHERE", elsewhere->baseUrl());
        server->on("/tickets/", answers);
        elsewhere->on("/", {Canned::http(200, ticketBody)});
        // Rows that must time out get a short request timeout; every other row
        // a long one, so that a loaded machine cannot turn its answer into a timeout.
        TransportOptions options = hostileOptions();
        options.requestTimeoutMs = kind == ChatError::Kind::Timeout ? 800 : 15000;
        client->setTransportOptions(options);
        QSignalSpy expired(client.get(), &ChatClient::sessionExpired);

        Job<Ticket> *job = client->tickets().get(QStringLiteral("tkt_1"));
        QSignalSpy finished(job, &ChatJob::finished);
        QSignalSpy retrying(job, &ChatJob::retrying);
        QVERIFY(finished.wait(60000));
        if (extra == Extra::FailsAtOnce) {
            // §3: not waited out (the call used to hang for the whole wait).
            QCOMPARE(job->error().kind(), ChatError::Kind::RateLimit);
            QVERIFY(job->error().retryAfter() > 120);
            QCOMPARE(retrying.count(), 0);
            QCOMPARE(server->count("/tickets/"), 1);
        }
        qInfo() << "result:" << job->error().kind() << job->error().code()
                << "requests:" << server->count("/tickets/")
                << "bytes generated:" << server->bytesGenerated();
        if (extra == Extra::NoLeakToOtherHost) {
            for (const SeenRequest &r : elsewhere->requests())
                QVERIFY2(!r.headers.value("authorization").contains("tok_hostile_secret"),
                         "the session token went to another host");
        }
        QCOMPARE(job->error().kind(), kind);
        if (!code.isEmpty())
            QCOMPARE(job->error().code(), code);
        if (kind == ChatError::Kind::None)
            QCOMPARE(job->result().id(), QStringLiteral("tkt_1"));
        if (job->error().isTransient() && job->error().kind() != ChatError::Kind::Timeout
            && extra != Extra::FailsAtOnce) {
            // Each attempt once — or twice: QNetworkAccessManager itself
            // resends once on a connection that closed before any answer.
            const int attempts = hostileOptions().maxRetries + 1;
            QVERIFY(server->count("/tickets/") >= attempts);
            QVERIFY(server->count("/tickets/") <= 2 * attempts);
        }
        // Bounded: what the server generated stays near the client's cap.
        QVERIFY2(server->bytesGenerated() < 64 * MaxResponseBytes + 64LL * 1024 * 1024,
                 qPrintable(QString::number(server->bytesGenerated())));
        switch (extra) {
        case Extra::SessionExpired:
            QCOMPARE(expired.count(), 1);
            QVERIFY(client->sessionToken().isEmpty());
            break;
        case Extra::NoLeakToOtherHost:
            for (const SeenRequest &r : elsewhere->requests())
                QVERIFY(!r.headers.value("authorization").contains("tok_hostile_secret"));
            break;
        default:
            break;
        }
    }

    // ---- Session tokens: never a header injection -----------------------------

    void hostileSessionToken_data()
    {
        QTest::addColumn<QByteArray>("token"); // as JSON string content
        QTest::newRow("CR/LF and a header") << QByteArray("tok\\r\\nX-Injected: yes");
        QTest::newRow("LF only") << QByteArray("tok\\nX-Injected: yes");
        QTest::newRow("4 MiB") << QByteArray(4 * 1024 * 1024, 'a');
        QTest::newRow("4 KiB + 1") << QByteArray(4097, 'a');
        QTest::newRow("space") << QByteArray("tok en");
        QTest::newRow("non-ASCII") << QByteArray("tok\\u00e9");
        QTest::newRow("NUL") << QByteArray("tok\\u0000X");
        QTest::newRow("empty") << QByteArray();
    }
    void hostileSessionToken()
    {
        QFETCH(QByteArray, token);
        client = std::make_unique<ChatClient>(QStringLiteral("acme"));
        client->setBaseUrl(QUrl(QString::fromLatin1(server->baseUrl())));
        TransportOptions options = hostileOptions();
        options.maxResponseBytes = 16 * 1024 * 1024; // the 4 MiB token must reach the check
        client->setTransportOptions(options);
        server->on("/sessions",
                   {Canned::http(201,
                                 envelope(R"({"token":")" + token
                                          + R"(","kind":"anonymous","customer":null})"))});
        server->on("/tickets", {Canned::http(201, ticketBody)});
        server->on(
            "/identify",
            {Canned::http(
                200,
                envelope(
                    R"({"token":")" + token
                    + R"(","kind":"identified","customer":{"id":"cus_1","externalId":"x"}})"))});

        // An anonymous session with that token is refused: the call fails
        // clearly and nothing is sent with it.
        Job<Ticket> *job = client->tickets().create(QStringLiteral("T"));
        QSignalSpy finished(job, &ChatJob::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(job->error().kind(), ChatError::Kind::Protocol);
        if (!token.isEmpty())
            QCOMPARE(job->error().code(), QStringLiteral("invalid_token"));
        QVERIFY(client->sessionToken().isEmpty());
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::None);
        QCOMPARE(server->count("/tickets"), 0);

        // identify answering such a token: refused too; the session stays.
        client->restoreSession(QStringLiteral("tok_good"), ChatClient::SessionKind::Anonymous);
        Job<Customer> *identify =
            client->identify(QByteArray(R"({"id":"x"})"), QStringLiteral("00"));
        QSignalSpy identified(identify, &ChatJob::finished);
        QVERIFY(identified.wait(20000));
        QCOMPARE(identify->error().kind(), ChatError::Kind::Protocol);
        QCOMPARE(client->sessionToken(), QStringLiteral("tok_good"));

        // Restoring such a token (a tampered store) gives no session either.
        client->restoreSession(
            QString::fromUtf8(token).replace(QStringLiteral("\\r\\n"), QStringLiteral("\r\n")),
            ChatClient::SessionKind::Anonymous);
        if (!token.isEmpty())
            QVERIFY(client->sessionToken().isEmpty());

        Job<Ticket> *after = client->tickets().get(QStringLiteral("tkt_1"));
        QSignalSpy afterDone(after, &ChatJob::finished);
        QVERIFY(afterDone.wait(20000));
        for (const SeenRequest &r : server->requests()) {
            QVERIFY2(!r.headers.contains("x-injected"), r.target.constData());
            QVERIFY(r.headers.value("authorization").size() < 5000);
        }
    }

    // ---- Realtime: GET /events, GET /events/poll ------------------------------

    void realtime_data()
    {
        QTest::addColumn<QList<Canned>>("events");
        QTest::addColumn<QList<Canned>>("polls");
        QTest::addColumn<QStringList>("delivered"); // message ids, in order
        QTest::addColumn<QString>("errorCode"); // must appear in errorOccurred
        QTest::addColumn<ConnectionState>("state"); // must be reached
        QTest::addColumn<Extra>("extra");

        using S = ConnectionState;
        auto one = [](const Canned &c) { return QList<Canned> {c}; };
        const QList<Canned> noPoll {Canned::http(200, pollAnswer({}, "0"))};
        const QList<Canned> pollTwo {
            Canned::http(200,
                         pollAnswer(pollItem("5", "msg_p1") + "," + pollItem("6", "msg_p2"), "6")),
            Canned::http(200, pollAnswer({}, "6"))};
        const QStringList two {QStringLiteral("msg_a"), QStringLiteral("msg_b")};
        const QByteArray good = created(101, "msg_a") + created(102, "msg_b");
        const Canned endless = [] {
            Canned c = Canned::stream("retry: 10\nid: 1\n\ndata: ");
            c.generate = 8 * 1024 * 1024;
            c.trailer = "\n\n" + created(5, "msg_after");
            return c;
        }();
        const Canned comments = [] {
            Canned c = Canned::stream("retry: 10\n\n");
            c.pattern = ": flood\n";
            c.generate = 4 * 1024 * 1024;
            c.trailer = created(7, "msg_after");
            return c;
        }();
        QByteArray many;
        QStringList manyIds;
        for (int i = 1; i <= 10000; ++i) {
            const QByteArray id = "m" + QByteArray::number(i);
            many += created(i, id);
            manyIds.append(QString::fromLatin1(id));
        }

        QTest::newRow("valid stream (control)") << one(Canned::stream(good)) << noPoll << two
                                                << QString() << S::Streaming << Extra::None;
        QTest::newRow("no stored cursor: one is taken first")
            << one(Canned::stream(created(99, "msg_old") + good))
            << QList<Canned> {Canned::http(200, pollAnswer({}, "100"))} << two << QString()
            << S::Streaming << Extra::CursorFirst;
        // The cursor's poll is bounded as every poll is: aborted past the cap
        // (it used to stall until the 30 s request timeout), then the stream
        // opens without a cursor, as with a server that cannot poll.
        QTest::newRow("no stored cursor: a 1 GiB cursor answer")
            << one(Canned::stream(created(99, "msg_old") + good)) << QList<Canned> {[] {
                   Canned c;
                   c.bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             "Content-Length: 1073741824\r\n\r\n{\"nextCursor\":\"";
                   c.generate = 1024LL * 1024 * 1024;
                   return c;
               }()}
            << QStringList {QStringLiteral("msg_old"), QStringLiteral("msg_a"),
                            QStringLiteral("msg_b")}
            << QString() << S::Streaming << Extra::NoCursorTaken;
        QTest::newRow("wrong content type → polling")
            << one(Canned::http(200, "data: x\n\n", "text/plain")) << pollTwo
            << QStringList {QStringLiteral("msg_p1"), QStringLiteral("msg_p2")} << QString()
            << S::Polling << Extra::None;
        QTest::newRow("404 → polling")
            << one(Canned::http(404, "{}")) << pollTwo
            << QStringList {QStringLiteral("msg_p1"), QStringLiteral("msg_p2")} << QString()
            << S::Polling << Extra::None;
        QTest::newRow("204 → polling")
            << one(Canned::http(204, {}, {})) << pollTwo
            << QStringList {QStringLiteral("msg_p1"), QStringLiteral("msg_p2")} << QString()
            << S::Polling << Extra::None;
        QTest::newRow("endless event (8 MiB data line)")
            << one(endless) << noPoll << QStringList {QStringLiteral("msg_after")}
            << QStringLiteral("event_too_large") << S::Streaming << Extra::None;
        QTest::newRow("4 MiB of comments")
            << one(comments) << noPoll << QStringList {QStringLiteral("msg_after")} << QString()
            << S::Streaming << Extra::None;
        QTest::newRow("bogus id") << one(
            Canned::stream(sse("abc", "message.created", message("msg_x")) + good))
                                  << noPoll << two << QStringLiteral("invalid_event_id")
                                  << S::Streaming << Extra::None;
        QTest::newRow("id above int64") << one(
            Canned::stream(sse("99999999999999999999", "message.created", message("msg_x")) + good))
                                        << noPoll << two << QStringLiteral("invalid_event_id")
                                        << S::Streaming << Extra::None;
        // Without an id line the event inherits the stream's last id (the
        // stored cursor): not above it, so dropped.
        QTest::newRow("message.created without id")
            << one(Canned::stream(sse(QByteArray(), "message.created", message("msg_x")) + good))
            << noPoll << two << QString() << S::Streaming << Extra::None;
        QTest::newRow("ids going backwards")
            << one(Canned::stream(created(10, "msg_a") + created(5, "msg_old")
                                  + created(10, "msg_same") + created(11, "msg_b")))
            << noPoll << two << QString() << S::Streaming << Extra::None;
        QTest::newRow("same message under two ids")
            << one(Canned::stream(created(1, "msg_a") + created(2, "msg_a") + created(3, "msg_b")))
            << noPoll << two << QString() << S::Streaming << Extra::None;
        QTest::newRow("unknown event types")
            << one(Canned::stream(sse("1", "ticket.deleted", "{}") + sse("2", "x", "[]")
                                  + sse("3", "message", "{}") + good))
            << noPoll << two << QString() << S::Streaming << Extra::None;
        QTest::newRow("malformed JSON in data")
            << one(Canned::stream(sse("1", "message.created", "{\"id\":") + good)) << noPoll << two
            << QStringLiteral("invalid_json") << S::Streaming << Extra::None;
        QTest::newRow("JSON array in data")
            << one(Canned::stream(sse("1", "message.created", "[1]") + good)) << noPoll << two
            << QStringLiteral("invalid_json") << S::Streaming << Extra::None;
        QTest::newRow("wrong types in a message") << one(
            Canned::stream(sse("1", "message.created", R"({"id":["x"],"content":{}})") + good))
                                                  << noPoll << two << QString() << S::Streaming
                                                  << Extra::None;
        QTest::newRow("internal note on a customer stream") << one(Canned::stream(
            sse("1", "message.created", message("msg_note", R"(,"isInternal":true)")) + good))
                                                            << noPoll << two << QString()
                                                            << S::Streaming << Extra::None;
        QTest::newRow("invalid UTF-8 and NUL in data")
            << one(Canned::stream(sse("1", "message.created", "{\"id\":\"\xff\xfe\"\0}")
                                  + sse("2", "message.created", message("msg_\xc0\xaf")) + good))
            << noPoll
            << QStringList {QStringLiteral("msg_\uFFFD\uFFFD"), QStringLiteral("msg_a"),
                            QStringLiteral("msg_b")}
            << QStringLiteral("invalid_json") << S::Streaming << Extra::None;
        QTest::newRow("CR-only line ends and a BOM")
            << one(Canned::stream("\xef\xbb\xbf" + QByteArray(good).replace('\n', '\r'))) << noPoll
            << two << QString() << S::Streaming << Extra::None;
        QTest::newRow("10,000 events in one write")
            << one(Canned::stream(many)) << noPoll << manyIds << QString() << S::Streaming
            << Extra::None;
        QTest::newRow("typing with a huge lease") << one(Canned::stream(sse(
            QByteArray(), "typing",
            R"({"ticketId":"tkt_1","sender":"agent","isTyping":true,"expiresInMs":2000000000})")))
                                                  << noPoll << QStringList() << QString()
                                                  << S::Streaming << Extra::TypingClamped;
        QTest::newRow("reset with garbage data")
            << one(Canned::stream(sse("50", "reset", "garbage") + created(51, "msg_a")
                                  + created(52, "msg_b")))
            << noPoll << two << QString() << S::Streaming << Extra::Resync;
        QTest::newRow("headers, then never a byte → polling")
            << one(Canned::stream({})) << pollTwo
            << QStringList {QStringLiteral("msg_p1"), QStringLiteral("msg_p2")} << QString()
            << S::Polling << Extra::None;
        QTest::newRow("silent after the first event → reconnect")
            << QList<Canned> {Canned::stream(created(101, "msg_a")),
                              Canned::stream(created(101, "msg_a") + created(102, "msg_b"))}
            << noPoll << two << QString() << S::Streaming << Extra::Reconnects;
        QTest::newRow("closes after every event, retry: 99999999999")
            << QList<Canned> {Canned::stream("retry: 99999999999\n\n" + created(101, "msg_a"),
                                             false),
                              Canned::stream(created(102, "msg_b"), false),
                              Canned::stream({}, true)}
            << noPoll << two << QString() << S::Streaming << Extra::Reconnects;
        QTest::newRow("401 on the stream")
            << one(Canned::http(401, errorBody("authentication_error", "session_expired")))
            << noPoll << QStringList() << QString() << S::Reconnecting << Extra::SessionExpired;
        QTest::newRow("poll: data is not an array")
            << one(Canned::http(404, "{}"))
            << QList<Canned> {Canned::http(200, R"({"success":true,"data":{"id":1}})"),
                              Canned::http(200, pollAnswer(pollItem("5", "msg_p1"), "5")),
                              Canned::http(200, pollAnswer({}, "5"))}
            << QStringList {QStringLiteral("msg_p1")} << QString() << S::Polling
            << Extra::PollsAgain;
        QTest::newRow("poll: ids backwards and repeated")
            << one(Canned::http(404, "{}"))
            << QList<Canned> {Canned::http(200,
                                           pollAnswer(pollItem("5", "msg_p1") + ","
                                                          + pollItem("3", "msg_old") + ","
                                                          + pollItem("5", "msg_p1") + ","
                                                          + pollItem("6", "msg_p2"),
                                                      "6")),
                              Canned::http(200, pollAnswer(pollItem("6", "msg_p2"), "2")),
                              Canned::http(200, pollAnswer({}, "6"))}
            << QStringList {QStringLiteral("msg_p1"), QStringLiteral("msg_p2")} << QString()
            << S::Polling << Extra::PollsAgain;
        QTest::newRow("poll: ids as huge numbers")
            << one(Canned::http(404, "{}"))
            << QList<Canned> {Canned::http(200,
                                           pollAnswer(pollItem("1e300", "msg_x") + ","
                                                          + pollItem("-1e300", "msg_y") + ","
                                                          + pollItem("5", "msg_p1"),
                                                      "1e300")),
                              Canned::http(200, pollAnswer(pollItem("6", "msg_p2"), "6")),
                              Canned::http(200, pollAnswer({}, "6"))}
            << QStringList {QStringLiteral("msg_p1"), QStringLiteral("msg_p2")}
            << QStringLiteral("invalid_event_id") << S::Polling << Extra::PollsAgain;
        QTest::newRow("poll: 429 storm, then answers")
            << one(Canned::http(404, "{}"))
            << QList<Canned> {Canned::http(429, "{}", "application/json", "Retry-After: 0\r\n"),
                              Canned::http(429, "{}", "application/json", "Retry-After: 0\r\n"),
                              Canned::http(429, "{}", "application/json", "Retry-After: 0\r\n"),
                              Canned::http(200, pollAnswer(pollItem("5", "msg_p1"), "5")),
                              Canned::http(200, pollAnswer({}, "5"))}
            << QStringList {QStringLiteral("msg_p1")} << QString() << S::Polling
            << Extra::PollsAgain;
        QTest::newRow("poll: 1 GiB answer")
            << one(Canned::http(404, "{}"))
            << QList<Canned> {[] {
                                  Canned c;
                                  c.bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                            "Content-Length: 1073741824\r\n\r\n{\"data\":[";
                                  c.generate = 1024LL * 1024 * 1024;
                                  return c;
                              }(),
                              Canned::http(200, pollAnswer(pollItem("5", "msg_p1"), "5")),
                              Canned::http(200, pollAnswer({}, "5"))}
            << QStringList {QStringLiteral("msg_p1")} << QString() << S::Polling
            << Extra::PollsAgain;
    }
    void realtime()
    {
        QFETCH(QList<Canned>, events);
        QFETCH(QList<Canned>, polls);
        QFETCH(QStringList, delivered);
        QFETCH(QString, errorCode);
        QFETCH(ConnectionState, state);
        QFETCH(Extra, extra);
        server->on("/events/poll", polls);
        server->on("/events", events);
        // The rows start with a stored cursor (else the first poll would be the
        // cursor poll of §9), except the row about that poll.
        if (extra != Extra::CursorFirst && extra != Extra::NoCursorTaken)
            client->setLastEventId(QStringLiteral("0"));

        QStringList received;
        QStringList errors;
        QList<TypingEvent> typing;
        QList<ConnectionState> states;
        connect(client.get(), &ChatClient::errorOccurred, this,
                [&](const ChatError &e) { errors.append(e.code()); });
        connect(client.get(), &ChatClient::connectionStateChanged, this,
                [&] { states.append(client->connectionState()); });
        QSignalSpy expired(client.get(), &ChatClient::sessionExpired);
        QSignalSpy resync(client.get(), &ChatClient::resyncRequired);
        Subscription messages =
            client->onMessage(QString(), [&](const Message &m) { received.append(m.id()); });
        Subscription typed =
            client->onTyping(QString(), [&](const TypingEvent &e) { typing.append(e); });

        QTRY_VERIFY_WITH_TIMEOUT(states.contains(state), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), delivered.size(), 30000);
        QCOMPARE(received, delivered);
        if (!errorCode.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(errors.contains(errorCode), 10000);
        switch (extra) {
        case Extra::SessionExpired:
            QTRY_COMPARE_WITH_TIMEOUT(expired.count(), 1, 10000);
            break;
        case Extra::Resync:
            QTRY_VERIFY_WITH_TIMEOUT(resync.count() >= 1, 10000);
            break;
        case Extra::TypingClamped:
            QTRY_COMPARE_WITH_TIMEOUT(typing.size(), 1, 10000);
            QCOMPARE(typing.first().expiresInMs, 600000);
            break;
        case Extra::Reconnects: {
            QTRY_VERIFY_WITH_TIMEOUT(server->count("/events") - server->count("/events/poll") >= 2,
                                     10000);
            // Every reconnect resumes after the last id delivered.
            const QList<SeenRequest> seen = server->requests();
            QByteArrayList lastIds;
            for (const SeenRequest &r : seen) {
                if (r.target.endsWith("/events"))
                    lastIds.append(r.headers.value("last-event-id"));
            }
            QVERIFY2(lastIds.size() >= 2 && lastIds.at(1) == "101", lastIds.join(',').constData());
            break;
        }
        case Extra::PollsAgain:
            QTRY_VERIFY_WITH_TIMEOUT(server->count("/events/poll") >= 3, 10000);
            break;
        case Extra::CursorFirst: {
            const QList<SeenRequest> seen = server->requests();
            QVERIFY(seen.size() >= 2);
            QVERIFY2(seen.at(0).target.contains("/events/poll")
                         && !seen.at(0).target.contains("after="),
                     seen.at(0).target.constData());
            QVERIFY(seen.at(1).target.endsWith("/events"));
            QCOMPARE(seen.at(1).headers.value("last-event-id"), QByteArray("100"));
            QCOMPARE(client->lastEventId(), QStringLiteral("102"));
            break;
        }
        case Extra::NoCursorTaken: {
            const QList<SeenRequest> seen = server->requests();
            QVERIFY(seen.size() >= 2);
            QVERIFY(seen.at(0).target.contains("/events/poll"));
            QVERIFY(seen.at(1).target.endsWith("/events"));
            QVERIFY(seen.at(1).headers.value("last-event-id").isEmpty());
            break;
        }
        default:
            break;
        }
        // Nothing arrives twice later on.
        QCOMPARE(received, delivered);
    }
};

QTEST_GUILESS_MAIN(TestClientHostileInputs)
#include "tst_clienthostileinputs.moc"
