// SPDX-License-Identifier: MIT
// The event stream and polling over real HTTP (shared/protocol.md §8, §7,
// §10; protocol-notes "Cursor before the first event", "Reset", "Typing").
#include "devservertest.h"

using namespace DevServerTest;
using CStar::Testing::SseEvent;

class TestDevServerEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void streamHeadersAndCursorLine();
    void pings();
    void liveEventsForTheCustomerOnly();
    void replayAfterLastEventId();
    void longReplayIsPagedInOrder();
    void resetForUnknownIds();
    void resetAfterRetention();
    void pollWithoutAfterStartsFromNow();
    void pollValidation();
    void pollMatchesStream();
    void typingBothDirections();
    void typingLeaseExpires();
    void internalNotesNeverReachCustomers();
    void streamRequiresAuthentication();

private:
    HttpResult poll(const QString &token, const QString &query)
    {
        return m_http->chat("GET", u"/events/poll"_s + query, {}, token);
    }
    static QList<qint64> pollIds(const HttpResult &r)
    {
        QList<qint64> ids;
        for (const QJsonValue &item : r.dataArray())
            ids.append(item.toObject().value(u"id"_s).toInteger());
        return ids;
    }

    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
};

void TestDevServerEvents::initTestCase()
{
    START_SERVER(m_server,
                 withArgs({u"--ping-interval-ms"_s, u"100"_s, u"--typing-lease-ms"_s, u"1500"_s}));
    m_http = std::make_unique<TestHttp>(m_server);
}

