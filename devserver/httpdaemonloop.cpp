// SPDX-License-Identifier: MIT
#include "httpdaemon_p.h"

#include "eventstream.h"
#include "httpsockets.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

// ---- connection bookkeeping ------------------------------------------------------

void HttpDaemonPrivate::markBusy(Connection *c)
{
    c->busy = true;
    if (c->inIdle) {
        idle.erase(c->idleAt);
        c->inIdle = false;
    }
}

void HttpDaemonPrivate::markIdle(Connection *c)
{
    c->busy = false;
    if (!c->inIdle && !c->shed) {
        c->idleAt = idle.insert(idle.end(), c);
        c->inIdle = true;
    }
}

void HttpDaemonPrivate::forgetHeaderDeadline(Connection *c)
{
    if (c->awaitingHeaders) {
        awaitingHeaders.erase(c->headerAt);
        c->awaitingHeaders = false;
    }
}

void HttpDaemonPrivate::shed(Connection *c)
{
    // MHD owns the socket: shutting it down makes MHD see the end and close it.
    c->shed = true;
    ++shedPending;
    markBusy(c);
    forgetHeaderDeadline(c);
    if (c->fd >= 0)
        HttpSockets::shutdownBoth(c->fd);
}

void HttpDaemonPrivate::shedIfCrowded(Connection *newest)
{
    // Keep room for new clients near the connection (or file) limit: shed the
    // connections that have waited longest without a request in progress.
    const int margin = qBound(1, limits.maxConnections / 16, 64);
    while (connections - shedPending >= limits.maxConnections - margin && !idle.empty()
           && idle.front() != newest) {
        qCDebug(lcDevServer) << "near the connection limit: shedding the oldest idle connection";
        shed(idle.front());
    }
}

void HttpDaemonPrivate::checkHeaderDeadlines()
{
    const qint64 now = clock.elapsed();
    const qint64 timeoutMs = qint64(limits.headerTimeoutS) * 1000;
    while (!awaitingHeaders.empty() && awaitingHeaders.front()->acceptedMs + timeoutMs <= now) {
        qCDebug(lcDevServer) << "no request head within" << limits.headerTimeoutS << "s: closed";
        shed(awaitingHeaders.front());
    }
    if (!awaitingHeaders.empty())
        headerTimer.start(
            int(qMax<qint64>(1, awaitingHeaders.front()->acceptedMs + timeoutMs - now)));
    pump();
}

// ---- driving MHD from the event loop ------------------------------------------------

void HttpDaemonPrivate::pump()
{
    if (!mhd || running)
        return;
    running = true;
    closedDuringRun = false;
    // A woken stream takes MHD two more runs (it takes the connection back,
    // then serves it): run again at once while MHD has work due now, so an
    // event leaves with the request that caused it, not turns of the event
    // loop later. Bounded, so the event loop is never starved.
    for (int pass = 0; pass < 4; ++pass) {
        runAgain = false;
        MHD_run(mhd);
        MHD_UNSIGNED_LONG_LONG due = 0;
        if (!runAgain && !(MHD_get_timeout(mhd, &due) == MHD_YES && due == 0))
            break;
    }
    running = false;
    rearm();
    if (closedDuringRun || runAgain)
        mhdTimer.start(0);
}

void HttpDaemonPrivate::runSoon()
{
    runAgain = true;
    if (!running && mhd)
        mhdTimer.start(0);
}

void HttpDaemonPrivate::rearm()
{
    if (!mhd)
        return;
    if (!epollNotifier)
        syncFdNotifiers();
    MHD_UNSIGNED_LONG_LONG timeout = 0;
    if (MHD_get_timeout(mhd, &timeout) == MHD_YES)
        mhdTimer.start(int(qMin<MHD_UNSIGNED_LONG_LONG>(timeout, DayMs)));
    else
        mhdTimer.stop();
}

