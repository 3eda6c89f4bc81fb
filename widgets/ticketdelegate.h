// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_widgets_export.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace CStar {

/// Paints a TicketsModel row: subject, status chip, last-message preview,
/// relative time and an unread badge. Roles are looked up by name.
class CSTARCHAT_WIDGETS_EXPORT TicketDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TicketDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// "Subject, status, 2 unread, last message…" for screen readers.
    QString accessibleText(const QModelIndex &index) const;

private:
    struct Roles
    {
        int title = -1, status = -1, lastMessage = -1, unreadCount = -1, updatedAt = -1;
    };
    const Roles &rolesFor(const QAbstractItemModel *model) const;
    QString preview(const QModelIndex &index) const;

    mutable QHash<const QAbstractItemModel *, Roles> m_roles;
};

} // namespace CStar
