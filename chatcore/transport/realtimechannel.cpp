// SPDX-License-Identifier: MIT
#include "realtimechannel_p.h"

#include "httptransport_p.h"
#include "jsonfields_p.h"
#include "logging_p.h"
#include "routes_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace CStar::Internal {

namespace {
qint64 idValue(const QString &id, bool *ok)
{
    return id.toLongLong(ok);
}

/// An event id or cursor as text: a string as it is, a number when it is a
/// 64-bit integer (a hostile 1e300 is no usable id), else empty.
QString idText(const QJsonValue &value)
{
    qint64 number = 0;
    if (value.isDouble())
        return Json::toInt64(value.toDouble(), &number) ? QString::number(number) : QString();
    return value.toString();
}
} // namespace

RealtimeChannel::RealtimeChannel(HttpTransport *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_stream(new EventStream(http->network(), http->options(), this))
{
    m_clock.start();
    m_reconnectTimer.setSingleShot(true);
    m_pollTimer.setSingleShot(true);
    m_streamProbeTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RealtimeChannel::openStream);
    connect(&m_pollTimer, &QTimer::timeout, this, &RealtimeChannel::poll);
    connect(&m_streamProbeTimer, &QTimer::timeout, this, &RealtimeChannel::openStream);

    connect(m_stream, &EventStream::opened, this, [this] {
        m_reconnectAttempts = 0;
        if (m_polling) {
            // The stream works again (§9): stop polling; the shared cursor
            // and the id check drop anything both deliver.
            m_polling = false;
            m_probeInterval = 0;
            m_pollTimer.stop();
            if (m_pollReply)
                m_pollReply->abort();
        }
        setState(ConnectionState::Streaming);
    });
    connect(m_stream, &EventStream::eventReceived, this, [this](const ServerSentEvent &e) {
        deliver(e.type, e.type == QLatin1String("typing") ? QString() : e.lastEventId, e.data);
    });
    connect(m_stream, &EventStream::retryReceived, this, [this](int ms) { m_serverRetryMs = ms; });
    connect(m_stream, &EventStream::protocolError, this, &RealtimeChannel::errorOccurred);
    connect(m_stream, &EventStream::ended, this, &RealtimeChannel::onStreamEnded);
}

QString RealtimeChannel::cursor() const
{
    return m_cursor.isEmpty() ? m_stream->parser().lastEventId() : m_cursor;
}

RealtimeChannel::~RealtimeChannel()
{
    if (m_pollReply)
        m_pollReply->abort();
    if (m_cursorReply)
        m_cursorReply->abort();
}

void RealtimeChannel::setRealtime(bool realtime)
{
    if (m_realtime == realtime)
        return;
    m_realtime = realtime;
    restart();
}

void RealtimeChannel::setPollingInterval(int ms)
{
    m_pollingInterval = qMax(1, ms);
    if (m_polling && m_pollTimer.isActive())
        m_pollTimer.start(m_pollingInterval);
}

void RealtimeChannel::start()
{
    if (m_active)
        return;
    if (!HttpTransport::isValidTeamSlug(m_http->teamSlug())) {
        // Every request would fail alike: say so once instead of retrying forever.
        Q_EMIT errorOccurred(HttpTransport::invalidTeamSlugError());
        return;
    }
    m_active = true;
    ++m_generation;
    m_reconnectAttempts = 0;
    m_pollFailures = 0;
    m_probeInterval = 0;
    if (m_realtime) {
        setState(ConnectionState::Connecting);
        openStream();
    } else {
        m_polling = true;
        setState(ConnectionState::Polling);
        poll();
    }
}

void RealtimeChannel::stop()
{
    adoptStreamCursor();
    m_active = false;
    m_polling = false;
    ++m_generation;
    m_reconnectTimer.stop();
    m_pollTimer.stop();
    m_streamProbeTimer.stop();
    m_stream->close();
    if (m_pollReply)
        m_pollReply->abort();
    if (m_cursorReply)
        m_cursorReply->abort();
    setState(ConnectionState::Disconnected);
}

