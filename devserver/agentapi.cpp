// SPDX-License-Identifier: MIT
#include "agentapi.h"

#include "attachmentsapi.h"
#include "attachmentstore.h"
#include "chatapi.h"

#include "apierror.h"
#include "apirequest.h"
#include "context.h"
#include "outbox.h"
#include "ticketstore.h"
#include "typingleases.h"
#include "validation.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {
constexpr qsizetype MaxSenderName = 100;
} // namespace

AgentApi::AgentApi(Context &context) : m_ctx(context) { }

Ticket AgentApi::ticket(const ApiRequest &request)
{
    const QString id = request.params.value(1);
    const auto ticket = m_ctx.tickets.ticket(id);
    if (!ticket)
        throw ApiError::resourceMissing(u"No such ticket: %1."_s.arg(id));
    return *ticket;
}

ApiResponse AgentApi::listTickets(const ApiRequest &request)
{
    return Handlers::listTickets(m_ctx, request, QString());
}

ApiResponse AgentApi::getTicket(const ApiRequest &request)
{
    return ApiResponse::success(request, ticket(request).toJson());
}

ApiResponse AgentApi::patchTicket(const ApiRequest &request)
{
    const Ticket current = ticket(request);
    const auto status = Validation::optionalEnum(request.json, u"status"_s, TicketStore::statuses);
    const auto priority =
        Validation::optionalEnum(request.json, u"priority"_s, TicketStore::priorities);
    if (!status && !priority)
        throw ApiError::parameterMissing(u"status"_s, u"Send status and/or priority."_s);
    const QString newStatus = status.value_or(current.status);
    const QString newPriority = priority.value_or(current.priority);
    if (newStatus == current.status && newPriority == current.priority)
        return ApiResponse::success(request, current.toJson());
    m_ctx.tickets.update(current.id, newStatus, newPriority, request.nowMs);
    const Ticket updated = *m_ctx.tickets.ticket(current.id);
    m_ctx.outbox.event(u"ticket.updated"_s, updated, updated.toJson(), false, request.nowMs);
    return ApiResponse::success(request, updated.toJson());
}

ApiResponse AgentApi::listMessages(const ApiRequest &request)
{
    return Handlers::listMessages(m_ctx, request, ticket(request), true);
}

ApiResponse AgentApi::postMessage(const ApiRequest &request)
{
    const Ticket current = ticket(request);
    const QStringList uploadIds = AttachmentsApi::uploadIds(request.json);
    const QString content = Handlers::messageContent(request.json, !uploadIds.isEmpty());
    const QString senderName =
        Validation::optionalText(request.json, u"senderName"_s, MaxSenderName)
            .value_or(u"Support"_s);
    const bool internal = Validation::optionalBool(request.json, u"isInternal"_s).value_or(false);

    const QList<StoredFile> files =
        m_ctx.files.claim(uploadIds, AttachmentsApi::ownerOf(request), request.nowMs);
    Message message = m_ctx.tickets.addMessage(current, content, u"agent"_s, senderName, {},
                                               internal, request.nowMs);
    // protocol §11: the message and its attachments in one transaction (the pipeline's).
    message.attachments = m_ctx.files.attach(files, message.id, current.id);
    // protocol-notes "Ticket life cycle": the first public agent reply opens a new ticket.
    const bool open = !internal && current.status == "new"_L1;
    if (open)
        m_ctx.tickets.update(current.id, u"open"_s, current.priority, request.nowMs);
    const Ticket updated = *m_ctx.tickets.ticket(current.id);
    // Internal notes are stored as agent-only events: never on customer streams or polls.
    m_ctx.outbox.event(u"message.created"_s, updated, message.toJson(internal), internal,
                       request.nowMs);
    if (open)
        m_ctx.outbox.event(u"ticket.updated"_s, updated, updated.toJson(), false, request.nowMs);
    return ApiResponse::success(request, message.toJson(true), 201);
}

ApiResponse AgentApi::postTyping(const ApiRequest &request)
{
    const Ticket current = ticket(request);
    const bool isTyping = Validation::requiredBool(request.json, u"isTyping"_s);
    const QString senderName =
        Validation::optionalText(request.json, u"senderName"_s, MaxSenderName)
            .value_or(u"Support"_s);
    const QByteArray origin = "agent"_ba;
    const TypingLease lease = isTyping
        ? m_ctx.typing.start(current.id, u"agent"_s, senderName, origin, request.nowMs)
        : m_ctx.typing.stop(current.id, u"agent"_s, senderName, origin);
    // To every session of the ticket's customer; not echoed to agent feeds.
    m_ctx.outbox.typing(lease.toJson(isTyping, request.nowMs), current.customerId, {}, true, false);
    return ApiResponse::noContent();
}

} // namespace CStar::DevServer
