// SPDX-License-Identifier: MIT
#include "qmlscreenshot.h"

#include "conversationcontroller.h"
#include "imagedecoder.h"
#include "qmllogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QQuickWindow>
#include <QTemporaryDir>

namespace CStar {

ChatScreenshot::ChatScreenshot(QObject *parent) : QObject(parent) { }

ChatScreenshot::~ChatScreenshot() = default;

QUrl ChatScreenshot::captureWindow(QQuickWindow *window)
{
    if (!window)
        return {};
    // The scene as rendered, the chat included: the app's own pixels.
    return storeImage(window->grabWindow());
}

QUrl ChatScreenshot::store(const QVariant &source)
{
    if (source.metaType() == QMetaType::fromType<QImage>())
        return storeImage(source.value<QImage>());
    if (QObject *object = source.value<QObject *>()) {
        // An ItemGrabResult (Item.grabToImage()): its image property.
        const QVariant image = object->property("image");
        return image.metaType() == QMetaType::fromType<QImage>() ? storeImage(image.value<QImage>())
                                                                 : QUrl();
    }
    const QUrl url = source.metaType() == QMetaType::fromType<QUrl>()
        ? source.toUrl()
        : QUrl::fromUserInput(source.toString(), QDir::currentPath(), QUrl::AssumeLocalFile);
    QString path;
    if (url.isLocalFile())
        path = url.toLocalFile();
    else if (url.scheme() == QLatin1String("qrc"))
        path = QLatin1Char(':') + url.path();
    if (path.isEmpty()) {
        qCWarning(lcQml) << "screenshotProvider returned nothing usable:" << source.typeName();
        return {};
    }
    // An app's file is decoded like any image: within the limits.
    QString error;
    const QImage image = Media::decodeImage(path, QSize(), &error);
    if (image.isNull())
        qCWarning(lcQml) << "screenshotProvider's image is unusable:" << error;
    return storeImage(image);
}

QUrl ChatScreenshot::storeImage(const QImage &image)
{
    if (image.isNull())
        return {};
    if (!m_dir) {
        // Private (0700) and removed on exit: a screenshot may show anything.
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                + QStringLiteral("/cstar-screenshots-XXXXXX"));
        if (!m_dir->isValid()) {
            qCWarning(lcQml) << "no folder for screenshots:" << m_dir->errorString();
            m_dir.reset();
            return {};
        }
    }
    const QString path = m_dir->filePath(QStringLiteral("screenshot-%1.png").arg(++m_serial));
    QFile file(path);
    const QByteArray png = Media::encodePng(image);
    if (png.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(png) != png.size()) {
        qCWarning(lcQml) << "could not store a screenshot:" << file.errorString();
        QFile::remove(path);
        return {};
    }
    return QUrl::fromLocalFile(path);
}

QString ChatScreenshot::storedPath(const QUrl &screenshot) const
{
    // Only files this object stored: QML cannot make it read anything else.
    if (!m_dir || !screenshot.isLocalFile())
        return {};
    const QFileInfo info(screenshot.toLocalFile());
    if (info.absolutePath() != QFileInfo(m_dir->path()).absoluteFilePath() || !info.isFile())
        return {};
    return info.absoluteFilePath();
}

QSize ChatScreenshot::imageSize(const QUrl &screenshot) const
{
    const QString path = storedPath(screenshot);
    return path.isEmpty() ? QSize() : QImageReader(path).size();
}

bool ChatScreenshot::attach(ConversationController *conversation, const QUrl &screenshot,
                            const QRect &crop)
{
    const QString path = storedPath(screenshot);
    if (!conversation || path.isEmpty())
        return false;
    QImage image = Media::decodeImage(path, QSize());
    QFile::remove(path);
    const QRect area = crop.intersected(image.rect());
    if (!area.isEmpty())
        image = image.copy(area);
    return conversation->attachScreenshotPng(Media::encodePng(image));
}

void ChatScreenshot::discard(const QUrl &screenshot)
{
    const QString path = storedPath(screenshot);
    if (!path.isEmpty())
        QFile::remove(path);
}

} // namespace CStar
