// SPDX-License-Identifier: MIT
// Protocol §11 on the devserver over real HTTP: uploads, messages with
// attachments, downloads (headers, Range, thumbnails), who may read, every
// refusal with its code, expiry, crash mid-upload, idempotent retries and
// hostile images. Test files are generated here, never committed blobs.
#include "devservertest.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QTcpSocket>
#include <QtEndian>

using namespace DevServerTest;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    // CRC-32 (ISO 3309) over type + data, as PNG wants it.
    quint32 crc = 0xffffffffu;
    const QByteArray covered = type + data;
    for (const char c : covered) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return be32(quint32(data.size())) + type + data + be32(~crc);
}

/// A PNG by hand: any header, and rows of zeros (or none: header only).
QByteArray handmadePng(quint32 width, quint32 height, quint8 bitDepth, quint8 colorType,
                       qint64 zeroRows)
{
    QByteArray ihdr = be32(width) + be32(height);
    ihdr += char(bitDepth);
    ihdr += char(colorType);
    ihdr += QByteArray(3, '\0');
    QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr);
    if (zeroRows > 0) {
        const int channels = colorType == 6 ? 4 : colorType == 2 ? 3 : 1;
        const qint64 rowBytes = 1 + qint64(width) * channels * bitDepth / 8;
        // qCompress: 4-byte length, then a zlib stream (what IDAT holds).
        const QByteArray raw(rowBytes * zeroRows, '\0');
        png += pngChunk("IDAT", qCompress(raw, 9).mid(4));
    }
    return png + pngChunk("IEND", {});
}

/// Sends the head of `POST /uploads` (and `body`) on a raw connection:
/// for what a client library would not send, or not this way.
bool sendUploadHead(QTcpSocket &socket, const DevServerProcess &server, const QString &token,
                    const QByteArray &headers, const QByteArray &body = {})
{
    socket.connectToHost(server.baseUrl().host(), server.port());
    if (!socket.waitForConnected(5000))
        return false;
    QByteArray head = "POST /api/v1/chat/acme/uploads HTTP/1.1\r\nHost: x\r\n"_ba;
    if (!token.isEmpty())
        head += "Authorization: Bearer "_ba + token.toUtf8() + "\r\n"_ba;
    socket.write(head + headers + "\r\n"_ba + body);
    return true;
}

/// What arrives until `marker` is in it (or the peer is quiet for 10 s).
QByteArray readUntil(QTcpSocket &socket, const QByteArray &marker)
{
    QByteArray answer = socket.readAll();
    while (!answer.contains(marker) && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    return answer;
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QImage testImage(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, (x * y) % 256));
    return image;
}

/// A lossless WebP header (VP8L) of the given size: enough for the header check.
QByteArray webpHeader(int w, int h)
{
    QByteArray vp8l;
    vp8l += char(0x2f);
    const quint32 bits = quint32(w - 1) | (quint32(h - 1) << 14);
    QByteArray le(4, '\0');
    qToLittleEndian(bits, le.data());
    vp8l += le + QByteArray(8, '\0');
    QByteArray size(4, '\0');
    qToLittleEndian(quint32(vp8l.size()), size.data());
    QByteArray body = "WEBPVP8L" + size + vp8l;
    QByteArray riffSize(4, '\0');
    qToLittleEndian(quint32(body.size()), riffSize.data());
    return "RIFF" + riffSize + body;
}

QByteArray emptyZip()
{
    return QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0');
}

} // namespace

class TestDevServerAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void refusals_data();
    void refusals();
    void tooLargeBeforeTheBody();
    void tooLargeWithoutLength();
    void messageRules();
    void onlyParticipantsRead();
    void agentRoot();
    void uploadSurvivesIdentify();
    void attachmentsEverywhere();
    void range();
    void thumbnail();
    void namesAreSanitised();
    void expiry();
    void crashMidUploadLeavesNoHalfFile();
    void idempotentRetry();
    void hostileImages();

