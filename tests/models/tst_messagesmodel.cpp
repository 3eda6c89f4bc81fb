// SPDX-License-Identifier: MIT
// MessagesModel against a real devserver: local echo matched both ways,
// failure → retry without duplicates, history paging, typing leases, unread
// counts across a restart.
#include "messagesmodel.h"
#include "modeltestsupport.h"
#include "ticketsmodel.h"
#include "unreadtracker.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

class TestMessagesModel : public QObject
{
    Q_OBJECT

private:
    template<typename Model>
    Model *tested(Model *model)
    {
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal,
                                     this);
        return model;
    }

    bool startServer(DevServerProcess &server, const QStringList &args = {})
    {
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs() + args;
        return server.start(options);
    }

    static QJsonObject failNext(int status, bool afterHandling)
    {
        return {{QStringLiteral("failNext"),
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                              {QStringLiteral("pathContains"), QStringLiteral("/messages")},
                              {QStringLiteral("status"), status},
                              {QStringLiteral("afterHandling"), afterHandling}}}};
    }

    static int rowsWithClientId(const MessagesModel &model, const QString &clientMessageId)
    {
        int n = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            n += model.message(row).clientMessageId() == clientMessageId ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void localEchoResponseFirst()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        // Polling with a long interval: the HTTP answer surely comes first;
        // the event's copy is fetched afterwards, on our signal.
        app.client->setRealtime(false);
        app.client->setPollingInterval(60000);
        QVERIFY(app.identify(server, QStringLiteral("cust-echo")));
        const QString ticket =
            createTicket(app.client.get(), QStringLiteral("Echo"), QStringLiteral("Hi"));
        QVERIFY(!ticket.isEmpty());

        std::unique_ptr<MessagesModel> model(tested(new MessagesModel(app.client.get(), ticket)));
        TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);
        TRY_VERIFY(!app.client->lastEventId().isEmpty()); // the poll cursor is set

        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        const QString clientId = model->send(QStringLiteral("Hello from Qt"));
        QVERIFY(!clientId.isEmpty());
        // Local echo, at once.
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex echo = model->index(1);
        QCOMPARE(echo.data(MessagesModel::ClientMessageIdRole).toString(), clientId);
        QCOMPARE(echo.data(MessagesModel::DeliveryStateRole).value<DeliveryState>(),
                 DeliveryState::Sending);
        QVERIFY(echo.data(MessagesModel::IsOwnRole).toBool());
        QVERIFY(echo.data(MessagesModel::IdRole).toString().isEmpty());
        QCOMPARE(app.outbox()->count(), 1); // persisted before the first attempt

        // The HTTP answer replaces it in place.
        TRY_COMPARE(model->deliveryState(1), DeliveryState::Sent);
        QCOMPARE(model->rowCount(), 2);
        const QString id = model->message(1).id();
        QVERIFY(id.startsWith(QLatin1String("msg_")));
        QCOMPARE(model->rowOfId(id), 1);
        QCOMPARE(model->rowOfClientMessageId(clientId), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 1);
        const QList<int> roles = changed.last().at(2).value<QList<int>>();
        QVERIFY(roles.contains(MessagesModel::IdRole));
        QVERIFY(roles.contains(MessagesModel::DeliveryStateRole));
        QVERIFY(!roles.contains(MessagesModel::ClientMessageIdRole));
        QVERIFY(!roles.contains(MessagesModel::IsOwnRole));
        QCOMPARE(app.outbox()->count(), 0);

        // Now the event's copy arrives: ignored, no second row.
        QSignalSpy received(app.client.get(), &ChatClient::messageReceived);
        app.client->setPollingInterval(100);
        TRY_VERIFY(!received.isEmpty());
        QCOMPARE(received.first().first().value<Message>().id(), id);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(rowsWithClientId(*model, clientId), 1);
        TestHttp http(server);
        QCOMPARE(agentContents(http, ticket),
                 (QStringList {QStringLiteral("Hi"), QStringLiteral("Hello from Qt")}));
    }

    void localEchoStreamFirst()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        TransportOptions options = fastOptions();
        options.maxRetries = 0;
        app.client->setTransportOptions(options);
        // After the failed answer the outbox would wait a minute: only the
        // event stream can deliver the server's copy within this test.
        app.outbox()->setRetryDelays(60000, 60000);
        QVERIFY(app.identify(server, QStringLiteral("cust-stream")));
        const QString ticket =
            createTicket(app.client.get(), QStringLiteral("Stream"), QStringLiteral("Hi"));
        std::unique_ptr<MessagesModel> model(tested(new MessagesModel(app.client.get(), ticket)));
        TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);
        TRY_VERIFY(app.state->isRealtimeReady());

        // The server stores the message (and streams it), then answers 503.
        TestHttp http(server);
        QCOMPARE(http.control(failNext(503, true)).status, 200);
        const QString clientId = model->send(QStringLiteral("Via the stream"));
        QCOMPARE(model->rowCount(), 2);
        TRY_COMPARE(model->deliveryState(1), DeliveryState::Sent);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(rowsWithClientId(*model, clientId), 1);
        QVERIFY(!model->message(1).id().isEmpty());
        QCOMPARE(model->message(1).content(), QStringLiteral("Via the stream"));
        QCOMPARE(app.outbox()->count(), 0); // acknowledged by the stream's copy
        QCOMPARE(agentContents(http, ticket).count(QStringLiteral("Via the stream")), 1);
    }

    void failedRetryAndDiscard()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-retry")));
        const QString ticket =
            createTicket(app.client.get(), QStringLiteral("Retry"), QStringLiteral("Hi"));
        std::unique_ptr<MessagesModel> model(tested(new MessagesModel(app.client.get(), ticket)));
        TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);

        TestHttp http(server);
        QCOMPARE(http.control(failNext(422, false)).status, 200);
        const QString clientId = model->send(QStringLiteral("Needs a retry"));
        TRY_COMPARE(model->deliveryState(1), DeliveryState::Failed);
        QVERIFY(app.outbox()->entry(clientId).needsUser); // not retried on its own
        QCOMPARE(app.outbox()->entry(clientId).error.kind(), ChatError::Kind::Validation);
        QVERIFY(!agentContents(http, ticket).contains(QStringLiteral("Needs a retry")));

        QVERIFY(model->retry(1));
        QCOMPARE(model->deliveryState(1), DeliveryState::Sending);
        TRY_COMPARE(model->deliveryState(1), DeliveryState::Sent);
        QCOMPARE(model->message(1).clientMessageId(), clientId); // the same id
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(agentContents(http, ticket).count(QStringLiteral("Needs a retry")), 1);

        // A failed message the user gives up on.
        QCOMPARE(http.control(failNext(422, false)).status, 200);
        const QString dropped = model->send(QStringLiteral("Never mind"));
        TRY_COMPARE(model->deliveryState(2), DeliveryState::Failed);
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(model->discard(2));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->rowOfClientMessageId(dropped), -1);
        QCOMPARE(app.outbox()->count(), 0);
        QVERIFY(!model->discard(1)); // sent messages stay
    }

    void serverMessagesGoAbovePendingEchoes()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-order")));
        const QString ticket =
            createTicket(app.client.get(), QStringLiteral("Order"), QStringLiteral("Hi"));
        std::unique_ptr<MessagesModel> model(tested(new MessagesModel(app.client.get(), ticket)));
        TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);

        // The customer's message cannot get through (it stays Failed/Sending)…
        TestHttp http(server);
        QCOMPARE(http.control(failNext(422, false)).status, 200);
        const QString clientId = model->send(QStringLiteral("still on its way"));
        TRY_COMPARE(model->deliveryState(1), DeliveryState::Failed);
        // …while an agent reply arrives: it goes above the pending echo.
        QCOMPARE(
            http.agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticket),
                       QJsonObject {{QStringLiteral("content"), QStringLiteral("agent reply")}})
                .status,
            201);
        TRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->message(1).content(), QStringLiteral("agent reply"));
        QCOMPARE(model->message(2).clientMessageId(), clientId);
        QCOMPARE(model->rowOfClientMessageId(clientId), 2);
        QCOMPARE(model->rowOfId(model->message(1).id()), 1);
        QVERIFY(model->retry(2));
        TRY_COMPARE(model->deliveryState(2), DeliveryState::Sent);
    }

    void historyPaging()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-history")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("History"));
        TestHttp http(server);
        QStringList expected;
        for (int i = 1; i <= 12; ++i) {
            expected.append(QStringLiteral("m%1").arg(i));
            QVERIFY(agentSays(http, ticket, expected.constLast()));
        }

        auto *raw = new MessagesModel(this);
        QSignalSpy inserted(raw, &QAbstractItemModel::rowsInserted);
        raw->setPageSize(5);
        raw->setClient(app.client.get());
        raw->setTicketId(ticket);
        std::unique_ptr<MessagesModel> model(tested(raw));
        TRY_VERIFY(inserted.count() >= 1);
        // The newest page first, chronological.
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 4);
        const QPersistentModelIndex newest(model->index(model->rowCount() - 1));
        QCOMPARE(newest.data(MessagesModel::ContentRole).toString(), QStringLiteral("m12"));

        // Qt's fetchMore() is "more rows at the end": a view showing the last
        // row (as the model tester, or a chat at its bottom) pages nothing.
        TRY_VERIFY(model->canFetchOlder());
        QVERIFY(model->hasMore());
        QVERIFY(!model->canFetchMore(QModelIndex()));
        model->fetchMore(QModelIndex());
        QVERIFY(model->canFetchOlder()); // no page on its way
        QCOMPARE(model->rowCount(), 5);

        // Older history only by fetchOlder(), one page at a time.
        QSignalSpy canFetchOlder(model.get(), &MessagesModel::canFetchOlderChanged);
        model->fetchOlder();
        QVERIFY(!model->canFetchOlder()); // the page is on its way
        QCOMPARE(canFetchOlder.count(), 1);
        model->fetchOlder(); // ignored meanwhile
        TRY_VERIFY(model->canFetchOlder());
        QCOMPARE(model->rowCount(), 10);
        QCOMPARE(model->message(0).content(), QStringLiteral("m3"));
        model->fetchOlder();
        TRY_COMPARE(model->rowCount(), 12);
        TRY_VERIFY(!model->hasMore());
        QVERIFY(!model->canFetchOlder());
        QCOMPARE(canFetchOlder.count(), 3); // false, true, false: the last page ended it
        for (int i = 1; i < inserted.count(); ++i)
            QCOMPARE(inserted.at(i).at(1).toInt(), 0); // prepended
        QStringList contents;
        for (int row = 0; row < model->rowCount(); ++row) {
            contents.append(model->message(row).content());
            QCOMPARE(model->rowOfId(model->message(row).id()), row); // O(1) index stays right
        }
        QCOMPARE(contents, expected);
        QVERIFY(newest.isValid());
        QCOMPARE(newest.row(), 11); // existing rows kept their identity
        QCOMPARE(newest.data(MessagesModel::ContentRole).toString(), QStringLiteral("m12"));

        QVERIFY(model->index(0).data(MessagesModel::ShowSenderRole).toBool());
        QVERIFY(!model->index(1).data(MessagesModel::ShowSenderRole).toBool());
        QVERIFY(!model->index(0).data(MessagesModel::DaySectionRole).toString().isEmpty());
        // Never read: everything from the agent is unread, the first one marked.
        QCOMPARE(model->unreadCount(), 12);
        QVERIFY(model->index(0).data(MessagesModel::IsFirstUnreadRole).toBool());
        QVERIFY(!model->index(5).data(MessagesModel::IsFirstUnreadRole).toBool());
        model->markRead();
        QCOMPARE(model->unreadCount(), 0);
        QVERIFY(!model->index(0).data(MessagesModel::IsFirstUnreadRole).toBool());
    }

    void typingExpiresWithoutFalse()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server, {QStringLiteral("--typing-lease-ms"), QStringLiteral("300")}),
                 qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-typing")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Typing"));
        std::unique_ptr<MessagesModel> model(tested(new MessagesModel(app.client.get(), ticket)));
        TRY_VERIFY(!model->isLoading() && app.state->isRealtimeReady());

        QList<QStringList> seen;
        connect(model.get(), &MessagesModel::typingUsersChanged, this,
                [&seen, &model] { seen.append(model->typingUsers()); });
        TestHttp http(server);
        QCOMPARE(http.agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticket),
                            {{QStringLiteral("isTyping"), true},
                             {QStringLiteral("senderName"), QStringLiteral("Ann")}})
                     .status,
                 204);
        // No `false` is ever sent: the 300 ms lease runs out on its own.
        TRY_COMPARE(seen.size(), 2);
        QCOMPARE(seen.at(0), QStringList {QStringLiteral("Ann")});
        QVERIFY(seen.at(1).isEmpty());
        QVERIFY(model->typingUsers().isEmpty());
    }

    void typingEndsWithTheTypistsMessage()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-typing2")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Typing"));
        std::unique_ptr<MessagesModel> model(tested(new MessagesModel(app.client.get(), ticket)));
        TRY_VERIFY(!model->isLoading() && app.state->isRealtimeReady());

        TestHttp http(server);
        QCOMPARE(http.agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticket),
                            {{QStringLiteral("isTyping"), true},
                             {QStringLiteral("senderName"), QStringLiteral("Ann")}})
                     .status,
                 204);
        TRY_COMPARE(model->typingUsers(), QStringList {QStringLiteral("Ann")});
        QStringList typingWhenInserted {QStringLiteral("unset")};
        connect(model.get(), &QAbstractItemModel::rowsInserted, this,
                [&typingWhenInserted, &model] { typingWhenInserted = model->typingUsers(); });
        QVERIFY(agentSays(http, ticket, QStringLiteral("Here I am"), QStringLiteral("Ann")));
        TRY_COMPARE(model->rowCount(), 1);
        QVERIFY(typingWhenInserted.isEmpty()); // gone with the message, not 6 s later
    }

    void unreadAcrossRestart()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        TestHttp http(server);
        QString ticket;
        {
            App app(server, dir.path());
            QVERIFY(app.identify(server, QStringLiteral("cust-unread")));
            ticket = createTicket(app.client.get(), QStringLiteral("Unread"), QStringLiteral("Hi"));
            std::unique_ptr<MessagesModel> model(
                tested(new MessagesModel(app.client.get(), ticket)));
            TRY_VERIFY(!model->isLoading() && model->rowCount() == 1);
            TRY_VERIFY(app.state->isRealtimeReady());
            QCOMPARE(model->unreadCount(), 0); // own messages never count
            QVERIFY(agentSays(http, ticket, QStringLiteral("one")));
            QVERIFY(agentSays(http, ticket, QStringLiteral("two")));
            TRY_COMPARE(model->unreadCount(), 2);
            QVERIFY(model->index(1).data(MessagesModel::IsFirstUnreadRole).toBool());
        }
        {
            // New client and models on the same storage directory.
            App app(server, dir.path());
            QCOMPARE(app.client->sessionKind(), ChatClient::SessionKind::Identified);
            std::unique_ptr<TicketsModel> tickets(tested(new TicketsModel(app.client.get())));
            TRY_COMPARE(tickets->rowCount(), 1);
            QCOMPARE(tickets->data(tickets->index(0), TicketsModel::UnreadCountRole).toInt(), 2);
            std::unique_ptr<MessagesModel> model(
                tested(new MessagesModel(app.client.get(), ticket)));
            TRY_VERIFY(!model->isLoading() && model->rowCount() == 3);
            QCOMPARE(model->unreadCount(), 2);
            QVERIFY(model->index(1).data(MessagesModel::IsFirstUnreadRole).toBool());
            model->markRead();
            QCOMPARE(model->unreadCount(), 0);
            TRY_COMPARE(tickets->data(tickets->index(0), TicketsModel::UnreadCountRole).toInt(), 0);
        }
        {
            App app(server, dir.path());
            std::unique_ptr<MessagesModel> model(
                tested(new MessagesModel(app.client.get(), ticket)));
            TRY_VERIFY(!model->isLoading() && model->rowCount() == 3);
            QCOMPARE(model->unreadCount(), 0);
            QVERIFY(!model->index(1).data(MessagesModel::IsFirstUnreadRole).toBool());
            TRY_VERIFY(app.state->isRealtimeReady());
            QVERIFY(agentSays(http, ticket, QStringLiteral("three")));
            TRY_COMPARE(model->unreadCount(), 1);
            QVERIFY(model->index(3).data(MessagesModel::IsFirstUnreadRole).toBool());
        }
    }
};

QTEST_GUILESS_MAIN(TestMessagesModel)
#include "tst_messagesmodel.moc"
