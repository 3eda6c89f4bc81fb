// SPDX-License-Identifier: MIT
#include "messagesmodel.h"
#include "messagesmodel_p.h"

#include "modelfeed_p.h"
#include "outbox.h"
#include "typingusers_p.h"
#include "unreadtracker.h"

namespace CStar {

namespace {
constexpr int firstRole = MessagesModel::IdRole;
constexpr int lastRole = MessagesModel::UploadProgressRole;
} // namespace

MessagesModelPrivate::MessagesModelPrivate(MessagesModel *q)
    : q(q), feed(new ModelFeed(q)), typing(new TypingUsers(q)), history(this), echoes(this)
{ }

// ---- set-up -------------------------------------------------------------------

void MessagesModelPrivate::attachClient()
{
    ChatClient *client = feed->client();
    if (!client)
        return;
    echoes.setOutbox(client->outbox());
    tracker = client->unreadTracker();
    trackerConnections << QObject::connect(tracker, &UnreadTracker::unreadCountChanged, feed,
                                           [this](const QString &id) {
                                               if (id == ticketId)
                                                   syncUnreadCount();
                                           })
                       << QObject::connect(tracker, &UnreadTracker::readMarkerChanged, feed,
                                           [this](const QString &id) {
                                               if (id == ticketId)
                                                   updateFirstUnread();
                                           })
                       << QObject::connect(tracker, &UnreadTracker::reloaded, feed, [this] {
                              syncUnreadCount();
                              updateFirstUnread();
                          });
}

void MessagesModelPrivate::detachClient()
{
    for (const auto &c : std::as_const(trackerConnections))
        QObject::disconnect(c);
    trackerConnections.clear();
    echoes.setOutbox(nullptr);
    tracker = nullptr;
}

void MessagesModelPrivate::attachTicket()
{
    ChatClient *client = feed->client();
    if (!client || ticketId.isEmpty())
        return;
    feed->keep(client->onMessage(ticketId, feed, [this](const Message &m) { history.onLive(m); }));
    feed->keep(client->onTyping(ticketId, feed, [this](const TypingEvent &e) {
        typing->apply(e, feed->client() ? feed->client()->transportOptions().typingLeaseMs : 6000);
    }));
    syncUnreadCount();
    history.scheduleLoad();
}

void MessagesModelPrivate::detachTicket()
{
    feed->nextGeneration();
    feed->unsubscribeAll();
    history.drop();
    clearRows();
    typing->clear();
    feed->resetState();
    syncUnreadCount();
}

// ---- rows ---------------------------------------------------------------------

void MessagesModelPrivate::appendRow(const Row &row)
{
    const int position = rows.size();
    q->beginInsertRows(QModelIndex(), position, position);
    rows.append(row);
    q->endInsertRows();
    Q_EMIT q->countChanged();
}

void MessagesModelPrivate::prependRows(const QList<Row> &fresh)
{
    if (fresh.isEmpty())
        return;
    const int k = int(fresh.size());
    const bool hadRows = !rows.isEmpty();
    q->beginInsertRows(QModelIndex(), 0, k - 1);
    rows.prepend(fresh);
    q->endInsertRows();
    Q_EMIT q->countChanged();
    // The old first row had showSender = true by position; it may not now.
    if (hadRows && !rows.showSender(k))
        Q_EMIT q->dataChanged(q->index(k), q->index(k), {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::insertServerRow(const Row &row)
{
    // Echoes still on their way stay at the bottom (as the user wrote them
    // last); a message the server already has goes above them, in server order.
    const int position = rows.firstPendingAtEnd();
    if (position == rows.size()) {
        appendRow(row);
        return;
    }
    const bool nextShowed = rows.showSender(position);
    q->beginInsertRows(QModelIndex(), position, position);
    rows.insert(position, row);
    q->endInsertRows();
    Q_EMIT q->countChanged();
    if (rows.showSender(position + 1) != nextShowed)
        Q_EMIT q->dataChanged(q->index(position + 1), q->index(position + 1),
                              {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::replaceWithServer(int row, const Message &message)
{
    const auto values = [this, row] {
        return ModelFeed::snapshot(firstRole, lastRole,
                                   [this, row](int role) { return roleValue(row, role); });
    };
    const QList<QVariant> before = values();
    const bool hasNext = row + 1 < rows.size();
    const bool nextShowed = hasNext && rows.showSender(row + 1);
    rows.replace(row, rows.serverRow(message));
    const QList<int> roles =
        ModelFeed::changedRoles(before, values(), firstRole, MessagesModel::ContentRole);
    if (!roles.isEmpty())
        Q_EMIT q->dataChanged(q->index(row), q->index(row), roles);
    if (hasNext && rows.showSender(row + 1) != nextShowed)
        Q_EMIT q->dataChanged(q->index(row + 1), q->index(row + 1),
                              {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::setRowState(int row, DeliveryState state)
{
    if (rows.at(row).state == state)
        return;
    rows.setState(row, state);
    Q_EMIT q->dataChanged(q->index(row), q->index(row), {MessagesModel::DeliveryStateRole});
}

void MessagesModelPrivate::removeRowAt(int row)
{
    if (row < 0 || row >= rows.size())
        return;
    const bool nextShowed = row + 1 < rows.size() && rows.showSender(row + 1);
    q->beginRemoveRows(QModelIndex(), row, row);
    rows.removeAt(row);
    q->endRemoveRows();
    Q_EMIT q->countChanged();
    if (row < rows.size() && rows.showSender(row) != nextShowed)
        Q_EMIT q->dataChanged(q->index(row), q->index(row), {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::clearRows()
{
    if (rows.isEmpty())
        return;
    q->beginRemoveRows(QModelIndex(), 0, rows.size() - 1);
    rows.clear();
    q->endRemoveRows();
    firstUnreadId.clear();
    visibleUnread = 0;
    Q_EMIT q->countChanged();
}

void MessagesModelPrivate::applyServerMessage(const Message &message)
{
    if (message.isInternal() || message.id().isEmpty())
        return;
    if (!message.ticketId().isEmpty() && message.ticketId() != ticketId)
        return;
    if (rows.findId(message.id()) >= 0)
        return; // the second copy (response vs. stream, replay, catch-up)
    typing->messageFrom(message.senderRole(), message.senderName());
    if (echoes.absorb(message))
        return;
    if (tracker) {
        tracker->noteMessage(message);
        if (tracker->isUnread(message)) {
            ++visibleUnread;
            if (firstUnreadId.isEmpty())
                setFirstUnread(message.id()); // before the insert: no extra signal
        }
    }
    insertServerRow(rows.serverRow(message));
}

// ---- unread ---------------------------------------------------------------------

void MessagesModelPrivate::updateFirstUnread()
{
    const QDateTime readAt = tracker ? tracker->lastReadAt(ticketId) : QDateTime();
    QString first;
    int count = 0;
    if (tracker) {
        // Walk back from the newest until the read marker: O(unread).
        for (int row = rows.size() - 1; row >= 0; --row) {
            const Row &r = rows.at(row);
            if (r.state != DeliveryState::Sent)
                continue;
            if (readAt.isValid() && r.message.createdAt() <= readAt)
                break;
            if (tracker->isUnread(r.message)) {
                first = r.message.id();
                ++count;
            }
        }
    }
    visibleUnread = count;
    setFirstUnread(first);
}

void MessagesModelPrivate::setFirstUnread(const QString &id)
{
    if (id == firstUnreadId)
        return;
    const int oldRow = rows.findId(firstUnreadId);
    firstUnreadId = id;
    const int newRow = rows.findId(id);
    for (int row : {oldRow, newRow}) {
        if (row >= 0)
            Q_EMIT q->dataChanged(q->index(row), q->index(row), {MessagesModel::IsFirstUnreadRole});
    }
}

void MessagesModelPrivate::noteOlderRows(const QList<Row> &older)
{
    // Older rows can only move the first unread message up, and reveal
    // unread messages of a never-read history.
    if (!tracker)
        return;
    int revealed = 0;
    QString first;
    for (const Row &r : older) {
        if (tracker->isUnread(r.message)) {
            ++revealed;
            if (first.isEmpty())
                first = r.message.id();
        }
    }
    if (revealed > 0) {
        setFirstUnread(first);
        visibleUnread += revealed;
        tracker->raiseCount(ticketId, visibleUnread);
    }
}

void MessagesModelPrivate::syncUnreadCount()
{
    const int value = tracker && !ticketId.isEmpty() ? tracker->unreadCount(ticketId) : 0;
    if (value == unread)
        return;
    unread = value;
    Q_EMIT q->unreadCountChanged();
}

// ---- MessagesModel ----------------------------------------------------------------

MessagesModel::MessagesModel(QObject *parent)
    : QAbstractListModel(parent), d(new MessagesModelPrivate(this))
{
    d->feed->setPageSize(50);
    connect(d->feed, &ModelFeed::loadingChanged, this, &MessagesModel::loadingChanged);
    connect(d->feed, &ModelFeed::errorChanged, this, &MessagesModel::errorChanged);
    connect(d->feed, &ModelFeed::hasMoreChanged, this, &MessagesModel::hasMoreChanged);
    connect(d->feed, &ModelFeed::canPageChanged, this, &MessagesModel::canFetchOlderChanged);
    connect(d->feed, &ModelFeed::resyncRequested, this, [this] { d->history.resync(); });
    connect(d->typing, &TypingUsers::namesChanged, this, &MessagesModel::typingUsersChanged);
}

MessagesModel::MessagesModel(ChatClient *client, const QString &ticketId, QObject *parent)
    : MessagesModel(parent)
{
    setClient(client);
    setTicketId(ticketId);
}

MessagesModel::~MessagesModel()
{
    d->detachClient();
    d->feed->unsubscribeAll();
}

ChatClient *MessagesModel::client() const
{
    return d->feed->client();
}

void MessagesModel::setClient(ChatClient *client)
{
    if (client == d->feed->client())
        return;
    d->detachTicket();
    d->detachClient();
    d->feed->setClient(client);
    d->attachClient();
    d->attachTicket();
    Q_EMIT clientChanged();
}

QString MessagesModel::ticketId() const
{
    return d->ticketId;
}

void MessagesModel::setTicketId(const QString &ticketId)
{
    if (ticketId == d->ticketId)
        return;
    d->detachTicket();
    d->ticketId = ticketId;
    d->attachTicket();
    Q_EMIT ticketIdChanged();
}

bool MessagesModel::isLoading() const
{
    return d->feed->isLoading();
}

ChatError MessagesModel::error() const
{
    return d->feed->error();
}

bool MessagesModel::hasMore() const
{
    return d->feed->hasMore();
}

bool MessagesModel::canFetchOlder() const
{
    return d->feed->canPage();
}

void MessagesModel::fetchOlder()
{
    d->history.fetchOlder();
}

QStringList MessagesModel::typingUsers() const
{
    return d->typing->names();
}

int MessagesModel::unreadCount() const
{
    return d->unread;
}

int MessagesModel::pageSize() const
{
    return d->feed->pageSize();
}

void MessagesModel::setPageSize(int size)
{
    if (d->feed->setPageSize(size)) // protocol-notes "Message paging"
        Q_EMIT pageSizeChanged();
}

int MessagesModel::count() const
{
    return d->rows.size();
}

int MessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : d->rows.size();
}

QVariant MessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return d->roleValue(index.row(), role);
}

Message MessagesModel::message(int row) const
{
    return row >= 0 && row < d->rows.size() ? d->rows.at(row).message : Message();
}

DeliveryState MessagesModel::deliveryState(int row) const
{
    return row >= 0 && row < d->rows.size() ? d->rows.at(row).state : DeliveryState::Sent;
}

int MessagesModel::rowOfId(const QString &messageId) const
{
    return d->rows.findId(messageId);
}

int MessagesModel::rowOfClientMessageId(const QString &clientMessageId) const
{
    return d->rows.findClientId(clientMessageId);
}

QString MessagesModel::send(const QString &text)
{
    return d->echoes.send(text, {});
}

QString MessagesModel::send(const QString &text, const QList<OutgoingAttachment> &attachments)
{
    return d->echoes.send(text, attachments);
}

QString MessagesModel::sendWithAttachments(const QString &text, const QVariantList &attachments)
{
    return d->echoes.send(text, EchoReconciler::filesOf(attachments));
}

bool MessagesModel::cancel(int row)
{
    return d->echoes.cancel(row);
}

bool MessagesModel::retry(int row)
{
    return d->echoes.retry(row);
}

bool MessagesModel::discard(int row)
{
    return d->echoes.discard(row);
}

void MessagesModel::markRead()
{
    if (d->tracker && !d->ticketId.isEmpty())
        d->tracker->markRead(d->ticketId, d->rows.newestServerMessage());
}

void MessagesModel::reload()
{
    if (!d->feed->client() || d->ticketId.isEmpty())
        return;
    d->feed->nextGeneration();
    d->history.drop();
    d->clearRows();
    d->feed->setHasMore(false);
    d->history.load();
}

} // namespace CStar
