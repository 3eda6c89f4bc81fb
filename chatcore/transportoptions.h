// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QMetaType>
#include <QtGlobal>

namespace CStar {

/// Every timer and limit of the protocol, with the protocol's defaults
/// (§3 retries, §7 typing, §9 transport). Tests shrink them to milliseconds.
struct CSTARCHAT_CORE_EXPORT TransportOptions
{
    Q_GADGET
    Q_PROPERTY(int requestTimeoutMs MEMBER requestTimeoutMs)
    Q_PROPERTY(int maxRetries MEMBER maxRetries)
public:
    // §3 REST
    int requestTimeoutMs = 30000;
    int maxRetries = 3; ///< retries after the first attempt
    int retryBaseDelayMs = 500; ///< 500 ms, 1 s, 2 s, 4 s …
    int retryMaxDelayMs = 8000;
    int retryJitterMs = 200; ///< plus 0–200 ms
    int defaultRetryAfterS = 60; ///< 429 without Retry-After
    int maxRetryAfterS = 120; ///< a longer Retry-After fails at once with RateLimit
    qint64 maxResponseBytes = 16 * 1024 * 1024; ///< a larger body is a Protocol error

    // §9 realtime
    int firstByteTimeoutMs = 10000; ///< no byte within this → buffering proxy → poll
    int silenceTimeoutMs = 45000; ///< 3 missed pings = stream lost
    int streamRetryIntervalMs = 60000; ///< while polling after a fallback, try the stream again
    int streamRetryMaxIntervalMs = 600000; ///< …backing off up to this
    int reconnectDelayMs = 3000; ///< backoff base until the server's `retry:` says otherwise
    int reconnectMaxDelayMs = 30000; ///< cap of the exponential backoff (full jitter)
    int pollErrorMaxDelayMs = 60000; ///< cap of the backoff after failed polls
    qsizetype maxEventBytes = 1024 * 1024; ///< one SSE event

    // §7 typing
    int typingLeaseMs = 6000;
    int typingResendMs = 3000;
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::TransportOptions)