private:
    HttpResult upload(TestHttp &http, const QString &token, const QByteArray &bytes,
                      const QByteArray &type, const QByteArray &name = "f",
                      const HeaderPairs &extra = {})
    {
        HeaderPairs headers {{"Authorization", "Bearer " + token.toUtf8()}, {"X-Filename", name}};
        if (!type.isNull())
            headers.append({"Content-Type", type});
        headers += extra;
        return http.request("POST", u"/api/v1/chat/acme/uploads"_s, bytes, headers);
    }
    HttpResult download(TestHttp &http, const QString &token, const QString &id,
                        const HeaderPairs &extra = {}, const QString &query = {})
    {
        HeaderPairs headers {{"Authorization", "Bearer " + token.toUtf8()}};
        headers += extra;
        return http.request("GET", u"/api/v1/chat/acme/attachments/"_s + id + query, {}, headers);
    }
    /// Posts a message with these uploads; returns the message.
    HttpResult send(TestHttp &http, const QString &token, const QString &ticket,
                    const QStringList &uploads, const QString &content = {})
    {
        QJsonObject body {{u"content"_s, content},
                          {u"attachments"_s, QJsonArray::fromStringList(uploads)}};
        return http.chat("POST", u"/tickets/%1/messages"_s.arg(ticket), body, token);
    }
    static QStringList storedFiles(const DevServerProcess &server)
    {
        return QDir(server.dbPath() + ".files"_L1)
            .entryList(QDir::Files | QDir::Hidden | QDir::System);
    }
};

void TestDevServerAttachments::roundTrip_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QSize>("size");
    QTest::newRow("png") << "image/png"_ba << encoded(testImage(40, 30), "PNG") << QSize(40, 30);
    QTest::newRow("jpeg") << "image/jpeg"_ba << encoded(testImage(64, 48), "JPEG") << QSize(64, 48);
    // Qt has no GIF writer: the classic 1 × 1 GIF, byte by byte.
    const QByteArray gif =
        QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c"
                            "00000000010001000002024401003b");
    QTest::newRow("gif") << "image/gif"_ba << gif << QSize(1, 1);
    QTest::newRow("webp") << "image/webp"_ba << webpHeader(300, 200) << QSize(300, 200);
    QTest::newRow("pdf") << "application/pdf"_ba
                         << "%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF"_ba << QSize();
    QTest::newRow("text") << "text/plain; charset=utf-8"_ba
                          << "Grüße\nline 2\n\0binary"_ba << QSize();
    QTest::newRow("csv") << "text/csv"_ba
                         << "a,b\n1,2\n"_ba << QSize();
    QTest::newRow("json") << "application/json"_ba
                          << R"({"log":[1,2,3]})"_ba << QSize();
    QTest::newRow("zip") << "application/zip"_ba << emptyZip() << QSize();
    QByteArray big(3 * MiB + 17, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 7919) >> 3);
    QTest::newRow("3 MiB text") << "text/plain"_ba << big << QSize();
}

void TestDevServerAttachments::roundTrip()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, bytes);
    QFETCH(QSize, size);
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession(); // anonymous sessions may upload
    const QString ticket = createTicket(http, token, u"Files"_s).value(u"id"_s).toString();

    const HttpResult up = upload(http, token, bytes, type, "report%201.bin");
    QCOMPARE(up.status, 201);
    const QJsonObject u = up.data();
    QVERIFY(u.value(u"id"_s).toString().startsWith("upl_"_L1));
    QCOMPARE(u.value(u"name"_s).toString(), u"report 1.bin"_s);
    QCOMPARE(u.value(u"size"_s).toInteger(), bytes.size());
    QCOMPARE(u.value(u"sha256"_s).toString().toLatin1(), sha256(bytes));
    QCOMPARE(u.value(u"contentType"_s).toString().toLatin1(), type.split(';').first());
    QVERIFY(isoTime(u.value(u"expiresAt"_s)) > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));
    QCOMPARE(u.value(u"width"_s).toInt(), size.isValid() ? size.width() : 0);
    QCOMPARE(u.value(u"height"_s).toInt(), size.isValid() ? size.height() : 0);
    QCOMPARE(u.contains(u"width"_s), size.isValid());

    // Content may be empty with an attachment (protocol §11).
    const HttpResult sent = send(http, token, ticket, {u.value(u"id"_s).toString()});
    QCOMPARE(sent.status, 201);
    const QJsonArray attachments = sent.data().value(u"attachments"_s).toArray();
    QCOMPARE(attachments.size(), 1);
    const QJsonObject att = attachments.at(0).toObject();
    const QString id = att.value(u"id"_s).toString();
    QVERIFY(id.startsWith("att_"_L1));
    QCOMPARE(att.value(u"sha256"_s), u.value(u"sha256"_s));
    QCOMPARE(att.value(u"size"_s), u.value(u"size"_s));
    QCOMPARE(att.value(u"name"_s), u.value(u"name"_s));

    const HttpResult got = download(http, token, id);
    QCOMPARE(got.status, 200);
    QCOMPARE(sha256(got.body), sha256(bytes));
    QCOMPARE(got.body, bytes);
    QCOMPARE(got.header("content-type"), type.split(';').first());
    QCOMPARE(got.header("content-length"), QByteArray::number(bytes.size()));
    QCOMPARE(got.header("content-disposition"), "attachment; filename*=UTF-8''report%201.bin"_ba);
    QCOMPARE(got.header("x-content-type-options"), "nosniff"_ba);
    QCOMPARE(got.header("cache-control"), "private, max-age=31536000, immutable"_ba);
    QCOMPARE(got.header("etag"), '"' + sha256(bytes) + '"');
    // The agent reads it too.
    const HttpResult agentGot = http.agent("GET", u"/attachments/"_s + id);
    QCOMPARE(agentGot.status, 200);
    QCOMPARE(agentGot.body, bytes);
}

