// SPDX-License-Identifier: MIT
// libFuzzer target for the JSON decoders of every value type a server sends:
// Ticket, Message (with its attachments), Customer, TypingEvent, Attachment
// ::fromJson and ChatError::fromHttp.
// Byte 0 picks the HTTP status and Retry-After given to fromHttp; the rest is
// JSON text (the decoders see what QJsonDocument makes of it: the top-level
// object, or each object of a top-level array, or of its `data` array, as a
// list page would). Invariants:
// - decoding never crashes and never trips a sanitizer (numbers of any size,
//   wrong types, snake_case aliases, nesting);
// - decode(encode(x)) is stable after one round (no drifting fields);
// - TypingEvent leases stay within 0…600000 ms;
// - ChatError: an HTTP error is always an error with a code, the status kept,
//   Retry-After (header first) only on 429.
#include "attachment.h"
#include "chaterror.h"
#include "customer.h"
#include "fuzztarget.h"
#include "message.h"
#include "ticket.h"
#include "typingevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace CStar;
using CStar::Fuzz::check;

namespace {

template<typename T>
void roundTrip(const QJsonObject &json)
{
    const T first = T::fromJson(json);
    const T second = T::fromJson(first.toJson());
    const T third = T::fromJson(second.toJson());
    check(second == third, "decode(encode(x)) drifts");
}

void decodeAll(const QJsonObject &json)
{
    roundTrip<Message>(json);
    roundTrip<Ticket>(json);
    roundTrip<Customer>(json);
    roundTrip<TypingEvent>(json);
    roundTrip<Attachment>(json);
    const Attachment attachment = Attachment::fromJson(json);
    check(attachment.size >= 0 && attachment.width >= 0 && attachment.height >= 0,
          "negative attachment size or dimension");
    const TypingEvent typing = TypingEvent::fromJson(json);
    check(typing.expiresInMs >= 0 && typing.expiresInMs <= 600000, "typing lease out of range");
    const Ticket ticket = Ticket::fromJson(json);
    if (ticket.lastMessage().isValid() && !ticket.id().isEmpty())
        check(!ticket.lastMessage().ticketId().isEmpty(), "lastMessage lost its ticket");
    Ticket applied = ticket;
    applied.applyMessage(Message::fromJson(json));
    check(applied.messageCount() >= ticket.messageCount() || ticket.messageCount() == INT_MAX,
          "applyMessage lowered the count");
}

} // namespace

CSTAR_FUZZ_TARGET(types)
{
    if (size == 0)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QJsonDocument doc = QJsonDocument::fromJson(text);

    QList<QJsonObject> objects;
    if (doc.isObject()) {
        objects.append(doc.object());
        const QJsonValue list = doc.object().value(QLatin1String("data"));
        for (const QJsonValue &v : list.toArray())
            objects.append(v.toObject());
        if (list.isObject())
            objects.append(list.toObject());
    } else if (doc.isArray()) {
        for (const QJsonValue &v : doc.array())
            objects.append(v.toObject());
    }
    for (const QJsonObject &o : std::as_const(objects))
        decodeAll(o);

    // ChatError::fromHttp on the body as an error envelope.
    static constexpr int statuses[] = {400, 401, 403, 404, 405, 408, 409, 410, 413, 422,
                                       429, 500, 502, 503, 504, 418, 451, 599, 300, 200};
    const int status = statuses[data[0] % (sizeof statuses / sizeof *statuses)];
    const int retryAfterHeader = (data[0] & 0x80) ? int(data[0] & 0x3f) : -1;
    const QJsonObject body = doc.object();
    const ChatError error =
        ChatError::fromHttp(status, body, QStringLiteral("req_fuzz"), retryAfterHeader);
    check(error.isError(), "an HTTP error decoded as no error");
    check(!error.code().isEmpty() && !error.message().isEmpty(), "error without code or message");
    check(error.httpStatus() == status, "status not kept");
    check(!error.requestId().isEmpty(), "request id lost");
    if (status == 429 && retryAfterHeader >= 0)
        check(error.retryAfter() == retryAfterHeader, "Retry-After header not preferred");
    if (status != 429)
        check(error.retryAfter() == -1, "retryAfter outside 429");
    check(!error.toString().isEmpty(), "empty toString");
    const bool transient = error.isTransient();
    check(transient
              == (error.kind() == ChatError::Kind::Server
                  || error.kind() == ChatError::Kind::RateLimit
                  || error.kind() == ChatError::Kind::Timeout),
          "isTransient inconsistent with kind");
    return 0;
}
