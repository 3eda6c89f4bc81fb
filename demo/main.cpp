// SPDX-License-Identifier: MIT
// cstar-chat-demo: a working support conversation on screen, offline.
#include "demoapp.h"
#include "translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace CStar::Demo;

namespace {

/// --lang before the parser runs, so that --help speaks the language too.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return QString();
}

/// --help or --version: text on the terminal, no window, so no display
/// needed (QApplication aborts without one).
bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QLatin1String a(argv[i]);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("-?")
            || a == QLatin1String("--help-all") || a == QLatin1String("--version")
            || a == QLatin1String("-v"))
            return true;
    }
    return false;
}

/// The context of the demo's command-line texts.
class Main
{
    Q_DECLARE_TR_FUNCTIONS(CStar::Demo::Main)
};

} // namespace

int main(int argc, char **argv)
{
    const std::unique_ptr<QCoreApplication> application = wantsTextOnly(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QApplication::setOrganizationName(QStringLiteral("cStar"));
    QApplication::setApplicationName(QStringLiteral("cstar-chat-demo"));
    QApplication::setApplicationVersion(QStringLiteral(CSTARCHAT_VERSION_STRING));

    // The system's language unless --lang says otherwise (English when the
    // SDK does not speak it).
    const QString requestedLanguage = languageArgument(QCoreApplication::arguments());
    const bool knownLanguage = requestedLanguage.isEmpty()
        || CStar::Translation::availableLanguages().contains(requestedLanguage);
    DemoApp::applyLanguage(knownLanguage ? requestedLanguage : QString());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Main::tr("The cStar Chat for Qt demo: a customer window (the SDK's "
                 "ChatPanel) and an agent console, against an embedded local "
                 "chat server unless --server points elsewhere."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        Main::tr("Use the cStar deployment at URL instead of the embedded server."),
        QStringLiteral("URL"));
    const QCommandLineOption team(QStringLiteral("team"), Main::tr("Team slug (default: acme)."),
                                  QStringLiteral("SLUG"), QStringLiteral("acme"));
    const QCommandLineOption agentKey(
        QStringLiteral("agent-key"),
        Main::tr("Secret agent key for the agent console (without --server: the key the "
                 "embedded server accepts)."),
        QStringLiteral("KEY"));
    const QCommandLineOption chatSecret(
        QStringLiteral("chat-secret"),
        Main::tr("The team's chat secret, held by the demo's \"your backend\" to sign customers "
                 "(without --server: the embedded server's secret)."),
        QStringLiteral("SECRET"));
    const QCommandLineOption database(
        QStringLiteral("db"),
        Main::tr("Database of the embedded server (default: in the user's data dir)."),
        QStringLiteral("PATH"));
    const QCommandLineOption qml(QStringLiteral("qml"),
                                 Main::tr("Show the QML ChatView instead of the widget panel."));
    const QCommandLineOption polling(QStringLiteral("poll"),
                                     Main::tr("Start with realtime off (polling)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        Main::tr("Seed a short conversation, render both windows "
                                                 "side by side into PATH (PNG) and exit."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        Main::tr("Show the user interface in LANG: en, de, fr, es, ja or ar (default: the system's "
                 "language). The Language menu switches at runtime."),
        QStringLiteral("LANG"));
    parser.addOptions(
        {server, team, agentKey, chatSecret, database, qml, polling, screenshot, lang});
    parser.process(app);
    if (!knownLanguage) {
        QTextStream(stderr) << "cstar-chat-demo: "
                            << Main::tr("unknown language \"%1\"; available: %2")
                                   .arg(requestedLanguage,
                                        CStar::Translation::availableLanguages().join(
                                            QStringLiteral(", ")))
                            << '\n';
        return 2;
    }

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
        // Same pixels under xvfb-run and offscreen, with or without OpenGL.
        options.softwareQuick = true;
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