void TestDevServerAttachments::refusals_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray png = encoded(testImage(8, 8), "PNG");
    QTest::newRow("html") << "text/html"_ba
                          << "<p>hi</p>"_ba << 415 << u"unsupported_media_type"_s;
    QTest::newRow("svg") << "image/svg+xml"_ba
                         << "<svg/>"_ba << 415 << u"unsupported_media_type"_s;
    QTest::newRow("octet-stream") << "application/octet-stream"_ba
                                  << "x"_ba << 415 << u"unsupported_media_type"_s;
    QTest::newRow("exe as pdf") << "application/pdf"_ba
                                << "MZ\x90\0"_ba << 422 << u"content_mismatch"_s;
    QTest::newRow("pdf as png") << "image/png"_ba
                                << "%PDF-1.4"_ba << 422 << u"content_mismatch"_s;
    QTest::newRow("png as jpeg") << "image/jpeg"_ba << png << 422 << u"content_mismatch"_s;
    QTest::newRow("text as zip") << "application/zip"_ba
                                 << "hello"_ba << 422 << u"content_mismatch"_s;
    QTest::newRow("gif magic only") << "image/gif"_ba
                                    << "GIF89a"_ba << 422 << u"content_mismatch"_s;
    QTest::newRow("webp magic only") << "image/webp"_ba
                                     << "RIFF\0\0\0\0WEBPVP8 "_ba << 422 << u"content_mismatch"_s;
    QTest::newRow("10001 wide") << "image/png"_ba << handmadePng(10001, 10, 8, 0, 1) << 422
                                << u"image_too_large"_s;
    QTest::newRow("48 MP") << "image/png"_ba << handmadePng(8000, 6000, 8, 0, 1) << 422
                           << u"image_too_large"_s;
    QTest::newRow("webp 20000 high")
        << "image/webp"_ba << webpHeader(10, 16000) << 422 << u"image_too_large"_s;
}

void TestDevServerAttachments::refusals()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const HttpResult r = upload(http, token, bytes, type);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(r.error().value(u"type"_s).toString(), u"invalid_request_error"_s);
    QVERIFY(storedFiles(server).isEmpty()); // nothing kept of a refused file
}

void TestDevServerAttachments::tooLargeBeforeTheBody()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    // Exactly 10 MiB is fine.
    const QByteArray limit(10 * MiB, 'a');
    QCOMPARE(upload(http, token, limit, "text/plain").status, 201);
    // One byte more, announced by Content-Length: refused with no body sent at all.
    QTcpSocket socket;
    QVERIFY(sendUploadHead(socket, server, token,
                           "Content-Type: text/plain\r\nContent-Length: "_ba
                               + QByteArray::number(10 * MiB + 1) + "\r\n"_ba));
    const QByteArray answer = readUntil(socket, "\"file_too_large\"");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY2(answer.contains("\"file_too_large\""), answer.constData());
}

void TestDevServerAttachments::tooLargeWithoutLength()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    // Chunked, no Content-Length: refused once 10 MiB is passed, not read to
    // the end. A client that sends its whole body before reading (most do)
    // still gets the 413: the server lingers, reading and dropping the rest,
    // instead of closing on unread bytes (a reset that loses the answer).
    QTcpSocket socket;
    QVERIFY(sendUploadHead(socket, server, token,
                           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"_ba));
    const QByteArray chunk = QByteArray::number(MiB, 16) + "\r\n" + QByteArray(MiB, 'b') + "\r\n";
    // Qt has no half-close: the server's FIN after its answer ends the
    // writing here, the answer stays readable (a reset would drop it).
    for (int i = 0; i < 16 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        socket.write(chunk);
        while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForBytesWritten(10000);
    }
    if (socket.state() == QAbstractSocket::ConnectedState)
        socket.write("0\r\n\r\n");
    const QByteArray answer = readUntil(socket, "\"file_too_large\"");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains("\"file_too_large\""));
    QTRY_VERIFY(storedFiles(server).isEmpty()); // the partial file went with the refusal
    QCOMPARE(http.chat("GET", u"/tickets"_s, {}, http.createSession()).status, 403); // alive
}

