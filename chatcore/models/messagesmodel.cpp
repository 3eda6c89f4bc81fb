// SPDX-License-Identifier: MIT
#include "messagesmodel.h"
#include "messagesmodel_p.h"

#include "localstorage_p.h"
#include "logging_p.h"
#include "outbox.h"
#include "unreadtracker.h"

#include <QSet>
#include <QTimer>

#include <algorithm>

namespace CStar {

namespace {

constexpr int firstRole = MessagesModel::IdRole;
constexpr int lastRole = MessagesModel::MessageRole;
constexpr int catchUpPageSize = 100;

QString dayOf(const QDateTime &createdAt)
{
    if (!createdAt.isValid())
        return QString();
    // toLocalTime() makes glibc re-check the time zone on every call (a stat
    // per message in the bench); messages come in runs of the same day, so
    // remember the last local day as a UTC interval and reuse its string.
    struct Day
    {
        qint64 startMs = 1;
        qint64 endMs = 0;
        QString text;
    };
    static thread_local Day last;
    const qint64 ms = createdAt.toMSecsSinceEpoch();
    if (ms >= last.startMs && ms < last.endMs)
        return last.text;
    const QDate date = createdAt.toLocalTime().date();
    last.startMs = date.startOfDay().toMSecsSinceEpoch();
    last.endMs = date.addDays(1).startOfDay().toMSecsSinceEpoch();
    last.text = date.toString(Qt::ISODate);
    return last.text;
}

bool clearsConversation(const ChatError &error)
{
    // The ticket is not (or no longer) this session's: do not keep showing it.
    switch (error.kind()) {
    case ChatError::Kind::AuthRequired:
    case ChatError::Kind::Authentication:
    case ChatError::Kind::Permission:
    case ChatError::Kind::NotFound:
        return true;
    default:
        return false;
    }
}

QString typistKey(const QString &sender, const QString &name)
{
    return sender + QLatin1Char('/') + name;
}

} // namespace

// ---- set-up -------------------------------------------------------------------

void MessagesModelPrivate::attachClient()
{
    if (!client)
        return;
    outbox = Outbox::forClient(client);
    tracker = UnreadTracker::forClient(client);
    knownToken = client->sessionToken();
    clientConnections << QObject::connect(client, &ChatClient::resyncRequired, q,
                                          [this] { scheduleResync(); })
                      << QObject::connect(client, &ChatClient::sessionChanged, q,
                                          [this] {
                                              // A replaced (not a first) session may not
                                              // see this ticket any more, or see more.
                                              const QString token = client->sessionToken();
                                              if (!knownToken.isEmpty() && token != knownToken)
                                                  scheduleResync();
                                              knownToken = token;
                                          })
                      << QObject::connect(outbox, &Outbox::entryAdded, q,
                                          [this](const OutboxEntry &e) { onEntryAdded(e); })
                      << QObject::connect(outbox, &Outbox::entryChanged, q,
                                          [this](const OutboxEntry &e) { onEntryChanged(e); })
                      << QObject::connect(outbox, &Outbox::entryDelivered, q,
                                          [this](const OutboxEntry &e, const Message &m) {
                                              onEntryDelivered(e, m);
                                          })
                      << QObject::connect(outbox, &Outbox::entryRemoved, q,
                                          [this](const OutboxEntry &e) { onEntryRemoved(e); })
                      << QObject::connect(outbox, &Outbox::entriesReloaded, q,
                                          [this] { onEntriesReloaded(); })
                      << QObject::connect(tracker, &UnreadTracker::unreadCountChanged, q,
                                          [this](const QString &id) {
                                              if (id == ticketId)
                                                  syncUnreadCount();
                                          })
                      << QObject::connect(tracker, &UnreadTracker::readMarkerChanged, q,
                                          [this](const QString &id) {
                                              if (id == ticketId)
                                                  updateFirstUnread();
                                          })
                      << QObject::connect(tracker, &UnreadTracker::reloaded, q, [this] {
                             syncUnreadCount();
                             updateFirstUnread();
                         });
}

void MessagesModelPrivate::detachClient()
{
    for (const auto &c : std::as_const(clientConnections))
        QObject::disconnect(c);
    clientConnections.clear();
    outbox = nullptr;
    tracker = nullptr;
}

void MessagesModelPrivate::attachTicket()
{
    if (!client || ticketId.isEmpty())
        return;
    subscriptions << client->onMessage(ticketId, q, [this](const Message &m) { onLiveMessage(m); })
                  << client->onTyping(ticketId, q, [this](const TypingEvent &e) { onTyping(e); });
    syncUnreadCount();
    scheduleLoad();
}

void MessagesModelPrivate::detachTicket()
{
    ++generation;
    if (client) {
        for (quint64 id : std::as_const(subscriptions))
            client->unsubscribe(id);
    }
    subscriptions.clear();
    pendingLive.clear();
    clearRows();
    firstUnreadId.clear();
    if (!typists.isEmpty()) {
        typists.clear();
        expireTyping();
    }
    setHasMore(false);
    setLoading(false, false);
    setError(ChatError());
    syncUnreadCount();
}

void MessagesModelPrivate::scheduleLoad()
{
    setLoading(true, false); // from now on, for UIs and for deferring live messages
    if (loadQueued)
        return;
    loadQueued = true;
    // Queued, so pageSize and friends set right after ticketId still apply.
    QMetaObject::invokeMethod(
        q, [this] { load(); }, Qt::QueuedConnection);
}

void MessagesModelPrivate::load()
{
    loadQueued = false;
    if (!client || ticketId.isEmpty()) {
        setLoading(false, false);
        return;
    }
    const quint64 gen = ++generation;
    pendingLive.clear();
    addMissingEchoes(); // unsent messages show at once, before the page arrives
    setLoading(true, false);
    MessageListOptions options;
    options.limit = pageSize;
    client->messages()
        .list(ticketId, options)
        ->then(
            q,
            [this, gen](const MessagePage &page) {
                if (gen == generation)
                    applyFirstPage(page);
            },
            [this, gen](const ChatError &e) {
                if (gen == generation)
                    loadFailed(e);
            });
}

void MessagesModelPrivate::applyFirstPage(const MessagePage &page)
{
    // Only local echoes can be here: server messages wait in pendingLive.
    QList<Row> fresh;
    QList<Message> echoed;
    for (const Message &m : page.data) {
        if (m.isInternal() || findId(m.id()) >= 0)
            continue;
        if (!m.clientMessageId().isEmpty() && findClientId(m.clientMessageId()) >= 0)
            echoed.append(m);
        else
            fresh.append(serverRow(m));
    }
    if (tracker)
        tracker->reconcile(ticketId, page.data, page.hasMore);
    prependRows(fresh);
    for (const Message &m : std::as_const(echoed)) {
        replaceWithServer(findClientId(m.clientMessageId()), m);
        if (outbox)
            outbox->acknowledge(m); // sent before a crash: it made it after all
    }
    setHasMore(page.hasMore);
    setError(ChatError());
    setLoading(false, false);
    updateFirstUnread();
    const QList<Message> live = std::exchange(pendingLive, {});
    for (const Message &m : live)
        applyServerMessage(m);
}

void MessagesModelPrivate::loadFailed(const ChatError &e)
{
    qCDebug(lcModels) << "messages: loading" << ticketId << "failed:" << e.toString();
    pendingLive.clear();
    if (clearsConversation(e))
        clearRows();
    setError(e);
    setLoading(false, false);
}

void MessagesModelPrivate::fetchOlder()
{
    if (!client || !hasMore || loading || loadingMore)
        return;
    const QString before = oldestServerId();
    if (before.isEmpty())
        return;
    const quint64 gen = generation;
    setLoading(false, true);
    MessageListOptions options;
    options.limit = pageSize;
    options.before = before;
    client->messages()
        .list(ticketId, options)
        ->then(
            q,
            [this, gen](const MessagePage &page) {
                if (gen != generation)
                    return;
                QList<Row> fresh;
                for (const Message &m : page.data) {
                    if (m.isInternal() || findId(m.id()) >= 0)
                        continue;
                    const int echo =
                        m.clientMessageId().isEmpty() ? -1 : findClientId(m.clientMessageId());
                    if (echo >= 0) {
                        replaceWithServer(echo, m);
                        if (outbox)
                            outbox->acknowledge(m);
                        continue;
                    }
                    fresh.append(serverRow(m));
                }
                prependRows(fresh);
                // Older rows can only move the first unread message up, and
                // reveal unread messages of a never-read history.
                if (tracker) {
                    int revealed = 0;
                    QString first;
                    for (const Row &r : std::as_const(fresh)) {
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
                setHasMore(page.hasMore);
                setLoading(false, false);
            },
            [this, gen](const ChatError &e) {
                if (gen != generation)
                    return;
                setError(e);
                setLoading(false, false);
            });
}

void MessagesModelPrivate::scheduleResync()
{
    if (resyncQueued)
        return;
    resyncQueued = true; // identify/logout announce themselves twice
    QMetaObject::invokeMethod(
        q,
        [this] {
            resyncQueued = false;
            resync();
        },
        Qt::QueuedConnection);
}

void MessagesModelPrivate::resync()
{
    // protocol §8 `reset` / a new session: catch up from the newest message
    // we have, page by page, instead of dropping what is shown.
    if (!client || ticketId.isEmpty())
        return;
    const Message newest = newestServerMessage();
    if (loading || !newest.isValid() || newest.id().isEmpty()) {
        load();
        return;
    }
    catchUp(newest.id(), generation);
}

void MessagesModelPrivate::catchUp(const QString &after, quint64 gen)
{
    MessageListOptions options;
    options.limit = catchUpPageSize;
    options.after = after;
    client->messages()
        .list(ticketId, options)
        ->then(
            q,
            [this, gen](const MessagePage &page) {
                if (gen != generation)
                    return;
                for (const Message &m : page.data)
                    applyServerMessage(m);
                if (page.hasMore && !page.data.isEmpty() && client)
                    catchUp(page.data.constLast().id(), gen);
            },
            [this, gen](const ChatError &e) {
                if (gen != generation)
                    return;
                if (clearsConversation(e)) {
                    clearRows();
                    setError(e);
                } else if (e.kind() == ChatError::Kind::Validation) {
                    // Our newest id is unknown (a replaced database): start over.
                    clearRows();
                    load();
                } else {
                    setError(e);
                }
            });
}

// ---- rows ---------------------------------------------------------------------

int MessagesModelPrivate::findId(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    const auto it = byId.constFind(id);
    return it == byId.cend() ? -1 : int(*it - base);
}

int MessagesModelPrivate::findClientId(const QString &clientMessageId) const
{
    if (clientMessageId.isEmpty())
        return -1;
    const auto it = byClientId.constFind(clientMessageId);
    return it == byClientId.cend() ? -1 : int(*it - base);
}

void MessagesModelPrivate::indexRow(int row)
{
    const Message &m = rows[std::size_t(row)].message;
    const qint64 key = base + row;
    if (!m.id().isEmpty())
        byId.insert(m.id(), key);
    if (!m.clientMessageId().isEmpty())
        byClientId.insert(m.clientMessageId(), key);
}

void MessagesModelPrivate::unindexRow(int row)
{
    const Message &m = rows[std::size_t(row)].message;
    const qint64 key = base + row;
    if (!m.id().isEmpty() && byId.value(m.id(), -1) == key)
        byId.remove(m.id());
    if (!m.clientMessageId().isEmpty() && byClientId.value(m.clientMessageId(), -1) == key)
        byClientId.remove(m.clientMessageId());
}

MessagesModelPrivate::Row MessagesModelPrivate::serverRow(const Message &message)
{
    Message shared = message;
    shared.setTicketId(intern(message.ticketId()));
    shared.setSenderRole(intern(message.senderRole()));
    shared.setSenderName(intern(message.senderName()));
    return Row {shared, DeliveryState::Sent, dayOf(message.createdAt())};
}

QString MessagesModelPrivate::intern(const QString &text)
{
    const auto it = interned.constFind(text);
    if (it != interned.constEnd())
        return *it;
    interned.insert(text);
    return text;
}

MessagesModelPrivate::Row MessagesModelPrivate::echoRow(const OutboxEntry &entry) const
{
    Message m;
    m.setTicketId(entry.ticketId);
    m.setContent(entry.content);
    m.setSenderRole(QStringLiteral("customer"));
    m.setSenderName(ownName());
    m.setClientMessageId(entry.clientMessageId);
    m.setCreatedAt(entry.createdAt);
    return Row {m, entry.state, dayOf(entry.createdAt)};
}

void MessagesModelPrivate::appendRow(const Row &row)
{
    const int position = int(rows.size());
    q->beginInsertRows(QModelIndex(), position, position);
    rows.push_back(row);
    indexRow(position);
    q->endInsertRows();
    Q_EMIT q->countChanged();
}

void MessagesModelPrivate::prependRows(const QList<Row> &fresh)
{
    if (fresh.isEmpty())
        return;
    const int k = int(fresh.size());
    const bool hadRows = !rows.empty();
    q->beginInsertRows(QModelIndex(), 0, k - 1);
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it)
        rows.push_front(*it);
    base -= k;
    for (int i = 0; i < k; ++i)
        indexRow(i);
    q->endInsertRows();
    Q_EMIT q->countChanged();
    // The old first row had showSender = true by position; it may not now.
    if (hadRows && !showSender(k))
        Q_EMIT q->dataChanged(q->index(k), q->index(k), {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::removeRowAt(int row)
{
    if (row < 0 || row >= int(rows.size()))
        return;
    const bool nextShowed = row + 1 < int(rows.size()) && showSender(row + 1);
    q->beginRemoveRows(QModelIndex(), row, row);
    unindexRow(row);
    if (row == 0) {
        rows.pop_front();
        ++base;
    } else {
        rows.erase(rows.begin() + row);
        for (int i = row; i < int(rows.size()); ++i) // only rows after it shift
            indexRow(i);
    }
    q->endRemoveRows();
    Q_EMIT q->countChanged();
    if (row < int(rows.size()) && showSender(row) != nextShowed)
        Q_EMIT q->dataChanged(q->index(row), q->index(row), {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::clearRows()
{
    if (rows.empty())
        return;
    q->beginRemoveRows(QModelIndex(), 0, int(rows.size()) - 1);
    rows.clear();
    byId.clear();
    byClientId.clear();
    interned.clear();
    base = 0;
    q->endRemoveRows();
    firstUnreadId.clear();
    visibleUnread = 0;
    Q_EMIT q->countChanged();
}

bool MessagesModelPrivate::showSender(int row) const
{
    if (row <= 0)
        return true;
    const Row &previous = rows[std::size_t(row - 1)];
    const Row &current = rows[std::size_t(row)];
    return previous.message.senderRole() != current.message.senderRole()
        || previous.message.senderName() != current.message.senderName()
        || previous.day != current.day;
}

QVariant MessagesModelPrivate::roleValue(int row, int role) const
{
    const Row &r = rows[std::size_t(row)];
    const Message &m = r.message;
    switch (role) {
    case MessagesModel::IdRole:
        return m.id();
    case MessagesModel::ClientMessageIdRole:
        return m.clientMessageId();
    case Qt::DisplayRole:
    case MessagesModel::ContentRole:
        return m.content();
    case MessagesModel::SenderRole:
        return m.senderRole();
    case MessagesModel::SenderNameRole:
        return m.senderName();
    case MessagesModel::CreatedAtRole:
        return m.createdAt();
    case MessagesModel::IsOwnRole:
        return LocalStorage::isOwn(m);
    case MessagesModel::DeliveryStateRole:
        return QVariant::fromValue(r.state);
    case MessagesModel::ShowSenderRole:
        return showSender(row);
    case MessagesModel::DaySectionRole:
        return r.day;
    case MessagesModel::IsFirstUnreadRole:
        return !firstUnreadId.isEmpty() && m.id() == firstUnreadId;
    case MessagesModel::MessageRole:
        return QVariant::fromValue(m);
    default:
        return {};
    }
}

QList<QVariant> MessagesModelPrivate::snapshot(int row) const
{
    QList<QVariant> values;
    values.reserve(lastRole - firstRole + 1);
    for (int role = firstRole; role <= lastRole; ++role)
        values.append(roleValue(row, role));
    return values;
}

void MessagesModelPrivate::emitChanges(int row, const QList<QVariant> &before)
{
    const QList<QVariant> after = snapshot(row);
    QList<int> roles;
    for (int i = 0; i < after.size(); ++i) {
        if (before.at(i) != after.at(i))
            roles.append(firstRole + i);
    }
    if (roles.contains(MessagesModel::ContentRole))
        roles.append(Qt::DisplayRole);
    if (!roles.isEmpty())
        Q_EMIT q->dataChanged(q->index(row), q->index(row), roles);
}

QString MessagesModelPrivate::ownName() const
{
    // As the server names customer messages (docs/protocol-notes.md "Senders").
    const Customer c = client ? client->customer() : Customer();
    if (!c.name.isEmpty())
        return c.name;
    if (!c.email.isEmpty())
        return c.email;
    return QStringLiteral("Guest");
}

QString MessagesModelPrivate::oldestServerId() const
{
    for (const Row &r : rows) {
        if (!r.message.id().isEmpty())
            return r.message.id();
    }
    return {};
}

Message MessagesModelPrivate::newestServerMessage() const
{
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        if (!it->message.id().isEmpty())
            return it->message;
    }
    return {};
}

// ---- live changes ---------------------------------------------------------------

void MessagesModelPrivate::onLiveMessage(const Message &message)
{
    if (loading) {
        pendingLive.append(message);
        return;
    }
    applyServerMessage(message);
}

void MessagesModelPrivate::applyServerMessage(const Message &message)
{
    if (message.isInternal() || message.id().isEmpty())
        return;
    if (!message.ticketId().isEmpty() && message.ticketId() != ticketId)
        return;
    if (findId(message.id()) >= 0)
        return; // the second copy (response vs. stream, replay, catch-up)
    dropTypist(typistKey(message.senderRole(), message.senderName()));
    const int echo = findClientId(message.clientMessageId());
    if (echo >= 0) {
        replaceWithServer(echo, message);
        if (outbox)
            outbox->acknowledge(message);
        return;
    }
    if (tracker) {
        tracker->noteMessage(message);
        if (tracker->isUnread(message)) {
            ++visibleUnread;
            if (firstUnreadId.isEmpty())
                setFirstUnread(message.id()); // before the insert: no extra signal
        }
    }
    insertBeforePendingEchoes(serverRow(message));
}

void MessagesModelPrivate::insertBeforePendingEchoes(const Row &row)
{
    // Echoes still on their way stay at the bottom (as the user wrote them
    // last); a message the server already has goes above them, in server order.
    int position = int(rows.size());
    while (position > 0 && rows[std::size_t(position - 1)].state != DeliveryState::Sent)
        --position;
    if (position == int(rows.size())) {
        appendRow(row);
        return;
    }
    const bool nextShowed = showSender(position);
    for (int i = position; i < int(rows.size()); ++i)
        unindexRow(i);
    q->beginInsertRows(QModelIndex(), position, position);
    rows.insert(rows.begin() + position, row);
    for (int i = position; i < int(rows.size()); ++i)
        indexRow(i);
    q->endInsertRows();
    Q_EMIT q->countChanged();
    if (showSender(position + 1) != nextShowed)
        Q_EMIT q->dataChanged(q->index(position + 1), q->index(position + 1),
                              {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::replaceWithServer(int row, const Message &message)
{
    const QList<QVariant> before = snapshot(row);
    const bool hasNext = row + 1 < int(rows.size());
    const bool nextShowed = hasNext && showSender(row + 1);
    rows[std::size_t(row)] = serverRow(message);
    indexRow(row);
    emitChanges(row, before);
    if (hasNext && showSender(row + 1) != nextShowed)
        Q_EMIT q->dataChanged(q->index(row + 1), q->index(row + 1),
                              {MessagesModel::ShowSenderRole});
}

void MessagesModelPrivate::onEntryAdded(const OutboxEntry &entry)
{
    if (entry.ticketId != ticketId || ticketId.isEmpty()
        || findClientId(entry.clientMessageId) >= 0)
        return;
    appendRow(echoRow(entry));
}

void MessagesModelPrivate::onEntryChanged(const OutboxEntry &entry)
{
    const int row = findClientId(entry.clientMessageId);
    if (row < 0)
        return;
    Row &r = rows[std::size_t(row)];
    if (r.state == DeliveryState::Sent || r.state == entry.state)
        return;
    r.state = entry.state;
    Q_EMIT q->dataChanged(q->index(row), q->index(row), {MessagesModel::DeliveryStateRole});
}

void MessagesModelPrivate::onEntryDelivered(const OutboxEntry &entry, const Message &message)
{
    if (entry.ticketId != ticketId)
        return;
    Message copy = message;
    if (copy.ticketId().isEmpty())
        copy.setTicketId(entry.ticketId);
    if (copy.clientMessageId().isEmpty())
        copy.setClientMessageId(entry.clientMessageId);
    onLiveMessage(copy);
}

void MessagesModelPrivate::onEntryRemoved(const OutboxEntry &entry)
{
    const int row = findClientId(entry.clientMessageId);
    if (row >= 0 && rows[std::size_t(row)].state != DeliveryState::Sent)
        removeRowAt(row);
}

void MessagesModelPrivate::onEntriesReloaded()
{
    QSet<QString> pending;
    if (outbox) {
        for (const OutboxEntry &e : outbox->entries(ticketId))
            pending.insert(e.clientMessageId);
    }
    for (int row = int(rows.size()) - 1; row >= 0; --row) {
        const Row &r = rows[std::size_t(row)];
        if (r.state != DeliveryState::Sent && !pending.contains(r.message.clientMessageId()))
            removeRowAt(row);
    }
    addMissingEchoes();
}

void MessagesModelPrivate::addMissingEchoes()
{
    if (!outbox || ticketId.isEmpty())
        return;
    for (const OutboxEntry &e : outbox->entries(ticketId)) {
        if (findClientId(e.clientMessageId) < 0)
            appendRow(echoRow(e));
    }
}

// ---- unread ---------------------------------------------------------------------

void MessagesModelPrivate::updateFirstUnread()
{
    const QDateTime readAt = tracker ? tracker->lastReadAt(ticketId) : QDateTime();
    QString first;
    int count = 0;
    if (tracker) {
        // Walk back from the newest until the read marker: O(unread).
        for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
            if (it->state != DeliveryState::Sent)
                continue;
            if (readAt.isValid() && it->message.createdAt() <= readAt)
                break;
            if (tracker->isUnread(it->message)) {
                first = it->message.id();
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
    const int oldRow = findId(firstUnreadId);
    firstUnreadId = id;
    const int newRow = findId(id);
    for (int row : {oldRow, newRow}) {
        if (row >= 0)
            Q_EMIT q->dataChanged(q->index(row), q->index(row), {MessagesModel::IsFirstUnreadRole});
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

// ---- typing ---------------------------------------------------------------------

void MessagesModelPrivate::onTyping(const TypingEvent &event)
{
    // The customer's own other devices: not someone to show as typing.
    if (event.sender == QLatin1String("customer"))
        return;
    const QString key = typistKey(event.sender, event.senderName);
    if (event.isTyping) {
        Typist &t = typists[key];
        if (t.order == 0)
            t.order = ++typistOrder;
        t.name = event.senderName.isEmpty() ? event.sender : event.senderName;
        // A lease (protocol §7): gone after expiresInMs unless renewed.
        const int lease = event.expiresInMs > 0
            ? event.expiresInMs
            : (client ? client->transportOptions().typingLeaseMs : 6000);
        t.deadline = QDeadlineTimer(lease);
    } else {
        typists.remove(key);
    }
    expireTyping();
}

void MessagesModelPrivate::dropTypist(const QString &key)
{
    if (typists.remove(key))
        expireTyping();
}

void MessagesModelPrivate::expireTyping()
{
    QList<Typist> live;
    for (auto it = typists.begin(); it != typists.end();) {
        if (it->deadline.hasExpired()) {
            it = typists.erase(it);
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
        typingTimer->start(int(qMax<qint64>(1, soonest)));
    else
        typingTimer->stop();
    if (names != typingNames) {
        typingNames = names;
        Q_EMIT q->typingUsersChanged();
    }
}

// ---- state ----------------------------------------------------------------------

void MessagesModelPrivate::setLoading(bool newLoading, bool newMore)
{
    const bool before = loading;
    loading = newLoading;
    loadingMore = newMore;
    if (before != loading)
        Q_EMIT q->loadingChanged();
}

void MessagesModelPrivate::setError(const ChatError &e)
{
    if (e == error)
        return;
    error = e;
    Q_EMIT q->errorChanged();
}

void MessagesModelPrivate::setHasMore(bool value)
{
    if (value == hasMore)
        return;
    hasMore = value;
    Q_EMIT q->hasMoreChanged();
}

// ---- MessagesModel ----------------------------------------------------------------

MessagesModel::MessagesModel(QObject *parent)
    : QAbstractListModel(parent), d(new MessagesModelPrivate(this))
{
    d->typingTimer = new QTimer(this);
    d->typingTimer->setSingleShot(true);
    connect(d->typingTimer, &QTimer::timeout, this, [this] { d->expireTyping(); });
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
    if (d->client) {
        for (quint64 id : std::as_const(d->subscriptions))
            d->client->unsubscribe(id);
    }
}

ChatClient *MessagesModel::client() const
{
    return d->client;
}

void MessagesModel::setClient(ChatClient *client)
{
    if (client == d->client)
        return;
    d->detachTicket();
    d->detachClient();
    d->client = client;
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
    return d->loading;
}

ChatError MessagesModel::error() const
{
    return d->error;
}

bool MessagesModel::hasMore() const
{
    return d->hasMore;
}

QStringList MessagesModel::typingUsers() const
{
    return d->typingNames;
}

int MessagesModel::unreadCount() const
{
    return d->unread;
}

int MessagesModel::pageSize() const
{
    return d->pageSize;
}

void MessagesModel::setPageSize(int size)
{
    size = qBound(1, size, 100); // protocol-notes "Message paging"
    if (size == d->pageSize)
        return;
    d->pageSize = size;
    Q_EMIT pageSizeChanged();
}

int MessagesModel::count() const
{
    return int(d->rows.size());
}

int MessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

QVariant MessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return d->roleValue(index.row(), role);
}

QHash<int, QByteArray> MessagesModel::roleNames() const
{
    return {
        {IdRole, QByteArrayLiteral("id")},
        {ClientMessageIdRole, QByteArrayLiteral("clientMessageId")},
        {ContentRole, QByteArrayLiteral("content")},
        {SenderRole, QByteArrayLiteral("sender")},
        {SenderNameRole, QByteArrayLiteral("senderName")},
        {CreatedAtRole, QByteArrayLiteral("createdAt")},
        {IsOwnRole, QByteArrayLiteral("isOwn")},
        {DeliveryStateRole, QByteArrayLiteral("deliveryState")},
        {ShowSenderRole, QByteArrayLiteral("showSender")},
        {DaySectionRole, QByteArrayLiteral("daySection")},
        {IsFirstUnreadRole, QByteArrayLiteral("isFirstUnread")},
        {MessageRole, QByteArrayLiteral("message")},
    };
}

bool MessagesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && d->client && d->hasMore && !d->loading && !d->loadingMore;
}

void MessagesModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        d->fetchOlder();
}

Message MessagesModel::message(int row) const
{
    return row >= 0 && row < int(d->rows.size()) ? d->rows[std::size_t(row)].message : Message();
}

DeliveryState MessagesModel::deliveryState(int row) const
{
    return row >= 0 && row < int(d->rows.size()) ? d->rows[std::size_t(row)].state
                                                 : DeliveryState::Sent;
}

int MessagesModel::rowOfId(const QString &messageId) const
{
    return d->findId(messageId);
}

int MessagesModel::rowOfClientMessageId(const QString &clientMessageId) const
{
    return d->findClientId(clientMessageId);
}

QString MessagesModel::send(const QString &text)
{
    if (text.trimmed().isEmpty() || !d->client || d->ticketId.isEmpty() || !d->outbox)
        return {};
    d->client->sendTyping(d->ticketId, false); // protocol §7: false on send
    // The outbox stores it before the first attempt and announces it
    // (entryAdded), which puts the local echo in place right now.
    const OutboxEntry entry = d->outbox->enqueue(d->ticketId, text);
    if (!entry.isValid()) {
        d->setError(ChatError(ChatError::Kind::Protocol, QStringLiteral("outbox_unavailable"),
                              QStringLiteral("The message could not be stored for sending")));
        return {};
    }
    return entry.clientMessageId;
}

bool MessagesModel::retry(int row)
{
    if (row < 0 || row >= int(d->rows.size()) || !d->outbox)
        return false;
    const auto &r = d->rows[std::size_t(row)];
    if (r.state == DeliveryState::Sent)
        return false;
    return d->outbox->retry(r.message.clientMessageId());
}

bool MessagesModel::discard(int row)
{
    if (row < 0 || row >= int(d->rows.size()))
        return false;
    const auto &r = d->rows[std::size_t(row)];
    if (r.state == DeliveryState::Sent)
        return false;
    if (d->outbox && d->outbox->discard(r.message.clientMessageId()))
        return true; // entryRemoved took the row away
    d->removeRowAt(row);
    return true;
}

void MessagesModel::markRead()
{
    if (!d->tracker || d->ticketId.isEmpty())
        return;
    d->tracker->markRead(d->ticketId, d->newestServerMessage());
}

void MessagesModel::reload()
{
    if (!d->client || d->ticketId.isEmpty())
        return;
    ++d->generation;
    d->pendingLive.clear();
    d->clearRows();
    d->setHasMore(false);
    d->load();
}

} // namespace CStar
