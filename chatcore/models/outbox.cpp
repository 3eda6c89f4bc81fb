// SPDX-License-Identifier: MIT
#include "outbox.h"
#include "outbox_p.h"

#include "localstorage_p.h"
#include "logging_p.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>
#include <QVariant>

namespace CStar {

namespace {

OutboxEntry entryFromQuery(const QSqlQuery &query)
{
    OutboxEntry e;
    e.ticketId = query.value(0).toString();
    e.clientMessageId = query.value(1).toString();
    e.idempotencyKey = query.value(2).toString().toLatin1();
    e.content = query.value(3).toString();
    e.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong()).toUTC();
    e.attempts = query.value(5).toInt();
    e.needsUser = query.value(6).toBool();
    const auto kind = ChatError::Kind(query.value(7).toInt());
    if (kind != ChatError::Kind::None)
        e.error = ChatError(kind, query.value(8).toString(), query.value(9).toString());
    // After a restart everything not waiting for the user is simply on its
    // way again (styleguide: pending events reappear as Sending).
    e.state = e.needsUser ? DeliveryState::Failed : DeliveryState::Sending;
    return e;
}

// Before the first session the scope is empty; bound as NULL it would break
// the NOT NULL column (and never match "scope = ?" when the session comes).
QString storedScope(const QString &scope)
{
    return scope.isNull() ? QStringLiteral("") : scope;
}

bool isRealtimeUp(ConnectionState state)
{
    return state == ConnectionState::Streaming || state == ConnectionState::Polling;
}

} // namespace

OutboxPrivate::OutboxPrivate(Outbox *q, ChatClient *client, const QString &path)
    : q(q), client(client), path(path)
{ }

void OutboxPrivate::createSchema()
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox ("
                                   " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                                   " scope TEXT NOT NULL,"
                                   " ticket_id TEXT NOT NULL,"
                                   " client_message_id TEXT NOT NULL UNIQUE,"
                                   " idempotency_key TEXT NOT NULL,"
                                   " content TEXT NOT NULL,"
                                   " created_at INTEGER NOT NULL,"
                                   " attempts INTEGER NOT NULL DEFAULT 0,"
                                   " needs_user INTEGER NOT NULL DEFAULT 0,"
                                   " error_kind INTEGER NOT NULL DEFAULT 0,"
                                   " error_code TEXT,"
                                   " error_message TEXT)")))
        qCWarning(lcModels) << "outbox: cannot create its table:" << query.lastError().text();
    // Files of entries (protocol §11), in order; upload_id once uploaded.
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox_files ("
                                   " client_message_id TEXT NOT NULL,"
                                   " position INTEGER NOT NULL,"
                                   " name TEXT NOT NULL,"
                                   " content_type TEXT NOT NULL,"
                                   " size INTEGER NOT NULL,"
                                   " file_path TEXT NOT NULL,"
                                   " idempotency_key TEXT NOT NULL,"
                                   " upload_id TEXT,"
                                   " PRIMARY KEY (client_message_id, position))")))
        qCWarning(lcModels) << "outbox: cannot create its file table:" << query.lastError().text();
}

void OutboxPrivate::loadScope()
{
    entries.clear();
    if (!db.isOpen() || scope.isEmpty())
        return;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ticket_id, client_message_id, idempotency_key, content,"
                                 " created_at, attempts, needs_user, error_kind, error_code,"
                                 " error_message FROM outbox WHERE scope = ? ORDER BY seq"));
    query.addBindValue(scope);
    if (!query.exec()) {
        qCWarning(lcModels) << "outbox: cannot read entries:" << query.lastError().text();
        return;
    }
    while (query.next())
        entries.append(entryFromQuery(query));
    for (OutboxEntry &e : entries)
        loadFiles(e);
    if (!entries.isEmpty())
        qCInfo(lcModels) << "outbox:" << entries.size() << "message(s) waiting for delivery";
}

