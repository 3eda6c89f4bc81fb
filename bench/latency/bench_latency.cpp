// SPDX-License-Identifier: MIT
// cstar-bench-latency: end-to-end delivery latency over loopback with a real
// cstar-devserver: an agent POSTs a message (agent API, protocol §10) and we
// time its arrival in the customer's ChatClient::onMessage callback.
//
// Per level N (concurrent customer streams, one team, one server): K =
// min(N, 10) measured ChatClients (each its own anonymous session and
// ticket) plus N-K background streams, each on its own anonymous session,
// read by bare sockets (RawStream). Samples go one at a time, round-robin
// over the measured clients. Two clocks per sample:
//   send→cb: from issuing the POST to the callback (what a user sees);
//   resp→cb: from the POST's response to the callback. The devserver writes
//            the event to the streams right after its commit, before the
//            HTTP response, so this is often negative.
// Polling mode: K ChatClients with realtime=false poll every --poll-interval
// ms; the agent posts at random moments (50–150 ms apart) to random clients.
#include "benchcommon.h"
#include "chatclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

using namespace CStar;
using namespace CStar::Bench;

namespace {

struct Config
{
    QString devserver;
    QList<int> levels {1, 100, 1000};
    int samples = 200;
    int warmup = 20;
    int runs = 3;
    int pollClients = 10;
    int pollSamples = 60;
    int pollInterval = 1000;
    int pollRuns = 2;
};

QNetworkReply *agentPost(QNetworkAccessManager *nam, const QUrl &base, const QString &ticketId,
                         const QString &content)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/teams/acme/tickets/") + ticketId
                + QStringLiteral("/messages"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer sk_test_dev");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject {{QLatin1String("content"), content},
                                   {QLatin1String("senderName"), QStringLiteral("Ana")}})
            .toJson(QJsonDocument::Compact);
    return nam->post(request, body);
}

struct Measured
{
    std::unique_ptr<ChatClient> client;
    QString ticketId;
    Subscription subscription;
};

// Creates K clients with a ticket each (the client makes its own session).
bool makeClients(const QUrl &base, int count, bool realtime, int pollInterval,
                 std::vector<Measured> &out)
{
    out.clear();
    out.resize(std::size_t(count));
    int ready = 0;
    for (int k = 0; k < count; ++k) {
        Measured &m = out[std::size_t(k)];
        m.client = std::make_unique<ChatClient>(QStringLiteral("acme"));
        m.client->setBaseUrl(base);
        m.client->setRealtime(realtime);
        m.client->setPollingInterval(pollInterval);
        m.client->tickets()
            .create(QStringLiteral("Latency %1").arg(k))
            ->then(m.client.get(), [&m, &ready](const Ticket &t) {
                m.ticketId = t.id();
                ++ready;
            });
    }
    return waitUntil([&] { return ready == count; }, 30000);
}

void runStreaming(const Config &cfg, int level, int run)
{
    const QString bench = QStringLiteral("latency");
    DevServerProcess server;
    QString error;
    if (!server.start(cfg.devserver, {}, &error)) {
        emitNote(bench, error);
        return;
    }
    const QUrl base = server.baseUrl();
    QNetworkAccessManager setup;
    const int k = qMin(level, 10);
    std::vector<Measured> clients;
    if (!makeClients(base, k, true, 5000, clients)) {
        emitNote(bench, QStringLiteral("could not create the measured clients"));
        return;
    }

    // Background streams first, so the measured ones see a full server.
    const QList<QByteArray> tokens = createSessions(&setup, base, level - k, 60000);
    std::vector<std::unique_ptr<RawStream>> background;
    int opened = 0, failed = 0;
    for (const QByteArray &token : tokens) {
        background.push_back(std::make_unique<RawStream>(
            base, QStringLiteral("/api/v1/chat/acme/events"), token, QByteArray()));
        RawStream *s = background.back().get();
        QObject::connect(s, &RawStream::opened, [&opened] { ++opened; });
        QObject::connect(s, &RawStream::failedToOpen, [&failed] { ++failed; });
        s->open();
    }
    waitUntil([&] { return opened + failed >= int(tokens.size()); }, 60000);

    // The measured clients subscribe; their stream must be live before sampling.
    int currentSample = -1;
    qint64 cbNs = 0;
    for (Measured &m : clients) {
        m.subscription = m.client->onMessage(m.ticketId, [&](const Message &msg) {
            if (msg.content() == QStringLiteral("lat-%1").arg(currentSample))
                cbNs = monotonicNs();
        });
    }
    const bool live = waitUntil(
        [&] {
            for (const Measured &m : clients) {
                if (m.client->connectionState() != ConnectionState::Streaming)
                    return false;
            }
            return true;
        },
        30000);
    if (!live || opened + k < level) {
        emitNote(bench,
                 QStringLiteral("level %1: %2 background streams open, %3 failed, live=%4")
                     .arg(level)
                     .arg(opened)
                     .arg(failed)
                     .arg(live));
    }
    const int openStreams = server.pid() > 0
        ? httpRequest(&setup, "POST",
                      QUrl(base.toString() + QStringLiteral("/api/v1/_dev/control")), "sk_test_dev",
                      "{}")
              .json.value(QLatin1String("data"))
              .toObject()
              .value(QLatin1String("openStreams"))
              .toInt()
        : -1;

    QNetworkAccessManager agent;
    std::vector<double> sendToCb, respToCb;
    const int total = cfg.warmup + cfg.samples;
    for (int i = 0; i < total; ++i) {
        const Measured &m = clients[std::size_t(i % k)];
        currentSample = i;
        cbNs = 0;
        qint64 respNs = 0;
        const qint64 sendNs = monotonicNs();
        QNetworkReply *reply = agentPost(&agent, base, m.ticketId, QStringLiteral("lat-%1").arg(i));
        QObject::connect(reply, &QNetworkReply::finished, [&respNs] { respNs = monotonicNs(); });
        const bool ok = waitUntil([&] { return cbNs && respNs; }, 10000);
        reply->deleteLater();
        if (!ok) {
            emitNote(bench, QStringLiteral("level %1: sample %2 timed out").arg(level).arg(i));
            continue;
        }
        if (i >= cfg.warmup) {
            sendToCb.push_back(double(cbNs - sendNs) / 1e6);
            respToCb.push_back(double(cbNs - respNs) / 1e6);
        }
    }
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("streams"), level},
                             {QLatin1String("serverOpenStreams"), openStreams},
                             {QLatin1String("samples"), int(sendToCb.size())}};
    const QString at = QStringLiteral("@%1").arg(level);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("p50_ms") + at,
               percentile(sendToCb, 50), QStringLiteral("ms"), extra);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("p99_ms") + at,
               percentile(sendToCb, 99), QStringLiteral("ms"), extra);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("max_ms") + at,
               percentile(sendToCb, 100), QStringLiteral("ms"), extra);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("resp_to_cb_p50_ms") + at,
               percentile(respToCb, 50), QStringLiteral("ms"), extra);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("resp_to_cb_p99_ms") + at,
               percentile(respToCb, 99), QStringLiteral("ms"), extra);
    for (Measured &m : clients)
        m.subscription.cancel();
    background.clear();
}

