// SPDX-License-Identifier: MIT
#include "benchcommon.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace CStar::Bench {

// ---- output -------------------------------------------------------------------

void emitResult(const QString &bench, const QString &impl, const QString &metric, double value,
                const QString &unit, const QJsonObject &extra)
{
    QJsonObject o = extra;
    o.insert(QLatin1String("bench"), bench);
    o.insert(QLatin1String("impl"), impl);
    o.insert(QLatin1String("metric"), metric);
    o.insert(QLatin1String("value"), std::isfinite(value) ? value : -1.0);
    o.insert(QLatin1String("unit"), unit);
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

void emitNote(const QString &bench, const QString &text)
{
    const QJsonObject o {{QLatin1String("bench"), bench}, {QLatin1String("note"), text}};
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

// ---- statistics -----------------------------------------------------------------

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p% of the sample at or below it.
    const double rank = std::ceil(p / 100.0 * double(values.size()));
    const std::size_t index = std::size_t(std::clamp(rank, 1.0, double(values.size()))) - 1;
    return values[index];
}

double median(std::vector<double> values)
{
    return percentile(std::move(values), 50);
}

// ---- clocks and counters --------------------------------------------------------

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Usage processUsage()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    Usage r;
    r.cpuSeconds = double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    r.voluntarySwitches = u.ru_nvcsw;
    r.involuntarySwitches = u.ru_nivcsw;
    return r;
}

qint64 rssKiB(qint64 pid)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid)
                    : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

qint64 raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return qint64(limit.rlim_cur);
}

qint64 fileLimitOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("Max open files"))
            return line.mid(14).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    // Blocks in the event dispatcher between events (no busy loop: the idle
    // and latency figures must not pay for the harness); the tick only
    // bounds how late the timeout is noticed.
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    tick.start(50);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// ---- devserver child ------------------------------------------------------------

DevServerProcess::~DevServerProcess()
{
    stop();
}

bool DevServerProcess::start(const QString &program, const QStringList &extraArguments,
                             QString *error)
{
    // No rate limit: a benchmark is one caller sending far more than a person.
    QStringList args {QStringLiteral("--port"),       QStringLiteral("0"),
                      QStringLiteral("--db"),         QStringLiteral(":memory:"),
                      QStringLiteral("--rate-limit"), QStringLiteral("100000000")};
    args << extraArguments;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, args);
    if (!m_process.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot start %1").arg(program);
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (!m_process.canReadLine() && clock.elapsed() < 15000)
        m_process.waitForReadyRead(100);
    const QByteArray line = m_process.readLine().trimmed();
    m_url = QUrl(QString::fromUtf8(line));
    if (!m_url.isValid() || m_url.port() <= 0) {
        if (error)
            *error = QStringLiteral("devserver printed no URL");
        stop();
        return false;
    }
    return true;
}

void DevServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

qint64 DevServerProcess::pid() const
{
    return m_process.processId();
}

// ---- HTTP helpers ---------------------------------------------------------------

HttpResult httpRequest(QNetworkAccessManager *nam, const QByteArray &method, const QUrl &url,
                       const QByteArray &bearer, const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    if (method != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nam->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    reply->deleteLater();
    return r;
}

namespace {
QUrl chatUrl(const QUrl &base, const QString &path)
{
    QUrl u = base;
    u.setPath(QStringLiteral("/api/v1/chat/acme") + path);
    return u;
}
} // namespace

QByteArray createSession(QNetworkAccessManager *nam, const QUrl &base)
{
    const HttpResult r =
        httpRequest(nam, "POST", chatUrl(base, QStringLiteral("/sessions")), {}, "{}");
    return r.json.value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("token"))
        .toString()
        .toUtf8();
}

QString createTicket(QNetworkAccessManager *nam, const QUrl &base, const QByteArray &token,
                     const QString &title)
{
    const QByteArray body =
        QJsonDocument(QJsonObject {{QLatin1String("title"), title}}).toJson(QJsonDocument::Compact);
    const HttpResult r =
        httpRequest(nam, "POST", chatUrl(base, QStringLiteral("/tickets")), token, body);
    return r.json.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString();
}

