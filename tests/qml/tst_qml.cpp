// SPDX-License-Identifier: MIT
// Qt Quick Test runner for the CStar.Chat QML module (tests/qml/tst_*.qml).
// One cstar-devserver (port 0, temporary database) serves every test file;
// QML reaches it through the context property `devServer`.

#include "devserverhelper.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        // The outbox, read markers and tokens of the default location go to
        // a private directory: tests run in parallel and leave nothing behind.
        qputenv("XDG_DATA_HOME", m_dataHome.path().toUtf8());
        // A short typing lease keeps the "typing expires" test quick.
        m_server = std::make_unique<CStar::Testing::DevServerHelper>(
            QStringList {QStringLiteral("--retry-ms"), QStringLiteral("50"),
                         QStringLiteral("--typing-lease-ms"), QStringLiteral("1500")});
        if (!m_server->isRunning())
            qWarning("cstar-devserver did not start: %s", qPrintable(m_server->errorString()));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->rootContext()->setContextProperty(QStringLiteral("devServer"), m_server.get());
    }

    void cleanupTestCase() { m_server.reset(); }

private:
    QTemporaryDir m_dataHome;
    std::unique_ptr<CStar::Testing::DevServerHelper> m_server;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
