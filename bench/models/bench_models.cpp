// SPDX-License-Identifier: MIT
// cstar-bench-models: MessagesModel and TicketsModel at scale.
//
// The models ingest only through a ChatClient (their private parts are not
// exported), so they are fed by cstar-bench-canned-server over loopback:
//  - bulk:    one history page of M messages (the canned server ignores
//             `limit`); timed from the HTTP reply being complete to the rows
//             being in the model. The client's own share (JSON decode into
//             Message values) is timed separately with messages().list() on
//             the same page, and subtracted to give the model's share.
//  - live:    M message.created events of the open ticket, one by one; the
//             same stream into a bare onMessage() subscriber is the baseline.
//             Two streams: mixed senders (agent messages count as unread)
//             and the customer's own messages only; each bounded by
//             --limit-ms, the time for all M extrapolated when it is hit.
//  - lookups: rowOfId / rowOfClientMessageId over all rows, shuffled.
//  - tickets: T tickets loaded, then E message.created events for random
//             tickets (each moves its ticket to the top: dataChanged +
//             beginMoveRows); baseline as above; mixed and own senders.
// Memory: malloc'ed bytes (mallinfo2) after vs before the bulk load, per
// message, minus the message text (UTF-16), and the RSS delta.
#include "benchcommon.h"
#include "chatclient.h"
#include "messagesmodel.h"
#include "ticketsmodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <random>

using namespace CStar;
using namespace CStar::Bench;

namespace {

struct Env
{
    QUrl base;
    QNetworkAccessManager *nam = nullptr;
    int messages = 0;
    qint64 textBytes = 0;
    QString ticket;
    int liveMixed = 0;
    int tickets = 0;
    int ticketEvents = 0;
    int mixedTicketEvents = 0;
    int unreadTickets = 0;
};

const QString BenchName = QStringLiteral("models");

std::unique_ptr<ChatClient> makeClient(const Env &env, const QString &team)
{
    auto client = std::make_unique<ChatClient>(team);
    client->setBaseUrl(env.base);
    TransportOptions o = client->transportOptions();
    o.maxResponseBytes = 512LL * 1024 * 1024; // one page holds the whole history here
    o.requestTimeoutMs = 120000;
    client->setTransportOptions(o);
    // A new token per client: the unread tracker keys its stored state by
    // session, so every client starts with nothing read or counted.
    static int serial = 0;
    client->restoreSession(QStringLiteral("tok_bench_%1").arg(++serial),
                           ChatClient::SessionKind::Anonymous);
    return client;
}

void flushDeletes()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
}

void release(const Env &env)
{
    httpRequest(env.nam, "POST", QUrl(env.base.toString() + QStringLiteral("/_bench/release")), {},
                "{}");
}

bool waitStreaming(ChatClient *client)
{
    return waitUntil([client] { return client->connectionState() == ConnectionState::Streaming; },
                     10000);
}

