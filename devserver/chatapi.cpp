// SPDX-License-Identifier: MIT
#include "chatapi.h"

#include "attachmentsapi.h"
#include "attachmentstore.h"

#include "apierror.h"
#include "apirequest.h"
#include "context.h"
#include "identityverifier.h"
#include "ids.h"
#include "outbox.h"
#include "sessionstore.h"
#include "ticketstore.h"
#include "typingleases.h"
#include "validation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

constexpr qsizetype MaxTitle = 200; // protocol §5
constexpr qsizetype MaxContent = 10000; // protocol §6
constexpr qsizetype MaxClientMessageId = 200;

QJsonObject sessionJson(const QString &token, const Session &session,
                        const std::optional<Customer> &customer)
{
    return QJsonObject {
        {u"token"_s, token},
        {u"kind"_s, session.kind},
        {u"expiresAt"_s, Ids::isoTimestamp(session.expiresAtMs)},
        {u"customer"_s, customer ? QJsonValue(customer->toJson()) : QJsonValue(QJsonValue::Null)}};
}

QString requiredString(const QJsonObject &body, const QString &field, const QString &what)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        throw ApiError::parameterMissing(field);
    if (!v.isString())
        throw ApiError::parameterInvalid(field, what);
    return v.toString();
}

std::optional<QString> clientMessageId(const QJsonObject &body)
{
    const QJsonValue v = body.value(u"clientMessageId"_s);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString() || v.toString().isEmpty()
        || Validation::codePoints(v.toString()) > MaxClientMessageId)
        throw ApiError::parameterInvalid(
            u"clientMessageId"_s,
            u"clientMessageId must be a string of 1 to %1 characters."_s.arg(MaxClientMessageId));
    return v.toString();
}

} // namespace

ChatApi::ChatApi(Context &context) : m_ctx(context) { }

Ticket ChatApi::ownTicket(const ApiRequest &request)
{
    const QString id = request.params.value(1);
    const auto ticket = m_ctx.tickets.ticket(id);
    if (!ticket || ticket->customerId != request.caller.customerId)
        throw ApiError::resourceMissing(u"No such ticket: %1."_s.arg(id));
    return *ticket;
}

ApiResponse ChatApi::createSession(const ApiRequest &request)
{
    Session session;
    const QString token = m_ctx.sessions.createAnonymous(request.nowMs, &session);
    return ApiResponse::success(request, sessionJson(token, session, std::nullopt), 201);
}

ApiResponse ChatApi::identify(const ApiRequest &request)
{
    const QString customerText =
        requiredString(request.json, u"customer"_s,
                       u"customer must be the signed customer JSON as a string (protocol §4)."_s);
    const QString signature =
        requiredString(request.json, u"signature"_s, u"signature must be a hex string."_s);
    const VerifiedCustomer verified = m_ctx.identity.verify(customerText, signature, request.nowMs);

    const Customer customer = m_ctx.sessions.upsertIdentified(verified.externalId, verified.email,
                                                              verified.name, request.nowMs);
    const Caller &caller = request.caller;
    if (caller.isAnonymous()) {
        // The anonymous session's tickets move to the identified customer
        // (protocol §4); its other devices learn about them via ticket.updated.
        const QStringList moved =
            m_ctx.tickets.moveTickets(caller.customerId, customer.id, request.nowMs);
        for (const QString &id : moved) {
            const Ticket ticket = *m_ctx.tickets.ticket(id);
            m_ctx.outbox.event(u"ticket.updated"_s, ticket, ticket.toJson(), false, request.nowMs);
        }
        // The new token replaces the anonymous one.
        m_ctx.sessions.revoke(caller.tokenHash, request.nowMs);
        m_ctx.outbox.closeSession(caller.tokenHash);
    }
    Session session;
    const QString token = m_ctx.sessions.createIdentified(customer.id, request.nowMs, &session);
    if (caller.isAnonymous()) {
        // Its unattached uploads follow the token that replaces it, so a file
        // picked before identify can still be sent (protocol-notes "Attachments").
        m_ctx.files.transferUploads(AttachmentsApi::ownerOf(request),
                                    u"session:"_s + QString::fromLatin1(session.tokenHash));
    }
    return ApiResponse::success(request, sessionJson(token, session, customer));
}

