// SPDX-License-Identifier: MIT
// The demo end to end: `--screenshot` renders a real conversation, and the
// customer window and agent console hold one together over the real server.
#include "agentconsole.h"
#include "chatclient.h"
#include "chatpanel.h"
#include "composer.h"
#include "customerwindow.h"
#include "demoapp.h"
#include "devserverprocess.h"
#include "messagesmodel.h"
#include "ticketsmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSet>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace CStar;
using namespace CStar::Demo;
using namespace CStar::Testing;

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void screenshotEndToEnd()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("demo.png"));
        QProcess demo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path()); // keep the user's data dir clean
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        demo.setProcessEnvironment(env);
        demo.start(QStringLiteral(CSTAR_DEMO_PATH), {QStringLiteral("--screenshot"), png});
        QVERIFY(demo.waitForFinished(60000));
        QVERIFY2(demo.exitCode() == 0, demo.readAllStandardError().constData());
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 1000);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 200,
                 qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    }

    void helpDocumentsEveryOption()
    {
        QProcess demo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        demo.setProcessEnvironment(env);
        demo.start(QStringLiteral(CSTAR_DEMO_PATH), {QStringLiteral("--help")});
        QVERIFY(demo.waitForFinished(30000));
        const QString help = QString::fromUtf8(demo.readAllStandardOutput());
        for (const char *option : {"--server", "--team", "--agent-key", "--chat-secret", "--db",
                                   "--qml", "--poll", "--screenshot"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void customerAndAgentTogether()
    {
        DevServerProcess server;
        DevServerProcess::Options serverOptions;
        serverOptions.extraArgs = {QStringLiteral("--retry-ms"), QStringLiteral("20")};
        QVERIFY(server.start(serverOptions));
        QTemporaryDir storage;
        DemoOptions options;
        options.server = server.baseUrl();
        options.team = server.team();
        options.agentKey = server.agentKey();
        options.chatSecret = server.chatSecret();
        options.storageDirectory = storage.path();
        options.keychain = false;
        DemoApp demo;
        QString error;
        QVERIFY2(demo.start(options, &error), qPrintable(error));
        demo.showWindows();
        ChatPanel *panel = demo.customerWindow()->panel();
        AgentConsole *agent = demo.agentConsole();
        QVERIFY(panel && agent);
        new QAbstractItemModelTester(panel->messagesModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, panel);

        // Customer starts a conversation through the UI.
        QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("newConversationButton")),
                          Qt::LeftButton);
        auto *edit = panel->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("My parcel never arrived"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->currentTicketId().isEmpty(), 10000);
        const QString ticketId = panel->currentTicketId();

        // The agent sees it.
        QTRY_VERIFY_WITH_TIMEOUT(agent->ticketModel()->rowCount() == 1, 10000);
        agent->openTicket(ticketId);
        QTRY_COMPARE_WITH_TIMEOUT(agent->messageModel()->rowCount(), 1, 10000);

        // Customer typing reaches the agent.
        QTest::keyClicks(edit, QStringLiteral("Order"));
        QTRY_VERIFY_WITH_TIMEOUT(agent->typingText().contains(QStringLiteral("typing")), 10000);

        // Agent types (customer sees it) and replies with Enter.
        auto *agentEdit =
            agent->composer()->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
        QVERIFY(agentEdit);
        agentEdit->setFocus();
        QTest::keyClicks(agentEdit, QStringLiteral("Let me check"));
        auto *typing = panel->findChild<QLabel *>(QStringLiteral("typingIndicator"));
        QTRY_VERIFY_WITH_TIMEOUT(typing->text().contains(QStringLiteral("Ana is typing")), 10000);
        QTest::keyClick(agentEdit, Qt::Key_Return);
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
        QCOMPARE(messages->index(1).data(MessagesModel::ContentRole).toString(),
                 QStringLiteral("Let me check"));
        QCOMPARE(messages->index(1).data(MessagesModel::SenderNameRole).toString(),
                 QStringLiteral("Ana"));

        // Sign in as a known customer: the anonymous ticket moves along.
        demo.customerWindow()->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(demo.client()->sessionKind(), ChatClient::SessionKind::Identified,
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->ticketsModel()->rowOf(ticketId) >= 0
                                     && !panel->ticketsModel()->error().isError(),
                                 10000);
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