void bulk(const Env &env, int run)
{
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("messages"), env.messages}};
    // 1. The client alone: reply complete → Job<MessagePage> finished.
    double decodeMs = -1;
    {
        auto client = makeClient(env, QStringLiteral("bulk"));
        auto *nam = client->findChild<QNetworkAccessManager *>();
        qint64 netNs = 0, jobNs = 0;
        QObject::connect(nam, &QNetworkAccessManager::finished,
                         [&netNs] { netNs = monotonicNs(); });
        MessageListOptions options;
        options.limit = 100;
        MessagePage kept;
        flushDeletes();
        const qint64 heap0 = heapInUse();
        client->messages().list(env.ticket, options)->then(client.get(), [&](const MessagePage &p) {
            jobNs = monotonicNs();
            kept = p;
            if (p.data.size() != env.messages)
                emitNote(BenchName,
                         QStringLiteral("bulk: page had %1 messages").arg(p.data.size()));
        });
        waitUntil([&] { return jobNs != 0; }, 120000);
        decodeMs = double(jobNs - netNs) / 1e6;
        emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("bulk_client_decode_ms"),
                   decodeMs, QStringLiteral("ms"), extra);
        // What the Message values alone take (the page the model is fed).
        flushDeletes();
        emitResult(BenchName, QStringLiteral("cstar"),
                   QStringLiteral("message_value_bytes_per_message"),
                   double(heapInUse() - heap0) / env.messages, QStringLiteral("B"), extra);
    }
    flushDeletes();

    // 2. The model: reply complete → all rows inserted.
    auto client = makeClient(env, QStringLiteral("bulk"));
    auto *nam = client->findChild<QNetworkAccessManager *>();
    qint64 netNs = 0, rowsNs = 0, startNs = 0;
    QObject::connect(nam, &QNetworkAccessManager::finished, [&netNs] { netNs = monotonicNs(); });
    auto model = std::make_unique<MessagesModel>();
    model->setClient(client.get());
    QObject::connect(model.get(), &QAbstractItemModel::rowsInserted, [&] {
        if (model->rowCount() >= env.messages && !rowsNs)
            rowsNs = monotonicNs();
    });
    flushDeletes();
    const qint64 heapBefore = heapInUse();
    const qint64 rssBefore = rssKiB();
    startNs = monotonicNs();
    model->setTicketId(env.ticket);
    waitUntil([&] { return rowsNs != 0 && !model->isLoading(); }, 120000);
    flushDeletes();
    const qint64 heapAfter = heapInUse();
    const qint64 rssAfter = rssKiB();
    const double totalMs = double(rowsNs - netNs) / 1e6;
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("bulk_reply_to_rows_ms"), totalMs,
               QStringLiteral("ms"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("bulk_model_ms"),
               totalMs - decodeMs, QStringLiteral("ms"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("bulk_settid_to_rows_ms"),
               double(rowsNs - startNs) / 1e6, QStringLiteral("ms"), extra);
    const double perMessage = double(heapAfter - heapBefore) / env.messages;
    const double text = double(env.textBytes) / env.messages;
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("heap_bytes_per_message"),
               perMessage, QStringLiteral("B"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("text_bytes_per_message"), text,
               QStringLiteral("B"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("overhead_bytes_per_message"),
               perMessage - text, QStringLiteral("B"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("rss_bytes_per_message"),
               double(rssAfter - rssBefore) * 1024 / env.messages, QStringLiteral("B"), extra);

    // 3. Lookups over every row, in random order.
    QStringList ids, clientIds;
    for (int i = 0; i < env.messages; ++i) {
        ids.append(benchMessageId(i));
        if (i % 2 == 0)
            clientIds.append(benchClientMessageId(i));
    }
    std::mt19937 shuffle(1234);
    std::shuffle(ids.begin(), ids.end(), shuffle);
    std::shuffle(clientIds.begin(), clientIds.end(), shuffle);
    qint64 found = 0;
    qint64 t0 = monotonicNs();
    for (const QString &id : std::as_const(ids))
        found += model->rowOfId(id) >= 0;
    qint64 t1 = monotonicNs();
    for (const QString &id : std::as_const(clientIds))
        found += model->rowOfClientMessageId(id) >= 0;
    const qint64 t2 = monotonicNs();
    if (found != ids.size() + clientIds.size())
        emitNote(BenchName,
                 QStringLiteral("lookups: %1 of %2 found")
                     .arg(found)
                     .arg(ids.size() + clientIds.size()));
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("rowOfId_ns"),
               double(t1 - t0) / double(ids.size()), QStringLiteral("ns"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("rowOfClientMessageId_ns"),
               double(t2 - t1) / double(clientIds.size()), QStringLiteral("ns"), extra);
    model.reset();
    client.reset();
    flushDeletes();
}

// Time from releasing the held stream until `done()` or `limitMs`; the
// stream must be open.
double timeStream(const Env &env, const std::function<bool()> &done, int limitMs = 180000)
{
    const qint64 t0 = monotonicNs();
    release(env);
    QElapsedTimer clock;
    clock.start();
    waitUntil([&] { return done() || clock.elapsed() >= limitMs; }, limitMs + 1000);
    return double(monotonicNs() - t0) / 1e6;
}

// One-by-one ingest. `team` "live": a third of the messages are the
// customer's, the rest agents' (unread); "liveown": all the customer's.
// Bounded by `limitMs` (checked between network reads only: one read can
// carry thousands of events); the time for all M is extrapolated from the
// rows that made it when fewer arrived (the extra fields say so).
void live(const Env &env, int run, const QString &team, int limitMs)
{
    const QString label =
        team == QLatin1String("live") ? QStringLiteral("live") : QStringLiteral("live_own");
    // The mixed stream is shorter (each unread message costs a SQLite
    // commit); its figure for M messages is extrapolated, per message.
    const int total = team == QLatin1String("live") ? env.liveMixed : env.messages;
    double baseMs = -1;
    {
        auto client = makeClient(env, team);
        int count = 0;
        Subscription sub = client->onMessage(env.ticket, [&count](const Message &) { ++count; });
        waitStreaming(client.get());
        baseMs = timeStream(env, [&] { return count >= total; });
        emitResult(BenchName, QStringLiteral("cstar"), label + QStringLiteral("_client_only_ms"),
                   baseMs, QStringLiteral("ms"),
                   {{QLatin1String("run"), run}, {QLatin1String("messages"), count}});
    }
    flushDeletes();
    auto client = makeClient(env, team);
    auto model = std::make_unique<MessagesModel>(client.get(), env.ticket);
    waitUntil([&] { return !model->isLoading(); }, 10000);
    waitStreaming(client.get());
    const double ms = timeStream(
        env, [&] { return model->rowCount() >= total; }, limitMs);
    const int rows = qMax(1, model->rowCount());
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("messages"), env.messages},
                             {QLatin1String("ingested"), rows},
                             {QLatin1String("extrapolated"), rows < env.messages}};
    const double perMessageMs = ms / rows;
    emitResult(BenchName, QStringLiteral("cstar"), label + QStringLiteral("_100k_ms"),
               perMessageMs * env.messages, QStringLiteral("ms"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), label + QStringLiteral("_model_us_per_message"),
               (perMessageMs - baseMs / total) * 1000, QStringLiteral("µs"), extra);
    model.reset();
    client.reset();
    flushDeletes();
}

