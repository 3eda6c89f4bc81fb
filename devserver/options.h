// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace CStar::DevServer {

/// Everything that configures one server. Every protocol timer and limit is
/// here so tests can run them in milliseconds (CONTRIBUTING.md). Defaults are
/// the protocol's; README.md documents the matching command-line flags.
struct Options
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; ///< 0 = any free port
    QString databasePath; ///< empty = defaultDatabasePath(); ":memory:" allowed
    QString team = QStringLiteral("acme");
    QString chatSecret = QStringLiteral("dev_chat_secret");
    QString agentKey = QStringLiteral("sk_test_dev");
    QString publishableKey = QStringLiteral("pk_test_dev");

    int pingIntervalMs = 15000; ///< protocol §8 / protocol-notes "Pings"
    int retryMs = 3000; ///< the `retry:` line, protocol §8
    int typingLeaseMs = 6000; ///< protocol §7
    qint64 sessionTtlS = 86400; ///< sliding, protocol §4
    qint64 eventRetention = 100000; ///< events kept before pruning (per team)
    int rateLimit = 1200; ///< requests per window per caller
    int rateWindowS = 60;
    qint64 maxBodyBytes = 65536;
    qint64 signatureWindowS = 600; ///< ±, protocol §4
    qint64 idempotencyTtlS = 86400; ///< protocol §3

    // Attachments (protocol §11).
    QString filesPath; ///< folder of uploaded files; empty = beside the database
    qint64 maxUploadBytes = 10 * 1024 * 1024;
    qint64 uploadTtlMs = 24LL * 3600 * 1000; ///< an upload not attached by then is deleted
    int imageAllocationLimitMb =
        256; ///< QImageReader's allocation limit for headers and thumbnails

    // HTTP layer (devserver/README.md "HTTP layer"): what one client may cost.
    qint64 maxHeaderBytes = 8 * 1024; ///< request line + headers; more → 431
    int idleTimeoutS = 60; ///< a connection without traffic is closed
    int headerTimeoutS = 10; ///< a new connection's first request head must be in by then
    int maxConnectionsPerPeer = -1; ///< -1: none when listening on loopback, else 256; 0: none
    int maxConnections = 0; ///< 0: the open-file limit minus a reserve
    int maxOpenFiles = 0; ///< non-zero: set the process's open-file limit to this (tests)
    qint64 streamQueueBytes = 1024 * 1024; ///< a stream's unsent bytes before it is dropped

    // Dev controls (also changeable at run time via POST /api/v1/_dev/control).
    bool streamDisabled = false; ///< GET /events → 204 (clients poll)
    int streamStatus = 0; ///< non-zero: GET /events → this error status
    int firstByteDelayMs = 0; ///< hold a stream's body (buffering proxy)

    QString teamId() const { return QStringLiteral("team_") + team; }

    static QString defaultDatabasePath();

    enum class ParseResult { Ok, Help, Error };
    /// Parses a command line (arguments[0] is the program). On Help, `message`
    /// is the help text; on Error, the error text.
    static ParseResult parse(const QStringList &arguments, Options *options, QString *message);
};

} // namespace CStar::DevServer
