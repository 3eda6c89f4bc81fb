// SPDX-License-Identifier: MIT
// Soak under faults (docs/reliability.md "Fault injection"): N messages each
// way between a customer (ChatClient + the durable Outbox, subscriptions for
// the agent's messages) and an agent (agent API with an Idempotency-Key per
// message, its poll feed for the customer's), all through FaultProxy, which
// drops, truncates, resets, delays and splits at random; then again while the
// server is killed with SIGKILL at random moments and restarted on the same
// database. Every message must arrive exactly once, in order, on both sides;
// the database must pass PRAGMA integrity_check.
//
// N = CSTAR_SOAK_MESSAGES (default 1,000). The `long` CTest entry runs 10,000
// when CSTAR_RUN_LONG=1 (the sanitizer-free CI step); otherwise it skips.
#include "chatclient.h"
#include "devserverprocess.h"
#include "faultproxy.h"
#include "outbox.h"
#include "testhttp.h"
#include "waitfor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CStar;
using namespace CStar::Testing;
using CStar::Tools::FaultOptions;
using CStar::Tools::FaultProxy;
using namespace Qt::StringLiterals;

namespace {

int messageCount()
{
    const int n = qEnvironmentVariableIntValue("CSTAR_SOAK_MESSAGES");
    return n > 0 ? n : 1000;
}

TransportOptions soakOptions()
{
    TransportOptions o;
    o.requestTimeoutMs = 4000; // a delayed or silently dropped answer is retried
    o.maxRetries = 3;
    o.retryBaseDelayMs = 10;
    o.retryMaxDelayMs = 100;
    o.retryJitterMs = 10;
    o.defaultRetryAfterS = 0;
    o.firstByteTimeoutMs = 3000;
    o.silenceTimeoutMs = 3000; // the server pings every 500 ms
    o.streamRetryIntervalMs = 300;
    o.streamRetryMaxIntervalMs = 1000;
    o.reconnectDelayMs = 10;
    o.reconnectMaxDelayMs = 200;
    o.pollErrorMaxDelayMs = 300;
    return o;
}

/// The agent: posts its messages one at a time through the proxy (same
/// Idempotency-Key on every retry) and follows its poll feed for the
/// customer's messages.
class Agent : public QObject
{
public:
    Agent(QUrl base, QString key, QString ticketId, int count)
        : m_base(std::move(base))
        , m_key(std::move(key))
        , m_ticket(std::move(ticketId))
        , m_count(count)
    {
        m_nam.setAutoDeleteReplies(true);
    }

    QStringList received; ///< contents of customer messages, in feed order
    int acked = 0;
    int sendRetries = 0;
    int pollRetries = 0;
    int feedAnomalies = 0; ///< ids at or below the cursor (a server bug if ever > 0)
    int polls = 0;
    int pollsAnswered = 0;
    QString cursor() const { return m_cursor; }
    /// Where the feed starts (set before anything is sent, so nothing is missed).
    void setCursor(const QString &cursor) { m_cursor = cursor; }

    void start()
    {
        sendNext();
        poll();
    }
    void stop() { m_stopped = true; }
    bool done() const { return acked == m_count && received.size() >= m_count; }

private:
    QNetworkRequest request(const QString &path) const
    {
        QUrl url = m_base;
        const qsizetype q = path.indexOf(u'?');
        url.setPath(QStringLiteral("/api/v1/teams/acme") + path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest r(url);
        r.setRawHeader("Authorization", "Bearer " + m_key.toLatin1());
        r.setTransferTimeout(4000);
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        return r;
    }

    void sendNext()
    {
        if (m_stopped || acked >= m_count)
            return;
        QNetworkRequest r = request(QStringLiteral("/tickets/%1/messages").arg(m_ticket));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        r.setRawHeader("Idempotency-Key", "agent-soak-" + QByteArray::number(acked));
        const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("content"),
                                                            QStringLiteral("a%1").arg(acked)}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_nam.post(r, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject data =
                QJsonDocument::fromJson(reply->readAll()).object().value(u"data"_s).toObject();
            if (reply->error() == QNetworkReply::NoError && (status == 201 || status == 200)
                && data.value(u"content"_s).toString() == QStringLiteral("a%1").arg(acked)) {
                ++acked;
                sendNext();
            } else {
                ++sendRetries;
                QTimer::singleShot(10, this, [this] { sendNext(); });
            }
        });
    }