void OutboxPrivate::onSessionChanged()
{
    if (!client)
        return;
    const QString newScope = LocalStorage::sessionScope(client);
    const ChatClient::SessionKind newKind = client->sessionKind();
    if (newScope == scope) {
        kind = newKind;
        return;
    }
    // Entries written before there was a session, or by the anonymous session
    // that just identified (its tickets move to the customer, protocol §4),
    // belong to the new session. Anything else stays with its own customer.
    const bool migrate = !newScope.isEmpty()
        && (scope.isEmpty()
            || (kind == ChatClient::SessionKind::Anonymous
                && newKind == ChatClient::SessionKind::Identified));
    if (migrate && db.isOpen()) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE outbox SET scope = ? WHERE scope = ?"));
        query.addBindValue(newScope);
        query.addBindValue(storedScope(scope));
        if (!query.exec())
            qCWarning(lcModels) << "outbox: cannot move entries:" << query.lastError().text();
    } else {
        ++generation;
        inFlight.clear();
    }
    scope = newScope;
    kind = newKind;
    failures = 0;
    retryTimer->stop();
    loadScope();
    Q_EMIT q->entriesReloaded();
    Q_EMIT q->countChanged();
    updateSubscription();
    schedulePump();
}

void OutboxPrivate::moveTo(const QString &newPath)
{
    if (newPath == path)
        return;
    // The waiting entries move along (same ids: still exactly once, §6);
    // the new place may hold entries of its own from an earlier run.
    QSqlDatabase old = db;
    db = LocalStorage::open(newPath, "outbox");
    path = newPath;
    if (db.isOpen()) {
        createSchema();
        for (const OutboxEntry &e : std::as_const(entries)) {
            if (insertStored(e)) {
                updateStored(e);
                insertFiles(e); // the copies stay where they are until delivered
            }
        }
        sweepOrphanFiles();
    }
    if (old.isOpen() && db.isOpen()) {
        QSqlQuery query(old);
        QSqlQuery files(old);
        query.prepare(QStringLiteral("DELETE FROM outbox WHERE client_message_id = ?"));
        files.prepare(QStringLiteral("DELETE FROM outbox_files WHERE client_message_id = ?"));
        for (const OutboxEntry &e : std::as_const(entries)) {
            query.addBindValue(e.clientMessageId);
            files.addBindValue(e.clientMessageId);
            if (!query.exec() || !files.exec())
                qCWarning(lcModels) << "outbox: cannot move an entry:" << query.lastError().text();
        }
    }
    LocalStorage::close(old);
    qCInfo(lcModels) << "outbox: moved to" << newPath;
    if (!scope.isEmpty()) // without a session the entries in memory are all there is
        loadScope();
    Q_EMIT q->entriesReloaded();
    Q_EMIT q->countChanged();
    updateSubscription();
    schedulePump();
}

int OutboxPrivate::indexOf(const QString &clientMessageId) const
{
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).clientMessageId == clientMessageId)
            return i;
    }
    return -1;
}

bool OutboxPrivate::insertStored(const OutboxEntry &entry)
{
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO outbox (scope, ticket_id, client_message_id,"
                       " idempotency_key, content, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(storedScope(scope));
    query.addBindValue(entry.ticketId);
    query.addBindValue(entry.clientMessageId);
    query.addBindValue(QString::fromLatin1(entry.idempotencyKey));
    query.addBindValue(storedScope(entry.content)); // files only: "" (NOT NULL)
    query.addBindValue(entry.createdAt.toMSecsSinceEpoch());
    if (!query.exec()) {
        qCWarning(lcModels) << "outbox: cannot store a message:" << query.lastError().text();
        return false;
    }
    return true;
}

void OutboxPrivate::updateStored(const OutboxEntry &entry)
{
    if (!db.isOpen())
        return;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE outbox SET attempts = ?, needs_user = ?, error_kind = ?,"
                                 " error_code = ?, error_message = ? WHERE client_message_id = ?"));
    query.addBindValue(entry.attempts);
    query.addBindValue(entry.needsUser ? 1 : 0);
    query.addBindValue(int(entry.error.kind()));
    query.addBindValue(entry.error.code());
    query.addBindValue(entry.error.message());
    query.addBindValue(entry.clientMessageId);
    if (!query.exec())
        qCWarning(lcModels) << "outbox: cannot update an entry:" << query.lastError().text();
}

