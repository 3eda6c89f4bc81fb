// SPDX-License-Identifier: MIT
// The agent (admin) subset over real HTTP (shared/protocol.md §10).
#include "devservertest.h"

using namespace DevServerTest;
using CStar::Testing::SseEvent;

class TestDevServerAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keys_data();
    void keys();
    void teamIdOrSlug();
    void listsEveryCustomersTickets();
    void getAndPatchTicket();
    void patchValidation_data();
    void patchValidation();
    void replyReachesTheCustomer();
    void publishableKeyGetsNoCustomerData();
    void agentMessageValidation();
    void agentIdempotency();

private:
    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_token;
    QString m_ticket;
};

void TestDevServerAgent::initTestCase()
{
    START_SERVER(m_server, {});
    m_http = std::make_unique<TestHttp>(m_server);
    m_token = identifyAs(*m_http, m_server, u"agent-test-customer"_s, u"Cleo"_s);
    m_ticket =
        createTicket(*m_http, m_token, u"Agent side"_s, u"hello"_s).value(u"id"_s).toString();
    QVERIFY(!m_ticket.isEmpty());
}

void TestDevServerAgent::keys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");
    QTest::newRow("secret") << u"sk_test_agent"_s << 200;
    QTest::newRow("publishable") << u"pk_test_agent"_s << 403; // protocol §10
    QTest::newRow("wrong secret") << u"sk_test_wrong"_s << 401;
    QTest::newRow("session token") << QString() << 401;
}

void TestDevServerAgent::keys()
{
    QFETCH(QString, key);
    QFETCH(int, status);
    const HttpResult r = m_http->agent("GET", u"/tickets"_s, {}, {}, key.isEmpty() ? m_token : key);
    QCOMPARE(r.status, status);
    if (status == 401) {
        QCOMPARE(r.errorCode(), u"authentication_required"_s);
        QCOMPARE(r.error().value(u"type"_s).toString(), u"authentication_error"_s);
    }
    // No Authorization at all.
    const HttpResult none = m_http->request("GET", u"/api/v1/teams/acme/tickets"_s);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.errorCode(), u"authentication_required"_s);
}

void TestDevServerAgent::teamIdOrSlug()
{
    const HeaderPairs auth {{"Authorization", "Bearer sk_test_agent"}};
    QCOMPARE(m_http->request("GET", u"/api/v1/teams/acme/tickets"_s, {}, auth).status, 200);
    QCOMPARE(m_http->request("GET", u"/api/v1/teams/team_acme/tickets"_s, {}, auth).status, 200);
    const HttpResult other = m_http->request("GET", u"/api/v1/teams/globex/tickets"_s, {}, auth);
    QCOMPARE(other.status, 404);
    QCOMPARE(other.errorCode(), u"resource_missing"_s);
    QCOMPARE(m_http->request("POST", u"/api/v1/chat/globex/sessions"_s).status, 404);
}

void TestDevServerAgent::listsEveryCustomersTickets()
{
    const QString other = m_http->createSession();
    const QString otherTicket =
        createTicket(*m_http, other, u"Anonymous one"_s).value(u"id"_s).toString();
    const HttpResult r = m_http->agent("GET", u"/tickets?limit=100"_s);
    QCOMPARE(r.status, 200);
    QStringList ids;
    for (const QJsonValue &t : r.dataArray())
        ids.append(t.toObject().value(u"id"_s).toString());
    QVERIFY(ids.contains(m_ticket));
    QVERIFY(ids.contains(otherTicket));
    QVERIFY(r.json.object().contains(u"hasMore"_s));
    QCOMPARE(m_http->agent("GET", u"/tickets?status=bogus"_s).status, 400);
}

void TestDevServerAgent::getAndPatchTicket()
{
    HttpResult r = m_http->agent("GET", u"/tickets/"_s + m_ticket);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().value(u"title"_s).toString(), u"Agent side"_s);
    QCOMPARE(m_http->agent("GET", u"/tickets/tkt_missing"_s).status, 404);

    SseReader customer;
    customer.open(eventsUrl(m_server), m_token);
    QVERIFY(customer.waitForBlocks(1));
    r = m_http->agent("PATCH", u"/tickets/"_s + m_ticket,
                      {{u"status"_s, u"pending"_s}, {u"priority"_s, u"high"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().value(u"status"_s).toString(), u"pending"_s);
    QCOMPARE(r.data().value(u"priority"_s).toString(), u"high"_s);
    QVERIFY(customer.waitForEvents(1));
    const SseEvent e = customer.events().constFirst();
    QCOMPARE(e.event, QByteArray("ticket.updated"));
    QCOMPARE(e.json(), r.data());
    // No change, no event.
    QCOMPARE(
        m_http->agent("PATCH", u"/tickets/"_s + m_ticket, {{u"status"_s, u"pending"_s}}).status,
        200);
    QCOMPARE(m_http->agent("PATCH", u"/tickets/"_s + m_ticket, {{u"priority"_s, u"low"_s}}).status,
             200);
    QVERIFY(customer.waitForEvents(2));
    QCOMPARE(customer.events().at(1).json().value(u"priority"_s).toString(), u"low"_s);
    QCOMPARE(customer.events().size(), 2);
    QCOMPARE(m_http->agent("PATCH", u"/tickets/tkt_missing"_s, {{u"status"_s, u"open"_s}}).status,
             404);
}

void TestDevServerAgent::patchValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");
    QTest::newRow("empty") << QJsonObject {} << u"parameter_missing"_s << u"status"_s;
    QTest::newRow("bad status") << QJsonObject {{u"status"_s, u"done"_s}} << u"parameter_invalid"_s
                                << u"status"_s;
    QTest::newRow("bad priority") << QJsonObject {{u"priority"_s, 3}} << u"parameter_invalid"_s
                                  << u"priority"_s;
}

