// SPDX-License-Identifier: MIT
// ChatClient against a real devserver: every flow of the JS docs (seed), and
// the transport rules of protocol §9 (reconnect, fallback, retries, restart).
#include "chatclient.h"
#include "clientsupport.h"
#include "devserverprocess.h"
#include "faultproxy.h"
#include "messagesmodel.h"
#include "testhttp.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

namespace {

/// Short protocol timers so fallback and reconnects take milliseconds.
TransportOptions fastOptions()
{
    TransportOptions o = quickRetries();
    o.requestTimeoutMs = 5000;
    o.firstByteTimeoutMs = 400;
    o.silenceTimeoutMs = 3000;
    o.streamRetryIntervalMs = 300;
    o.streamRetryMaxIntervalMs = 600;
    o.reconnectDelayMs = 20;
    o.reconnectMaxDelayMs = 200;
    o.pollErrorMaxDelayMs = 500;
    return o;
}

template<typename T>
T waitFor(Job<T> *job)
{
    QSignalSpy spy(job, &ChatJob::finished);
    if (!spy.wait(15000)) // fail the test, not only warn: a default result may pass a check
        QTest::qFail("job did not finish within 15 s", __FILE__, __LINE__);
    return job->result();
}

} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<DevServerProcess> server;
    std::unique_ptr<ChatClient> client;

    void startServer(const QStringList &extraArgs = {})
    {
        server = std::make_unique<DevServerProcess>();
        DevServerProcess::Options options;
        options.extraArgs = extraArgs;
        QVERIFY(server->start(options));
        client = std::make_unique<ChatClient>(server->team());
        client->setBaseUrl(server->baseUrl());
        client->setTransportOptions(fastOptions());
        client->setPollingInterval(100);
    }

    TestHttp agent() const { return TestHttp(*server); }

    QString agentReply(const QString &ticketId, const QString &content)
    {
        const HttpResult r =
            agent().agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
                          QJsonObject {{QStringLiteral("content"), content}});
        if (r.status != 201)
            qWarning() << "agent reply failed" << r.status << r.body;
        return r.data().value(QStringLiteral("id")).toString();
    }

    void control(const QJsonObject &body)
    {
        const HttpResult r = agent().control(body);
        QVERIFY2(r.status == 200 || r.status == 204, r.body.constData());
    }

    QJsonArray agentMessages(const QString &ticketId)
    {
        const HttpResult r =
            agent().agent("GET", QStringLiteral("/tickets/%1/messages?limit=100").arg(ticketId));
        return r.json.object().value(QStringLiteral("data")).toArray();
    }

    Ticket createTicket(const QString &title = QStringLiteral("Help with my account"))
    {
        Job<Ticket> *job = client->tickets().create(title, QStringLiteral("Hello"));
        const Ticket t = waitFor(job);
        return t;
    }

