// SPDX-License-Identifier: MIT
#include "qmlchatclient.h"

#include "chatclient.h"
#include "qmllogging.h"
#include "scriptapi.h"

#include <QJSEngine>

#include <iterator>

namespace CStar {

namespace {

ChatError invalidParameter(const QString &param, const QString &message)
{
    ChatError error(ChatError::Kind::Validation, QStringLiteral("parameter_invalid"), message);
    error.setParam(param);
    return error;
}

/// `params[name]` as a string, or `fallback` when absent.
QString stringParam(const QJSValue &params, const QString &name, const QString &fallback = {})
{
    const QJSValue v = params.property(name);
    return v.isUndefined() || v.isNull() ? fallback : v.toString();
}

int intParam(const QJSValue &params, const QString &name, int fallback)
{
    const QJSValue v = params.property(name);
    return v.isUndefined() || v.isNull() ? fallback : v.toInt();
}

bool isParams(const QJSValue &params)
{
    return params.isObject() && !params.isArray() && !params.isCallable();
}

} // namespace

// ---- chat.tickets --------------------------------------------------------------

TicketsQmlApi::TicketsQmlApi(ChatClientQml *api) : QObject(api), m_api(api) { }

QJSValue TicketsQmlApi::create(const QJSValue &params)
{
    // The JS SDK's shape only: a bare string would otherwise become a title
    // by accident of conversion.
    if (!isParams(params) || !params.property(QStringLiteral("title")).isString())
        return m_api->rejected(invalidParameter(
            QStringLiteral("title"), QStringLiteral("Pass {title, message?, priority?}")));
    NewTicket ticket;
    ticket.title = stringParam(params, QStringLiteral("title"));
    ticket.message = stringParam(params, QStringLiteral("message"));
    ticket.priority = stringParam(params, QStringLiteral("priority"));
    return m_api->promise(m_api->client()->tickets().create(ticket));
}

QJSValue TicketsQmlApi::list(const QJSValue &params)
{
    if (!params.isUndefined() && !isParams(params))
        return m_api->rejected(invalidParameter(QStringLiteral("params"),
                                                QStringLiteral("Pass {status?, limit?, cursor?}")));
    TicketListOptions options;
    options.status = stringParam(params, QStringLiteral("status"));
    options.limit = intParam(params, QStringLiteral("limit"), options.limit);
    options.cursor = stringParam(params, QStringLiteral("cursor"));
    return m_api->promise(m_api->client()->tickets().list(options));
}

QJSValue TicketsQmlApi::get(const QString &ticketId)
{
    return m_api->promise(m_api->client()->tickets().get(ticketId));
}

// ---- chat.messages -------------------------------------------------------------

MessagesQmlApi::MessagesQmlApi(ChatClientQml *api) : QObject(api), m_api(api) { }

QJSValue MessagesQmlApi::list(const QString &ticketId, const QJSValue &params)
{
    if (!params.isUndefined() && !isParams(params))
        return m_api->rejected(invalidParameter(QStringLiteral("params"),
                                                QStringLiteral("Pass {limit?, before?, after?}")));
    MessageListOptions options;
    options.limit = intParam(params, QStringLiteral("limit"), options.limit);
    options.before = stringParam(params, QStringLiteral("before"));
    options.after = stringParam(params, QStringLiteral("after"));
    return m_api->promise(m_api->client()->messages().list(ticketId, options));
}

QJSValue MessagesQmlApi::send(const QString &ticketId, const QString &content)
{
    return m_api->promise(m_api->client()->messages().send(ticketId, content));
}

// ---- subscriptions ---------------------------------------------------------------

void QmlSubscription::cancel()
{
    // The Core subscription has this object as its context: it ends here.
    deleteLater();
}

// ---- chat ----------------------------------------------------------------------

namespace {

/// Installed when the module loads: ChatClient's script properties
/// (chat.tickets, chat.identify, …) come from here.
class QmlScriptApi : public ScriptApi
{
public:
    QmlScriptApi() { ScriptApi::install(this); }
    ~QmlScriptApi() override
    {
        if (ScriptApi::installed() == this)
            ScriptApi::install(nullptr);
    }
    QVariant member(ChatClient *client, Member member) override
    {
        return ChatClientQml::of(client)->member(int(member));
    }
};

QmlScriptApi scriptApi;

} // namespace

ChatClientQml::ChatClientQml(ChatClient *client)
    : QObject(client)
    , m_client(client)
    , m_tickets(new TicketsQmlApi(this))
    , m_messages(new MessagesQmlApi(this))
{
    setObjectName(QStringLiteral("cstar_qml_api"));
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    QJSEngine::setObjectOwnership(m_tickets, QJSEngine::CppOwnership);
    QJSEngine::setObjectOwnership(m_messages, QJSEngine::CppOwnership);
}

ChatClientQml::~ChatClientQml() = default;

ChatClientQml *ChatClientQml::of(ChatClient *client)
{
    auto *api = client->findChild<ChatClientQml *>(QStringLiteral("cstar_qml_api"),
                                                   Qt::FindDirectChildrenOnly);
    return api ? api : new ChatClientQml(client);
}

QVariant ChatClientQml::member(int member)
{
    using M = ScriptApi::Member;
    switch (M(member)) {
    case M::Tickets:
        return QVariant::fromValue(static_cast<QObject *>(m_tickets));
    case M::Messages:
        return QVariant::fromValue(static_cast<QObject *>(m_messages));
    default:
        break;
    }
    QJSEngine *jsEngine = engine();
    if (!jsEngine)
        return {};
    if (m_membersEngine != jsEngine || m_members.isUndefined()) {
        m_membersEngine = jsEngine;
        m_members = m_bridge.members(jsEngine, this);
    }
    static const char *const names[] = {"",         "",           "identify",
                                        "logout",   "onMessage",  "onTyping",
                                        "onTicket", "sendTyping", "disconnect"};
    if (member < 0 || member >= int(std::size(names)))
        return {};
    return QVariant::fromValue(m_members.property(QLatin1String(names[member])));
}

QJSEngine *ChatClientQml::engine() const
{
    // The client was handed to JavaScript to reach us, so it has an engine.
    return qjsEngine(m_client);
}

QJSValue ChatClientQml::promise(ChatJob *job)
{
    QJSEngine *jsEngine = engine();
    if (!jsEngine) {
        qCWarning(lcQml) << "ChatClient: called without a JavaScript engine";
        job->abandon();
        return {};
    }
    return m_bridge.promise(jsEngine, job, this);
}

QJSValue ChatClientQml::rejected(const ChatError &error)
{
    QJSEngine *jsEngine = engine();
    return jsEngine ? m_bridge.rejected(jsEngine, error) : QJSValue();
}

QJSValue ChatClientQml::identify(const QJSValue &customer, const QString &signature)
{
    QByteArray text;
    if (customer.isString()) {
        text = customer.toString().toUtf8(); // the exact text that was signed
    } else if (isParams(customer) && engine()) {
        // The engine's own JSON.stringify: insertion order, JS number
        // formatting — the bytes a JS backend signed (protocol §4).
        const QJSValue json = engine()->globalObject().property(QStringLiteral("JSON"));
        text = json.property(QStringLiteral("stringify"))
                   .callWithInstance(json, {customer})
                   .toString()
                   .toUtf8();
    } else {
        return rejected(invalidParameter(
            QStringLiteral("customer"),
            QStringLiteral("Pass the customer object or the exact JSON text your backend signed")));
    }
    return promise(m_client->identify(text, signature));
}

QJSValue ChatClientQml::logout()
{
    return promise(m_client->logout());
}

QJSValue ChatClientQml::sendTyping(const QString &ticketId, bool isTyping)
{
    return promise(m_client->sendTyping(ticketId, isTyping));
}

void ChatClientQml::disconnect()
{
    m_client->disconnectFromServer();
}

template<typename Value>
void ChatClientQml::call(const QJSValue &callback, const Value &value)
{
    QJSEngine *jsEngine = engine();
    if (!jsEngine)
        return;
    const QJSValue result =
        QJSValue(callback).call({m_bridge.toJs(jsEngine, QVariant::fromValue(value))});
    if (result.isError()) {
        qCWarning(lcQml).noquote() << "a subscription callback threw:" << result.toString()
                                   << result.property(QStringLiteral("stack")).toString();
    }
}

QJSValue ChatClientQml::onMessage(const QString &ticketId, const QJSValue &callback)
{
    if (!callback.isCallable() || !engine())
        return {};
    auto *subscription = new QmlSubscription(this);
    m_client->onMessage(ticketId, subscription,
                        [this, callback](const Message &m) { call(callback, m); });
    return m_bridge.teardown(engine(), subscription);
}

QJSValue ChatClientQml::onTyping(const QString &ticketId, const QJSValue &callback)
{
    if (!callback.isCallable() || !engine())
        return {};
    auto *subscription = new QmlSubscription(this);
    m_client->onTyping(ticketId, subscription,
                       [this, callback](const TypingEvent &e) { call(callback, e); });
    return m_bridge.teardown(engine(), subscription);
}

QJSValue ChatClientQml::onTicket(const QString &ticketId, const QJSValue &callback)
{
    if (!callback.isCallable() || !engine())
        return {};
    auto *subscription = new QmlSubscription(this);
    m_client->onTicket(ticketId, subscription,
                       [this, callback](const Ticket &t) { call(callback, t); });
    return m_bridge.teardown(engine(), subscription);
}

} // namespace CStar