void TestDevServerAttachments::messageRules()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString other = http.createSession();
    const QString ticket = createTicket(http, token, u"Rules"_s).value(u"id"_s).toString();
    auto newUpload = [&](const QString &t) {
        return upload(http, t, "log line\n"_ba, "text/plain").data().value(u"id"_s).toString();
    };

    // Empty content without attachments is still refused.
    QCOMPARE(send(http, token, ticket, {}).status, 400);
    // At most 10.
    QStringList eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(newUpload(token));
    const HttpResult tooMany = send(http, token, ticket, eleven);
    QCOMPARE(tooMany.status, 400);
    QCOMPARE(tooMany.error().value(u"param"_s).toString(), u"attachments"_s);
    const HttpResult ten = send(http, token, ticket, eleven.mid(0, 10), u"ten"_s);
    QCOMPARE(ten.status, 201);
    QCOMPARE(ten.data().value(u"attachments"_s).toArray().size(), 10);
    // Order kept.
    const QJsonArray listed = http.chat("GET", u"/tickets/%1/messages"_s.arg(ticket), {}, token)
                                  .dataArray()
                                  .last()
                                  .toObject()
                                  .value(u"attachments"_s)
                                  .toArray();
    QCOMPARE(listed, ten.data().value(u"attachments"_s).toArray());

    // Once only; someone else's; unknown: all 404 resource_missing.
    const HttpResult again = send(http, token, ticket, {eleven.at(0)});
    QCOMPARE(again.status, 404);
    QCOMPARE(again.errorCode(), u"resource_missing"_s);
    const QString foreign = newUpload(other);
    const HttpResult notMine = send(http, token, ticket, {foreign});
    QCOMPARE(notMine.status, 404);
    QCOMPARE(notMine.errorCode(), u"resource_missing"_s);
    QCOMPARE(send(http, token, ticket, {u"upl_nope"_s}).status, 404);
    // One transaction: a refused message attaches nothing (the good upload stays usable).
    QCOMPARE(send(http, token, ticket, {eleven.at(10), u"upl_nope"_s}).status, 404);
    QCOMPARE(send(http, token, ticket, {eleven.at(10)}).status, 201);
    // Not an array / not strings.
    QJsonObject bad {{u"content"_s, u"x"_s}, {u"attachments"_s, 5}};
    QCOMPARE(http.chat("POST", u"/tickets/%1/messages"_s.arg(ticket), bad, token).status, 400);
}

void TestDevServerAttachments::onlyParticipantsRead()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString alice = identifyAs(http, server, u"alice"_s);
    const QString aliceLaptop = identifyAs(http, server, u"alice"_s);
    const QString bob = identifyAs(http, server, u"bob"_s);
    const QString anonymous = http.createSession();
    const QString ticket = createTicket(http, alice, u"Mine"_s).value(u"id"_s).toString();
    const QString up = upload(http, alice, "%PDF-1.7 secret"_ba, "application/pdf")
                           .data()
                           .value(u"id"_s)
                           .toString();
    const QString id = send(http, alice, ticket, {up})
                           .data()
                           .value(u"attachments"_s)
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(u"id"_s)
                           .toString();
    QCOMPARE(download(http, alice, id).status, 200);
    QCOMPARE(download(http, aliceLaptop, id).status, 200); // the customer's other session
    for (const QString &stranger : {bob, anonymous}) {
        const HttpResult r = download(http, stranger, id);
        QCOMPARE(r.status, 404); // as for an unknown id: existence never leaks
        QCOMPARE(r.errorCode(), u"resource_missing"_s);
        QCOMPARE(download(http, stranger, id, {}, u"?thumbnail=1"_s).status, 404);
    }
    QCOMPARE(download(http, alice, u"att_unknown"_s).errorCode(), u"resource_missing"_s);
    QCOMPARE(http.request("GET", u"/api/v1/chat/acme/attachments/"_s + id).status, 401);
    // A publishable key is not an agent (protocol §10).
    QCOMPARE(http.agent("GET", u"/attachments/"_s + id, {}, {}, server.publishableKey()).status,
             403);
    // Never a token in the URL.
    QCOMPARE(
        http.request("GET", u"/api/v1/chat/acme/attachments/%1?token=%2"_s.arg(id, alice)).status,
        400);
}

