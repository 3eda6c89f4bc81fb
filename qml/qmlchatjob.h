// SPDX-License-Identifier: MIT
#pragma once

#include "chatjob.h"

#include <QJSValue>
#include <QList>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

QT_BEGIN_NAMESPACE
class QJSEngine;
QT_END_NAMESPACE

namespace CStar {

/// The job QML's ChatClient returns: a ChatJob that follows one Core job and
/// finishes with its outcome, plus then() for JavaScript. Page results (lists)
/// become `{data: [...], hasMore, nextCursor}`. Like every job it emits
/// finished() exactly once, after the calling function returned, then deletes
/// itself; it is owned by the client (C++ ownership), never by the JS heap.
class QmlChatJob : public CStar::ChatJob
{
    Q_OBJECT
    QML_ANONYMOUS
public:
    QmlChatJob(ChatJob *inner, QJSEngine *engine, QObject *parent);
    ~QmlChatJob() override;

    QVariant resultVariant() const override { return m_result; }

    /// `job.then(function (result) {…}, function (error) {…})`: one of the two
    /// is called when the job finishes; returns the job for chaining. A
    /// failure nobody handles (no onError, no `failed` connection) is logged
    /// as a warning with its code, message and request id, never swallowed.
    Q_INVOKABLE CStar::QmlChatJob *then(const QJSValue &onSuccess,
                                        const QJSValue &onError = QJSValue());

protected:
    bool readEnvelope(const QJsonObject &envelope, int httpStatus) override;

private:
    void follow();
    void deliver();

    struct Callbacks
    {
        QJSValue onSuccess;
        QJSValue onError;
    };
    QPointer<ChatJob> m_inner;
    QPointer<QJSEngine> m_engine;
    QVariant m_result;
    QList<Callbacks> m_callbacks;
};

} // namespace CStar
