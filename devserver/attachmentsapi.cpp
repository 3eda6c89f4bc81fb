// SPDX-License-Identifier: MIT
#include "attachmentsapi.h"

#include "apierror.h"
#include "apirequest.h"
#include "attachmentstore.h"
#include "context.h"
#include "database.h"
#include "options.h"
#include "ticketstore.h"
#include "uploadpolicy.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

constexpr int MaxAttachments = 10; // protocol §11
constexpr int ThumbnailSide = 512;

QByteArray sha256Of(QIODevice *device)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    device->seek(0);
    hash.addData(device);
    return hash.result().toHex();
}

struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; ///< inclusive
};

/// One `bytes=` range (RFC 9110 §14.1.2). nullopt: no usable Range header
/// (absent, another unit, several ranges, bad syntax), so the whole file is
/// sent. Throws 416 when it is well-formed but outside the file.
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes="))
        return std::nullopt;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0 || spec.contains(','))
        return std::nullopt;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    auto digits = [](const QByteArray &s) {
        return !s.isEmpty() && s.size() <= 18
            && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    ByteRange r;
    if (a.isEmpty()) { // suffix: the last N bytes
        if (!digits(b))
            return std::nullopt;
        const qint64 n = b.toLongLong();
        if (n == 0 || size == 0)
            throw ApiError::rangeNotSatisfiable(size);
        r.first = qMax<qint64>(0, size - n);
        r.last = size - 1;
        return r;
    }
    if (!digits(a) || (!b.isEmpty() && !digits(b)))
        return std::nullopt;
    r.first = a.toLongLong();
    r.last = b.isEmpty() ? size - 1 : qMin(b.toLongLong(), size - 1);
    if (!b.isEmpty() && b.toLongLong() < r.first)
        return std::nullopt; // invalid: ignored
    if (r.first >= size)
        throw ApiError::rangeNotSatisfiable(size);
    return r;
}

} // namespace

AttachmentsApi::AttachmentsApi(Context &context) : m_ctx(context) { }

QString AttachmentsApi::ownerOf(const ApiRequest &request)
{
    if (request.caller.isAgent())
        return u"agent"_s;
    return u"session:"_s + QString::fromLatin1(request.caller.tokenHash);
}

QStringList AttachmentsApi::uploadIds(const QJsonObject &body)
{
    const QJsonValue value = body.value(u"attachments"_s);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        throw ApiError::parameterInvalid(u"attachments"_s,
                                         u"attachments must be an array of upload ids."_s);
    const QJsonArray array = value.toArray();
    if (array.size() > MaxAttachments)
        throw ApiError::parameterInvalid(
            u"attachments"_s, u"At most %1 attachments per message."_s.arg(MaxAttachments));
    QStringList ids;
    for (const QJsonValue &v : array) {
        if (!v.isString() || v.toString().isEmpty())
            throw ApiError::parameterInvalid(u"attachments"_s,
                                             u"attachments must be an array of upload ids."_s);
        if (ids.contains(v.toString()))
            throw ApiError::parameterInvalid(u"attachments"_s,
                                             u"An upload can be attached only once."_s);
        ids.append(v.toString());
    }
    return ids;
}

ApiResponse AttachmentsApi::upload(const ApiRequest &request)
{
    const QString type = UploadPolicy::mediaType(request.header("content-type"_ba));
    UploadPolicy::checkAllowed(type);

    // From a socket the body is already a .part file; from inject() it is in memory.
    auto partial = std::dynamic_pointer_cast<QTemporaryFile>(request.bodyFile);
    if (!partial) {
        if (request.body.size() > m_ctx.options.maxUploadBytes)
            throw ApiError::fileTooLarge(m_ctx.options.maxUploadBytes);
        partial = m_ctx.files.newPartial();
        if (!partial || partial->write(request.body) != request.body.size())
            throw ApiError::internal(u"The upload could not be stored."_s);
    }
    partial->flush();
    StoredFile meta;
    meta.size = partial->size();
    if (meta.size > m_ctx.options.maxUploadBytes)
        throw ApiError::fileTooLarge(m_ctx.options.maxUploadBytes);
    partial->seek(0);
    UploadPolicy::checkLeadingBytes(type, partial->read(16));
    if (UploadPolicy::isImage(type)) {
        partial->seek(0);
        const QSize size =
            UploadPolicy::checkImage(partial.get(), type, m_ctx.options.imageAllocationLimitMb);
        meta.width = size.width();
        meta.height = size.height();
    }
    meta.sha256 = QString::fromLatin1(sha256Of(partial.get()));
    meta.contentType = type;
    meta.name = UploadPolicy::sanitizedName(request.header("x-filename"_ba));
    meta.owner = ownerOf(request);
    const StoredFile stored = m_ctx.files.addUpload(*partial, meta, request.nowMs);
    return ApiResponse::success(request, stored.uploadJson(), 201);
}

