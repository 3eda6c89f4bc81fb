// SPDX-License-Identifier: MIT
#include "chatjob.h"

#include <QJsonObject>
#include <QMetaObject>

namespace CStar {

ChatJob::ChatJob(QObject *parent) : QObject(parent) { }

ChatJob::~ChatJob() = default;

bool ChatJob::readEnvelope(const QJsonObject &, int)
{
    return true;
}

void ChatJob::abandon()
{
    m_abandoned = true;
    deleteLater();
}

void ChatJob::complete(const QJsonObject &envelope, int httpStatus)
{
    if (m_completing || m_abandoned)
        return;
    if (!readEnvelope(envelope, httpStatus)) {
        fail(ChatError(ChatError::Kind::Protocol, QStringLiteral("unexpected_response"),
                       QStringLiteral("The server's answer does not have the expected shape")));
        return;
    }
    m_completing = true;
    finishLater();
}

void ChatJob::fail(const ChatError &error)
{
    if (m_completing || m_abandoned)
        return;
    m_completing = true;
    m_error = error;
    finishLater();
}

void ChatJob::finishLater()
{
    // Queued, so finished() never fires inside the call that created the job.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_abandoned)
                return;
            m_finished = true;
            Q_EMIT finished();
            if (m_error.isError())
                Q_EMIT failed(m_error);
            else
                Q_EMIT succeeded();
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace CStar
