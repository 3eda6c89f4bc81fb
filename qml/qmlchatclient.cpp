// SPDX-License-Identifier: MIT
#include "qmlchatclient.h"

#include "qmlchatjob.h"
#include "qmllogging.h"

#include <QJSEngine>
#include <QQmlEngine>

namespace CStar {

QmlChatClient::QmlChatClient(QObject *parent) : ChatClient(parent) { }

QmlChatClient::~QmlChatClient() = default;

QmlChatJob *QmlChatClient::wrap(ChatJob *job)
{
    // Owned by this client until it finishes, then it deletes itself: the JS
    // garbage collector must never own (and delete) a job.
    auto *qmlJob = new QmlChatJob(job, qjsEngine(this), this);
    QJSEngine::setObjectOwnership(qmlJob, QJSEngine::CppOwnership);
    return qmlJob;
}

QmlChatJob *QmlChatClient::createTicket(const QString &title, const QString &message,
                                        const QString &priority)
{
    return wrap(tickets().create(title, message, priority));
}

QmlChatJob *QmlChatClient::listTickets(const QString &status, int limit, const QString &cursor)
{
    TicketListOptions options;
    options.status = status;
    options.limit = limit;
    options.cursor = cursor;
    return wrap(tickets().list(options));
}

QmlChatJob *QmlChatClient::getTicket(const QString &ticketId)
{
    return wrap(tickets().get(ticketId));
}

QmlChatJob *QmlChatClient::listMessages(const QString &ticketId, int limit, const QString &before,
                                        const QString &after)
{
    MessageListOptions options;
    options.limit = limit;
    options.before = before;
    options.after = after;
    return wrap(messages().list(ticketId, options));
}

QmlChatJob *QmlChatClient::sendMessage(const QString &ticketId, const QString &content)
{
    return wrap(messages().send(ticketId, content));
}

QmlChatJob *QmlChatClient::identify(const QString &customerJsonText, const QString &signature)
{
    return wrap(ChatClient::identify(customerJsonText.toUtf8(), signature));
}

QmlChatJob *QmlChatClient::logout()
{
    return wrap(ChatClient::logout());
}

QmlChatJob *QmlChatClient::sendTyping(const QString &ticketId, bool isTyping)
{
    return wrap(ChatClient::sendTyping(ticketId, isTyping));
}

void QmlChatClient::call(const QJSValue &callback, const QVariant &argument)
{
    QJSEngine *engine = qjsEngine(this);
    if (!engine || !callback.isCallable())
        return;
    const QJSValue result = callback.call({engine->toScriptValue(argument)});
    if (result.isError()) {
        qCWarning(lcQml).noquote() << "a subscription callback threw:" << result.toString()
                                   << result.property(QStringLiteral("stack")).toString();
    }
}

QJSValue QmlChatClient::offFunction(quint64 subscriptionId)
{
    QJSEngine *engine = qjsEngine(this);
    if (!engine)
        return {};
    if (m_offFactory.isUndefined()) {
        m_offFactory = engine->evaluate(QStringLiteral(
            "(function (client, id) { return function () { client.unsubscribe(id); }; })"));
    }
    // toScriptValue, not newQObject: newQObject would hand this client to the
    // JS garbage collector.
    return m_offFactory.call(
        {engine->toScriptValue(static_cast<QObject *>(this)), QJSValue(double(subscriptionId))});
}

QJSValue QmlChatClient::onMessage(const QString &ticketId, const QJSValue &callback)
{
    const quint64 id = ChatClient::onMessage(ticketId, this, [this, callback](const Message &m) {
        call(callback, QVariant::fromValue(m));
    });
    return offFunction(id);
}

QJSValue QmlChatClient::onTyping(const QString &ticketId, const QJSValue &callback)
{
    const quint64 id = ChatClient::onTyping(ticketId, this, [this, callback](const TypingEvent &e) {
        call(callback, QVariant::fromValue(e));
    });
    return offFunction(id);
}

QJSValue QmlChatClient::onTicket(const QString &ticketId, const QJSValue &callback)
{
    const quint64 id = ChatClient::onTicket(ticketId, this, [this, callback](const Ticket &t) {
        call(callback, QVariant::fromValue(t));
    });
    return offFunction(id);
}

void QmlChatClient::unsubscribe(double subscriptionId)
{
    ChatClient::unsubscribe(quint64(subscriptionId));
}

bool QmlChatClient::isSubscribed(double subscriptionId) const
{
    return ChatClient::isSubscribed(quint64(subscriptionId));
}

} // namespace CStar
