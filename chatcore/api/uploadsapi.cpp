// SPDX-License-Identifier: MIT
#include "uploadsapi.h"

#include "apirequest_p.h"
#include "chatclient_p.h"
#include "chatjob_p.h"
#include "routes_p.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QPointer>
#include <QUrl>
#include <QUuid>

namespace CStar {

using namespace Internal::Api;

UploadJob::UploadJob(QObject *parent) : Job<Attachment>(objectParser<Attachment>(), parent) { }

namespace {

UploadJob *failed(ChatClient *client, const ChatError &error)
{
    auto *job = new UploadJob(client);
    Internal::JobAccess::fail(job, error);
    return job;
}

ChatError tooLarge()
{
    ChatError e(ChatError::Kind::Validation, QStringLiteral("file_too_large"),
                QStringLiteral("The file is larger than 10 MiB (protocol §11)"));
    e.setParam(QStringLiteral("file"));
    return e;
}

} // namespace

QString UploadsApi::guessContentType(const QString &name, const QByteArray &head)
{
    const QMimeType mime = QMimeDatabase().mimeTypeForFileNameAndData(name, head);
    static const QStringList exact = {
        QStringLiteral("image/png"),       QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"),       QStringLiteral("image/webp"),
        QStringLiteral("application/pdf"), QStringLiteral("text/plain"),
        QStringLiteral("text/csv"),        QStringLiteral("application/json"),
        QStringLiteral("application/zip")};
    for (const QString &type : exact) {
        if (mime.name() == type || mime.aliases().contains(type))
            return type;
    }
    // Logs, Markdown, source code…: §11 takes them as plain text.
    if (mime.inherits(QStringLiteral("text/plain")))
        return QStringLiteral("text/plain");
    return mime.name();
}

UploadJob *UploadsApi::upload(QIODevice *device, const UploadOptions &options)
{
    if (!device || !device->isReadable())
        return failed(m_client,
                      ChatError(ChatError::Kind::Validation, QStringLiteral("file_unreadable"),
                                QStringLiteral("The file to upload is not open for reading")));
    // At most one byte more than allowed: enough to know it is too large.
    const QByteArray bytes = device->read(maxFileSize + 1);
    if (bytes.size() > maxFileSize)
        return failed(m_client, tooLarge());

    Internal::RestRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = Routes::uploads();
    request.body = bytes;
    const QString name = options.name;
    request.contentType = (options.contentType.isEmpty() ? guessContentType(name, bytes.left(4096))
                                                         : options.contentType)
                              .toLatin1();
    // §11: the name as percent-encoded UTF-8 (a header carries no raw UTF-8).
    request.headers.append({QByteArrayLiteral("X-Filename"), QUrl::toPercentEncoding(name)});
    request.idempotencyKey = options.idempotencyKey;
    auto *job = new UploadJob(m_client);
    QPointer<UploadJob> guard(job);
    request.uploadProgress = [guard](qint64 sent, qint64 total) {
        if (guard)
            Q_EMIT guard->uploadProgress(sent, total);
    };
    // An empty file has no body; the transport sends none: say so.
    if (bytes.isEmpty())
        request.headers.append({QByteArrayLiteral("Content-Type"), request.contentType});
    m_client->d->send(std::move(request), job);
    return job;
}

UploadJob *UploadsApi::upload(const QString &filePath, const UploadOptions &options)
{
    QFile file(filePath);
    if (file.size() > maxFileSize)
        return failed(m_client, tooLarge());
    if (!file.open(QIODevice::ReadOnly))
        return failed(m_client,
                      ChatError(ChatError::Kind::Validation, QStringLiteral("file_unreadable"),
                                QStringLiteral("Cannot read %1: %2")
                                    .arg(QFileInfo(filePath).fileName(), file.errorString())));
    UploadOptions withName = options;
    if (withName.name.isEmpty())
        withName.name = QFileInfo(filePath).fileName();
    return upload(&file, withName);
}

} // namespace CStar
