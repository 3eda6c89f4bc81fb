// SPDX-License-Identifier: MIT
#include "uploadpolicy.h"

#include "apierror.h"

#include <QIODevice>
#include <QImageReader>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace CStar::DevServer::UploadPolicy {

namespace {

// protocol §11, and the image format QImageReader is told to use for each
// (never guessed from the content: a "PNG" is read by the PNG reader only).
struct Type
{
    QLatin1String mediaType;
    QByteArray imageFormat;
};
const Type allowedTypes[] = {
    {"image/png"_L1, "png"_ba},   {"image/jpeg"_L1, "jpeg"_ba}, {"image/gif"_L1, "gif"_ba},
    {"image/webp"_L1, "webp"_ba}, {"application/pdf"_L1, {}},   {"text/plain"_L1, {}},
    {"text/csv"_L1, {}},          {"application/json"_L1, {}},  {"application/zip"_L1, {}},
};

const Type *typeOf(const QString &mediaType)
{
    for (const Type &t : allowedTypes) {
        if (mediaType == t.mediaType)
            return &t;
    }
    return nullptr;
}

bool startsWith(const QByteArray &head, const char *magic, qsizetype at = 0)
{
    return head.mid(at).startsWith(magic);
}

bool isUnsafeChar(char32_t c)
{
    // Control characters (C0, DEL, C1), line/paragraph separators and the
    // bidi controls that can make "exe.pdf" read as "fdp.exe".
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
        || c == 0x200f || c == 0x061c || c == 0xfeff;
}

quint32 le(const QByteArray &b, qsizetype at, int bytes)
{
    quint32 v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | quint8(b.at(at + i));
    return v;
}

// A WebP's canvas size from its first chunk (RFC 9649 §2.5–2.7), for a Qt
// without the WebP image plugin (qtimageformats is optional): the header
// check of §11 must not depend on which plugins are installed.
QSize webpHeaderSize(QIODevice *device)
{
    const QByteArray b = device->read(30);
    if (b.size() < 30 || !b.startsWith("RIFF") || b.mid(8, 4) != "WEBP")
        return {};
    const QByteArray chunk = b.mid(12, 4);
    if (chunk == "VP8X")
        return {int(le(b, 24, 3)) + 1, int(le(b, 27, 3)) + 1};
    if (chunk == "VP8L" && quint8(b.at(20)) == 0x2f) {
        const quint32 bits = le(b, 21, 4);
        return {int(bits & 0x3fff) + 1, int((bits >> 14) & 0x3fff) + 1};
    }
    if (chunk == "VP8 " && b.mid(23, 3) == "\x9d\x01\x2a")
        return {int(le(b, 26, 2) & 0x3fff), int(le(b, 28, 2) & 0x3fff)};
    return {};
}

} // namespace

QString mediaType(const QByteArray &contentTypeHeader)
{
    QByteArray type = contentTypeHeader;
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return QString::fromLatin1(type.trimmed().toLower());
}

bool isAllowed(const QString &mediaType)
{
    return typeOf(mediaType) != nullptr;
}

bool isImage(const QString &mediaType)
{
    const Type *t = typeOf(mediaType);
    return t && !t->imageFormat.isEmpty();
}

QByteArray imageFormat(const QString &mediaType)
{
    const Type *t = typeOf(mediaType);
    return t ? t->imageFormat : QByteArray();
}

void checkAllowed(const QString &mediaType)
{
    if (!isAllowed(mediaType))
        throw ApiError::unsupportedMediaType(mediaType);
}

void checkLeadingBytes(const QString &mediaType, const QByteArray &head)
{
    bool ok = true;
    if (mediaType == "image/png"_L1)
        ok = startsWith(head, "\x89PNG\r\n\x1a\n");
    else if (mediaType == "image/jpeg"_L1)
        ok = startsWith(head, "\xff\xd8\xff");
    else if (mediaType == "image/gif"_L1)
        ok = startsWith(head, "GIF87a") || startsWith(head, "GIF89a");
    else if (mediaType == "image/webp"_L1)
        ok = startsWith(head, "RIFF") && startsWith(head, "WEBP", 8);
    else if (mediaType == "application/pdf"_L1)
        ok = startsWith(head, "%PDF-");
    else if (mediaType == "application/zip"_L1)
        ok = startsWith(head, "PK\x03\x04") || startsWith(head, "PK\x05\x06"); // empty archive
    if (!ok)
        throw ApiError::contentMismatch(
            u"The file's leading bytes are not those of %1."_s.arg(mediaType));
}

QSize checkImage(QIODevice *device, const QString &mediaType, int allocationLimitMb)
{
    const QByteArray format = imageFormat(mediaType);
    QSize size;
    if (format == "webp" && !QImageReader::supportedImageFormats().contains(format)) {
        size = webpHeaderSize(device);
    } else {
        QImageReader reader(device, format);
        reader.setDecideFormatFromContent(false);
        reader.setAllocationLimit(allocationLimitMb);
        // size() reads the header only; no pixel is decoded here.
        size = reader.canRead() ? reader.size() : QSize();
    }
    if (!size.isValid() || size.isEmpty())
        throw ApiError::contentMismatch(
            u"The image's header cannot be read as %1."_s.arg(mediaType));
    if (size.width() > MaxSide || size.height() > MaxSide
        || qint64(size.width()) * size.height() > MaxPixels)
        throw ApiError::imageTooLarge(
            u"The image is %1 × %2 px; at most %3 × %3 and %4 megapixels are accepted."_s
                .arg(size.width())
                .arg(size.height())
                .arg(MaxSide)
                .arg(MaxPixels / 1000000));
    return size;
}

QString sanitizedName(const QByteArray &xFilenameHeader)
{
    // Percent-encoded UTF-8 (§11); invalid sequences become U+FFFD.
    QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(xFilenameHeader.trimmed()));
    // A path: keep its last component.
    const qsizetype separator = qMax(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    if (separator >= 0)
        name = name.mid(separator + 1);
    QString clean;
    clean.reserve(name.size());
    for (char32_t c : name.toUcs4()) {
        if (!isUnsafeChar(c))
            clean.append(QString::fromUcs4(&c, 1));
    }
    qsizetype lead = 0;
    while (lead < clean.size() && (clean.at(lead) == u'.' || clean.at(lead).isSpace()))
        ++lead;
    clean = clean.mid(lead).trimmed();
    const QList<uint> codePoints = clean.toUcs4();
    if (codePoints.size() > MaxNameChars) {
        // Keep a short extension so the file still opens with the right program.
        const qsizetype dot = clean.lastIndexOf(u'.');
        QString extension = dot > 0 ? clean.mid(dot) : QString();
        if (extension.toUcs4().size() > 16)
            extension.clear();
        const qsizetype keep = MaxNameChars - extension.toUcs4().size();
        const QList<uint> stem =
            clean.left(dot > 0 && !extension.isEmpty() ? dot : clean.size()).toUcs4().mid(0, keep);
        clean = QString::fromUcs4(reinterpret_cast<const char32_t *>(stem.constData()), stem.size())
            + extension;
    }
    return clean.isEmpty() ? u"file"_s : clean;
}

QByteArray contentDisposition(const QString &name)
{
    // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded.
    return "attachment; filename*=UTF-8''"_ba + name.toUtf8().toPercentEncoding("!#$&+.^_`|~"_ba);
}

} // namespace CStar::DevServer::UploadPolicy
