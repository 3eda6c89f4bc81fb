// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"

#include <QAbstractListModel>

#include <memory>

namespace CStar {

class TicketsModelPrivate;

/// The customer's tickets, newest activity first (updatedAt desc, then id
/// desc) — React's `useTickets`, Svelte's `TicketsState`. Pages by cursor via
/// fetchMore(), and stays live: ticket.created inserts, ticket.updated and new
/// messages update a row in place (dataChanged with only the changed roles)
/// and move it to its sorted place (beginMoveRows). A reset happens only on
/// refresh() (explicit, a status filter change, or the client's resyncRequired).
///
/// Anonymous sessions cannot list tickets: the AuthRequired error goes to
/// `error` (show a sign-in prompt from it); tickets created through create()
/// still appear.
class CSTARCHAT_CORE_EXPORT TicketsModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(CStar::ChatClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(CStar::ChatError error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY statusChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        StatusRole, ///< status name ("open", …)
        PriorityRole, ///< priority name ("normal", …)
        MessageCountRole,
        LastMessageRole, ///< the last message's text
        UnreadCountRole,
        CreatedAtRole,
        UpdatedAtRole,
        TicketRole, ///< the CStar::Ticket gadget
    };
    Q_ENUM(Roles)

    explicit TicketsModel(QObject *parent = nullptr);
    explicit TicketsModel(ChatClient *client, QObject *parent = nullptr);
    ~TicketsModel() override;

    ChatClient *client() const;
    void setClient(ChatClient *client);
    bool isLoading() const;
    ChatError error() const;
    /// More (older) tickets can be fetched.
    bool hasMore() const;
    /// Status filter: empty for all, one status or a comma-separated list.
    QString status() const;
    void setStatus(const QString &status);
    int pageSize() const;
    void setPageSize(int size);
    int count() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    Ticket ticket(int row) const;
    /// Row of a ticket id, or -1.
    Q_INVOKABLE int rowOf(const QString &ticketId) const;

    /// Reloads the first page (the one place this model resets).
    Q_INVOKABLE void refresh();
    /// Creates a ticket; it is put in place (on top) as soon as the server
    /// answers, without waiting for its event. Null without a client.
    Job<Ticket> *create(const QString &title, const QString &message = QString(),
                        const QString &priority = QString());
    /// create() for QML.
    Q_INVOKABLE CStar::ChatJob *createTicket(const QString &title,
                                             const QString &message = QString(),
                                             const QString &priority = QString());

Q_SIGNALS:
    void clientChanged();
    void loadingChanged();
    void errorChanged();
    void hasMoreChanged();
    void statusChanged();
    void pageSizeChanged();
    void countChanged();

private:
    friend class TicketsModelPrivate;
    std::unique_ptr<TicketsModelPrivate> d;
};

} // namespace CStar
