// SPDX-License-Identifier: MIT
// cstar-bench-startup: how long until something is there.
//
// demo_first_frame_ms: from just before this process starts
//   `cstar-chat-demo` (a new process, fresh data directory, warm file cache,
//   QT_QPA_PLATFORM=offscreen) until Qt flushes the customer window's first
//   painted frame. Qt itself says when: with QT_LOGGING_RULES enabling
//   `qt.widgets.painting` it logs "Flushing … of CustomerWindow", and
//   QT_MESSAGE_PATTERN's %{time boot} stamps that line with CLOCK_MONOTONIC,
//   the clock we read before the start. No demo hook is needed; enabling the
//   category costs the demo a few hundred log lines.
// client_first_event_ms: in a fresh child process, from `new ChatClient`
//   (with a restored session and a stored cursor, as after an app restart)
//   to the first onMessage() callback, which the server's replay delivers.
// client_stream_live_ms: in a fresh child process, from `new ChatClient`
//   (no session) to the stream being live: POST /sessions, GET /events,
//   first byte.
#include "benchcommon.h"
#include "chatclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <memory>

using namespace CStar;
using namespace CStar::Bench;

namespace {

const QString BenchName = QStringLiteral("startup");

int childFirstEvent(const QUrl &base, const QString &token, const QString &ticket)
{
    const qint64 t0 = monotonicNs();
    auto *client = new ChatClient(QStringLiteral("acme"));
    client->setBaseUrl(base);
    client->restoreSession(token, ChatClient::SessionKind::Anonymous);
    client->setLastEventId(QStringLiteral("0"));
    qint64 t1 = 0;
    Subscription sub = client->onMessage(ticket, [&t1](const Message &) {
        if (!t1)
            t1 = monotonicNs();
    });
    if (!waitUntil([&] { return t1 != 0; }, 20000))
        return 1;
    std::printf("%.3f\n", double(t1 - t0) / 1e6);
    return 0;
}

int childStreamLive(const QUrl &base)
{
    const qint64 t0 = monotonicNs();
    auto *client = new ChatClient(QStringLiteral("acme"));
    client->setBaseUrl(base);
    Subscription sub = client->onMessage(QString(), [](const Message &) {});
    if (!waitUntil([&] { return client->connectionState() == ConnectionState::Streaming; }, 20000))
        return 1;
    std::printf("%.3f\n", double(monotonicNs() - t0) / 1e6);
    return 0;
}

double runChild(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return -1;
    return p.readAllStandardOutput().trimmed().toDouble();
}

double demoFirstFrame(const QString &demo)
{
    QTemporaryDir scratch;
    const QString runtime = scratch.filePath(QStringLiteral("run"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), scratch.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), scratch.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.widgets.painting=true"));
    env.insert(QStringLiteral("QT_MESSAGE_PATTERN"),
               QStringLiteral("%{time boot} %{category}: %{message}"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    double frameMs = -1;
    const qint64 t0 = monotonicNs();
    p.setReadChannel(QProcess::StandardError);
    p.start(demo, {});
    QByteArray pending;
    QElapsedTimer clock;
    clock.start();
    while (frameMs < 0 && clock.elapsed() < 20000 && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(100);
        pending += p.readAllStandardError();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.contains("Flushing QRegion") && line.contains("customerWindow")) {
                const double bootSeconds = line.trimmed().split(' ').value(0).toDouble();
                frameMs = bootSeconds * 1000 - double(t0) / 1e6;
                break;
            }
        }
    }
    p.kill();
    p.waitForFinished(5000);
    return frameMs;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.value(1) == QLatin1String("--child-first-event"))
        return childFirstEvent(QUrl(args.value(2)), args.value(3), args.value(4));
    if (args.value(1) == QLatin1String("--child-stream-live"))
        return childStreamLive(QUrl(args.value(2)));

    QString demo, devserver;
    int runs = 5;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--demo"))
            demo = args[i + 1];
        else if (args[i] == QLatin1String("--devserver"))
            devserver = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
    }
    if (devserver.isEmpty()) {
        std::fprintf(stderr,
                     "usage: cstar-bench-startup --devserver BIN [--demo BIN] [--runs N]\n");
        return 2;
    }
    if (!demo.isEmpty() && QFile::exists(demo)) {
        for (int run = 0; run < runs; ++run) {
            const double ms = demoFirstFrame(demo);
            if (ms < 0)
                emitNote(BenchName, QStringLiteral("demo run %1: no first frame seen").arg(run));
            else
                emitResult(BenchName, QStringLiteral("cstar"),
                           QStringLiteral("demo_first_frame_ms"), ms, QStringLiteral("ms"),
                           {{QLatin1String("run"), run}});
        }
    } else {
        emitNote(BenchName, QStringLiteral("cstar-chat-demo not built: no first-frame figure"));
    }

    DevServerProcess server;
    QString error;
    if (!server.start(devserver, {}, &error)) {
        emitNote(BenchName, error);
        return 1;
    }
    const QUrl base = server.baseUrl();
    QNetworkAccessManager nam;
    const QByteArray token = createSession(&nam, base);
    const QString ticket = createTicket(&nam, base, token, QStringLiteral("Startup"));
    QUrl reply = base;
    reply.setPath(QStringLiteral("/api/v1/teams/acme/tickets/") + ticket
                  + QStringLiteral("/messages"));
    httpRequest(&nam, "POST", reply, "sk_test_dev", "{\"content\":\"Hello from support\"}");
    for (int run = 0; run < runs; ++run) {
        const double first = runChild({QStringLiteral("--child-first-event"), base.toString(),
                                       QString::fromLatin1(token), ticket});
        const double live = runChild({QStringLiteral("--child-stream-live"), base.toString()});
        const QJsonObject extra {{QLatin1String("run"), run}};
        emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("client_first_event_ms"),
                   first, QStringLiteral("ms"), extra);
        emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("client_stream_live_ms"),
                   live, QStringLiteral("ms"), extra);
    }
    return 0;
}
