// SPDX-License-Identifier: MIT
// cstar-chat-demo: a working support conversation on screen, offline.
#include "demoapp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace CStar::Demo;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cStar"));
    QApplication::setApplicationName(QStringLiteral("cstar-chat-demo"));
    QApplication::setApplicationVersion(QStringLiteral(CSTARCHAT_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The cStar Chat for Qt demo: a customer window (the SDK's ChatPanel) and an agent console, "
        "against an embedded local chat server unless --server points elsewhere."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("Use the cStar deployment at URL instead of the embedded server."),
        QStringLiteral("URL"));
    const QCommandLineOption team(QStringLiteral("team"),
                                  QStringLiteral("Team slug (default: acme)."),
                                  QStringLiteral("SLUG"), QStringLiteral("acme"));
    const QCommandLineOption agentKey(
        QStringLiteral("agent-key"),
        QStringLiteral("Secret agent key for the agent console (with --server)."),
        QStringLiteral("KEY"));
    const QCommandLineOption chatSecret(
        QStringLiteral("chat-secret"),
        QStringLiteral("The team's chat secret, held by the demo's \"your backend\" to sign "
                       "customers (with --server)."),
        QStringLiteral("SECRET"));
    const QCommandLineOption database(
        QStringLiteral("db"),
        QStringLiteral("Database of the embedded server (default: in the user's data dir)."),
        QStringLiteral("PATH"));
    const QCommandLineOption qml(
        QStringLiteral("qml"),
        QStringLiteral("Show the QML ChatView instead of the widget panel."));
    const QCommandLineOption polling(QStringLiteral("poll"),
                                     QStringLiteral("Start with realtime off (polling)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Seed a short conversation, render both windows side by side into PATH "
                       "(PNG) and exit."),
        QStringLiteral("PATH"));
    parser.addOptions({server, team, agentKey, chatSecret, database, qml, polling, screenshot});
    parser.process(app);

    DemoOptions options;
    options.server = QUrl(parser.value(server));
    options.team = parser.value(team);
    options.agentKey = parser.value(agentKey);
    options.chatSecret = parser.value(chatSecret);
    options.databasePath = parser.value(database);
    options.qml = parser.isSet(qml);
    options.polling = parser.isSet(polling);

    // A screenshot run leaves nothing behind: fresh server and session.
    QTemporaryDir scratch;
    const QString screenshotPath = parser.value(screenshot);
    if (!screenshotPath.isEmpty()) {
        options.databasePath = QStringLiteral(":memory:");
        options.storageDirectory = scratch.path();
        options.keychain = false;
    }

    DemoApp demo;
    QString error;
    if (!demo.start(options, &error)) {
        QTextStream(stderr) << "cstar-chat-demo: " << error << '\n';
        return 1;
    }
    if (!screenshotPath.isEmpty()) {
        QObject::connect(&demo, &DemoApp::screenshotDone, &app, [&](bool ok) {
            QTextStream(ok ? stdout : stderr)
                << (ok ? "screenshot written to " : "screenshot failed: ") << screenshotPath
                << '\n';
            app.exit(ok ? 0 : 1);
        });
        demo.takeScreenshot(screenshotPath);
    } else {
        QTextStream(stdout) << "cstar-chat-demo: server " << demo.serverUrl().toString()
                            << Qt::endl;
        demo.showWindows();
    }
    return app.exec();
}
