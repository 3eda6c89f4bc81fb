// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "qmlchatjob.h"

#include <QJSValue>
#include <QtQml/qqmlregistration.h>

namespace CStar {

/// ChatClient as QML creates it: the Core client plus the calls of the JS
/// SDK's `chat.tickets.*`/`chat.messages.*` as invokables. Each returns a job
/// (`job.then(onSuccess, onError)`, or its succeeded/failed signals):
///
///     ChatClient { id: chat; teamSlug: "acme" }
///     chat.createTicket("Help with my account").then(t => console.log(t.id),
///                                                      e => console.log(e.kind, e.hint))
class QmlChatClient : public CStar::ChatClient
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ChatClient)
public:
    explicit QmlChatClient(QObject *parent = nullptr);
    ~QmlChatClient() override;

    // Hidden on purpose (QML wants the QString/QmlChatJob forms below).
    using ChatClient::identify;

    Q_INVOKABLE CStar::QmlChatJob *createTicket(const QString &title,
                                                const QString &message = QString(),
                                                const QString &priority = QString());
    /// Identified sessions only; anonymous ones fail with ChatError.AuthRequired.
    Q_INVOKABLE CStar::QmlChatJob *listTickets(const QString &status = QString(), int limit = 20,
                                               const QString &cursor = QString());
    Q_INVOKABLE CStar::QmlChatJob *getTicket(const QString &ticketId);
    Q_INVOKABLE CStar::QmlChatJob *listMessages(const QString &ticketId, int limit = 50,
                                                const QString &before = QString(),
                                                const QString &after = QString());
    Q_INVOKABLE CStar::QmlChatJob *sendMessage(const QString &ticketId, const QString &content);
    /// `customerJsonText` is the exact text your backend signed (protocol §4).
    Q_INVOKABLE CStar::QmlChatJob *identify(const QString &customerJsonText,
                                            const QString &signature);
    Q_INVOKABLE CStar::QmlChatJob *logout();
    Q_INVOKABLE CStar::QmlChatJob *sendTyping(const QString &ticketId, bool isTyping);

    /// `const off = chat.onMessage(ticketId, function (message) {…}); off()` —
    /// as in the JS SDK. An empty ticketId means every ticket. The
    /// subscription also ends when the client is destroyed.
    Q_INVOKABLE QJSValue onMessage(const QString &ticketId, const QJSValue &callback);
    Q_INVOKABLE QJSValue onTyping(const QString &ticketId, const QJSValue &callback);
    /// ticket.created / ticket.updated.
    Q_INVOKABLE QJSValue onTicket(const QString &ticketId, const QJSValue &callback);
    /// What the functions returned by onMessage()/onTyping()/onTicket() call.
    Q_INVOKABLE void unsubscribe(double subscriptionId);
    Q_INVOKABLE bool isSubscribed(double subscriptionId) const;

private:
    QmlChatJob *wrap(ChatJob *job);
    QJSValue offFunction(quint64 subscriptionId);
    void call(const QJSValue &callback, const QVariant &argument);

    QJSValue m_offFactory;
};

} // namespace CStar
