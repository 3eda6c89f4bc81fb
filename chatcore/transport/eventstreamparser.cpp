// SPDX-License-Identifier: MIT
#include "eventstreamparser.h"

#include <QStringDecoder>

#include <climits>
#include <cstring>

// The rules below are WHATWG HTML §9.2.6 "Interpreting an event stream" (the
// UTF-8 decode of the whole stream, then lines, fields and "dispatch the
// event"). The parser works on bytes: CR, LF and ':' are ASCII and can never
// be part of a multi-byte UTF-8 sequence, so decoding each field value on its
// own gives exactly what decoding the whole stream first would.
//
// Callbacks may call restart() (the rest of the current chunk is then
// dropped) but must not call feed() or destroy the parser.

namespace CStar {

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr char Replacement[] = "\xEF\xBF\xBD"; // U+FFFD, UTF-8
// Buffers that grew beyond this for one large event are freed, not kept.
constexpr qsizetype KeepCapacity = 64 * 1024;
// Longer `event:` values are not worth caching.
constexpr qsizetype MaxCachedTypeSize = 64;

// WHATWG Encoding "UTF-8 decoder": how many continuation bytes a lead byte
// needs and the allowed range of the first one (this excludes overlong forms,
// surrogates and code points above U+10FFFF). False for a byte that cannot
// start a sequence.
inline bool leadByte(uchar c, int &need, uchar &lower, uchar &upper)
{
    lower = 0x80;
    upper = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lower = 0xA0;
        else if (c == 0xED)
            upper = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lower = 0x90;
        else if (c == 0xF4)
            upper = 0x8F;
    } else {
        return false;
    }
    return true;
}

// Valid text is the rule: Qt checks it (QByteArrayView::isValidUtf8, Qt
// 6.3+: the same well-formedness as the WHATWG decoder, no overlongs,
// surrogates or code points above U+10FFFF).
inline bool isValidUtf8(QByteArrayView v)
{
    return v.isValidUtf8();
}

// Appends `in` decoded per the WHATWG UTF-8 decoder: each maximal ill-formed
// subpart becomes one U+FFFD. (QString::fromUtf8 differs: it replaces each
// byte of a truncated sequence and drops a leading BOM.) Only for text that
// failed isValidUtf8(), so a plain loop.
void appendDecoded(QByteArray &out, QByteArrayView in)
{
    const auto *p = reinterpret_cast<const uchar *>(in.data());
    const uchar *const end = p + in.size();
    while (p != end) {
        if (*p < 0x80) {
            out.append(char(*p++));
            continue;
        }
        int need = 0;
        uchar lower, upper;
        const uchar *q = p + 1;
        if (leadByte(*p, need, lower, upper)) {
            int have = 0;
            for (; have < need && q != end && *q >= lower && *q <= upper; ++have, ++q) {
                lower = 0x80;
                upper = 0xBF;
            }
            if (have == need) { // a whole, well-formed sequence
                out.append(reinterpret_cast<const char *>(p), q - p);
                p = q;
                continue;
            }
        }
        out.append(Replacement, 3);
        p = q; // the byte that broke the sequence is looked at again
    }
}

// A field value as a QString. A leading U+FEFF is content here (only the
// stream's first BOM is stripped), hence ConvertInitialBom.
QString decodeString(QByteArrayView raw)
{
    const bool valid = isValidUtf8(raw);
    if (valid && !raw.startsWith(QByteArrayView(Bom, 3)))
        return QString::fromUtf8(raw);
    QByteArray fixed;
    if (!valid) {
        appendDecoded(fixed, raw);
        raw = fixed;
    }
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                               | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(raw);
}

template<std::size_t N>
inline bool fieldIs(QByteArrayView name, const char (&literal)[N])
{
    return name.size() == qsizetype(N - 1) && std::memcmp(name.data(), literal, N - 1) == 0;
}

inline void releaseOrClear(QByteArray &buffer)
{
    if (buffer.capacity() > KeepCapacity)
        buffer = QByteArray();
    else
        buffer.resize(0); // keeps the allocation for the next line
}

} // namespace

EventStreamParser::EventStreamParser(qsizetype maxEventSize) : m_maxEventSize(maxEventSize) { }

void EventStreamParser::restart()
{
    m_line = QByteArray();
    m_data = QByteArray();
    m_eventType.clear();
    // Partial `id:` fields of the interrupted event never counted.
    m_lastEventIdBuffer = m_lastEventId;
    m_bomChecked = false;
    m_pendingCR = false;
    m_discarding = false;
    m_discardLineHasBytes = false;
    ++m_generation;
}