void HttpDaemonPrivate::syncFdNotifiers()
{
    // Without epoll: watch exactly the descriptors MHD wants this turn.
    fd_set readSet, writeSet, exceptSet;
    FD_ZERO(&readSet);
    FD_ZERO(&writeSet);
    FD_ZERO(&exceptSet);
    MHD_socket maxFd = 0;
    if (MHD_get_fdset2(mhd, &readSet, &writeSet, &exceptSet, &maxFd, FD_SETSIZE) != MHD_YES)
        return;
    auto sync = [this](QHash<qintptr, QSocketNotifier *> &notifiers, const QList<qintptr> &wanted,
                       QSocketNotifier::Type type) {
        const QSet<qintptr> want(wanted.begin(), wanted.end());
        for (auto it = notifiers.begin(); it != notifiers.end();) {
            if (!want.contains(it.key())) {
                delete it.value();
                it = notifiers.erase(it);
            } else {
                ++it;
            }
        }
        for (qintptr fd : want) {
            if (notifiers.contains(fd))
                continue;
            auto *n = new QSocketNotifier(fd, type, q);
            QObject::connect(n, &QSocketNotifier::activated, q, [this] { pump(); });
            notifiers.insert(fd, n);
        }
    };
    sync(readNotifiers, HttpSockets::fdSetMembers(&readSet, qintptr(maxFd)), QSocketNotifier::Read);
    sync(writeNotifiers, HttpSockets::fdSetMembers(&writeSet, qintptr(maxFd)),
         QSocketNotifier::Write);
}

// ---- HttpDaemon ---------------------------------------------------------------------

HttpDaemon::HttpDaemon(HttpHandler *handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent), d(std::make_unique<HttpDaemonPrivate>(this, handler, limits))
{
    d->mhdTimer.setSingleShot(true);
    connect(&d->mhdTimer, &QTimer::timeout, this, [this] { d->pump(); });
    d->headerTimer.setSingleShot(true);
    connect(&d->headerTimer, &QTimer::timeout, this, [this] { d->checkHeaderDeadlines(); });
}

namespace {

/// A socket closed with input unread: closing it at once would make the
/// kernel reset the connection, and the peer may lose the answer just
/// written (a 413 in the middle of an upload). Half-closes it and drops what
/// still arrives until the peer closes, the time or byte budget runs out, or
/// the daemon goes.
class LingeringClose : public QObject
{
public:
    LingeringClose(qintptr fd, QObject *parent)
        : QObject(parent), m_fd(fd), m_notifier(fd, QSocketNotifier::Read, this)
    {
        HttpSockets::shutdownWrite(fd);
        connect(&m_notifier, &QSocketNotifier::activated, this, [this] {
            const qint64 n = HttpSockets::drain(m_fd, m_budget);
            if (n < 0)
                return; // nothing yet
            m_budget -= n;
            if (n == 0 || m_budget <= 0)
                finish();
            else
                m_idle.start(); // the peer is still sending its body
        });
        for (QTimer *timer : {&m_idle, &m_cap}) {
            timer->setSingleShot(true);
            connect(timer, &QTimer::timeout, this, &LingeringClose::finish);
        }
        m_idle.start(LingerIdleMs);
        m_cap.start(LingerMaxMs);
    }
    ~LingeringClose() override
    {
        m_notifier.setEnabled(false);
        HttpSockets::closeSocket(m_fd);
    }

private:
    void finish()
    {
        m_notifier.setEnabled(false);
        m_idle.stop();
        m_cap.stop();
        deleteLater();
    }

    qintptr m_fd;
    qint64 m_budget = LingerBytes;
    QSocketNotifier m_notifier;
    QTimer m_idle;
    QTimer m_cap;
};

} // namespace

void HttpDaemonPrivate::lingerClose(qintptr fd)
{
    if (fd < 0 || lingering.children().size() >= MaxLingering)
        return; // closed at once: a reset, but bounded
    const qintptr own = HttpSockets::duplicate(fd);
    if (own >= 0)
        new LingeringClose(own, &lingering);
}

HttpDaemon::~HttpDaemon()
{
    if (!d->mhd)
        return;
    // MHD_stop_daemon() refuses suspended connections: wake them to their end.
    const QSet<StreamBinding *> bindings = d->bindings;
    for (StreamBinding *b : bindings) {
        b->aborted = true;
        d->wake(b);
    }
    MHD_stop_daemon(d->mhd);
    d->mhd = nullptr;
    HttpSockets::hangupWatchClose(d->hangupWatch);
}