void OutboxPrivate::removeStored(const QString &clientMessageId)
{
    if (!db.isOpen())
        return;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE client_message_id = ?"));
    query.addBindValue(clientMessageId);
    if (!query.exec())
        qCWarning(lcModels) << "outbox: cannot remove an entry:" << query.lastError().text();
}

void OutboxPrivate::schedulePump()
{
    if (pumpQueued)
        return;
    pumpQueued = true;
    QMetaObject::invokeMethod(
        q, [this] { pump(); }, Qt::QueuedConnection);
}

void OutboxPrivate::pump()
{
    pumpQueued = false;
    if (!client || !inFlight.isEmpty() || retryTimer->isActive())
        return;
    // One message at a time, oldest first: the order the customer wrote them.
    auto it = std::find_if(entries.cbegin(), entries.cend(),
                           [](const OutboxEntry &e) { return !e.needsUser; });
    if (it == entries.cend())
        return;
    const OutboxEntry entry = *it;
    inFlight = entry.clientMessageId;
    const quint64 gen = generation;
    const QString id = entry.clientMessageId;
    // Its files first, one at a time; each id is stored as soon as it comes.
    for (int i = 0; i < entry.attachments.size(); ++i) {
        if (entry.attachments.at(i).uploadId.isEmpty()) {
            startUpload(entry, i);
            return;
        }
    }
    qCDebug(lcModels) << "outbox: sending" << id << "attempt" << entry.attempts + 1;
    SendOptions options; // the same ids on every attempt (protocol §3, §6)
    options.clientMessageId = entry.clientMessageId;
    options.idempotencyKey = entry.idempotencyKey;
    for (const OutboxAttachment &file : entry.attachments)
        options.attachments.append(file.uploadId);
    client->messages()
        .send(entry.ticketId, entry.content, options)
        ->then(
            q, [this, id, gen](const Message &message) { onSent(id, gen, message); },
            [this, id, gen](const ChatError &error) { onFailed(id, gen, error); });
}

void OutboxPrivate::onSent(const QString &clientMessageId, quint64 gen, const Message &message)
{
    if (inFlight == clientMessageId)
        inFlight.clear();
    failures = 0;
    if (gen == generation) {
        const int index = indexOf(clientMessageId);
        if (index >= 0)
            finish(index, message);
    }
    schedulePump();
}

void OutboxPrivate::onFailed(const QString &clientMessageId, quint64 gen, const ChatError &error)
{
    if (inFlight == clientMessageId)
        inFlight.clear();
    const int index = gen == generation ? indexOf(clientMessageId) : -1;
    if (index < 0) { // acknowledged by the stream meanwhile, discarded, or another customer's
        schedulePump();
        return;
    }
    OutboxEntry &e = entries[index];
    // §11: an upload the server no longer knows is 404 with param "attachments".
    if (error.kind() == ChatError::Kind::NotFound && error.param() == QLatin1String("attachments")
        && forgetUploads(e)) {
        schedulePump();
        return;
    }
    e.attempts += 1;
    e.error = error;
    e.state = DeliveryState::Failed;
    // Network, timeouts, 5xx, 429 — and a rejected session, which a new
    // session or identify() resolves — are retried on their own; anything
    // else (validation, unknown ticket, …) waits for retry() or discard().
    const bool automatic = error.isTransient() || error.kind() == ChatError::Kind::Authentication;
    e.needsUser = !automatic;
    qCInfo(lcModels) << "outbox: delivery of" << clientMessageId << "failed:" << error.toString()
                     << (automatic ? "(will retry)" : "(needs the user)");
    updateStored(e);
    const OutboxEntry changed = e;
    Q_EMIT q->entryChanged(changed);
    if (automatic) {
        ++failures;
        scheduleRetry();
    } else {
        schedulePump();
    }
}

