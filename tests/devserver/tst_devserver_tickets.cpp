// SPDX-License-Identifier: MIT
// Tickets over real HTTP (shared/protocol.md §5, protocol-notes "Ticket paging",
// "Ticket life cycle").
#include "devservertest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace DevServerTest;

class TestDevServerTickets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createTicket();
    void createTicketWithMessageAndPriority();
    void titleValidation_data();
    void titleValidation();
    void anonymousListNeedsIdentify();
    void listNewestFirstWithPaging();
    void backToBackCreationsKeepTheirOrder();
    void identifyKeepsTheOrderOfMovedTickets();
    void listQueryValidation_data();
    void listQueryValidation();
    void statusFilter();
    void otherCustomersTicketsAreMissing();
    void lifeCycle();

private:
    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_anon;
};

void TestDevServerTickets::initTestCase()
{
    START_SERVER(m_server, {});
    m_http = std::make_unique<TestHttp>(m_server);
    m_anon = m_http->createSession();
    QVERIFY(!m_anon.isEmpty());
}

void TestDevServerTickets::createTicket()
{
    const HttpResult r =
        m_http->chat("POST", u"/tickets"_s, {{u"title"_s, u"  Printer on fire  "_s}}, m_anon);
    QCOMPARE(r.status, 201);
    const QJsonObject t = r.data();
    QVERIFY(t.value(u"id"_s).toString().startsWith("tkt_"_L1));
    QCOMPARE(t.value(u"title"_s).toString(), u"Printer on fire"_s);
    QCOMPARE(t.value(u"status"_s).toString(), u"new"_s);
    QCOMPARE(t.value(u"priority"_s).toString(), u"normal"_s);
    QCOMPARE(t.value(u"messageCount"_s).toInt(), 0);
    QVERIFY(t.value(u"lastMessage"_s).isNull());
    QVERIFY(t.value(u"customerId"_s).toString().startsWith("cus_"_L1));
    QVERIFY(isoTime(t.value(u"createdAt"_s)).isValid());
    QCOMPARE(t.value(u"createdAt"_s), t.value(u"updatedAt"_s));

    const HttpResult get =
        m_http->chat("GET", u"/tickets/"_s + t.value(u"id"_s).toString(), {}, m_anon);
    QCOMPARE(get.status, 200);
    QCOMPARE(get.data(), t);
}

void TestDevServerTickets::createTicketWithMessageAndPriority()
{
    const HttpResult r = m_http->chat(
        "POST", u"/tickets"_s,
        {{u"title"_s, u"Urgent"_s}, {u"message"_s, u" Help! "_s}, {u"priority"_s, u"urgent"_s}},
        m_anon);
    QCOMPARE(r.status, 201);
    const QJsonObject t = r.data();
    QCOMPARE(t.value(u"priority"_s).toString(), u"urgent"_s);
    QCOMPARE(t.value(u"messageCount"_s).toInt(), 1);
    const QJsonObject last = t.value(u"lastMessage"_s).toObject();
    QCOMPARE(last.value(u"content"_s).toString(), u"Help!"_s);
    QCOMPARE(last.value(u"sender"_s).toString(), u"customer"_s);
    QVERIFY(last.value(u"id"_s).toString().startsWith("msg_"_L1));

    const HttpResult messages =
        m_http->chat("GET", u"/tickets/%1/messages"_s.arg(t.value(u"id"_s).toString()), {}, m_anon);
    QCOMPARE(messages.dataArray().size(), 1);
    QCOMPARE(messages.dataArray().at(0).toObject().value(u"senderName"_s).toString(), u"Guest"_s);
}

