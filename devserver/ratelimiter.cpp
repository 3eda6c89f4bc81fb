// SPDX-License-Identifier: MIT
#include "ratelimiter.h"

namespace CStar::DevServer {

RateLimiter::RateLimiter(int limit, int windowS)
    : m_limit(limit), m_windowMs(qint64(windowS) * 1000)
{ }

void RateLimiter::forgetFinished(qint64 nowMs)
{
    // Each start leaves the queue once, so this is O(1) amortised per hit.
    // Starts are queued in arrival order; a clock that stepped back only
    // delays an entry behind an older one, it never keeps one forever.
    while (!m_starts.empty() && nowMs - m_starts.front().startMs >= m_windowMs) {
        const Start &start = m_starts.front();
        const auto it = m_windows.constFind(start.caller);
        if (it != m_windows.cend() && it->startMs == start.startMs)
            m_windows.erase(it);
        m_starts.pop_front();
    }
}

RateLimiter::Window &RateLimiter::windowFor(const QByteArray &caller, qint64 nowMs)
{
    forgetFinished(nowMs);
    Window &w = m_windows[caller];
    if (w.startMs == 0 || nowMs - w.startMs >= m_windowMs) {
        w = Window {nowMs, 0};
        m_starts.push_back({nowMs, caller});
    }
    return w;
}

RateLimiter::Decision RateLimiter::decide(const Window &w, qint64 nowMs) const
{
    Decision d;
    d.limit = m_limit;
    d.windowS = int(m_windowMs / 1000);
    const qint64 resetMs = w.startMs + m_windowMs;
    d.resetAtS = (resetMs + 999) / 1000;
    d.allowed = w.count <= m_limit;
    d.remaining = qMax(0, m_limit - w.count);
    d.retryAfterS = int(qMax<qint64>(1, (resetMs - nowMs + 999) / 1000));
    return d;
}

RateLimiter::Decision RateLimiter::hit(const QByteArray &caller, qint64 nowMs)
{
    Window &w = windowFor(caller, nowMs);
    ++w.count;
    return decide(w, nowMs);
}

RateLimiter::Decision RateLimiter::peek(const QByteArray &caller, qint64 nowMs)
{
    return decide(windowFor(caller, nowMs), nowMs);
}

} // namespace CStar::DevServer
