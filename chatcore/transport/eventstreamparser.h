// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace CStar {

/// One dispatched server-sent event. `data` is UTF-8 (invalid sequences
/// already replaced by U+FFFD); `type` defaults to "message".
struct ServerSentEvent
{
    QString type;
    QByteArray data;
    QString lastEventId;
};

/// Incremental parser for the `text/event-stream` format, following the
/// WHATWG HTML "server-sent events" parsing rules. Qt has no SSE client, so
/// this is hand-written; it works on bytes so that a line, a CRLF pair or a
/// UTF-8 sequence may be split anywhere across network chunks.
class CSTARCHAT_CORE_EXPORT EventStreamParser
{
public:
    /// A hostile server must not exhaust memory: one event (its pending line
    /// plus its data buffer) is capped, then dropped until the next blank line.
    static constexpr qsizetype DefaultMaxEventSize = 1024 * 1024;

    explicit EventStreamParser(qsizetype maxEventSize = DefaultMaxEventSize);

    std::function<void(const ServerSentEvent &)> onEvent;
    /// `retry:` with digits only, in milliseconds.
    std::function<void(int)> onRetry;
    /// A comment line (starts with ':'); the text after the colon.
    std::function<void(QByteArrayView)> onComment;
    /// An event exceeded the cap and was dropped (a Protocol error).
    std::function<void(const QString &)> onError;

    /// Feeds the next chunk of the body; callbacks run synchronously.
    void feed(QByteArrayView chunk);

    /// Starts a new connection: clears partial line/event state and the BOM
    /// check, but keeps the last event id (it survives reconnects, per spec).
    void restart();

    qsizetype maxEventSize() const { return m_maxEventSize; }
    /// Applies from the next event on.
    void setMaxEventSize(qsizetype bytes) { m_maxEventSize = qMax<qsizetype>(1, bytes); }

    QString lastEventId() const { return m_lastEventId; }
    /// Also seeds the last-event-id buffer, so that a following event without
    /// an `id:` field reports this id rather than resetting it.
    void setLastEventId(const QString &id)
    {
        m_lastEventId = id;
        m_lastEventIdBuffer = id;
    }

private:
    void processLine(QByteArrayView line);
    void dispatch();
    void dropEvent();

    qsizetype m_maxEventSize;
    QByteArray m_line; // bytes of an incomplete line carried across chunks
    QByteArray m_data;
    QString m_eventType;
    QString m_lastEventIdBuffer;
    QString m_lastEventId;
    QByteArray m_typeCacheKey; // raw bytes of the last `event:` value, to reuse m_typeCache
    QString m_typeCache;
    quint64 m_generation = 0; // bumped by restart(), so feed() notices a restart from a callback
    bool m_bomChecked = false;
    bool m_pendingCR = false; // last chunk ended with CR: a following LF belongs to it
    bool m_discarding = false; // oversized event: skip until the next blank line
    bool m_discardLineHasBytes = false; // while discarding: the current line is not blank
};

} // namespace CStar