    void poll()
    {
        if (m_stopped)
            return;
        QString path = QStringLiteral("/events/poll?limit=100");
        if (!m_cursor.isEmpty())
            path += QStringLiteral("&after=") + m_cursor;
        QNetworkReply *reply = m_nam.get(request(path));
        ++polls;
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            ++pollsAnswered;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->error() != QNetworkReply::NoError || status != 200
                || !o.value(u"data"_s).isArray()) {
                ++pollRetries;
                QTimer::singleShot(20, this, [this] { poll(); });
                return;
            }
            const qint64 cursor = m_cursor.toLongLong();
            for (const QJsonValue &v : o.value(u"data"_s).toArray()) {
                const QJsonObject item = v.toObject();
                const qint64 id = item.value(u"id"_s).toInteger();
                if (!m_cursor.isEmpty() && id <= cursor) {
                    ++feedAnomalies;
                    continue;
                }
                const QJsonObject data = item.value(u"data"_s).toObject();
                if (item.value(u"type"_s).toString() == QLatin1String("message.created")
                    && data.value(u"sender"_s).toString() == QLatin1String("customer")
                    && data.value(u"ticketId"_s).toString() == m_ticket)
                    received.append(data.value(u"content"_s).toString());
            }
            const qint64 next = o.value(u"nextCursor"_s).toInteger();
            if (m_cursor.isEmpty() || next > cursor)
                m_cursor = QString::number(next);
            QTimer::singleShot(o.value(u"hasMore"_s).toBool() ? 0 : 20, this, [this] { poll(); });
        });
    }

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_key;
    QString m_ticket;
    QString m_cursor;
    int m_count;
    bool m_stopped = false;
};

