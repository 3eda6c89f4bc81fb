// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "cstarchat_core_export.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace CStar {

/// A local file the customer is about to send (protocol §11).
class CSTARCHAT_CORE_EXPORT OutgoingAttachment
{
    Q_GADGET
    Q_PROPERTY(QString filePath MEMBER filePath)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString contentType MEMBER contentType)
    Q_PROPERTY(qint64 size MEMBER size)
    Q_PROPERTY(bool isImage READ isImage)
public:
    QString filePath; ///< a local file
    QString name; ///< the name sent (X-Filename); the server sanitises it
    QString contentType;
    qint64 size = 0; ///< bytes

    /// image/png, image/jpeg, image/gif or image/webp: the images of §11.
    bool isImage() const;
    bool isValid() const { return !filePath.isEmpty(); }

    /// Size, name (the file's) and type (UploadsApi::guessContentType of name + first bytes).
    static OutgoingAttachment fromFile(const QString &filePath, const QString &name = {});
    /// §11 as far as the client can tell before sending: ChatError
    /// Validation/FileRefusal with code "file_too_large" (> 10 MiB),
    /// "unsupported_media_type" (not in §11's list), "file_unreadable"; or a
    /// null ChatError when fine.
    ChatError check() const;
    /// {filePath, name, contentType, size, isImage}: what QML passes around.
    QVariantMap toVariantMap() const;

    friend bool operator==(const OutgoingAttachment &a, const OutgoingAttachment &b)
    {
        return a.filePath == b.filePath && a.name == b.name && a.contentType == b.contentType
            && a.size == b.size;
    }
    friend bool operator!=(const OutgoingAttachment &a, const OutgoingAttachment &b)
    {
        return !(a == b);
    }
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::OutgoingAttachment)
