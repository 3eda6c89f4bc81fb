// SPDX-License-Identifier: MIT
#include "chatjob.h"
#include "chatjob_p.h"

#include "logging_p.h"

#include <QJsonObject>
#include <QList>
#include <QMetaMethod>
#include <QMetaObject>
#include <QThread>

namespace CStar {

class ChatJobPrivate
{
public:
    ChatError error;
    bool finished = false;
    bool completing = false;
    bool abandoned = false;
    bool errorHandled = false;
    QList<QPointer<ChatJob>> subJobs;
};

ChatJob::ChatJob(QObject *parent) : QObject(parent), d(new ChatJobPrivate) { }

ChatJob::~ChatJob()
{
    // A composite job owns its parts: nobody else waits for them.
    for (const QPointer<ChatJob> &sub : std::as_const(d->subJobs)) {
        if (sub && !sub->isFinished())
            sub->abandon();
    }
}

bool ChatJob::isFinished() const
{
    return d->finished;
}

bool ChatJob::isSuccess() const
{
    return d->finished && !d->error.isError();
}

ChatError ChatJob::error() const
{
    return d->error;
}

QVariant ChatJob::resultVariant() const
{
    return {};
}

bool ChatJob::readEnvelope(const QJsonObject &, int)
{
    return true;
}

void ChatJob::abandon()
{
    if (d->abandoned)
        return;
    d->abandoned = true;
    for (const QPointer<ChatJob> &sub : std::as_const(d->subJobs)) {
        if (sub && !sub->isFinished())
            sub->abandon();
    }
    deleteLater();
}

bool ChatJob::isAbandoned() const
{
    return d->abandoned;
}

bool ChatJob::isErrorHandled() const
{
    return d->errorHandled;
}

void ChatJob::complete(const QJsonObject &envelope, int httpStatus)
{
    if (d->completing || d->abandoned)
        return;
    if (!readEnvelope(envelope, httpStatus)) {
        fail(ChatError(ChatError::Kind::Protocol, QStringLiteral("unexpected_response"),
                       QStringLiteral("The server's answer does not have the expected shape")));
        return;
    }
    d->completing = true;
    finishLater();
}

void ChatJob::fail(const ChatError &error)
{
    settle(error, false);
}

void ChatJob::settle(const ChatError &error, bool handled)
{
    if (d->completing || d->abandoned)
        return;
    d->completing = true;
    d->error = error;
    d->errorHandled = handled;
    finishLater();
}

void ChatJob::finishLater()
{
    // Queued, so finished() never fires inside the call that created the job.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (d->abandoned)
                return;
            d->finished = true;
            const bool watched = isSignalConnected(QMetaMethod::fromSignal(&ChatJob::finished))
                || isSignalConnected(QMetaMethod::fromSignal(&ChatJob::failed));
            if (d->error.isError() && !watched && !d->errorHandled) {
                // The end of a chain nobody handles: say so rather than lose it.
                qCWarning(lcClient).noquote() << "unhandled job failure:" << d->error.toString()
                                              << "request id" << d->error.requestId();
            }
            Q_EMIT finished();
            if (d->error.isError())
                Q_EMIT failed(d->error);
            else
                Q_EMIT succeeded();
            deleteLater();
        },
        Qt::QueuedConnection);
}

void ChatJob::continueWith(QObject *context, ChatJob *continuation, std::function<void()> handler)
{
    if (context && context->thread() != thread()) {
        // The callbacks would read this job from another thread after it
        // deleted itself: refuse rather than race.
        qCCritical(lcClient) << "ChatJob::then(): the context object lives in another thread;"
                                " connect to finished() with a queued connection instead";
        ChatError error(ChatError::Kind::Validation, QStringLiteral("context_in_other_thread"),
                        QStringLiteral("then() needs a context object in the job's thread"));
        error.setParam(QStringLiteral("context"));
        continuation->settle(error);
        return;
    }
    struct State
    {
        bool ran = false;
        QMetaObject::Connection contextGone;
    };
    auto state = std::make_shared<State>();
    QPointer<ChatJob> next(continuation);
    if (context) {
        state->contextGone = connect(context, &QObject::destroyed, continuation, [next, state] {
            if (next && !state->ran)
                next->abandon();
        });
    }
    // Nothing will ever run the callbacks if this job goes without finishing.
    connect(this, &QObject::destroyed, continuation, [next, state] {
        if (next && !state->ran)
            next->abandon();
    });
    connect(this, &ChatJob::finished, context ? context : this,
            [state, handler = std::move(handler)] {
                state->ran = true;
                QObject::disconnect(state->contextGone);
                handler();
            });
}

void ChatJob::adopt(ChatJob *sub, std::function<void()> handler)
{
    d->subJobs.append(QPointer<ChatJob>(sub));
    connect(sub, &ChatJob::retrying, this, &ChatJob::retrying);
    connect(sub, &ChatJob::finished, this, [this, handler = std::move(handler)] {
        if (!d->abandoned)
            handler();
    });
}

void ChatJob::follow(ChatJob *sub, std::function<void()> takeResult)
{
    QPointer<ChatJob> guard(sub);
    adopt(sub, [this, guard, takeResult = std::move(takeResult)] {
        if (!guard)
            return;
        if (guard->isSuccess()) {
            takeResult();
            settle({});
        } else {
            settle(guard->error(), guard->isErrorHandled());
        }
    });
}

} // namespace CStar
