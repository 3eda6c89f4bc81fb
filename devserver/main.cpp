// SPDX-License-Identifier: MIT
// cstar-devserver: runs CStar::DevServer::Server from the command line.
// Prints exactly one line, the base URL, on stdout once it listens.
#include "options.h"
#include "server.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>

// Signals and file limits are POSIX; elsewhere (Windows) the defaults apply:
// Ctrl+C ends the process, which loses nothing (every commit is durable).
#ifdef Q_OS_UNIX
#include <algorithm>
#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalFds[0], &c, 1);
}

// SIGTERM/SIGINT quit the event loop so the database closes cleanly (a
// graceful stop); SIGKILL needs no help: every commit is already durable.
void installQuitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char c;
        [[maybe_unused]] const auto n = ::read(signalFds[1], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

// Each open event stream is a socket: allow as many as the hard limit lets
// us (the usual soft limit of 1024 would cap a load test at ~1000 streams).
void raiseFileLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(1) << 20);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}
#else
void installQuitOnSignals(QCoreApplication &) { }
void raiseFileLimit() { }
#endif

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("cStar"));
    QCoreApplication::setApplicationName(QStringLiteral("cstar-devserver"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    CStar::DevServer::Options options;
    QString message;
    switch (CStar::DevServer::Options::parse(QCoreApplication::arguments(), &options, &message)) {
    case CStar::DevServer::Options::ParseResult::Help:
        std::fputs(qPrintable(message), stdout);
        return 0;
    case CStar::DevServer::Options::ParseResult::Error:
        std::fprintf(stderr, "cstar-devserver: %s\n", qPrintable(message));
        return 2;
    case CStar::DevServer::Options::ParseResult::Ok:
        break;
    }

    installQuitOnSignals(app);
    raiseFileLimit();
    CStar::DevServer::Server server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "cstar-devserver: %s\n", qPrintable(error));
        return 1;
    }
    const QByteArray url = server.baseUrl().toString().toUtf8();
    std::fprintf(stdout, "%s\n", url.constData());
    std::fflush(stdout);
    return app.exec();
}
