// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace CStar {

/// A file of a message (protocol §11): `att_…` once attached, or the answer
/// to an upload (`upl_…`, with expiresAt) before that. Only metadata: the
/// bytes come from AttachmentsApi::download().
class CSTARCHAT_CORE_EXPORT Attachment
{
    Q_GADGET
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString contentType MEMBER contentType)
    Q_PROPERTY(qint64 size MEMBER size)
    Q_PROPERTY(QString sha256 MEMBER sha256)
    Q_PROPERTY(int width MEMBER width)
    Q_PROPERTY(int height MEMBER height)
    Q_PROPERTY(bool isImage READ isImage)
    Q_PROPERTY(bool isValid READ isValid)
public:
    QString id; ///< "att_…" (attached) or "upl_…" (an upload)
    QString name; ///< sanitised by the server
    QString contentType;
    qint64 size = 0; ///< bytes
    QString sha256; ///< lowercase hex of the bytes
    int width = 0; ///< images only, else 0
    int height = 0;
    QDateTime expiresAt; ///< uploads only: deleted unless attached by then

    bool isValid() const { return !id.isEmpty(); }
    bool isImage() const { return contentType.startsWith(QLatin1String("image/")); }

    /// The one decoder of an attachment or upload object (camelCase and
    /// snake_case, §1); an object without an id is invalid.
    static Attachment fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    /// A JSON array of attachments; entries without an id are dropped.
    static QList<Attachment> listFromJson(const QJsonValue &array);
    /// {id, name, contentType, size, sha256, isImage, width, height,
    /// filePath}: the map of MessagesModel's "attachments" role. `filePath`:
    /// a local copy of the bytes, if the caller has one.
    QVariantMap toVariantMap(const QString &filePath = QString()) const;

    friend bool operator==(const Attachment &a, const Attachment &b)
    {
        return a.id == b.id && a.name == b.name && a.contentType == b.contentType
            && a.size == b.size && a.sha256 == b.sha256 && a.width == b.width
            && a.height == b.height && a.expiresAt == b.expiresAt;
    }
    friend bool operator!=(const Attachment &a, const Attachment &b) { return !(a == b); }
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::Attachment)