ApiResponse AttachmentsApi::download(const ApiRequest &request)
{
    const QString id = request.params.value(1);
    std::optional<StoredFile> file = m_ctx.files.attachment(id);
    // Only a participant reads it: the ticket's customer (any of its
    // sessions) or the agent key; customers never see internal notes' files.
    // Anyone else gets the same 404 as for an unknown id (protocol §2).
    bool allowed = file.has_value();
    if (allowed && !request.caller.isAgent()) {
        const auto ticket = m_ctx.tickets.ticket(file->ticketId);
        const QVariant internal = m_ctx.db.scalar(
            u"SELECT is_internal FROM messages WHERE id = :m"_s, {{"m", file->messageId}});
        allowed = ticket && ticket->customerId == request.caller.customerId && internal.isValid()
            && internal.toInt() == 0;
    }
    if (!allowed)
        throw ApiError::resourceMissing(u"No such attachment: %1."_s.arg(id.left(64)));

    if (request.hasQuery(u"thumbnail"_s) && request.queryValue(u"thumbnail"_s) != "0"_L1)
        return thumbnail(request, *file);

    std::unique_ptr<QFile> bytes = m_ctx.files.openBytes(*file);
    if (!bytes)
        throw ApiError::internal(u"The attachment's bytes are missing."_s);
    const QByteArray etag = '"' + file->sha256.toLatin1() + '"';
    ApiResponse r;
    r.headers = HeaderList {
        {"Content-Type"_ba, file->contentType.toLatin1()},
        {"Content-Disposition"_ba, UploadPolicy::contentDisposition(file->name)},
        {"X-Content-Type-Options"_ba, "nosniff"_ba},
        {"Cache-Control"_ba, "private, max-age=31536000, immutable"_ba},
        {"ETag"_ba, etag},
        {"Accept-Ranges"_ba, "bytes"_ba},
    };
    const QByteArray ifNoneMatch = request.header("if-none-match"_ba);
    if (!ifNoneMatch.isEmpty()
        && (ifNoneMatch.trimmed() == "*" || ifNoneMatch.split(',').contains(etag)
            || ifNoneMatch.split(',').contains(' ' + etag))) {
        r.status = 304;
        return r;
    }
    qint64 first = 0;
    qint64 length = bytes->size();
    const QByteArray rangeHeader = request.header("range"_ba);
    // If-Range with another validator: the file changed for the client, send it whole.
    const QByteArray ifRange = request.header("if-range"_ba).trimmed();
    if (!rangeHeader.isEmpty() && (ifRange.isEmpty() || ifRange == etag)) {
        try {
            if (const auto range = parseRange(rangeHeader, bytes->size())) {
                first = range->first;
                length = range->last - range->first + 1;
                r.status = 206;
                r.headers.append({"Content-Range"_ba,
                                  "bytes "_ba + QByteArray::number(range->first) + '-'
                                      + QByteArray::number(range->last) + '/'
                                      + QByteArray::number(bytes->size())});
            }
        } catch (const ApiError &error) {
            ApiResponse refused = ApiResponse::error(request, error);
            refused.headers.append(
                {"Content-Range"_ba, "bytes */"_ba + QByteArray::number(bytes->size())});
            return refused;
        }
    }
    bytes->seek(first);
    r.fileLength = length;
    r.file = std::shared_ptr<QIODevice>(bytes.release());
    return r;
}

ApiResponse AttachmentsApi::thumbnail(const ApiRequest &request, const StoredFile &file)
{
    if (!UploadPolicy::isImage(file.contentType))
        throw ApiError::parameterInvalid(u"thumbnail"_s, u"Only images have thumbnails."_s);
    const QString path = m_ctx.files.thumbnailPath(file);
    auto cached = std::make_unique<QFile>(path);
    if (!cached->open(QIODevice::ReadOnly)) {
        std::unique_ptr<QFile> bytes = m_ctx.files.openBytes(file);
        if (!bytes)
            throw ApiError::internal(u"The attachment's bytes are missing."_s);
        QImageReader reader(bytes.get(), UploadPolicy::imageFormat(file.contentType));
        reader.setDecideFormatFromContent(false);
        reader.setAllocationLimit(m_ctx.options.imageAllocationLimitMb);
        const QSize size = reader.size();
        if (size.width() > ThumbnailSide || size.height() > ThumbnailSide)
            reader.setScaledSize(size.scaled(ThumbnailSide, ThumbnailSide, Qt::KeepAspectRatio));
        QImage image = reader.read();
        if (image.isNull())
            throw ApiError::contentMismatch(
                u"The image cannot be decoded for a thumbnail: %1."_s.arg(reader.errorString()));
        if (image.width() > ThumbnailSide || image.height() > ThumbnailSide)
            image = image.scaled(ThumbnailSide, ThumbnailSide, Qt::KeepAspectRatio,
                                 Qt::SmoothTransformation);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            throw ApiError::internal(u"The thumbnail could not be stored."_s);
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QImageWriter writer(&out, "png");
        if (!writer.write(image) || !out.commit())
            throw ApiError::internal(u"The thumbnail could not be stored."_s);
        cached = std::make_unique<QFile>(path);
        if (!cached->open(QIODevice::ReadOnly))
            throw ApiError::internal(u"The thumbnail could not be read."_s);
    }
    ApiResponse r;
    r.headers = HeaderList {
        {"Content-Type"_ba, "image/png"_ba},
        {"X-Content-Type-Options"_ba, "nosniff"_ba},
        {"Cache-Control"_ba, "private, max-age=31536000, immutable"_ba},
        {"ETag"_ba, "\""_ba + file.sha256.toLatin1() + "-thumbnail\""_ba},
    };
    r.fileLength = cached->size();
    r.file = std::shared_ptr<QIODevice>(cached.release());
    Q_UNUSED(request);
    return r;
}

} // namespace CStar::DevServer