void RealtimeChannel::restart()
{
    if (!m_active)
        return;
    stop();
    start();
}

void RealtimeChannel::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcTransport) << "connection state" << state;
    Q_EMIT stateChanged(state);
}

void RealtimeChannel::withToken(std::function<void(const QString &)> next)
{
    const int generation = m_generation;
    m_tokenProvider(
        [this, generation, next = std::move(next)](const QString &token) {
            if (generation == m_generation && m_active)
                next(token);
        },
        [this, generation](const ChatError &error) {
            if (generation != m_generation || !m_active)
                return;
            Q_EMIT errorOccurred(error);
            if (error.kind() == ChatError::Kind::Authentication)
                return Q_EMIT unauthorized(error);
            if (m_polling) {
                ++m_pollFailures;
                schedulePoll(qMin(m_pollingInterval << qMin(m_pollFailures, 10),
                                  m_http->options().pollErrorMaxDelayMs));
            } else {
                setState(ConnectionState::Reconnecting);
                scheduleReconnect();
            }
        });
}

void RealtimeChannel::adoptStreamCursor()
{
    // A fresh stream's first block is an id-only cursor (docs/protocol-notes.md):
    // it sets the parser's last event id without dispatching anything.
    if (m_cursor.isEmpty())
        m_cursor = m_stream->parser().lastEventId();
}

void RealtimeChannel::openStream()
{
    adoptStreamCursor();
    withToken([this](const QString &token) {
        // §9 "a cursor before anything can be missed": a stream without
        // Last-Event-ID starts from whenever its first byte gets through,
        // which a buffering proxy delays past events stored meanwhile.
        if (m_cursor.isEmpty())
            return takeCursor(token);
        openStreamWith(token);
    });
}

void RealtimeChannel::openStreamWith(const QString &token)
{
    QNetworkRequest request = m_http->makeRequest(m_http->url(Routes::events()), token);
    m_stream->parser().setLastEventId(m_cursor);
    m_stream->open(request);
}

void RealtimeChannel::takeCursor(const QString &token)
{
    if (m_cursorReply)
        return;
    // A poll without `after` answers at once: no items, nextCursor = latest id.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    m_cursorReply = getEventsPoll(token, query);
    const int generation = m_generation;
    connect(m_cursorReply, &QNetworkReply::finished, this, [this, generation, token] {
        QNetworkReply *reply = m_cursorReply;
        m_cursorReply = nullptr;
        if (!reply)
            return;
        reply->deleteLater();
        if (generation != m_generation || !m_active)
            return;
        const PollAnswer answer = readEnvelope(reply);
        if (reportIfUnauthorized(reply, answer))
            return;
        if (answer.status == 0 || answer.status >= 500) {
            // Unreachable or failing: the stream would fail too; back off and retry.
            qCInfo(lcTransport) << "taking a cursor failed: HTTP" << answer.status
                                << reply->errorString();
            setState(ConnectionState::Reconnecting);
            return scheduleReconnect();
        }
        const QString nextText = idText(answer.envelope.value(QLatin1String("nextCursor")));
        bool ok = false;
        idValue(nextText, &ok);
        if (answer.status == 200 && ok && m_cursor.isEmpty())
            m_cursor = nextText;
        else if (m_cursor.isEmpty())
            // A server without polling: the stream's own id-only block is all we get.
            qCInfo(lcTransport) << "no cursor from the poll endpoint: HTTP" << answer.status;
        openStreamWith(token);
    });
}

QNetworkReply *RealtimeChannel::getEventsPoll(const QString &token, const QUrlQuery &query)
{
    QNetworkRequest request = m_http->makeRequest(m_http->url(Routes::eventsPoll(), query), token);
    request.setTransferTimeout(m_http->options().requestTimeoutMs);
    QNetworkReply *reply = m_http->network()->get(request);
    m_http->limitResponse(reply); // bounded while it arrives, as every REST call
    return reply;
}

RealtimeChannel::PollAnswer RealtimeChannel::readEnvelope(QNetworkReply *reply) const
{
    PollAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Aborted past the cap: closed, or more than the cap waiting.
    if (reply->isOpen() && reply->bytesAvailable() <= m_http->options().maxResponseBytes)
        answer.envelope = QJsonDocument::fromJson(reply->readAll()).object();
    return answer;
}

