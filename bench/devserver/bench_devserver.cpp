// SPDX-License-Identifier: MIT
// cstar-bench-devserver: the local server under load, over loopback only.
//  - fan-out: N agent feeds (GET /api/v1/teams/acme/events, each gets every
//    event of the team) while the agent POSTs M messages (QNetworkAccessManager,
//    6 connections in flight); time until every feed has all M.
//  - streams: S anonymous sessions, then up to S customer streams opened
//    (at most 100 connecting at once) until S, the first error or
//    --max-seconds; the devserver's VmRSS before/after gives memory per
//    stream, and its dev control's openStreams confirms the count.
// Readers are bare sockets (RawStream) in this process, which shares the
// machine's two cores with the server.
#include "benchcommon.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <deque>
#include <memory>

using namespace CStar::Bench;

namespace {

const QString BenchName = QStringLiteral("devserver");

void fanout(const QString &devserver, int feeds, int messages, int run)
{
    DevServerProcess server;
    QString error;
    if (!server.start(devserver, {}, &error)) {
        emitNote(BenchName, error);
        return;
    }
    const QUrl base = server.baseUrl();
    QNetworkAccessManager nam;
    const QByteArray token = createSession(&nam, base);
    const QString ticket = createTicket(&nam, base, token, QStringLiteral("Fan-out"));

    std::vector<std::unique_ptr<RawStream>> streams;
    int opened = 0, failed = 0, complete = 0;
    for (int i = 0; i < feeds; ++i) {
        streams.push_back(std::make_unique<RawStream>(base,
                                                      QStringLiteral("/api/v1/teams/acme/events"),
                                                      "sk_test_dev", "event: message.created"));
        RawStream *s = streams.back().get();
        QObject::connect(s, &RawStream::opened, [&opened] { ++opened; });
        QObject::connect(s, &RawStream::failedToOpen, [&failed] { ++failed; });
        QObject::connect(s, &RawStream::markerSeen, [&complete, messages](int n) {
            if (n == messages)
                ++complete;
        });
        s->open();
    }
    waitUntil([&] { return opened + failed >= feeds; }, 60000);
    if (failed)
        emitNote(BenchName,
                 QStringLiteral("fan-out %1: %2 feeds failed to open").arg(feeds).arg(failed));

    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/teams/acme/tickets/") + ticket
                + QStringLiteral("/messages"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer sk_test_dev");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    int answered = 0, rejected = 0;
    const qint64 t0 = monotonicNs();
    for (int i = 0; i < messages; ++i) {
        QNetworkReply *reply = nam.post(request,
                                        "{\"content\":\"fan-out " + QByteArray::number(i)
                                            + "\",\"senderName\":\"Ana\"}");
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &answered, &rejected] {
            ++answered;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201)
                ++rejected;
            reply->deleteLater();
        });
    }
    const bool ok = waitUntil([&] { return complete >= opened && answered == messages; }, 120000);
    const double seconds = double(monotonicNs() - t0) / 1e9;
    if (!ok || rejected)
        emitNote(BenchName,
                 QStringLiteral("fan-out %1: %2/%3 feeds complete, %4 POSTs rejected")
                     .arg(feeds)
                     .arg(complete)
                     .arg(opened)
                     .arg(rejected));
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("feeds"), opened},
                             {QLatin1String("messages"), messages}};
    const QString at = QStringLiteral("@%1").arg(feeds);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("messages_per_s") + at,
               messages / seconds, QStringLiteral("msg/s"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("deliveries_per_s") + at,
               double(messages) * opened / seconds, QStringLiteral("events/s"), extra);
}