// TicketsModel with T tickets, then E messages for random tickets; "tickets":
// mixed senders (agent messages are unread), "ticketsown": the customer's own.
void tickets(const Env &env, int run, const QString &team, int limitMs)
{
    const QString label = team == QLatin1String("tickets") ? QStringLiteral("tickets")
                                                           : QStringLiteral("tickets_own");
    const int events = team == QLatin1String("tickets") ? env.mixedTicketEvents : env.ticketEvents;
    double baseMs = -1;
    {
        auto client = makeClient(env, team);
        int count = 0;
        Subscription sub = client->onMessage(QString(), [&count](const Message &) { ++count; });
        waitStreaming(client.get());
        baseMs = timeStream(env, [&] { return count >= events; });
    }
    flushDeletes();
    auto client = makeClient(env, team);
    const qint64 loadStart = monotonicNs();
    auto model = std::make_unique<TicketsModel>(client.get());
    waitUntil([&] { return model->count() >= env.tickets && !model->isLoading(); }, 60000);
    const double loadMs = double(monotonicNs() - loadStart) / 1e6;
    // Subscribed after the model: callbacks run in subscription order, so
    // when this one has seen an event, the model has applied it.
    int count = 0;
    Subscription sub = client->onMessage(QString(), [&count](const Message &) { ++count; });
    int moves = 0;
    QObject::connect(model.get(), &QAbstractItemModel::rowsMoved, [&moves] { ++moves; });
    waitStreaming(client.get());
    const double ms = timeStream(
        env, [&] { return count >= events; }, limitMs);
    const int applied = qMax(1, count);
    bool sorted = true;
    for (int row = 1; row < model->count() && sorted; ++row)
        sorted = model->ticket(row - 1).updatedAt() >= model->ticket(row).updatedAt();
    if (!sorted)
        emitNote(BenchName, QStringLiteral("%1: rows not sorted after the live updates").arg(team));
    const QJsonObject extra {{QLatin1String("run"), run},
                             {QLatin1String("tickets"), model->count()},
                             {QLatin1String("events"), events},
                             {QLatin1String("applied"), applied},
                             {QLatin1String("moves"), moves},
                             {QLatin1String("boundedMs"), applied < events ? limitMs : 0}};
    if (team == QLatin1String("ticketsown"))
        emitResult(BenchName, QStringLiteral("cstar"), QStringLiteral("tickets_load_ms"), loadMs,
                   QStringLiteral("ms"), extra);
    emitResult(BenchName, QStringLiteral("cstar"), label + QStringLiteral("_us_per_update"),
               (ms / applied - baseMs / events) * 1000, QStringLiteral("µs"), extra);
}

