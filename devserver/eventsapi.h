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
    /// Last-Event-ID), the replay after Last-Event-ID, or a `reset`.
    QByteArray streamPreamble(const ApiRequest &request, const Audience &audience);
    ApiResponse poll(const ApiRequest &request, const Audience &audience);

private:
    Context &m_ctx;
};

} // namespace CStar::DevServer
