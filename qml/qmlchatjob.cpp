// SPDX-License-Identifier: MIT
#include "qmlchatjob.h"

#include "chatjob.h"
#include "customer.h"
#include "message.h"
#include "page.h"
#include "qmllogging.h"
#include "ticket.h"
#include "typingevent.h"

#include <QJSEngine>
#include <QJsonArray>
#include <QJsonObject>

namespace CStar {

namespace {

// Evaluated once per engine. `wire` adds a snake_case alias next to every
// camelCase key, as the JS SDK's realtime payloads use (protocol §1).
const char runtimeSource[] = R"JS(
(function () {
    function snake(key) {
        return key.replace(/[A-Z]/g, function (c) { return "_" + c.toLowerCase(); });
    }
    function wire(value) {
        if (Array.isArray(value))
            return value.map(wire);
        if (value === null || typeof value !== "object")
            return value;
        var out = {};
        var keys = Object.keys(value);
        keys.forEach(function (k) { out[k] = wire(value[k]); });
        keys.forEach(function (k) {
            var alias = snake(k);
            if (alias !== k && !(alias in out))
                out[alias] = out[k];
        });
        return out;
    }
    // Promise.prototype.finally is ES2018; Qt 6.4's engine lacks it. A
    // subclass adds it (then() keeps the subclass, so it chains); engines
    // that have it use Promise itself.
    var ChatPromise = typeof Promise.prototype.finally === "function" ? Promise
        : class ChatPromise extends Promise {
            finally(onFinally) {
                if (typeof onFinally !== "function")
                    return this.then(onFinally, onFinally);
                var C = this.constructor;
                return this.then(
                    function (value) { return C.resolve(onFinally()).then(function () { return value; }); },
                    function (reason) { return C.resolve(onFinally()).then(function () { throw reason; }); });
            }
        };
    return {
        deferred: function () {
            var d = {};
            d.promise = new ChatPromise(function (resolve, reject) {
                d.resolve = resolve;
                d.reject = reject;
            });
            return d;
        },
        wire: wire,
        error: function (fields) {
            var e = new Error(fields.message);
            // Own properties: `name` and `message` live on Error.prototype.
            Object.keys(fields).forEach(function (k) {
                Object.defineProperty(e, k, { value: fields[k], writable: true,
                                              enumerable: true, configurable: true });
            });
            return e;
        },
        // ChatClient's function members, bound to its ChatClientQml.
        members: function (api) {
            return {
                identify: function (customer, signature) { return api.identify(customer, signature); },
                logout: function () { return api.logout(); },
                onMessage: function (ticketId, callback) { return api.onMessage(ticketId, callback); },
                onTyping: function (ticketId, callback) { return api.onTyping(ticketId, callback); },
                onTicket: function (ticketId, callback) { return api.onTicket(ticketId, callback); },
                sendTyping: function (ticketId, isTyping) { return api.sendTyping(ticketId, !!isTyping); },
                disconnect: function () { api.disconnect(); }
            };
        },
        teardown: function (target) {
            return function () { if (target) { target.cancel(); target = null; } };
        }
    };
})
)JS";

template<typename T>
QJsonObject pageJson(const Page<T> &page)
{
    QJsonArray data;
    for (const T &item : page.data)
        data.append(item.toJson());
    return {
        {QStringLiteral("data"), data},
        {QStringLiteral("hasMore"), page.hasMore},
        {QStringLiteral("nextCursor"),
         page.nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.nextCursor)}};
}

QJsonObject messageJson(const Message &m)
{
    QJsonObject o = m.toJson();
    o.remove(QStringLiteral("isInternal")); // never sent to customers (§6)
    return o;
}

} // namespace

QJSValue QmlJobBridge::runtime(QJSEngine *engine)
{
    if (m_engine != engine || m_runtime.isUndefined()) {
        m_engine = engine;
        m_runtime = engine->evaluate(QString::fromUtf8(runtimeSource)).call();
        if (m_runtime.isError())
            qCCritical(lcQml) << "the JS bridge failed to load:" << m_runtime.toString();
    }
    return m_runtime;
}