// Loading U tickets whose last message is unread (each is noted, and stored,
// by the unread tracker), per ticket.
void unreadLoad(const Env &env, int run)
{
    auto client = makeClient(env, QStringLiteral("ticketsload"));
    const qint64 t0 = monotonicNs();
    auto model = std::make_unique<TicketsModel>(client.get());
    waitUntil([&] { return model->count() >= env.unreadTickets && !model->isLoading(); }, 120000);
    const double ms = double(monotonicNs() - t0) / 1e6;
    emitResult(BenchName, QStringLiteral("cstar"),
               QStringLiteral("tickets_unread_load_ms_per_ticket"), ms / qMax(1, model->count()),
               QStringLiteral("ms"),
               {{QLatin1String("run"), run}, {QLatin1String("tickets"), model->count()}});
}

} // namespace

int main(int argc, char **argv)
{
    // The models keep an outbox and read markers in SQLite under the app
    // data dir: a scratch one, so runs start clean and leave nothing.
    QTemporaryDir scratch;
    qputenv("XDG_DATA_HOME", scratch.path().toLocal8Bit());
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("cStarBench"));
    QCoreApplication::setApplicationName(QStringLiteral("cstar-bench-models"));
    const QStringList args = QCoreApplication::arguments();
    QString canned, root, only;
    int runs = 3;
    int limitMs = 3000;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--limit-ms"))
            limitMs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--canned"))
            canned = args[i + 1];
        else if (args[i] == QLatin1String("--root"))
            root = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--only"))
            only = args[i + 1];
    }
    QFile metaFile(root + QStringLiteral("/../meta.json"));
    if (canned.isEmpty() || !metaFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "usage: cstar-bench-models --canned BIN --root DIR [--runs N]\n");
        return 2;
    }
    const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
    QProcess server;
    server.start(canned, {QStringLiteral("--root"), root, QStringLiteral("--hold")});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000))
        return 1;
    QNetworkAccessManager nam;
    Env env;
    env.base = QUrl(QString::fromLatin1(server.readLine().trimmed()));
    env.nam = &nam;
    env.messages = meta.value(QLatin1String("messages")).toInt();
    env.textBytes = qint64(meta.value(QLatin1String("messageTextBytes")).toDouble());
    env.ticket = meta.value(QLatin1String("bulkTicket")).toString();
    env.liveMixed = meta.value(QLatin1String("liveMixedMessages")).toInt();
    env.tickets = meta.value(QLatin1String("tickets")).toInt();
    env.ticketEvents = meta.value(QLatin1String("ticketEvents")).toInt();
    env.mixedTicketEvents = meta.value(QLatin1String("mixedTicketEvents")).toInt();
    env.unreadTickets = meta.value(QLatin1String("unreadTickets")).toInt();
    for (int run = 0; run < runs; ++run) {
        if (only.isEmpty() || only == QLatin1String("bulk"))
            bulk(env, run);
        if (only.isEmpty() || only == QLatin1String("live")) {
            live(env, run, QStringLiteral("liveown"), limitMs);
            live(env, run, QStringLiteral("live"), limitMs);
        }
        if (only.isEmpty() || only == QLatin1String("tickets")) {
            tickets(env, run, QStringLiteral("ticketsown"), limitMs);
            tickets(env, run, QStringLiteral("tickets"), limitMs);
            unreadLoad(env, run);
        }
    }
    server.kill();
    server.waitForFinished();
    return 0;
}
