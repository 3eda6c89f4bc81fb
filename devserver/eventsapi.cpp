// SPDX-License-Identifier: MIT
#include "eventsapi.h"

#include "apierror.h"
#include "apirequest.h"
#include "context.h"
#include "eventhub.h"
#include "options.h"
#include "ticketstore.h"
#include "typingleases.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

QJsonObject resetData(const QString &reason, qint64 lastEventId)
{
    return QJsonObject {{u"reason"_s, reason}, {u"lastEventId"_s, lastEventId}};
}

QString reasonOf(EventLog::Cursor cursor)
{
    return cursor == EventLog::Cursor::Retention ? u"retention"_s : u"unknown"_s;
}

} // namespace

EventsApi::EventsApi(Context &context) : m_ctx(context) { }

QByteArray EventsApi::streamPreamble(const ApiRequest &request, const Audience &audience,
                                     qint64 *replayFrom)
{
    if (replayFrom)
        *replayFrom = -1;
    QByteArray out = "retry: "_ba + QByteArray::number(m_ctx.options.retryMs) + '\n';
    const qint64 latest = m_ctx.events.latestId();
    const QByteArray header = request.header("last-event-id"_ba).trimmed();
    if (header.isEmpty()) {
        // A resume cursor before anything happened (protocol-notes).
        out += "id: "_ba + QByteArray::number(latest) + "\n\n"_ba;
        return out;
    }
    out += '\n';
    bool ok = false;
    const qint64 lastEventId = header.toLongLong(&ok);
    const EventLog::Cursor cursor =
        ok ? m_ctx.events.check(lastEventId) : EventLog::Cursor::Unknown;
    if (cursor != EventLog::Cursor::Ok) {
        // The reset carries the latest id, so the cursor moves with it; the
        // stream goes live from there.
        out += EventHub::frame(
            latest, u"reset"_s,
            QJsonDocument(resetData(reasonOf(cursor), latest)).toJson(QJsonDocument::Compact));
        return out;
    }
    if (replayFrom) {
        *replayFrom = lastEventId;
        return out;
    }
    bool hasMore = false;
    const QList<StoredEvent> replay = m_ctx.events.after(lastEventId, audience, -1, &hasMore);
    for (const StoredEvent &e : replay)
        out += EventHub::frame(e);
    return out;
}

ApiResponse EventsApi::poll(const ApiRequest &request, const Audience &audience)
{
    const auto after = Validation::queryId(request, u"after"_s);
    const int limit = Validation::queryInt(request, u"limit"_s, 100, 1, 100);
    const qint64 latest = m_ctx.events.latestId();

    QJsonArray data;
    qint64 nextCursor = latest;
    bool hasMore = false;
    if (after) {
        const EventLog::Cursor cursor = m_ctx.events.check(*after);
        if (cursor != EventLog::Cursor::Ok) {
            data.append(QJsonObject {{u"id"_s, latest},
                                     {u"type"_s, u"reset"_s},
                                     {u"data"_s, resetData(reasonOf(cursor), latest)}});
        } else {
            const QList<StoredEvent> events = m_ctx.events.after(*after, audience, limit, &hasMore);
            for (const StoredEvent &e : events) {
                data.append(QJsonObject {{u"id"_s, e.id},
                                         {u"type"_s, e.type},
                                         {u"data"_s, QJsonDocument::fromJson(e.data).object()}});
            }
            // Without more to fetch, every event up to `latest` has been looked
            // at, so the cursor may skip the ones this caller cannot see.
            if (hasMore)
                nextCursor = events.constLast().id;
        }
    }

    QJsonArray typing;
    const QList<TypingLease> leases =
        m_ctx.typing.active(request.nowMs, [&](const TypingLease &lease) {
            if (audience.agent)
                return lease.sender == "customer"_L1;
            if (lease.origin == request.caller.tokenHash)
                return false;
            const auto ticket = m_ctx.tickets.ticket(lease.ticketId);
            return ticket && ticket->customerId == audience.customerId;
        });
    for (const TypingLease &lease : leases)
        typing.append(lease.toJson(true, request.nowMs));

    return ApiResponse::envelope(request,
                                 QJsonObject {{u"data"_s, data},
                                              {u"nextCursor"_s, nextCursor},
                                              {u"hasMore"_s, hasMore},
                                              {u"typing"_s, typing}});
}

} // namespace CStar::DevServer
