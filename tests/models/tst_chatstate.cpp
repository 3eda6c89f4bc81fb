// SPDX-License-Identifier: MIT
// ChatState: the session survives a restart (0600 file when no keychain),
// the keychain fallback is quick, errors surface, reset wipes unread state.
#include "messagesmodel.h"
#include "modeltestsupport.h"
#include "ticketsmodel.h"
#include "unreadtracker.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

class TestChatState : public QObject
{
    Q_OBJECT

private:
    bool startServer(DevServerProcess &server)
    {
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs();
        return server.start(options);
    }

    /// Rows of the outbox table in `databasePath` with `clientMessageId`
    /// (read beside the library, as a second process would).
    static int storedEntries(const QString &databasePath, const QString &clientMessageId)
    {
        int n = -1;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(databasePath);
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(
                    QStringLiteral("SELECT COUNT(*) FROM outbox WHERE client_message_id = ?"));
                query.addBindValue(clientMessageId);
                if (query.exec() && query.next())
                    n = query.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return n;
    }

    static QStringList sessionFiles(const QString &dir)
    {
        return QDir(dir).entryList({QStringLiteral("session-*.json")}, QDir::Files);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Issue 19: models made before ChatState found no outbox and opened one
    // in the default location, where it stayed (findChild). The client owns
    // its stores now; whatever the order, they end up in the directory set,
    // with what they hold.
    void storesFollowTheClientWhateverTheOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ChatClient client(QStringLiteral("acme"));
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9"))); // nothing listens
        client.setTransportOptions(fastOptions());
        TicketsModel tickets(&client);
        new QAbstractItemModelTester(&tickets,
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, this);
        MessagesModel messages(&client, QStringLiteral("tkt_before"));
        new QAbstractItemModelTester(&messages,
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, this);
        TRY_VERIFY(!messages.isLoading()); // the page failed: no server
        const QString clientMessageId = messages.send(QStringLiteral("written before ChatState"));
        QVERIFY(!clientMessageId.isEmpty());
        const QString before = client.outbox()->databasePath();
        QCOMPARE(QFileInfo(before).absolutePath(),
                 QFileInfo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                           + QStringLiteral("/cstar-chat"))
                     .absoluteFilePath());
        QCOMPARE(storedEntries(before, clientMessageId), 1);

        ChatState state;
        state.setKeychainEnabled(false);
        state.setStorageDirectory(dir.path());
        state.setClient(&client);

        const QString expected = QDir(dir.path()).filePath(QStringLiteral("chat.sqlite"));
        QCOMPARE(client.storageDirectory(), dir.path());
        QCOMPARE(client.outbox()->databasePath(), expected);
        QVERIFY(client.outbox()->isOpen());
        QCOMPARE(storedEntries(expected, clientMessageId), 1); // moved, not copied
        QCOMPARE(storedEntries(before, clientMessageId), 0);
        QCOMPARE(client.outbox()->entry(clientMessageId).content,
                 QStringLiteral("written before ChatState"));
        QCOMPARE(messages.rowOfClientMessageId(clientMessageId), 0); // the echo stays
        QCOMPARE(messages.deliveryState(0), DeliveryState::Sending);

