// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

namespace CStar::DevServer {

class HttpHandler;
class HttpDaemonPrivate;

/// What one client may cost the server (devserver/README.md "HTTP layer").
struct HttpLimits
{
    qint64 maxHeaderBytes = 8 * 1024; ///< request line + headers; more → 431
    int idleTimeoutS = 60; ///< no byte in or out for this long → closed
    int headerTimeoutS = 10; ///< a connection's first request line + headers must be in by then
    int streamTimeoutS = 60; ///< event streams: no byte taken by the socket for this long → dropped
    int maxConnectionsPerPeer = 0; ///< 0 = no cap
    int maxConnections = 10000; ///< near it, the oldest idle connections are shed
};

/// One libmicrohttpd daemon driven from the Qt event loop of the thread that
/// owns it, so the handler (the whole devserver) needs no locks: MHD runs in
/// "external" mode, woken by a socket notifier on its epoll descriptor (on
/// Linux; elsewhere on the descriptors of MHD_get_fdset()) and a timer for
/// its own timeouts.
class HttpDaemon : public QObject
{
    Q_OBJECT
public:
    HttpDaemon(HttpHandler *handler, const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpDaemon() override; ///< closes every connection

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    /// Closes the listening socket; open connections stay until they end.
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    int connectionCount() const;

Q_SIGNALS:
    /// Not listening any more and the last connection closed.
    void drained();

private:
    std::unique_ptr<HttpDaemonPrivate> d;
};

} // namespace CStar::DevServer