void TestDevServerAgent::patchValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, code);
    QFETCH(QString, param);
    const HttpResult r = m_http->agent("PATCH", u"/tickets/"_s + m_ticket, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(r.error().value(u"param"_s).toString(), param);
}

void TestDevServerAgent::replyReachesTheCustomer()
{
    SseReader customer;
    customer.open(eventsUrl(m_server), m_token);
    QVERIFY(customer.waitForBlocks(1));
    HttpResult r = m_http->agent("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                                 {{u"content"_s, u"On it"_s}, {u"senderName"_s, u"Dana"_s}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.data().value(u"sender"_s).toString(), u"agent"_s);
    QCOMPARE(r.data().value(u"senderName"_s).toString(), u"Dana"_s);
    QCOMPARE(r.data().value(u"isInternal"_s).toBool(), false);
    r = m_http->agent("POST", u"/tickets/%1/messages"_s.arg(m_ticket),
                      {{u"content"_s, u"Default"_s}});
    QCOMPARE(r.data().value(u"senderName"_s).toString(), u"Support"_s);
    QVERIFY(customer.waitForEvents(2));
    QCOMPARE(customer.events(QByteArray("message.created"))
                 .at(0)
                 .json()
                 .value(u"senderName"_s)
                 .toString(),
             u"Dana"_s);
    const HttpResult messages =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(m_ticket), {}, m_token);
    QCOMPARE(messages.dataArray().last().toObject().value(u"content"_s).toString(), u"Default"_s);
    // The agent list flags every message.
    const HttpResult agentList =
        m_http->agent("GET", u"/tickets/%1/messages?limit=2"_s.arg(m_ticket));
    for (const QJsonValue &m : agentList.dataArray())
        QVERIFY(m.toObject().contains(u"isInternal"_s));
}

void TestDevServerAgent::publishableKeyGetsNoCustomerData()
{
    // protocol §10: a pk_ key is public, so every agent-root route (reads
    // included: tickets, messages, internal notes, events) is 403.
    const QString pk = m_server.publishableKey();
    const QList<std::pair<QByteArray, QString>> routes {
        {"GET", u"/tickets"_s},
        {"GET", u"/tickets/"_s + m_ticket},
        {"GET", u"/tickets/%1/messages"_s.arg(m_ticket)},
        {"GET", u"/events/poll"_s},
        {"GET", u"/events"_s},
        {"PATCH", u"/tickets/"_s + m_ticket},
        {"POST", u"/tickets/%1/messages"_s.arg(m_ticket)},
        {"POST", u"/tickets/%1/typing"_s.arg(m_ticket)}};
    for (const auto &[method, path] : routes) {
        const HttpResult r = m_http->agent(
            method, path, {{u"content"_s, u"x"_s}, {u"status"_s, u"open"_s}, {u"isTyping"_s, true}},
            {}, pk);
        QVERIFY2(r.status == 403, qPrintable(QString::fromLatin1(method) + u' ' + path));
        QCOMPARE(r.errorCode(), u"secret_key_required"_s);
        QCOMPARE(r.error().value(u"type"_s).toString(), u"authentication_error"_s);
        QVERIFY(!r.body.contains(m_ticket.toUtf8()));
    }
}

void TestDevServerAgent::agentMessageValidation()
{
    const QString path = u"/tickets/%1/messages"_s.arg(m_ticket);
    HttpResult r = m_http->agent("POST", path, {});
    QCOMPARE(r.errorCode(), u"parameter_missing"_s);
    QCOMPARE(r.error().value(u"param"_s).toString(), u"content"_s);
    r = m_http->agent("POST", path, {{u"content"_s, u"x"_s}, {u"isInternal"_s, u"yes"_s}});
    QCOMPARE(r.error().value(u"param"_s).toString(), u"isInternal"_s);
    r = m_http->agent("POST", path, {{u"content"_s, u"x"_s}, {u"senderName"_s, 5}});
    QCOMPARE(r.error().value(u"param"_s).toString(), u"senderName"_s);
    r = m_http->agent("POST", u"/tickets/%1/typing"_s.arg(m_ticket), {});
    QCOMPARE(r.error().value(u"param"_s).toString(), u"isTyping"_s);
    QCOMPARE(
        m_http->agent("POST", u"/tickets/tkt_missing/messages"_s, {{u"content"_s, u"x"_s}}).status,
        404);
}

void TestDevServerAgent::agentIdempotency()
{
    const QString path = u"/tickets/%1/messages"_s.arg(m_ticket);
    const int before = m_http->agent("GET", path + u"?limit=100"_s).dataArray().size();
    const HeaderPairs key {{"Idempotency-Key", "agent-reply-1"}};
    const QJsonObject body {{u"content"_s, u"exactly once"_s}};
    const HttpResult first = m_http->agent("POST", path, body, key);
    QCOMPARE(first.status, 201);
    const HttpResult again = m_http->agent("POST", path, body, key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(m_http->agent("POST", path, {{u"content"_s, u"other"_s}}, key).status, 409);
    QCOMPARE(m_http->agent("GET", path + u"?limit=100"_s).dataArray().size(), before + 1);
    // Same key, other caller (a session): its own scope.
    const HttpResult customer = m_http->chat("POST", path, body, m_token, key);
    QCOMPARE(customer.status, 201);
    QVERIFY(!customer.headers.contains("idempotent-replayed"));
}

QTEST_GUILESS_MAIN(TestDevServerAgent)
#include "tst_devserver_agent.moc"
