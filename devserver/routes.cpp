// SPDX-License-Identifier: MIT
// Every endpoint of the server in one table: method, path pattern, who may
// call it, how the pipeline treats it, and its handler.
#include "server_p.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

// A handler that neither opens a stream nor cares whether it could.
template<typename Api>
Route::Handler call(Api &api, ApiResponse (Api::*method)(const ApiRequest &))
{
    return [&api, method](ApiRequest &request, EventStream **) { return (api.*method)(request); };
}

} // namespace

QList<Route> ServerPrivate::routes()
{
    // Chat root {base}/api/v1/chat/{teamSlug} (docs/protocol-notes.md "Routes").
    const QString chatRoot = u"/api/v1/chat/{}"_s;
    // Agent root {base}/api/v1/teams/{teamId} (protocol §10).
    const QString agentRoot = u"/api/v1/teams/{}"_s;
    const auto stream = [this](ApiRequest &request, EventStream **s) {
        return openStream(request, s);
    };
    const auto customerPoll = [this](ApiRequest &request, EventStream **) {
        return eventsApi.poll(request, Audience::forCustomer(request.caller.customerId));
    };
    const auto agentPoll = [this](ApiRequest &request, EventStream **) {
        return eventsApi.poll(request, Audience::forAgent());
    };
    const auto devControlHandler = [this](ApiRequest &request, EventStream **) {
        return control(request);
    };
    const auto upload = [this](ApiRequest &request, EventStream **) {
        return attachmentsApi.upload(request);
    };
    const auto download = [this](ApiRequest &request, EventStream **) {
        return attachmentsApi.download(request);
    };
    using F = Route;
    return {
        // protocol §4–§8
        {"POST", chatRoot + "/sessions"_L1, Auth::None, F::FreshAnswer,
         call(chat, &ChatApi::createSession)},
        {"POST", chatRoot + "/identify"_L1, Auth::OptionalSession, F::FreshAnswer,
         call(chat, &ChatApi::identify)},
        {"DELETE", chatRoot + "/session"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::deleteSession)},
        {"POST", chatRoot + "/tickets"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::createTicket)},
        {"GET", chatRoot + "/tickets"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::listTickets)},
        {"GET", chatRoot + "/tickets/{}"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::getTicket)},
        {"GET", chatRoot + "/tickets/{}/messages"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::listMessages)},
        {"POST", chatRoot + "/tickets/{}/messages"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::postMessage)},
        {"POST", chatRoot + "/tickets/{}/typing"_L1, Auth::Session, F::NoFlags,
         call(chat, &ChatApi::postTyping)},
        {"GET", chatRoot + "/events"_L1, Auth::Session, F::Stream, stream},
        {"GET", chatRoot + "/events/poll"_L1, Auth::Session, F::NoFlags, customerPoll},
        // protocol §11 (anonymous sessions may upload)
        {"POST", chatRoot + "/uploads"_L1, Auth::Session, F::RawBody, upload},
        {"GET", chatRoot + "/attachments/{}"_L1, Auth::Session, F::NoFlags, download},
        // protocol §10
        {"GET", agentRoot + "/tickets"_L1, Auth::AgentRead, F::NoFlags,
         call(agent, &AgentApi::listTickets)},
        {"GET", agentRoot + "/tickets/{}"_L1, Auth::AgentRead, F::NoFlags,
         call(agent, &AgentApi::getTicket)},
        {"PATCH", agentRoot + "/tickets/{}"_L1, Auth::AgentWrite, F::NoFlags,
         call(agent, &AgentApi::patchTicket)},
        {"GET", agentRoot + "/tickets/{}/messages"_L1, Auth::AgentRead, F::NoFlags,
         call(agent, &AgentApi::listMessages)},
        {"POST", agentRoot + "/tickets/{}/messages"_L1, Auth::AgentWrite, F::NoFlags,
         call(agent, &AgentApi::postMessage)},
        {"POST", agentRoot + "/tickets/{}/typing"_L1, Auth::AgentWrite, F::NoFlags,
         call(agent, &AgentApi::postTyping)},
        {"GET", agentRoot + "/events"_L1, Auth::AgentRead, F::Stream, stream},
        {"GET", agentRoot + "/events/poll"_L1, Auth::AgentRead, F::NoFlags, agentPoll},
        {"POST", agentRoot + "/uploads"_L1, Auth::AgentWrite, F::RawBody, upload},
        {"GET", agentRoot + "/attachments/{}"_L1, Auth::AgentRead, F::NoFlags, download},
        // devserver/README.md "Dev control"
        {"POST", u"/api/v1/_dev/control"_s, Auth::Control, F::Control, devControlHandler},
    };
}

} // namespace CStar::DevServer
