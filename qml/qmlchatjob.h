// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"

#include <QJSValue>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QJSEngine;
QT_END_NAMESPACE

namespace CStar {

class ChatJob;

/// Turns Core jobs into JavaScript Promises of one engine, and Core values
/// into the plain objects the JS SDK's callbacks see: wire strings
/// (`sender: "agent"`, `status: "open"`) under both the camelCase and the
/// snake_case names (`senderName`/`sender_name`, `createdAt`/`created_at`…).
/// The JavaScript it needs is evaluated once, when first used.
class QmlJobBridge
{
public:
    QmlJobBridge() = default;

    /// A real Promise of `engine` (then/catch/finally, adopting returned
    /// promises) that settles when `job` finishes: resolved with its result
    /// as a plain object, rejected with toJsError(). `context` ends the
    /// wait when destroyed (the promise then never settles).
    QJSValue promise(QJSEngine *engine, ChatJob *job, QObject *context);
    /// A Promise already rejected with `error` (a call that cannot start).
    QJSValue rejected(QJSEngine *engine, const ChatError &error);

    /// `{name, kind, code, message, hint, param, requestId, httpStatus,
    /// retryAfter, displayText}` as an Error object; name is
    /// "ChatClientAuthError" for Authentication and AuthRequired, else
    /// "ChatClientError"; hint falls back to ChatError::defaultHint().
    QJSValue toJsError(QJSEngine *engine, const ChatError &error);
    /// Ticket, Message, Customer, TypingEvent, TicketPage or MessagePage as a
    /// plain object (pages as `{data, hasMore, nextCursor}`); undefined otherwise.
    QJSValue toJs(QJSEngine *engine, const QVariant &value);
    /// ChatClient's function members (identify, logout, onMessage, onTyping,
    /// onTicket, sendTyping, disconnect) calling `api`'s invokables.
    QJSValue members(QJSEngine *engine, QObject *api);
    /// `function () { target.cancel() }`, callable any number of times.
    QJSValue teardown(QJSEngine *engine, QObject *target);

private:
    QJSValue runtime(QJSEngine *engine);

    QPointer<QJSEngine> m_engine;
    QJSValue m_runtime;
};

} // namespace CStar
