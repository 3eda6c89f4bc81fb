// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <memory>

namespace CStar {

class ChatClient;
class Message;
class Ticket;
class UnreadTrackerPrivate;

/// Unread counts and read markers per ticket, persisted (SQLite, next to the
/// outbox) per customer so they survive a restart. Messages from agents and
/// the system count; the customer's own never do. Shared by TicketsModel
/// (the unreadCount role) and MessagesModel (unreadCount, markRead()).
///
/// One tracker per client, owned by it: ChatClient::unreadTracker(), stored
/// in ChatClient::storageDirectory().
class CSTARCHAT_CORE_EXPORT UnreadTracker : public QObject
{
    Q_OBJECT
public:
    ~UnreadTracker() override;

    int unreadCount(const QString &ticketId) const;
    /// The newest message the customer has read (invalid: never read).
    QDateTime lastReadAt(const QString &ticketId) const;
    /// From someone else and newer than the read marker.
    bool isUnread(const Message &message) const;

    /// Counts a new message once (a second call for it changes nothing).
    /// Returns true when the count changed.
    bool noteMessage(const Message &message);
    /// A ticket summary from a list: its last message counts if unseen, so
    /// a ticket with news shows at least 1 after a restart.
    bool noteTicket(const Ticket &ticket);
    /// Recounts from the newest page of a ticket's messages (chronological);
    /// `hasOlder` says whether older messages exist beyond the page.
    void reconcile(const QString &ticketId, const QList<Message> &newest, bool hasOlder);
    /// Raises the count to `visible` (unread messages a model has seen, e.g.
    /// after paging back through a never-read history); never lowers it.
    void raiseCount(const QString &ticketId, int visible);
    /// Everything up to `newest` has been read: the count drops to 0.
    void markRead(const QString &ticketId, const Message &newest);
    /// Forgets the current customer's counts and markers (shared computers).
    void clearCurrentScope();

Q_SIGNALS:
    void unreadCountChanged(const QString &ticketId);
    void readMarkerChanged(const QString &ticketId);
    /// The customer changed or their state was wiped: every count may differ.
    void reloaded();

private:
    UnreadTracker(ChatClient *client, const QString &databasePath);

    friend class ChatClient; // makes it and moves it (storageDirectory)
    friend class UnreadTrackerPrivate;
    std::unique_ptr<UnreadTrackerPrivate> d;
};

} // namespace CStar