QStringList expected(QChar prefix, int n)
{
    QStringList list;
    list.reserve(n);
    for (int i = 0; i < n; ++i)
        list.append(prefix + QString::number(i));
    return list;
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

    struct Figures
    {
        qint64 ms = 0;
        int kills = 0;
    };

    /// Runs the exchange; with `kills`, the server is killed (-9) and
    /// restarted at random moments.
    void exchange(DevServerProcess &server, FaultProxy &proxy, int n, bool kills, Figures *figures)
    {
        QTemporaryDir dir(shmTemplate()); // the outbox database (see serverOptions())
        QVERIFY(dir.isValid());
        const QUrl proxyUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));

        // Setup without faults: a customer, a ticket, the agent's feed cursor.
        proxy.setFaultsEnabled(false);
        ChatClient client(server.team());
        client.setBaseUrl(proxyUrl);
        client.setTransportOptions(soakOptions());
        client.setPollingInterval(100);
        Job<Ticket> *create = client.tickets().create(QStringLiteral("Soak"));
        QSignalSpy created(create, &ChatJob::finished);
        QVERIFY(created.wait(20000));
        const QString ticket = create->result().id();
        QVERIFY(!ticket.isEmpty());

        QStringList customerReceived;
        Subscription sub = client.onMessage(ticket, [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                customerReceived.append(m.content());
        });
        QTRY_COMPARE_WITH_TIMEOUT(client.connectionState(), ConnectionState::Streaming, 20000);

        client.setStorageDirectory(dir.path());
        Outbox &outbox = *client.outbox();
        QVERIFY(outbox.isOpen());
        outbox.setRetryDelays(10, 200);
        int enqueued = 0;
        int delivered = 0;
        connect(&outbox, &Outbox::entryDelivered, this, [&] { ++delivered; });
        bool toppingUp = false;
        auto topUp = [&] {
            if (toppingUp) // enqueue() emits countChanged
                return;
            toppingUp = true;
            while (enqueued < n && outbox.count() < 20) {
                const int i = enqueued++;
                QVERIFY(outbox.enqueue(ticket, QStringLiteral("c%1").arg(i)).isValid());
            }
            toppingUp = false;
        };
        connect(&outbox, &Outbox::countChanged, this, topUp);

        Agent agent(proxyUrl, server.agentKey(), ticket, n);
        const HttpResult start = TestHttp(server).agent("GET", QStringLiteral("/events/poll"));
        QCOMPARE(start.status, 200);
        agent.setCursor(QString::number(start.json.object().value(u"nextCursor"_s).toInteger()));
        QElapsedTimer timer;
        timer.start();
        proxy.setFaultsEnabled(true);
        agent.start();
        topUp();

        // Server kills at random moments while messages flow: after every 10–60
        // customer deliveries (whatever is in flight on either side then).
        QRandomGenerator random(quint32(proxy.options().seed));
        int nextKillAt = 10 + int(random.bounded(51));
        bool killing = false;
        QObject killContext; // a kill still scheduled when this returns never runs
        if (kills) {
            connect(&outbox, &Outbox::entryDelivered, this, [&] {
                if (killing || delivered < nextKillAt || delivered >= n)
                    return;
                killing = true;
                nextKillAt = delivered + 10 + int(random.bounded(51));
                QTimer::singleShot(int(random.bounded(5)), &killContext, [&] {
                    server.kill();
                    ++figures->kills;
                    if (!server.restart())
                        qWarning("restart failed: %s", qPrintable(server.errorString()));
                    killing = false;
                });
            });
        }

        // Progress every 10 s, so a stall shows where it is.
        QTimer progress;
        connect(&progress, &QTimer::timeout, this, [&] {
            qInfo("after %lld s: customer delivered %d/%d (outbox %d), received %lld; agent acked "
                  "%d, received %lld, polls %d/%d at %s; connection %d",
                  timer.elapsed() / 1000, delivered, n, outbox.count(),
                  qint64(customerReceived.size()), agent.acked, qint64(agent.received.size()),
                  agent.pollsAnswered, agent.polls, qPrintable(agent.cursor()),
                  int(client.connectionState()));
        });
        progress.start(10000);
        // A real event loop (QTRY_* sleeps 10 ms between event batches, which
        // would throttle the exchange); the predicate is checked on each tick.
        const int budgetMs = 60000 + n * 20;
        QTimer tick;
        tick.start(20);
        const bool completed = waitFor(
            &tick, &QTimer::timeout,
            [&] { return delivered == n && agent.done() && customerReceived.size() >= n; },
            budgetMs);
        if (!completed)
            qWarning("the exchange did not complete in time (see the progress lines)");
        figures->ms = timer.elapsed();
        proxy.setFaultsEnabled(false);
        agent.stop();

        if (agent.received != expected(u'c', n)) {
            const QStringList want = expected(u'c', n);
            for (const QString &c : want) {
                if (agent.received.count(c) != 1)
                    qWarning() << "agent feed:" << c << "seen" << agent.received.count(c)
                               << "times";
            }
        }
        // The server's own record: each message once, in order per sender.
        TestHttp http(server);
        QStringList customerStored, agentStored;
        QString before; // pages run newest first (protocol-notes "Message paging")
        for (;;) {
            const HttpResult page =
                http.agent("GET",
                           QStringLiteral("/tickets/%1/messages?limit=100%2")
                               .arg(ticket, before.isEmpty() ? QString() : u"&before="_s + before));
            QCOMPARE(page.status, 200);
            const QJsonArray data = page.dataArray();
            QStringList customerPage, agentPage;
            for (const QJsonValue &v : data) {
                const QJsonObject m = v.toObject();
                (m.value(u"sender"_s).toString() == QLatin1String("customer") ? customerPage
                                                                              : agentPage)
                    .append(m.value(u"content"_s).toString());
            }
            customerStored = customerPage + customerStored;
            agentStored = agentPage + agentStored;
            if (!page.json.object().value(u"hasMore"_s).toBool() || data.isEmpty())
                break;
            before = data.first().toObject().value(u"id"_s).toString();
        }
        QCOMPARE(customerStored, expected(u'c', n));
        QCOMPARE(agentStored, expected(u'a', n));
        QCOMPARE(customerReceived.size(), n);
        QCOMPARE(customerReceived, expected(u'a', n));
        QCOMPARE(agent.received.size(), n);
        QCOMPARE(agent.received, expected(u'c', n));
        QCOMPARE(agent.feedAnomalies, 0);
        QCOMPARE(outbox.count(), 0);

        QVERIFY(completed);
        qInfo("soak: %d messages each way in %lld ms; %d kills; agent retries %d sends, %d polls; "
              "proxy: %s",
              n, figures->ms, figures->kills, agent.sendRetries, agent.pollRetries,
              qPrintable(proxy.stats().toString()));
    }

    /// Per chunk: 0.5 % each of drop, truncate, reset; 2 % each of delay
    /// (up to 40 ms) and 1-byte writes. CSTAR_SOAK_FAULTS overrides (same
    /// syntax as cstar-faultproxy --faults).
    static FaultOptions faults(quint64 seed)
    {
        FaultOptions o;
        if (qEnvironmentVariableIsSet("CSTAR_SOAK_FAULTS")) {
            o = FaultOptions::parse(qEnvironmentVariable("CSTAR_SOAK_FAULTS"));
        } else {
            o.drop = 0.005;
            o.truncate = 0.005;
            o.reset = 0.005;
            o.delay = 0.02;
            o.split = 0.02;
            o.maxDelayMs = 40;
        }
        o.seed = seed;
        return o;
    }

    static bool longRunNotAllowed()
    {
        return qEnvironmentVariableIntValue("CSTAR_SOAK_REQUIRE_LONG") == 1
            && qEnvironmentVariableIntValue("CSTAR_RUN_LONG") != 1;
    }
