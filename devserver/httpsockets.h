// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <cstddef>

namespace CStar::DevServer {

/// The few socket and process calls the HTTP layer makes itself, next to
/// libmicrohttpd: the one place with platform checks (POSIX / Winsock).
namespace HttpSockets {

/// Storage for a struct sockaddr of either family.
struct Address
{
    alignas(8) unsigned char bytes[128] = {};
    unsigned length = 0;
};
/// `address`:`port` as a sockaddr for MHD_OPTION_SOCK_ADDR; false if not IPv4/IPv6.
bool toSockAddr(const QHostAddress &address, quint16 port, Address *out);

/// Shuts both directions of a socket libmicrohttpd owns, so its next read or
/// write fails and it closes the connection itself (the fd stays MHD's).
void shutdownBoth(qintptr fd);
/// Closes a socket (the listening one MHD_quiesce_daemon() hands back).
void closeSocket(qintptr fd);
/// Writes `bytes` to a non-blocking socket as far as it goes at once.
void writeNow(qintptr fd, const QByteArray &bytes);

/// A second descriptor of the same (non-blocking) socket, close-on-exec, so
/// it outlives libmicrohttpd closing its own; -1 where not supported (Windows).
qintptr duplicate(qintptr fd);
/// Sends FIN: the peer reads the answer to its end, we may still read.
void shutdownWrite(qintptr fd);
/// Reads and drops what is waiting, at most `max` bytes: how many were
/// dropped, 0 at the peer's end of stream or on an error, -1 when nothing
/// is waiting yet.
qint64 drain(qintptr fd, qint64 max);

/// The soft limit on open files, or -1 where there is none to read.
qint64 openFileLimit();
/// Lowers (or raises, up to the hard limit) the soft limit; false if refused.
bool setOpenFileLimit(qint64 limit);

/// The descriptors in an fd_set (as MHD_get_fdset2() fills it) up to `maxFd`.
QList<qintptr> fdSetMembers(const void *fdSet, qintptr maxFd);

/// Whether libmicrohttpd can be driven through one epoll descriptor here.
bool useEpoll();

/// A set of sockets watched for the peer hanging up (Linux: an epoll
/// descriptor with EPOLLRDHUP), for streams libmicrohttpd has suspended and
/// so does not watch itself. -1 where there is none: a gone peer is then
/// noticed at the next write (a ping at the latest).
qintptr hangupWatchCreate();
void hangupWatchClose(qintptr watch);
void hangupWatchAdd(qintptr watch, qintptr fd, void *tag);
void hangupWatchRemove(qintptr watch, qintptr fd);
/// Tags of hung-up sockets (each reported until removed), at most `max`.
int hangupWatchTake(qintptr watch, void **tags, int max);

} // namespace HttpSockets
} // namespace CStar::DevServer