void TestDevServerAttachments::agentRoot()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"Help"_s).value(u"id"_s).toString();
    const QByteArray pdf = "%PDF-1.5\nreply\n%%EOF"_ba;
    const HeaderPairs agentAuth {{"Authorization", "Bearer " + server.agentKey().toUtf8()},
                                 {"Content-Type", "application/pdf"},
                                 {"X-Filename", "answer.pdf"}};
    const HttpResult up = http.request("POST", u"/api/v1/teams/acme/uploads"_s, pdf, agentAuth);
    QCOMPARE(up.status, 201);
    const QString uploadId = up.data().value(u"id"_s).toString();
    // A customer cannot attach the agent's upload.
    QCOMPARE(send(http, token, ticket, {uploadId}).status, 404);
    const HttpResult sent =
        http.agent("POST", u"/tickets/%1/messages"_s.arg(ticket),
                   {{u"content"_s, u""_s}, {u"attachments"_s, QJsonArray {uploadId}}});
    QCOMPARE(sent.status, 201);
    const QString id =
        sent.data().value(u"attachments"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    const HttpResult got = download(http, token, id);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, pdf);
    // An internal note's file is the agents' only.
    const QString noteUpload = http.request("POST", u"/api/v1/teams/acme/uploads"_s, pdf, agentAuth)
                                   .data()
                                   .value(u"id"_s)
                                   .toString();
    const HttpResult note = http.agent("POST", u"/tickets/%1/messages"_s.arg(ticket),
                                       {{u"content"_s, u"note"_s},
                                        {u"isInternal"_s, true},
                                        {u"attachments"_s, QJsonArray {noteUpload}}});
    QCOMPARE(note.status, 201);
    const QString noteId =
        note.data().value(u"attachments"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    QCOMPARE(http.agent("GET", u"/attachments/"_s + noteId).status, 200);
    QCOMPARE(download(http, token, noteId).status, 404);
    // pk_ cannot upload.
    HeaderPairs pk = agentAuth;
    pk[0].second = "Bearer " + server.publishableKey().toUtf8();
    QCOMPARE(http.request("POST", u"/api/v1/teams/acme/uploads"_s, pdf, pk).status, 403);
}

void TestDevServerAttachments::uploadSurvivesIdentify()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString anonymous = http.createSession();
    const QString up =
        upload(http, anonymous, "picked first"_ba, "text/plain").data().value(u"id"_s).toString();
    const QString identified = identifyAs(http, server, u"carol"_s, u"Carol"_s, anonymous);
    QVERIFY(!identified.isEmpty());
    const QString ticket = createTicket(http, identified, u"Later"_s).value(u"id"_s).toString();
    const HttpResult sent = send(http, identified, ticket, {up});
    QCOMPARE(sent.status, 201);
    QCOMPARE(sent.data().value(u"attachments"_s).toArray().size(), 1);
}

void TestDevServerAttachments::attachmentsEverywhere()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const qint64 cursor = latestEventId(http);
    const QString ticket =
        createTicket(http, token, u"Both"_s, u"plain first"_s).value(u"id"_s).toString();
    const QString up = upload(http, token, "a,b\n"_ba, "text/csv").data().value(u"id"_s).toString();
    QCOMPARE(send(http, token, ticket, {up}, u"with a file"_s).status, 201);

    // REST: every message has the array, [] when none.
    const QJsonArray messages =
        http.chat("GET", u"/tickets/%1/messages"_s.arg(ticket), {}, token).dataArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"attachments"_s), QJsonValue(QJsonArray()));
    QCOMPARE(messages.at(1).toObject().value(u"attachments"_s).toArray().size(), 1);
    // lastMessage: only the count.
    const QJsonObject last = http.chat("GET", u"/tickets/"_s + ticket, {}, token)
                                 .data()
                                 .value(u"lastMessage"_s)
                                 .toObject();
    QCOMPARE(last.value(u"attachmentCount"_s).toInt(), 1);
    QVERIFY(!last.contains(u"attachments"_s));
    // Poll (customer and agent) carries the same objects.
    for (bool agent : {false, true}) {
        const QString path = u"/events/poll?after=%1"_s.arg(cursor);
        const QJsonArray items =
            (agent ? http.agent("GET", path) : http.chat("GET", path, {}, token)).dataArray();
        int withFiles = 0;
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            if (o.value(u"type"_s) != "message.created"_L1)
                continue;
            const QJsonObject data = o.value(u"data"_s).toObject();
            QVERIFY(data.value(u"attachments"_s).isArray());
            withFiles += data.value(u"attachments"_s).toArray().size();
        }
        QCOMPARE(withFiles, 1);
    }
    // Stream replay too.
    SseReader reader;
    reader.open(eventsUrl(server), token, QByteArray::number(cursor));
    QTRY_VERIFY_WITH_TIMEOUT(eventIds(reader.events()).size() >= 3, 10000);
    int streamed = 0;
    for (const auto &e : reader.events()) {
        if (e.event == "message.created")
            streamed += e.json().value(u"attachments"_s).toArray().size();
    }
    QCOMPARE(streamed, 1);
}

