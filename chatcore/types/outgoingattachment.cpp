// SPDX-License-Identifier: MIT
#include "outgoingattachment.h"

#include "uploadsapi.h"

#include <QFile>
#include <QFileInfo>

namespace CStar {

namespace {

/// §11's allowed types.
bool isAllowedType(const QString &type)
{
    static const QStringList allowed = {
        QStringLiteral("image/png"),       QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"),       QStringLiteral("image/webp"),
        QStringLiteral("application/pdf"), QStringLiteral("text/plain"),
        QStringLiteral("text/csv"),        QStringLiteral("application/json"),
        QStringLiteral("application/zip")};
    return allowed.contains(type);
}

ChatError refusal(const QString &code, const QString &message)
{
    ChatError e(ChatError::Kind::Validation, code, message);
    e.setParam(QStringLiteral("file"));
    return e;
}

} // namespace

bool OutgoingAttachment::isImage() const
{
    return contentType == QLatin1String("image/png") || contentType == QLatin1String("image/jpeg")
        || contentType == QLatin1String("image/gif") || contentType == QLatin1String("image/webp");
}

OutgoingAttachment OutgoingAttachment::fromFile(const QString &filePath, const QString &name)
{
    OutgoingAttachment a;
    a.filePath = filePath;
    const QFileInfo info(filePath);
    a.name = name.isEmpty() ? info.fileName() : name;
    a.size = info.isFile() ? info.size() : 0;
    QByteArray head;
    QFile file(filePath);
    if (info.isFile() && file.open(QIODevice::ReadOnly))
        head = file.read(4096); // enough for QMimeDatabase's magic rules
    a.contentType = UploadsApi::guessContentType(a.name, head);
    return a;
}

ChatError OutgoingAttachment::check() const
{
    const QFileInfo info(filePath);
    // The file as it is now: it may have changed since fromFile().
    if (filePath.isEmpty() || !info.isFile() || !info.isReadable())
        return refusal(QStringLiteral("file_unreadable"),
                       QStringLiteral("The file cannot be read: %1").arg(info.fileName()));
    if (qMax(size, info.size()) > UploadsApi::maxFileSize)
        return refusal(QStringLiteral("file_too_large"),
                       QStringLiteral("The file is larger than 10 MiB (protocol §11)"));
    if (!isAllowedType(contentType))
        return refusal(QStringLiteral("unsupported_media_type"),
                       QStringLiteral("Files of type %1 cannot be sent (protocol §11)")
                           .arg(contentType.isEmpty() ? QStringLiteral("unknown") : contentType));
    return ChatError();
}

QVariantMap OutgoingAttachment::toVariantMap() const
{
    return {{QStringLiteral("filePath"), filePath},
            {QStringLiteral("name"), name},
            {QStringLiteral("contentType"), contentType},
            {QStringLiteral("size"), size},
            {QStringLiteral("isImage"), isImage()}};
}

} // namespace CStar
