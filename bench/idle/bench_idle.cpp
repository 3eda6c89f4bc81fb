// SPDX-License-Identifier: MIT
// cstar-bench-idle: what an idle, connected client costs — CPU time and
// wake-ups (voluntary context switches, getrusage ru_nvcsw, summed over all
// threads of the process, including QNetworkAccessManager's HTTP thread).
//
// The parent starts one cstar-devserver (default 15 s pings) and two
// children of itself at the same time, each a ChatClient subscribed to its
// own ticket: one streaming (realtime), one polling every 5 s. Each child
// measures --windows windows of --seconds/--windows seconds after a settle
// time, and reports per-minute rates; the children only wait on timers and
// sockets, so running them side by side (and beside other benchmarks)
// does not change what they count.
#include "benchcommon.h"
#include "chatclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <memory>

using namespace CStar;
using namespace CStar::Bench;

namespace {

int child(const QString &mode, const QUrl &base, int seconds, int windows)
{
    const QString bench = QStringLiteral("idle");
    auto client = std::make_unique<ChatClient>(QStringLiteral("acme"));
    client->setBaseUrl(base);
    const bool polling = mode == QLatin1String("poll");
    client->setRealtime(!polling);
    client->setPollingInterval(5000);
    QString ticketId;
    client->tickets()
        .create(QStringLiteral("Idle %1").arg(mode))
        ->then(client.get(), [&ticketId](const Ticket &t) { ticketId = t.id(); });
    if (!waitUntil([&] { return !ticketId.isEmpty(); }, 20000))
        return 1;
    int received = 0;
    Subscription sub = client->onMessage(ticketId, [&received](const Message &) { ++received; });
    waitUntil(
        [&] {
            return client->connectionState()
                == (polling ? ConnectionState::Polling : ConnectionState::Streaming);
        },
        20000);
    // Settle: the first poll / stream set-up and their allocations are not idle.
    QEventLoop loop;
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    loop.exec();

    const int windowMs = seconds * 1000 / windows;
    for (int w = 0; w < windows; ++w) {
        const Usage before = processUsage();
        const qint64 t0 = monotonicNs();
        QTimer::singleShot(windowMs, &loop, &QEventLoop::quit);
        loop.exec();
        const Usage after = processUsage();
        const double minutes = double(monotonicNs() - t0) / 60e9;
        const QJsonObject extra {{QLatin1String("run"), w},
                                 {QLatin1String("windowS"), windowMs / 1000.0},
                                 {QLatin1String("state"), int(client->connectionState())}};
        emitResult(bench, QStringLiteral("cstar"), mode + QStringLiteral("_cpu_ms_per_min"),
                   (after.cpuSeconds - before.cpuSeconds) * 1000 / minutes,
                   QStringLiteral("ms/min"), extra);
        emitResult(bench, QStringLiteral("cstar"), mode + QStringLiteral("_wakeups_per_min"),
                   double(after.voluntarySwitches - before.voluntarySwitches) / minutes,
                   QStringLiteral("/min"), extra);
        emitResult(bench, QStringLiteral("cstar"), mode + QStringLiteral("_involuntary_per_min"),
                   double(after.involuntarySwitches - before.involuntarySwitches) / minutes,
                   QStringLiteral("/min"), extra);
    }
    if (received != 0)
        emitNote(bench,
                 QStringLiteral("%1: %2 messages arrived while idle").arg(mode).arg(received));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString devserver, mode;
    QUrl url;
    int seconds = 60, windows = 3;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--devserver"))
            devserver = args[i + 1];
        else if (args[i] == QLatin1String("--child"))
            mode = args[i + 1];
        else if (args[i] == QLatin1String("--url"))
            url = QUrl(args[i + 1]);
        else if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--windows"))
            windows = qMax(1, args[i + 1].toInt());
    }
    if (!mode.isEmpty())
        return child(mode, url, seconds, windows);
    if (devserver.isEmpty()) {
        std::fprintf(stderr,
                     "usage: cstar-bench-idle --devserver BIN [--seconds 60] [--windows 3]\n");
        return 2;
    }
    DevServerProcess server;
    QString error;
    if (!server.start(devserver, {}, &error)) {
        std::fprintf(stderr, "cstar-bench-idle: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<std::unique_ptr<QProcess>> children;
    for (const QString &m : {QStringLiteral("stream"), QStringLiteral("poll")}) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedChannels);
        p->start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--child"), m, QStringLiteral("--url"),
                  server.baseUrl().toString(), QStringLiteral("--seconds"),
                  QString::number(seconds), QStringLiteral("--windows"), QString::number(windows)});
        children.push_back(std::move(p));
    }
    int rc = 0;
    for (auto &p : children) {
        p->waitForFinished(seconds * 1000 + 60000);
        rc |= p->exitCode();
    }
    return rc;
}