QList<QByteArray> createSessions(QNetworkAccessManager *nam, const QUrl &base, int count,
                                 int timeoutMs)
{
    QList<QByteArray> tokens;
    int pending = count;
    QNetworkRequest request(chatUrl(base, QStringLiteral("/sessions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (int i = 0; i < count; ++i) {
        QNetworkReply *reply = nam->post(request, QByteArrayLiteral("{}"));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &tokens, &pending] {
            --pending;
            const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
            const QByteArray token = o.value(QLatin1String("data"))
                                         .toObject()
                                         .value(QLatin1String("token"))
                                         .toString()
                                         .toUtf8();
            if (!token.isEmpty())
                tokens.append(token);
            reply->deleteLater();
        });
    }
    waitUntil([&] { return pending == 0; }, timeoutMs);
    return tokens;
}

// ---- RawStream ------------------------------------------------------------------

RawStream::RawStream(const QUrl &base, const QString &path, const QByteArray &bearer,
                     const QByteArray &marker, QObject *parent)
    : QObject(parent), m_base(base), m_path(path), m_bearer(bearer), m_marker(marker)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        QByteArray request = "GET " + m_path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + QByteArray::number(m_base.port()) + "\r\nAccept: text/event-stream\r\n";
        if (!m_bearer.isEmpty())
            request += "Authorization: Bearer " + m_bearer + "\r\n";
        request += "\r\n";
        m_socket.write(request);
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawStream::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!m_open)
            fail(m_socket.errorString());
        else
            m_open = false;
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_open && !m_failed)
            fail(QStringLiteral("closed before the headers"));
        m_open = false;
    });
}

void RawStream::open()
{
    m_socket.connectToHost(m_base.host(), quint16(m_base.port()));
}

void RawStream::close()
{
    m_socket.abort();
    m_open = false;
}

void RawStream::fail(const QString &why)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = why;
    Q_EMIT failedToOpen();
}

void RawStream::onReadyRead()
{
    QByteArray chunk = m_socket.readAll();
    if (!m_open) {
        m_head += chunk;
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > 65536)
                fail(QStringLiteral("header too long"));
            return;
        }
        if (!m_head.startsWith("HTTP/1.1 200")) {
            fail(QString::fromLatin1(m_head.left(m_head.indexOf('\r'))));
            m_socket.abort();
            return;
        }
        chunk = m_head.mid(end + 4);
        m_head.clear();
        m_open = true;
        Q_EMIT opened();
    }
    if (chunk.isEmpty() || m_marker.isEmpty())
        return;
    const QByteArray buffer = m_tail + chunk;
    int found = 0;
    for (qsizetype at = buffer.indexOf(m_marker); at >= 0;
         at = buffer.indexOf(m_marker, at + m_marker.size()))
        ++found;
    m_tail = buffer.right(m_marker.size() - 1);
    if (found) {
        m_count += found;
        Q_EMIT markerSeen(m_count);
    }
}

// ---- generators -----------------------------------------------------------------

namespace {

struct Rng
{
    quint64 state;
    quint64 next()
    {
        // splitmix64: tiny, deterministic on every platform.
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
};

const char *const Words[] = {
    "hello",   "thanks",   "account",  "password", "reset",  "email",    "order",
    "invoice", "refund",   "shipping", "please",   "could",  "you",      "check",
    "the",     "status",   "of",       "my",       "ticket", "support",  "agent",
    "sorry",   "for",      "delay",    "we",       "have",   "sent",     "a",
    "new",     "link",     "it",       "works",    "now",    "great",    "issue",
    "problem", "app",      "crash",    "login",    "today",  "tomorrow", "update",
    "version", "settings", "profile",  "payment",  "card",   "declined", "again",
};
const char *const Unicode[] = {"café", "größer", "señor", "naïve", "😀", "日本語", "Ωmega", "€"};

QByteArray randomText(Rng &rng, bool unicode)
{
    // Mostly short chat lines, some paragraphs.
    const int roll = rng.below(100);
    const int target = roll < 60 ? 20 + rng.below(60)
        : roll < 90              ? 80 + rng.below(170)
                                 : 250 + rng.below(350);
    QByteArray text;
    while (text.size() < target) {
        if (!text.isEmpty())
            text += ' ';
        if (unicode && rng.below(6) == 0)
            text += Unicode[rng.below(int(std::size(Unicode)))];
        else
            text += Words[rng.below(int(std::size(Words)))];
        if (rng.below(40) == 0)
            text += "\\n"; // a JSON-escaped newline
    }
    return text;
}

QByteArray base62(quint64 a, quint64 b, int length)
{
    static const char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QByteArray out;
    out.reserve(length);
    for (int i = 0; i < length; ++i) {
        quint64 &v = i % 2 ? b : a;
        out += Alphabet[v % 62];
        v /= 62;
    }
    return out;
}

quint64 mix(quint64 x)
{
    Rng r {x};
    return r.next();
}

const qint64 BaseMs = 1795468684561LL; // 2026-11-24T21:18:04.561Z

QByteArray isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODateWithMs).toLatin1();
}

