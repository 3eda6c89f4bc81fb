// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QQuickAsyncImageProvider>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace CStar {

/// image://cstarattachment/<id>: a local attachment file (the AttachmentCache's
/// thumbnail or whole file, or a local echo's copy) decoded by
/// Media::decodeImage in a thread pool of its own — never on the GUI
/// thread, within the image limits (the bytes came from the network), scaled
/// to the Image's sourceSize. Registered by AttachmentSource on its engine.
class AttachmentImageProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr const char *providerId = "cstarattachment";

    QQuickImageResponse *requestImageResponse(const QString &id,
                                              const QSize &requestedSize) override;

    /// Adds the provider to `engine` once.
    static void install(QQmlEngine *engine);
    /// The image URL of a local file.
    static QUrl imageUrl(const QString &filePath);
};

/// Where an attachment's image is, for an Image: set client and attachment
/// (a map of MessagesModel's "attachments" role); source is an
/// image://cstarattachment URL once the file is local (a local echo's copy at
/// once, else the AttachmentCache's download), failed when it cannot be had.
///
///     AttachmentSource { id: file; client: view.client; attachment: modelData; thumbnail: true }
///     Image { source: file.source; sourceSize: Qt.size(240, 240) }
class AttachmentSource : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(CStar::ChatClient *client READ client WRITE setClient NOTIFY clientChanged)
    /// {id, sha256, filePath, …} (MessagesModel's "attachments" role).
    Q_PROPERTY(QVariantMap attachment READ attachment WRITE setAttachment NOTIFY attachmentChanged)
    /// The 512 px preview (true) or the whole file (false).
    Q_PROPERTY(bool thumbnail READ thumbnail WRITE setThumbnail NOTIFY thumbnailChanged)
    /// The image's URL for an Image; empty until the file is local.
    Q_PROPERTY(QUrl source READ source NOTIFY sourceChanged)
    /// The local file; empty until it is there.
    Q_PROPERTY(QString filePath READ filePath NOTIFY sourceChanged)
    /// The file could not be had (download failed, no client).
    Q_PROPERTY(bool failed READ failed NOTIFY sourceChanged)
public:
    explicit AttachmentSource(QObject *parent = nullptr);

    ChatClient *client() const { return m_client; }
    void setClient(ChatClient *client);
    QVariantMap attachment() const { return m_attachment; }
    void setAttachment(const QVariantMap &attachment);
    bool thumbnail() const { return m_thumbnail; }
    void setThumbnail(bool thumbnail);
    QUrl source() const;
    QString filePath() const { return m_filePath; }
    bool failed() const { return m_failed; }

    void classBegin() override { }
    void componentComplete() override;

Q_SIGNALS:
    void clientChanged();
    void attachmentChanged();
    void thumbnailChanged();
    void sourceChanged();

private:
    void update();
    void setResult(const QString &filePath, bool failed);

    QPointer<ChatClient> m_client;
    QVariantMap m_attachment;
    bool m_thumbnail = true;
    bool m_complete = false;
    QString m_filePath;
    bool m_failed = false;
    QMetaObject::Connection m_ready;
    QMetaObject::Connection m_failure;
};

} // namespace CStar
