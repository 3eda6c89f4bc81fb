// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpServer>

#include <memory>

namespace CStar::Tools {

/// Which faults FaultProxy injects and how often. Each probability applies to
/// one chunk (one read from a socket, in either direction); at most one fault
/// hits a chunk. Destructive faults end the connection the chunk belongs to.
struct FaultOptions
{
    quint64 seed = 1;
    double drop = 0; ///< discard the chunk and close both sides (FIN)
    double truncate = 0; ///< forward a random prefix of the chunk, then close (FIN)
    double reset = 0; ///< discard the chunk and reset both sides (RST)
    double delay = 0; ///< hold the chunk (and what follows it) for up to maxDelayMs
    double split = 0; ///< forward the chunk as 1-byte writes
    int maxDelayMs = 50;
    double refuse = 0; ///< per new connection: reset it at once
    /// A buffering proxy (nginx with gzip on text/event-stream, a virus
    /// scanner): the headers of an event-stream response pass, its body is
    /// held until the upstream closes. Other responses pass untouched.
    bool holdBodies = false;
    /// Hold the first client → server chunk that contains this text for
    /// max-delay-ms (what follows it on that connection waits too), e.g. to
    /// let a later request overtake an earlier one on another connection.
    QString delayFirst;

    /// "drop=0.01,truncate=0.01,reset=0.01,delay=0.05,split=0.05,max-delay-ms=50,seed=7,hold-bodies=1"
    static FaultOptions parse(const QString &spec, QString *error = nullptr);
    QString toString() const;
};

/// Counters of what the proxy did, for reports.
struct FaultStats
{
    quint64 connections = 0;
    quint64 chunks = 0;
    quint64 bytesUp = 0; ///< client → upstream, forwarded
    quint64 bytesDown = 0; ///< upstream → client, forwarded
    quint64 drops = 0;
    quint64 truncations = 0;
    quint64 resets = 0;
    quint64 delays = 0;
    quint64 splits = 0;
    quint64 refusals = 0;
    quint64 heldStreams = 0; ///< event-stream responses whose body was held

    quint64 faults() const { return drops + truncations + resets + delays + splits + refusals; }
    QString toString() const;
};

class FaultConnection;

/// A TCP proxy on loopback for fault-injection tests: accepts connections,
/// opens one to the upstream for each and forwards bytes both ways, injecting
/// the faults of FaultOptions at random from a seeded generator. Runs on the
/// thread that owns it (no threads).
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    void setUpstream(const QHostAddress &host, quint16 port);
    void setOptions(const FaultOptions &options);
    FaultOptions options() const { return m_options; }
    /// Faults on/off without touching the options (e.g. a clean drain phase).
    void setFaultsEnabled(bool enabled) { m_enabled = enabled; }
    bool faultsEnabled() const { return m_enabled; }

    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                quint16 port = 0);
    quint16 port() const;
    QString errorString() const;
    /// Resets every open connection (RST), e.g. to simulate a network change.
    void resetAll();
    int connectionCount() const;

    const FaultStats &stats() const { return m_stats; }

private:
    QList<FaultConnection *> connections() const;
    friend class FaultConnection;
    enum class Fault { None, Drop, Truncate, Reset, Delay, Split };
    Fault pick();
    int bounded(int lowest, int highest); ///< [lowest, highest]

    void onNewConnection();

    QTcpServer m_server;
    QHostAddress m_upstreamHost = QHostAddress(QHostAddress::LocalHost);
    quint16 m_upstreamPort = 0;
    FaultOptions m_options;
    QRandomGenerator m_random;
    FaultStats m_stats;
    bool m_enabled = true;
    bool m_delayedFirst = false;
};

} // namespace CStar::Tools
