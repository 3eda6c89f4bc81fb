// SPDX-License-Identifier: MIT
// libFuzzer target for the devserver's upload path (protocol §11): the media
// type, the X-Filename header, the Range of the download and the file's
// bytes go through POST /uploads, a message attaching the upload, and
// GET /attachments/{id} (whole, ranged, thumbnail), via Server::inject().
//
// Input: three header lines, then the raw file bytes:
//   <Content-Type>\n<X-Filename>\n<Range header value, may be empty>\n<bytes>
//
// Invariants: only the statuses of §11; a stored upload has a sanitised
// name, the size and SHA-256 of the bytes sent and image dimensions within
// the limits; the download is byte for byte what was uploaded (or the
// requested range of it); a thumbnail is a PNG no larger than 512 × 512.
#include "devserverharness.h"

#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>

using CStar::Fuzz::check;
using CStar::Fuzz::DevServerHarness;

namespace {

int runsSinceRestart = 0;

QByteArray nextLine(const QByteArray &text, qsizetype *pos)
{
    const qsizetype end = text.indexOf('\n', *pos);
    const QByteArray line = text.mid(*pos, end < 0 ? -1 : end - *pos);
    *pos = end < 0 ? text.size() : end + 1;
    return line.endsWith('\r') ? line.chopped(1) : line;
}

void checkName(const QString &name)
{
    check(!name.isEmpty(), "empty stored name");
    check(name.toUcs4().size() <= 200, "stored name over 200 characters");
    check(!name.startsWith(u'.'), "stored name starts with a dot");
    check(!name.contains(u'/') && !name.contains(u'\\'), "path separator in a stored name");
    for (const uint c : name.toUcs4())
        check(c >= 0x20 && (c < 0x7f || c >= 0xa0) && !(c >= 0x202a && c <= 0x202e),
              "control character in a stored name");
}

} // namespace

CSTAR_FUZZ_INIT(upload)
{
    DevServerHarness::instance().start();
    return 0;
}

CSTAR_FUZZ_TARGET(upload)
{
    DevServerHarness &h = DevServerHarness::instance();
    // Attached files stay on disk: a fresh server (and temporary folder) now and then.
    if (!h.server || ++runsSinceRestart > 2000) {
        h.stop();
        h.start();
        runsSinceRestart = 0;
    }
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype pos = 0;
    const QByteArray type = nextLine(input, &pos);
    const QByteArray name = nextLine(input, &pos);
    const QByteArray range = nextLine(input, &pos);
    const QByteArray bytes = input.mid(pos);

    CStar::DevServer::InjectedRequest up;
    up.method = "POST";
    up.target = "/api/v1/chat/acme/uploads";
    up.body = bytes;
    up.headers = {
        {"Authorization", "Bearer " + h.anonymous}, {"Content-Type", type}, {"X-Filename", name}};
    const CStar::DevServer::InjectedResponse r = h.server->inject(up);
    h.checkResponse(r, input);
    check(r.status == 201 || r.status == 400 || r.status == 413 || r.status == 415
              || r.status == 422,
          "unexpected upload status");
    if (r.status != 201)
        return 0;
    const QJsonObject u = DevServerHarness::data(r);
    checkName(u.value(QLatin1String("name")).toString());
    check(u.value(QLatin1String("size")).toInteger() == bytes.size(), "size differs");
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    check(u.value(QLatin1String("sha256")).toString().toLatin1() == digest, "sha256 differs");
    const int w = u.value(QLatin1String("width")).toInt();
    const int hgt = u.value(QLatin1String("height")).toInt();
    check(w <= 10000 && hgt <= 10000 && qint64(w) * hgt <= 40000000, "image over the limits");

    const QJsonObject message {
        {QLatin1String("content"), QString()},
        {QLatin1String("attachments"), QJsonArray {u.value(QLatin1String("id"))}}};
    const auto sent = h.send("POST", "/api/v1/chat/acme/tickets/" + h.ticket + "/messages",
                             QJsonDocument(message).toJson(QJsonDocument::Compact), h.anonymous);
    check(sent.status == 201, "attaching a fresh upload failed");
    const QByteArray id = DevServerHarness::data(sent)
                              .value(QLatin1String("attachments"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("id"))
                              .toString()
                              .toLatin1();

    CStar::DevServer::InjectedRequest get;
    get.target = "/api/v1/chat/acme/attachments/" + id;
    get.headers = {{"Authorization", "Bearer " + h.anonymous}};
    const auto whole = h.server->inject(get);
    check(whole.status == 200 && whole.body == bytes, "download differs from the upload");
    check(whole.header("ETag") == '"' + digest + '"', "bad ETag");

    if (!range.isEmpty()) {
        get.headers.append({"Range", range});
        const auto part = h.server->inject(get);
        check(part.status == 200 || part.status == 206 || part.status == 416, "bad Range status");
        if (part.status == 200)
            check(part.body == bytes, "ignored Range without the whole file");
        if (part.status == 206)
            check(!part.body.isEmpty() && bytes.contains(part.body)
                      && part.header("Content-Length").toLongLong() == part.body.size(),
                  "206 body is not a part of the file");
        get.headers.removeLast();
    }
    if (w > 0) {
        get.target += "?thumbnail=1";
        const auto thumb = h.server->inject(get);
        check(thumb.status == 200 || thumb.status == 422, "bad thumbnail status");
        if (thumb.status == 200) {
            const QImage image = QImage::fromData(thumb.body, "PNG");
            check(!image.isNull() && image.width() <= 512 && image.height() <= 512,
                  "thumbnail is not a PNG within 512 × 512");
        }
    }
    return 0;
}