QByteArray messageJson(Rng &rng, const QByteArray &id, const QByteArray &ticketId, qint64 ms,
                       bool customer, const QByteArray &clientMessageId)
{
    QByteArray j = "{\"id\":\"" + id + "\",\"ticketId\":\"" + ticketId + "\",\"content\":\""
        + randomText(rng, rng.below(10) == 0) + "\",\"sender\":\""
        + (customer ? QByteArray("customer") : QByteArray("agent")) + "\",\"senderName\":\""
        + (customer ? QByteArray("Jane Doe") : QByteArray("Ana")) + "\"";
    if (!clientMessageId.isEmpty())
        j += ",\"clientMessageId\":\"" + clientMessageId + "\"";
    j += ",\"createdAt\":\"" + isoTime(ms) + "\"";
    if (!customer)
        j += ",\"isInternal\":false";
    j += '}';
    return j;
}

QByteArray ticketJson(const QByteArray &id, int messageCount, qint64 updatedMs,
                      const QByteArray &lastContent, bool ownLast = false)
{
    return "{\"id\":\"" + id
        + "\",\"title\":\"Help with my account\",\"status\":\"open\",\"priority\":\"normal\","
          "\"customerId\":\"cus_"
        + base62(mix(quint64(updatedMs)), 7, 16) + "\",\"messageCount\":"
        + QByteArray::number(messageCount) + ",\"lastMessage\":{\"id\":\"msg_"
        + base62(mix(quint64(updatedMs) + 1), 3, 20) + "\",\"content\":\"" + lastContent
        + "\",\"sender\":\"" + (ownLast ? QByteArray("customer") : QByteArray("agent"))
        + "\",\"createdAt\":\"" + isoTime(updatedMs) + "\"},\"createdAt\":\""
        + isoTime(updatedMs - 3600000) + "\",\"updatedAt\":\"" + isoTime(updatedMs) + "\"}";
}

} // namespace

QString benchTicketId(int i)
{
    return QStringLiteral("tkt_bench%1").arg(i, 6, 10, QLatin1Char('0'));
}

QString benchMessageId(int i)
{
    return QStringLiteral("msg_")
        + QString::fromLatin1(base62(mix(quint64(i)), mix(quint64(i) + 99), 20));
}

QString benchClientMessageId(int i)
{
    const quint64 a = mix(quint64(i) * 3 + 1);
    const quint64 b = mix(quint64(i) * 3 + 2);
    const QByteArray hex = QByteArray::number(a, 16).rightJustified(16, '0')
        + QByteArray::number(b, 16).rightJustified(16, '0');
    // UUID-shaped, as MessagesApi::newClientMessageId() makes them.
    return QString::fromLatin1(hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-'
                               + hex.mid(16, 4) + '-' + hex.mid(20, 12));
}

QByteArray makeChatStream(qint64 targetBytes, quint32 seed)
{
    Rng rng {seed};
    QByteArray out;
    out.reserve(targetBytes + 4096);
    out += "retry: 3000\nid: 1000\n\n";
    qint64 id = 1000;
    qint64 ms = BaseMs;
    while (out.size() < targetBytes) {
        const int roll = rng.below(100);
        const QByteArray ticket = benchTicketId(rng.below(50)).toLatin1();
        ms += 1 + rng.below(2000);
        if (roll < 70) {
            ++id;
            const bool customer = rng.below(2) == 0;
            const QByteArray cmid =
                customer ? benchClientMessageId(int(id)).toLatin1() : QByteArray();
            out += "id: " + QByteArray::number(id) + "\nevent: message.created\ndata: "
                + messageJson(rng, benchMessageId(int(id)).toLatin1(), ticket, ms, customer, cmid)
                + "\n\n";
        } else if (roll < 85) {
            out += "event: typing\ndata: {\"ticketId\":\"" + ticket
                + "\",\"sender\":\"agent\",\"senderName\":\"Ana\",\"isTyping\":"
                + (rng.below(3) ? QByteArray("true") : QByteArray("false"))
                + ",\"expiresInMs\":6000}\n\n";
        } else if (roll < 90) {
            ++id;
            out += "id: " + QByteArray::number(id) + "\nevent: ticket.updated\ndata: "
                + ticketJson(ticket, 1 + rng.below(40), ms, randomText(rng, false)) + "\n\n";
        } else {
            out += ": ping\n\n";
        }
    }
    return out;
}