bool HttpDaemon::listen(const QHostAddress &address, quint16 port, QString *error)
{
    HttpSockets::Address sockAddr;
    if (!HttpSockets::toSockAddr(address, port, &sockAddr)) {
        *error = u"not an IPv4 or IPv6 address: %1"_s.arg(address.toString());
        return false;
    }
    unsigned flags = MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    if (HttpSockets::useEpoll())
        flags |= MHD_USE_EPOLL;
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        flags |= MHD_USE_IPv6;
    // The pool holds the request head: room for the header limit (answered
    // 431 by us, as JSON) plus MHD's bookkeeping; past the pool MHD answers
    // 431 itself. MHD zeroes the half it lends the read buffer, so the pool
    // is most of a stream's memory: keep it to what the limit needs.
    const size_t pool = size_t(qMax<qint64>(8 * 1024, d->limits.maxHeaderBytes + 4 * 1024));
    std::vector<MHD_OptionItem> options {
        {MHD_OPTION_SOCK_ADDR, 0, sockAddr.bytes},
        {MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, nullptr}, // many clients reconnect at once
        {MHD_OPTION_CONNECTION_TIMEOUT, d->limits.idleTimeoutS, nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, d->limits.maxConnections, nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(pool), nullptr},
        {MHD_OPTION_STRICT_FOR_CLIENT, 1, nullptr},
        {MHD_OPTION_URI_LOG_CALLBACK, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::onUri),
         d.get()},
        {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::onCompleted),
         d.get()},
        {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::onConnection),
         d.get()},
        {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&HttpDaemonPrivate::log), d.get()},
    };
    if (d->limits.maxConnectionsPerPeer > 0)
        options.push_back(
            {MHD_OPTION_PER_IP_CONNECTION_LIMIT, d->limits.maxConnectionsPerPeer, nullptr});
    options.push_back({MHD_OPTION_END, 0, nullptr});
    d->mhd = MHD_start_daemon(flags, port, nullptr, nullptr, &HttpDaemonPrivate::onAccess, d.get(),
                              MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
    if (!d->mhd) {
        *error = u"cannot listen on %1:%2"_s.arg(address.toString()).arg(port);
        return false;
    }
    if (const MHD_DaemonInfo *info = MHD_get_daemon_info(d->mhd, MHD_DAEMON_INFO_BIND_PORT))
        d->port = info->port;
    d->listening = true;
    if (HttpSockets::useEpoll()) {
        const MHD_DaemonInfo *info = MHD_get_daemon_info(d->mhd, MHD_DAEMON_INFO_EPOLL_FD);
        d->epollNotifier = new QSocketNotifier(info->epoll_fd, QSocketNotifier::Read, this);
        connect(d->epollNotifier, &QSocketNotifier::activated, this, [this] { d->pump(); });
    }
    d->hangupWatch = HttpSockets::hangupWatchCreate();
    if (d->hangupWatch >= 0) {
        d->hangupNotifier = new QSocketNotifier(d->hangupWatch, QSocketNotifier::Read, this);
        connect(d->hangupNotifier, &QSocketNotifier::activated, this, [this] { d->onHangups(); });
    }
    d->rearm();
    return true;
}

void HttpDaemon::stopListening()
{
    if (!d->mhd || !d->listening)
        return;
    d->listening = false;
    const MHD_socket fd = MHD_quiesce_daemon(d->mhd);
    if (fd != MHD_INVALID_SOCKET)
        HttpSockets::closeSocket(qintptr(fd));
    d->pump();
    if (d->connections == 0)
        QMetaObject::invokeMethod(this, &HttpDaemon::drained, Qt::QueuedConnection);
}

bool HttpDaemon::isListening() const
{
    return d->listening;
}

quint16 HttpDaemon::port() const
{
    return d->port;
}

int HttpDaemon::connectionCount() const
{
    return d->connections;
}

} // namespace CStar::DevServer