void TestDevServerTickets::titleValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");

    const QString emoji = u"😀"_s;
    QTest::newRow("missing") << QJsonObject {} << 400 << u"parameter_missing"_s << u"title"_s;
    QTest::newRow("null") << QJsonObject {{u"title"_s, QJsonValue::Null}} << 400
                          << u"parameter_missing"_s << u"title"_s;
    QTest::newRow("blank") << QJsonObject {{u"title"_s, u" \t\n "_s}} << 400
                           << u"parameter_invalid"_s << u"title"_s;
    QTest::newRow("number") << QJsonObject {{u"title"_s, 5}} << 400 << u"parameter_invalid"_s
                            << u"title"_s;
    QTest::newRow("201 chars") << QJsonObject {{u"title"_s, QString(201, u'x')}} << 400
                               << u"parameter_invalid"_s << u"title"_s;
    QTest::newRow("200 chars") << QJsonObject {{u"title"_s, QString(200, u'x')}} << 201 << QString()
                               << QString();
    // Characters are code points: 200 emoji (400 UTF-16 units) fit.
    QTest::newRow("200 emoji") << QJsonObject {{u"title"_s, emoji.repeated(200)}} << 201
                               << QString() << QString();
    QTest::newRow("201 emoji") << QJsonObject {{u"title"_s, emoji.repeated(201)}} << 400
                               << u"parameter_invalid"_s << u"title"_s;
    QTest::newRow("bad priority") << QJsonObject {{u"title"_s, u"t"_s}, {u"priority"_s, u"asap"_s}}
                                  << 400 << u"parameter_invalid"_s << u"priority"_s;
    QTest::newRow("message wrong type")
        << QJsonObject {{u"title"_s, u"t"_s}, {u"message"_s, QJsonArray {}}} << 400
        << u"parameter_invalid"_s << u"message"_s;
    QTest::newRow("message blank") << QJsonObject {{u"title"_s, u"t"_s}, {u"message"_s, u"  "_s}}
                                   << 400 << u"parameter_invalid"_s << u"message"_s;
}

void TestDevServerTickets::titleValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, param);
    const HttpResult r = m_http->chat("POST", u"/tickets"_s, body, m_anon);
    QCOMPARE(r.status, status);
    if (status >= 400) {
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.error().value(u"param"_s).toString(), param);
        QCOMPARE(r.error().value(u"type"_s).toString(), u"invalid_request_error"_s);
        QVERIFY(!r.error().value(u"message"_s).toString().isEmpty());
    }
}

void TestDevServerTickets::anonymousListNeedsIdentify()
{
    const HttpResult r = m_http->chat("GET", u"/tickets"_s, {}, m_anon);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"identify_required"_s);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"authentication_error"_s);
    QVERIFY(r.error().value(u"hint"_s).toString().contains("identify"_L1));
}

