// SPDX-License-Identifier: MIT
// cstar-bench-client: the whole client path — bytes off the socket, SSE
// parse, JSON decode, id/duplicate checks, dispatch to a subscriber — in
// events/s. A real ChatClient subscribed with onMessage() reads N
// pre-generated message.created events from cstar-bench-canned-server (a
// separate process, so the server does not share our thread). A regression
// figure without a target or peer (issue 19: no user feels events/s).
#include "benchcommon.h"
#include "chatclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

using namespace CStar;
using namespace CStar::Bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString canned, root;
    int runs = 5;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--canned"))
            canned = args[i + 1];
        else if (args[i] == QLatin1String("--root"))
            root = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
    }
    QFile metaFile(root + QStringLiteral("/../meta.json"));
    metaFile.open(QIODevice::ReadOnly);
    const int events = QJsonDocument::fromJson(metaFile.readAll())
                           .object()
                           .value(QLatin1String("clientEvents"))
                           .toInt();
    if (canned.isEmpty() || events <= 0) {
        std::fprintf(stderr, "usage: cstar-bench-client --canned BIN --root DIR [--runs N]\n");
        return 2;
    }

    QProcess server;
    server.start(canned, {QStringLiteral("--root"), root});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000))
        return 1;
    const QUrl base(QString::fromLatin1(server.readLine().trimmed()));

    for (int run = 0; run < runs; ++run) {
        auto *client = new ChatClient(QStringLiteral("client"));
        client->setBaseUrl(base);
        client->restoreSession(QStringLiteral("tok_bench"), ChatClient::SessionKind::Anonymous);
        int count = 0;
        qint64 doneNs = 0;
        const Usage before = processUsage();
        const qint64 startNs = monotonicNs();
        Subscription sub = client->onMessage(QString(), [&](const Message &m) {
            Q_UNUSED(m)
            if (++count == events)
                doneNs = monotonicNs();
        });
        const bool ok = waitUntil([&] { return count >= events; }, 180000);
        const Usage after = processUsage();
        sub.cancel();
        delete client;
        if (!ok) {
            emitNote(QStringLiteral("client"),
                     QStringLiteral("run %1: only %2 of %3 events arrived")
                         .arg(run)
                         .arg(count)
                         .arg(events));
            continue;
        }
        const double seconds = double(doneNs - startNs) / 1e9;
        const QJsonObject extra {{QLatin1String("run"), run}, {QLatin1String("events"), events}};
        emitResult(QStringLiteral("client"), QStringLiteral("cstar"),
                   QStringLiteral("events_per_s"), events / seconds, QStringLiteral("events/s"),
                   extra);
        emitResult(
            QStringLiteral("client"), QStringLiteral("cstar"), QStringLiteral("cpu_us_per_event"),
            (after.cpuSeconds - before.cpuSeconds) * 1e6 / events, QStringLiteral("µs"), extra);
        QCoreApplication::processEvents();
    }
    server.kill();
    server.waitForFinished();
    return 0;
}
