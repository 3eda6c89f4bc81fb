// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QVariant>

namespace CStar {

/// What TicketsModel and MessagesModel share: the client they follow, their
/// event subscriptions, the watch for a replaced session or a §8 `reset`
/// (one queued resyncRequested()), a generation that outdates answers to
/// requests of a previous ticket/filter, the paging state (loading, loading
/// a further page, more pages, last error) and the diff of a row's roles.
/// Internal; each model owns one and forwards its signals.
class ModelFeed : public QObject
{
    Q_OBJECT
public:
    explicit ModelFeed(QObject *parent) : QObject(parent) { }
    ~ModelFeed() override;

    ChatClient *client() const { return m_client; }
    /// Drops the previous client's subscriptions and connections; watches `client`.
    void setClient(ChatClient *client);
    /// Keeps `subscriptionId` (from ChatClient::onMessage & co.) until unsubscribeAll().
    void keep(quint64 subscriptionId) { m_subscriptions.append(subscriptionId); }
    void unsubscribeAll();

    quint64 generation() const { return m_generation; }
    /// Outdates every answer on its way.
    quint64 nextGeneration() { return ++m_generation; }
    /// A request of `generation` that failed or was answered after the
    /// generation changed must not touch the rows.
    bool isCurrent(quint64 generation) const { return generation == m_generation; }

    bool isLoading() const { return m_loading; }
    bool isLoadingMore() const { return m_loadingMore; }
    bool isBusy() const { return m_loading || m_loadingMore; }
    bool hasMore() const { return m_hasMore; }
    /// A further page can be asked for now.
    bool canPage() const { return m_client && m_hasMore && !isBusy(); }
    ChatError error() const { return m_error; }
    void setLoading(bool loading, bool loadingMore);
    void setHasMore(bool hasMore);
    void setError(const ChatError &error);
    /// Clears loading, hasMore and the error.
    void resetState();

    int pageSize() const { return m_pageSize; }
    /// Bounded to 1…100 (protocol §5, docs/protocol-notes.md "Message paging").
    bool setPageSize(int size);

    /// The rows belong to someone else now (logout, expiry, a ticket not
    /// this session's): do not keep showing them.
    static bool clearsRows(const ChatError &error);

    /// The values of roles first…last of one row.
    template<typename RoleValue>
    static QList<QVariant> snapshot(int first, int last, RoleValue value)
    {
        QList<QVariant> values;
        values.reserve(last - first + 1);
        for (int role = first; role <= last; ++role)
            values.append(value(role));
        return values;
    }
    /// The roles whose values differ (first = the role of before[0]), plus
    /// Qt::DisplayRole when `displayAlias` changed.
    static QList<int> changedRoles(const QList<QVariant> &before, const QList<QVariant> &after,
                                   int first, int displayAlias);

Q_SIGNALS:
    /// The first page is on its way (or not any more).
    void loadingChanged();
    /// Any page is on its way (or not any more).
    void busyChanged();
    void hasMoreChanged();
    void errorChanged();
    void canPageChanged();
    /// protocol §8 `reset`, or a session replaced under the model (it may
    /// see more or less now): catch up. Queued and coalesced.
    void resyncRequested();

private:
    void scheduleResync();

    QPointer<ChatClient> m_client;
    QList<quint64> m_subscriptions;
    QList<QMetaObject::Connection> m_connections;
    QString m_knownToken;
    quint64 m_generation = 0;
    int m_pageSize = 50;
    bool m_loading = false;
    bool m_loadingMore = false;
    bool m_hasMore = false;
    bool m_canPage = false;
    bool m_resyncQueued = false;
    ChatError m_error;
};

} // namespace CStar
