// SPDX-License-Identifier: MIT
#pragma once

// The set-up the ConversationController tests share: a real devserver, an
// identified customer on a private storage directory, and controllers with
// model testers on their models.

#include "conversationcontroller.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

namespace CStar::Testing {

class ControllerTest : public QObject
{
protected:
    std::unique_ptr<DevServerProcess> server;
    std::unique_ptr<QTemporaryDir> storage;
    std::unique_ptr<App> app;

    /// A fresh server and storage, the customer `<prefix><test function>`
    /// identified.
    bool startIdentified(const QString &prefix)
    {
        server = std::make_unique<DevServerProcess>();
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs();
        if (!server->start(options))
            return false;
        storage = std::make_unique<QTemporaryDir>();
        app = std::make_unique<App>(*server, storage->path());
        return app->identify(*server, prefix + QLatin1String(QTest::currentTestFunction()));
    }

    void stop()
    {
        app.reset();
        server.reset();
        storage.reset();
    }

    /// A controller on the app's client, its models under test.
    std::unique_ptr<ConversationController> makeController(bool autoOpen)
    {
        auto c = std::make_unique<ConversationController>();
        c->setAutoOpen(autoOpen);
        new QAbstractItemModelTester(
            c->ticketsModel(), QAbstractItemModelTester::FailureReportingMode::Fatal, c.get());
        new QAbstractItemModelTester(
            c->messagesModel(), QAbstractItemModelTester::FailureReportingMode::Fatal, c.get());
        c->setClient(app->client.get());
        return c;
    }
};

} // namespace CStar::Testing
