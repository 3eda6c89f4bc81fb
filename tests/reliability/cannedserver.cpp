// SPDX-License-Identifier: MIT
#include "cannedserver.h"

#include <sys/socket.h>

namespace CStar::Testing {

Canned Canned::http(int status, const QByteArray &body, const QByteArray &contentType,
                    const QByteArray &extraHeaders)
{
    Canned c;
    c.bytes = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    if (!contentType.isEmpty())
        c.bytes += "Content-Type: " + contentType + "\r\n";
    c.bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    c.bytes += "Connection: close\r\nX-Request-Id: req_canned\r\n" + extraHeaders + "\r\n" + body;
    return c;
}

Canned Canned::stream(const QByteArray &body, bool hold)
{
    Canned c;
    c.bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
              "Connection: close\r\n\r\n"
        + body;
    c.hold = hold;
    return c;
}

CannedServer::CannedServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_connections.insert(socket, Connection {socket, {}, {}, 0, false});
            connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadable(socket); });
            connect(socket, &QIODevice::bytesWritten, this, [this, socket] { pump(socket); });
            connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
                m_connections.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

CannedServer::~CannedServer()
{
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        if (it->socket)
            it->socket->disconnect(this);
    }
}

bool CannedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray CannedServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(m_server.serverPort());
}

void CannedServer::on(const QByteArray &needle, QList<Canned> answers)
{
    m_routes.append({needle, std::move(answers)});
    std::stable_sort(m_routes.begin(), m_routes.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
}

int CannedServer::count(const QByteArray &needle) const
{
    int n = 0;
    for (const SeenRequest &r : m_requests)
        n += r.target.contains(needle);
    return n;
}

void CannedServer::onReadable(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    if (it->answering)
        return; // one request per connection: everything else is ignored
    const qsizetype end = it->buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = it->buffer.left(end).split('\n');
    SeenRequest request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        request.headers.insert(name, value);
        if (name == "content-length")
            contentLength = value.toLongLong();
    }
    if (it->buffer.size() < end + 4 + contentLength)
        return; // the body is still coming
    it->answering = true;
    m_requests.append(request);

    Canned canned = Canned::http(
        404,
        R"({"success":false,"error":{"type":"not_found_error","code":"resource_missing","message":"no route"}})");
    for (auto &[needle, answers] : m_routes) {
        if (!request.target.contains(needle))
            continue;
        int &used = m_used[needle];
        canned = answers.value(qMin<qsizetype>(used, answers.size() - 1));
        ++used;
        break;
    }
    Q_EMIT requestSeen();
    answer(socket, canned);
}

void CannedServer::answer(QTcpSocket *socket, const Canned &canned)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (canned.reset) {
        struct linger l = {1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        socket->abort();
        return;
    }
    if (canned.silent)
        return;
    it->answer = canned;
    it->remaining = canned.generate;
    socket->write(canned.bytes);
    pump(socket);
}

void CannedServer::pump(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || !it->answering || it->answer.silent)
        return;
    // Generate only as fast as the client reads: never more than 256 KiB queued.
    // Whole patterns per block (chunked framing patterns must stay intact).
    const qint64 unit = qMax<qint64>(1, it->answer.pattern.size());
    const qint64 chunk = qMax<qint64>(unit, (64 * 1024 / unit) * unit);
    while (it->remaining > 0 && socket->bytesToWrite() < 4 * chunk) {
        QByteArray block;
        const qint64 n = qMin(chunk, it->remaining);
        block.reserve(n);
        while (block.size() < n)
            block += it->answer.pattern;
        block.truncate(n);
        it->remaining -= n;
        m_generated += n;
        socket->write(block);
    }
    if (it->remaining > 0)
        return;
    if (!it->answer.trailer.isEmpty()) {
        socket->write(std::exchange(it->answer.trailer, {}));
        return;
    }
    if (!it->answer.hold && socket->bytesToWrite() == 0
        && socket->state() == QAbstractSocket::ConnectedState)
        socket->disconnectFromHost();
}

} // namespace CStar::Testing