void capacity(const QString &devserver, int maxStreams, int maxSeconds, int run)
{
    DevServerProcess server;
    QString error;
    if (!server.start(devserver, {}, &error)) {
        emitNote(BenchName, error);
        return;
    }
    const QUrl base = server.baseUrl();
    QNetworkAccessManager nam;
    const QList<QByteArray> tokens = createSessions(&nam, base, maxStreams, maxSeconds * 1000);
    if (tokens.size() < maxStreams)
        emitNote(
            BenchName,
            QStringLiteral("only %1 of %2 sessions created").arg(tokens.size()).arg(maxStreams));
    QCoreApplication::processEvents();
    const qint64 rssBefore = rssKiB(server.pid());

    std::deque<std::unique_ptr<RawStream>> streams;
    int next = 0, pending = 0, opened = 0, failed = 0;
    QString firstError;
    QElapsedTimer clock;
    clock.start();
    std::function<void()> launch = [&] {
        while (pending < 100 && next < tokens.size() && failed == 0
               && clock.elapsed() < maxSeconds * 1000) {
            streams.push_back(std::make_unique<RawStream>(
                base, QStringLiteral("/api/v1/chat/acme/events"), tokens[next++], QByteArray()));
            RawStream *s = streams.back().get();
            ++pending;
            QObject::connect(s, &RawStream::opened, [&, s] {
                Q_UNUSED(s)
                --pending;
                ++opened;
                launch();
            });
            QObject::connect(s, &RawStream::failedToOpen, [&, s] {
                --pending;
                ++failed;
                if (firstError.isEmpty())
                    firstError = s->errorText();
            });
            s->open();
        }
    };
    launch();
    waitUntil([&] { return pending == 0 && (next >= tokens.size() || failed > 0); },
              maxSeconds * 1000 + 10000);
    const double openSeconds = double(clock.elapsed()) / 1000;
    // Let the server settle (allocations of the last streams, ping timer).
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > 500; }, 1000);
    const qint64 rssAfter = rssKiB(server.pid());
    const int serverCount =
        httpRequest(&nam, "POST", QUrl(base.toString() + QStringLiteral("/api/v1/_dev/control")),
                    "sk_test_dev", "{}")
            .json.value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("openStreams"))
            .toInt();
    int stillOpen = 0;
    for (const auto &s : streams)
        stillOpen += s->isOpen();
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("asked"), maxStreams},
                             {QLatin1String("serverOpenStreams"), serverCount},
                             {QLatin1String("clientOpen"), stillOpen},
                             {QLatin1String("failed"), failed},
                             {QLatin1String("firstError"), firstError},
                             {QLatin1String("serverFileLimit"), double(fileLimitOf(server.pid()))},
                             {QLatin1String("rssBeforeKiB"), double(rssBefore)},
                             {QLatin1String("rssAfterKiB"), double(rssAfter)}};
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("max_streams"), opened,
               QStringLiteral("streams"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("open_seconds"), openSeconds,
               QStringLiteral("s"), extra);
    if (opened > 0)
        emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("kib_per_stream"),
                   double(rssAfter - rssBefore) / opened, QStringLiteral("KiB"), extra);
    streams.clear();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 ownLimit = raiseFileLimit();
    const QStringList args = QCoreApplication::arguments();
    QString devserver;
    QList<int> levels {1, 100, 1000};
    int messages = 200, runs = 3, maxStreams = 5000, maxSeconds = 60, capacityRuns = 2;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &a = args[i];
        const QString &v = args[i + 1];
        if (a == QLatin1String("--devserver")) {
            devserver = v;
        } else if (a == QLatin1String("--levels")) {
            levels.clear();
            for (const QString &l : v.split(QLatin1Char(',')))
                levels.append(l.toInt());
        } else if (a == QLatin1String("--messages")) {
            messages = v.toInt();
        } else if (a == QLatin1String("--runs")) {
            runs = v.toInt();
        } else if (a == QLatin1String("--max-streams")) {
            maxStreams = v.toInt();
        } else if (a == QLatin1String("--max-seconds")) {
            maxSeconds = v.toInt();
        } else if (a == QLatin1String("--capacity-runs")) {
            capacityRuns = v.toInt();
        }
    }
    if (devserver.isEmpty()) {
        std::fprintf(stderr,
                     "usage: cstar-bench-devserver --devserver BIN [--levels 1,100,1000] "
                     "[--messages M] [--runs N] [--max-streams S] [--max-seconds T]\n");
        return 2;
    }
    if (ownLimit < maxStreams + 200) {
        emitNote(BenchName,
                 QStringLiteral("open-file limit %1 caps the streams this process can open")
                     .arg(ownLimit));
        maxStreams = int(qMax<qint64>(10, ownLimit - 200));
    }
    for (int level : std::as_const(levels)) {
        for (int run = 0; run < runs; ++run)
            fanout(devserver, level, messages, run);
    }
    for (int run = 0; run < capacityRuns; ++run)
        capacity(devserver, maxStreams, maxSeconds, run);
    return 0;
}
