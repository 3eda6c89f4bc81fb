// SPDX-License-Identifier: MIT
// Messages, typing and body validation over real HTTP (shared/protocol.md §6,
// §7, §2, §3; protocol-notes "Message paging", "Idempotency", "Bodies").
#include "devservertest.h"

using namespace DevServerTest;

class TestDevServerMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void postMessage();
    void senderNames();
    void clientMessageIdDeduplicates();
    void contentValidation_data();
    void contentValidation();
    void invalidUtf8Body_data();
    void invalidUtf8Body();
    void invalidJsonBodies_data();
    void invalidJsonBodies();
    void bodyTooLarge();
    void historyPaging();
    void pagingParameters_data();
    void pagingParameters();
    void internalNotesHiddenFromCustomers();
    void idempotentReplay();
    void idempotencyKeysAreScopedToTheCaller();
    void typing();

private:
    HttpResult post(const QString &content, const QString &clientId = {})
    {
        QJsonObject body {{u"content"_s, content}};
        if (!clientId.isEmpty())
            body.insert(u"clientMessageId"_s, clientId);
        return m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket), body, m_token);
    }
    QString messagesPath() const
    {
        return u"/api/v1/chat/acme/tickets/%1/messages"_s.arg(m_ticket);
    }
    HeaderPairs auth() const { return {{"Authorization", "Bearer " + m_token.toUtf8()}}; }

    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_token;
    QString m_ticket;
};

void TestDevServerMessages::initTestCase()
{
    START_SERVER(m_server, {});
    m_http = std::make_unique<TestHttp>(m_server);
}

void TestDevServerMessages::init()
{
    m_token = m_http->createSession();
    m_ticket = createTicket(*m_http, m_token, u"Messages"_s).value(u"id"_s).toString();
    QVERIFY(!m_ticket.isEmpty());
}

void TestDevServerMessages::postMessage()
{
    const HttpResult r = post(u"  Hello there \n"_s, u"local-1"_s);
    QCOMPARE(r.status, 201);
    const QJsonObject m = r.data();
    QVERIFY(m.value(u"id"_s).toString().startsWith("msg_"_L1));
    QCOMPARE(m.value(u"ticketId"_s).toString(), m_ticket);
    QCOMPARE(m.value(u"content"_s).toString(), u"Hello there"_s);
    QCOMPARE(m.value(u"sender"_s).toString(), u"customer"_s);
    QCOMPARE(m.value(u"senderName"_s).toString(), u"Guest"_s);
    QCOMPARE(m.value(u"clientMessageId"_s).toString(), u"local-1"_s);
    QVERIFY(isoTime(m.value(u"createdAt"_s)).isValid());
    QVERIFY(!m.contains(u"isInternal"_s));

    const QJsonObject ticket = m_http->chat("GET", u"/tickets/"_s + m_ticket, {}, m_token).data();
    QCOMPARE(ticket.value(u"messageCount"_s).toInt(), 1);
    QCOMPARE(ticket.value(u"lastMessage"_s).toObject().value(u"id"_s), m.value(u"id"_s));
    QCOMPARE(ticket.value(u"updatedAt"_s), m.value(u"createdAt"_s));
}

void TestDevServerMessages::senderNames()
{
    // protocol-notes "Senders": name, else email, else "Guest".
    const QString named = m_http->identify(
        m_server.chatSecret(),
        {{u"id"_s, u"n1"_s}, {u"name"_s, u"Nina"_s}, {u"email"_s, u"nina@example.com"_s}});
    const QString mailed = m_http->identify(
        m_server.chatSecret(), {{u"id"_s, u"n2"_s}, {u"email"_s, u"max@example.com"_s}});
    for (const auto &[token, expected] :
         {std::pair {named, u"Nina"_s}, std::pair {mailed, u"max@example.com"_s}}) {
        const QString ticket =
            createTicket(*m_http, token, u"names"_s, u"first"_s).value(u"id"_s).toString();
        const HttpResult list =
            m_http->chat("GET", u"/tickets/%1/messages"_s.arg(ticket), {}, token);
        QCOMPARE(list.dataArray().at(0).toObject().value(u"senderName"_s).toString(), expected);
    }
}