ApiResponse ChatApi::deleteSession(const ApiRequest &request)
{
    m_ctx.sessions.revoke(request.caller.tokenHash, request.nowMs);
    m_ctx.outbox.closeSession(request.caller.tokenHash);
    return ApiResponse::noContent();
}

ApiResponse ChatApi::createTicket(const ApiRequest &request)
{
    const QString title = Validation::requiredText(request.json, u"title"_s, MaxTitle);
    const QString priority =
        Validation::optionalEnum(request.json, u"priority"_s, TicketStore::priorities)
            .value_or(u"normal"_s);
    const auto message = Validation::optionalText(request.json, u"message"_s, MaxContent);

    Ticket ticket = m_ctx.tickets.create(request.caller.customerId, title, priority, request.nowMs);
    std::optional<Message> first;
    if (message) {
        const auto customer = m_ctx.sessions.customer(request.caller.customerId);
        first = m_ctx.tickets.addMessage(ticket, *message, u"customer"_s,
                                         customer ? customer->displayName() : u"Guest"_s, {}, false,
                                         request.nowMs);
        ticket = *m_ctx.tickets.ticket(ticket.id);
    }
    // ticket.created carries the same object as the response; the first
    // message follows as its own message.created.
    m_ctx.outbox.event(u"ticket.created"_s, ticket, ticket.toJson(), false, request.nowMs);
    if (first)
        m_ctx.outbox.event(u"message.created"_s, ticket, first->toJson(), false, request.nowMs);
    return ApiResponse::success(request, ticket.toJson(), 201);
}

ApiResponse ChatApi::listTickets(const ApiRequest &request)
{
    if (request.caller.isAnonymous())
        throw ApiError::identifyRequired();
    return Handlers::listTickets(m_ctx, request, request.caller.customerId);
}

ApiResponse ChatApi::getTicket(const ApiRequest &request)
{
    return ApiResponse::success(request, ownTicket(request).toJson());
}

ApiResponse ChatApi::listMessages(const ApiRequest &request)
{
    return Handlers::listMessages(m_ctx, request, ownTicket(request), false);
}

ApiResponse ChatApi::postMessage(const ApiRequest &request)
{
    const Ticket ticket = ownTicket(request);
    const QStringList uploadIds = AttachmentsApi::uploadIds(request.json);
    const QString content = Handlers::messageContent(request.json, !uploadIds.isEmpty());
    const auto clientId = clientMessageId(request.json);
    if (clientId) {
        // A retry of a message we already have: the original, never a duplicate (protocol §6).
        if (const auto existing = m_ctx.tickets.messageByClientId(ticket.id, *clientId))
            return ApiResponse::success(request, existing->toJson(), 200);
    }
    const QList<StoredFile> files =
        m_ctx.files.claim(uploadIds, AttachmentsApi::ownerOf(request), request.nowMs);
    const auto customer = m_ctx.sessions.customer(request.caller.customerId);
    Message message = m_ctx.tickets.addMessage(ticket, content, u"customer"_s,
                                               customer ? customer->displayName() : u"Guest"_s,
                                               clientId.value_or(QString()), false, request.nowMs);
    // protocol §11: the message and its attachments in one transaction (the pipeline's).
    message.attachments = m_ctx.files.attach(files, message.id, ticket.id);
    // protocol-notes "Ticket life cycle": a customer message re-opens a
    // pending or resolved ticket.
    const bool reopen = ticket.status == "pending"_L1 || ticket.status == "resolved"_L1;
    if (reopen)
        m_ctx.tickets.update(ticket.id, u"open"_s, ticket.priority, request.nowMs);
    const Ticket updated = *m_ctx.tickets.ticket(ticket.id);
    m_ctx.outbox.event(u"message.created"_s, updated, message.toJson(), false, request.nowMs);
    if (reopen)
        m_ctx.outbox.event(u"ticket.updated"_s, updated, updated.toJson(), false, request.nowMs);
    return ApiResponse::success(request, message.toJson(), 201);
}