void TestDevServerAttachments::range()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"R"_s).value(u"id"_s).toString();
    const QByteArray text = "0123456789abcdefghij"_ba;
    const QString up = upload(http, token, text, "text/plain").data().value(u"id"_s).toString();
    const QString id = send(http, token, ticket, {up})
                           .data()
                           .value(u"attachments"_s)
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(u"id"_s)
                           .toString();
    struct Case
    {
        QByteArray range;
        int status;
        QByteArray body;
        QByteArray contentRange;
    };
    const Case cases[] = {
        {"bytes=0-9", 206, "0123456789", "bytes 0-9/20"},
        {"bytes=15-", 206, "fghij", "bytes 15-19/20"},
        {"bytes=-3", 206, "hij", "bytes 17-19/20"},
        {"bytes=18-99", 206, "ij", "bytes 18-19/20"},
        {"bytes=20-", 416, {}, "bytes */20"},
        {"bytes=-0", 416, {}, "bytes */20"},
        {"bytes=5-2", 200, text, {}}, // invalid: ignored
        {"bytes=0-1,4-5", 200, text, {}}, // several ranges: the whole file
        {"items=0-1", 200, text, {}},
    };
    for (const Case &c : cases) {
        const HttpResult r = download(http, token, id, {{"Range", c.range}});
        QVERIFY2(r.status == c.status, c.range.constData());
        if (c.status != 416)
            QCOMPARE(r.body, c.body);
        else
            QCOMPARE(r.errorCode(), u"range_not_satisfiable"_s);
        QCOMPARE(r.header("content-range"), c.contentRange);
    }
    // A cached copy is still good.
    QCOMPARE(download(http, token, id, {{"If-None-Match", '"' + sha256(text) + '"'}}).status, 304);
}

void TestDevServerAttachments::thumbnail()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"T"_s).value(u"id"_s).toString();
    auto attach = [&](const QByteArray &bytes, const QByteArray &type) {
        const QString up = upload(http, token, bytes, type).data().value(u"id"_s).toString();
        return send(http, token, ticket, {up})
            .data()
            .value(u"attachments"_s)
            .toArray()
            .at(0)
            .toObject()
            .value(u"id"_s)
            .toString();
    };
    const QString wide = attach(encoded(testImage(1600, 800), "PNG"), "image/png");
    const QString small = attach(encoded(testImage(100, 60), "JPEG"), "image/jpeg");
    const QString pdf = attach("%PDF-1.4 x"_ba, "application/pdf");
    for (int pass = 0; pass < 2; ++pass) { // the second is the cached one
        const HttpResult r = download(http, token, wide, {}, u"?thumbnail=1"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), "image/png"_ba);
        const QImage image = QImage::fromData(r.body, "PNG");
        QCOMPARE(image.size(), QSize(512, 256));
    }
    const HttpResult s = download(http, token, small, {}, u"?thumbnail=1"_s);
    QCOMPARE(s.status, 200);
    QCOMPARE(QImage::fromData(s.body, "PNG").size(), QSize(100, 60)); // never enlarged
    QCOMPARE(download(http, token, pdf, {}, u"?thumbnail=1"_s).status, 400);
}

