// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "deliverystate.h"
#include "outgoingattachment.h"

#include <QAbstractListModel>
#include <QStringList>

#include <memory>

namespace CStar {

class MessagesModelPrivate;

/// The conversation of one ticket, oldest first. Setting ticketId loads the
/// newest page and subscribes to its messages and typing; fetchOlder() pages
/// back through history (rows are prepended, existing rows stay put). Qt's
/// fetchMore() is not used: it means "more rows at the end", and views call
/// it whenever the last row shows — in a chat, always.
///
/// send() shows the message at once (local echo: isOwn, deliveryState
/// Sending, a fresh clientMessageId), stores it in the durable Outbox before
/// the first attempt, and replaces the row in place when the server's copy
/// arrives — by the HTTP answer or the event stream, whichever is first; the
/// other copy is ignored. Failed messages stay as Failed until retry(row) or
/// discard(row). Lookups by id and clientMessageId are O(1).
class CSTARCHAT_CORE_EXPORT MessagesModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(CStar::ChatClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString ticketId READ ticketId WRITE setTicketId NOTIFY ticketIdChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(CStar::ChatError error READ error NOTIFY errorChanged)
    /// Older messages exist on the server.
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    /// fetchOlder() would load a page now: older messages exist and no page
    /// is on its way.
    Q_PROPERTY(bool canFetchOlder READ canFetchOlder NOTIFY canFetchOlderChanged)
    Q_PROPERTY(QStringList typingUsers READ typingUsers NOTIFY typingUsersChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< empty while only a local echo
        ClientMessageIdRole,
        ContentRole,
        SenderRole, ///< "customer", "agent", "system"
        SenderNameRole,
        CreatedAtRole,
        IsOwnRole,
        DeliveryStateRole, ///< CStar::Delivery::State
        ShowSenderRole, ///< first of a run by the same sender (per day)
        DaySectionRole, ///< local date "yyyy-MM-dd", for day separators
        IsFirstUnreadRole,
        MessageRole, ///< the CStar::Message gadget
        /// Its files (protocol §11): a list of maps {id, name, contentType,
        /// size, sha256, isImage, width, height, filePath}; a local echo's
        /// have no id yet and `filePath` is the outbox's copy.
        AttachmentsRole,
        /// 0…1 while a local echo's files upload, else −1.
        UploadProgressRole,
    };
    Q_ENUM(Roles)

    explicit MessagesModel(QObject *parent = nullptr);
    MessagesModel(ChatClient *client, const QString &ticketId, QObject *parent = nullptr);
    ~MessagesModel() override;

    ChatClient *client() const;
    void setClient(ChatClient *client);
    QString ticketId() const;
    /// Tears down the previous ticket's rows and subscriptions, then loads.
    void setTicketId(const QString &ticketId);
    bool isLoading() const;
    ChatError error() const;
    bool hasMore() const;
    bool canFetchOlder() const;
    /// Loads the page before the oldest row (no-op unless canFetchOlder).
    Q_INVOKABLE void fetchOlder();
    /// Display names of the agents typing now; each entry expires after its
    /// lease (expiresInMs) even if the `false` never arrives.
    QStringList typingUsers() const;
    int unreadCount() const;
    int pageSize() const;
    void setPageSize(int size);
    int count() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Message message(int row) const;
    DeliveryState deliveryState(int row) const;
    Q_INVOKABLE int rowOfId(const QString &messageId) const;
    Q_INVOKABLE int rowOfClientMessageId(const QString &clientMessageId) const;

    /// Sends `text` (trimmed; empty text is ignored). Returns the new row's
    /// clientMessageId, or an empty string when nothing was sent.
    Q_INVOKABLE QString send(const QString &text);
    /// Sends `text` with files (text may be empty then): the outbox copies
    /// them, uploads them once and sends the message naming them (§11).
    QString send(const QString &text, const QList<CStar::OutgoingAttachment> &attachments);
    /// The same for QML: `attachments` holds OutgoingAttachment::toVariantMap()s
    /// (only their filePath and name are read).
    Q_INVOKABLE QString sendWithAttachments(const QString &text, const QVariantList &attachments);
    /// Stops a local echo's upload or request: the row fails (Retry/Discard).
    Q_INVOKABLE bool cancel(int row);
    /// Sends a Failed row again with the same clientMessageId and Idempotency-Key.
    Q_INVOKABLE bool retry(int row);
    /// Drops a Failed (or still Sending) local row.
    Q_INVOKABLE bool discard(int row);
    /// Marks everything shown as read (persisted): unreadCount drops to 0.
    Q_INVOKABLE void markRead();
    /// Drops the rows and loads the newest page again.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void clientChanged();
    void ticketIdChanged();
    void loadingChanged();
    void errorChanged();
    void hasMoreChanged();
    void canFetchOlderChanged();
    void typingUsersChanged();
    void unreadCountChanged();
    void pageSizeChanged();
    void countChanged();

private:
    friend class MessagesModelPrivate;
    std::unique_ptr<MessagesModelPrivate> d;
};

} // namespace CStar
