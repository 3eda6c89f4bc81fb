// SPDX-License-Identifier: MIT
#pragma once

// The set-up the ChatPanel tests share: a real devserver, a ChatPanel in a
// shown window on a private storage directory, model testers on its models,
// and a conversation started through the UI as a customer would.

#include "chatclient.h"
#include "chatpanel.h"
#include "chatstate.h"
#include "clientsupport.h"
#include "devserverprocess.h"
#include "messagesmodel.h"
#include "testhttp.h"
#include "ticketsmodel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace CStar::Testing {

class PanelTest : public QObject
{
protected:
    std::unique_ptr<DevServerProcess> server;
    std::unique_ptr<QTemporaryDir> storage;
    std::unique_ptr<QWidget> window;
    ChatClient *client = nullptr;
    ChatPanel *panel = nullptr;

    TestHttp http() const { return TestHttp(*server); }

    template<typename T>
    T *find(const char *name) const
    {
        T *w = panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    QPlainTextEdit *composerEdit() const { return find<QPlainTextEdit>("composerEdit"); }
    QListView *messageList() const { return find<QListView>("messageList"); }

    /// A fresh server (with `serverArgs`) and storage directory.
    bool startServer(const QStringList &serverArgs)
    {
        server = std::make_unique<DevServerProcess>();
        DevServerProcess::Options options;
        options.extraArgs = serverArgs;
        storage = std::make_unique<QTemporaryDir>();
        return server->start(options) && storage->isValid();
    }

    void stop()
    {
        window.reset();
        server.reset();
        storage.reset();
    }

    /// Retries and reconnects within milliseconds.
    static TransportOptions panelOptions()
    {
        TransportOptions o = quickRetries();
        o.maxRetries = 1;
        o.streamRetryIntervalMs = 300;
        o.reconnectDelayMs = 20;
        return o;
    }

    void createPanel(const TransportOptions &options = panelOptions())
    {
        window = std::make_unique<QWidget>();
        window->resize(900, 640);
        client = new ChatClient(server->team(), window.get());
        client->setBaseUrl(server->baseUrl());
        client->setTransportOptions(options);
        client->setPollingInterval(200);
        auto *state = new ChatState(window.get());
        state->setKeychainEnabled(false);
        state->setStorageDirectory(storage->path());
        state->setClient(client);
        panel = new ChatPanel(client, window.get(), state);
        auto *layout = new QVBoxLayout(window.get());
        layout->addWidget(panel);
        new QAbstractItemModelTester(panel->messagesModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, panel);
        new QAbstractItemModelTester(panel->ticketsModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, panel);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    /// Starts a conversation through the UI, as a customer would; its id
    /// (empty if it did not open).
    QString createTicketThroughUi(const QString &subject, const QString &text)
    {
        QTest::mouseClick(find<QToolButton>("newConversationButton"), Qt::LeftButton);
        QTest::keyClicks(find<QLineEdit>("subjectEdit"), subject);
        composerEdit()->setFocus();
        QTest::keyClicks(composerEdit(), text);
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        if (!QTest::qWaitFor([&] { return !panel->currentTicketId().isEmpty(); }, 10000))
            return {};
        return panel->currentTicketId();
    }
};

} // namespace CStar::Testing
