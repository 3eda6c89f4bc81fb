// SPDX-License-Identifier: MIT
// Part 1 — a cursor before anything can be missed (protocol §9, last rule):
// behind a proxy that holds event-stream bodies (FaultProxy hold-bodies, and
// nginx with gzip on text/event-stream), an agent reply posted while the
// stream is stuck before its first byte arrives exactly once, through a
// subscription and through MessagesModel, on every path that (re)starts
// realtime: first start, after disconnect(), after logout, after a `reset`.
//
// Part 2 — a buffering reverse proxy in front of the server (protocol §9, docs/
// reliability.md "Buffering proxy"): nginx with `proxy_buffering on` (and the
// server's `X-Accel-Buffering: no` ignored, as a proxy that does not know it
// would) holds the event stream back; the client, with the protocol's default
// first-byte timeout of 10 s, must detect that and poll — messages keep
// arriving — and stream again once nginx runs with `proxy_buffering off`.
// nginx runs unprivileged-style from a temporary prefix on a free loopback
// port (daemon off, no master, every path in the temp dir).
#include "chatclient.h"
#include "devserverprocess.h"
#include "faultproxy.h"
#include "messagesmodel.h"
#include "testhttp.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

namespace {

QString nginxBinary()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            QStringLiteral("nginx"),
            {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    return path;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// Timers short enough for a test, long enough for `ctest -j2` on 2 busy cores.
TransportOptions holdOptions()
{
    TransportOptions o;
    o.firstByteTimeoutMs = 1500; // the proxy holds every stream: poll after 1.5 s
    o.streamRetryIntervalMs = 600000; // no probes: each phase starts its own stream
    o.streamRetryMaxIntervalMs = 600000;
    o.retryBaseDelayMs = 20;
    o.retryMaxDelayMs = 100;
    o.reconnectDelayMs = 20;
    o.reconnectMaxDelayMs = 200;
    o.pollErrorMaxDelayMs = 500;
    return o;
}

QStringList modelContents(const MessagesModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data(MessagesModel::ContentRole).toString());
    return out;
}

QString postAgentReply(TestHttp &agent, const QString &ticket, const QString &content)
{
    const HttpResult r = agent.agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticket),
                                     {{QStringLiteral("content"), content}});
    return r.status == 201 ? r.data().value(QStringLiteral("id")).toString() : QString();
}

bool finishes(ChatJob *job)
{
    QSignalSpy spy(job, &ChatJob::finished);
    return spy.wait(20000) && job->isSuccess();
}

template<typename T>
bool finishes(Job<T> *job, T *result)
{
    QSignalSpy spy(job, &ChatJob::finished);
    if (!spy.wait(20000) || !job->isSuccess())
        return false;
    if (result)
        *result = job->result();
    return true;
}

} // namespace

class TestBufferingProxy : public QObject
{
    Q_OBJECT

    QTemporaryDir prefix;
    std::unique_ptr<QProcess> nginx;
    quint16 nginxPort = 0;