void TestDevServerTickets::listNewestFirstWithPaging()
{
    const QString token = identifyAs(*m_http, m_server, u"pager"_s);
    QStringList created;
    for (int i = 0; i < 5; ++i)
        created.append(
            DevServerTest::createTicket(*m_http, token, u"T%1"_s.arg(i)).value(u"id"_s).toString());
    // A message makes the oldest ticket the most recently updated one.
    QCOMPARE(m_http
                 ->chat("POST", u"/tickets/%1/messages"_s.arg(created.constFirst()),
                        {{u"content"_s, u"bump"_s}}, token)
                 .status,
             201);

    QList<QJsonObject> seen;
    QString cursor;
    int pages = 0;
    for (;;) {
        QString path = u"/tickets?limit=2"_s;
        if (!cursor.isEmpty())
            path += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult r = m_http->chat("GET", path, {}, token);
        QCOMPARE(r.status, 200);
        ++pages;
        const QJsonObject pagination = r.json.object().value(u"pagination"_s).toObject();
        QCOMPARE(pagination.value(u"limit"_s).toInt(), 2);
        for (const QJsonValue &t : r.dataArray())
            seen.append(t.toObject());
        const bool hasMore = r.json.object().value(u"hasMore"_s).toBool();
        if (!hasMore) {
            QVERIFY(pagination.value(u"nextCursor"_s).isNull());
            break;
        }
        cursor = pagination.value(u"nextCursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 3);
    // The order things happened (protocol §5, protocol-notes "Ticket paging"):
    // the bumped ticket first, then the others newest first, every updatedAt
    // strictly older than the one before (the server's clock never repeats).
    QStringList seenIds;
    for (const QJsonObject &t : std::as_const(seen))
        seenIds.append(t.value(u"id"_s).toString());
    const QStringList expected {created.at(0), created.at(4), created.at(3), created.at(2),
                                created.at(1)};
    QCOMPARE(seenIds, expected);
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(isoTime(seen.at(i - 1).value(u"updatedAt"_s))
                > isoTime(seen.at(i).value(u"updatedAt"_s)));
}

/// Ids of every ticket of `token`'s customer, page by page of `limit`.
static QStringList allTicketIds(TestHttp &http, const QString &token, int limit,
                                QList<QDateTime> *updatedAt = nullptr)
{
    QStringList ids;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        QString path = u"/tickets?limit=%1"_s.arg(limit);
        if (!cursor.isEmpty())
            path += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult r = http.chat("GET", path, {}, token);
        if (r.status != 200)
            return {};
        for (const QJsonValue &t : r.dataArray()) {
            ids.append(t.toObject().value(u"id"_s).toString());
            if (updatedAt)
                updatedAt->append(isoTime(t.toObject().value(u"updatedAt"_s)));
        }
        cursor =
            r.json.object().value(u"pagination"_s).toObject().value(u"nextCursor"_s).toString();
        if (cursor.isEmpty())
            break;
    }
    return ids;
}

void TestDevServerTickets::backToBackCreationsKeepTheirOrder()
{
    // In memory (no fsync), so many creations land in the same millisecond:
    // the list must still be the order of creation, never the order of random ids.
    DevServerProcess server;
    DevServerProcess::Options options;
    options.dbPath = u":memory:"_s;
    START_SERVER(server, options);
    TestHttp http(server);
    const QString token = identifyAs(http, server, u"burst"_s);
    QStringList created;
    for (int i = 0; i < 40; ++i) {
        const QString id = DevServerTest::createTicket(http, token, u"B%1"_s.arg(i), u"hi"_s)
                               .value(u"id"_s)
                               .toString();
        QVERIFY(!id.isEmpty());
        created.prepend(id);
    }
    QList<QDateTime> times;
    QCOMPARE(allTicketIds(http, token, 100, &times), created);
    for (qsizetype i = 1; i < times.size(); ++i)
        QVERIFY2(times.at(i - 1) > times.at(i), qPrintable(u"row %1"_s.arg(i)));
    QCOMPARE(allTicketIds(http, token, 7), created); // paging keeps it

    // Concurrent creations (several connections at once): the list is the
    // order the server committed them in, i.e. the order of their events.
    const qint64 start = latestEventId(http);
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 24; ++i) {
        QUrl url = server.chatUrl();
        url.setPath(url.path() + "/tickets"_L1);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        replies.append(nam.post(request, R"({"title":"concurrent"})"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                         [](QNetworkReply *r) { return r->isFinished(); }),
                             20000);
    for (QNetworkReply *reply : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        reply->deleteLater();
    }
    QStringList committed; // newest first, like the list
    const HttpResult events = http.agent("GET", u"/events/poll?after=%1"_s.arg(start));
    for (const QJsonValue &e : events.json.object().value(u"data"_s).toArray()) {
        if (e.toObject().value(u"type"_s).toString() == "ticket.created"_L1)
            committed.prepend(e.toObject().value(u"data"_s).toObject().value(u"id"_s).toString());
    }
    QCOMPARE(committed.size(), 24);
    times.clear();
    QCOMPARE(allTicketIds(http, token, 10, &times), committed + created);
    for (qsizetype i = 1; i < times.size(); ++i)
        QVERIFY2(times.at(i - 1) > times.at(i), qPrintable(u"row %1"_s.arg(i)));
}

void TestDevServerTickets::identifyKeepsTheOrderOfMovedTickets()
{
    // identify moves an anonymous session's tickets in one request; each gets
    // its own updatedAt, so they keep their order and none ties with another.
    const QString anon = m_http->createSession();
    QStringList created;
    for (int i = 0; i < 4; ++i)
        created.prepend(
            DevServerTest::createTicket(*m_http, anon, u"M%1"_s.arg(i)).value(u"id"_s).toString());
    const QString known = identifyAs(*m_http, m_server, u"mover"_s, {}, anon);
    QVERIFY(!known.isEmpty());
    QList<QDateTime> times;
    QCOMPARE(allTicketIds(*m_http, known, 100, &times), created);
    for (qsizetype i = 1; i < times.size(); ++i)
        QVERIFY(times.at(i - 1) > times.at(i));
}

void TestDevServerTickets::listQueryValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("param");
    QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
    QTest::newRow("limit 101") << u"limit=101"_s << u"limit"_s;
    QTest::newRow("limit text") << u"limit=ten"_s << u"limit"_s;
    QTest::newRow("bad cursor") << u"cursor=%21%21"_s << u"cursor"_s;
    QTest::newRow("forged cursor") << u"cursor=MTIzOmFiYw"_s << u"cursor"_s;
    QTest::newRow("bad status") << u"status=open,lost"_s << u"status"_s;
}

void TestDevServerTickets::listQueryValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, param);
    const QString token = identifyAs(*m_http, m_server, u"validator"_s);
    const HttpResult r = m_http->chat("GET", u"/tickets?"_s + query, {}, token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"parameter_invalid"_s);
    QCOMPARE(r.error().value(u"param"_s).toString(), param);
}