void TestDevServerEvents::streamHeadersAndCursorLine()
{
    const QString token = m_http->createSession();
    createTicket(*m_http, token, u"makes events"_s, u"so latest > 0"_s);
    const qint64 latest = latestEventId(*m_http);
    QVERIFY(latest >= 2);

    SseReader stream;
    stream.open(eventsUrl(m_server), token);
    QVERIFY(stream.waitForBlocks(1));
    QCOMPARE(stream.status(), 200);
    QCOMPARE(stream.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(stream.header("cache-control"), QByteArray("no-cache"));
    QCOMPARE(stream.header("x-accel-buffering"), QByteArray("no"));
    QVERIFY(stream.header("x-request-id").startsWith("req_"));
    // `retry:` first, then an id-only block: a cursor without an event.
    QVERIFY2(stream.rawBody().startsWith(
                 QByteArray("retry: 3000\nid: " + QByteArray::number(latest) + "\n\n")),
             stream.rawBody().constData());
    QCOMPARE(stream.retryMs(), 3000);
    QCOMPARE(stream.lastEventId(), QByteArray::number(latest));
    QVERIFY(stream.events().isEmpty());
}

void TestDevServerEvents::pings()
{
    SseReader stream;
    stream.open(eventsUrl(m_server), m_http->createSession());
    QVERIFY(stream.waitForComments(2));
    QCOMPARE(stream.comments().constFirst(), QByteArray("ping"));
    QVERIFY(stream.rawBody().contains("\n: ping\n\n"));
}

void TestDevServerEvents::liveEventsForTheCustomerOnly()
{
    const QString a1 = identifyAs(*m_http, m_server, u"live-a"_s, u"Ann"_s);
    const QString a2 = identifyAs(*m_http, m_server, u"live-a"_s); // Ann's second device
    const QString b = identifyAs(*m_http, m_server, u"live-b"_s);
    SseReader s1, s2, sb, agent;
    s1.open(eventsUrl(m_server), a1);
    s2.open(eventsUrl(m_server), a2);
    sb.open(eventsUrl(m_server), b);
    agent.open(agentEventsUrl(m_server), m_server.agentKey());
    for (SseReader *s : {&s1, &s2, &sb, &agent})
        QVERIFY(s->waitForBlocks(1));

    const HttpResult created = m_http->chat("POST", u"/tickets"_s, {{u"title"_s, u"Live"_s}}, a1);
    QCOMPARE(created.status, 201);
    const QString ticket = created.data().value(u"id"_s).toString();
    QCOMPARE(
        m_http->agent("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"Hi Ann"_s}})
            .status,
        201);
    // ticket.created (also on the creator's own stream), message.created, ticket.updated (→ open).
    for (SseReader *s : {&s1, &s2, &agent}) {
        QVERIFY(s->waitForEvents(3));
        const QList<SseEvent> events = s->events();
        QCOMPARE(events.at(0).event, QByteArray("ticket.created"));
        QCOMPARE(events.at(0).json(), created.data());
        QCOMPARE(events.at(1).event, QByteArray("message.created"));
        QCOMPARE(events.at(1).json().value(u"content"_s).toString(), u"Hi Ann"_s);
        QCOMPARE(events.at(1).json().value(u"sender"_s).toString(), u"agent"_s);
        QCOMPARE(events.at(2).event, QByteArray("ticket.updated"));
        QCOMPARE(events.at(2).json().value(u"status"_s).toString(), u"open"_s);
        const QList<qint64> ids = eventIds(events);
        QVERIFY(ids.at(0) < ids.at(1) && ids.at(1) < ids.at(2));
    }
    QCOMPARE(eventIds(s1.events()), eventIds(agent.events()));

    // Bob saw none of it: his first event is his own ticket.
    const QString bobs = createTicket(*m_http, b, u"Bob's"_s).value(u"id"_s).toString();
    QVERIFY(sb.waitForEvents(1));
    QCOMPARE(sb.events().constFirst().json().value(u"id"_s).toString(), bobs);
    QVERIFY(!sb.rawBody().contains(ticket.toLatin1()));

    // A customer message with its clientMessageId reaches the agents and the other device.
    QCOMPARE(m_http
                 ->chat("POST", u"/tickets/%1/messages"_s.arg(ticket),
                        {{u"content"_s, u"thanks"_s}, {u"clientMessageId"_s, u"cm-1"_s}}, a2)
                 .status,
             201);
    for (SseReader *s : {&s1, &s2}) {
        QVERIFY(s->waitForEvents(4));
        QCOMPARE(s->events().at(3).json().value(u"clientMessageId"_s).toString(), u"cm-1"_s);
        QCOMPARE(s->events().at(3).json().value(u"senderName"_s).toString(), u"Ann"_s);
    }
    QVERIFY(agent.waitForEvents(5)); // + Bob's ticket.created
    QCOMPARE(agent.events().constLast().json().value(u"clientMessageId"_s).toString(), u"cm-1"_s);
}

void TestDevServerEvents::replayAfterLastEventId()
{
    const QString token = m_http->createSession();
    const QString ticket =
        createTicket(*m_http, token, u"Replay"_s, u"one"_s).value(u"id"_s).toString();
    for (int i = 0; i < 3; ++i)
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket),
                     {{u"content"_s, u"m%1"_s.arg(i)}}, token);
    const QList<qint64> all = pollIds(poll(token, u"?after=0"_s));
    QCOMPARE(all.size(), 5);

    SseReader stream;
    stream.open(eventsUrl(m_server), token, QByteArray::number(all.at(1)));
    QVERIFY(stream.waitForEvents(3));
    QCOMPARE(eventIds(stream.events()), all.mid(2));
    QVERIFY(
        !stream.rawBody().contains(QByteArray("\nid: " + QByteArray::number(all.at(1)) + "\n")));
    // …then live, without repeating anything.
    m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"live"_s}}, token);
    QVERIFY(stream.waitForEvents(4));
    const QList<qint64> ids = eventIds(stream.events());
    QCOMPARE(ids.mid(0, 3), all.mid(2));
    QVERIFY(ids.at(3) > all.constLast());
    QCOMPARE(stream.events().at(3).json().value(u"content"_s).toString(), u"live"_s);
}