QJSValue QmlJobBridge::toJs(QJSEngine *engine, const QVariant &value)
{
    QJsonObject json;
    const QMetaType type = value.metaType();
    if (type == QMetaType::fromType<Ticket>())
        json = value.value<Ticket>().toJson();
    else if (type == QMetaType::fromType<Message>())
        json = messageJson(value.value<Message>());
    else if (type == QMetaType::fromType<Customer>())
        json = value.value<Customer>().toJson();
    else if (type == QMetaType::fromType<TypingEvent>())
        json = value.value<TypingEvent>().toJson();
    else if (type == QMetaType::fromType<TicketPage>())
        json = pageJson(value.value<TicketPage>());
    else if (type == QMetaType::fromType<MessagePage>()) {
        MessagePage page = value.value<MessagePage>();
        json = pageJson(page);
        QJsonArray data;
        for (const Message &m : std::as_const(page.data))
            data.append(messageJson(m));
        json.insert(QStringLiteral("data"), data);
    } else
        return QJSValue(QJSValue::UndefinedValue);
    return runtime(engine).property(QStringLiteral("wire")).call({engine->toScriptValue(json)});
}

QJSValue QmlJobBridge::toJsError(QJSEngine *engine, const ChatError &error)
{
    const bool auth = error.kind() == ChatError::Kind::Authentication
        || error.kind() == ChatError::Kind::AuthRequired;
    QJSValue fields = engine->newObject();
    fields.setProperty(QStringLiteral("name"),
                       auth ? QStringLiteral("ChatClientAuthError")
                            : QStringLiteral("ChatClientError"));
    fields.setProperty(QStringLiteral("kind"), int(error.kind()));
    fields.setProperty(QStringLiteral("code"), error.code());
    fields.setProperty(QStringLiteral("message"), error.message());
    fields.setProperty(QStringLiteral("hint"),
                       error.hint().isEmpty() ? ChatError::defaultHint(error.kind())
                                              : error.hint());
    fields.setProperty(QStringLiteral("param"), error.param());
    fields.setProperty(QStringLiteral("requestId"), error.requestId());
    fields.setProperty(QStringLiteral("httpStatus"), error.httpStatus());
    fields.setProperty(QStringLiteral("retryAfter"), error.retryAfter());
    fields.setProperty(QStringLiteral("displayText"), error.displayText());
    return runtime(engine).property(QStringLiteral("error")).call({fields});
}

QJSValue QmlJobBridge::promise(QJSEngine *engine, ChatJob *job, QObject *context)
{
    QJSValue deferred = runtime(engine).property(QStringLiteral("deferred")).call();
    QObject::connect(
        job, &ChatJob::finished, context,
        [this, engine = QPointer<QJSEngine>(engine), job, deferred]() mutable {
            if (!engine)
                return;
            // job is the sender: alive while finished() is emitted.
            if (job->isSuccess()) {
                deferred.property(QStringLiteral("resolve"))
                    .call({toJs(engine, job->resultVariant())});
            } else {
                deferred.property(QStringLiteral("reject")).call({toJsError(engine, job->error())});
            }
        });
    return deferred.property(QStringLiteral("promise"));
}

QJSValue QmlJobBridge::rejected(QJSEngine *engine, const ChatError &error)
{
    QJSValue deferred = runtime(engine).property(QStringLiteral("deferred")).call();
    deferred.property(QStringLiteral("reject")).call({toJsError(engine, error)});
    return deferred.property(QStringLiteral("promise"));
}

QJSValue QmlJobBridge::members(QJSEngine *engine, QObject *api)
{
    return runtime(engine).property(QStringLiteral("members")).call({engine->toScriptValue(api)});
}

QJSValue QmlJobBridge::teardown(QJSEngine *engine, QObject *target)
{
    // toScriptValue, not newQObject: newQObject would hand `target` to the
    // JS garbage collector.
    return runtime(engine)
        .property(QStringLiteral("teardown"))
        .call({engine->toScriptValue(target)});
}

} // namespace CStar
