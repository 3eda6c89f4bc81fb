// SPDX-License-Identifier: MIT
#include "imagedecoder.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <algorithm>
#include <memory>

namespace CStar::Media {

namespace {

Q_LOGGING_CATEGORY(lcMedia, "cstar.chat.media", QtWarningMsg)

QImage refuse(const QString &filePath, QString *error, const QString &why)
{
    qCDebug(lcMedia) << "not decoded:" << filePath << why;
    if (error)
        *error = why;
    return {};
}

// §11's images only: the other formats' parsers (XPM, PBM, SVG, TGA…) are
// never offered hostile bytes, whatever the file's name says.
bool isAllowedFormat(const QByteArray &format)
{
    return format == "png" || format == "jpeg" || format == "jpg" || format == "gif"
        || format == "webp";
}

// Qt converts images to at least 32 bits per pixel for painting; a 16-bit
// PNG decodes to 64.
qint64 bytesPerPixel(QImage::Format format)
{
    if (format == QImage::Format_Invalid)
        return 4; // not in the header (GIF): decoded as 32-bit ARGB
    return std::max(4, QImage::toPixelFormat(format).bitsPerPixel() / 8);
}

// libjpeg pads a truncated JPEG with grey and only warns; PNG's and GIF's
// decoders fail by themselves. An end-of-image marker (FF D9) cannot occur
// inside entropy-coded data (a data 0xFF is always followed by 00), so a
// scan cut short has none near its end; 64 KiB leave room for the trailers
// some cameras append.
bool jpegLooksComplete(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    constexpr qint64 window = 64 * 1024;
    if (file.size() > window && !file.seek(file.size() - window))
        return false;
    return file.read(window).contains(QByteArrayLiteral("\xFF\xD9"));
}

QSize fitted(const QSize &full, const QSize &bounding)
{
    if (!bounding.isValid() || bounding.isEmpty()
        || (full.width() <= bounding.width() && full.height() <= bounding.height()))
        return full;
    return full.scaled(bounding, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

} // namespace

QImage decodeImage(const QString &filePath, const QSize &bounding, QString *error)
{
    if (error)
        error->clear();
    // The process-wide QImageReader::setAllocationLimit() (Qt 6.0, in MB,
    // checked inside read()) is deliberately left alone: it belongs to the
    // host application and would change every image it loads, from any
    // thread. This function enforces its own budget from the header, before
    // read() allocates anything; Qt's limit still applies on top.
    QImageReader reader(filePath);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format(); // from the leading bytes
    if (format.isEmpty())
        return refuse(filePath, error,
                      QStringLiteral("not an image: %1").arg(reader.errorString()));
    if (!isAllowedFormat(format))
        return refuse(
            filePath, error,
            QStringLiteral("image format not allowed: %1").arg(QString::fromLatin1(format)));

    // Header only: no pixel is decoded yet.
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return refuse(filePath, error, QStringLiteral("unreadable image header"));
    if (size.width() > maxImageSide || size.height() > maxImageSide
        || qint64(size.width()) * size.height() > maxImagePixels)
        return refuse(
            filePath, error,
            QStringLiteral("image too large: %1 × %2 px").arg(size.width()).arg(size.height()));

    reader.setAutoTransform(true);
    QSize box = bounding;
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        box.transpose(); // the box applies to the image as shown
    const QSize target = fitted(size, box);
    // Qt's JPEG and plain PNG readers scale while decoding (a 25 MP PNG to
    // 512 px peaks under 2 MiB), but GIF, WebP and interlaced PNG decode the
    // full size first: count the worst case, both buffers.
    const qint64 depth = bytesPerPixel(reader.imageFormat());
    qint64 estimate = qint64(size.width()) * size.height() * depth;
    if (target != size)
        estimate += qint64(target.width()) * target.height() * depth;
    if (estimate > maxDecodeBytes)
        return refuse(filePath, error,
                      QStringLiteral("image needs %1 MiB to decode, over the %2 MiB budget")
                          .arg(estimate / (1024 * 1024))
                          .arg(maxDecodeBytes / (1024 * 1024)));
    if ((format == "jpeg" || format == "jpg") && !jpegLooksComplete(filePath))
        return refuse(filePath, error, QStringLiteral("image not decodable: truncated JPEG"));
    if (target != size)
        reader.setScaledSize(target);

    QImage image;
    if (!reader.read(&image) || image.isNull())
        return refuse(filePath, error,
                      QStringLiteral("image not decodable: %1").arg(reader.errorString()));
    return image;
}

void decodeImageAsync(const QString &filePath, const QSize &bounding, QObject *context,
                      std::function<void(const QImage &image, const QString &error)> done)
{
    Q_ASSERT(context);
    if (!context || !done)
        return;
    // The worker posts to `context` only while it is alive: the destroyed
    // handler and the post exclude each other, and a post that lands just
    // before the destruction is dropped with the context's posted events.
    struct Delivery
    {
        QMutex mutex;
        QObject *context = nullptr;
        QMetaObject::Connection watch;
    };
    auto delivery = std::make_shared<Delivery>();
    delivery->context = context;
    delivery->watch = QObject::connect(context, &QObject::destroyed, [delivery] {
        QMutexLocker lock(&delivery->mutex);
        delivery->context = nullptr;
    });
    QThreadPool::globalInstance()->start([filePath, bounding, delivery, done = std::move(done)] {
        QString error;
        const QImage image = decodeImage(filePath, bounding, &error);
        QMutexLocker lock(&delivery->mutex);
        if (!delivery->context)
            return;
        QMetaObject::invokeMethod(
            delivery->context,
            [delivery, done, image, error] {
                QObject::disconnect(delivery->watch);
                done(image, error);
            },
            Qt::QueuedConnection);
    });
}

QByteArray encodePng(const QImage &image)
{
    if (image.isNull())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

} // namespace CStar::Media
