// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"

namespace CStar::DevServer {

struct ApiRequest;
struct Context;
struct Ticket;

/// The agent (admin) subset under {base}/api/v1/teams/{teamId} (protocol §10).
/// Publishable-key writes are refused by the dispatcher before these run.
class AgentApi
{
public:
    explicit AgentApi(Context &context);

    ApiResponse listTickets(const ApiRequest &request);
    ApiResponse getTicket(const ApiRequest &request);
    ApiResponse patchTicket(const ApiRequest &request);
    ApiResponse listMessages(const ApiRequest &request);
    ApiResponse postMessage(const ApiRequest &request);
    ApiResponse postTyping(const ApiRequest &request);

private:
    Ticket ticket(const ApiRequest &request);

    Context &m_ctx;
};

} // namespace CStar::DevServer
