// SPDX-License-Identifier: MIT
#include "attachmentsapi.h"

#include "chatclient_p.h"
#include "chatjob_p.h"
#include "routes_p.h"

#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QUrl>

namespace CStar {

class DownloadJobPrivate
{
public:
    QString contentType;
    QString fileName;
    qint64 bytesWritten = 0;
};

DownloadJob::DownloadJob(QObject *parent) : VoidJob(parent), d(new DownloadJobPrivate) { }
DownloadJob::~DownloadJob() = default;

QString DownloadJob::contentType() const
{
    return d->contentType;
}
QString DownloadJob::fileName() const
{
    return d->fileName;
}
qint64 DownloadJob::bytesWritten() const
{
    return d->bytesWritten;
}

QString AttachmentsApi::fileNameFromContentDisposition(const QByteArray &header)
{
    // RFC 6266: filename* (RFC 8187, UTF-8''percent-encoded) wins over filename.
    QString plain;
    for (QByteArray part : header.split(';')) {
        part = part.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = part.left(eq).trimmed().toLower();
        QByteArray value = part.mid(eq + 1).trimmed();
        if (key == "filename*") {
            const qsizetype quote = value.indexOf("''");
            if (quote >= 0 && value.left(quote).toLower() == "utf-8")
                return QString::fromUtf8(QByteArray::fromPercentEncoding(value.mid(quote + 2)));
        } else if (key == "filename") {
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            plain = QString::fromUtf8(value);
        }
    }
    return plain;
}

DownloadJob *AttachmentsApi::download(const QString &attachmentId, QIODevice *sink,
                                      const DownloadOptions &options)
{
    auto *job = new DownloadJob(m_client);
    if (!sink || !sink->isWritable()) {
        Internal::JobAccess::fail(
            job,
            ChatError(ChatError::Kind::Validation, QStringLiteral("file_unwritable"),
                      QStringLiteral("The download's device is not open for writing")));
        return job;
    }
    Internal::RestRequest request;
    request.path = Routes::attachment(attachmentId);
    if (options.thumbnail)
        request.query.addQueryItem(QStringLiteral("thumbnail"), QStringLiteral("1"));
    request.sink = sink;
    request.maxSinkBytes = options.maxBytes;
    QPointer<DownloadJob> guard(job);
    request.downloadProgress = [guard](qint64 received, qint64 total) {
        if (guard)
            Q_EMIT guard->downloadProgress(received, total);
    };
    request.downloaded = [guard](const QNetworkReply &reply, qint64 written) {
        if (!guard)
            return;
        guard->d->contentType =
            QString::fromLatin1(reply.header(QNetworkRequest::ContentTypeHeader).toByteArray());
        guard->d->fileName = fileNameFromContentDisposition(reply.rawHeader("Content-Disposition"));
        guard->d->bytesWritten = written;
    };
    m_client->d->send(std::move(request), job);
    return job;
}

DownloadJob *AttachmentsApi::download(const QString &attachmentId, const QString &filePath,
                                      const DownloadOptions &options)
{
    // The file appears only whole: a failed or cancelled download leaves
    // nothing (QSaveFile writes beside it and renames on commit()).
    auto *file = new QSaveFile(filePath);
    auto *outer = new DownloadJob(m_client);
    file->setParent(outer);
    if (!file->open(QIODevice::WriteOnly)) {
        Internal::JobAccess::fail(
            outer,
            ChatError(ChatError::Kind::Validation, QStringLiteral("file_unwritable"),
                      QStringLiteral("Cannot write %1: %2").arg(filePath, file->errorString())));
        return outer;
    }
    DownloadJob *inner = download(attachmentId, file, options);
    QObject::connect(inner, &DownloadJob::downloadProgress, outer, &DownloadJob::downloadProgress);
    Internal::JobAccess::adopt(outer, inner, [outer, inner, file] {
        *outer->d = *inner->d;
        if (!inner->isSuccess()) {
            file->cancelWriting();
            return Internal::JobAccess::fail(outer, inner->error());
        }
        if (!file->commit())
            return Internal::JobAccess::fail(
                outer,
                ChatError(ChatError::Kind::Validation, QStringLiteral("file_unwritable"),
                          QStringLiteral("Cannot save the download: ") + file->errorString()));
        Internal::JobAccess::succeed(outer);
    });
    return outer;
}

} // namespace CStar