void EventStreamParser::feed(QByteArrayView chunk)
{
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    if (p == end)
        return;

    if (!m_bomChecked) {
        // The UTF-8 decode strips one leading BOM, which may itself arrive
        // split: m_line holds the strict prefix of it seen so far.
        while (p != end && m_line.size() < 3 && *p == Bom[m_line.size()])
            m_line.append(*p++);
        if (m_line.size() == 3) {
            m_line.clear();
            m_bomChecked = true;
        } else if (p != end) {
            m_bomChecked = true; // not a BOM: the held bytes start the first line
        }
        if (p == end)
            return;
    }

    if (m_pendingCR) {
        // The previous chunk ended with CR; a LF here completes that CRLF.
        m_pendingCR = false;
        if (*p == '\n' && ++p == end)
            return;
    }

    const quint64 generation = m_generation;
    // Next LF and CR at or after p (end if none). Each is searched again only
    // once p has passed it, so every byte is scanned once per delimiter.
    const auto find = [end](const char *from, char c) {
        const void *hit = std::memchr(from, c, std::size_t(end - from));
        return hit ? static_cast<const char *>(hit) : end;
    };
    const char *nextLf = find(p, '\n');
    const char *nextCr = find(p, '\r');

    for (;;) {
        if (nextLf < p)
            nextLf = find(p, '\n');
        if (nextCr < p)
            nextCr = find(p, '\r');
        const char *const eol = nextLf < nextCr ? nextLf : nextCr;
        const qsizetype length = eol - p;

        if (eol == end) {
            // No terminator in the rest of the chunk: carry the partial line
            // (length > 0 here). QByteArray grows geometrically, so 1-byte
            // chunks stay linear.
            if (m_discarding) {
                m_discardLineHasBytes = true;
            } else if (m_line.size() + length + m_data.size() > m_maxEventSize) {
                dropEvent();
                m_discardLineHasBytes = true;
            } else {
                m_line.append(p, length);
            }
            return;
        }

        if (m_discarding) {
            if (length == 0 && !m_discardLineHasBytes)
                m_discarding = false; // the blank line that ends the dropped event
            m_discardLineHasBytes = false;
        } else if (m_line.isEmpty()) {
            // Common case: the whole line lies in this chunk, no copy.
            if (length + m_data.size() > m_maxEventSize)
                dropEvent();
            else
                processLine(QByteArrayView(p, length));
        } else {
            if (m_line.size() + length + m_data.size() > m_maxEventSize) {
                dropEvent();
            } else {
                m_line.append(p, length);
                processLine(m_line);
            }
            if (generation == m_generation)
                releaseOrClear(m_line);
        }
        if (generation != m_generation)
            return; // restart() was called from a callback

        p = eol + 1;
        if (*eol == '\r') {
            if (p == end) {
                m_pendingCR = true;
                return;
            }
            if (*p == '\n')
                ++p;
        }
        if (p == end)
            return;
    }
}

void EventStreamParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':') {
        if (!onComment)
            return;
        const QByteArrayView text = line.sliced(1);
        if (isValidUtf8(text)) {
            onComment(text);
        } else {
            QByteArray fixed;
            appendDecoded(fixed, text);
            onComment(fixed);
        }
        return;
    }

    // Field name up to the first ':', value after it minus one leading space;
    // no colon: the whole line is the name and the value is empty.
    QByteArrayView name = line;
    QByteArrayView value;
    if (const void *colon = std::memchr(line.data(), ':', std::size_t(line.size()))) {
        const qsizetype at = static_cast<const char *>(colon) - line.data();
        name = line.first(at);
        value = line.sliced(at + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }

    // Field names compare as bytes: an ill-formed byte decodes to U+FFFD, so
    // it could never match a known name anyway.
    if (fieldIs(name, "data")) {
        // feed() ensured raw line + data buffer fit the cap, and the value
        // plus its LF is shorter than the line; U+FFFD can make it longer.
        if (isValidUtf8(value)) {
            m_data.append(value.data(), value.size());
        } else {
            appendDecoded(m_data, value);
            if (m_data.size() + 1 > m_maxEventSize) {
                dropEvent();
                return;
            }
        }
        m_data.append('\n');
    } else if (fieldIs(name, "event")) {
        if (value.isEmpty()) {
            m_eventType.clear();
        } else if (value.size() <= MaxCachedTypeSize) {
            if (value.size() != m_typeCacheKey.size()
                || std::memcmp(value.data(), m_typeCacheKey.constData(), value.size()) != 0) {
                m_typeCacheKey = value.toByteArray();
                m_typeCache = decodeString(value);
            }
            m_eventType = m_typeCache;
        } else {
            m_eventType = decodeString(value);
        }
    } else if (fieldIs(name, "id")) {
        // U+0000 can only come from a 0x00 byte.
        if (value.isEmpty())
            m_lastEventIdBuffer.clear();
        else if (!std::memchr(value.data(), 0, std::size_t(value.size())))
            m_lastEventIdBuffer = decodeString(value);
    } else if (fieldIs(name, "retry")) {
        // ASCII digits only, else ignored; an empty value is not a number.
        if (value.isEmpty())
            return;
        qint64 ms = 0;
        for (const char c : value) {
            if (c < '0' || c > '9')
                return;
            ms = ms * 10 + (c - '0');
            if (ms > INT_MAX)
                ms = INT_MAX; // saturate rather than overflow
        }
        if (onRetry)
            onRetry(int(ms));
    }
    // Any other field is ignored.
}

void EventStreamParser::dispatch()
{
    // Step 1 runs even when no event follows: an `id:`-only block moves the
    // last event id (docs/protocol-notes.md "Cursor before the first event").
    m_lastEventId = m_lastEventIdBuffer;
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the LF appended after the last data line

    ServerSentEvent event;
    event.type = m_eventType.isEmpty() ? QStringLiteral("message") : std::move(m_eventType);
    event.data = std::move(m_data);
    event.lastEventId = m_lastEventId;
    m_eventType = QString();
    m_data = QByteArray();

    if (onEvent)
        onEvent(event);

    // Reuse the data allocation unless the callback kept a reference to it
    // (or restarted us).
    if (m_data.isNull() && event.data.isDetached() && event.data.capacity() <= KeepCapacity) {
        m_data = std::move(event.data);
        m_data.resize(0);
    }
}

void EventStreamParser::dropEvent()
{
    m_line = QByteArray();
    m_data = QByteArray();
    m_eventType.clear();
    // The dropped event's `id:` fields do not count either.
    m_lastEventIdBuffer = m_lastEventId;
    m_discarding = true;
    m_discardLineHasBytes = false;
    if (onError) {
        onError(QStringLiteral("event stream: an event exceeded the %1-byte limit and was dropped")
                    .arg(m_maxEventSize));
    }
}

} // namespace CStar