bool RealtimeChannel::reportIfUnauthorized(QNetworkReply *reply, const PollAnswer &answer)
{
    if (answer.status != 401)
        return false;
    setState(ConnectionState::Reconnecting);
    Q_EMIT unauthorized(ChatError::fromHttp(
        answer.status, answer.envelope, QString::fromLatin1(reply->rawHeader("X-Request-Id")), -1));
    return true;
}

void RealtimeChannel::onStreamEnded(EventStream::End reason, const ChatError &error)
{
    adoptStreamCursor();
    if (!m_active)
        return;
    qCInfo(lcTransport) << "event stream ended:" << reason << error.code();
    if (reason == EventStream::End::Unauthorized) {
        setState(ConnectionState::Reconnecting);
        return Q_EMIT unauthorized(error);
    }
    if (m_polling) {
        // A probe failed: keep polling, back off the next probe (§9).
        const TransportOptions &o = m_http->options();
        m_probeInterval = qMin(m_probeInterval * 2, o.streamRetryMaxIntervalMs);
        m_streamProbeTimer.start(m_probeInterval);
        return;
    }
    if (reason == EventStream::End::Lost) {
        setState(ConnectionState::Reconnecting);
        scheduleReconnect();
    } else {
        fallBackToPolling();
    }
}

int RealtimeChannel::reconnectDelayMs()
{
    const TransportOptions &o = m_http->options();
    // §9: the server's `retry:` is the base once it has sent one.
    const int base = m_serverRetryMs >= 0 ? m_serverRetryMs : o.reconnectDelayMs;
    const qint64 ceiling =
        qMin<qint64>(qint64(qMax(base, 1)) << qMin(m_reconnectAttempts, 20), o.reconnectMaxDelayMs);
    ++m_reconnectAttempts;
    // Full jitter: a server restart does not get every client back at once.
    return int(QRandomGenerator::global()->bounded(ceiling + 1));
}

void RealtimeChannel::scheduleReconnect()
{
    m_reconnectTimer.start(reconnectDelayMs());
}

void RealtimeChannel::fallBackToPolling()
{
    qCInfo(lcTransport) << "falling back to polling every" << m_pollingInterval << "ms";
    m_polling = true;
    setState(ConnectionState::Polling);
    poll();
    const TransportOptions &o = m_http->options();
    m_probeInterval = o.streamRetryIntervalMs;
    m_streamProbeTimer.start(m_probeInterval);
}

void RealtimeChannel::schedulePoll(int delayMs)
{
    if (m_polling && m_active)
        m_pollTimer.start(delayMs);
}

void RealtimeChannel::poll()
{
    if (m_pollReply)
        return;
    adoptStreamCursor();
    withToken([this](const QString &token) {
        if (m_pollReply || !m_polling)
            return;
        QUrlQuery query;
        if (!m_cursor.isEmpty())
            query.addQueryItem(QStringLiteral("after"), m_cursor);
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
        m_pollReply = getEventsPoll(token, query);
        connect(m_pollReply, &QNetworkReply::finished, this, &RealtimeChannel::onPollFinished);
    });
}

