// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"

#include <QObject>
#include <QPointer>
#include <QVariant>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace CStar {

class ChatJobPrivate;
class VoidJob;
template<typename T>
class Job;
namespace Internal {
class JobAccess;
struct Chain;
} // namespace Internal

/// The one asynchronous mechanism of the library: every call that talks to
/// the server returns a job, in the spirit of QNetworkReply, KJob and
/// libQuotient's jobs. A job emits finished() exactly once, always after the
/// call that created it has returned (so connecting right after the call is
/// safe), then deletes itself. succeeded()/failed() follow finished(). Errors
/// are values (ChatError), never exceptions. Retries happen inside the job.
///
/// Only the library completes a job. abandon() cancels it: no signal after
/// that, and the job (with any request or sub-job it runs) goes away.
class CSTARCHAT_CORE_EXPORT ChatJob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool isFinished READ isFinished NOTIFY finished)
    Q_PROPERTY(bool isSuccess READ isSuccess NOTIFY finished)
    Q_PROPERTY(CStar::ChatError error READ error NOTIFY finished)
    Q_PROPERTY(QVariant result READ resultVariant NOTIFY finished)
public:
    ~ChatJob() override;

    bool isFinished() const;
    bool isSuccess() const;
    ChatError error() const;
    /// The typed result as a QVariant (for QML); C++ uses Job<T>::result().
    virtual QVariant resultVariant() const;

    /// Cancels the job: no signal is emitted after this, its request and
    /// sub-jobs are abandoned too, and it deletes itself.
    Q_INVOKABLE void abandon();

Q_SIGNALS:
    void finished();
    void succeeded();
    void failed(const CStar::ChatError &error);
    /// A transient failure is about to be retried (attempt counts from 1).
    void retrying(int attempt, const CStar::ChatError &error);

protected:
    explicit ChatJob(QObject *parent = nullptr);
    /// Returns false when the envelope does not hold what this job expects.
    virtual bool readEnvelope(const QJsonObject &envelope, int httpStatus);

    /// Part of then(): runs `handler` once when this job finishes, in the
    /// thread of `context` (null: this job), unless `continuation` or the
    /// context is gone first (then the continuation is abandoned). A context
    /// in another thread is refused: the continuation fails at once with
    /// Validation/context_in_other_thread and a critical log line.
    void continueWith(QObject *context, ChatJob *continuation, std::function<void()> handler);
    /// Makes `sub` a part of this job (KCompositeJob-style): `sub` is
    /// abandoned with this job, and `handler` runs when it finishes, only
    /// while this job is alive and not abandoned.
    void adopt(ChatJob *sub, std::function<void()> handler);
    /// Follows `sub` to its end: this job finishes as it does, with
    /// `takeResult` copying its result first (on success).
    void follow(ChatJob *sub, std::function<void()> takeResult);
    /// Finishes without an envelope (continuations, composite jobs).
    /// `handled`: a failure someone already saw, not worth a warning.
    void settle(const ChatError &error, bool handled = false);
    bool isErrorHandled() const;

private:
    friend class Internal::JobAccess;
    friend struct Internal::Chain;

    void complete(const QJsonObject &envelope, int httpStatus);
    void fail(const ChatError &error);
    bool isAbandoned() const;
    void finishLater();

    std::unique_ptr<ChatJobPrivate> d;
};

namespace Internal {
/// What then() returns for a callback returning R.
template<typename R>
struct ContinuationOf
{
    using type = Job<R>;
};
template<>
struct ContinuationOf<void>
{
    using type = VoidJob;
};
template<typename U>
struct ContinuationOf<Job<U> *>
{
    using type = Job<U>;
};
template<>
struct ContinuationOf<VoidJob *>
{
    using type = VoidJob;
};
template<typename R>
struct IsJobPointer : std::false_type
{
};
template<typename U>
struct IsJobPointer<Job<U> *> : std::true_type
{
};
template<>
struct IsJobPointer<VoidJob *> : std::true_type
{
};

/// The machinery of then(); not API.
struct Chain
{
    using OnError = std::function<void(const ChatError &)>;

    template<typename Produce>
    static auto start(ChatJob *self, QObject *context, Produce produce, OnError onError)
    {
        using R = std::invoke_result_t<Produce>;
        using Next = typename ContinuationOf<R>::type;
        auto *next = new Next();
        QPointer<Next> guard(next);
        self->continueWith(
            context, next,
            [self, guard, produce = std::move(produce), onError = std::move(onError)]() mutable {
                if (self->isSuccess())
                    resolve(guard, produce);
                else
                    reject(self, guard.data(), onError);
            });
        return next;
    }

