// SPDX-License-Identifier: MIT
#pragma once

#include "message.h"
#include "unreadtracker.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

namespace CStar {

class ChatClient;

class UnreadTrackerPrivate
{
public:
    struct ReadState
    {
        QDateTime readAt; // the newest message read
        QString readId;
        int count = 0;
        QDateTime countedAt; // the newest message counted (so a second copy is not)
        QString countedId;
        QSet<QString> recent; // ids counted at countedAt, this run
    };

    void open();
    /// Reopens at `newPath` (ChatClient::setStorageDirectory).
    void moveTo(const QString &newPath);
    void load();
    /// Marks the ticket's state for the next flush: one transaction for a
    /// burst of messages instead of one synchronous write each on the GUI
    /// thread (bench: 0.1–2.5 ms per message).
    void store(const QString &ticketId, const ReadState &state);
    void flush();
    void onSessionChanged();
    bool afterMarker(const ReadState &state, const Message &m) const
    {
        return !state.readAt.isValid() || m.createdAt() > state.readAt;
    }
    bool alreadyCounted(const ReadState &state, const Message &m) const
    {
        if (!state.countedAt.isValid() || m.createdAt() > state.countedAt)
            return false;
        if (m.createdAt() < state.countedAt)
            return true;
        return m.id() == state.countedId || state.recent.contains(m.id());
    }

    UnreadTracker *q = nullptr;
    QPointer<ChatClient> client;
    QString path;
    QSqlDatabase db;
    QString scope;
    QHash<QString, ReadState> states;
    QSet<QString> dirty;
    QTimer *flushTimer = nullptr;
};

} // namespace CStar
