// SPDX-License-Identifier: MIT
#include "typingnotifier.h"
#include "typingnotifier_p.h"

#include "chatclient.h"

#include <QTimer>

namespace CStar {

void TypingNotifierPrivate::send(bool value)
{
    if (!client || ticketId.isEmpty())
        return;
    if (value) {
        // §7: re-send `true` at most every typingResendMs while typing
        // (the client throttles too; this saves creating a job per keystroke).
        const int resendMs = client->transportOptions().typingResendMs;
        if (typing && lastTrue.isValid() && lastTrue.elapsed() < resendMs)
            return;
        lastTrue.start();
    }
    client->sendTyping(ticketId, value);
    if (typing != value) {
        typing = value;
        Q_EMIT q->typingChanged();
    }
}

void TypingNotifierPrivate::stop()
{
    pause->stop();
    if (typing)
        send(false);
    lastTrue.invalidate();
}

TypingNotifier::TypingNotifier(QObject *parent) : QObject(parent), d(new TypingNotifierPrivate)
{
    d->q = this;
    d->pause = new QTimer(this);
    d->pause->setSingleShot(true);
    d->pause->setInterval(3000);
    connect(d->pause, &QTimer::timeout, this, [this] { d->stop(); });
}

TypingNotifier::TypingNotifier(ChatClient *client, const QString &ticketId, QObject *parent)
    : TypingNotifier(parent)
{
    d->client = client;
    d->ticketId = ticketId;
}

TypingNotifier::~TypingNotifier()
{
    d->stop(); // do not leave a lease running for up to 6 s
}

ChatClient *TypingNotifier::client() const
{
    return d->client;
}

void TypingNotifier::setClient(ChatClient *client)
{
    if (client == d->client)
        return;
    d->stop();
    d->client = client;
    Q_EMIT clientChanged();
}

QString TypingNotifier::ticketId() const
{
    return d->ticketId;
}

void TypingNotifier::setTicketId(const QString &ticketId)
{
    if (ticketId == d->ticketId)
        return;
    d->stop();
    d->ticketId = ticketId;
    Q_EMIT ticketIdChanged();
}

int TypingNotifier::pauseMs() const
{
    return d->pause->interval();
}

void TypingNotifier::setPauseMs(int ms)
{
    ms = qMax(1, ms);
    if (ms == d->pause->interval())
        return;
    d->pause->setInterval(ms);
    Q_EMIT pauseMsChanged();
}

bool TypingNotifier::isTyping() const
{
    return d->typing;
}

void TypingNotifier::textChanged(const QString &text)
{
    if (text.isEmpty()) { // cleared
        d->stop();
        return;
    }
    d->send(true);
    d->pause->start();
}

void TypingNotifier::messageSent()
{
    d->stop();
}

void TypingNotifier::focusLost()
{
    d->stop();
}

void TypingNotifier::setActive(bool active)
{
    if (!active)
        d->stop();
}

} // namespace CStar