void TestDevServerAttachments::namesAreSanitised()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString longStem(300, u'n');
    const struct
    {
        QByteArray header;
        QString stored;
    } cases[] = {
        {"..%2F..%2Fetc%2Fpasswd", u"passwd"_s},
        {"C%3A%5CUsers%5Cme%5Creport.txt", u"report.txt"_s},
        {"%2E%2E%2E.hidden", u"hidden"_s},
        {"a%00b%0Ac%1Bd%7F.txt", u"abcd.txt"_s},
        {"invoice%E2%80%AEtxt.exe", u"invoicetxt.exe"_s}, // right-to-left override
        {"", u"file"_s},
        {"...", u"file"_s},
        {"%20%20", u"file"_s},
        {"caf%C3%A9%20%F0%9F%98%80.txt", u"café 😀.txt"_s},
        {QUrl::toPercentEncoding(longStem + ".txt"_L1), QString(196, u'n') + ".txt"_L1},
    };
    for (const auto &c : cases) {
        const HttpResult r = upload(http, token, "x"_ba, "text/plain", c.header);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.data().value(u"name"_s).toString(), c.stored);
    }
    // On disk: random names only, owner-only folder and files.
    const QFileInfo folder(server.dbPath() + ".files"_L1);
    QCOMPARE(folder.permissions() & 0x0077, QFileDevice::Permissions());
    const QStringList names = storedFiles(server);
    QCOMPARE(names.size(), int(std::size(cases)));
    for (const QString &name : names) {
        QVERIFY2(!name.contains("passwd"_L1) && !name.contains(u'.'), qPrintable(name));
        const QFileInfo file(folder.filePath() + u'/' + name);
        QCOMPARE(file.permissions() & 0x0077, QFileDevice::Permissions());
    }
}

void TestDevServerAttachments::expiry()
{
    DevServerProcess server;
    START_SERVER(server, withArgs({u"--upload-ttl-ms"_s, u"400"_s}));
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"E"_s).value(u"id"_s).toString();
    const HttpResult up = upload(http, token, "soon gone"_ba, "text/plain");
    QCOMPARE(up.status, 201);
    QCOMPARE(storedFiles(server).size(), 1);
    // The attached one stays; the unattached one goes, row and bytes.
    const QString kept =
        upload(http, token, "kept"_ba, "text/plain").data().value(u"id"_s).toString();
    QCOMPARE(send(http, token, ticket, {kept}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(storedFiles(server).size(), 1, 20000);
    const HttpResult late = send(http, token, ticket, {up.data().value(u"id"_s).toString()});
    QCOMPARE(late.status, 404);
    QCOMPARE(late.errorCode(), u"resource_missing"_s);
    const QJsonObject message = http.chat("GET", u"/tickets/%1/messages"_s.arg(ticket), {}, token)
                                    .dataArray()
                                    .last()
                                    .toObject();
    const QString id =
        message.value(u"attachments"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    QCOMPARE(download(http, token, id).body, "kept"_ba);
}

void TestDevServerAttachments::crashMidUploadLeavesNoHalfFile()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    QTcpSocket socket;
    QVERIFY(sendUploadHead(socket, server, token,
                           "Content-Type: text/plain\r\nContent-Length: "_ba
                               + QByteArray::number(4 * MiB) + "\r\n"_ba,
                           QByteArray(MiB, 'h')));
    QVERIFY(socket.waitForBytesWritten(5000));
    // Nothing of an incomplete upload is visible (on Linux its bytes are an
    // unnamed file until complete; elsewhere a .part file).
    for (const QString &name : storedFiles(server))
        QVERIFY2(name.startsWith(".part-"_L1), qPrintable(name));
    server.kill();
    socket.abort();
    // What a crash can leave elsewhere: a partial file, and bytes whose row
    // never committed. Both are swept before the server serves again.
    const QString folder = server.dbPath() + ".files"_L1;
    for (const QString &name : {u".part-AbC123"_s, u"fOrphanWithoutRow"_s}) {
        QFile leftover(folder + u'/' + name);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("half");
    }
    QVERIFY(server.restart());
    QCOMPARE(storedFiles(server), QStringList());
    TestHttp again(server);
    QCOMPARE(upload(again, token, "whole"_ba, "text/plain").status, 201);
    QCOMPARE(storedFiles(server).size(), 1);
}

void TestDevServerAttachments::idempotentRetry()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QByteArray bytes = encoded(testImage(30, 20), "PNG");
    const HeaderPairs key {{"Idempotency-Key", "7f1c1c52-1a8c-4a35-9a5e-0b5c6f0e9d11"}};
    const HttpResult first = upload(http, token, bytes, "image/png", "shot.png", key);
    QCOMPARE(first.status, 201);
    const HttpResult retry = upload(http, token, bytes, "image/png", "shot.png", key);
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.data().value(u"id"_s), first.data().value(u"id"_s));
    QCOMPARE(retry.header("idempotent-replayed"), "true"_ba);
    QCOMPARE(storedFiles(server).size(), 1); // the retry's bytes were not kept
    // The same key with other bytes is a conflict.
    const HttpResult other =
        upload(http, token, encoded(testImage(31, 20), "PNG"), "image/png", "shot.png", key);
    QCOMPARE(other.status, 409);
    QCOMPARE(other.errorCode(), u"idempotency_conflict"_s);
    QCOMPARE(storedFiles(server).size(), 1);
    // A lost response (failNext after handling): the retry gets the original.
    http.control({{u"failNext"_s,
                   QJsonObject {{u"method"_s, u"POST"_s},
                                {u"pathContains"_s, u"/uploads"_s},
                                {u"status"_s, 503},
                                {u"afterHandling"_s, true}}}});
    const HeaderPairs key2 {{"Idempotency-Key", "0d9b6a4e-3d0a-4c0e-8f3f-6f3cbe1f2b7a"}};
    const HttpResult lost = upload(http, token, "log"_ba, "text/plain", "a.log", key2);
    QCOMPARE(lost.status, 503);
    const HttpResult recovered = upload(http, token, "log"_ba, "text/plain", "a.log", key2);
    QCOMPARE(recovered.status, 201);
    QCOMPARE(storedFiles(server).size(), 2);
}

