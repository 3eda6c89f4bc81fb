// SPDX-License-Identifier: MIT
// The durable outbox: messages survive the app going away and reach the
// server exactly once, in order, after a restart; logout wipes them.
#include "messagesmodel.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

class TestOutbox : public QObject
{
    Q_OBJECT

private:
    MessagesModel *newModel(ChatClient *client, const QString &ticket)
    {
        return testedMessagesModel(client, ticket, this);
    }

    bool startServer(DevServerProcess &server)
    {
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs();
        return server.start(options);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void deliversAfterRestartExactlyOnceInOrder()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        TestHttp http(server);
        QString ticket;
        QStringList clientIds;
        {
            App app(server, dir.path());
            TransportOptions options = fastOptions();
            options.maxRetries = 0;
            app.client->setTransportOptions(options);
            // No event stream: nothing but the HTTP answer can acknowledge.
            app.client->setRealtime(false);
            app.client->setPollingInterval(60000);
            app.outbox()->setRetryDelays(60000, 60000);
            QVERIFY(app.identify(server, QStringLiteral("cust-outbox")));
            ticket =
                createTicket(app.client.get(), QStringLiteral("Offline"), QStringLiteral("before"));
            std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
            TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);

            // The server stores "zero" but its answer is lost (a crash
            // right after the request would look the same).
            QCOMPARE(http.control({{QStringLiteral("failNext"),
                                    QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                                                 {QStringLiteral("pathContains"),
                                                  QStringLiteral("/messages")},
                                                 {QStringLiteral("status"), 503},
                                                 {QStringLiteral("afterHandling"), true}}}})
                         .status,
                     200);
            clientIds << model->send(QStringLiteral("zero"));
            TRY_COMPARE(model->deliveryState(1), DeliveryState::Failed);
            QVERIFY(!app.outbox()->entry(clientIds.constFirst()).needsUser); // will retry
            QCOMPARE(agentContents(http, ticket).count(QStringLiteral("zero")), 1);

