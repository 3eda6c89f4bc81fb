// SPDX-License-Identifier: MIT
#pragma once

// HttpDaemon's private side, shared by httpdaemon.cpp (requests and answers)
// and httpdaemonloop.cpp (connections, the event loop, listening).

#include "httpdaemon.h"
#include "httphandler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdarg>
#include <list>

#include <microhttpd.h>

namespace CStar::DevServer {

class EventStream;
class HttpDaemonPrivate;

/// One TCP connection (MHD's socket context).
struct Connection
{
    MHD_Connection *mhd = nullptr;
    qintptr fd = -1;
    qint64 acceptedMs = 0;
    bool busy = false; ///< a request is being read or answered
    bool shed = false;
    bool inIdle = false;
    bool awaitingHeaders = true; ///< the first request's head is not in yet
    std::list<Connection *>::iterator idleAt;
    std::list<Connection *>::iterator headerAt;
};

/// One request (MHD's con_cls), created by the URI log callback so the raw
/// request target is kept (MHD itself hands the access handler a decoded path).
struct Request
{
    HttpRequest request;
    qint64 bodyLimit = 0;
    qint64 received = 0; ///< body bytes taken so far (in memory or into the sink)
    qint64 discarded = 0; ///< body bytes read past the limit and dropped
    bool started = false;
    bool tooLarge = false; ///< over the limit: the body is drained, then 413
    bool storageFailed = false; ///< the sink refused a write: drained, then 500
    bool unreadBody = false; ///< answered and closed with its body (partly) unread
};

/// An event stream bound to the connection that carries it (the content
/// reader's closure; freed by MHD with the response).
struct StreamBinding
{
    HttpDaemonPrivate *d = nullptr;
    MHD_Connection *connection = nullptr;
    qintptr fd = -1;
    QPointer<EventStream> stream;
    bool suspended = false;
    bool aborted = false;
};

inline constexpr qint64 DayMs = 24LL * 3600 * 1000;

// A body over the limit but at most this large is read and dropped before
// the 413 (constant memory): closing on unread bytes makes the kernel reset
// the connection, and the client would lose the answer. Larger ones are
// refused at once and the connection closed.
inline constexpr qint64 DrainBytes = 1024 * 1024;

// A connection closed with its body unread lingers (RFC 9112 §9.6): half
// closed, what still arrives is read and dropped while the peer keeps sending
// (a pause of LingerIdleMs ends it), for at most LingerMaxMs, LingerBytes and
// MaxLingering connections at once; then it is closed for good.
inline constexpr int LingerIdleMs = 2000;
inline constexpr int LingerMaxMs = 10000;
inline constexpr qint64 LingerBytes = 8 * 1024 * 1024;
inline constexpr int MaxLingering = 64;

class HttpDaemonPrivate
{
public:
    HttpDaemonPrivate(HttpDaemon *q, HttpHandler *handler, const HttpLimits &limits)
        : q(q), handler(handler), limits(limits)
    {
        clock.start();
    }

    // MHD callbacks (all on the owning thread, inside MHD_run()).
    static void *onUri(void *cls, const char *uri, MHD_Connection *connection);
    static MHD_Result onAccess(void *cls, MHD_Connection *connection, const char *url,
                               const char *method, const char *version, const char *uploadData,
                               size_t *uploadDataSize, void **conCls);
    static void onCompleted(void *cls, MHD_Connection *connection, void **conCls,
                            MHD_RequestTerminationCode toe);
    static void onConnection(void *cls, MHD_Connection *connection, void **socketContext,
                             MHD_ConnectionNotificationCode toe);
    static ssize_t readStream(void *cls, uint64_t pos, char *buffer, size_t max);
    static void freeStream(void *cls);
    static ssize_t readFile(void *cls, uint64_t pos, char *buffer, size_t max);
    MHD_Result queueFile(MHD_Connection *connection, HttpReply reply, bool close);
    MHD_Result takeBody(Request *r, MHD_Connection *connection, const char *data, qint64 size);
    static void log(void *cls, const char *format, va_list ap);

    MHD_Result start(Request *r, MHD_Connection *connection);
    MHD_Result queue(MHD_Connection *connection, HttpReply reply, bool close);
    MHD_Result queueStream(MHD_Connection *connection, HttpReply reply);
    MHD_Result refuseMidBody(Request *r, MHD_Connection *connection);
    Connection *connectionOf(MHD_Connection *connection) const;

    void pump();
    void runSoon();
    void rearm();
    void syncFdNotifiers();
    void wake(StreamBinding *b);
    void abortStream(StreamBinding *b);
    void onHangups();

    void lingerClose(qintptr fd);

    void markBusy(Connection *c);
    void markIdle(Connection *c);
    void forgetHeaderDeadline(Connection *c);
    void shed(Connection *c);
    void shedIfCrowded(Connection *newest);
    void checkHeaderDeadlines();

    HttpDaemon *q;
    HttpHandler *handler;
    HttpLimits limits;
    MHD_Daemon *mhd = nullptr;
    quint16 port = 0;
    bool listening = false;
    bool running = false;
    bool closedDuringRun = false;
    bool runAgain = false; ///< a connection was resumed
    QElapsedTimer clock;

    QSocketNotifier *epollNotifier = nullptr;
    QHash<qintptr, QSocketNotifier *> readNotifiers; // without epoll
    QHash<qintptr, QSocketNotifier *> writeNotifiers;
    QTimer mhdTimer; // MHD's own timeouts (idle connections)
    QTimer headerTimer; // the first request's head deadline

    qintptr hangupWatch = -1;
    QSocketNotifier *hangupNotifier = nullptr;
    QSet<StreamBinding *> bindings;

    int connections = 0;
    int shedPending = 0; ///< shut down, not yet closed by MHD
    std::list<Connection *> idle; // oldest first: shed first
    std::list<Connection *> awaitingHeaders; // oldest first
    QObject lingering; // the lingering closes (children), closed with the daemon
};

} // namespace CStar::DevServer