void TestDevServerEvents::longReplayIsPagedInOrder()
{
    // A replay is pulled from the log a page at a time; events that happen
    // meanwhile follow it: every id once, in order, none missing.
    const QString token = m_http->createSession();
    const QString ticket =
        createTicket(*m_http, token, u"Long replay"_s, u"first"_s).value(u"id"_s).toString();
    const QList<qint64> before = pollIds(poll(token, u"?after=0&limit=1"_s));
    QCOMPARE(before.size(), 1);
    const qint64 from = before.constFirst() - 1; // just before this customer's first event
    for (int i = 0; i < 150; ++i)
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket),
                     {{u"content"_s, QString(u"m%1 "_s.arg(i) + QString(500, u'r'))}}, token);
    SseReader stream;
    stream.open(eventsUrl(m_server), token, QByteArray::number(from));
    QVERIFY(stream.waitForHeaders());
    for (int i = 0; i < 5; ++i) // live, while the replay may still run
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket),
                     {{u"content"_s, u"live%1"_s.arg(i)}}, token);
    QList<qint64> expected;
    QString cursor = QString::number(from);
    for (;;) {
        const HttpResult page = poll(token, u"?after=%1&limit=100"_s.arg(cursor));
        expected += pollIds(page);
        if (!page.json.object().value(u"hasMore"_s).toBool())
            break;
        cursor = QString::number(expected.constLast());
    }
    QCOMPARE(expected.size(), 2 + 150 + 5);
    QVERIFY(stream.waitForEvents(int(expected.size()), 20000));
    QList<qint64> got;
    for (const SseEvent &e : stream.events())
        got.append(e.id.toLongLong());
    QCOMPARE(got, expected);
}

void TestDevServerEvents::resetForUnknownIds()
{
    const QString token = m_http->createSession();
    const qint64 latest = latestEventId(*m_http);
    for (const QByteArray &lastId :
         {QByteArray::number(latest + 1000), QByteArray("not-a-number")}) {
        SseReader stream;
        stream.open(eventsUrl(m_server), token, lastId);
        QVERIFY(stream.waitForEvents(1));
        const SseEvent reset = stream.events().constFirst();
        QCOMPARE(reset.event, QByteArray("reset"));
        QCOMPARE(reset.id, QByteArray::number(latest)); // the cursor moves with it
        QCOMPARE(reset.json().value(u"reason"_s).toString(), u"unknown"_s);
        QCOMPARE(reset.json().value(u"lastEventId"_s).toInteger(), latest);
    }
    // Poll: the same reset as an item.
    const HttpResult r = poll(token, u"?after=%1"_s.arg(latest + 1000));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.dataArray().size(), 1);
    const QJsonObject item = r.dataArray().at(0).toObject();
    QCOMPARE(item.value(u"type"_s).toString(), u"reset"_s);
    QCOMPARE(item.value(u"id"_s).toInteger(), latest);
    QCOMPARE(item.value(u"data"_s).toObject().value(u"reason"_s).toString(), u"unknown"_s);
    QCOMPARE(r.json.object().value(u"nextCursor"_s).toInteger(), latest);

    // After a reset the stream is live.
    SseReader stream;
    stream.open(eventsUrl(m_server), token, QByteArray::number(latest + 5));
    QVERIFY(stream.waitForEvents(1));
    createTicket(*m_http, token, u"after reset"_s);
    QVERIFY(stream.waitForEvents(2));
    QCOMPARE(stream.events().at(1).event, QByteArray("ticket.created"));
}

