// SPDX-License-Identifier: MIT
#include "eventstream.h"

#include <QHttpServerResponder>
#include <QTcpSocket>
#include <QTimer>

// The raw-socket streaming below relies on QHttpServerResponder::socket() and
// writeStatusLine()/writeHeader(), which exist in QtHttpServer 6.4 only
// (6.5 hides the socket; 6.8 adds writeBeginChunked()/writeChunk()).
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#error "Port EventStream to this QtHttpServer (see devserver/README.md, 'Qt versions')"
#endif

namespace CStar::DevServer {

EventStream::EventStream(QHttpServerResponder &&responder, const StreamAudience &audience,
                         QObject *parent)
    : QObject(parent)
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
    , m_audience(audience)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket = nullptr;
        return;
    }
    // Writing after the peer left would touch a socket QHttpServer is about to
    // delete: stop at disconnect, and also if the socket goes away first.
    connect(m_socket, &QAbstractSocket::disconnected, this, &EventStream::release);
    connect(m_socket, &QObject::destroyed, this, &EventStream::release);
}

EventStream::~EventStream() = default;

void EventStream::start(const HeaderList &headers, const QByteArray &body, int holdMs)
{
    if (!m_socket)
        return;
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    for (const auto &[name, value] : headers)
        m_responder->writeHeader(name, value);
    if (holdMs > 0) {
        m_responder->writeBody(QByteArray()); // ends the header block only
        m_holding = true;
        m_held = body;
        QTimer::singleShot(holdMs, this, &EventStream::flushHeld);
    } else {
        m_responder->writeBody(body);
    }
}

void EventStream::send(const QByteArray &bytes)
{
    if (!m_socket || m_closing)
        return;
    if (m_holding) {
        m_held += bytes;
        return;
    }
    m_socket->write(bytes);
    if (m_socket && m_socket->bytesToWrite() > MaxQueuedBytes)
        m_socket->abort();
}

void EventStream::flushHeld()
{
    if (!m_holding)
        return;
    m_holding = false;
    const QByteArray held = std::exchange(m_held, {});
    if (m_socket && !held.isEmpty())
        m_socket->write(held);
}

void EventStream::close()
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    if (m_holding)
        flushHeld();
    m_socket->disconnectFromHost();
    // A peer that does not read would keep the flush (and the stream) forever.
    QTimer::singleShot(1000, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
}

void EventStream::release()
{
    if (!m_responder)
        return;
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    m_socket = nullptr;
    m_responder.reset();
    Q_EMIT finished();
}

} // namespace CStar::DevServer
