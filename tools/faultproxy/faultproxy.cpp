// SPDX-License-Identifier: MIT
#include "faultproxy.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace CStar::Tools {

namespace {

// abort() alone sends FIN when nothing is unread; SO_LINGER 0 makes the
// kernel answer with RST, which is what a crashed peer or a middlebox does.
void resetSocket(QTcpSocket *socket)
{
    if (!socket)
        return;
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        struct linger l = {1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    socket->abort();
}

} // namespace

/// One proxied connection: the accepted socket, its upstream socket, and a
/// queue per direction so that delays keep the byte order.
class FaultConnection : public QObject
{
public:
    FaultConnection(FaultProxy *proxy, QTcpSocket *client)
        : QObject(proxy), m_proxy(proxy), m_client(client), m_upstream(new QTcpSocket(this))
    {
        m_client->setParent(this);
        // No Nagle: the proxy must not add latency of its own (a socket option
        // only takes on a connected socket, so the upstream's waits for connected()).
        m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_up.from = m_client;
        m_up.to = m_upstream;
        m_up.upstream = true;
        m_down.from = m_upstream;
        m_down.to = m_client;
        for (Pipe *pipe : {&m_up, &m_down}) {
            pipe->timer.setSingleShot(true);
            connect(&pipe->timer, &QTimer::timeout, this, [this, pipe] { pump(*pipe); });
            connect(pipe->from, &QIODevice::readyRead, this, [this, pipe] { onReadyRead(*pipe); });
            connect(pipe->from, &QAbstractSocket::disconnected, this,
                    [this, pipe] { onDisconnected(*pipe); });
            connect(pipe->from, &QAbstractSocket::errorOccurred, this,
                    [this, pipe](QAbstractSocket::SocketError) { onError(*pipe); });
        }
        connect(m_upstream, &QAbstractSocket::connected, this, [this] {
            m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            pump(m_up);
        });
        m_upstream->connectToHost(proxy->m_upstreamHost, proxy->m_upstreamPort);
    }

    void reset()
    {
        if (m_done)
            return;
        m_done = true;
        resetSocket(m_client);
        resetSocket(m_upstream);
        deleteLater();
    }

private:
    struct Item
    {
        QByteArray data;
        qint64 releaseAtMs = 0; // on m_clock
        bool split = false;
        bool closeAfter = false;
    };
    struct Pipe
    {
        QTcpSocket *from = nullptr;
        QTcpSocket *to = nullptr;
        std::deque<Item> queue;
        QTimer timer;
        bool upstream = false;
        bool sourceClosed = false;
    };

    qint64 nowMs() const { return m_clock.elapsed(); }

    void onReadyRead(Pipe &pipe)
    {
        if (m_done)
            return;
        QByteArray chunk = pipe.from->readAll();
        if (m_proxy->m_options.holdBodies)
            chunk = holdBodies(pipe, chunk);
        if (chunk.isEmpty())
            return;
        FaultStats &stats = m_proxy->m_stats;
        ++stats.chunks;
        Item item {chunk, 0, false, false};
        switch (m_proxy->pick()) {
        case FaultProxy::Fault::None:
            break;
        case FaultProxy::Fault::Drop:
            ++stats.drops;
            return closeBoth();
        case FaultProxy::Fault::Reset:
            ++stats.resets;
            return reset();
        case FaultProxy::Fault::Truncate:
            ++stats.truncations;
            item.data.truncate(
                m_proxy->bounded(0, int(qMin<qsizetype>(chunk.size() - 1, 1 << 30))));
            item.closeAfter = true;
            pipe.from->disconnect(this); // nothing more is read from it
            break;
        case FaultProxy::Fault::Delay:
            ++stats.delays;
            item.releaseAtMs =
                nowMs() + m_proxy->bounded(1, qMax(1, m_proxy->m_options.maxDelayMs));
            break;
        case FaultProxy::Fault::Split:
            ++stats.splits;
            item.split = true;
            break;
        }
        const QString &first = m_proxy->m_options.delayFirst;
        if (pipe.upstream && !first.isEmpty() && !m_proxy->m_delayedFirst
            && chunk.contains(first.toUtf8())) {
            m_proxy->m_delayedFirst = true;
            ++stats.delays;
            item.releaseAtMs = nowMs() + m_proxy->m_options.maxDelayMs;
        }
        pipe.queue.push_back(std::move(item));
        pump(pipe);
    }