void TestDevServerMessages::clientMessageIdDeduplicates()
{
    const HttpResult first = post(u"only once"_s, u"c-42"_s);
    QCOMPARE(first.status, 201);
    const HttpResult again = post(u"only once"_s, u"c-42"_s);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.data(), first.data());
    // Even with other content, the id wins: it is the same message.
    QCOMPARE(post(u"edited"_s, u"c-42"_s).data().value(u"id"_s), first.data().value(u"id"_s));
    QCOMPARE(post(u"other"_s, u"c-43"_s).status, 201);

    const HttpResult list =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(m_ticket), {}, m_token);
    QCOMPARE(list.dataArray().size(), 2);
    // Scoped to the ticket: the same client id elsewhere is a new message.
    const QString other = createTicket(*m_http, m_token, u"Other"_s).value(u"id"_s).toString();
    QCOMPARE(m_http
                 ->chat("POST", u"/tickets/%1/messages"_s.arg(other),
                        {{u"content"_s, u"x"_s}, {u"clientMessageId"_s, u"c-42"_s}}, m_token)
                 .status,
             201);
}

void TestDevServerMessages::contentValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");

    auto json = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    const QString emoji = u"🎉"_s;
    QTest::newRow("missing") << json({}) << 400 << u"parameter_missing"_s << u"content"_s;
    QTest::newRow("blank") << json({{u"content"_s, u" \n\t "_s}}) << 400 << u"parameter_invalid"_s
                           << u"content"_s;
    QTest::newRow("wrong type") << json({{u"content"_s, true}}) << 400 << u"parameter_invalid"_s
                                << u"content"_s;
    QTest::newRow("10000 chars") << json({{u"content"_s, QString(10000, u'a')}}) << 201 << QString()
                                 << QString();
    QTest::newRow("10001 chars") << json({{u"content"_s, QString(10001, u'a')}}) << 400
                                 << u"parameter_invalid"_s << u"content"_s;
    QTest::newRow("10000 emoji") << json({{u"content"_s, emoji.repeated(10000)}}) << 201
                                 << QString() << QString();
    QTest::newRow("trimmed to 10000")
        << json({{u"content"_s, QString(u"  "_s + QString(10000, u'b') + u"  "_s)}}) << 201
        << QString() << QString();
    QTest::newRow("lone surrogate escape") << QByteArray(R"({"content":"bad \ud800 half"})") << 400
                                           << u"invalid_utf8"_s << u"content"_s;
    QTest::newRow("clientMessageId wrong type")
        << json({{u"content"_s, u"x"_s}, {u"clientMessageId"_s, 7}}) << 400
        << u"parameter_invalid"_s << u"clientMessageId"_s;
}

void TestDevServerMessages::contentValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, param);
    const HttpResult r = m_http->request("POST", messagesPath(), body, auth());
    QCOMPARE(r.status, status);
    if (status >= 400) {
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.error().value(u"param"_s).toString(), param);
    }
}

void TestDevServerMessages::invalidUtf8Body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("0xff") << QByteArray("{\"content\":\"a\xff\"}");
    QTest::newRow("overlong slash") << QByteArray("{\"content\":\"\xc0\xaf\"}");
    QTest::newRow("surrogate") << QByteArray("{\"content\":\"\xed\xa0\x80\"}");
    QTest::newRow("truncated") << QByteArray("{\"content\":\"\xe2\x82\"}");
    QTest::newRow("above U+10FFFF") << QByteArray("{\"content\":\"\xf4\x90\x80\x80\"}");
    QTest::newRow("bad byte outside strings") << QByteArray("{\"content\":\"ok\"}\x80");
}

void TestDevServerMessages::invalidUtf8Body()
{
    QFETCH(QByteArray, body);
    // Must be refused before JSON parsing (which would replace the bytes).
    const HttpResult r = m_http->request("POST", messagesPath(), body, auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"invalid_utf8"_s);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"invalid_request_error"_s);
    const HttpResult list =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(m_ticket), {}, m_token);
    QCOMPARE(list.dataArray().size(), 0);
}

void TestDevServerMessages::invalidJsonBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("{\"content\":");
    QTest::newRow("not json") << QByteArray("content=hello");
    QTest::newRow("array") << QByteArray("[{\"content\":\"x\"}]");
    QTest::newRow("trailing garbage") << QByteArray("{\"content\":\"x\"} {");
    QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']');
}

void TestDevServerMessages::invalidJsonBodies()
{
    QFETCH(QByteArray, body);
    const HttpResult r = m_http->request("POST", messagesPath(), body, auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"invalid_json"_s);
}

