// SPDX-License-Identifier: MIT
#include "ratelimiter.h"

namespace CStar::DevServer {

RateLimiter::RateLimiter(int limit, int windowS)
    : m_limit(limit), m_windowMs(qint64(windowS) * 1000)
{ }

RateLimiter::Window &RateLimiter::windowFor(const QByteArray &caller, qint64 nowMs)
{
    // Forget finished windows now and then so the table cannot grow without bound.
    if (m_windows.size() > 10000) {
        m_windows.removeIf([&](const QHash<QByteArray, Window>::iterator &it) {
            return nowMs - it.value().startMs >= m_windowMs;
        });
    }
    Window &w = m_windows[caller];
    if (w.startMs == 0 || nowMs - w.startMs >= m_windowMs)
        w = Window {nowMs, 0};
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