void TestDevServerEvents::resetAfterRetention()
{
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--event-retention"_s, u"5"_s}));
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"Old"_s).value(u"id"_s).toString();
    for (int i = 0; i < 9; ++i)
        http.chat("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"m%1"_s.arg(i)}},
                  token);
    const qint64 latest = latestEventId(http);
    QCOMPARE(latest, 10);

    // Ids latest-4 … latest are kept: resuming from latest-5 loses nothing.
    SseReader ok;
    ok.open(eventsUrl(server), token, QByteArray::number(latest - 5));
    QVERIFY(ok.waitForEvents(5));
    QCOMPARE(eventIds(ok.events()), (QList<qint64> {6, 7, 8, 9, 10}));

    for (const qint64 old : {qint64(1), latest - 6}) {
        SseReader stream;
        stream.open(eventsUrl(server), token, QByteArray::number(old));
        QVERIFY(stream.waitForEvents(1));
        const SseEvent reset = stream.events().constFirst();
        QCOMPARE(reset.event, QByteArray("reset"));
        QCOMPARE(reset.json().value(u"reason"_s).toString(), u"retention"_s);
        QCOMPARE(reset.json().value(u"lastEventId"_s).toInteger(), latest);
        QCOMPARE(reset.id, QByteArray::number(latest));
    }
    const HttpResult r = http.chat("GET", u"/events/poll?after=1"_s, {}, token);
    QCOMPARE(r.dataArray().at(0).toObject().value(u"type"_s).toString(), u"reset"_s);
    QCOMPARE(
        r.dataArray().at(0).toObject().value(u"data"_s).toObject().value(u"reason"_s).toString(),
        u"retention"_s);
}

void TestDevServerEvents::pollWithoutAfterStartsFromNow()
{
    const QString token = m_http->createSession();
    createTicket(*m_http, token, u"before"_s);
    const HttpResult r = poll(token, QString());
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json.object();
    QVERIFY(o.value(u"success"_s).toBool());
    QCOMPARE(r.dataArray().size(), 0);
    QCOMPARE(o.value(u"hasMore"_s).toBool(), false);
    QVERIFY(o.value(u"nextCursor"_s).isDouble()); // an integer, not a string
    QCOMPARE(o.value(u"nextCursor"_s).toInteger(), latestEventId(*m_http));
    QVERIFY(o.value(u"typing"_s).isArray());
    QVERIFY(o.value(u"meta"_s).toObject().contains(u"requestId"_s));
}

void TestDevServerEvents::pollValidation()
{
    const QString token = m_http->createSession();
    for (const QString &query : {u"?after=x"_s, u"?after=-1"_s}) {
        const HttpResult r = poll(token, query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error().value(u"param"_s).toString(), u"after"_s);
    }
    for (const QString &query : {u"?after=0&limit=0"_s, u"?after=0&limit=101"_s}) {
        const HttpResult r = poll(token, query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error().value(u"param"_s).toString(), u"limit"_s);
    }
}

