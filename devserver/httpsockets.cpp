// SPDX-License-Identifier: MIT
#include "httpsockets.h"

#include <QtGlobal>

#include <cstring>

#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/epoll.h>
#endif

namespace CStar::DevServer::HttpSockets {

bool toSockAddr(const QHostAddress &address, quint16 port, Address *out)
{
    *out = Address();
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        sockaddr_in in = {};
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        in.sin_addr.s_addr = htonl(address.toIPv4Address());
        static_assert(sizeof(in) <= sizeof(out->bytes));
        std::memcpy(out->bytes, &in, sizeof(in));
        out->length = unsigned(sizeof(in));
        return true;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        sockaddr_in6 in6 = {};
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6.sin6_addr, &ip, sizeof(ip));
        static_assert(sizeof(in6) <= sizeof(out->bytes));
        std::memcpy(out->bytes, &in6, sizeof(in6));
        out->length = unsigned(sizeof(in6));
        return true;
    }
    return false;
}

void shutdownBoth(qintptr fd)
{
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(fd), SD_BOTH);
#else
    ::shutdown(int(fd), SHUT_RDWR);
#endif
}

void closeSocket(qintptr fd)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(fd));
#else
    ::close(int(fd));
#endif
}

void writeNow(qintptr fd, const QByteArray &bytes)
{
#ifdef Q_OS_WIN
    ::send(SOCKET(fd), bytes.constData(), int(bytes.size()), 0);
#elif defined(MSG_NOSIGNAL)
    [[maybe_unused]] const auto n =
        ::send(int(fd), bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
#else
    [[maybe_unused]] const auto n = ::send(int(fd), bytes.constData(), size_t(bytes.size()), 0);
#endif
}

qintptr duplicate(qintptr fd)
{
#ifdef Q_OS_WIN
    Q_UNUSED(fd);
    return -1;
#else
    return qintptr(::fcntl(int(fd), F_DUPFD_CLOEXEC, 0));
#endif
}

void shutdownWrite(qintptr fd)
{
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(fd), SD_SEND);
#else
    ::shutdown(int(fd), SHUT_WR);
#endif
}

qint64 drain(qintptr fd, qint64 max)
{
    char buffer[16 * 1024];
    qint64 dropped = 0;
    while (dropped < max) {
#ifdef Q_OS_WIN
        const int n = ::recv(SOCKET(fd), buffer, int(sizeof buffer), 0);
        const bool wouldBlock = n < 0 && WSAGetLastError() == WSAEWOULDBLOCK;
#else
        const auto n = ::recv(int(fd), buffer, sizeof buffer, 0);
        const bool wouldBlock = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
#endif
        if (wouldBlock)
            return dropped > 0 ? dropped : -1;
        if (n <= 0)
            return dropped > 0 ? dropped : 0;
        dropped += n;
    }
    return dropped;
}

qint64 openFileLimit()
{
#ifdef Q_OS_WIN
    return -1;
#else
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return -1;
    return qint64(limit.rlim_cur);
#endif
}

bool setOpenFileLimit(qint64 value)
{
#ifdef Q_OS_WIN
    Q_UNUSED(value);
    return false;
#else
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    limit.rlim_cur = rlim_t(value);
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_cur > limit.rlim_max)
        limit.rlim_cur = limit.rlim_max;
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
#endif
}

QList<qintptr> fdSetMembers(const void *fdSet, qintptr maxFd)
{
    const auto *set = static_cast<const fd_set *>(fdSet);
    QList<qintptr> fds;
#ifdef Q_OS_WIN
    Q_UNUSED(maxFd);
    for (u_int i = 0; i < set->fd_count; ++i)
        fds.append(qintptr(set->fd_array[i]));
#else
    for (int fd = 0; fd <= int(maxFd) && fd < FD_SETSIZE; ++fd) {
        if (FD_ISSET(fd, set))
            fds.append(fd);
    }
#endif
    return fds;
}

bool useEpoll()
{
    // libmicrohttpd's epoll mode exists on Linux only; elsewhere HttpDaemon
    // watches the descriptors of MHD_get_fdset() with socket notifiers.
#ifdef Q_OS_LINUX
    return true;
#else
    return false;
#endif
}

qintptr hangupWatchCreate()
{
#ifdef Q_OS_LINUX
    return ::epoll_create1(EPOLL_CLOEXEC);
#else
    return -1;
#endif
}

void hangupWatchClose(qintptr watch)
{
#ifdef Q_OS_LINUX
    if (watch >= 0)
        ::close(int(watch));
#else
    Q_UNUSED(watch);
#endif
}

void hangupWatchAdd(qintptr watch, qintptr fd, void *tag)
{
#ifdef Q_OS_LINUX
    if (watch < 0)
        return;
    epoll_event event = {};
    event.events = EPOLLRDHUP; // EPOLLHUP and EPOLLERR are always reported
    event.data.ptr = tag;
    ::epoll_ctl(int(watch), EPOLL_CTL_ADD, int(fd), &event);
#else
    Q_UNUSED(watch);
    Q_UNUSED(fd);
    Q_UNUSED(tag);
#endif
}

void hangupWatchRemove(qintptr watch, qintptr fd)
{
#ifdef Q_OS_LINUX
    if (watch >= 0)
        ::epoll_ctl(int(watch), EPOLL_CTL_DEL, int(fd), nullptr);
#else
    Q_UNUSED(watch);
    Q_UNUSED(fd);
#endif
}

int hangupWatchTake(qintptr watch, void **tags, int max)
{
#ifdef Q_OS_LINUX
    if (watch < 0 || max <= 0)
        return 0;
    epoll_event events[64];
    const int n = ::epoll_wait(int(watch), events, qMin(max, 64), 0);
    for (int i = 0; i < n; ++i)
        tags[i] = events[i].data.ptr;
    return qMax(n, 0);
#else
    Q_UNUSED(watch);
    Q_UNUSED(tags);
    Q_UNUSED(max);
    return 0;
#endif
}

} // namespace CStar::DevServer::HttpSockets
