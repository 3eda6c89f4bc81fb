// SPDX-License-Identifier: MIT
// ChatClient's durable stores: the client owns its Outbox and UnreadTracker
// and says where they live, so no model has to find them (and none can open
// them somewhere else by being made first).
#include "chatclient.h"
#include "chatclient_p.h"

#include "localstorage_p.h"
#include "outbox.h"
#include "outbox_p.h"
#include "unreadtracker.h"
#include "unreadtracker_p.h"

namespace CStar {

QString ChatClient::storageDirectory() const
{
    return d->storageDirectory.isEmpty() ? LocalStorage::defaultDirectory() : d->storageDirectory;
}

void ChatClient::setStorageDirectory(const QString &directory)
{
    const QString before = storageDirectory();
    d->storageDirectory = directory;
    if (storageDirectory() == before)
        return;
    // Stores already open move, with what they hold: the data goes where
    // the client says, whoever opened them first.
    const QString path = LocalStorage::databasePath(storageDirectory());
    if (d->outbox)
        d->outbox->d->moveTo(path);
    if (d->unreadTracker)
        d->unreadTracker->d->moveTo(path);
    Q_EMIT storageDirectoryChanged();
}

Outbox *ChatClient::outbox() const
{
    if (!d->outbox) {
        auto *self = const_cast<ChatClient *>(this);
        d->outbox = new Outbox(self, LocalStorage::databasePath(storageDirectory()));
        connect(d->outbox, &QObject::destroyed, self, [this] { d->outbox = nullptr; });
    }
    return d->outbox;
}

UnreadTracker *ChatClient::unreadTracker() const
{
    if (!d->unreadTracker) {
        auto *self = const_cast<ChatClient *>(this);
        d->unreadTracker = new UnreadTracker(self, LocalStorage::databasePath(storageDirectory()));
        connect(d->unreadTracker, &QObject::destroyed, self,
                [this] { d->unreadTracker = nullptr; });
    }
    return d->unreadTracker;
}

} // namespace CStar
