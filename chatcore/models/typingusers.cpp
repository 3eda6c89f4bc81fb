// SPDX-License-Identifier: MIT
#include "typingusers_p.h"

#include <QTimer>

#include <algorithm>

namespace CStar {

namespace {

QString typistKey(const QString &sender, const QString &name)
{
    return sender + QLatin1Char('/') + name;
}

} // namespace

TypingUsers::TypingUsers(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TypingUsers::expire);
}

void TypingUsers::apply(const TypingEvent &event, int defaultLeaseMs)
{
    // The customer's own other devices: not someone to show as typing.
    if (event.sender == QLatin1String("customer"))
        return;
    const QString key = typistKey(event.sender, event.senderName);
    if (event.isTyping) {
        Typist &t = m_typists[key];
        if (t.order == 0)
            t.order = ++m_order;
        t.name = event.senderName.isEmpty() ? event.sender : event.senderName;
        // A lease (protocol §7): gone after expiresInMs unless renewed.
        t.deadline = QDeadlineTimer(event.expiresInMs > 0 ? event.expiresInMs : defaultLeaseMs);
    } else {
        m_typists.remove(key);
    }
    expire();
}

void TypingUsers::messageFrom(const QString &senderRole, const QString &senderName)
{
    if (m_typists.remove(typistKey(senderRole, senderName)))
        expire();
}

void TypingUsers::clear()
{
    if (m_typists.isEmpty())
        return;
    m_typists.clear();
    expire();
}

void TypingUsers::expire()
{
    QList<Typist> live;
    for (auto it = m_typists.begin(); it != m_typists.end();) {
        if (it->deadline.hasExpired()) {
            it = m_typists.erase(it);
        } else {
            live.append(*it);
            ++it;
        }
    }
    std::sort(live.begin(), live.end(),
              [](const Typist &a, const Typist &b) { return a.order < b.order; });
    QStringList names;
    qint64 soonest = -1;
    for (const Typist &t : std::as_const(live)) {
        if (!names.contains(t.name))
            names.append(t.name);
        const qint64 remaining = t.deadline.remainingTime();
        if (soonest < 0 || remaining < soonest)
            soonest = remaining;
    }
    // One timer, on the soonest expiry.
    if (soonest >= 0)
        m_timer->start(int(qMax<qint64>(1, soonest)));
    else
        m_timer->stop();
    if (names != m_names) {
        m_names = names;
        Q_EMIT namesChanged();
    }
}

} // namespace CStar
