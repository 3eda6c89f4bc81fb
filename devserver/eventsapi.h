// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"
#include "eventlog.h"

#include <QByteArray>

namespace CStar::DevServer {

struct ApiRequest;
struct Context;

/// GET /events and GET /events/poll for customers and agents (protocol §8,
/// §10; protocol-notes "Cursor before the first event", "Reset").
class EventsApi
{
public:
    explicit EventsApi(Context &context);

    /// The first bytes of a new stream: `retry:`, then the cursor line (no
    /// Last-Event-ID), the replay after Last-Event-ID, or a `reset`. With
    /// `replayFrom`, a replay is left to the caller (paged as the socket
    /// drains): *replayFrom is its cursor, or -1 when there is none.
    QByteArray streamPreamble(const ApiRequest &request, const Audience &audience,
                              qint64 *replayFrom = nullptr);
    ApiResponse poll(const ApiRequest &request, const Audience &audience);

private:
    Context &m_ctx;
};

} // namespace CStar::DevServer