ApiResponse ChatApi::postTyping(const ApiRequest &request)
{
    const Ticket ticket = ownTicket(request);
    const bool isTyping = Validation::requiredBool(request.json, u"isTyping"_s);
    const auto customer = m_ctx.sessions.customer(request.caller.customerId);
    const QString name = customer ? customer->displayName() : u"Guest"_s;
    const QByteArray origin = request.caller.tokenHash;
    const TypingLease lease = isTyping
        ? m_ctx.typing.start(ticket.id, u"customer"_s, name, origin, request.nowMs)
        : m_ctx.typing.stop(ticket.id, u"customer"_s, name, origin);
    // protocol-notes "Typing": to the agents and to the customer's other
    // sessions, never back to the sender.
    m_ctx.outbox.typing(lease.toJson(isTyping, request.nowMs), ticket.customerId, origin, true,
                        true);
    return ApiResponse::noContent();
}

namespace Handlers {

QString messageContent(const QJsonObject &body, bool hasAttachments)
{
    // protocol §11: content may be empty (or absent) when files are attached.
    const QJsonValue value = body.value(u"content"_s);
    if (hasAttachments
        && (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().trimmed().isEmpty())))
        return u""_s; // not null: stored as an empty text
    return Validation::requiredText(body, u"content"_s, MaxContent);
}

ApiResponse listTickets(Context &ctx, const ApiRequest &request, const QString &customerId)
{
    const QStringList statuses = Validation::statusFilter(request);
    const int limit = Validation::queryInt(request, u"limit"_s, 20, 1, 100);
    const QString cursor = request.queryValue(u"cursor"_s);
    const auto page = ctx.tickets.list(customerId, statuses, limit, cursor);
    if (!page)
        throw ApiError::parameterInvalid(u"cursor"_s, u"cursor is not a cursor of this list."_s);
    QJsonArray data;
    for (const Ticket &t : page->tickets)
        data.append(t.toJson());
    return ApiResponse::list(
        request, data, limit,
        page->hasMore ? QJsonValue(page->nextCursor) : QJsonValue(QJsonValue::Null), page->hasMore);
}

ApiResponse listMessages(Context &ctx, const ApiRequest &request, const Ticket &ticket,
                         bool agentView)
{
    const int limit = Validation::queryInt(request, u"limit"_s, 50, 1, 100);
    const bool hasBefore = request.hasQuery(u"before"_s);
    const bool hasAfter = request.hasQuery(u"after"_s);
    if (hasBefore && hasAfter)
        throw ApiError::parameterInvalid(u"after"_s, u"Use either before or after, not both."_s);
    std::optional<qint64> beforeSeq;
    std::optional<qint64> afterSeq;
    const QString param = hasBefore ? u"before"_s : u"after"_s;
    if (hasBefore || hasAfter) {
        const auto seq = ctx.tickets.messageSeq(ticket.id, request.queryValue(param), agentView);
        if (!seq)
            throw ApiError::parameterInvalid(
                param, u"%1 must be the id of a message of this ticket."_s.arg(param));
        (hasBefore ? beforeSeq : afterSeq) = *seq;
    }
    const TicketStore::MessagePage page =
        ctx.tickets.messages(ticket.id, agentView, limit, beforeSeq, afterSeq);
    QJsonArray data;
    for (const Message &m : page.messages)
        data.append(m.toJson(agentView));
    // nextCursor: the oldest id of the page to page back with `before`, or
    // the newest when paging forward with `after` (protocol-notes).
    QJsonValue next = QJsonValue::Null;
    if (!page.messages.isEmpty())
        next = hasAfter ? page.messages.constLast().id : page.messages.constFirst().id;
    return ApiResponse::list(request, data, limit, next, page.hasMore);
}

} // namespace Handlers

} // namespace CStar::DevServer
