// SPDX-License-Identifier: MIT
// The demo end to end: `--screenshot` renders a real conversation, and the
// customer window and agent console hold one together over the real server.
#include "agentattachments.h"
#include "agentconsole.h"
#include "attachmentsapi.h"
#include "chatclient.h"
#include "chatpanel.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "customerwindow.h"
#include "demoapp.h"
#include "devserverprocess.h"
#include "messagesmodel.h"
#include "quickcustomerview.h"
#include "ticketsmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QQuickItem>
#include <QSet>
#include <QSignalSpy>
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

    /// The demo against its own devserver process, both windows shown.
    static void startDemo(DemoApp &demo, DevServerProcess &server, const QTemporaryDir &storage,
                          bool qml)
    {
        DevServerProcess::Options serverOptions;
        serverOptions.extraArgs = {QStringLiteral("--retry-ms"), QStringLiteral("20")};
        QVERIFY(server.start(serverOptions));
        DemoOptions options;
        options.server = server.baseUrl();
        options.team = server.team();
        options.agentKey = server.agentKey();
        options.chatSecret = server.chatSecret();
        options.storageDirectory = storage.path();
        options.keychain = false;
        options.qml = qml;
        QString error;
        QVERIFY2(demo.start(options, &error), qPrintable(error));
        demo.showWindows();
    }

    /// The customer's new ticket reaches the agent console, which opens it.
    static void agentOpens(AgentConsole *agent, const QString &ticketId)
    {
        QTRY_VERIFY_WITH_TIMEOUT(agent->ticketModel()->rowCount() == 1, 10000);
        agent->openTicket(ticketId);
        QTRY_COMPARE_WITH_TIMEOUT(agent->messageModel()->rowCount(), 1, 10000);
    }

    /// The agent types "Let me check" (not sent yet); null if no editor.
    static QPlainTextEdit *agentStartsTyping(AgentConsole *agent)
    {
        auto *edit = agent->composer()->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
        if (edit) {
            edit->setFocus();
            QTest::keyClicks(edit, QStringLiteral("Let me check"));
        }
        return edit;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void screenshotEndToEnd_data()
    {
        QTest::addColumn<QStringList>("extraArgs");
        QTest::newRow("widgets") << QStringList();
        QTest::newRow("qml") << QStringList {QStringLiteral("--qml")};
    }

    void screenshotEndToEnd()
    {
        QFETCH(QStringList, extraArgs);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("demo.png"));
        QProcess demo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path()); // keep the user's data dir clean
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        demo.setProcessEnvironment(env);
        demo.start(QStringLiteral(CSTAR_DEMO_PATH),
                   extraArgs + QStringList {QStringLiteral("--screenshot"), png});
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

    /// --help and --version on a terminal without any display (QApplication
    /// used to abort there before the options were read).
    void helpDocumentsEveryOption()
    {
        QProcess demo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(variable));
        demo.setProcessEnvironment(env);
        demo.start(QStringLiteral(CSTAR_DEMO_PATH), {QStringLiteral("--version")});
        QVERIFY(demo.waitForFinished(30000));
        QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
        QVERIFY2(demo.exitCode() == 0, demo.readAllStandardError().constData());
        QVERIFY(demo.readAllStandardOutput().startsWith("cstar-chat-demo "));
        demo.start(QStringLiteral(CSTAR_DEMO_PATH), {QStringLiteral("--help")});
        QVERIFY(demo.waitForFinished(30000));
        QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
        QVERIFY2(demo.exitCode() == 0, demo.readAllStandardError().constData());
        const QString help = QString::fromUtf8(demo.readAllStandardOutput());
        for (const char *option : {"--server", "--team", "--agent-key", "--chat-secret", "--db",
                                   "--qml", "--poll", "--screenshot"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void customerAndAgentTogether()
    {
        DevServerProcess server;
        QTemporaryDir storage;
        DemoApp demo;
        startDemo(demo, server, storage, false);
        if (QTest::currentTestFailed())
            return;
        ChatPanel *panel = demo.customerWindow()->panel();
        AgentConsole *agent = demo.agentConsole();
        QVERIFY(panel && agent);
        // No saved geometry: a first size in which everything shows.
        QCOMPARE(demo.customerWindow()->size(), CustomerWindow::firstRunSize(QSize(920, 620)));
        QVERIFY(demo.customerWindow()->width() >= 700);
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

        // The agent sees it; a screen reader reads the rows (their delegates
        // paint from roles, so the rows carry a name of their own).
        agentOpens(agent, ticketId);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(agent->ticketModel()
                    ->index(0, 0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("My parcel never arrived")));
        QCOMPARE(agent->messageModel()->index(0, 0).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Guest: My parcel never arrived"));

        // Customer typing reaches the agent.
        QTest::keyClicks(edit, QStringLiteral("Order"));
        QTRY_VERIFY_WITH_TIMEOUT(agent->typingText().contains(QStringLiteral("typing")), 10000);

        // Agent types (customer sees it) and replies with Enter.
        QPlainTextEdit *agentEdit = agentStartsTyping(agent);
        QVERIFY(agentEdit);
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

    // §11 both ways in the demo: the customer sends a screenshot from the
    // panel, the agent console shows it (its thumbnail fetched with the agent
    // key) and saves it, replies with a PDF, and the customer saves that.
    void attachmentsBothWays()
    {
        DevServerProcess server;
        QTemporaryDir storage;
        DemoApp demo;
        startDemo(demo, server, storage, false);
        if (QTest::currentTestFailed())
            return;
        ChatPanel *panel = demo.customerWindow()->panel();
        AgentConsole *agent = demo.agentConsole();
        auto *files = agent->findChild<AgentAttachments *>();
        QVERIFY(panel && agent && files);
        new QAbstractItemModelTester(agent->messageModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, agent);

        QImage shot(64, 48, QImage::Format_RGB32);
        shot.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(shot.save(&buffer, "PNG"));
        ConversationController *conversation = panel->conversation();
        conversation->startNewConversation();
        QVERIFY(conversation->attachData(png, QStringLiteral("screen.png"),
                                         QStringLiteral("image/png")));
        QVERIFY(conversation->submit(QStringLiteral("The app shows this")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->currentTicketId().isEmpty(), 10000);
        const QString ticketId = panel->currentTicketId();
        agentOpens(agent, ticketId);
        if (QTest::currentTestFailed())
            return;

        // The agent sees an image, its thumbnail a local file for the delegate.
        const QModelIndex first = agent->messageModel()->index(0, 0);
        const int role = agent->messageModel()->roleNames().key("attachments");
        QTRY_VERIFY_WITH_TIMEOUT(!first.data(role)
                                      .toList()
                                      .value(0)
                                      .toMap()
                                      .value(QStringLiteral("filePath"))
                                      .toString()
                                      .isEmpty(),
                                 10000);
        const QVariantMap image = first.data(role).toList().constFirst().toMap();
        QVERIFY(image.value(QStringLiteral("isImage")).toBool());
        QCOMPARE(image.value(QStringLiteral("width")).toInt(), 64);
        QVERIFY(!QImage(image.value(QStringLiteral("filePath")).toString()).isNull());

        // The agent saves it: the customer's bytes.
        const QString saved = storage.filePath(QStringLiteral("agent-saved.png"));
        QString proposed;
        files->savePathPicker = [&](const QString &name) {
            proposed = name;
            return saved;
        };
        QSignalSpy savedSpy(files, &AgentAttachments::saved);
        files->save(image);
        QVERIFY(savedSpy.wait(10000));
        QCOMPARE(proposed, QStringLiteral("screen.png"));
        QFile savedFile(saved);
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        QCOMPARE(savedFile.readAll(), png);

        // The agent replies with a PDF; the customer saves identical bytes.
        const QByteArray pdf = "%PDF-1.4\n% invoice\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
        const QString pdfPath = storage.filePath(QStringLiteral("invoice.pdf"));
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::WriteOnly));
        pdfFile.write(pdf);
        pdfFile.close();
        files->setPending({pdfPath});
        QPlainTextEdit *agentEdit = agentStartsTyping(agent);
        QVERIFY(agentEdit);
        QTest::keyClick(agentEdit, Qt::Key_Return);
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
        QTRY_VERIFY(files->pending().isEmpty());
        const QVariantList received =
            messages->index(1).data(MessagesModel::AttachmentsRole).toList();
        QCOMPARE(received.size(), 1);
        const QVariantMap invoice = received.constFirst().toMap();
        QCOMPARE(invoice.value(QStringLiteral("name")).toString(), QStringLiteral("invoice.pdf"));
        QCOMPARE(invoice.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("application/pdf"));
        const QString customerCopy = storage.filePath(QStringLiteral("customer-invoice.pdf"));
        DownloadJob *job = conversation->saveAttachment(
            invoice.value(QStringLiteral("id")).toString(), customerCopy);
        QVERIFY(job);
        QSignalSpy done(job, &DownloadJob::succeeded);
        QVERIFY(done.wait(10000));
        QFile copy(customerCopy);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(copy.readAll(), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(pdf, QCryptographicHash::Sha256));
    }

    // The same conversation with --qml: the customer types into the QML
    // ChatView (keys through the QQuickWidget), the agent console answers.
    void qmlCustomerAndAgentTogether()
    {
        DevServerProcess server;
        QTemporaryDir storage;
        DemoApp demo;
        startDemo(demo, server, storage, true);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!demo.customerWindow()->panel());
        QuickCustomerView *quick = demo.customerWindow()->qmlView();
        QVERIFY(quick);
        QQuickItem *view = quick->chatView();
        QVERIFY(view);
        QCOMPARE(view->property("client").value<QObject *>(), demo.client());
        AgentConsole *agent = demo.agentConsole();
        MessagesModel *messages = demo.customerWindow()->messagesModel();
        QVERIFY(messages);
        new QAbstractItemModelTester(messages,
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, quick);

        // A new conversation from the keyboard: Ctrl+N, then the message and Enter.
        quick->activateWindow();
        quick->setFocus();
        QTRY_VERIFY(quick->hasFocus());
        QTest::keyClick(quick, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(view->property("creatingTicket").toBool());
        auto *composer = view->findChild<QQuickItem *>(QStringLiteral("composerEdit"));
        QVERIFY(composer);
        QMetaObject::invokeMethod(view->property("composer").value<QObject *>(),
                                  "forceEditorFocus");
        QTRY_VERIFY(composer->hasActiveFocus());
        QTest::keyClicks(quick, QStringLiteral("My parcel never arrived"));
        QTRY_COMPARE(composer->property("text").toString(),
                     QStringLiteral("My parcel never arrived"));
        QTest::keyClick(quick, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!quick->currentTicketId().isEmpty(), 10000);
        const QString ticketId = quick->currentTicketId();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, 10000);

        // The agent sees it; the customer's typing reaches the agent.
        agentOpens(agent, ticketId);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(composer->hasActiveFocus());
        QTest::keyClicks(quick, QStringLiteral("Order"));
        QTRY_VERIFY_WITH_TIMEOUT(agent->typingText().contains(QStringLiteral("typing")), 10000);

        // The agent types (the QML indicator shows it) and replies.
        QPlainTextEdit *agentEdit = agentStartsTyping(agent);
        QVERIFY(agentEdit);
        auto *typing = view->findChild<QQuickItem *>(QStringLiteral("typingIndicator"));
        QVERIFY(typing);
        QTRY_VERIFY_WITH_TIMEOUT(
            typing->property("text").toString().contains(QStringLiteral("Ana is typing")), 10000);
        QTest::keyClick(agentEdit, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
        QCOMPARE(messages->index(1).data(MessagesModel::ContentRole).toString(),
                 QStringLiteral("Let me check"));
        QCOMPARE(messages->index(1).data(MessagesModel::SenderNameRole).toString(),
                 QStringLiteral("Ana"));

        // ChatView's sign-in request runs the demo's HMAC flow; the anonymous
        // ticket is then in the identified customer's list.
        QMetaObject::invokeMethod(view, "signInRequested");
        QTRY_COMPARE_WITH_TIMEOUT(demo.client()->sessionKind(), ChatClient::SessionKind::Identified,
                                  10000);
        auto *tickets = view->property("ticketsModel").value<TicketsModel *>();
        QVERIFY(tickets);
        QTRY_VERIFY_WITH_TIMEOUT(tickets->rowOf(ticketId) >= 0 && !tickets->error().isError(),
                                 10000);

        // A runtime language switch reaches the QML texts too.
        demo.setLanguage(QStringLiteral("de"));
        auto *send = view->findChild<QQuickItem *>(QStringLiteral("sendButton"));
        QVERIFY(send);
        QTRY_COMPARE(send->property("text").toString(), QStringLiteral("Senden"));
        demo.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(send->property("text").toString(), QStringLiteral("Send"));
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
