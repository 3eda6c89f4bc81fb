// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"

#include <QString>

namespace CStar::DevServer {

struct ApiRequest;
struct Context;
struct Ticket;

/// The customer chat API under {base}/api/v1/chat/{teamSlug} (protocol §4–§7).
/// The dispatcher has authenticated `request.caller` and parsed the body.
class ChatApi
{
public:
    explicit ChatApi(Context &context);

    ApiResponse createSession(const ApiRequest &request);
    ApiResponse identify(const ApiRequest &request);
    ApiResponse deleteSession(const ApiRequest &request);
    ApiResponse createTicket(const ApiRequest &request);
    ApiResponse listTickets(const ApiRequest &request);
    ApiResponse getTicket(const ApiRequest &request);
    ApiResponse listMessages(const ApiRequest &request);
    ApiResponse postMessage(const ApiRequest &request);
    ApiResponse postTyping(const ApiRequest &request);

private:
    /// The caller's own ticket; another customer's is 404 too (protocol §2: never leak existence).
    Ticket ownTicket(const ApiRequest &request);

    Context &m_ctx;
};

/// Shared by the chat and agent APIs.
namespace Handlers {
/// A message's `content`: 1–10,000 characters, or empty with attachments (protocol §11).
QString messageContent(const QJsonObject &body, bool hasAttachments);
/// GET …/messages with before/after paging (protocol-notes "Message paging").
ApiResponse listMessages(Context &ctx, const ApiRequest &request, const Ticket &ticket,
                         bool agentView);
/// GET …/tickets with status/limit/cursor (protocol-notes "Ticket paging").
ApiResponse listTickets(Context &ctx, const ApiRequest &request, const QString &customerId);
} // namespace Handlers

} // namespace CStar::DevServer
