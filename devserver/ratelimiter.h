// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>

namespace CStar::DevServer {

/// Fixed-window request counter per caller (protocol-notes "Rate limits").
/// In memory: a restart forgets the windows, which is fine for a dev server.
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

private:
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
    };
    Decision decide(const Window &window, qint64 nowMs) const;
    Window &windowFor(const QByteArray &caller, qint64 nowMs);

    int m_limit;
    qint64 m_windowMs;
    QHash<QByteArray, Window> m_windows;
};

} // namespace CStar::DevServer
