// SPDX-License-Identifier: MIT
#pragma once

#include "attachmentsapi.h"
#include "chatjob.h"
#include "connectionstate.h"
#include "customer.h"
#include "messagesapi.h"
#include "subscription.h"
#include "ticketsapi.h"
#include "transportoptions.h"
#include "typingevent.h"
#include "uploadsapi.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace CStar {

class AttachmentCache;
class ChatClientPrivate;
class Outbox;
class UnreadTracker;

/// The customer-chat client: the Qt counterpart of the JS SDK's `ChatClient`
/// (`@cstar.help/js/chat`). One instance per team and user.
///
/// Every server call returns a job (see ChatJob): connect to its finished()
/// or use `then()`. Realtime delivery (server-sent events, polling fallback)
/// starts with the first subscription and stops with the last; delivery to
/// subscribers is exactly-once and in order per ticket across reconnects,
/// stream↔poll switches and server restarts.
class CSTARCHAT_CORE_EXPORT ChatClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString teamSlug READ teamSlug WRITE setTeamSlug NOTIFY teamSlugChanged)
    Q_PROPERTY(QUrl baseUrl READ baseUrl WRITE setBaseUrl NOTIFY baseUrlChanged)
    Q_PROPERTY(bool realtime READ realtime WRITE setRealtime NOTIFY realtimeChanged)
    Q_PROPERTY(int pollingInterval READ pollingInterval WRITE setPollingInterval NOTIFY
                   pollingIntervalChanged)
    Q_PROPERTY(SessionKind sessionKind READ sessionKind NOTIFY sessionKindChanged)
    Q_PROPERTY(CStar::Customer customer READ customer NOTIFY customerChanged)
    Q_PROPERTY(
        CStar::Connection::State connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(QString storageDirectory READ storageDirectory WRITE setStorageDirectory NOTIFY
                   storageDirectoryChanged)
    // QML: the JS SDK's members (chat.tickets.create(), chat.identify(), …),
    // supplied by the CStar.Chat module through ScriptApi (scriptapi.h) so
    // that a client made in C++ has them too. Invalid in plain C++.
    Q_PROPERTY(QVariant tickets READ scriptTickets CONSTANT)
    Q_PROPERTY(QVariant messages READ scriptMessages CONSTANT)
    Q_PROPERTY(QVariant identify READ scriptIdentify CONSTANT)
    Q_PROPERTY(QVariant logout READ scriptLogout CONSTANT)
    Q_PROPERTY(QVariant onMessage READ scriptOnMessage CONSTANT)
    Q_PROPERTY(QVariant onTyping READ scriptOnTyping CONSTANT)
    Q_PROPERTY(QVariant onTicket READ scriptOnTicket CONSTANT)
    Q_PROPERTY(QVariant sendTyping READ scriptSendTyping CONSTANT)
    Q_PROPERTY(QVariant disconnect READ scriptDisconnect CONSTANT)

public:
    enum class SessionKind { None, Anonymous, Identified };
    Q_ENUM(SessionKind)

    using MessageCallback = std::function<void(const Message &)>;
    using TypingCallback = std::function<void(const TypingEvent &)>;
    using TicketCallback = std::function<void(const Ticket &)>;

    /// The hosted service, https://www.cstar.help.
    static QUrl defaultBaseUrl();

    explicit ChatClient(QObject *parent = nullptr);
    explicit ChatClient(const QString &teamSlug, QObject *parent = nullptr);
    ~ChatClient() override;

    QString teamSlug() const;
    void setTeamSlug(const QString &slug);
    QUrl baseUrl() const;
    void setBaseUrl(const QUrl &url);
    /// true (default): server-sent events, polling only as a fallback.
    bool realtime() const;
    void setRealtime(bool realtime);
    /// Poll cadence in ms when polling (default 5000).
    int pollingInterval() const;
    void setPollingInterval(int ms);
    TransportOptions transportOptions() const;
    /// Timers, retries and limits; set before the first call.
    void setTransportOptions(const TransportOptions &options);
    /// Where the client keeps what must survive a restart: its outbox and
    /// read markers (and ChatState the session token). Default:
    /// QStandardPaths::AppDataLocation + "/cstar-chat". The stores follow a
    /// change, so the order in which models and ChatState are made does not
    /// decide where data goes (chatcore/models/clientstorage.cpp).
    QString storageDirectory() const;
    void setStorageDirectory(const QString &directory);
    /// The client's durable outbox and unread store (its children, made on
    /// first use in storageDirectory()).
    Outbox *outbox() const;
    UnreadTracker *unreadTracker() const;

    SessionKind sessionKind() const;
    Customer customer() const;
    ConnectionState connectionState() const;

    /// Identifies a known customer (protocol §4). `customerJson` is the exact
    /// JSON text your backend signed with HMAC-SHA256 and the chat secret;
    /// the library never sees the secret. An anonymous session's tickets
    /// move to the customer. There is deliberately no QJsonObject form:
    /// re-serialising changes key order and number formatting, and the
    /// server checks the signature over these bytes. The returned job owns
    /// its request: abandon() cancels the identify.
    Job<Customer> *identify(const QByteArray &customerJson, const QString &signature);
    /// Revokes the session; the next call starts a new anonymous one. The
    /// returned job owns its request: abandon() cancels the logout.
    VoidJob *logout();

    TicketsApi tickets();
    MessagesApi messages();
    /// Files to attach to messages (protocol §11): upload first, then send.
    UploadsApi uploads();
    /// The files of messages: download to a device or file.
    AttachmentsApi attachments();
    /// Thumbnails and files of messages kept on disk for display (its
    /// child, made on first use; under storageDirectory()).
    AttachmentCache *attachmentCache() const;

    /// Calls `callback` for each new message of `ticketId` (empty: of every
    /// ticket), exactly once and in order, until the handle is cancelled or destroyed.
    [[nodiscard]] Subscription onMessage(const QString &ticketId, MessageCallback callback);
    /// As above, torn down automatically when `context` is destroyed (like
    /// QObject::connect); the returned id can be passed to unsubscribe().
    quint64 onMessage(const QString &ticketId, const QObject *context, MessageCallback callback);
    [[nodiscard]] Subscription onTyping(const QString &ticketId, TypingCallback callback);
    quint64 onTyping(const QString &ticketId, const QObject *context, TypingCallback callback);
    /// ticket.created and ticket.updated events (empty ticketId: every ticket).
    [[nodiscard]] Subscription onTicket(const QString &ticketId, TicketCallback callback);
    quint64 onTicket(const QString &ticketId, const QObject *context, TicketCallback callback);
    void unsubscribe(quint64 subscriptionId);
    bool isSubscribed(quint64 subscriptionId) const;

    /// Sends a typing lease (§7): `true` at most every 3 s per ticket and
    /// `false` only after a `true`; redundant calls finish at once.
    VoidJob *sendTyping(const QString &ticketId, bool isTyping);

    /// Ends everything: realtime stops, every subscription is cancelled and
    /// requests in flight fail with Network/client_disconnected. The session
    /// is kept; later calls work again.
    /// (QML: `chat.disconnect()`; named like QAbstractSocket::disconnectFromHost()
    /// so that it does not hide QObject::disconnect().)
    void disconnectFromServer();

    /// The last stored event id seen (the resume cursor); persist it to
    /// resume after an app restart without gaps.
    QString lastEventId() const;
    void setLastEventId(const QString &id);

    /// The session token, for secure storage by the app (ChatState stores it
    /// in the keychain). Never log it.
    QString sessionToken() const;
    /// Restores a stored session without a network call; a stale token is
    /// answered 401 later, which emits sessionExpired().
    void restoreSession(const QString &token, SessionKind kind, const Customer &customer = {});

Q_SIGNALS:
    void teamSlugChanged();
    void baseUrlChanged();
    void realtimeChanged();
    void pollingIntervalChanged();
    void sessionKindChanged();
    void customerChanged();
    void connectionStateChanged();
    void storageDirectoryChanged();
    /// The session token changed (created, identified, logged out, expired).
    void sessionChanged();

    void messageReceived(const CStar::Message &message);
    void typingChanged(const CStar::TypingEvent &event);
    void ticketUpdated(const CStar::Ticket &ticket);
    /// Lists may be stale: the server sent `reset`, or the session's
    /// customer changed. Re-fetch them (§8).
    void resyncRequired();
    /// The session was rejected (expired or revoked); identify again.
    void sessionExpired(const CStar::ChatError &error);
    /// A realtime problem that no job reports (protocol errors, failures).
    void errorOccurred(const CStar::ChatError &error);
    /// Every event the transport dispatches, before decoding (for tools).
    void rawEventReceived(const QString &type, const QString &id, const QByteArray &data);

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    QVariant scriptMember(int member) const;
    QVariant scriptTickets() const { return scriptMember(0); }
    QVariant scriptMessages() const { return scriptMember(1); }
    QVariant scriptIdentify() const { return scriptMember(2); }
    QVariant scriptLogout() const { return scriptMember(3); }
    QVariant scriptOnMessage() const { return scriptMember(4); }
    QVariant scriptOnTyping() const { return scriptMember(5); }
    QVariant scriptOnTicket() const { return scriptMember(6); }
    QVariant scriptSendTyping() const { return scriptMember(7); }
    QVariant scriptDisconnect() const { return scriptMember(8); }

    friend class TicketsApi;
    friend class MessagesApi;
    friend class UploadsApi;
    friend class AttachmentsApi;
    friend class Subscription;
    friend class ChatClientPrivate; // isSignalConnected(): realtime follows the event signals
    std::unique_ptr<ChatClientPrivate> d;
};

} // namespace CStar
