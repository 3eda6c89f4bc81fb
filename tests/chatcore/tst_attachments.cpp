// SPDX-License-Identifier: MIT
// Protocol §11 through ChatClient against a real devserver: every allowed
// type round-trips with identical bytes (sha256), each refusal arrives with
// its code (and its FileRefusal), and neither another session nor another
// customer can attach or download what is not theirs (404, never "forbidden").
#include "chatclient.h"
#include "clientsupport.h"
#include "devserverprocess.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtEndian>

using namespace CStar;
using namespace CStar::Testing;
using namespace Qt::StringLiterals;

namespace {

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian(quint32(data.size()), out.data());
    out += type + data;
    QByteArray crc(4, '\0');
    qToBigEndian(crc32(type + data), crc.data());
    return out + crc;
}

/// A PNG whose header claims `width` × `height` (8-bit grey); its pixels are
/// one scanline only, so a bomb costs nothing to make.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 0; // greyscale
    const QByteArray idat = qCompress(QByteArray(int(qMin<quint32>(width, 64)) + 1, '\0')).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat)
        + pngChunk("IEND", {});
}

QByteArray imageBytes(const char *format)
{
    QImage image(48, 32, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A 1×1 GIF89a and a 1×1 lossless WebP (Qt writes neither).
const QByteArray gifBytes = QByteArray::fromHex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b");
const QByteArray webpBytes =
    QByteArray::fromHex("524946461a000000574542505650384c0d0000002f0000001007101111888808fe0700");
// A zip holding log.txt ("hello zip\n"), stored.
const QByteArray zipBytes = QByteArray::fromHex(
    "504b03041400000000006780845d48c911480a0000000a000000070000006c6f672e74787468656c6c6f207a"
    "69700a504b010214031400000000006780845d48c911480a0000000a00000007000000000000000000000080"
    "01000000006c6f672e747874504b05060000000001000100350000002f0000000000");

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

    DevServerProcess server;

    std::unique_ptr<ChatClient> newClient()
    {
        auto client = std::make_unique<ChatClient>(server.team());
        client->setBaseUrl(server.baseUrl());
        client->setTransportOptions(quickRetries());
        return client;
    }

    /// Uploads `bytes`; the job (finished).
    UploadJob *upload(ChatClient *client, const QByteArray &bytes, const QString &name,
                      const QString &type, const QByteArray &idempotencyKey = {})
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        UploadJob *job =
            client->uploads().upload(&buffer, UploadOptions {name, type, idempotencyKey});
        errorOf(job);
        return job;
    }

    Ticket newTicket(ChatClient *client)
    {
        auto *job = client->tickets().create(QStringLiteral("Files"));
        const ChatError e = errorOf(job);
        if (e.isError())
            qWarning("%s", qPrintable(e.toString()));
        return job->result();
    }

    /// A message on a new ticket of `client` with the upload `uploadId`
    /// (by value: a job's result goes with the job, deleted after it finished).
    Job<Message> *sendWith(ChatClient *client, QString uploadId, QString content = QString())
    {
        const Ticket ticket = newTicket(client);
        SendOptions options;
        options.attachments = {uploadId};
        auto *job = client->messages().send(ticket.id(), content, options);
        errorOf(job);
        return job;
    }

    bool identify(ChatClient *client, const QString &externalId)
    {
        const QByteArray customer = QJsonDocument(QJsonObject {{QStringLiteral("id"), externalId}})
                                        .toJson(QJsonDocument::Compact);
        auto *job =
            client->identify(customer, DevServerProcess::hmacHex(server.chatSecret(), customer));
        return !errorOf(job).isError();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(server.start(), qPrintable(server.errorString())); }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("png") << imageBytes("PNG") << u"screen shot.png"_s << u"image/png"_s << 48
                             << 32;
        QTest::newRow("jpeg") << imageBytes("JPG") << u"photo.jpg"_s << u"image/jpeg"_s << 48 << 32;
        QTest::newRow("gif") << gifBytes << u"dot.gif"_s << u"image/gif"_s << 1 << 1;
        QTest::newRow("webp") << webpBytes << u"dot.webp"_s << u"image/webp"_s << 1 << 1;
        QTest::newRow("pdf") << QByteArray("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
                             << u"invoice.pdf"_s << u"application/pdf"_s << 0 << 0;
        QTest::newRow("text, UTF-8 name") << QByteArray("line 1\nzweite Zeile: äöü\n")
                                          << u"Protokoll – März.txt"_s << u"text/plain"_s << 0 << 0;
        QTest::newRow("csv") << QByteArray("a,b\n1,2\n") << u"data.csv"_s << u"text/csv"_s << 0
                             << 0;
        QTest::newRow("json") << QByteArray(R"({"ok":true})") << u"state.json"_s
                              << u"application/json"_s << 0 << 0;
        QTest::newRow("zip") << zipBytes << u"logs.zip"_s << u"application/zip"_s << 0 << 0;
        QByteArray big(3 * 1024 * 1024 + 17, '\0');
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char('a' + (i * 7919) % 26);
        QTest::newRow("3 MiB text") << big << u"big.log"_s << u"text/plain"_s << 0 << 0;
    }

    void roundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(int, width);
        QFETCH(int, height);
        QVERIFY(!bytes.isEmpty());
        auto client = newClient();

        QBuffer source;
        source.setData(bytes);
        source.open(QIODevice::ReadOnly);
        UploadJob *up = client->uploads().upload(&source, UploadOptions {name, type, {}});
        QSignalSpy progress(up, &UploadJob::uploadProgress);
        const ChatError upError = errorOf(up);
        if (type == QLatin1String("image/webp") && upError.kind() == ChatError::Kind::Validation)
            QSKIP("this devserver's Qt reads no WebP header (no imageformats plugin)");
        QVERIFY2(!upError.isError(), qPrintable(upError.toString()));
        const Attachment uploaded = up->result();
        QVERIFY(uploaded.id.startsWith(QLatin1String("upl_")));
        QCOMPARE(uploaded.name, name);
        QCOMPARE(uploaded.contentType, type);
        QCOMPARE(uploaded.size, bytes.size());
        QCOMPARE(uploaded.sha256, sha256Hex(bytes));
        QCOMPARE(uploaded.width, width);
        QCOMPARE(uploaded.height, height);
        QVERIFY(uploaded.expiresAt.isValid());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), bytes.size());
        QCOMPARE(progress.last().at(1).toLongLong(), bytes.size());

        // §11: content may be empty when there is an attachment.
        auto *sent = sendWith(client.get(), uploaded.id);
        QVERIFY2(sent->isSuccess(), qPrintable(sent->error().toString()));
        const QList<Attachment> attached = sent->result().attachments();
        QCOMPARE(attached.size(), 1);
        const Attachment a = attached.first();
        QVERIFY(a.id.startsWith(QLatin1String("att_")));
        QCOMPARE(a.sha256, uploaded.sha256);
        QCOMPARE(a.size, uploaded.size);
        QCOMPARE(a.name, name);

        // The history has it too.
        auto *history = client->messages().list(sent->result().ticketId());
        QVERIFY(!errorOf(history).isError());
        QCOMPARE(history->result().data.last().attachments(), attached);

        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        DownloadJob *down = client->attachments().download(a.id, &sink);
        QSignalSpy downProgress(down, &DownloadJob::downloadProgress);
        const ChatError downError = errorOf(down);
        QVERIFY2(!downError.isError(), qPrintable(downError.toString()));
        QCOMPARE(sha256Hex(sink.data()), uploaded.sha256);
        QCOMPARE(down->bytesWritten(), bytes.size());
        QCOMPARE(down->contentType(), type);
        QCOMPARE(down->fileName(), name);
        QVERIFY(!downProgress.isEmpty());

        // To a file: whole, atomically.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved"));
        DownloadJob *toFile = client->attachments().download(a.id, path);
        QVERIFY(!errorOf(toFile).isError());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(sha256Hex(saved.readAll()), uploaded.sha256);

        if (width > 0) { // ?thumbnail=1: a PNG preview
            QBuffer thumb;
            thumb.open(QIODevice::WriteOnly);
            DownloadOptions options;
            options.thumbnail = true;
            DownloadJob *t = client->attachments().download(a.id, &thumb, options);
            const ChatError thumbError = errorOf(t);
            if (type == QLatin1String("image/webp") && thumbError.isError())
                QSKIP(qPrintable(u"no WebP thumbnail from this devserver's Qt: "_s
                                 + thumbError.toString()));
            QVERIFY2(!thumbError.isError(), qPrintable(thumbError.toString()));
            QCOMPARE(t->contentType(), u"image/png"_s);
            QVERIFY(thumb.data().startsWith("\x89PNG"));
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::addColumn<ChatError::FileRefusal>("refusal");
        using R = ChatError::FileRefusal;
        QTest::newRow("executable") << QByteArray("MZ\x90\x00", 4) << u"application/x-msdownload"_s
                                    << u"unsupported_media_type"_s << R::UnsupportedMediaType;
        QTest::newRow("HTML") << QByteArray("<script>alert(1)</script>") << u"text/html"_s
                              << u"unsupported_media_type"_s << R::UnsupportedMediaType;
        QTest::newRow("text as PNG") << QByteArray("not a picture") << u"image/png"_s
                                     << u"content_mismatch"_s << R::ContentMismatch;
        QTest::newRow("PNG as PDF") << imageBytes("PNG") << u"application/pdf"_s
                                    << u"content_mismatch"_s << R::ContentMismatch;
        QTest::newRow("text as zip") << QByteArray("hello") << u"application/zip"_s
                                     << u"content_mismatch"_s << R::ContentMismatch;
        QTest::newRow("50,000 × 50,000 PNG") << pngClaiming(50000, 50000) << u"image/png"_s
                                             << u"image_too_large"_s << R::ImageTooLarge;
        QTest::newRow("over 40 megapixels") << pngClaiming(8000, 6000) << u"image/png"_s
                                            << u"image_too_large"_s << R::ImageTooLarge;
    }

    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, type);
        QFETCH(QString, code);
        QFETCH(ChatError::FileRefusal, refusal);
        auto client = newClient();
        UploadJob *job = upload(client.get(), bytes, QStringLiteral("f"), type);
        QVERIFY(job->isFinished());
        const ChatError e = job->error();
        QCOMPARE(e.code(), code);
        QCOMPARE(e.kind(), ChatError::Kind::Validation);
        QCOMPARE(e.fileRefusal(), refusal);
        QVERIFY(e.httpStatus() == 415 || e.httpStatus() == 422);
    }

    /// Over 10 MiB is refused before a byte is sent, with the server's code.
    void tooLargeLocally()
    {
        auto client = newClient();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(UploadsApi::maxFileSize + 1));
        f.close();
        UploadJob *job = client->uploads().upload(path);
        const ChatError e = errorOf(job);
        QCOMPARE(e.code(), u"file_too_large"_s);
        QCOMPARE(e.fileRefusal(), ChatError::FileRefusal::FileTooLarge);
        QCOMPARE(e.httpStatus(), 0); // never sent

        QBuffer buffer;
        buffer.setData(QByteArray(UploadsApi::maxFileSize + 1, 'x'));
        buffer.open(QIODevice::ReadOnly);
        QCOMPARE(errorOf(client->uploads().upload(&buffer, {u"b.txt"_s, {}, {}})).fileRefusal(),
                 ChatError::FileRefusal::FileTooLarge);
    }

    /// An upload is attached once, by the session that made it; anything
    /// else is 404 resource_missing, as for a missing one.
    void onlyTheUploaderAttachesOnce()
    {
        auto alice = newClient();
        auto bob = newClient();
        UploadJob *up = upload(alice.get(), "notes", QStringLiteral("a.txt"), u"text/plain"_s);
        QVERIFY(up->isSuccess());
        const QString uploadId = up->result().id;

        auto *stolen = sendWith(bob.get(), uploadId, QStringLiteral("mine now"));
        QCOMPARE(stolen->error().kind(), ChatError::Kind::NotFound);
        QCOMPARE(stolen->error().code(), u"resource_missing"_s);

        auto *first = sendWith(alice.get(), uploadId);
        QVERIFY2(first->isSuccess(), qPrintable(first->error().toString()));
        auto *again = sendWith(alice.get(), uploadId);
        QCOMPARE(again->error().kind(), ChatError::Kind::NotFound);

        auto *missing = sendWith(alice.get(), u"upl_doesnotexist"_s);
        QCOMPARE(missing->error().kind(), ChatError::Kind::NotFound);
    }

    /// Another session (another anonymous customer) and another identified
    /// customer get 404; the owner's second session may read it (§11).
    void downloadOnlyByParticipants()
    {
        auto owner = newClient();
        QVERIFY(identify(owner.get(), QStringLiteral("att-owner")));
        UploadJob *up = upload(owner.get(), "secret", QStringLiteral("s.txt"), u"text/plain"_s);
        QVERIFY(up->isSuccess());
        auto *sent = sendWith(owner.get(), up->result().id);
        QVERIFY(sent->isSuccess());
        const QString id = sent->result().attachments().value(0).id;
        QVERIFY(!id.isEmpty());

        auto anonymous = newClient();
        auto other = newClient();
        QVERIFY(identify(other.get(), QStringLiteral("att-other")));
        for (ChatClient *stranger : {anonymous.get(), other.get()}) {
            QBuffer sink;
            sink.open(QIODevice::WriteOnly);
            const ChatError e = errorOf(stranger->attachments().download(id, &sink));
            QCOMPARE(e.kind(), ChatError::Kind::NotFound);
            QCOMPARE(e.code(), u"resource_missing"_s);
            QVERIFY(sink.data().isEmpty()); // the error body never reaches the device
        }
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        QCOMPARE(errorOf(anonymous->attachments().download(u"att_nothing"_s, &sink)).kind(),
                 ChatError::Kind::NotFound);

        auto secondSession = newClient();
        QVERIFY(identify(secondSession.get(), QStringLiteral("att-owner")));
        QBuffer mine;
        mine.open(QIODevice::WriteOnly);
        QVERIFY(!errorOf(secondSession->attachments().download(id, &mine)).isError());
        QCOMPARE(mine.data(), QByteArray("secret"));
    }

    /// A failed download to a path leaves no file, and an existing file is
    /// kept until a download succeeds.
    void failedDownloadLeavesNoFile()
    {
        auto client = newClient();
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh"));
        QCOMPARE(errorOf(client->attachments().download(u"att_nothing"_s, fresh)).kind(),
                 ChatError::Kind::NotFound);
        QVERIFY(!QFile::exists(fresh));
        const QString existing = dir.filePath(QStringLiteral("existing"));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        QVERIFY(errorOf(client->attachments().download(u"att_nothing"_s, existing)).isError());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
    }

    /// The size bound holds while the bytes arrive.
    void downloadBounded()
    {
        auto client = newClient();
        UploadJob *up = upload(client.get(), QByteArray(200 * 1024, 'z'), QStringLiteral("z.txt"),
                               u"text/plain"_s);
        QVERIFY(up->isSuccess());
        auto *sent = sendWith(client.get(), up->result().id);
        QVERIFY(sent->isSuccess());
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        DownloadOptions options;
        options.maxBytes = 64 * 1024;
        const ChatError e = errorOf(client->attachments().download(
            sent->result().attachments().value(0).id, &sink, options));
        QCOMPARE(e.code(), u"response_too_large"_s);
        QVERIFY(sink.size() <= options.maxBytes);
    }

    /// The Idempotency-Key the outbox persists (§3, §11): an upload repeated
    /// with it (after a restart) is the same upload, attached once.
    void uploadIdempotent()
    {
        auto client = newClient();
        const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        UploadJob *first = upload(client.get(), "once", u"o.txt"_s, u"text/plain"_s, key);
        QVERIFY2(first->isSuccess(), qPrintable(first->error().toString()));
        const QString id = first->result().id;
        UploadJob *again = upload(client.get(), "once", u"o.txt"_s, u"text/plain"_s, key);
        QVERIFY2(again->isSuccess(), qPrintable(again->error().toString()));
        QCOMPARE(again->result().id, id);
        auto *sent = sendWith(client.get(), id);
        QVERIFY(sent->isSuccess());
        QCOMPARE(sent->result().attachments().size(), 1);
    }

    /// cancel(): no signal after it, and the client goes on working.
    void cancelUpload()
    {
        auto client = newClient();
        QBuffer buffer;
        buffer.setData(QByteArray(4 * 1024 * 1024, 'c'));
        buffer.open(QIODevice::ReadOnly);
        UploadJob *job = client->uploads().upload(&buffer, {u"c.txt"_s, u"text/plain"_s, {}});
        QSignalSpy finished(job, &ChatJob::finished);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->cancel();
        QVERIFY(destroyed.wait(10000)); // it deletes itself
        auto *after = client->tickets().create(u"After a cancel"_s);
        QVERIFY(!errorOf(after).isError());
        QCOMPARE(finished.count(), 0);
    }

    void contentTypeGuess()
    {
        QCOMPARE(UploadsApi::guessContentType(u"a.png"_s, imageBytes("PNG")), u"image/png"_s);
        QCOMPARE(UploadsApi::guessContentType(u"app.log"_s, "x"), u"text/plain"_s);
        QCOMPARE(UploadsApi::guessContentType(u"a.csv"_s, "a,b"), u"text/csv"_s);
        QCOMPARE(UploadsApi::guessContentType(u"a.json"_s, "{}"), u"application/json"_s);
        QCOMPARE(UploadsApi::guessContentType(u"a.pdf"_s, "%PDF-1.4"), u"application/pdf"_s);
        QCOMPARE(AttachmentsApi::fileNameFromContentDisposition(
                     "attachment; filename=\"x.txt\"; filename*=UTF-8''M%C3%A4rz%20%E2%80%93.txt"),
                 u"März –.txt"_s);
        QCOMPARE(AttachmentsApi::fileNameFromContentDisposition("attachment; filename=\"x.txt\""),
                 u"x.txt"_s);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
