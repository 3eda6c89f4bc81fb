// SPDX-License-Identifier: MIT
#pragma once

#include "typingnotifier.h"

#include <QElapsedTimer>
#include <QPointer>

class QTimer;

namespace CStar {

class TypingNotifierPrivate
{
public:
    void send(bool typing);
    void stop();

    TypingNotifier *q = nullptr;
    QPointer<ChatClient> client;
    QString ticketId;
    QTimer *pause = nullptr;
    QElapsedTimer lastTrue; // invalid until the first `true`
    bool typing = false;
};

} // namespace CStar