void TestDevServerEvents::pollMatchesStream()
{
    const QString token = identifyAs(*m_http, m_server, u"poller"_s);
    const qint64 start = latestEventId(*m_http);
    const QString ticket =
        createTicket(*m_http, token, u"Poll"_s, u"a"_s).value(u"id"_s).toString();
    const QString otherCustomer = m_http->createSession();
    createTicket(*m_http, otherCustomer, u"noise"_s); // a gap for our poller
    m_http->agent("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"b"_s}});
    m_http->agent("POST", u"/tickets/%1/messages"_s.arg(ticket),
                  {{u"content"_s, u"note"_s}, {u"isInternal"_s, true}});
    m_http->chat("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"c"_s}}, token);

    // Customer: pages of 2 from the same cursor give the stream's ids and order.
    QList<qint64> polled;
    QList<QByteArray> polledTypes;
    qint64 cursor = start;
    for (int guard = 0; guard < 10; ++guard) {
        const HttpResult r = poll(token, u"?after=%1&limit=2"_s.arg(cursor));
        QCOMPARE(r.status, 200);
        for (const QJsonValue &item : r.dataArray()) {
            polled.append(item.toObject().value(u"id"_s).toInteger());
            polledTypes.append(item.toObject().value(u"type"_s).toString().toLatin1());
        }
        cursor = r.json.object().value(u"nextCursor"_s).toInteger();
        if (!r.json.object().value(u"hasMore"_s).toBool())
            break;
    }
    SseReader stream;
    stream.open(eventsUrl(m_server), token, QByteArray::number(start));
    QVERIFY(stream.waitForEvents(int(polled.size())));
    QCOMPARE(eventIds(stream.events()), polled);
    QList<QByteArray> streamTypes;
    for (const SseEvent &e : stream.events())
        streamTypes.append(e.event);
    QCOMPARE(streamTypes, polledTypes);
    // ticket.created, message.created (a), message.created (b), ticket.updated, message.created (c)
    QCOMPARE(polled.size(), 5);
    QCOMPARE(cursor, latestEventId(*m_http));

    // Agent: everything, internal note and the other customer included.
    SseReader agentStream;
    agentStream.open(agentEventsUrl(m_server), m_server.agentKey(), QByteArray::number(start));
    const HttpResult agentPoll = m_http->agent("GET", u"/events/poll?after=%1"_s.arg(start));
    const QList<qint64> agentIds = pollIds(agentPoll);
    QCOMPARE(agentIds.size(), 7);
    QVERIFY(agentStream.waitForEvents(7));
    QCOMPARE(eventIds(agentStream.events()), agentIds);
}

void TestDevServerEvents::typingBothDirections()
{
    const QString s1 = identifyAs(*m_http, m_server, u"typist"_s, u"Tia"_s);
    const QString s2 = identifyAs(*m_http, m_server, u"typist"_s);
    const QString ticket = createTicket(*m_http, s1, u"Typing"_s).value(u"id"_s).toString();
    SseReader r1, r2, agent;
    r1.open(eventsUrl(m_server), s1);
    r2.open(eventsUrl(m_server), s2);
    agent.open(agentEventsUrl(m_server), m_server.agentKey());
    for (SseReader *s : {&r1, &r2, &agent})
        QVERIFY(s->waitForBlocks(1));

    const QString path = u"/tickets/%1/typing"_s.arg(ticket);
    QCOMPARE(m_http->chat("POST", path, {{u"isTyping"_s, true}}, s1).status, 204);
    for (SseReader *s : {&r2, &agent}) {
        QVERIFY(s->waitForEvents(1));
        const SseEvent e = s->events(QByteArray("typing")).constFirst();
        QVERIFY(!e.hasId); // never stored, never replayed
        const QJsonObject data = e.json();
        QCOMPARE(data.value(u"ticketId"_s).toString(), ticket);
        QCOMPARE(data.value(u"sender"_s).toString(), u"customer"_s);
        QCOMPARE(data.value(u"senderName"_s).toString(), u"Tia"_s);
        QCOMPARE(data.value(u"isTyping"_s).toBool(), true);
        QCOMPARE(data.value(u"expiresInMs"_s).toInt(), 1500);
    }
    // Agent → customer (both sessions); the sender's own typing never came back to r1.
    QCOMPARE(
        m_http->agent("POST", path, {{u"isTyping"_s, true}, {u"senderName"_s, u"Sam"_s}}).status,
        204);
    for (SseReader *s : {&r1, &r2}) {
        QVERIFY(s->waitForEvents(s == &r1 ? 1 : 2));
        const QJsonObject data = s->events(QByteArray("typing")).constLast().json();
        QCOMPARE(data.value(u"sender"_s).toString(), u"agent"_s);
        QCOMPARE(data.value(u"senderName"_s).toString(), u"Sam"_s);
    }
    QCOMPARE(r1.events(QByteArray("typing")).size(), 1);

    // Poll `typing`: active leases, not one's own.
    auto typingOf = [](const HttpResult &r) {
        return r.json.object().value(u"typing"_s).toArray();
    };
    QJsonArray t = typingOf(poll(s1, QString()));
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.at(0).toObject().value(u"sender"_s).toString(), u"agent"_s);
    QVERIFY(t.at(0).toObject().value(u"expiresInMs"_s).toInt() > 0);
    t = typingOf(poll(s2, QString()));
    QCOMPARE(t.size(), 2);
    t = typingOf(m_http->agent("GET", u"/events/poll"_s));
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.at(0).toObject().value(u"sender"_s).toString(), u"customer"_s);
    // Another customer sees none of it.
    QCOMPARE(typingOf(poll(m_http->createSession(), QString())).size(), 0);

    QCOMPARE(m_http->chat("POST", path, {{u"isTyping"_s, false}}, s1).status, 204);
    QVERIFY(agent.waitForEvents(2));
    QCOMPARE(agent.events().constLast().json().value(u"isTyping"_s).toBool(), false);
    QCOMPARE(typingOf(m_http->agent("GET", u"/events/poll"_s)).size(), 0);
}