void TestDevServerTickets::statusFilter()
{
    const QString token = identifyAs(*m_http, m_server, u"filterer"_s);
    const QString a = DevServerTest::createTicket(*m_http, token, u"A"_s).value(u"id"_s).toString();
    const QString b = DevServerTest::createTicket(*m_http, token, u"B"_s).value(u"id"_s).toString();
    const QString c = DevServerTest::createTicket(*m_http, token, u"C"_s).value(u"id"_s).toString();
    QCOMPARE(m_http->agent("PATCH", u"/tickets/"_s + b, {{u"status"_s, u"pending"_s}}).status, 200);
    QCOMPARE(m_http->agent("PATCH", u"/tickets/"_s + c, {{u"status"_s, u"closed"_s}}).status, 200);

    auto ids = [&](const QString &status) {
        QStringList result;
        const HttpResult r = m_http->chat("GET", u"/tickets?status="_s + status, {}, token);
        for (const QJsonValue &t : r.dataArray())
            result.append(t.toObject().value(u"id"_s).toString());
        result.sort();
        return result;
    };
    QCOMPARE(ids(u"new"_s), QStringList {a});
    QStringList pendingOrClosed {b, c};
    pendingOrClosed.sort();
    QCOMPARE(ids(u"pending,closed"_s), pendingOrClosed);
    QCOMPARE(ids(u"resolved"_s), QStringList());
}

void TestDevServerTickets::otherCustomersTicketsAreMissing()
{
    const QString alice = identifyAs(*m_http, m_server, u"alice"_s);
    const QString bob = identifyAs(*m_http, m_server, u"bob"_s);
    const QString id =
        DevServerTest::createTicket(*m_http, alice, u"Alice's"_s).value(u"id"_s).toString();
    for (const QString &path :
         QStringList {u"/tickets/"_s + id, u"/tickets/%1/messages"_s.arg(id)}) {
        const HttpResult r = m_http->chat("GET", path, {}, bob);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"resource_missing"_s);
        QCOMPARE(r.error().value(u"type"_s).toString(), u"not_found_error"_s);
    }
    // Same answer as for a ticket that does not exist at all.
    const HttpResult none = m_http->chat("GET", u"/tickets/tkt_doesnotexist"_s, {}, bob);
    QCOMPARE(none.status, 404);
    QCOMPARE(m_http->chat("POST", u"/tickets/%1/messages"_s.arg(id), {{u"content"_s, u"x"_s}}, bob)
                 .status,
             404);
    QCOMPARE(
        m_http->chat("POST", u"/tickets/%1/typing"_s.arg(id), {{u"isTyping"_s, true}}, bob).status,
        404);
    const HttpResult list = m_http->chat("GET", u"/tickets"_s, {}, bob);
    QCOMPARE(list.dataArray().size(), 0);
}

void TestDevServerTickets::lifeCycle()
{
    const QString token = identifyAs(*m_http, m_server, u"cycler"_s);
    const QString id =
        DevServerTest::createTicket(*m_http, token, u"Cycle"_s).value(u"id"_s).toString();
    auto status = [&] {
        return m_http->chat("GET", u"/tickets/"_s + id, {}, token)
            .data()
            .value(u"status"_s)
            .toString();
    };
    auto customerSays = [&](const QString &text) {
        return m_http
            ->chat("POST", u"/tickets/%1/messages"_s.arg(id), {{u"content"_s, text}}, token)
            .status;
    };
    QCOMPARE(customerSays(u"still new"_s), 201);
    QCOMPARE(status(), u"new"_s);
    // An internal note does not open it; the first public agent reply does.
    QCOMPARE(m_http
                 ->agent("POST", u"/tickets/%1/messages"_s.arg(id),
                         {{u"content"_s, u"note"_s}, {u"isInternal"_s, true}})
                 .status,
             201);
    QCOMPARE(status(), u"new"_s);
    QCOMPARE(
        m_http->agent("POST", u"/tickets/%1/messages"_s.arg(id), {{u"content"_s, u"hi"_s}}).status,
        201);
    QCOMPARE(status(), u"open"_s);
    for (const QString &parked : {u"pending"_s, u"resolved"_s}) {
        QCOMPARE(m_http->agent("PATCH", u"/tickets/"_s + id, {{u"status"_s, parked}}).status, 200);
        QCOMPARE(status(), parked);
        QCOMPARE(customerSays(u"back again"_s), 201);
        QCOMPARE(status(), u"open"_s);
    }
    QCOMPARE(m_http->agent("PATCH", u"/tickets/"_s + id, {{u"status"_s, u"closed"_s}}).status, 200);
    QCOMPARE(customerSays(u"after close"_s), 201);
    QCOMPARE(status(), u"closed"_s);
}

QTEST_GUILESS_MAIN(TestDevServerTickets)
#include "tst_devserver_tickets.moc"
