// SPDX-License-Identifier: MIT
#include "historyloader_p.h"

#include "logging_p.h"
#include "messagesmodel_p.h"
#include "modelfeed_p.h"
#include "unreadtracker.h"

namespace CStar {

namespace {
constexpr int catchUpPageSize = 100;
} // namespace

void HistoryLoader::scheduleLoad()
{
    d->feed->setLoading(true, false); // from now on, for UIs and for deferring live messages
    if (m_loadQueued)
        return;
    m_loadQueued = true;
    QMetaObject::invokeMethod(
        d->feed, [this] { load(); }, Qt::QueuedConnection);
}

void HistoryLoader::load()
{
    m_loadQueued = false;
    ChatClient *client = d->feed->client();
    if (!client || d->ticketId.isEmpty()) {
        d->feed->setLoading(false, false);
        return;
    }
    d->feed->nextGeneration(); // answers to earlier requests are dropped
    m_pendingLive.clear();
    d->echoes.addMissing(); // unsent messages show at once, before the page arrives
    d->feed->setLoading(true, false);
    requestPage({}, &HistoryLoader::applyFirstPage, &HistoryLoader::loadFailed);
}

void HistoryLoader::requestPage(const QString &before,
                                void (HistoryLoader::*apply)(const MessagePage &),
                                void (HistoryLoader::*fail)(const ChatError &))
{
    const quint64 gen = d->feed->generation();
    MessageListOptions options;
    options.limit = d->feed->pageSize();
    options.before = before;
    d->feed->client()
        ->messages()
        .list(d->ticketId, options)
        ->then(
            d->feed,
            [this, gen, apply](const MessagePage &page) {
                if (d->feed->isCurrent(gen))
                    (this->*apply)(page);
            },
            [this, gen, fail](const ChatError &e) {
                if (d->feed->isCurrent(gen))
                    (this->*fail)(e);
            });
}

void HistoryLoader::applyFirstPage(const MessagePage &page)
{
    // Only local echoes can be here: server messages wait in m_pendingLive.
    QList<MessageRows::Row> fresh;
    QList<Message> echoed;
    for (const Message &m : page.data) {
        if (m.isInternal() || d->rows.findId(m.id()) >= 0)
            continue;
        if (d->rows.findClientId(m.clientMessageId()) >= 0)
            echoed.append(m);
        else
            fresh.append(d->rows.serverRow(m));
    }
    if (d->tracker)
        d->tracker->reconcile(d->ticketId, page.data, page.hasMore);
    d->prependRows(fresh);
    for (const Message &m : std::as_const(echoed))
        d->echoes.absorb(m); // sent before a crash: it made it after all
    d->feed->setHasMore(page.hasMore);
    d->feed->setError(ChatError());
    d->feed->setLoading(false, false);
    d->updateFirstUnread();
    const QList<Message> live = std::exchange(m_pendingLive, {});
    for (const Message &m : live)
        d->applyServerMessage(m);
}

void HistoryLoader::loadFailed(const ChatError &e)
{
    qCDebug(lcModels) << "messages: loading" << d->ticketId << "failed:" << e.toString();
    m_pendingLive.clear();
    if (ModelFeed::clearsRows(e))
        d->clearRows();
    d->feed->setError(e);
    d->feed->setLoading(false, false);
}

void HistoryLoader::fetchOlder()
{
    if (!d->feed->canPage())
        return;
    const QString before = d->rows.oldestServerId();
    if (before.isEmpty())
        return;
    d->feed->setLoading(false, true);
    requestPage(before, &HistoryLoader::applyOlderPage, &HistoryLoader::olderFailed);
}

void HistoryLoader::olderFailed(const ChatError &e)
{
    d->feed->setError(e);
    d->feed->setLoading(false, false);
}

void HistoryLoader::applyOlderPage(const MessagePage &page)
{
    QList<MessageRows::Row> fresh;
    for (const Message &m : page.data) {
        if (m.isInternal() || d->rows.findId(m.id()) >= 0 || d->echoes.absorb(m))
            continue;
        fresh.append(d->rows.serverRow(m));
    }
    d->prependRows(fresh);
    d->noteOlderRows(fresh);
    d->feed->setHasMore(page.hasMore);
    d->feed->setLoading(false, false);
}

void HistoryLoader::onLive(const Message &message)
{
    if (d->feed->isLoading()) {
        m_pendingLive.append(message);
        return;
    }
    d->applyServerMessage(message);
}

void HistoryLoader::resync()
{
    // protocol §8 `reset` / a new session: catch up from the newest message
    // we have, page by page, instead of dropping what is shown.
    if (!d->feed->client() || d->ticketId.isEmpty())
        return;
    const Message newest = d->rows.newestServerMessage();
    if (d->feed->isLoading() || !newest.isValid() || newest.id().isEmpty()) {
        load();
        return;
    }
    catchUp(newest.id(), d->feed->generation());
}

void HistoryLoader::catchUp(const QString &after, quint64 gen)
{
    MessageListOptions options;
    options.limit = catchUpPageSize;
    options.after = after;
    d->feed->client()
        ->messages()
        .list(d->ticketId, options)
        ->then(
            d->feed,
            [this, gen](const MessagePage &page) {
                if (!d->feed->isCurrent(gen))
                    return;
                for (const Message &m : page.data)
                    d->applyServerMessage(m);
                if (page.hasMore && !page.data.isEmpty() && d->feed->client())
                    catchUp(page.data.constLast().id(), gen);
            },
            [this, gen](const ChatError &e) {
                if (!d->feed->isCurrent(gen))
                    return;
                if (ModelFeed::clearsRows(e)) {
                    d->clearRows();
                    d->feed->setError(e);
                } else if (e.kind() == ChatError::Kind::Validation) {
                    // Our newest id is unknown (a replaced database): start over.
                    d->clearRows();
                    load();
                } else {
                    d->feed->setError(e);
                }
            });
}

} // namespace CStar