    bool startNginx(quint16 upstream, bool buffering, const QString &extra = {})
    {
        stopNginx();
        const QString dir = prefix.path();
        const QString conf = QStringLiteral(R"(daemon off;
master_process off;
worker_processes 1;
pid %1/nginx.pid;
error_log %1/error.log info;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path %1/client_body;
    proxy_temp_path %1/proxy;
    fastcgi_temp_path %1/fastcgi;
    uwsgi_temp_path %1/uwsgi;
    scgi_temp_path %1/scgi;
    server {
        listen 127.0.0.1:%2;
        location / {
            proxy_pass http://127.0.0.1:%3;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_read_timeout 3600s;
            proxy_buffering %4;
            proxy_ignore_headers X-Accel-Buffering;
            %5
        }
    }
}
)")
                                 .arg(dir)
                                 .arg(nginxPort)
                                 .arg(upstream)
                                 .arg(buffering ? QStringLiteral("on") : QStringLiteral("off"))
                                 .arg(extra);
        QFile file(dir + QStringLiteral("/nginx.conf"));
        if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) < 0)
            return false;
        file.close();
        nginx = std::make_unique<QProcess>();
        nginx->setProcessChannelMode(QProcess::MergedChannels);
        nginx->start(nginxBinary(),
                     {QStringLiteral("-p"), dir, QStringLiteral("-e"),
                      dir + QStringLiteral("/error.log"), QStringLiteral("-c"),
                      dir + QStringLiteral("/nginx.conf")});
        if (!nginx->waitForStarted(10000))
            return false;
        // Ready when it answers (bounded; no sleeping).
        TestHttp http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(nginxPort)));
        http.timeoutMs = 2000;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000 && nginx->state() == QProcess::Running) {
            if (http.request("POST", QStringLiteral("/api/v1/chat/acme/sessions"), "{}").status
                == 201)
                return true;
            QTest::qWait(20); // readiness poll of another process, as QTRY_* does; bounded
        }
        qWarning("nginx did not come up: %s", nginx->readAll().constData());
        return false;
    }

    void stopNginx()
    {
        if (!nginx)
            return;
        nginx->terminate();
        if (!nginx->waitForFinished(5000))
            nginx->kill();
        nginx->waitForFinished(5000);
        nginx.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // MessagesModel's outbox storage
        QVERIFY(prefix.isValid());
        nginxPort = freePort();
    }
    void cleanupTestCase() { stopNginx(); }

    // §9: a reply stored while the stream is held before its first byte is
    // delivered by the first fallback poll (from the cursor taken before the
    // stream), once — on every path that starts realtime.
    void replyDuringHoldArrivesOnceOnEveryPath()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Tools::FaultProxy proxy;
        proxy.setUpstream(QHostAddress::LocalHost, server.port());
        Tools::FaultOptions faults;
        faults.holdBodies = true;
        proxy.setOptions(faults);
        QVERIFY(proxy.listen());

        ChatClient client(server.team());
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        client.setTransportOptions(holdOptions());
        client.setPollingInterval(200);
        TestHttp agent(server);

        Ticket ticket;
        QVERIFY(finishes(client.tickets().create(QStringLiteral("Held"), QStringLiteral("Hello")),
                         &ticket));
        QStringList received; // every ticket, through a subscription
        Subscription sub = client.onMessage(QString(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        MessagesModel model(&client, ticket.id());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);

        // Waits until a new stream is held (its body never arrives), posts a
        // reply on `ticketId`, and checks it arrives exactly once.
        QStringList expected;
        auto replyDuringHold = [&](const QString &ticketId, const QString &content,
                                   quint64 heldBefore) {
            QTRY_VERIFY_WITH_TIMEOUT(proxy.stats().heldStreams > heldBefore, 20000);
            QElapsedTimer arrival;
            arrival.start();
            QVERIFY(!postAgentReply(agent, ticketId, content).isEmpty());
            expected.append(content);
            QTRY_COMPARE_WITH_TIMEOUT(received, expected, 20000);
            qInfo("%s: arrived %lld ms after it was posted (stream held; first-byte timeout "
                  "%d ms, polling every %d ms)",
                  qPrintable(content), arrival.elapsed(), holdOptions().firstByteTimeoutMs,
                  client.pollingInterval());
        };

        // 1. First start: no stored cursor.
        QTRY_COMPARE_WITH_TIMEOUT(modelContents(model), QStringList {QStringLiteral("Hello")},
                                  20000);
        replyDuringHold(ticket.id(), QStringLiteral("first start"), 0);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(
            modelContents(model),
            (QStringList {QStringLiteral("Hello"), QStringLiteral("first start")}), 20000);
        QCOMPARE(client.connectionState(), ConnectionState::Polling);

        // 2. After disconnectFromServer(): the next call starts the client again.
        client.disconnectFromServer();
        QCOMPARE(client.connectionState(), ConnectionState::Disconnected);
        quint64 held = proxy.stats().heldStreams;
        model.reload();
        replyDuringHold(ticket.id(), QStringLiteral("after disconnect"), held);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(
            modelContents(model),
            (QStringList {QStringLiteral("Hello"), QStringLiteral("first start"),
                          QStringLiteral("after disconnect")}),
            20000);

        // 3. After a `reset` (a cursor the server does not know): continue
        // from the id it gives; the model catches up by REST.
        client.disconnectFromServer();
        client.setLastEventId(QStringLiteral("999999"));
        QSignalSpy resync(&client, &ChatClient::resyncRequired);
        held = proxy.stats().heldStreams;
        QVERIFY(finishes(static_cast<ChatJob *>(client.tickets().get(ticket.id()))));
        QTRY_VERIFY_WITH_TIMEOUT(client.lastEventId().toLongLong() < 999999, 20000);
        QVERIFY(resync.count() >= 1);
        replyDuringHold(ticket.id(), QStringLiteral("after reset"), held);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(
            modelContents(model),
            (QStringList {QStringLiteral("Hello"), QStringLiteral("first start"),
                          QStringLiteral("after disconnect"), QStringLiteral("after reset")}),
            20000);

        // 4. After logout: a new session, a new token, a new stream.
        held = proxy.stats().heldStreams;
        QVERIFY(finishes(client.logout()));
        Ticket second;
        QVERIFY(finishes(client.tickets().create(QStringLiteral("Second"), QStringLiteral("Hi")),
                         &second));
        replyDuringHold(second.id(), QStringLiteral("after logout"), held);
        if (QTest::currentTestFailed())
            return;

        // Nothing twice: one more reply, and the lists are still exact.
        QVERIFY(!postAgentReply(agent, second.id(), QStringLiteral("sync")).isEmpty());
        expected.append(QStringLiteral("sync"));
        QTRY_COMPARE_WITH_TIMEOUT(received, expected, 20000);
        // The new anonymous session cannot see the first ticket (§4): the
        // model, resynced, says so instead of showing stale rows.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 20000);
    }

    // The figure for docs/reliability.md: with the protocol's timers (first
    // byte 10 s, polling every 5 s), how long a reply posted while the
    // stream is held takes to arrive.
    void replyLatencyBehindHoldingProxyWithDefaultTimers()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Tools::FaultProxy proxy;
        proxy.setUpstream(QHostAddress::LocalHost, server.port());
        Tools::FaultOptions faults;
        faults.holdBodies = true;
        proxy.setOptions(faults);
        QVERIFY(proxy.listen());
        ChatClient client(server.team());
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        TestHttp agent(server);
        Ticket ticket;
        QVERIFY(finishes(client.tickets().create(QStringLiteral("Defaults")), &ticket));
        QStringList received;
        Subscription sub = client.onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        QTRY_VERIFY_WITH_TIMEOUT(proxy.stats().heldStreams >= 1, 20000);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!postAgentReply(agent, ticket.id(), QStringLiteral("defaults")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 40000);
        qInfo("default timers, stream held: the reply arrived %lld ms after it was posted",
              timer.elapsed());
        QCOMPARE(received, QStringList {QStringLiteral("defaults")});
    }

    // nginx with gzip on text/event-stream and response buffering (the
    // server's X-Accel-Buffering: no ignored): nothing of the stream reaches
    // the client until a buffer fills.
    void replyBehindNginxGzipArrivesOnce()
    {
        if (nginxBinary().isEmpty())
            QSKIP("nginx is not installed (scripts/setup.sh installs it)");
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(startNginx(server.port(), true,
                           QStringLiteral("gzip on; gzip_types text/event-stream; "
                                          "gzip_min_length 1;")));
        ChatClient client(server.team());
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(nginxPort)));
        client.setTransportOptions(holdOptions());
        client.setPollingInterval(200);
        TestHttp agent(server);
        Ticket ticket;
        QVERIFY(finishes(client.tickets().create(QStringLiteral("Gzip"), QStringLiteral("Hello")),
                         &ticket));
        QStringList received;
        Subscription sub = client.onMessage(ticket.id(), [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        MessagesModel model(&client, ticket.id());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<ConnectionState> states;
        const QMetaObject::Connection watch =
            connect(&client, &ChatClient::connectionStateChanged, this,
                    [&] { states.append(client.connectionState()); });
        auto unwatch = qScopeGuard([&] { disconnect(watch); });
        QTRY_COMPARE_WITH_TIMEOUT(modelContents(model), QStringList {QStringLiteral("Hello")},
                                  20000);
        // The stream request is on its way (its cursor taken): post now.
        QTRY_VERIFY_WITH_TIMEOUT(!client.lastEventId().isEmpty(), 20000);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!postAgentReply(agent, ticket.id(), QStringLiteral("gzipped")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(received, QStringList {QStringLiteral("gzipped")}, 20000);
        qInfo("nginx gzip: arrived after %lld ms; states %s", timer.elapsed(),
              qPrintable(QDebug::toString(states)));
        QTRY_COMPARE_WITH_TIMEOUT(
            modelContents(model),
            (QStringList {QStringLiteral("Hello"), QStringLiteral("gzipped")}), 20000);
        QVERIFY(!postAgentReply(agent, ticket.id(), QStringLiteral("sync")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 20000);
        QCOMPARE(received, (QStringList {QStringLiteral("gzipped"), QStringLiteral("sync")}));
    }

    void fallsBackToPollingBehindBufferingProxyAndStreamsAgain()
    {
        if (nginxBinary().isEmpty())
            QSKIP("nginx is not installed (scripts/setup.sh installs it): cannot test a "
                  "buffering reverse proxy");
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(startNginx(server.port(), true));

        ChatClient client(server.team());
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(nginxPort)));
        TransportOptions o; // the protocol's defaults: firstByteTimeoutMs = 10000
        QCOMPARE(o.firstByteTimeoutMs, 10000);
        o.streamRetryIntervalMs = 2000; // probe the stream again soon (default 60 s)
        o.streamRetryMaxIntervalMs = 2000;
        o.retryBaseDelayMs = 50;
        client.setTransportOptions(o);
        client.setPollingInterval(200);

        Job<Ticket> *create = client.tickets().create(QStringLiteral("Behind nginx"));
        QSignalSpy created(create, &ChatJob::finished);
        QVERIFY(created.wait(20000));
        const QString ticket = create->result().id();
        QVERIFY(!ticket.isEmpty());

        QStringList received;
        QList<ConnectionState> states;
        connect(&client, &ChatClient::connectionStateChanged, this,
                [&] { states.append(client.connectionState()); });
        QElapsedTimer timer;
        timer.start();
        Subscription sub = client.onMessage(ticket, [&](const Message &m) {
            if (m.sender() == Message::Sender::Agent)
                received.append(m.content());
        });
        // §9: no byte within 10 s → poll. Bounded wait, no timing assertion.
        QTRY_COMPARE_WITH_TIMEOUT(client.connectionState(), ConnectionState::Polling, 30000);
        const qint64 fallbackMs = timer.elapsed();
        QVERIFY(!states.contains(ConnectionState::Streaming)); // nothing got through
        qInfo("behind proxy_buffering on: polling after %lld ms", fallbackMs);

        TestHttp agent(server);
        QCOMPARE(agent
                     .agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticket),
                            {{QStringLiteral("content"), QStringLiteral("while buffered")}})
                     .status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 15000);

        // The operator fixes the proxy: the client's stream probe gets through.
        QVERIFY(startNginx(server.port(), false));
        timer.restart();
        QTRY_COMPARE_WITH_TIMEOUT(client.connectionState(), ConnectionState::Streaming, 60000);
        qInfo("behind proxy_buffering off: streaming again after %lld ms", timer.elapsed());
        QCOMPARE(agent
                     .agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticket),
                            {{QStringLiteral("content"), QStringLiteral("while streaming")}})
                     .status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 15000);
        QCOMPARE(
            received,
            (QStringList {QStringLiteral("while buffered"), QStringLiteral("while streaming")}));
        QCOMPARE(client.connectionState(), ConnectionState::Streaming);
    }
};

QTEST_GUILESS_MAIN(TestBufferingProxy)
#include "tst_bufferingproxy.moc"
