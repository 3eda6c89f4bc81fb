// SPDX-License-Identifier: MIT
#pragma once

namespace CStar::DevServer {

class AttachmentStore;
class Database;
class EventLog;
class IdentityVerifier;
class Outbox;
class SessionStore;
class TicketStore;
class TypingLeases;
struct Options;

/// The services a request handler may use (owned by the server).
struct Context
{
    const Options &options;
    Database &db;
    SessionStore &sessions;
    TicketStore &tickets;
    EventLog &events;
    TypingLeases &typing;
    IdentityVerifier &identity;
    Outbox &outbox;
    AttachmentStore &files;
};

} // namespace CStar::DevServer
