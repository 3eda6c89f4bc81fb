// SPDX-License-Identifier: MIT
// ChatState: the session survives a restart (0600 file when no keychain),
// the keychain fallback is quick, errors surface, reset wipes unread state.
#include "messagesmodel.h"
#include "modeltestsupport.h"
#include "unreadtracker.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
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

    static QStringList sessionFiles(const QString &dir)
    {
        return QDir(dir).entryList({QStringLiteral("session-*.json")}, QDir::Files);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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
        UnreadTracker *tracker = UnreadTracker::forClient(app.client.get());
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
