// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "connectionstate.h"
#include "eventstream_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QJsonArray;
class QNetworkReply;
class QUrlQuery;

namespace CStar::Internal {

class HttpTransport;

/// The session's one realtime feed (protocol §8, §9): the event stream when
/// it works, polling when it does not, one cursor for both, so switching
/// loses and repeats nothing. Emits each stored event once, in id order.
class RealtimeChannel : public QObject
{
    Q_OBJECT
public:
    /// Asks for a session token (creating a session if needed), then calls
    /// one of the two callbacks.
    using TokenProvider = std::function<void(std::function<void(const QString &)> ready,
                                             std::function<void(const ChatError &)> failed)>;

    RealtimeChannel(HttpTransport *http, QObject *parent);
    ~RealtimeChannel() override;

    void setTokenProvider(TokenProvider provider) { m_tokenProvider = std::move(provider); }
    void setRealtime(bool realtime);
    void setPollingInterval(int ms);

    void start();
    void stop();
    /// Reopens with a fresh token, keeping the cursor (§8: after identify/logout).
    void restart();
    bool isActive() const { return m_active; }

    ConnectionState state() const { return m_state; }
    /// The last stored event id seen, including a fresh stream's id-only
    /// cursor block (docs/protocol-notes.md).
    QString cursor() const;
    void setCursor(const QString &cursor) { m_cursor = cursor; }

Q_SIGNALS:
    void stateChanged(CStar::ConnectionState state);
    /// A stored event (id set) or a live one (typing: id empty); `data` is
    /// the raw JSON text of the event's data.
    void eventReceived(const QString &type, const QString &id, const QByteArray &data);
    void errorOccurred(const CStar::ChatError &error);
    void unauthorized(const CStar::ChatError &error);

private:
    enum class Mode { Stream, Poll };

    void setState(ConnectionState state);
    void withToken(std::function<void(const QString &)> next);
    void openStream();
    void openStreamWith(const QString &token);
    void takeCursor(const QString &token);
    /// A bounded GET of /events/poll (the cursor and polling both use it).
    QNetworkReply *getEventsPoll(const QString &token, const QUrlQuery &query);
    struct PollAnswer
    {
        int status = 0;
        QJsonObject envelope; ///< empty when the body was not JSON or over the cap
    };
    PollAnswer readEnvelope(QNetworkReply *reply) const;
    /// 401: the session is gone (§4); reports it and answers true.
    bool reportIfUnauthorized(QNetworkReply *reply, const PollAnswer &answer);
    void onStreamEnded(EventStream::End reason, const ChatError &error);
    void scheduleReconnect();
    void fallBackToPolling();
    void schedulePoll(int delayMs);
    void poll();
    void onPollFinished();
    void deliver(const QString &type, const QString &id, const QByteArray &data);
    bool acceptId(const QString &type, const QString &id);
    void adoptStreamCursor();
    void deliverPolledTyping(const QJsonArray &typing);
    int reconnectDelayMs();

    HttpTransport *m_http;
    TokenProvider m_tokenProvider;
    EventStream *m_stream;
    QTimer m_reconnectTimer;
    QTimer m_pollTimer;
    QTimer m_streamProbeTimer;
    QPointer<QNetworkReply> m_pollReply;
    QPointer<QNetworkReply> m_cursorReply; // §9: the cursor taken before the first stream
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_cursor;
    // Poll answers list the typing leases active now (§8); each is delivered
    // when new or renewed, and its end as isTyping=false, as the stream would.
    QHash<QString, qint64> m_polledTyping; // ticket|sender|name → local expiry (ms)
    QElapsedTimer m_clock;
    int m_generation = 0; // invalidates callbacks of a previous start()
    int m_reconnectAttempts = 0;
    int m_pollFailures = 0;
    int m_probeInterval = 0;
    int m_serverRetryMs = -1;
    int m_pollingInterval = 5000;
    bool m_realtime = true;
    bool m_active = false;
    bool m_polling = false;
};

} // namespace CStar::Internal
