// SPDX-License-Identifier: MIT
// libFuzzer target for EventStreamParser. Byte 0 picks where the stream is
// split and the chunk size used after the split; the remaining bytes are the
// stream. Invariants (trap on violation):
// - chunked parsing reports exactly what one whole feed reports;
// - no event's data reaches the cap (the data buffer, LF included, is capped);
// - event data, comments, types and ids are well-formed UTF-8;
// - at most one error per dropped event.
#include "eventstreamparser.h"
#include "fuzztarget.h"

#include <cstddef>
#include <cstdint>
#include <vector>

using CStar::EventStreamParser;
using CStar::ServerSentEvent;

namespace {

// Small, so that inputs reach the drop path often.
constexpr qsizetype Cap = 256;

// Strict UTF-8 (no overlongs, surrogates or code points > U+10FFFF): Qt's
// check (Qt 6.3+), the one the library trusts everywhere.
bool isValidUtf8(QByteArrayView bytes)
{
    return bytes.isValidUtf8();
}

using CStar::Fuzz::check;

// Every callback as one record, so two runs can be compared.
void attach(EventStreamParser &parser, std::vector<QByteArray> &log)
{
    parser.onEvent = [&log](const ServerSentEvent &e) {
        check(e.data.size() < Cap);
        check(isValidUtf8(e.data));
        check(!e.type.isEmpty());
        const QByteArray type = e.type.toUtf8();
        const QByteArray id = e.lastEventId.toUtf8();
        check(isValidUtf8(type) && isValidUtf8(id));
        check(!id.contains('\0'));
        QByteArray record;
        record.append('E').append(type).append('\0').append(e.data).append('\0').append(id);
        log.push_back(record);
    };
    parser.onRetry = [&log](int ms) {
        check(ms >= 0);
        log.push_back(QByteArray(1, 'R').append(QByteArray::number(ms)));
    };
    parser.onComment = [&log](QByteArrayView text) {
        check(isValidUtf8(text));
        log.push_back(QByteArray(1, 'C').append(text.data(), text.size()));
    };
    parser.onError = [&log](const QString &message) {
        check(!message.isEmpty());
        log.push_back(QByteArray(1, 'X'));
    };
}

} // namespace

CSTAR_FUZZ_TARGET(eventstreamparser)
{
    if (size == 0)
        return 0;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = qsizetype(data[0]) % (stream.size() + 1);
    const qsizetype chunk = 1 + (data[0] >> 5); // 1..8 bytes after the split

    std::vector<QByteArray> whole;
    EventStreamParser reference(Cap);
    attach(reference, whole);
    reference.feed(stream);

    std::vector<QByteArray> chunked;
    EventStreamParser parser(Cap);
    attach(parser, chunked);
    parser.feed(stream.first(split));
    for (qsizetype at = split; at < stream.size(); at += chunk)
        parser.feed(stream.sliced(at, qMin(chunk, stream.size() - at)));

    check(whole == chunked);
    check(parser.lastEventId() == reference.lastEventId());

    // One error per dropped event, and a dropped event takes more than Cap / 3
    // input bytes (U+FFFD turns one byte into three).
    qsizetype errors = 0;
    for (const QByteArray &record : chunked)
        errors += record.startsWith('X');
    check(errors <= stream.size() / (Cap / 3) + 1);
    return 0;
}
