// SPDX-License-Identifier: MIT
#pragma once

#include "qmlchatjob.h"

#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace CStar {

class ChatClient;
class ChatClientQml;

/// `chat.tickets`: create({title, message?, priority?}), list({status?,
/// limit?, cursor?}) → {data, hasMore, nextCursor}, get(id). Each returns a Promise.
class TicketsQmlApi : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit TicketsQmlApi(ChatClientQml *api);

    Q_INVOKABLE QJSValue create(const QJSValue &params);
    /// Identified sessions only: anonymous ones reject with a ChatClientAuthError.
    Q_INVOKABLE QJSValue list(const QJSValue &params = QJSValue());
    Q_INVOKABLE QJSValue get(const QString &ticketId);

private:
    ChatClientQml *m_api;
};

/// `chat.messages`: list(ticketId, {limit?, before?, after?}) → {data, hasMore,
/// nextCursor}, send(ticketId, content). Each returns a Promise.
class MessagesQmlApi : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
public:
    explicit MessagesQmlApi(ChatClientQml *api);

    Q_INVOKABLE QJSValue list(const QString &ticketId, const QJSValue &params = QJSValue());
    Q_INVOKABLE QJSValue send(const QString &ticketId, const QString &content);

private:
    ChatClientQml *m_api;
};

/// One subscription made from QML; its teardown function calls cancel().
class QmlSubscription : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
public:
    using QObject::QObject;
    Q_INVOKABLE void cancel();
};

/// The QML face of one CStar::ChatClient (a child of it, made when QML
/// first reads one of the client's script members through Core's
/// ScriptApi), so a client made in C++ has it too. The JS SDK's shape, one
/// way to do each thing, every call a Promise:
///
///     ChatClient { id: chat; teamSlug: "acme" }
///     chat.tickets.create({ title: "Help" }).then(t => chat.messages.send(t.id, "Hi"))
///                                       .catch(e => console.log(e.name, e.hint))
class ChatClientQml : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(CStar::TicketsQmlApi *tickets READ tickets CONSTANT)
    Q_PROPERTY(CStar::MessagesQmlApi *messages READ messages CONSTANT)
public:
    explicit ChatClientQml(ChatClient *client);
    ~ChatClientQml() override;

    /// The one of `client`, made on first use.
    static ChatClientQml *of(ChatClient *client);
    /// The value of ChatClient's script property `member` (ScriptApi::Member).
    QVariant member(int member);

    TicketsQmlApi *tickets() const { return m_tickets; }
    MessagesQmlApi *messages() const { return m_messages; }

    /// `customer`: a string is sent byte for byte; an object is serialised
    /// by the engine's JSON.stringify (insertion order), exactly what a JS
    /// backend signed with `createHmac(…).update(JSON.stringify(customer))`.
    Q_INVOKABLE QJSValue identify(const QJSValue &customer, const QString &signature);
    Q_INVOKABLE QJSValue logout();
    /// `const off = chat.onMessage(ticketId, msg => …); off()`. An empty
    /// ticketId means every ticket; the client's end also ends it.
    Q_INVOKABLE QJSValue onMessage(const QString &ticketId, const QJSValue &callback);
    Q_INVOKABLE QJSValue onTyping(const QString &ticketId, const QJSValue &callback);
    /// ticket.created / ticket.updated.
    Q_INVOKABLE QJSValue onTicket(const QString &ticketId, const QJSValue &callback);
    Q_INVOKABLE QJSValue sendTyping(const QString &ticketId, bool isTyping);
    /// ChatClient::disconnectFromServer().
    Q_INVOKABLE void disconnect();

    // For the sub-APIs.
    ChatClient *client() const { return m_client; }
    QJSEngine *engine() const;
    QJSValue promise(ChatJob *job);
    QJSValue rejected(const ChatError &error);

private:
    template<typename Value>
    void call(const QJSValue &callback, const Value &value);

    ChatClient *m_client;
    TicketsQmlApi *m_tickets;
    MessagesQmlApi *m_messages;
    QmlJobBridge m_bridge;
    QPointer<QJSEngine> m_membersEngine;
    QJSValue m_members;
};

} // namespace CStar
