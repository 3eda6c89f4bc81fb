// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace CStar::DevServer {

/// Who a stream belongs to (protocol §8: one stream per session; agents get the team feed).
struct StreamAudience
{
    bool agent = false;
    QString customerId; ///< customer streams
    QByteArray sessionHash; ///< customer streams: the session's token hash
};

/// One open `text/event-stream` response: a bounded queue of bytes the HTTP
/// layer pulls from as the socket drains (HttpDaemon). Nothing here knows
/// about sockets: the HTTP layer attaches a Transport to be woken when there
/// is something to send, or told to drop the connection.
///
/// Memory is bounded whatever the client does: live frames queue up to
/// `maxQueuedBytes`, past which the stream is dropped (a client that stopped
/// reading); a replay after Last-Event-ID is pulled from the event log one
/// page at a time, only when the queue is empty.
class EventStream : public QObject
{
    Q_OBJECT
public:
    /// The next page of a replay after `*cursor`: frames, `*cursor` moved to
    /// the last id looked at, `*more` false once the replay caught up.
    using ReplaySource = std::function<QByteArray(qint64 *cursor, bool *more)>;

    EventStream(const StreamAudience &audience, qint64 maxQueuedBytes, QObject *parent = nullptr);
    ~EventStream() override;

    const StreamAudience &audience() const { return m_audience; }
    bool isOpen() const { return !m_finished && !m_aborted; }

    /// Queues `preamble`, then the replay from `replayCursor` (< 0: none);
    /// nothing is handed out for `holdMs` (simulates a buffering proxy: the
    /// headers are out, the body waits; later sends queue behind it).
    void start(const QByteArray &preamble, int holdMs, qint64 replayCursor = -1,
               ReplaySource replay = {});
    /// A live frame without an id (typing, ping). Dropped while a replay runs.
    void send(const QByteArray &bytes);
    /// A stored event's frame. Skipped while a replay runs: the replay reads
    /// it from the log, in order, before the stream goes live.
    void sendEvent(qint64 id, const QByteArray &bytes);
    /// Ends the response once what is queued went out.
    void close();
    /// Drops the connection now (over budget, session expired, server stop).
    void abort();

    // -- the HTTP layer's side
    struct Transport
    {
        std::function<void()> wake; ///< there is something to read()
        std::function<void()> abort; ///< close the connection now
    };
    void attach(Transport transport);
    /// Copies up to `max` queued bytes to `buffer`: > 0 bytes copied,
    /// 0 nothing for now (call again after wake), End or Error.
    static constexpr qint64 End = -1;
    static constexpr qint64 Error = -2;
    qint64 read(char *buffer, qint64 max);
    /// The connection is gone; emits finished() once.
    void transportClosed();

    qint64 queuedBytes() const { return m_queue.size() - m_offset; }

Q_SIGNALS:
    void finished();

private:
    void enqueue(const QByteArray &bytes);
    void wake();
    void endHold();
    bool fillFromReplay();

    StreamAudience m_audience;
    qint64 m_maxQueued;
    QByteArray m_queue;
    qsizetype m_offset = 0; ///< bytes of m_queue already handed out
    Transport m_transport;
    ReplaySource m_replay;
    qint64 m_replayCursor = -1;
    bool m_replaying = false;
    bool m_holding = false;
    bool m_closing = false;
    bool m_aborted = false;
    bool m_finished = false;
};

} // namespace CStar::DevServer
