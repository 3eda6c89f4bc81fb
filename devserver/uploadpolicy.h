// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

class QIODevice;

namespace CStar::DevServer {

/// What protocol §11 accepts as a file, as pure functions (also the fuzz
/// target's subject): media types, leading bytes, image headers, names.
/// Each check throws the ApiError of §11.
namespace UploadPolicy {

/// The media type without parameters, lower-cased ("Text/Plain; charset=x" → "text/plain").
QString mediaType(const QByteArray &contentTypeHeader);
bool isAllowed(const QString &mediaType);
bool isImage(const QString &mediaType);
/// The QImageReader format of an image type ("png"), empty for others.
QByteArray imageFormat(const QString &mediaType);

/// 415 unsupported_media_type unless allowed.
void checkAllowed(const QString &mediaType);
/// 422 content_mismatch when an image, PDF or zip does not start like one.
void checkLeadingBytes(const QString &mediaType, const QByteArray &head);
/// For images: decodes the header only, under `allocationLimitMb` (QImageReader).
/// 422 content_mismatch if it cannot be read, 422 image_too_large past
/// 10,000 × 10,000 or 40 megapixels. Leaves `device` at an unspecified position.
QSize checkImage(QIODevice *device, const QString &mediaType, int allocationLimitMb);

/// The stored name (§11): percent-decoded UTF-8; no path separators (the last
/// component is kept), control or bidi-override characters, leading dots or
/// spaces; at most 200 characters (the extension kept); empty → "file".
QString sanitizedName(const QByteArray &xFilenameHeader);

/// `Content-Disposition: attachment; filename*=UTF-8''…` (RFC 6266/8187).
QByteArray contentDisposition(const QString &name);

constexpr int MaxSide = 10000;
constexpr qint64 MaxPixels = 40LL * 1000 * 1000;
constexpr int MaxNameChars = 200;

} // namespace UploadPolicy

} // namespace CStar::DevServer
