// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"

#include <QObject>
#include <QPointer>
#include <QVariant>

#include <functional>
#include <utility>

namespace CStar {

/// The one asynchronous mechanism of the library: every call that talks to
/// the server returns a job, in the spirit of QNetworkReply and libQuotient's
/// jobs. A job emits finished() exactly once, always after the call that
/// created it has returned (so connecting right after the call is safe), then
/// deletes itself. succeeded()/failed() follow finished(). Errors are values
/// (ChatError), never exceptions. Retries happen inside the job. From QML the
/// same object is used through its properties and signals.
class CSTARCHAT_CORE_EXPORT ChatJob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool isFinished READ isFinished NOTIFY finished)
    Q_PROPERTY(bool isSuccess READ isSuccess NOTIFY finished)
    Q_PROPERTY(CStar::ChatError error READ error NOTIFY finished)
    Q_PROPERTY(QVariant result READ resultVariant NOTIFY finished)
public:
    ~ChatJob() override;

    bool isFinished() const { return m_finished; }
    bool isSuccess() const { return m_finished && !m_error.isError(); }
    ChatError error() const { return m_error; }
    /// The typed result as a QVariant (for QML); C++ uses Job<T>::result().
    virtual QVariant resultVariant() const { return {}; }

    /// Stops the job: no signal is emitted after this, and it deletes itself.
    Q_INVOKABLE void abandon();

    // Internal: the transport completes jobs through these.
    /// Takes the success envelope; a subclass that cannot read it fails
    /// the job with a Protocol error.
    void complete(const QJsonObject &envelope, int httpStatus);
    void fail(const ChatError &error);
    bool isAbandoned() const { return m_abandoned; }

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

private:
    void finishLater();

    ChatError m_error;
    bool m_finished = false;
    bool m_completing = false;
    bool m_abandoned = false;
};

/// A job with a typed result. T is one of Ticket, Message, Customer, or a
/// Page<…>; the parser turns the success envelope into T.
template<typename T>
class Job : public ChatJob
{
public:
    using Parser = std::function<bool(const QJsonObject &envelope, int httpStatus, T &out)>;

    Job(Parser parser, QObject *parent) : ChatJob(parent), m_parser(std::move(parser)) { }

    const T &result() const { return m_result; }
    QVariant resultVariant() const override { return QVariant::fromValue(m_result); }

    /// Convenience for C++: calls onSuccess(result) or onError(error) in the
    /// thread of `context`, unless context is destroyed first.
    template<typename OnSuccess, typename OnError>
    Job *then(QObject *context, OnSuccess onSuccess, OnError onError)
    {
        QObject::connect(this, &ChatJob::finished, context,
                         [this, onSuccess = std::move(onSuccess), onError = std::move(onError)] {
                             if (isSuccess())
                                 onSuccess(m_result);
                             else
                                 onError(error());
                         });
        return this;
    }
    template<typename OnSuccess>
    Job *then(QObject *context, OnSuccess onSuccess)
    {
        return then(context, std::move(onSuccess), [](const ChatError &) {});
    }

protected:
    bool readEnvelope(const QJsonObject &envelope, int httpStatus) override
    {
        return !m_parser || m_parser(envelope, httpStatus, m_result);
    }

private:
    Parser m_parser;
    T m_result {};
};

/// A job without a result (logout, typing).
class CSTARCHAT_CORE_EXPORT VoidJob : public CStar::ChatJob
{
    Q_OBJECT
public:
    explicit VoidJob(QObject *parent = nullptr) : ChatJob(parent) { }
    template<typename OnSuccess, typename OnError>
    VoidJob *then(QObject *context, OnSuccess onSuccess, OnError onError)
    {
        QObject::connect(this, &ChatJob::finished, context,
                         [this, onSuccess = std::move(onSuccess), onError = std::move(onError)] {
                             if (isSuccess())
                                 onSuccess();
                             else
                                 onError(error());
                         });
        return this;
    }
};

} // namespace CStar