        // Models made after ChatState use the same stores.
        MessagesModel later(&client, QStringLiteral("tkt_before"));
        TRY_COMPARE(later.rowOfClientMessageId(clientMessageId), 0);
        client.outbox()->discard(clientMessageId);
        QCOMPARE(storedEntries(expected, clientMessageId), 0);
    }

    void sessionSurvivesRestartInPrivateFile()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QString token;
        {
            App app(server, dir.path());
            QVERIFY(app.state->isRestored());
            QCOMPARE(app.state->tokenStorage(), ChatState::TokenStorage::File);
            QVERIFY(!app.state->isIdentified());
            QSignalSpy identified(app.state.get(), &ChatState::identifiedChanged);
            QSignalSpy customer(app.state.get(), &ChatState::customerChanged);
            QVERIFY(app.identify(server, QStringLiteral("cust-state"), QStringLiteral("Cleo")));
            QVERIFY(app.state->isIdentified());
            QCOMPARE(app.state->sessionKind(), ChatClient::SessionKind::Identified);
            QCOMPARE(app.state->customer().name, QStringLiteral("Cleo"));
            QCOMPARE(identified.count(), 1);
            QCOMPARE(customer.count(), 1);
            token = app.client->sessionToken();
            QVERIFY(!token.isEmpty());

            const QStringList files = sessionFiles(dir.path());
            QCOMPARE(files.size(), 1);
            const QFile::Permissions permissions = QFile::permissions(dir.filePath(files.first()));
            QVERIFY(permissions & QFile::ReadOwner);
            QVERIFY(
                !(permissions
                  & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
        }
        {
            App app(server, dir.path()); // a restart of the app
            QVERIFY(app.state->isRestored());
            QVERIFY(app.state->isIdentified());
            QCOMPARE(app.client->sessionToken(), token);
            QCOMPARE(app.state->customer().name, QStringLiteral("Cleo"));
            // The restored token works.
            QVERIFY(!createTicket(app.client.get(), QStringLiteral("Still me")).isEmpty());
            QCOMPARE(app.client->sessionToken(), token);
        }
    }

    void keychainFallsBackQuickly()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("A session bus is present; not touching the user's real keychain");
        QTemporaryDir dir;
        ChatClient client(QStringLiteral("acme"));
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        ChatState state;
        state.setStorageDirectory(dir.path());
        state.setKeychainTimeout(5000);
        QSignalSpy storage(&state, &ChatState::tokenStorageChanged);
        state.setClient(&client);
        QTRY_VERIFY_WITH_TIMEOUT(state.isRestored(), 10000);
        QCOMPARE(state.tokenStorage(), ChatState::TokenStorage::File);
        QCOMPARE(client.sessionKind(), ChatClient::SessionKind::None);
    }

    void surfacesStateAndErrors()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QCOMPARE(app.state->client(), app.client.get());
        QCOMPARE(app.state->connectionState(), ConnectionState::Disconnected);
        QVERIFY(!app.state->isRealtimeReady());

        // A bad signature: the job fails and lastError says why.
        QSignalSpy errors(app.state.get(), &ChatState::lastErrorChanged);
        ChatError error;
        QVERIFY(!waitForJob(
            app.state->identify(QStringLiteral("{\"id\":\"x\"}"), QStringLiteral("00ff")), &error));
        QCOMPARE(error.kind(), ChatError::Kind::Authentication);
        QCOMPARE(app.state->lastError().kind(), ChatError::Kind::Authentication);
        QVERIFY(!errors.isEmpty());

        // Realtime starts with the first model.
        QVERIFY(app.identify(server, QStringLiteral("cust-rt")));
        QVERIFY(!app.state->lastError().isError());
        const QString ticket = createTicket(app.client.get(), QStringLiteral("RT"));
        QSignalSpy ready(app.state.get(), &ChatState::realtimeReadyChanged);
        auto model = std::make_unique<MessagesModel>(app.client.get(), ticket);
        new QAbstractItemModelTester(model.get(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, this);
        TRY_VERIFY(app.state->isRealtimeReady());
        QCOMPARE(app.state->connectionState(), ConnectionState::Streaming);
        QCOMPARE(ready.count(), 1);
    }

    void logoutKeepsUnreadResetWipesIt()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        TestHttp http(server);
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-kiosk")));
        const QString ticket =
            createTicket(app.client.get(), QStringLiteral("Kiosk"), QStringLiteral("hi"));
        auto model = std::make_unique<MessagesModel>(app.client.get(), ticket);
        new QAbstractItemModelTester(model.get(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, this);
        TRY_VERIFY(!model->isLoading() && app.state->isRealtimeReady());
        QVERIFY(agentSays(http, ticket, QStringLiteral("ping")));
        TRY_COMPARE(model->unreadCount(), 1);
        UnreadTracker *tracker = app.client->unreadTracker();
        // Closed, so that only what is stored counts below (an open model
        // would recount the never-read message after a reset, rightly).
        model.reset();

        QVERIFY(waitForJob(app.state->logout()));
        QCOMPARE(tracker->unreadCount(ticket), 0); // another (no) customer now
        QVERIFY(sessionFiles(dir.path()).isEmpty());
        QVERIFY(app.identify(server, QStringLiteral("cust-kiosk")));
        QCOMPARE(tracker->unreadCount(ticket), 1); // logout keeps it

        QVERIFY(waitForJob(app.state->reset()));
        QCOMPARE(app.state->sessionKind(), ChatClient::SessionKind::None);
        QVERIFY(sessionFiles(dir.path()).isEmpty());
        QVERIFY(app.identify(server, QStringLiteral("cust-kiosk")));
        QCOMPARE(tracker->unreadCount(ticket), 0); // reset wiped it
    }
};

QTEST_GUILESS_MAIN(TestChatState)
#include "tst_chatstate.moc"