    static void reject(ChatJob *self, ChatJob *next, const OnError &onError)
    {
        const ChatError e = self->error();
        const bool handled = self->isErrorHandled() || bool(onError);
        if (onError)
            onError(e);
        if (next)
            next->settle(e, handled);
    }

    /// Completes `next` with what `produce` returns: nothing, a value, or a
    /// job to follow to its end.
    template<typename Next, typename Produce>
    static void resolve(const QPointer<Next> &guard, Produce &produce)
    {
        using R = std::invoke_result_t<Produce>;
        if constexpr (std::is_void_v<R>) {
            produce();
            if (guard)
                guard->settle({});
        } else if constexpr (IsJobPointer<R>::value) {
            R sub = produce();
            if (!guard) {
                if (sub)
                    sub->abandon();
                return;
            }
            if (!sub) {
                guard->settle(ChatError(ChatError::Kind::Protocol, QStringLiteral("no_job"),
                                        QStringLiteral("then(): the callback returned no job")));
                return;
            }
            Next *next = guard.data();
            if constexpr (std::is_same_v<Next, VoidJob>)
                next->follow(sub, [] {});
            else
                next->follow(sub, [next, sub] { next->m_result = sub->result(); });
        } else {
            R value = produce();
            if (guard) {
                guard->m_result = std::move(value);
                guard->settle({});
            }
        }
    }
};
} // namespace Internal

/// A job without a result (logout, typing, continuations of void callbacks).
class CSTARCHAT_CORE_EXPORT VoidJob : public CStar::ChatJob
{
    Q_OBJECT
public:
    explicit VoidJob(QObject *parent = nullptr) : ChatJob(parent) { }

    /// As Job<T>::then(), with an onSuccess that takes no argument.
    template<typename OnSuccess, typename OnError>
    auto then(QObject *context, OnSuccess onSuccess, OnError onError)
    {
        return Internal::Chain::start(this, context, std::move(onSuccess),
                                      Internal::Chain::OnError(std::move(onError)));
    }
    template<typename OnSuccess>
    auto then(QObject *context, OnSuccess onSuccess)
    {
        return Internal::Chain::start(this, context, std::move(onSuccess),
                                      Internal::Chain::OnError());
    }
};

/// A job with a typed result. T is one of Ticket, Message, Customer, or a
/// Page<…>; the parser turns the success envelope into T.
template<typename T>
class Job : public ChatJob
{
public:
    using Parser = std::function<bool(const QJsonObject &envelope, int httpStatus, T &out)>;

    explicit Job(Parser parser = {}, QObject *parent = nullptr)
        : ChatJob(parent), m_parser(std::move(parser))
    { }

    const T &result() const { return m_result; }
    QVariant resultVariant() const override { return QVariant::fromValue(m_result); }

    /// A continuation, as QFuture::then(): when this job finishes, calls
    /// onSuccess(result) or onError(error) in the thread of `context` (which
    /// must be this job's thread; null means no context object), and returns
    /// a new job that finishes after the callback ran: with the callback's
    /// return value (a returned job is followed to its end), or with this
    /// job's error. Without onError a failure travels down the chain; one
    /// that ends a chain nobody handles or watches is logged as a warning.
    /// If `context` is destroyed first, no callback runs and the returned job
    /// is abandoned.
    template<typename OnSuccess, typename OnError>
    auto then(QObject *context, OnSuccess onSuccess, OnError onError)
    {
        return Internal::Chain::start(
            this, context,
            [this, onSuccess = std::move(onSuccess)]() mutable { return onSuccess(m_result); },
            Internal::Chain::OnError(std::move(onError)));
    }
    template<typename OnSuccess>
    auto then(QObject *context, OnSuccess onSuccess)
    {
        return Internal::Chain::start(
            this, context,
            [this, onSuccess = std::move(onSuccess)]() mutable { return onSuccess(m_result); },
            Internal::Chain::OnError());
    }

protected:
    bool readEnvelope(const QJsonObject &envelope, int httpStatus) override
    {
        return !m_parser || m_parser(envelope, httpStatus, m_result);
    }

private:
    friend struct Internal::Chain;

    Parser m_parser;
    T m_result {};
};

} // namespace CStar
