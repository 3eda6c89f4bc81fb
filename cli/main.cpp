// SPDX-License-Identifier: MIT
// cstar-chat: a command-line client of cStar customer chat over CStarChat::Core.
#include "commandline.h"
#include "commands.h"
#include "output.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cstar-chat"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CSTAR_CLI_VERSION));

    QHash<QString, QString> environment;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("CSTAR_")))
            environment.insert(key, env.value(key));
    }

    using CStar::Cli::CommandLine;
    CommandLine commandLine;
    switch (commandLine.parse(QCoreApplication::arguments(), environment)) {
    case CommandLine::Result::Help:
        std::fputs(commandLine.message().toUtf8().constData(), stdout);
        return CStar::Cli::ExitOk;
    case CommandLine::Result::Version:
        std::fputs("cstar-chat " CSTAR_CLI_VERSION "\n", stdout);
        return CStar::Cli::ExitOk;
    case CommandLine::Result::UsageError:
        std::fprintf(stderr, "cstar-chat: %s\nTry 'cstar-chat --help'.\n",
                     commandLine.message().toUtf8().constData());
        return CStar::Cli::ExitUsage;
    case CommandLine::Result::Run:
        break;
    }

    CStar::Cli::CommandRunner runner(commandLine.invocation());
    QObject::connect(&runner, &CStar::Cli::CommandRunner::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    // Started from the event loop, so a command that ends at once still exits it.
    QTimer::singleShot(0, &runner, &CStar::Cli::CommandRunner::start);
    return app.exec();
}
