// SPDX-License-Identifier: MIT
// cstar-bench-canned-server: a tiny loopback HTTP server for the benchmarks
// that serves pre-generated bodies, so a client can be fed faster than the
// devserver could produce events. The same bytes go to our ChatClient and
// to Node's `eventsource` (docs/benchmarks.md). Not a protocol server:
//
//   POST …/sessions                      → 201, a fixed anonymous session
//   GET  /api/v1/chat/{team}/events       → ROOT/{team}/events.sse, then stays open
//   GET  …/{team}/tickets/{id}/messages   → ROOT/{team}/messages.json (or an empty page)
//   GET  …/{team}/tickets                 → ROOT/{team}/tickets.json (or an empty page)
//   POST /_bench/release                  → with --hold, the event bodies of the streams
//                                          open now start (later ones wait again)
//
// Prints its base URL on stdout once it listens; loopback only; exits after
// --max-seconds (default 600) so a forgotten one cannot linger.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

namespace {

const QByteArray EmptyPage = QByteArrayLiteral(
    "{\"success\":true,\"data\":[],\"hasMore\":false,\"pagination\":{\"limit\":50,"
    "\"nextCursor\":null},\"meta\":{\"requestId\":\"req_bench\"}}");
const QByteArray Session = QByteArrayLiteral(
    "{\"success\":true,\"data\":{\"token\":\"tok_bench\",\"kind\":\"anonymous\","
    "\"expiresAt\":\"2099-01-01T00:00:00.000Z\",\"customer\":null},\"meta\":{\"requestId\":"
    "\"req_bench\"}}");

class Connection;

class CannedServer : public QTcpServer
{
public:
    CannedServer(const QString &root, bool hold) : m_root(root), m_holding(hold) { }

    QByteArray file(const QString &team, const QString &name)
    {
        const QString key = team + QLatin1Char('/') + name;
        auto it = m_files.constFind(key);
        if (it != m_files.cend())
            return *it;
        QFile f(QDir(m_root).filePath(key));
        QByteArray bytes;
        if (f.open(QIODevice::ReadOnly))
            bytes = f.readAll();
        m_files.insert(key, bytes);
        return bytes;
    }
    bool holding() const { return m_holding; }
    void release();
    QList<QPointer<Connection>> held;

protected:
    void incomingConnection(qintptr handle) override;

private:
    QString m_root;
    QHash<QString, QByteArray> m_files;
    bool m_holding;
};

class Connection : public QObject
{
public:
    Connection(qintptr handle, CannedServer *server) : QObject(server), m_server(server)
    {
        m_socket.setSocketDescriptor(handle);
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(&m_socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
        connect(&m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

    void startBody()
    {
        m_held = false;
        pump();
    }

private:
    void onReadyRead()
    {
        m_in += m_socket.readAll();
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0 || m_answered)
            return;
        const QList<QByteArray> lines = m_in.left(end).split('\n');
        qsizetype contentLength = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                contentLength = line.mid(15).trimmed().toLongLong();
        }
        if (m_in.size() < end + 4 + contentLength)
            return; // the body is still coming
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        answer(requestLine.value(0), requestLine.value(1));
    }

    void answer(const QByteArray &method, const QByteArray &target)
    {
        m_answered = true;
        const QByteArray path =
            target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        const QList<QByteArray> parts = path.split('/'); // "", api, v1, chat, team, …
        const QString team = QString::fromLatin1(parts.value(4));
        if (method == "POST" && path == "/_bench/release") {
            m_server->release();
            return reply("204 No Content", {}, {});
        }
        if (method == "POST" && path.endsWith("/sessions"))
            return reply("201 Created", "application/json", Session);
        if (method == "GET" && path.endsWith("/events")) {
            m_body = m_server->file(team, QStringLiteral("events.sse"));
            m_stream = true;
            m_socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                           "Cache-Control: no-cache\r\nX-Accel-Buffering: no\r\n\r\n");
            if (m_server->holding()) {
                m_held = true;
                m_socket.write(": held until /_bench/release\n\n");
                m_server->held.append(this);
                return;
            }
            return pump();
        }
        if (method == "GET" && path.endsWith("/messages")) {
            const QByteArray page = m_server->file(team, QStringLiteral("messages.json"));
            return reply("200 OK", "application/json", page.isEmpty() ? EmptyPage : page);
        }
        if (method == "GET" && path.endsWith("/tickets")) {
            const QByteArray page = m_server->file(team, QStringLiteral("tickets.json"));
            return reply("200 OK", "application/json", page.isEmpty() ? EmptyPage : page);
        }
        reply("404 Not Found", "application/json",
              "{\"success\":false,\"error\":{\"type\":\"not_found_error\",\"code\":"
              "\"resource_missing\",\"message\":\"canned server\"}}");
    }

    void reply(const QByteArray &status, const QByteArray &type, const QByteArray &body)
    {
        QByteArray head = "HTTP/1.1 " + status + "\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n";
        if (!type.isEmpty())
            head += "Content-Type: " + type + "\r\n";
        head += "\r\n";
        m_socket.write(head);
        m_body = body;
        pump();
    }

    // Writes the body in pieces as the socket drains (no 100 MB copies in flight).
    void pump()
    {
        if (m_held)
            return;
        while (m_offset < m_body.size() && m_socket.bytesToWrite() < 1024 * 1024) {
            const qsizetype n = qMin<qsizetype>(256 * 1024, m_body.size() - m_offset);
            m_socket.write(m_body.constData() + m_offset, n);
            m_offset += n;
        }
        if (m_offset >= m_body.size() && !m_stream && !m_closing && m_socket.bytesToWrite() == 0) {
            m_closing = true;
            m_socket.disconnectFromHost();
        }
    }

    CannedServer *m_server;
    QTcpSocket m_socket;
    QByteArray m_in;
    QByteArray m_body;
    qsizetype m_offset = 0;
    bool m_answered = false;
    bool m_stream = false;
    bool m_held = false;
    bool m_closing = false;
};

void CannedServer::incomingConnection(qintptr handle)
{
    new Connection(handle, this);
}

void CannedServer::release()
{
    // Only the streams waiting now; later ones wait for the next release.
    const auto waiting = std::exchange(held, {});
    for (const QPointer<Connection> &c : waiting) {
        if (c)
            c->startBody();
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString root = QDir::currentPath();
    bool hold = false;
    int maxSeconds = 600;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--root") && i + 1 < args.size())
            root = args[++i];
        else if (args[i] == QLatin1String("--hold"))
            hold = true;
        else if (args[i] == QLatin1String("--max-seconds") && i + 1 < args.size())
            maxSeconds = args[++i].toInt();
    }
    CannedServer server(root, hold);
    server.setMaxPendingConnections(1000);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "cstar-bench-canned-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::fprintf(stdout, "http://127.0.0.1:%d\n", int(server.serverPort()));
    std::fflush(stdout);
    QTimer::singleShot(maxSeconds * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
