// SPDX-License-Identifier: MIT
// cstar-faultproxy: a loopback TCP proxy that injects network faults between a
// client and a server (docs/reliability.md "Fault injection").
//
//   cstar-faultproxy --upstream 127.0.0.1:41234 --faults drop=0.01,delay=0.05,seed=7
//
// Prints its URL (http://127.0.0.1:PORT) once it listens, and the fault
// counters on SIGINT/SIGTERM.
#include "faultproxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalFds[0], &c, 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cstar-faultproxy"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Loopback TCP proxy that drops, delays, truncates, splits and resets."));
    parser.addHelpOption();
    const QCommandLineOption upstream(QStringLiteral("upstream"),
                                      QStringLiteral("HOST:PORT to forward to."),
                                      QStringLiteral("host:port"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on (0 = any)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption faults(
        QStringLiteral("faults"),
        QStringLiteral(
            "Comma-separated: drop=P,truncate=P,reset=P,delay=P,split=P,refuse=P,"
            "max-delay-ms=N,seed=N (P per chunk, 0..1); hold-bodies=1 holds event-stream "
            "bodies (a buffering proxy); delay-first=TEXT holds the first request chunk "
            "containing TEXT for max-delay-ms."),
        QStringLiteral("spec"));
    parser.addOptions({upstream, port, faults});
    parser.process(app);

    const QString target = parser.value(upstream);
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const quint16 upstreamPort = colon > 0 ? target.mid(colon + 1).toUShort(&portOk) : 0;
    if (!portOk || upstreamPort == 0) {
        std::fprintf(stderr, "cstar-faultproxy: --upstream HOST:PORT is required\n");
        return 2;
    }
    QString error;
    const CStar::Tools::FaultOptions options =
        CStar::Tools::FaultOptions::parse(parser.value(faults), &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "cstar-faultproxy: %s\n", qPrintable(error));
        return 2;
    }

    CStar::Tools::FaultProxy proxy;
    proxy.setUpstream(QHostAddress(target.left(colon)), upstreamPort);
    proxy.setOptions(options);
    if (!proxy.listen(QHostAddress(QHostAddress::LocalHost), parser.value(port).toUShort())) {
        std::fprintf(stderr, "cstar-faultproxy: %s\n", qPrintable(proxy.errorString()));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) == 0) {
        auto *notifier = new QSocketNotifier(signalFds[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
            notifier->setEnabled(false);
            QCoreApplication::quit();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        sigaction(SIGTERM, &action, nullptr);
        sigaction(SIGINT, &action, nullptr);
    }

    std::printf("http://127.0.0.1:%u\n", unsigned(proxy.port()));
    std::fflush(stdout);
    const int rc = app.exec();
    std::fprintf(stderr, "cstar-faultproxy: %s\n", qPrintable(proxy.stats().toString()));
    return rc;
}