            // Offline: three more messages.
            server.stop();
            for (const char *text : {"one", "two", "three"})
                clientIds << model->send(QString::fromLatin1(text));
            QCOMPARE(model->rowCount(), 5);
            QCOMPARE(app.outbox()->count(), 4);
            QCOMPARE(model->deliveryState(2), DeliveryState::Sending);
            // The app goes away without any clean-up of its own.
        }

        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        {
            App app(server, dir.path());
            QCOMPARE(app.client->sessionKind(), ChatClient::SessionKind::Identified);
            const QList<OutboxEntry> waiting = app.outbox()->entries();
            QCOMPARE(waiting.size(), 4);
            for (int i = 0; i < 4; ++i) {
                QCOMPARE(waiting.at(i).clientMessageId, clientIds.at(i));
                QCOMPARE(waiting.at(i).state, DeliveryState::Sending);
            }
            std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
            TRY_COMPARE(app.outbox()->count(), 0);
            TRY_VERIFY(!model->isLoading());
            TRY_COMPARE(model->rowCount(), 5);
            for (int row = 0; row < model->rowCount(); ++row)
                TRY_COMPARE(model->deliveryState(row), DeliveryState::Sent);
            for (const QString &id : std::as_const(clientIds))
                QVERIFY(model->rowOfClientMessageId(id) >= 0);
            QCOMPARE(agentContents(http, ticket),
                     (QStringList {QStringLiteral("before"), QStringLiteral("zero"),
                                   QStringLiteral("one"), QStringLiteral("two"),
                                   QStringLiteral("three")}));
        }
    }

    void retriesWhenTheConnectionReturns()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        // The backoff alone would wait a minute: only the connection coming
        // back can trigger the retry within this test.
        app.outbox()->setRetryDelays(60000, 60000);
        QVERIFY(app.identify(server, QStringLiteral("cust-flaky")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Flaky"));
        std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
        TRY_VERIFY(!model->isLoading() && app.state->isRealtimeReady());

        server.stop();
        TRY_VERIFY(!app.state->isRealtimeReady());
        const QString clientId = model->send(QStringLiteral("while offline"));
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Failed);
        QCOMPARE(app.outbox()->entry(clientId).error.kind(), ChatError::Kind::Network);
        QVERIFY(!app.outbox()->entry(clientId).needsUser);

        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        TRY_VERIFY(app.state->isRealtimeReady());
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Sent);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(app.outbox()->count(), 0);
        TestHttp http(server);
        QCOMPARE(agentContents(http, ticket), QStringList {QStringLiteral("while offline")});
    }

    void scopedPerCustomer()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        TestHttp http(server);
        const QJsonObject reject {
            {QStringLiteral("failNext"),
             QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                          {QStringLiteral("pathContains"), QStringLiteral("/messages")},
                          {QStringLiteral("status"), 422}}}};
        App app(server, dir.path());

        // Customer A leaves a failed message behind …
        QVERIFY(app.identify(server, QStringLiteral("cust-a"), QStringLiteral("Ann")));
        const QString ticketA = createTicket(app.client.get(), QStringLiteral("A"));
        std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticketA));
        TRY_VERIFY(!model->isLoading());
        QCOMPARE(http.control(reject).status, 200);
        const QString clientIdA = model->send(QStringLiteral("for A"));
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Failed);

        // … B signs in on the same machine: A's entry is not B's.
        QVERIFY(app.identify(server, QStringLiteral("cust-b"), QStringLiteral("Bob")));
        QCOMPARE(app.outbox()->count(), 0);
        const QString ticketB = createTicket(app.client.get(), QStringLiteral("B"));
        model->setTicketId(ticketB);
        TRY_VERIFY(!model->isLoading());
        QCOMPARE(http.control(reject).status, 200);
        model->send(QStringLiteral("for B"));
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Failed);
        QCOMPARE(app.outbox()->count(), 1);

        // B's logout wipes only B's entries.
        QVERIFY(waitForJob(app.state->logout()));
        QCOMPARE(app.outbox()->count(), 0);
        QVERIFY(app.identify(server, QStringLiteral("cust-a"), QStringLiteral("Ann")));
        QCOMPARE(app.outbox()->count(), 1);
        QCOMPARE(app.outbox()->entries().first().clientMessageId, clientIdA);
        model->setTicketId(ticketA);
        TRY_VERIFY(!model->isLoading());
        QCOMPARE(model->deliveryState(0), DeliveryState::Failed);
        QVERIFY(model->retry(0));
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Sent);
        QCOMPARE(agentContents(http, ticketA), QStringList {QStringLiteral("for A")});
        QVERIFY(agentContents(http, ticketB).isEmpty());
    }

    void logoutWipesTokenAndOutbox()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        TestHttp http(server);
        QString ticket;
        {
            App app(server, dir.path());
            QVERIFY(app.identify(server, QStringLiteral("cust-shared")));
            ticket =
                createTicket(app.client.get(), QStringLiteral("Shared"), QStringLiteral("hello"));
            std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
            TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);
            const QStringList sessionFiles = {QStringLiteral("session-*.json")};
            QCOMPARE(QDir(dir.path()).entryList(sessionFiles, QDir::Files).size(), 1);

            server.stop();
            model->send(QStringLiteral("private 1"));
            model->send(QStringLiteral("private 2"));
            QCOMPARE(app.outbox()->count(), 2);
            QCOMPARE(model->rowCount(), 3);

            waitForJob(app.state->logout()); // the server is down: local wipe anyway
            QCOMPARE(app.outbox()->count(), 0);
            QCOMPARE(model->rowCount(), 1); // the unsent rows are gone
            QCOMPARE(app.client->sessionKind(), ChatClient::SessionKind::None);
            QVERIFY(app.client->sessionToken().isEmpty());
            QCOMPARE(QDir(dir.path()).entryList(sessionFiles, QDir::Files).size(), 0);
        }
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        {
            App app(server, dir.path());
            QVERIFY(app.state->isRestored());
            QCOMPARE(app.client->sessionKind(), ChatClient::SessionKind::None);
            QCOMPARE(app.outbox()->count(), 0);
            // Even as the same customer again, nothing is left to send.
            QVERIFY(app.identify(server, QStringLiteral("cust-shared")));
            QCOMPARE(app.outbox()->count(), 0);
        }
        QCOMPARE(agentContents(http, ticket), QStringList {QStringLiteral("hello")});
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