    /// What of `chunk` passes now in hold-bodies mode; the rest is held.
    QByteArray holdBodies(const Pipe &pipe, const QByteArray &chunk)
    {
        if (pipe.upstream) {
            // Requests are not pipelined: after an event-stream request, the
            // next response on this connection is its answer.
            if (chunk.contains("text/event-stream"))
                m_streamRequested = true;
            return chunk;
        }
        if (m_holding) {
            m_held += chunk;
            return {};
        }
        if (!m_streamRequested)
            return chunk;
        m_headers += chunk;
        const qsizetype end = m_headers.indexOf("\r\n\r\n");
        if (end < 0)
            return {};
        QByteArray pass = std::exchange(m_headers, {});
        m_streamRequested = false;
        if (!pass.left(end).toLower().contains("text/event-stream"))
            return pass; // an error answer: not ours to hold
        m_holding = true;
        ++m_proxy->m_stats.heldStreams;
        m_held = pass.mid(end + 4);
        pass.truncate(end + 4);
        return pass;
    }

    void pump(Pipe &pipe)
    {
        if (m_done)
            return;
        if (pipe.to->state() != QAbstractSocket::ConnectedState)
            return; // the upstream is still connecting: connected() pumps
        while (!pipe.queue.empty()) {
            Item &head = pipe.queue.front();
            const qint64 wait = head.releaseAtMs - nowMs();
            if (wait > 0) {
                pipe.timer.start(int(wait));
                return;
            }
            FaultStats &stats = m_proxy->m_stats;
            (pipe.upstream ? stats.bytesUp : stats.bytesDown) += quint64(head.data.size());
            if (head.split) {
                for (const char c : std::as_const(head.data)) {
                    // flush() may find the peer gone and close the socket.
                    if (m_done || pipe.to->state() != QAbstractSocket::ConnectedState)
                        return;
                    pipe.to->write(&c, 1);
                    pipe.to->flush();
                }
            } else if (!head.data.isEmpty()) {
                pipe.to->write(head.data);
            }
            const bool close = head.closeAfter;
            pipe.queue.pop_front();
            if (close)
                return closeBoth();
        }
        if (pipe.sourceClosed)
            closeBoth();
    }

    void onDisconnected(Pipe &pipe)
    {
        if (m_done)
            return;
        // Forward what is still unread and queued, then close the other side.
        if (pipe.from->bytesAvailable() > 0)
            onReadyRead(pipe);
        if (m_done)
            return;
        if (!pipe.upstream && !m_held.isEmpty()) // the end flushes a buffering proxy
            pipe.queue.push_back(Item {std::exchange(m_held, {}), 0, false, false});
        pipe.sourceClosed = true;
        pump(pipe);
    }

    void onError(Pipe &pipe)
    {
        if (m_done)
            return;
        if (pipe.from == m_upstream && m_upstream->state() != QAbstractSocket::ConnectedState
            && !pipe.sourceClosed && m_down.queue.empty()) {
            // Upstream unreachable (a restarting server): the client sees its
            // connection closed, as with a refused connection behind a proxy.
            pipe.sourceClosed = true;
            return closeBoth();
        }
        onDisconnected(pipe);
    }

