// SPDX-License-Identifier: MIT
#include "eventstream.h"

#include "logging.h"

#include <QTimer>

#include <cstring>

namespace CStar::DevServer {

EventStream::EventStream(const StreamAudience &audience, qint64 maxQueuedBytes, QObject *parent)
    : QObject(parent), m_audience(audience), m_maxQueued(maxQueuedBytes)
{ }

EventStream::~EventStream() = default;

void EventStream::start(const QByteArray &preamble, int holdMs, qint64 replayCursor,
                        ReplaySource replay)
{
    m_queue = preamble;
    if (replayCursor >= 0 && replay) {
        m_replaying = true;
        m_replayCursor = replayCursor;
        m_replay = std::move(replay);
    }
    if (holdMs > 0) {
        m_holding = true;
        QTimer::singleShot(holdMs, this, &EventStream::endHold);
    }
    wake();
}

void EventStream::endHold()
{
    m_holding = false;
    wake();
}

void EventStream::send(const QByteArray &bytes)
{
    if (m_replaying)
        return; // typing is ephemeral and a replay is traffic enough (no ping needed)
    enqueue(bytes);
}

void EventStream::sendEvent(qint64 id, const QByteArray &bytes)
{
    Q_UNUSED(id);
    if (m_replaying)
        return;
    enqueue(bytes);
}

void EventStream::enqueue(const QByteArray &bytes)
{
    if (!isOpen() || m_closing)
        return;
    if (queuedBytes() + bytes.size() > m_maxQueued) {
        // The client stopped reading (or reads slower than events come):
        // drop it, it resumes with Last-Event-ID (protocol §8).
        qCDebug(lcDevServer) << "stream over its queue budget, dropped";
        abort();
        return;
    }
    if (m_offset > 0 && m_offset >= m_queue.size() / 2) {
        m_queue.remove(0, m_offset);
        m_offset = 0;
    }
    const bool wasEmpty = queuedBytes() == 0;
    m_queue += bytes;
    if (wasEmpty)
        wake();
}

void EventStream::close()
{
    if (!isOpen() || m_closing)
        return;
    m_closing = true;
    m_replaying = false;
    m_holding = false;
    wake();
    // A peer that does not read would keep the flush (and the stream) forever.
    QTimer::singleShot(1000, this, [this] { abort(); });
}

void EventStream::abort()
{
    if (!isOpen())
        return;
    m_aborted = true;
    m_queue.clear();
    m_offset = 0;
    if (m_transport.abort)
        m_transport.abort();
}

void EventStream::attach(Transport transport)
{
    m_transport = std::move(transport);
}

void EventStream::wake()
{
    if (m_transport.wake && !m_holding)
        m_transport.wake();
}

bool EventStream::fillFromReplay()
{
    bool more = false;
    QByteArray page;
    try {
        page = m_replay(&m_replayCursor, &more);
    } catch (...) {
        // A storage error mid-replay: end the stream, the client resumes.
        qCWarning(lcDevServer) << "replay failed; stream closed";
        m_replaying = false;
        m_aborted = true;
        return false;
    }
    if (!more) {
        m_replaying = false;
        m_replay = {};
    }
    m_queue = page;
    m_offset = 0;
    return true;
}

qint64 EventStream::read(char *buffer, qint64 max)
{
    if (m_aborted || m_finished)
        return Error;
    if (m_holding)
        return 0;
    while (queuedBytes() == 0 && m_replaying) {
        if (!fillFromReplay())
            return Error;
    }
    const qint64 available = queuedBytes();
    if (available > 0) {
        const qint64 n = qMin(available, max);
        std::memcpy(buffer, m_queue.constData() + m_offset, size_t(n));
        m_offset += qsizetype(n);
        if (m_offset == m_queue.size()) {
            m_queue.clear(); // also frees a replay page
            m_offset = 0;
        }
        return n;
    }
    return m_closing ? End : 0;
}

void EventStream::transportClosed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_transport = {};
    m_queue.clear();
    m_replay = {};
    Q_EMIT finished();
}

} // namespace CStar::DevServer