void runPolling(const Config &cfg, int run)
{
    const QString bench = QStringLiteral("latency");
    DevServerProcess server;
    QString error;
    if (!server.start(cfg.devserver, {}, &error)) {
        emitNote(bench, error);
        return;
    }
    const QUrl base = server.baseUrl();
    std::vector<Measured> clients;
    if (!makeClients(base, cfg.pollClients, false, cfg.pollInterval, clients))
        return;
    QHash<QString, qint64> sent; // content → send time
    std::vector<double> latencies;
    for (Measured &m : clients) {
        m.subscription = m.client->onMessage(m.ticketId, [&](const Message &msg) {
            const auto it = sent.constFind(msg.content());
            if (it != sent.cend())
                latencies.push_back(double(monotonicNs() - *it) / 1e6);
        });
    }
    // Let every client finish its first poll: it sets the "from now" cursor.
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > cfg.pollInterval + 500; }, cfg.pollInterval + 1000);

    QNetworkAccessManager agent;
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < cfg.pollSamples; ++i) {
        QElapsedTimer gap;
        gap.start();
        const int wait = 50 + int(rng->bounded(101));
        waitUntil([&] { return gap.elapsed() >= wait; }, 1000);
        const Measured &m = clients[std::size_t(rng->bounded(cfg.pollClients))];
        const QString content = QStringLiteral("poll-%1-%2").arg(run).arg(i);
        sent.insert(content, monotonicNs());
        QNetworkReply *reply = agentPost(&agent, base, m.ticketId, content);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    waitUntil([&] { return int(latencies.size()) >= cfg.pollSamples; },
              cfg.pollInterval * 3 + 2000);
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("pollingInterval"), cfg.pollInterval},
                             {QLatin1String("clients"), cfg.pollClients},
                             {QLatin1String("samples"), int(latencies.size())}};
    double sum = 0;
    for (double v : latencies)
        sum += v;
    const QString at = QStringLiteral("@poll%1").arg(cfg.pollInterval);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("mean_ms") + at,
               latencies.empty() ? -1 : sum / double(latencies.size()), QStringLiteral("ms"),
               extra);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("p50_ms") + at,
               percentile(latencies, 50), QStringLiteral("ms"), extra);
    emitResult(bench, QStringLiteral("cstar"), QStringLiteral("p99_ms") + at,
               percentile(latencies, 99), QStringLiteral("ms"), extra);
    for (Measured &m : clients)
        m.subscription.cancel();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("cStarBench"));
    QCoreApplication::setApplicationName(QStringLiteral("cstar-bench-latency"));
    raiseFileLimit();
    Config cfg;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &a = args[i];
        const QString &v = args[i + 1];
        if (a == QLatin1String("--devserver")) {
            cfg.devserver = v;
        } else if (a == QLatin1String("--levels")) {
            cfg.levels.clear();
            for (const QString &l : v.split(QLatin1Char(',')))
                cfg.levels.append(l.toInt());
        } else if (a == QLatin1String("--samples")) {
            cfg.samples = v.toInt();
        } else if (a == QLatin1String("--runs")) {
            cfg.runs = v.toInt();
        } else if (a == QLatin1String("--poll-interval")) {
            cfg.pollInterval = v.toInt();
        } else if (a == QLatin1String("--poll-samples")) {
            cfg.pollSamples = v.toInt();
        } else if (a == QLatin1String("--poll-runs")) {
            cfg.pollRuns = v.toInt();
        }
    }
    if (cfg.devserver.isEmpty()) {
        std::fprintf(stderr,
                     "usage: cstar-bench-latency --devserver BIN [--levels 1,100,1000] "
                     "[--samples N] [--runs N] [--poll-interval MS] [--poll-samples N] "
                     "[--poll-runs N]\n");
        return 2;
    }
    for (int level : std::as_const(cfg.levels)) {
        for (int run = 0; run < cfg.runs; ++run)
            runStreaming(cfg, level, run);
    }
    for (int run = 0; run < cfg.pollRuns; ++run)
        runPolling(cfg, run);
    return 0;
}
