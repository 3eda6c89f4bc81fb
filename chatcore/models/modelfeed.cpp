// SPDX-License-Identifier: MIT
#include "modelfeed_p.h"

namespace CStar {

ModelFeed::~ModelFeed()
{
    for (const auto &c : std::as_const(m_connections))
        QObject::disconnect(c);
    unsubscribeAll();
}

void ModelFeed::setClient(ChatClient *client)
{
    if (client == m_client)
        return;
    for (const auto &c : std::as_const(m_connections))
        QObject::disconnect(c);
    m_connections.clear();
    unsubscribeAll();
    m_client = client;
    m_knownToken.clear();
    if (client) {
        m_knownToken = client->sessionToken();
        m_connections << connect(client, &ChatClient::resyncRequired, this,
                                 &ModelFeed::scheduleResync)
                      << connect(client, &ChatClient::sessionChanged, this, [this] {
                             // A replaced (not a first) session may be another
                             // customer's, e.g. restored late from the keychain.
                             const QString token = m_client->sessionToken();
                             if (!m_knownToken.isEmpty() && token != m_knownToken)
                                 scheduleResync();
                             m_knownToken = token;
                         });
    }
    setLoading(m_loading, m_loadingMore); // canPage follows the client
}

void ModelFeed::unsubscribeAll()
{
    if (m_client) {
        for (quint64 id : std::as_const(m_subscriptions))
            m_client->unsubscribe(id);
    }
    m_subscriptions.clear();
}

void ModelFeed::scheduleResync()
{
    if (m_resyncQueued)
        return;
    m_resyncQueued = true; // identify/logout announce themselves twice
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_resyncQueued = false;
            Q_EMIT resyncRequested();
        },
        Qt::QueuedConnection);
}

void ModelFeed::setLoading(bool loading, bool loadingMore)
{
    const bool wasLoading = m_loading;
    const bool wasBusy = isBusy();
    m_loading = loading;
    m_loadingMore = loadingMore;
    if (wasLoading != m_loading)
        Q_EMIT loadingChanged();
    if (wasBusy != isBusy())
        Q_EMIT busyChanged();
    if (canPage() != m_canPage) {
        m_canPage = canPage();
        Q_EMIT canPageChanged();
    }
}

void ModelFeed::setHasMore(bool hasMore)
{
    if (hasMore == m_hasMore)
        return;
    m_hasMore = hasMore;
    Q_EMIT hasMoreChanged();
    setLoading(m_loading, m_loadingMore);
}

void ModelFeed::setError(const ChatError &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void ModelFeed::resetState()
{
    setHasMore(false);
    setLoading(false, false);
    setError(ChatError());
}

bool ModelFeed::setPageSize(int size)
{
    size = qBound(1, size, 100);
    if (size == m_pageSize)
        return false;
    m_pageSize = size;
    return true;
}

bool ModelFeed::clearsRows(const ChatError &error)
{
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

QList<int> ModelFeed::changedRoles(const QList<QVariant> &before, const QList<QVariant> &after,
                                   int first, int displayAlias)
{
    QList<int> roles;
    for (int i = 0; i < after.size(); ++i) {
        if (before.at(i) != after.at(i))
            roles.append(first + i);
    }
    if (roles.contains(displayAlias))
        roles.append(Qt::DisplayRole);
    return roles;
}

} // namespace CStar
