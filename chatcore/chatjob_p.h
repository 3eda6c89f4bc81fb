// SPDX-License-Identifier: MIT
#pragma once

#include "chatjob.h"

namespace CStar::Internal {

/// How the library (transport, client, models) completes the jobs it hands
/// out. Not installed: completion is not part of the API.
class JobAccess
{
public:
    /// Takes the success envelope; a job that cannot read it fails with a
    /// Protocol error.
    static void complete(ChatJob *job, const QJsonObject &envelope, int httpStatus)
    {
        job->complete(envelope, httpStatus);
    }
    static void fail(ChatJob *job, const ChatError &error) { job->fail(error); }
    /// Finishes successfully without an envelope (the result is already set).
    static void succeed(ChatJob *job) { job->settle({}); }
    static bool isAbandoned(const ChatJob *job) { return job->isAbandoned(); }
    static void adopt(ChatJob *job, ChatJob *sub, std::function<void()> handler)
    {
        job->adopt(sub, std::move(handler));
    }
};

} // namespace CStar::Internal