void TestDevServerEvents::typingLeaseExpires()
{
    const QString token = m_http->createSession();
    const QString ticket = createTicket(*m_http, token, u"Lease"_s).value(u"id"_s).toString();
    QCOMPARE(
        m_http->chat("POST", u"/tickets/%1/typing"_s.arg(ticket), {{u"isTyping"_s, true}}, token)
            .status,
        204);
    auto leases = [&] {
        int n = 0;
        for (const QJsonValue &v :
             m_http->agent("GET", u"/events/poll"_s).json.object().value(u"typing"_s).toArray())
            n += v.toObject().value(u"ticketId"_s).toString() == ticket ? 1 : 0;
        return n;
    };
    QCOMPARE(leases(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(leases(), 0, 5000); // 1.5 s lease on this server
}

void TestDevServerEvents::internalNotesNeverReachCustomers()
{
    const QString token = m_http->createSession();
    const QString ticket = createTicket(*m_http, token, u"Notes"_s).value(u"id"_s).toString();
    const qint64 start = latestEventId(*m_http);
    SseReader customer, agent;
    customer.open(eventsUrl(m_server), token);
    agent.open(agentEventsUrl(m_server), m_server.agentKey());
    QVERIFY(customer.waitForBlocks(1));
    QVERIFY(agent.waitForBlocks(1));

    m_http->agent("POST", u"/tickets/%1/messages"_s.arg(ticket),
                  {{u"content"_s, u"secret note"_s}, {u"isInternal"_s, true}});
    m_http->agent("POST", u"/tickets/%1/messages"_s.arg(ticket), {{u"content"_s, u"public"_s}});

    QVERIFY(agent.waitForEvents(3));
    QCOMPARE(agent.events().at(0).json().value(u"isInternal"_s).toBool(), true);
    QVERIFY(customer.waitForEvents(2)); // message.created (public) + ticket.updated (open)
    QCOMPARE(customer.events().at(0).json().value(u"content"_s).toString(), u"public"_s);
    QVERIFY(!customer.rawBody().contains("secret note"));
    const HttpResult polled = poll(token, u"?after=%1"_s.arg(start));
    QVERIFY(!polled.body.contains("secret note"));
    QCOMPARE(pollIds(polled), eventIds(customer.events()));
    // Replays too.
    SseReader replay;
    replay.open(eventsUrl(m_server), token, QByteArray::number(start));
    QVERIFY(replay.waitForEvents(2));
    QVERIFY(!replay.rawBody().contains("secret note"));
}

void TestDevServerEvents::streamRequiresAuthentication()
{
    SseReader stream;
    stream.open(eventsUrl(m_server));
    QVERIFY(stream.waitForFinished());
    QCOMPARE(stream.status(), 401);
    SseReader pk;
    pk.open(agentEventsUrl(m_server), m_server.publishableKey()); // public: no customer data (§10)
    QVERIFY(pk.waitForFinished());
    QCOMPARE(pk.status(), 403);
    SseReader wrong;
    wrong.open(agentEventsUrl(m_server), u"sk_wrong"_s);
    QVERIFY(wrong.waitForFinished());
    QCOMPARE(wrong.status(), 401);
}

QTEST_GUILESS_MAIN(TestDevServerEvents)
#include "tst_devserver_events.moc"
