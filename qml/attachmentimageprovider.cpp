// SPDX-License-Identifier: MIT
#include "attachmentimageprovider.h"

#include "attachmentcache.h"
#include "chatclient.h"
#include "chaterror.h"
#include "imagedecoder.h"
#include "qmllogging.h"

#include <QImage>
#include <QQmlEngine>
#include <QRunnable>
#include <QThreadPool>

namespace CStar {

namespace {

/// Two decoders at a time, apart from the app's global pool: a screen of
/// thumbnails never starves the app's own work.
struct DecodePool : QThreadPool
{
    DecodePool() { setMaxThreadCount(2); }
};
Q_GLOBAL_STATIC(DecodePool, decodePool)

class DecodeRunnable : public QObject, public QRunnable
{
    Q_OBJECT
public:
    DecodeRunnable(const QString &filePath, const QSize &bounding)
        : m_filePath(filePath), m_bounding(bounding)
    { }

    void run() override
    {
        QString error;
        const QImage image = Media::decodeImage(m_filePath, m_bounding, &error);
        Q_EMIT done(image, error);
    }

Q_SIGNALS:
    void done(const QImage &image, const QString &error);

private:
    QString m_filePath;
    QSize m_bounding;
};

class DecodeResponse : public QQuickImageResponse
{
    Q_OBJECT
public:
    DecodeResponse(const QString &filePath, const QSize &bounding)
    {
        if (filePath.isEmpty()) {
            m_error = QStringLiteral("not an attachment image");
            // finished() after the caller connected to it.
            QMetaObject::invokeMethod(this, &QQuickImageResponse::finished, Qt::QueuedConnection);
            return;
        }
        auto *runnable = new DecodeRunnable(filePath, bounding);
        // Queued to this response's thread; gone with the response if it is
        // deleted first (a cancelled request).
        connect(runnable, &DecodeRunnable::done, this,
                [this](const QImage &image, const QString &error) {
                    m_image = image;
                    m_error = image.isNull() ? error : QString();
                    Q_EMIT finished();
                });
        decodePool()->start(runnable);
    }

    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }

private:
    QImage m_image;
    QString m_error;
};

} // namespace

QQuickImageResponse *AttachmentImageProvider::requestImageResponse(const QString &id,
                                                                   const QSize &requestedSize)
{
    const QString filePath = QString::fromUtf8(QByteArray::fromBase64(
        id.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return new DecodeResponse(filePath, requestedSize);
}

void AttachmentImageProvider::install(QQmlEngine *engine)
{
    const QString id = QLatin1String(providerId);
    if (engine && !engine->imageProvider(id))
        engine->addImageProvider(id, new AttachmentImageProvider);
}

QUrl AttachmentImageProvider::imageUrl(const QString &filePath)
{
    // The path as base64url: no escaping rules of image URLs to get wrong.
    return QUrl(QStringLiteral("image://%1/%2")
                    .arg(QLatin1String(providerId),
                         QString::fromLatin1(filePath.toUtf8().toBase64(
                             QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))));
}

AttachmentSource::AttachmentSource(QObject *parent) : QObject(parent) { }

void AttachmentSource::setClient(ChatClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
    update();
}

void AttachmentSource::setAttachment(const QVariantMap &attachment)
{
    if (m_attachment == attachment)
        return;
    m_attachment = attachment;
    Q_EMIT attachmentChanged();
    update();
}

void AttachmentSource::setThumbnail(bool thumbnail)
{
    if (m_thumbnail == thumbnail)
        return;
    m_thumbnail = thumbnail;
    Q_EMIT thumbnailChanged();
    update();
}

QUrl AttachmentSource::source() const
{
    return m_filePath.isEmpty() ? QUrl() : AttachmentImageProvider::imageUrl(m_filePath);
}

void AttachmentSource::componentComplete()
{
    m_complete = true;
    AttachmentImageProvider::install(qmlEngine(this));
    update();
}

void AttachmentSource::update()
{
    if (!m_complete)
        return;
    disconnect(m_ready);
    disconnect(m_failure);
    // A local echo: the outbox's own copy of the file.
    const QString localFile = m_attachment.value(QStringLiteral("filePath")).toString();
    if (!localFile.isEmpty()) {
        setResult(localFile, false);
        return;
    }
    const QString id = m_attachment.value(QStringLiteral("id")).toString();
    AttachmentCache *cache = m_client ? m_client->attachmentCache() : nullptr;
    if (id.isEmpty() || !cache) {
        setResult({}, !m_attachment.isEmpty() && m_client);
        return;
    }
    const bool thumbnail = m_thumbnail;
    m_ready = connect(cache, &AttachmentCache::ready, this,
                      [this, id, thumbnail](const QString &attachmentId, bool isThumbnail,
                                            const QString &filePath) {
                          if (attachmentId == id && isThumbnail == thumbnail)
                              setResult(filePath, false);
                      });
    m_failure = connect(cache, &AttachmentCache::failed, this,
                        [this, id, thumbnail](const QString &attachmentId, bool isThumbnail,
                                              const ChatError &error) {
                            if (attachmentId != id || isThumbnail != thumbnail)
                                return;
                            qCDebug(lcQml) << "attachment" << id << "unavailable:" << error.code();
                            setResult({}, true);
                        });
    const QString path =
        cache->request(id, m_attachment.value(QStringLiteral("sha256")).toString(), thumbnail);
    if (!path.isEmpty())
        setResult(path, false);
    else if (m_ready) // still waiting (not refused at once)
        setResult({}, false);
}

void AttachmentSource::setResult(const QString &filePath, bool failed)
{
    if (!filePath.isEmpty() || failed) {
        disconnect(m_ready);
        disconnect(m_failure);
    }
    if (m_filePath == filePath && m_failed == failed)
        return;
    m_filePath = filePath;
    m_failed = failed;
    Q_EMIT sourceChanged();
}

} // namespace CStar

#include "attachmentimageprovider.moc"