QByteArray toCrOnly(const QByteArray &lf)
{
    QByteArray cr = lf;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    return cr;
}

QByteArray makeLongLineStream(qint64 lineBytes, int count)
{
    QByteArray payload(lineBytes, 'x');
    QByteArray one = "id: 1\nevent: message.created\ndata: " + payload + "\n\n";
    QByteArray out;
    out.reserve(one.size() * count);
    for (int i = 0; i < count; ++i)
        out += one;
    return out;
}

QByteArray makeMessageEvents(int count, int tickets, quint32 seed, const QString &onlyTicket,
                             bool customerOnly)
{
    Rng rng {seed};
    QByteArray out;
    out.reserve(qsizetype(count) * 330);
    out += "retry: 3000\nid: 0\n\n";
    const qint64 start = BaseMs + 86400000; // after every ticket of makeTicketPage
    for (int i = 1; i <= count; ++i) {
        const QByteArray ticket = onlyTicket.isEmpty()
            ? benchTicketId(rng.below(tickets)).toLatin1()
            : onlyTicket.toLatin1();
        const bool customer = rng.below(3) == 0 || customerOnly;
        out += "id: " + QByteArray::number(i) + "\nevent: message.created\ndata: "
            + messageJson(rng, benchMessageId(i).toLatin1(), ticket, start + i, customer, {})
            + "\n\n";
    }
    return out;
}

QByteArray makeMessagePage(int count, const QString &ticketId, qint64 *textBytes, quint32 seed)
{
    Rng rng {seed};
    QByteArray out;
    out.reserve(qsizetype(count) * 330);
    out += "{\"success\":true,\"data\":[";
    qint64 text = 0;
    const QByteArray ticket = ticketId.toLatin1();
    for (int i = 0; i < count; ++i) {
        if (i)
            out += ',';
        const bool customer = i % 2 == 0;
        const QByteArray cmid = customer ? benchClientMessageId(i).toLatin1() : QByteArray();
        const QByteArray json = messageJson(rng, benchMessageId(i).toLatin1(), ticket,
                                            BaseMs + qint64(i) * 7000, customer, cmid);
        out += json;
        if (textBytes) {
            const QJsonObject o = QJsonDocument::fromJson(json).object();
            text += o.value(QLatin1String("content")).toString().size() * 2;
        }
    }
    out += "],\"hasMore\":false,\"pagination\":{\"limit\":" + QByteArray::number(count)
        + ",\"nextCursor\":null},\"meta\":{\"requestId\":\"req_bench\",\"timestamp\":\""
        + isoTime(BaseMs) + "\"}}";
    if (textBytes)
        *textBytes = text;
    return out;
}

QByteArray makeTicketPage(int count, bool ownLastMessage)
{
    QByteArray out;
    out.reserve(qsizetype(count) * 420);
    out += "{\"success\":true,\"data\":[";
    for (int i = 0; i < count; ++i) {
        if (i)
            out += ',';
        // Newest first, distinct updatedAt, all before the events' createdAt.
        out += ticketJson(benchTicketId(i).toLatin1(), 3, BaseMs - qint64(i) * 1000,
                          "Thanks, we are on it", ownLastMessage);
    }
    out += "],\"hasMore\":false,\"pagination\":{\"limit\":" + QByteArray::number(count)
        + ",\"nextCursor\":null},\"meta\":{\"requestId\":\"req_bench\",\"timestamp\":\""
        + isoTime(BaseMs) + "\"}}";
    return out;
}

} // namespace CStar::Bench
