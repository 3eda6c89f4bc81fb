// SPDX-License-Identifier: MIT
#pragma once

// Shared helpers of the benchmarks (docs/benchmarks.md): JSON-line output,
// statistics, process counters, a devserver child process, raw SSE readers
// and the deterministic generators of the benchmark inputs. Nothing here
// asserts on timing: benchmarks print figures, run.sh judges them.

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace CStar::Bench {

// ---- output -------------------------------------------------------------------

/// One result line on stdout: {"bench":…, "impl":…, "metric":…, "value":…, "unit":…}
/// plus `extra` fields. run.sh collects these lines; report.mjs aggregates them.
void emitResult(const QString &bench, const QString &impl, const QString &metric, double value,
                const QString &unit, const QJsonObject &extra = {});
/// A free-form note line ({"note": …}) for the report's log.
void emitNote(const QString &bench, const QString &text);

// ---- statistics -----------------------------------------------------------------

/// Nearest-rank percentile (p in 0..100) of an unsorted sample.
double percentile(std::vector<double> values, double p);
double median(std::vector<double> values);

// ---- clocks and process counters ------------------------------------------------

/// CLOCK_MONOTONIC in nanoseconds (the clock of QElapsedTimer and Qt's %{time boot}).
qint64 monotonicNs();

struct Usage
{
    double cpuSeconds = 0; ///< user + system, all threads
    long voluntarySwitches = 0; ///< ru_nvcsw: the process blocked and was woken
    long involuntarySwitches = 0;
};
Usage processUsage();

/// VmRSS of a process in KiB (0: this process).
qint64 rssKiB(qint64 pid = 0);
/// Bytes handed out by malloc right now (mallinfo2: arena + mmapped).
qint64 heapInUse();
/// Raises RLIMIT_NOFILE to the hard limit; returns the new soft limit.
qint64 raiseFileLimit();
/// "Max open files" soft limit of another process (from /proc/PID/limits).
qint64 fileLimitOf(qint64 pid);

/// Runs the event loop until `done()` is true or `timeoutMs` passed.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// ---- devserver child process ----------------------------------------------------

/// `cstar-devserver --port 0 --db :memory: --rate-limit 100000000 …` as a
/// child; reads its URL line.
class DevServerProcess
{
public:
    ~DevServerProcess();
    bool start(const QString &program, const QStringList &extraArguments = {},
               QString *error = nullptr);
    void stop();
    QUrl baseUrl() const { return m_url; }
    qint64 pid() const;

private:
    QProcess m_process;
    QUrl m_url;
};

// ---- tiny blocking HTTP helpers (setup only, never timed) -----------------------

struct HttpResult
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
};
HttpResult httpRequest(QNetworkAccessManager *nam, const QByteArray &method, const QUrl &url,
                       const QByteArray &bearer, const QByteArray &body = {},
                       int timeoutMs = 30000);
/// POST /sessions → token (empty on failure).
QByteArray createSession(QNetworkAccessManager *nam, const QUrl &base);
/// POST /tickets as `token` → ticket id.
QString createTicket(QNetworkAccessManager *nam, const QUrl &base, const QByteArray &token,
                     const QString &title);
/// `count` sessions, issued concurrently (QNetworkAccessManager queues them).
QList<QByteArray> createSessions(QNetworkAccessManager *nam, const QUrl &base, int count,
                                 int timeoutMs);

// ---- raw SSE reader -------------------------------------------------------------

/// An event-stream reader on a bare QTcpSocket: no QNetworkAccessManager
/// (whose HTTP thread and 6-connections-per-host limit do not suit thousands
/// of streams). Counts occurrences of `marker` in the body.
class RawStream : public QObject
{
    Q_OBJECT
public:
    RawStream(const QUrl &base, const QString &path, const QByteArray &bearer,
              const QByteArray &marker, QObject *parent = nullptr);
    void open();
    void close();
    bool isOpen() const { return m_open; }
    bool failed() const { return m_failed; }
    int count() const { return m_count; }
    QString errorText() const { return m_error; }

Q_SIGNALS:
    void opened();
    void failedToOpen();
    void markerSeen(int count);

private:
    void onReadyRead();
    void fail(const QString &why);

    QTcpSocket m_socket;
    QUrl m_base;
    QString m_path;
    QByteArray m_bearer;
    QByteArray m_marker;
    QByteArray m_head;
    QByteArray m_tail; // last marker.size()-1 bytes, so split markers count once
    QString m_error;
    int m_count = 0;
    bool m_open = false;
    bool m_failed = false;
};

// ---- deterministic inputs -------------------------------------------------------

/// A realistic chat event stream of at least `targetBytes` (LF endings):
/// message.created (small JSON, ids), typing (no id), ticket.updated and
/// `: ping` comments, as the devserver frames them.
QByteArray makeChatStream(qint64 targetBytes, quint32 seed = 42);
/// The same stream with every line ending turned into a lone CR.
QByteArray toCrOnly(const QByteArray &lf);
/// One SSE event whose single data line is `lineBytes` long, `count` times.
QByteArray makeLongLineStream(qint64 lineBytes, int count);
/// `count` message.created events (ids from 1) for `tickets` tickets
/// (ticket ids `tkt_bench000000`…); createdAt increases by 1 ms per event.
/// A third are from the customer, the rest from agents; `customerOnly`:
/// all from the customer (the customer's own messages never count as unread).
QByteArray makeMessageEvents(int count, int tickets, quint32 seed = 7,
                             const QString &onlyTicket = {}, bool customerOnly = false);
/// A message-page envelope holding `count` messages of one ticket (oldest first);
/// every second one has a clientMessageId. `textBytes` receives the summed
/// UTF-16 size of the contents.
QByteArray makeMessagePage(int count, const QString &ticketId, qint64 *textBytes = nullptr,
                           quint32 seed = 11);
/// A ticket-page envelope with `count` tickets `tkt_bench000000`…, whose
/// last message is an agent's (unread) or, with `ownLastMessage`, the customer's.
QByteArray makeTicketPage(int count, bool ownLastMessage = false);
QString benchTicketId(int i);
QString benchMessageId(int i);
QString benchClientMessageId(int i);

} // namespace CStar::Bench