void TestDevServerAttachments::hostileImages()
{
    DevServerProcess server;
    START_SERVER(server, {});
    TestHttp http(server);
    const QString token = http.createSession();
    const QString ticket = createTicket(http, token, u"H"_s).value(u"id"_s).toString();
    const QByteArray good = encoded(testImage(64, 64), "PNG");

    // Truncated inside the header: not an image.
    HttpResult r = upload(http, token, good.left(20), "image/png");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"content_mismatch"_s);
    // A 50,000 × 50,000 header (10 GB of pixels) with one row: refused from the header.
    r = upload(http, token, handmadePng(50000, 50000, 8, 6, 1), "image/png");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"image_too_large"_s);
    // A JPEG claiming 50,000 × 50,000 (SOF0 patched).
    QByteArray jpeg = encoded(testImage(16, 16), "JPEG");
    const qsizetype sof = jpeg.indexOf("\xff\xc0");
    QVERIFY(sof > 0);
    qToBigEndian(quint16(50000), jpeg.data() + sof + 5);
    qToBigEndian(quint16(50000), jpeg.data() + sof + 7);
    r = upload(http, token, jpeg, "image/jpeg");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"image_too_large"_s);

    // Decompression bomb: 40 MP of zeros in ~40 KB, inside the limits, so
    // accepted; its thumbnail is decoded under the allocation limit.
    const QByteArray bomb = handmadePng(10000, 4000, 8, 0, 4000);
    QVERIFY(bomb.size() < 100 * 1024);
    r = upload(http, token, bomb, "image/png");
    QCOMPARE(r.status, 201);
    QCOMPARE(r.data().value(u"width"_s).toInt(), 10000);
    // The same header at 16 bits RGBA: 320 MB decoded, past the 256 MB limit.
    const QByteArray bigBomb = handmadePng(10000, 4000, 16, 6, 10);
    const HttpResult r2 = upload(http, token, bigBomb, "image/png");
    QCOMPARE(r2.status, 201);
    const HttpResult sent =
        send(http, token, ticket,
             {r.data().value(u"id"_s).toString(), r2.data().value(u"id"_s).toString()});
    QCOMPARE(sent.status, 201);
    const QJsonArray atts = sent.data().value(u"attachments"_s).toArray();
    const HttpResult thumb = download(http, token, atts.at(0).toObject().value(u"id"_s).toString(),
                                      {}, u"?thumbnail=1"_s);
    QCOMPARE(thumb.status, 200);
    QCOMPARE(QImage::fromData(thumb.body, "PNG").size(),
             QSize(10000, 4000).scaled(512, 512, Qt::KeepAspectRatio));
    const HttpResult refused = download(
        http, token, atts.at(1).toObject().value(u"id"_s).toString(), {}, u"?thumbnail=1"_s);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), u"content_mismatch"_s);
    // Truncated pixel data behind a good header: accepted (the header is
    // fine), and its thumbnail either decodes what is there or is refused.
    const QByteArray cut = good.left(good.size() - 30);
    r = upload(http, token, cut, "image/png");
    QCOMPARE(r.status, 201);
    const QString cutId = send(http, token, ticket, {r.data().value(u"id"_s).toString()})
                              .data()
                              .value(u"attachments"_s)
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(u"id"_s)
                              .toString();
    const int cutStatus = download(http, token, cutId, {}, u"?thumbnail=1"_s).status;
    QVERIFY(cutStatus == 200 || cutStatus == 422);
    // Still serving.
    QVERIFY(server.isRunning());
    QCOMPARE(http.chat("GET", u"/tickets/"_s + ticket, {}, token).status, 200);
}

QTEST_GUILESS_MAIN(TestDevServerAttachments)
#include "tst_devserver_attachments.moc"