void OutboxPrivate::finish(int index, const Message &message)
{
    OutboxEntry e = entries.takeAt(index);
    removeStored(e.clientMessageId);
    removeFiles(e);
    reuploaded.remove(e.clientMessageId);
    qCDebug(lcModels) << "outbox: delivered" << e.clientMessageId << "as" << message.id();
    e.state = DeliveryState::Sent;
    e.error = ChatError();
    Q_EMIT q->entryDelivered(e, message);
    Q_EMIT q->countChanged();
    updateSubscription();
}

void OutboxPrivate::scheduleRetry()
{
    const int exponent = qBound(0, failures - 1, 20);
    const qint64 delay = qMin<qint64>(qint64(baseDelayMs) << exponent, maxDelayMs);
    retryTimer->start(int(delay));
}

void OutboxPrivate::retryNow()
{
    retryTimer->stop();
    failures = 0;
    schedulePump();
}

void OutboxPrivate::updateSubscription()
{
    if (!client)
        return;
    // While something waits, watch the stream for its copy: an answer lost on
    // the way must not cause a second send (and delivery needs no model).
    if (!entries.isEmpty() && subscription == 0) {
        subscription = client->onMessage(QString(), q, [this](const Message &message) {
            if (!message.clientMessageId().isEmpty())
                q->acknowledge(message);
        });
    } else if (entries.isEmpty() && subscription != 0) {
        client->unsubscribe(std::exchange(subscription, 0));
    }
}

// ---- Outbox -----------------------------------------------------------------

Outbox::Outbox(ChatClient *client, const QString &databasePath)
    : QObject(client), d(new OutboxPrivate(this, client, databasePath))
{
    d->retryTimer = new QTimer(this);
    d->retryTimer->setSingleShot(true);
    connect(d->retryTimer, &QTimer::timeout, this, [this] { d->pump(); });
    d->db = LocalStorage::open(d->path, "outbox");
    if (d->db.isOpen()) {
        d->createSchema();
        d->sweepOrphanFiles();
    }
    if (!client)
        return;
    connect(client, &ChatClient::sessionChanged, this, [this] { d->onSessionChanged(); });
    connect(client, &ChatClient::teamSlugChanged, this, [this] { d->onSessionChanged(); });
    connect(client, &ChatClient::connectionStateChanged, this, [this] {
        if (d->client && isRealtimeUp(d->client->connectionState()) && d->retryTimer->isActive())
            d->retryNow();
    });
    d->scope = LocalStorage::sessionScope(client);
    d->kind = client->sessionKind();
    d->loadScope();
    d->updateSubscription();
    d->schedulePump();
}

Outbox::~Outbox()
{
    if (d->client && d->subscription)
        d->client->unsubscribe(d->subscription);
    LocalStorage::close(d->db);
}

ChatClient *Outbox::client() const
{
    return d->client;
}

QString Outbox::databasePath() const
{
    return d->path;
}

bool Outbox::isOpen() const
{
    return d->db.isOpen();
}

QList<OutboxEntry> Outbox::entries(const QString &ticketId) const
{
    if (ticketId.isEmpty())
        return d->entries;
    QList<OutboxEntry> result;
    for (const OutboxEntry &e : std::as_const(d->entries)) {
        if (e.ticketId == ticketId)
            result.append(e);
    }
    return result;
}

OutboxEntry Outbox::entry(const QString &clientMessageId) const
{
    const int index = d->indexOf(clientMessageId);
    return index >= 0 ? d->entries.at(index) : OutboxEntry();
}

int Outbox::count() const
{
    return int(d->entries.size());
}

