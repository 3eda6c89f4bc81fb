// SPDX-License-Identifier: MIT
#pragma once

#include "message.h"
#include "page.h"

#include <QList>

namespace CStar {

class ChatError;
class MessagesModelPrivate;

/// Fills a MessagesModel from the server: the newest page when a ticket is
/// opened (live messages that arrive meanwhile wait for it), older pages on
/// fetchOlder(), and after a §8 `reset` or a replaced session a catch-up from
/// the newest row instead of dropping what is shown.
class HistoryLoader
{
public:
    explicit HistoryLoader(MessagesModelPrivate *d) : d(d) { }

    /// Loads the newest page on the next turn of the event loop (so pageSize
    /// and friends set right after ticketId still apply).
    void scheduleLoad();
    void load();
    void fetchOlder();
    void resync();
    /// A live message: applied now, or after the first page.
    void onLive(const Message &message);
    /// Forgets messages waiting for a page that will not come.
    void drop() { m_pendingLive.clear(); }

private:
    /// Asks for the page before `before` (the newest without it); the answer
    /// goes to `apply` or `fail` unless the model moved on meanwhile.
    void requestPage(const QString &before, void (HistoryLoader::*apply)(const MessagePage &),
                     void (HistoryLoader::*fail)(const ChatError &));
    void applyFirstPage(const MessagePage &page);
    void applyOlderPage(const MessagePage &page);
    void loadFailed(const ChatError &error);
    void olderFailed(const ChatError &error);
    void catchUp(const QString &after, quint64 generation);

    MessagesModelPrivate *d;
    bool m_loadQueued = false;
    QList<Message> m_pendingLive; // server messages that arrived during the first load
};

} // namespace CStar
