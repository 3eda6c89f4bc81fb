// SPDX-License-Identifier: MIT
// A buffering reverse proxy in front of the server (protocol §9, docs/
// reliability.md "Buffering proxy"): nginx with `proxy_buffering on` (and the
// server's `X-Accel-Buffering: no` ignored, as a proxy that does not know it
// would) holds the event stream back; the client, with the protocol's default
// first-byte timeout of 10 s, must detect that and poll — messages keep
// arriving — and stream again once nginx runs with `proxy_buffering off`.
// nginx runs unprivileged-style from a temporary prefix on a free loopback
// port (daemon off, no master, every path in the temp dir).
#include "chatclient.h"
#include "devserverprocess.h"
#include "testhttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
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

} // namespace

class TestBufferingProxy : public QObject
{
    Q_OBJECT

    QTemporaryDir prefix;
    std::unique_ptr<QProcess> nginx;
    quint16 nginxPort = 0;

    bool startNginx(quint16 upstream, bool buffering)
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
        }
    }
}
)")
                                 .arg(dir)
                                 .arg(nginxPort)
                                 .arg(upstream)
                                 .arg(buffering ? QStringLiteral("on") : QStringLiteral("off"));
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
        if (nginxBinary().isEmpty())
            QSKIP("nginx is not installed (scripts/setup.sh installs it): cannot test a "
                  "buffering reverse proxy");
        QVERIFY(prefix.isValid());
        nginxPort = freePort();
    }
    void cleanupTestCase() { stopNginx(); }

    void fallsBackToPollingBehindBufferingProxyAndStreamsAgain()
    {
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
