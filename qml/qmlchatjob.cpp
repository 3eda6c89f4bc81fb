// SPDX-License-Identifier: MIT
#include "qmlchatjob.h"

#include "page.h"
#include "qmllogging.h"

#include <QJSEngine>
#include <QMetaMethod>
#include <QVariantList>
#include <QVariantMap>

#include <utility>

namespace CStar {

namespace {

template<typename T>
QVariantMap pageToMap(const Page<T> &page)
{
    QVariantList data;
    data.reserve(page.data.size());
    for (const T &item : page.data)
        data.append(QVariant::fromValue(item));
    return {{QStringLiteral("data"), data},
            {QStringLiteral("hasMore"), page.hasMore},
            {QStringLiteral("nextCursor"), page.nextCursor}};
}

/// Page<T> is not a gadget: hand JavaScript a plain object instead.
QVariant toQmlResult(const QVariant &result)
{
    if (result.metaType() == QMetaType::fromType<TicketPage>())
        return pageToMap(result.value<TicketPage>());
    if (result.metaType() == QMetaType::fromType<MessagePage>())
        return pageToMap(result.value<MessagePage>());
    return result;
}

void reportJsError(const QJSValue &value)
{
    if (value.isError()) {
        qCWarning(lcQml).noquote() << "a job callback threw:" << value.toString()
                                   << value.property(QStringLiteral("stack")).toString();
    }
}

} // namespace

QmlChatJob::QmlChatJob(ChatJob *inner, QJSEngine *engine, QObject *parent)
    : ChatJob(parent), m_inner(inner), m_engine(engine)
{
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    connect(this, &ChatJob::finished, this, &QmlChatJob::deliver);
    follow();
}

QmlChatJob::~QmlChatJob()
{
    // abandon() on this job: the request it follows is not wanted either.
    if (m_inner && !m_inner->isFinished())
        m_inner->abandon();
}

void QmlChatJob::follow()
{
    if (!m_inner) {
        fail(ChatError(ChatError::Kind::Protocol, QStringLiteral("no_job"),
                       QStringLiteral("The client could not start the request")));
        return;
    }
    connect(m_inner, &ChatJob::retrying, this, &ChatJob::retrying);
    connect(m_inner, &ChatJob::finished, this, [this] {
        if (m_inner->isSuccess()) {
            m_result = toQmlResult(m_inner->resultVariant());
            complete({}, 200);
        } else {
            fail(m_inner->error());
        }
    });
}

bool QmlChatJob::readEnvelope(const QJsonObject &, int)
{
    return true; // the result was taken from the inner job
}

QmlChatJob *QmlChatJob::then(const QJSValue &onSuccess, const QJSValue &onError)
{
    m_callbacks.append({onSuccess, onError});
    if (isFinished()) // then() from inside a finished handler
        deliver();
    return this;
}

void QmlChatJob::deliver()
{
    const QList<Callbacks> callbacks = std::exchange(m_callbacks, {});
    bool handled = isSuccess() || isSignalConnected(QMetaMethod::fromSignal(&ChatJob::failed));
    if (m_engine) {
        const QJSValue argument =
            isSuccess() ? m_engine->toScriptValue(m_result) : m_engine->toScriptValue(error());
        for (const Callbacks &c : callbacks) {
            const QJSValue &callback = isSuccess() ? c.onSuccess : c.onError;
            if (!callback.isCallable())
                continue;
            handled = true;
            reportJsError(callback.call({argument}));
        }
    }
    if (!handled)
        qCWarning(lcQml).noquote() << "unhandled job failure:" << error().toString() << "request id"
                                   << error().requestId();
}

} // namespace CStar