void TestDevServerMessages::bodyTooLarge()
{
    // Default limit: 64 KiB (protocol-notes "Bodies").
    const QByteArray big = "{\"content\":\"" + QByteArray(70000, 'x') + "\"}";
    const HttpResult r = m_http->request("POST", messagesPath(), big, auth());
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), u"body_too_large"_s);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"invalid_request_error"_s);
    const QByteArray fits = "{\"content\":\"" + QByteArray(9000, 'y') + "\"}";
    QCOMPARE(m_http->request("POST", messagesPath(), fits, auth()).status, 201);
}

void TestDevServerMessages::historyPaging()
{
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids.append(post(u"m%1"_s.arg(i)).data().value(u"id"_s).toString());
    auto page = [&](const QString &query) {
        return m_http->chat("GET", u"/tickets/%1/messages?%2"_s.arg(m_ticket, query), {}, m_token);
    };
    auto idsOf = [](const HttpResult &r) {
        QStringList result;
        for (const QJsonValue &m : r.dataArray())
            result.append(m.toObject().value(u"id"_s).toString());
        return result;
    };
    auto cursorOf = [](const HttpResult &r) {
        return r.json.object().value(u"pagination"_s).toObject().value(u"nextCursor"_s).toString();
    };
    auto hasMore = [](const HttpResult &r) { return r.json.object().value(u"hasMore"_s).toBool(); };

    // Newest 3, chronological; cursor = the oldest of the page.
    HttpResult r = page(u"limit=3"_s);
    QCOMPARE(idsOf(r), ids.mid(4, 3));
    QVERIFY(hasMore(r));
    QCOMPARE(cursorOf(r), ids.at(4));
    r = page(u"limit=3&before="_s + cursorOf(r));
    QCOMPARE(idsOf(r), ids.mid(1, 3));
    QVERIFY(hasMore(r));
    r = page(u"limit=3&before="_s + cursorOf(r));
    QCOMPARE(idsOf(r), ids.mid(0, 1));
    QVERIFY(!hasMore(r));

    // Forward: the oldest 3 newer than X; cursor = the newest of the page.
    r = page(u"limit=3&after="_s + ids.at(1));
    QCOMPARE(idsOf(r), ids.mid(2, 3));
    QVERIFY(hasMore(r));
    QCOMPARE(cursorOf(r), ids.at(4));
    r = page(u"limit=3&after="_s + cursorOf(r));
    QCOMPARE(idsOf(r), ids.mid(5, 2));
    QVERIFY(!hasMore(r));

    // Default: everything (≤ 50), chronological.
    r = page(QString());
    QCOMPARE(idsOf(r), ids);
    QVERIFY(!hasMore(r));
    QCOMPARE(r.json.object().value(u"pagination"_s).toObject().value(u"limit"_s).toInt(), 50);
}

void TestDevServerMessages::pagingParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("param");
    QTest::newRow("unknown before") << u"before=msg_nope"_s << u"before"_s;
    QTest::newRow("unknown after") << u"after=msg_nope"_s << u"after"_s;
    QTest::newRow("both") << u"before=a&after=b"_s << u"after"_s;
    QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
    QTest::newRow("limit 101") << u"limit=101"_s << u"limit"_s;
}

void TestDevServerMessages::pagingParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, param);
    const HttpResult r =
        m_http->chat("GET", u"/tickets/%1/messages?%2"_s.arg(m_ticket, query), {}, m_token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"parameter_invalid"_s);
    QCOMPARE(r.error().value(u"param"_s).toString(), param);
}

void TestDevServerMessages::internalNotesHiddenFromCustomers()
{
    QCOMPARE(post(u"customer"_s).status, 201);
    const HttpResult note =
        m_http->agent("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                      {{u"content"_s, u"VIP, be nice"_s}, {u"isInternal"_s, true}});
    QCOMPARE(note.status, 201);
    QCOMPARE(note.data().value(u"isInternal"_s).toBool(), true);
    const QString noteId = note.data().value(u"id"_s).toString();

    const HttpResult customerView =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(m_ticket), {}, m_token);
    QCOMPARE(customerView.dataArray().size(), 1);
    QVERIFY(!customerView.body.contains("VIP"));
    const QJsonObject ticket = m_http->chat("GET", u"/tickets/"_s + m_ticket, {}, m_token).data();
    QCOMPARE(ticket.value(u"messageCount"_s).toInt(), 1);
    QVERIFY(ticket.value(u"lastMessage"_s).toObject().value(u"id"_s).toString() != noteId);
    // A note id is not a valid cursor for the customer either.
    QCOMPARE(
        m_http->chat("GET", u"/tickets/%1/messages?before=%2"_s.arg(m_ticket, noteId), {}, m_token)
            .status,
        400);

    const HttpResult agentView = m_http->agent("GET", u"/tickets/%1/messages"_s.arg(m_ticket));
    QCOMPARE(agentView.dataArray().size(), 2);
    QCOMPARE(agentView.dataArray().at(0).toObject().value(u"isInternal"_s).toBool(), false);
    QCOMPARE(agentView.dataArray().at(1).toObject().value(u"isInternal"_s).toBool(), true);
}

