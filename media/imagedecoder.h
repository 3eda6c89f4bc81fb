// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

/// Images received from the network (attachments, protocol §11) decoded for
/// both UIs (internal library). The bytes are hostile until proven otherwise.
namespace CStar::Media {

/// The limits decodeImage() enforces (the server refuses uploads past the
/// first two with 422 image_too_large, §11; the client checks again).
constexpr int maxImageSide = 10000;
constexpr qint64 maxImagePixels = 40 * 1000 * 1000;
/// Bytes decoding may allocate for pixels: the full-size image (some
/// decoders allocate it before scaling) plus the scaled result.
constexpr qint64 maxDecodeBytes = qint64(128) * 1024 * 1024;

/// Reads only the header first; refuses (error text, null image) images over
/// 10,000 px a side / 40 MP / the allocation budget, truncated or undecodable
/// data, and formats other than §11's images (PNG, JPEG, GIF, WebP); scales
/// down to fit `bounding` (keeps aspect; invalid size: full size within the
/// limits). Never allocates past the limit. Thread-safe.
QImage decodeImage(const QString &filePath, const QSize &bounding, QString *error = nullptr);

/// Same, in QThreadPool::globalInstance(); `done` runs on `context`'s thread,
/// never if `context` is destroyed first. Call it while `context` is alive.
void decodeImageAsync(const QString &filePath, const QSize &bounding, QObject *context,
                      std::function<void(const QImage &image, const QString &error)> done);

/// The image as PNG bytes (empty for a null image).
QByteArray encodePng(const QImage &image);

} // namespace CStar::Media