void RealtimeChannel::onPollFinished()
{
    QNetworkReply *reply = m_pollReply;
    m_pollReply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (!m_active || !m_polling)
        return;
    const PollAnswer answer = readEnvelope(reply);
    if (reportIfUnauthorized(reply, answer))
        return;
    const QJsonObject &envelope = answer.envelope;
    if (answer.status != 200 || !envelope.value(QLatin1String("data")).isArray()) {
        ++m_pollFailures;
        qCInfo(lcTransport) << "poll failed: HTTP" << answer.status << reply->errorString();
        setState(ConnectionState::Reconnecting);
        const int delay = int(qMin<qint64>(qint64(m_pollingInterval) << qMin(m_pollFailures, 10),
                                           m_http->options().pollErrorMaxDelayMs));
        return schedulePoll(delay);
    }
    m_pollFailures = 0;
    setState(ConnectionState::Polling);

    // §8: the same ids and order as the stream, so the same checks apply.
    const QJsonArray items = envelope.value(QLatin1String("data")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QJsonValue data = item.value(QLatin1String("data"));
        const QByteArray raw = data.isObject()
            ? QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact)
            : data.toString().toUtf8();
        deliver(item.value(QLatin1String("type")).toString(),
                idText(item.value(QLatin1String("id"))), raw);
        if (!m_active || !m_polling)
            return; // a subscriber stopped us
    }
    const QJsonValue next = envelope.value(QLatin1String("nextCursor"));
    if (next.isDouble() || next.isString()) {
        const QString nextText = idText(next);
        bool okNext = false, okCursor = false;
        const qint64 n = idValue(nextText, &okNext);
        const qint64 c = idValue(m_cursor, &okCursor);
        if (okNext && (!okCursor || n > c))
            m_cursor = nextText;
    }
    deliverPolledTyping(envelope.value(QLatin1String("typing")).toArray());
    if (!m_active || !m_polling)
        return;
    schedulePoll(envelope.value(QLatin1String("hasMore")).toBool() ? 0 : m_pollingInterval);
}

void RealtimeChannel::deliverPolledTyping(const QJsonArray &typing)
{
    const qint64 now = m_clock.elapsed();
    QHash<QString, qint64> active;
    QList<QJsonObject> toDeliver;
    for (const QJsonValue &v : typing) {
        const QJsonObject t = v.toObject();
        const QString key = t.value(QLatin1String("ticketId")).toString() + QLatin1Char('|')
            + t.value(QLatin1String("sender")).toString() + QLatin1Char('|')
            + t.value(QLatin1String("senderName")).toString();
        const qint64 expiry = now + t.value(QLatin1String("expiresInMs")).toInt();
        const qint64 known = m_polledTyping.value(key, -1);
        // A renewal moves the expiry beyond what the clock alone explains.
        if (known < 0 || expiry > known + 500)
            toDeliver.append(t);
        active.insert(key, known < 0 || expiry > known + 500 ? expiry : known);
    }
    for (auto it = m_polledTyping.cbegin(); it != m_polledTyping.cend(); ++it) {
        if (active.contains(it.key()))
            continue;
        const QStringList parts = it.key().split(QLatin1Char('|'));
        toDeliver.append(QJsonObject {{QLatin1String("ticketId"), parts.value(0)},
                                      {QLatin1String("sender"), parts.value(1)},
                                      {QLatin1String("senderName"), parts.value(2)},
                                      {QLatin1String("isTyping"), false},
                                      {QLatin1String("expiresInMs"), 0}});
    }
    m_polledTyping = active;
    for (const QJsonObject &t : std::as_const(toDeliver)) {
        deliver(QStringLiteral("typing"), QString(),
                QJsonDocument(t).toJson(QJsonDocument::Compact));
        if (!m_active || !m_polling)
            return;
    }
}

bool RealtimeChannel::acceptId(const QString &type, const QString &id)
{
    bool ok = false;
    const qint64 value = idValue(id, &ok);
    if (!ok) {
        qCWarning(lcTransport) << "dropping a" << type << "event without a usable id";
        Q_EMIT errorOccurred(ChatError(ChatError::Kind::Protocol,
                                       QStringLiteral("invalid_event_id"),
                                       QStringLiteral("An event arrived without a valid id")));
        return false;
    }
    if (type == QLatin1String("reset")) {
        m_cursor = id; // may go down: the server's history was replaced (§8)
        return true;
    }
    bool okCursor = false;
    const qint64 cursor = idValue(m_cursor, &okCursor);
    if (okCursor && value <= cursor)
        return false; // replayed or out of order: already delivered (§9)
    m_cursor = id;
    return true;
}

void RealtimeChannel::deliver(const QString &type, const QString &id, const QByteArray &data)
{
    if (type != QLatin1String("typing") && !acceptId(type, id))
        return;
    Q_EMIT eventReceived(type, id, data);
}

} // namespace CStar::Internal