OutboxEntry OutboxPrivate::newEntry(const QString &ticketId, const QString &content)
{
    OutboxEntry e;
    e.ticketId = ticketId;
    e.clientMessageId = MessagesApi::newClientMessageId();
    e.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    e.content = content;
    e.createdAt = QDateTime::currentDateTimeUtc();
    e.state = DeliveryState::Sending;
    return e;
}

void OutboxPrivate::added(const OutboxEntry &entry)
{
    entries.append(entry);
    Q_EMIT q->entryAdded(entry);
    Q_EMIT q->countChanged();
    updateSubscription();
    // A new message is a good moment to try a waiting one again.
    retryNow();
}

OutboxEntry Outbox::enqueue(const QString &ticketId, const QString &content)
{
    const OutboxEntry e = OutboxPrivate::newEntry(ticketId, content);
    // Durable before the first attempt: a crash from here on cannot lose it.
    if (ticketId.isEmpty() || !d->insertStored(e))
        return OutboxEntry();
    d->added(e);
    return e;
}

bool Outbox::retry(const QString &clientMessageId)
{
    const int index = d->indexOf(clientMessageId);
    if (index < 0)
        return false;
    OutboxEntry &e = d->entries[index];
    d->reuploaded.remove(clientMessageId); // the customer's retry may renew lost uploads again
    if (e.state != DeliveryState::Sending || e.needsUser) {
        e.needsUser = false;
        e.state = DeliveryState::Sending;
        d->updateStored(e);
        const OutboxEntry changed = e;
        Q_EMIT entryChanged(changed);
    }
    d->retryNow();
    return true;
}

bool Outbox::discard(const QString &clientMessageId)
{
    const int index = d->indexOf(clientMessageId);
    if (index < 0)
        return false;
    const OutboxEntry e = d->entries.takeAt(index);
    d->removeStored(clientMessageId);
    d->removeFiles(e);
    if (d->inFlight == clientMessageId && d->upload) {
        d->upload->cancel(); // a cancelled job never answers: nothing else will
        ++d->generation;
        d->inFlight.clear();
    }
    Q_EMIT entryRemoved(e);
    Q_EMIT countChanged();
    d->updateSubscription();
    d->schedulePump();
    return true;
}

bool Outbox::acknowledge(const Message &serverCopy)
{
    const QString id = serverCopy.clientMessageId();
    const int index = id.isEmpty() ? -1 : d->indexOf(id);
    if (index < 0)
        return false;
    if (!serverCopy.ticketId().isEmpty() && serverCopy.ticketId() != d->entries.at(index).ticketId)
        return false;
    if (d->inFlight == id)
        d->inFlight.clear(); // its answer, when it comes, finds nothing to do
    d->finish(index, serverCopy);
    // The server is evidently reachable: no reason to wait for a backoff.
    d->retryNow();
    return true;
}

void Outbox::clearCurrentScope()
{
    if (d->db.isOpen() && !d->scope.isEmpty()) {
        QSqlQuery query(d->db);
        query.prepare(QStringLiteral("DELETE FROM outbox WHERE scope = ?"));
        query.addBindValue(d->scope);
        if (!query.exec())
            qCWarning(lcModels) << "outbox: cannot clear:" << query.lastError().text();
    }
    const QList<OutboxEntry> removed = std::exchange(d->entries, {});
    ++d->generation;
    d->inFlight.clear();
    d->retryTimer->stop();
    d->failures = 0;
    if (d->upload)
        d->upload->cancel();
    for (const OutboxEntry &e : removed) {
        d->removeFiles(e);
        Q_EMIT entryRemoved(e);
    }
    if (!removed.isEmpty()) {
        qCInfo(lcModels) << "outbox: wiped" << removed.size() << "message(s) of this customer";
        Q_EMIT countChanged();
    }
    d->updateSubscription();
}

void Outbox::setRetryDelays(int baseMs, int maxMs)
{
    d->baseDelayMs = qMax(1, baseMs);
    d->maxDelayMs = qMax(d->baseDelayMs, maxMs);
}

} // namespace CStar