#define CSTAR_SKIP_UNLESS_ALLOWED()                                                                \
    if (longRunNotAllowed())                                                                       \
    QSKIP("the 10,000-message soak runs with CSTAR_RUN_LONG=1 (.ci/run sets it)")

    /// The server's database in memory-backed storage when there is some:
    /// the soak tests the network and kill -9 (which the page cache survives),
    /// not the disk, and fsync on a busy CI disk would dominate its time.
    static DevServerProcess::Options serverOptions(QTemporaryDir &dir)
    {
        DevServerProcess::Options options;
        if (dir.isValid())
            options.dbPath = dir.filePath(QStringLiteral("devserver.db"));
        // Faults, not rate limits, are under test here (tst_serverhostileinputs floods).
        options.extraArgs = {QStringLiteral("--retry-ms"),         QStringLiteral("20"),
                             QStringLiteral("--ping-interval-ms"), QStringLiteral("500"),
                             QStringLiteral("--rate-limit"),       QStringLiteral("100000000")};
        return options;
    }
    static QString shmTemplate()
    {
        return QDir(QStringLiteral("/dev/shm")).exists()
            ? QStringLiteral("/dev/shm/cstar-soak-XXXXXX")
            : QDir::tempPath() + QStringLiteral("/cstar-soak-XXXXXX");
    }

private Q_SLOTS:
    void exactlyOnceThroughNetworkFaults()
    {
        CSTAR_SKIP_UNLESS_ALLOWED();
        QTemporaryDir dbDir(shmTemplate());
        DevServerProcess server;
        QVERIFY2(server.start(serverOptions(dbDir)), qPrintable(server.errorString()));
        FaultProxy proxy;
        proxy.setUpstream(QHostAddress::LocalHost, server.port());
        const quint64 seed = qEnvironmentVariableIsSet("CSTAR_SOAK_SEED")
            ? qEnvironmentVariable("CSTAR_SOAK_SEED").toULongLong()
            : QRandomGenerator::global()->generate();
        qInfo("fault seed %llu (set CSTAR_SOAK_SEED to repeat)", seed);
        proxy.setOptions(faults(seed));
        QVERIFY(proxy.listen());
        Figures figures;
        exchange(server, proxy, messageCount(), false, &figures);
        if (!qEnvironmentVariableIsSet("CSTAR_SOAK_FAULTS"))
            QVERIFY(proxy.stats().faults() > 0);
    }

    void exactlyOnceAcrossServerKills()
    {
        CSTAR_SKIP_UNLESS_ALLOWED();
        QTemporaryDir dbDir(shmTemplate());
        DevServerProcess server;
        QVERIFY2(server.start(serverOptions(dbDir)), qPrintable(server.errorString()));
        FaultProxy proxy; // no faults: only the server dies
        proxy.setUpstream(QHostAddress::LocalHost, server.port());
        FaultOptions none;
        none.seed = qEnvironmentVariableIsSet("CSTAR_SOAK_SEED")
            ? qEnvironmentVariable("CSTAR_SOAK_SEED").toULongLong()
            : QRandomGenerator::global()->generate();
        qInfo("kill seed %llu (set CSTAR_SOAK_SEED to repeat)", none.seed);
        proxy.setOptions(none);
        QVERIFY(proxy.listen());
        Figures figures;
        exchange(server, proxy, messageCount(), true, &figures);
        QVERIFY(figures.kills > 0);

        // The database survived every kill -9.
        server.stop();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
            db.setDatabaseName(server.dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT id) FROM messages")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), q.value(1).toInt());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