private Q_SLOTS:
    // A short `retry:` from the server: reconnects honour it (§9).
    void init() { startServer({QStringLiteral("--retry-ms"), QStringLiteral("20")}); }
    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void defaults()
    {
        ChatClient c(QStringLiteral("acme"));
        QCOMPARE(c.realtime(), true);
        QCOMPARE(c.pollingInterval(), 5000);
        QCOMPARE(c.baseUrl(), QUrl(QStringLiteral("https://www.cstar.help")));
        QCOMPARE(c.sessionKind(), ChatClient::SessionKind::None);
        QCOMPARE(c.connectionState(), ConnectionState::Disconnected);
        const TransportOptions o;
        QCOMPARE(o.requestTimeoutMs, 30000);
        QCOMPARE(o.maxRetries, 3);
        QCOMPARE(o.firstByteTimeoutMs, 10000);
        QCOMPARE(o.silenceTimeoutMs, 45000);
        QCOMPARE(o.streamRetryIntervalMs, 60000);
        QCOMPARE(o.typingLeaseMs, 6000);
    }

    void jobFinishesAfterTheCallReturns()
    {
        Job<Ticket> *job = client->tickets().get(QStringLiteral("tkt_missing"));
        QVERIFY(!job->isFinished());
        QSignalSpy failed(job, &ChatJob::failed);
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<ChatError>();
        QCOMPARE(error.kind(), ChatError::Kind::NotFound);
        QCOMPARE(error.httpStatus(), 404);
        QVERIFY(!error.requestId().isEmpty());
    }

    void anonymousCreateSendAndAgentReply()
    {
        QSignalSpy kind(client.get(), &ChatClient::sessionKindChanged);
        const Ticket ticket = createTicket();
        QVERIFY(ticket.id().startsWith(QLatin1String("tkt_")));
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::Anonymous);
        QCOMPARE(kind.count(), 1);

        QList<Message> received;
        Subscription sub =
            client->onMessage(ticket.id(), [&](const Message &m) { received.append(m); });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);

        const Message sent =
            waitFor(client->messages().send(ticket.id(), QStringLiteral("Thanks for helping!")));
        QCOMPARE(sent.content(), QStringLiteral("Thanks for helping!"));
        QVERIFY(!sent.clientMessageId().isEmpty());
        QCOMPARE(sent.sender(), Message::Sender::Customer);

        const QString replyId = agentReply(ticket.id(), QStringLiteral("Happy to help"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(received.at(0).id(), sent.id());
        QCOMPARE(received.at(1).id(), replyId);
        QCOMPARE(received.at(1).sender(), Message::Sender::Agent);

        const MessagePage page = waitFor(client->messages().list(ticket.id()));
        QCOMPARE(page.data.size(), 3); // "Hello" + ours + the reply, chronological
        QCOMPARE(page.data.last().id(), replyId);
        QVERIFY(!page.hasMore);
    }

    void anonymousListNeedsIdentify()
    {
        createTicket();
        Job<TicketPage> *job = client->tickets().list();
        const ChatError error = errorOf(job);
        QCOMPARE(error.kind(), ChatError::Kind::AuthRequired);
        QCOMPARE(error.code(), QStringLiteral("identify_required"));
        QVERIFY(!error.hint().isEmpty());
    }

    void identifyWithNodeSignatureMovesAnonymousTickets()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed: cannot produce a signature with Node's crypto");
        const Ticket anonymous = createTicket(QStringLiteral("Before sign-in"));

        // The customer's backend signs JSON.stringify(customer) (the seed's example).
        QProcess p;
        p.start(node,
                {QStringLiteral("-e"), QStringLiteral(R"(
            const c = {id: 'cus_external_42', email: 'jane@acme.com', name: 'Zoë "Jane" Ünver / 日本 \\ \n'};
            const text = JSON.stringify(c);
            const sig = require('crypto').createHmac('sha256', process.argv[1]).update(text).digest('hex');
            process.stdout.write(JSON.stringify({text, sig}));)"),
                 server->chatSecret()});
        QVERIFY(p.waitForFinished(15000));
        const QJsonObject signedCustomer =
            QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QByteArray text = signedCustomer.value(QStringLiteral("text")).toString().toUtf8();
        QVERIFY(!text.isEmpty());

        QSignalSpy resync(client.get(), &ChatClient::resyncRequired);
        const Customer customer =
            waitFor(client->identify(text, signedCustomer.value(QStringLiteral("sig")).toString()));
        QCOMPARE(customer.externalId, QStringLiteral("cus_external_42"));
        QCOMPARE(customer.name, QStringLiteral("Zoë \"Jane\" Ünver / 日本 \\ \n"));
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::Identified);
        QCOMPARE(client->customer(), customer);
        QCOMPARE(resync.count(), 1);

        const TicketPage page = waitFor(client->tickets().list());
        QCOMPARE(page.data.size(), 1);
        QCOMPARE(page.data.first().id(), anonymous.id());
        QCOMPARE(waitFor(client->tickets().get(anonymous.id())).title(),
                 QStringLiteral("Before sign-in"));
    }

    void identifyRejectsForgedSignature()
    {
        const QByteArray text = R"({"id":"cus_1","name":"Mallory"})";
        const QString forged = DevServerProcess::hmacHex(QStringLiteral("not the secret"), text);
        const ChatError error = errorOf(client->identify(text, forged));
        QCOMPARE(error.kind(), ChatError::Kind::Authentication);
        QCOMPARE(error.code(), QStringLiteral("invalid_signature"));
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::None);

        // The exact text that was signed, whatever its key order.
        const QByteArray unsorted = R"({"name":"Ok","id":"cus_2"})";
        const QString good = DevServerProcess::hmacHex(server->chatSecret(), unsorted);
        QCOMPARE(waitFor(client->identify(unsorted, good)).externalId, QStringLiteral("cus_2"));
    }

    void logoutRevokesTheSession()
    {
        createTicket();
        const QString oldToken = client->sessionToken();
        QVERIFY(!oldToken.isEmpty());
        QCOMPARE(errorOf(client->logout()).kind(), ChatError::Kind::None);
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::None);
        QVERIFY(client->sessionToken().isEmpty());
        const HttpResult r = agent().chat("GET", QStringLiteral("/tickets"), {}, oldToken);
        QCOMPARE(r.status, 401);
    }

    void typingBothWays()
    {
        const Ticket ticket = createTicket();
        QList<TypingEvent> typing;
        Subscription sub =
            client->onTyping(ticket.id(), [&](const TypingEvent &e) { typing.append(e); });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);

        QCOMPARE(agent()
                     .agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticket.id()),
                            QJsonObject {{QStringLiteral("isTyping"), true},
                                         {QStringLiteral("senderName"), QStringLiteral("Ana")}})
                     .status,
                 204);
        QTRY_COMPARE_WITH_TIMEOUT(typing.size(), 1, 10000);
        QCOMPARE(typing.first().sender, QStringLiteral("agent"));
        QCOMPARE(typing.first().senderName, QStringLiteral("Ana"));
        QVERIFY(typing.first().isTyping);
        QVERIFY(typing.first().expiresInMs > 0);

        // Customer → agent: visible in the agent's poll `typing` list.
        QCOMPARE(errorOf(client->sendTyping(ticket.id(), true)).kind(), ChatError::Kind::None);
        const HttpResult poll = agent().agent("GET", QStringLiteral("/events/poll"));
        const QJsonArray active = poll.json.object().value(QStringLiteral("typing")).toArray();
        QCOMPARE(active.size(), 1);
        QCOMPARE(active.first().toObject().value(QStringLiteral("sender")).toString(),
                 QStringLiteral("customer"));
        // A second `true` within 3 s is not sent again; `false` is.
        QCOMPARE(errorOf(client->sendTyping(ticket.id(), true)).kind(), ChatError::Kind::None);
        QCOMPARE(errorOf(client->sendTyping(ticket.id(), false)).kind(), ChatError::Kind::None);
        const HttpResult after = agent().agent("GET", QStringLiteral("/events/poll"));
        QCOMPARE(after.json.object().value(QStringLiteral("typing")).toArray().size(), 0);
    }

    void teardownStopsDelivery()
    {
        const Ticket ticket = createTicket();
        int cancelledCount = 0;
        QList<Message> all;
        Subscription cancelled =
            client->onMessage(ticket.id(), [&](const Message &) { ++cancelledCount; });
        Subscription everything =
            client->onMessage(QString(), [&](const Message &m) { all.append(m); });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        agentReply(ticket.id(), QStringLiteral("one"));
        QTRY_COMPARE_WITH_TIMEOUT(all.size(), 1, 10000);
        QCOMPARE(cancelledCount, 1);

        cancelled(); // the JS `offMsg()`
        QVERIFY(!cancelled.isActive());
        agentReply(ticket.id(), QStringLiteral("two"));
        QTRY_COMPARE_WITH_TIMEOUT(all.size(), 2, 10000);
        QCOMPARE(cancelledCount, 1);

        // The context overload ends with its context object.
        auto *context = new QObject;
        int contextCount = 0;
        const quint64 id =
            client->onMessage(ticket.id(), context, [&](const Message &) { ++contextCount; });
        QVERIFY(client->isSubscribed(id));
        delete context;
        QVERIFY(!client->isSubscribed(id));

        // The last subscription going closes the stream.
        everything.cancel();
        QCOMPARE(client->connectionState(), ConnectionState::Disconnected);
    }

    // The lifecycle (docs/client.md): disconnectFromServer() pauses — realtime
    // stops, requests in flight fail — and the next call or subscription
    // starts the client again, from the kept cursor.
    void disconnectPausesUntilTheNextCall()
    {
        const Ticket ticket = createTicket();
        QStringList received;
        Subscription sub = client->onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        Job<MessagePage> *inFlight = client->messages().list(ticket.id());
        QSignalSpy failed(inFlight, &ChatJob::failed);
        client->disconnectFromServer();
        QCOMPARE(client->connectionState(), ConnectionState::Disconnected);
        QVERIFY(sub.isActive()); // paused, not cancelled
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<ChatError>().code(),
                 QStringLiteral("client_disconnected"));
        agentReply(ticket.id(), QStringLiteral("while disconnected"));
        QCOMPARE(client->connectionState(), ConnectionState::Disconnected);

        // The next call starts it again; what was missed is replayed, once.
        QSignalSpy resync(client.get(), &ChatClient::resyncRequired);
        QCOMPARE(waitFor(client->tickets().get(ticket.id())).id(), ticket.id());
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(received, QStringList {QStringLiteral("while disconnected")},
                                  10000);
        QVERIFY(resync.count() >= 1); // views catch up
        agentReply(ticket.id(), QStringLiteral("after"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(received,
                 (QStringList {QStringLiteral("while disconnected"), QStringLiteral("after")}));

        // A new subscription starts it again too.
        client->disconnectFromServer();
        QCOMPARE(client->connectionState(), ConnectionState::Disconnected);
        Subscription typing = client->onTyping(ticket.id(), [](const TypingEvent &) {});
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
    }

    // A MessagesModel on a disconnected client used to freeze: its
    // subscription was cancelled and reload() did not bring it back.
    void disconnectedModelResumes()
    {
        QStandardPaths::setTestModeEnabled(true);
        const Ticket ticket = createTicket();
        MessagesModel model(client.get(), ticket.id());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto contents = [&] {
            QStringList out;
            for (int row = 0; row < model.rowCount(); ++row)
                out.append(model.index(row).data(MessagesModel::ContentRole).toString());
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(contents(), QStringList {QStringLiteral("Hello")}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);

        client->disconnectFromServer();
        agentReply(ticket.id(), QStringLiteral("missed"));
        model.reload(); // the next call: the client starts again
        QTRY_COMPARE_WITH_TIMEOUT(
            contents(), (QStringList {QStringLiteral("Hello"), QStringLiteral("missed")}), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        agentReply(ticket.id(), QStringLiteral("live"));
        QTRY_COMPARE_WITH_TIMEOUT(contents(),
                                  (QStringList {QStringLiteral("Hello"), QStringLiteral("missed"),
                                                QStringLiteral("live")}),
                                  10000);

        // Resumed by another call (not the model's): the model catches up.
        client->disconnectFromServer();
        agentReply(ticket.id(), QStringLiteral("missed again"));
        QCOMPARE(waitFor(client->tickets().get(ticket.id())).id(), ticket.id());
        QTRY_COMPARE_WITH_TIMEOUT(
            contents(),
            (QStringList {QStringLiteral("Hello"), QStringLiteral("missed"), QStringLiteral("live"),
                          QStringLiteral("missed again")}),
            10000);
    }

    // Connecting to the event signals is enough to receive (no subscription).
    void eventSignalsAloneReceive()
    {
        const Ticket ticket = createTicket();
        QStringList messages;
        QList<TypingEvent> typing;
        QList<Ticket::Status> tickets;
        auto *context = new QObject(this);
        connect(client.get(), &ChatClient::messageReceived, context, [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                messages.append(m.content());
        });
        connect(client.get(), &ChatClient::typingChanged, context,
                [&](const TypingEvent &e) { typing.append(e); });
        connect(client.get(), &ChatClient::ticketUpdated, context,
                [&](const Ticket &t) { tickets.append(t.status()); });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        agentReply(ticket.id(), QStringLiteral("by signal"));
        QTRY_COMPARE_WITH_TIMEOUT(messages, QStringList {QStringLiteral("by signal")}, 10000);
        QCOMPARE(agent()
                     .agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticket.id()),
                            QJsonObject {{QStringLiteral("isTyping"), true}})
                     .status,
                 204);
        QTRY_COMPARE_WITH_TIMEOUT(typing.size(), 1, 10000);
        QCOMPARE(agent()
                     .agent("PATCH", QStringLiteral("/tickets/%1").arg(ticket.id()),
                            QJsonObject {{QStringLiteral("status"), QStringLiteral("pending")}})
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(tickets.contains(Ticket::Status::Pending), 10000);

        // The last receiver gone: realtime stops, as with the last subscription.
        delete context;
        QObject::disconnect(client.get(), &ChatClient::messageReceived, nullptr, nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Disconnected, 10000);
    }

    // §7: true then false must reach the server in that order, even when
    // the first POST is slow and the second could take another connection.
    void typingReachesTheServerInOrder()
    {
        Tools::FaultProxy proxy;
        proxy.setUpstream(QHostAddress::LocalHost, server->port());
        Tools::FaultOptions faults;
        faults.delayFirst = QStringLiteral("/typing");
        faults.maxDelayMs = 800;
        proxy.setOptions(faults);
        QVERIFY(proxy.listen());
        client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        const Ticket ticket = createTicket();

        // true (held 800 ms by the proxy), false, true, false: latest wins.
        int succeeded = 0;
        int finished = 0;
        for (const bool state : {true, false, true, false}) {
            VoidJob *job = client->sendTyping(ticket.id(), state);
            connect(job, &ChatJob::finished, this, [&, job] {
                ++finished;
                succeeded += job->isSuccess();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 4, 15000);
        QCOMPARE(succeeded, 4);
        QCOMPARE(proxy.stats().delays, quint64(1));
        const HttpResult poll = agent().agent("GET", QStringLiteral("/events/poll"));
        QCOMPARE(poll.json.object().value(QStringLiteral("typing")).toArray().size(), 0);
    }

    // The slug is one path segment: "../../teams/acme" must not turn a chat
    // call into one on the agent root with the customer's token.
    void invalidTeamSlugIsRefused_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::newRow("traversal") << QStringLiteral("../../teams/acme");
        QTest::newRow("dot-dot") << QStringLiteral("..");
        QTest::newRow("slash") << QStringLiteral("acme/x");
        QTest::newRow("query") << QStringLiteral("acme?x=1");
        QTest::newRow("CR/LF") << QStringLiteral("acme\r\nX: y");
        QTest::newRow("empty") << QString();
    }
    void invalidTeamSlugIsRefused()
    {
        QFETCH(QString, slug);
        ChatClient c(slug);
        c.setBaseUrl(server->baseUrl());
        const ChatError error = errorOf(c.tickets().create(QStringLiteral("T")));
        QCOMPARE(error.kind(), ChatError::Kind::Validation);
        QCOMPARE(error.code(), QStringLiteral("invalid_team_slug"));
        QVERIFY(c.sessionToken().isEmpty());
    }

    void fiveHundredMessagesAcrossTenStreamDrops()
    {
        const Ticket ticket = createTicket();
        QList<QString> received;
        Subscription sub = client->onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        QStringList expected;
        for (int i = 0; i < 500; ++i) {
            const QString content = QStringLiteral("m%1").arg(i);
            expected.append(content);
            QVERIFY(!agentReply(ticket.id(), content).isEmpty());
            if (i % 50 == 25)
                control({{QStringLiteral("dropStreams"), true}});
        }
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 500, 30000);
        QCOMPARE(received, expected);
    }

    void fallsBackToPollingAndStreamsAgain_data()
    {
        QTest::addColumn<QJsonObject>("breakStream");
        QTest::addColumn<QJsonObject>("healStream");
        QTest::newRow("204 no stream") << QJsonObject {{QStringLiteral("streamDisabled"), true}}
                                       << QJsonObject {{QStringLiteral("streamDisabled"), false}};
        QTest::newRow("first byte late") << QJsonObject {{QStringLiteral("firstByteDelayMs"), 5000}}
                                         << QJsonObject {{QStringLiteral("firstByteDelayMs"), 0}};
        QTest::newRow("404") << QJsonObject {{QStringLiteral("streamStatus"), 404}}
                             << QJsonObject {{QStringLiteral("streamStatus"), 0}};
    }
    void fallsBackToPollingAndStreamsAgain()
    {
        QFETCH(QJsonObject, breakStream);
        QFETCH(QJsonObject, healStream);
        control(breakStream);
        const Ticket ticket = createTicket();
        QStringList received;
        Subscription sub = client->onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Polling, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!client->lastEventId().isEmpty(), 10000);
        agentReply(ticket.id(), QStringLiteral("while polling"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);

        control(healStream);
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 15000);
        agentReply(ticket.id(), QStringLiteral("while streaming"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(
            received,
            (QStringList {QStringLiteral("while polling"), QStringLiteral("while streaming")}));
    }

    void pollingOnlyWhenRealtimeIsOff()
    {
        client->setRealtime(false);
        const Ticket ticket = createTicket();
        QStringList received;
        Subscription sub = client->onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        QCOMPARE(client->connectionState(), ConnectionState::Polling);
        // Delivery starts from the cursor of the first poll ("from now").
        QTRY_VERIFY_WITH_TIMEOUT(!client->lastEventId().isEmpty(), 10000);
        agentReply(ticket.id(), QStringLiteral("a"));
        agentReply(ticket.id(), QStringLiteral("b"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(received, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(client->connectionState(), ConnectionState::Polling);
    }

    void postRetriedWithTheSameIdempotencyKey_data()
    {
        QTest::addColumn<QJsonObject>("failure");
        QTest::newRow("503 after commit")
            << QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                            {QStringLiteral("pathContains"), QStringLiteral("/messages")},
                            {QStringLiteral("status"), 503},
                            {QStringLiteral("count"), 2},
                            {QStringLiteral("afterHandling"), true}};
        QTest::newRow("429 Retry-After")
            << QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                            {QStringLiteral("pathContains"), QStringLiteral("/messages")},
                            {QStringLiteral("status"), 429},
                            {QStringLiteral("retryAfter"), 1},
                            {QStringLiteral("count"), 1}};
    }
    void postRetriedWithTheSameIdempotencyKey()
    {
        QFETCH(QJsonObject, failure);
        const Ticket ticket = createTicket();
        control({{QStringLiteral("failNext"), failure}});
        Job<Message> *job = client->messages().send(ticket.id(), QStringLiteral("exactly once"));
        QSignalSpy retrying(job, &ChatJob::retrying);
        const Message m = waitFor(job);
        QCOMPARE(m.content(), QStringLiteral("exactly once"));
        QCOMPARE(retrying.count(), failure.value(QStringLiteral("count")).toInt());
        int copies = 0;
        for (const QJsonValue &v : agentMessages(ticket.id()))
            copies += v.toObject().value(QStringLiteral("content")).toString()
                == QLatin1String("exactly once");
        QCOMPARE(copies, 1);
    }

    void resumesAcrossServerRestart()
    {
        const Ticket ticket = createTicket();
        QStringList received;
        Subscription sub = client->onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        agentReply(ticket.id(), QStringLiteral("before"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);

        server->kill(); // SIGKILL mid-conversation
        QTRY_VERIFY_WITH_TIMEOUT(client->connectionState() == ConnectionState::Reconnecting, 10000);
        QVERIFY(server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 15000);
        agentReply(ticket.id(), QStringLiteral("after"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
        QCOMPARE(received, (QStringList {QStringLiteral("before"), QStringLiteral("after")}));
    }

    void missedEventsReplayedAfterResubscribe()
    {
        const Ticket ticket = createTicket();
        QStringList received;
        auto collect = [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        };
        {
            Subscription sub = client->onMessage(ticket.id(), collect);
            QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
            agentReply(ticket.id(), QStringLiteral("live"));
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
        } // the last subscription goes: the stream closes, the cursor stays
        QCOMPARE(client->connectionState(), ConnectionState::Disconnected);
        QVERIFY(!client->lastEventId().isEmpty());
        agentReply(ticket.id(), QStringLiteral("missed 1"));
        agentReply(ticket.id(), QStringLiteral("missed 2"));
        Subscription again = client->onMessage(ticket.id(), collect);
        // Replayed after Last-Event-ID, once each, in order.
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 10000);
        QCOMPARE(received,
                 (QStringList {QStringLiteral("live"), QStringLiteral("missed 1"),
                               QStringLiteral("missed 2")}));
    }

    void cursorBeforeTheFirstEvent()
    {
        // A fresh stream starts with an id-only block: the client has a
        // resume cursor before anything was delivered to it.
        const Ticket ticket = createTicket();
        Subscription sub = client->onMessage(ticket.id(), [](const Message &) {});
        QTRY_VERIFY_WITH_TIMEOUT(!client->lastEventId().isEmpty(), 10000);
        QVERIFY(client->lastEventId().toLongLong() > 0);
    }

    void failedIdentifyKeepsTheAnonymousSession()
    {
        const Ticket ticket = createTicket();
        const QString token = client->sessionToken();
        const ChatError error =
            errorOf(client->identify(QByteArray(R"({"id":"x"})"), QStringLiteral("00")));
        QCOMPARE(error.code(), QStringLiteral("invalid_signature"));
        QCOMPARE(client->sessionToken(), token);
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::Anonymous);
        QCOMPARE(waitFor(client->tickets().get(ticket.id())).id(), ticket.id());
    }

    void pollingDeliversTypingOnceAndItsEnd()
    {
        client->setRealtime(false);
        const Ticket ticket = createTicket();
        QList<TypingEvent> typing;
        Subscription sub =
            client->onTyping(ticket.id(), [&](const TypingEvent &e) { typing.append(e); });
        agent().agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticket.id()),
                      QJsonObject {{QStringLiteral("isTyping"), true}});
        QTRY_COMPARE_WITH_TIMEOUT(typing.size(), 1, 10000);
        QVERIFY(typing.first().isTyping);
        agent().agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticket.id()),
                      QJsonObject {{QStringLiteral("isTyping"), false}});
        QTRY_COMPARE_WITH_TIMEOUT(typing.size(), 2, 10000);
        QVERIFY(!typing.last().isTyping);
        // Polls later (a message needs one more): still exactly those two.
        QSignalSpy messages(client.get(), &ChatClient::messageReceived);
        agentReply(ticket.id(), QStringLiteral("sync"));
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() >= 1, 10000);
        QCOMPARE(typing.size(), 2);
    }

    void resetAsksForResync()
    {
        // A cursor above the server's latest id: the server answers `reset`.
        const Ticket ticket = createTicket();
        client->setLastEventId(QStringLiteral("999999"));
        QSignalSpy resync(client.get(), &ChatClient::resyncRequired);
        QStringList received;
        Subscription sub =
            client->onMessage(ticket.id(), [&](const Message &m) { received.append(m.content()); });
        QVERIFY(resync.wait(10000));
        QVERIFY(client->lastEventId().toLongLong() < 999999);
        agentReply(ticket.id(), QStringLiteral("after reset"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
        QCOMPARE(received.first(), QStringLiteral("after reset"));
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
