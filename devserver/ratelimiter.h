// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>

#include <deque>

namespace CStar::DevServer {

/// Fixed-window request counter per caller (protocol-notes "Rate limits").
/// In memory: a restart forgets the windows, which is fine for a dev server.
/// hit() is O(1) amortised however many callers there are: finished windows
/// leave through a queue in the order they started, never by a table scan.
class RateLimiter
{
public:
    RateLimiter(int limit, int windowS);

    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        qint64 resetAtS = 0; ///< unix seconds when the window ends
        int windowS = 0;
        int retryAfterS = 0; ///< when !allowed
    };

    /// Counts one request of `caller`.
    Decision hit(const QByteArray &caller, qint64 nowMs);
    /// The state without counting (for exempt requests).
    Decision peek(const QByteArray &caller, qint64 nowMs);

    /// Callers with a window still held in memory (tests).
    qsizetype trackedCallers() const { return m_windows.size(); }

private:
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
    };
    struct Start
    {
        qint64 startMs;
        QByteArray caller;
    };
    Decision decide(const Window &window, qint64 nowMs) const;
    Window &windowFor(const QByteArray &caller, qint64 nowMs);
    void forgetFinished(qint64 nowMs);

    int m_limit;
    qint64 m_windowMs;
    QHash<QByteArray, Window> m_windows;
    // Every window start, oldest first. An entry whose caller has started a
    // newer window since is stale and skipped when it leaves.
    std::deque<Start> m_starts;
};

} // namespace CStar::DevServer