    void closeBoth()
    {
        if (m_done)
            return;
        m_done = true;
        // disconnectFromHost() flushes what was written, then sends FIN.
        for (QTcpSocket *s : {m_client, m_upstream}) {
            s->disconnect(this);
            if (s->state() == QAbstractSocket::UnconnectedState)
                continue;
            s->disconnectFromHost();
        }
        // A peer that never reads would keep the flush forever: bound it.
        QTimer::singleShot(2000, this, [this] {
            m_client->abort();
            m_upstream->abort();
            deleteLater();
        });
        if (m_client->state() == QAbstractSocket::UnconnectedState
            && m_upstream->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    }

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    Pipe m_up;
    Pipe m_down;
    QElapsedTimer m_clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    bool m_done = false;
    // hold-bodies mode
    QByteArray m_headers;
    QByteArray m_held;
    bool m_streamRequested = false;
    bool m_holding = false;
};

FaultOptions FaultOptions::parse(const QString &spec, QString *error)
{
    FaultOptions o;
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const QString key = part.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        bool ok = false;
        if (key == "seed"_L1) {
            o.seed = value.toULongLong(&ok);
        } else if (key == "max-delay-ms"_L1) {
            o.maxDelayMs = value.toInt(&ok);
        } else if (key == "delay-first"_L1) {
            o.delayFirst = value;
            ok = !value.isEmpty();
        } else if (key == "hold-bodies"_L1) {
            o.holdBodies = value != "0"_L1;
            ok = true;
        } else {
            const double p = value.toDouble(&ok);
            ok = ok && p >= 0 && p <= 1;
            if (key == "drop"_L1)
                o.drop = p;
            else if (key == "truncate"_L1)
                o.truncate = p;
            else if (key == "reset"_L1)
                o.reset = p;
            else if (key == "delay"_L1)
                o.delay = p;
            else if (key == "split"_L1)
                o.split = p;
            else if (key == "refuse"_L1)
                o.refuse = p;
            else
                ok = false;
        }
        if (!ok && error)
            *error = u"bad fault option: %1"_s.arg(part);
    }
    return o;
}

QString FaultOptions::toString() const
{
    return u"seed=%1,drop=%2,truncate=%3,reset=%4,delay=%5,split=%6,max-delay-ms=%7,refuse=%8,hold-bodies=%9"_s
        .arg(seed)
        .arg(drop)
        .arg(truncate)
        .arg(reset)
        .arg(delay)
        .arg(split)
        .arg(maxDelayMs)
        .arg(refuse)
        .arg(holdBodies ? 1 : 0);
}

QString FaultStats::toString() const
{
    return u"%1 connections, %2 chunks, %3 B up, %4 B down; faults: %5 drops, %6 truncations, "
           "%7 resets, %8 delays, %9 splits, %10 refusals, %11 held streams"_s.arg(connections)
               .arg(chunks)
               .arg(bytesUp)
               .arg(bytesDown)
               .arg(drops)
               .arg(truncations)
               .arg(resets)
               .arg(delays)
               .arg(splits)
               .arg(refusals)
               .arg(heldStreams);
}

FaultProxy::FaultProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

void FaultProxy::setUpstream(const QHostAddress &host, quint16 port)
{
    m_upstreamHost = host;
    m_upstreamPort = port;
}

void FaultProxy::setOptions(const FaultOptions &options)
{
    m_options = options;
    m_random.seed(quint32(options.seed ^ (options.seed >> 32)));
}

bool FaultProxy::listen(const QHostAddress &address, quint16 port)
{
    m_server.setListenBacklogSize(1024);
    return m_server.listen(address, port);
}

quint16 FaultProxy::port() const
{
    return m_server.serverPort();
}

QString FaultProxy::errorString() const
{
    return m_server.errorString();
}

QList<FaultConnection *> FaultProxy::connections() const
{
    // FaultConnection has no Q_OBJECT (no signals of its own), and Qt 6.7+
    // refuses findChildren() on such a class: cast the direct children.
    QList<FaultConnection *> result;
    for (QObject *child : children()) {
        if (auto *connection = dynamic_cast<FaultConnection *>(child))
            result.append(connection);
    }
    return result;
}

void FaultProxy::resetAll()
{
    const auto all = connections();
    for (FaultConnection *c : all)
        c->reset();
}

int FaultProxy::connectionCount() const
{
    return int(connections().size());
}

FaultProxy::Fault FaultProxy::pick()
{
    if (!m_enabled)
        return Fault::None;
    double x = m_random.generateDouble();
    const std::pair<double, Fault> table[] = {{m_options.drop, Fault::Drop},
                                              {m_options.truncate, Fault::Truncate},
                                              {m_options.reset, Fault::Reset},
                                              {m_options.delay, Fault::Delay},
                                              {m_options.split, Fault::Split}};
    for (const auto &[p, fault] : table) {
        if (x < p)
            return fault;
        x -= p;
    }
    return Fault::None;
}

int FaultProxy::bounded(int lowest, int highest)
{
    if (highest <= lowest)
        return lowest;
    return lowest + int(m_random.bounded(quint32(highest - lowest) + 1));
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_stats.connections;
        if (m_enabled && m_options.refuse > 0 && m_random.generateDouble() < m_options.refuse) {
            ++m_stats.refusals;
            resetSocket(socket);
            socket->deleteLater();
            continue;
        }
        new FaultConnection(this, socket);
    }
}

} // namespace CStar::Tools
