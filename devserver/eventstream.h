// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
QT_END_NAMESPACE

namespace CStar::DevServer {

/// Who a stream belongs to (protocol §8: one stream per session; agents get the team feed).
struct StreamAudience
{
    bool agent = false;
    QString customerId; ///< customer streams
    QByteArray sessionHash; ///< customer streams: the session's token hash
};

/// One open `text/event-stream` response. QHttpServer 6.4 has no streaming
/// API, so the stream keeps the responder (and with it the request state)
/// alive and writes raw bytes to its socket. It finishes when the socket
/// disconnects or is destroyed; nothing is written after that.
class EventStream : public QObject
{
    Q_OBJECT
public:
    EventStream(QHttpServerResponder &&responder, const StreamAudience &audience,
                QObject *parent = nullptr);
    ~EventStream() override;

    const StreamAudience &audience() const { return m_audience; }
    bool isOpen() const { return m_socket != nullptr; }

    /// Writes the status line and `headers`, then `body` — at once, or after
    /// `holdMs` (simulates a buffering proxy; later sends queue behind it).
    void start(const HeaderList &headers, const QByteArray &body, int holdMs);
    void send(const QByteArray &bytes);
    /// Closes the connection (after flushing what is queued).
    void close();

    /// A client that stops reading must not grow our memory without bound.
    static constexpr qint64 MaxQueuedBytes = 8 * 1024 * 1024;

Q_SIGNALS:
    void finished();

private:
    void release();
    void flushHeld();

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QAbstractSocket> m_socket; // not QTcpSocket: ~QAbstractSocket still emits disconnected
    StreamAudience m_audience;
    QByteArray m_held;
    bool m_holding = false;
    bool m_closing = false;
};

} // namespace CStar::DevServer