void TestDevServerMessages::idempotentReplay()
{
    const HeaderPairs key {{"Idempotency-Key", "7f0c2a9e-0000-4000-8000-000000000001"}};
    const QJsonObject body {{u"content"_s, u"pay once"_s}};
    const HttpResult first =
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket), body, m_token, key);
    QCOMPARE(first.status, 201);
    QVERIFY(!first.headers.contains("idempotent-replayed"));
    const HttpResult replay =
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket), body, m_token, key);
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.body, first.body);
    QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));

    const HttpResult conflict = m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                                             {{u"content"_s, u"pay twice"_s}}, m_token, key);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorCode(), u"idempotency_conflict"_s);
    QCOMPARE(conflict.error().value(u"type"_s).toString(), u"invalid_request_error"_s);

    const HttpResult list =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(m_ticket), {}, m_token);
    QCOMPARE(list.dataArray().size(), 1);

    // Error answers are replayed too (same request, same answer).
    const HeaderPairs key2 {{"Idempotency-Key", "k-invalid"}};
    const HttpResult bad = m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                                        {{u"content"_s, u""_s}}, m_token, key2);
    QCOMPARE(bad.status, 400);
    const HttpResult badAgain = m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                                             {{u"content"_s, u""_s}}, m_token, key2);
    QCOMPARE(badAgain.status, 400);
    QCOMPARE(badAgain.header("idempotent-replayed"), QByteArray("true"));

    const HeaderPairs badKey {{"Idempotency-Key", QByteArray(300, 'k')}};
    const HttpResult invalidKey =
        m_http->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket), body, m_token, badKey);
    QCOMPARE(invalidKey.status, 400);
    QCOMPARE(invalidKey.error().value(u"param"_s).toString(), u"Idempotency-Key"_s);
}

void TestDevServerMessages::idempotencyKeysAreScopedToTheCaller()
{
    const HeaderPairs key {{"Idempotency-Key", "shared-key"}};
    const QString other = m_http->createSession();
    const QString otherTicket = createTicket(*m_http, other, u"other"_s).value(u"id"_s).toString();
    QCOMPARE(m_http
                 ->chat("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                        {{u"content"_s, u"mine"_s}}, m_token, key)
                 .status,
             201);
    const HttpResult theirs = m_http->chat("POST", u"/tickets/%1/messages"_s.arg(otherTicket),
                                           {{u"content"_s, u"theirs"_s}}, other, key);
    QCOMPARE(theirs.status, 201);
    QVERIFY(!theirs.headers.contains("idempotent-replayed"));
}

void TestDevServerMessages::typing()
{
    const QString path = u"/tickets/%1/typing"_s.arg(m_ticket);
    HttpResult r = m_http->chat("POST", path, {{u"isTyping"_s, true}}, m_token);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_http->chat("POST", path, {{u"isTyping"_s, false}}, m_token).status, 204);
    r = m_http->chat("POST", path, {}, m_token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"parameter_missing"_s);
    QCOMPARE(r.error().value(u"param"_s).toString(), u"isTyping"_s);
    r = m_http->chat("POST", path, {{u"isTyping"_s, u"yes"_s}}, m_token);
    QCOMPARE(r.errorCode(), u"parameter_invalid"_s);
    // An Idempotency-Key on a 204 (clients send one on every POST).
    const HeaderPairs key {{"Idempotency-Key", "typing-key"}};
    QCOMPARE(m_http->chat("POST", path, {{u"isTyping"_s, true}}, m_token, key).status, 204);
    r = m_http->chat("POST", path, {{u"isTyping"_s, true}}, m_token, key);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("idempotent-replayed"), QByteArray("true"));
    QVERIFY(r.body.isEmpty());
    // Typing is never stored: nothing in the history.
    const HttpResult list =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(m_ticket), {}, m_token);
    QCOMPARE(list.dataArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestDevServerMessages)
#include "tst_devserver_messages.moc"
