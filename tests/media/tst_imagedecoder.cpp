// SPDX-License-Identifier: MIT
// CStar::Media::decodeImage against hostile files generated here (issue #20):
// a truncated PNG, PNG and JPEG headers claiming 50,000 × 50,000 px,
// decompression bombs (a few KiB that expand to tens of megapixels), garbage
// and formats outside §11 are refused with an error and a null image, before
// any pixel is allocated; a valid image comes back scaled to its bounding
// box. decodeImageAsync delivers on the context's thread, never after the
// context is gone.
#include "imagedecoder.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPointer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtEndian>

using namespace CStar;

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

QByteArray be32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return be32(quint32(data.size())) + type + data + be32(crc32(type + data));
}

/// A valid PNG of `width` × `height` 1-bit grey pixels, all black: each row is
/// a filter byte and width/8 zero bytes, which zlib squeezes ~1000:1.
QByteArray bombPng(int width, int height)
{
    const int rowBytes = 1 + (width + 7) / 8;
    const QByteArray raw(qsizetype(rowBytes) * height, '\0');
    // qCompress: a 4-byte length, then the zlib stream PNG's IDAT wants.
    const QByteArray zlib = qCompress(raw, 9).mid(4);
    QByteArray ihdr = be32(quint32(width)) + be32(quint32(height));
    ihdr += char(1); // bit depth
    ihdr += char(0); // greyscale
    ihdr += QByteArray(3, '\0'); // compression, filter, interlace
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", {});
}

QImage noise(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    auto *random = QRandomGenerator::global();
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = random->generate() | 0xFF000000u;
    }
    return image;
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qFatal("could not encode a test image");
    return bytes;
}

/// A PNG whose IHDR claims width × height (CRC fixed, so libpng accepts it).
QByteArray pngClaiming(int width, int height)
{
    QByteArray png = encoded(noise(16, 16), "PNG");
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    const int ihdr = 8 + 4;
    Q_ASSERT(png.mid(ihdr, 4) == "IHDR");
    png.replace(ihdr + 4, 8, QByteArray(be32(quint32(width)) + be32(quint32(height))));
    const QByteArray typeAndData = png.mid(ihdr, 4 + 13);
    png.replace(ihdr + 4 + 13, 4, be32(crc32(typeAndData)));
    return png;
}

/// A JPEG whose start-of-frame claims width × height (the scan stays 16 × 16).
QByteArray jpegClaiming(int width, int height)
{
    QByteArray jpeg = encoded(noise(16, 16), "JPEG");
    for (int i = 2; i + 9 < jpeg.size(); ++i) {
        if (quint8(jpeg[i]) == 0xFF
            && (quint8(jpeg[i + 1]) == 0xC0 || quint8(jpeg[i + 1]) == 0xC2)) {
            // FF Cn, length (2), precision (1), height (2), width (2).
            QByteArray dims(4, '\0');
            qToBigEndian(quint16(height), dims.data());
            qToBigEndian(quint16(width), dims.data() + 2);
            jpeg.replace(i + 5, 4, dims);
            return jpeg;
        }
    }
    qFatal("no start-of-frame in the test JPEG");
    return {};
}

} // namespace

class TestImageDecoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("could not write a test file");
        return path;
    }

    /// Decodes `path` and checks it is refused with an error mentioning `why`.
    void verifyRefused(const QString &path, const QString &why)
    {
        QString error = QStringLiteral("stale");
        const QImage image = Media::decodeImage(path, QSize(512, 512), &error);
        QVERIFY(image.isNull());
        QVERIFY2(error.contains(why), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void validImageScaledToBounding_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QSize>("bounding");
        QTest::addColumn<QSize>("expected");
        for (const char *format : {"PNG", "JPEG"}) {
            QTest::addRow("%s fits 200x200", format)
                << QByteArray(format) << QSize(200, 200) << QSize(200, 100);
            QTest::addRow("%s fits 1000x50", format)
                << QByteArray(format) << QSize(1000, 50) << QSize(100, 50);
            QTest::addRow("%s never enlarged", format)
                << QByteArray(format) << QSize(2000, 2000) << QSize(800, 400);
            QTest::addRow("%s invalid box: full size", format)
                << QByteArray(format) << QSize() << QSize(800, 400);
        }
    }
    void validImageScaledToBounding()
    {
        QFETCH(QByteArray, format);
        QFETCH(QSize, bounding);
        QFETCH(QSize, expected);
        QImage source(800, 400, QImage::Format_RGB32);
        source.fill(Qt::darkCyan);
        QPainter(&source).fillRect(0, 0, 400, 400, Qt::yellow);
        const QString path = write(QStringLiteral("valid.") + QString::fromLatin1(format),
                                   encoded(source, format.constData()));
        QString error = QStringLiteral("stale");
        const QImage image = Media::decodeImage(path, bounding, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(image.size(), expected);
        // Still the same picture: yellow on the left, cyan on the right.
        const QColor left = image.pixelColor(image.width() / 4, image.height() / 2);
        const QColor right = image.pixelColor(image.width() * 3 / 4, image.height() / 2);
        QVERIFY(left.red() > 200 && left.green() > 200 && left.blue() < 60);
        QVERIFY(right.red() < 60 && right.green() > 90 && right.blue() > 90);
    }

    void truncatedPng()
    {
        const QByteArray png = encoded(noise(300, 300), "PNG");
        QVERIFY(png.size() > 100000);
        const QString whole = write(QStringLiteral("whole.png"), png);
        QVERIFY(!Media::decodeImage(whole, QSize()).isNull()); // the same bytes, not cut
        for (const qsizetype length : {png.size() / 2, png.size() - 20, qsizetype(40)}) {
            const QString path =
                write(QStringLiteral("truncated-%1.png").arg(length), png.left(length));
            verifyRefused(path, QStringLiteral("image"));
        }
    }

    void truncatedJpeg()
    {
        const QByteArray jpeg = encoded(noise(300, 300), "JPEG");
        verifyRefused(write(QStringLiteral("truncated.jpg"), jpeg.left(jpeg.size() / 2)),
                      QStringLiteral("image"));
    }

    void hugeHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("why");
        const QString tooLarge = QStringLiteral("too large");
        QTest::addRow("PNG 50,000 x 50,000") << pngClaiming(50000, 50000) << tooLarge;
        QTest::addRow("JPEG 50,000 x 50,000") << jpegClaiming(50000, 50000) << tooLarge;
        QTest::addRow("PNG 10,001 x 1") << pngClaiming(10001, 1) << tooLarge;
        QTest::addRow("JPEG 1 x 10,001") << jpegClaiming(1, 10001) << tooLarge;
        QTest::addRow("PNG 8,000 x 6,000 (48 MP)") << pngClaiming(8000, 6000) << tooLarge;
        QTest::addRow("JPEG 8,000 x 6,000 (48 MP)") << jpegClaiming(8000, 6000) << tooLarge;
        // Within 10,000 a side and 40 MP, but 152 MiB of ARGB pixels.
        QTest::addRow("PNG 7,000 x 5,700 over budget")
            << pngClaiming(7000, 5700) << QStringLiteral("budget");
    }
    void hugeHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        QVERIFY(bytes.size() < 4096); // a tiny file…
        verifyRefused(write(QStringLiteral("huge"), bytes), why); // …that claims a huge image
    }

    void decompressionBomb()
    {
        // 10,000 × 10,000 (100 MP) in a few KiB: refused by its pixel count.
        const QByteArray bomb = bombPng(10000, 10000);
        QVERIFY2(bomb.size() < 64 * 1024, QByteArray::number(bomb.size()).constData());
        verifyRefused(write(QStringLiteral("bomb.png"), bomb), QStringLiteral("too large"));
        // 39.9 MP: under the pixel limit, over the allocation budget.
        const QByteArray dense = bombPng(7000, 5700);
        QVERIFY2(dense.size() < 64 * 1024, QByteArray::number(dense.size()).constData());
        verifyRefused(write(QStringLiteral("dense.png"), dense), QStringLiteral("budget"));
        // The same trick within every limit is an image like any other.
        QString error;
        const QImage small = Media::decodeImage(
            write(QStringLiteral("fine.png"), bombPng(3000, 2000)), QSize(300, 300), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(small.size(), QSize(300, 200));
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("why");
        QByteArray random(4096, '\0');
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                              random.size() / 4);
        QTest::addRow("random bytes") << random << QStringLiteral("image");
        QTest::addRow("empty file") << QByteArray() << QStringLiteral("image");
        QTest::addRow("PNG signature, then garbage")
            << QByteArray(QByteArray("\x89PNG\r\n\x1a\n", 8) + random) << QStringLiteral("image");
        QTest::addRow("JPEG marker, then garbage")
            << QByteArray(QByteArray("\xFF\xD8\xFF\xE0", 4) + random) << QStringLiteral("image");
        QTest::addRow("text") << QByteArray("%PDF-1.4 not an image\n") << QStringLiteral("image");
        // A real image in a format §11 does not allow: its parser is never used.
        QTest::addRow("BMP") << encoded(noise(8, 8), "BMP") << QStringLiteral("not allowed");
    }
    void garbage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        // Named .png: the content decides, never the name.
        verifyRefused(write(QStringLiteral("garbage.png"), bytes), why);
    }

    void missingFile()
    {
        verifyRefused(m_dir.filePath(QStringLiteral("absent.png")), QStringLiteral("image"));
    }

    void encodePngRoundTrip()
    {
        const QImage source = noise(40, 30);
        const QByteArray png = Media::encodePng(source);
        QVERIFY(png.startsWith("\x89PNG"));
        QCOMPARE(QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32), source);
        QVERIFY(Media::encodePng(QImage()).isEmpty());
    }

    void asyncDeliversOnTheContextThread()
    {
        const QString path = write(QStringLiteral("async.png"), encoded(noise(400, 200), "PNG"));
        QThread worker;
        worker.start();
        auto *context = new QObject;
        context->moveToThread(&worker);
        connect(&worker, &QThread::finished, context, &QObject::deleteLater);

        QAtomicPointer<QThread> deliveredOn;
        QAtomicInt width = 0;
        QAtomicInt calls = 0;
        Media::decodeImageAsync(path, QSize(100, 100), context,
                                [&](const QImage &image, const QString &error) {
                                    deliveredOn.storeRelease(QThread::currentThread());
                                    width.storeRelease(error.isEmpty() ? image.width() : -1);
                                    calls.fetchAndAddOrdered(1);
                                });
        QTRY_COMPARE(calls.loadAcquire(), 1);
        QCOMPARE(deliveredOn.loadAcquire(), &worker);
        QCOMPARE(width.loadAcquire(), 100);

        // Errors are delivered the same way.
        QString failure;
        QObject local;
        Media::decodeImageAsync(write(QStringLiteral("async-bad.png"), pngClaiming(50000, 50000)),
                                QSize(), &local, [&](const QImage &image, const QString &error) {
                                    QVERIFY(image.isNull());
                                    QCOMPARE(QThread::currentThread(), thread());
                                    failure = error;
                                });
        QTRY_VERIFY(!failure.isEmpty());
        QVERIFY2(failure.contains(QStringLiteral("too large")), qPrintable(failure));

        worker.quit();
        QVERIFY(worker.wait(10000));
        QCOMPARE(calls.loadAcquire(), 1);
    }

    void noDeliveryAfterTheContextIsDeleted()
    {
        const QString path = write(QStringLiteral("gone.png"), encoded(noise(200, 200), "PNG"));
        int deadCalls = 0;
        bool liveCalled = false;
        QObject live;

        // Deleted while the decoding may still run…
        auto *early = new QObject;
        Media::decodeImageAsync(path, QSize(64, 64), early,
                                [&](const QImage &, const QString &) { ++deadCalls; });
        delete early;
        // …and deleted after the result was posted to it, before its delivery.
        auto *late = new QObject;
        Media::decodeImageAsync(path, QSize(64, 64), late,
                                [&](const QImage &, const QString &) { ++deadCalls; });
        QThreadPool::globalInstance()->waitForDone();
        delete late;

        // A live context's result goes through the same event loop meanwhile.
        Media::decodeImageAsync(
            path, QSize(64, 64), &live,
            [&](const QImage &image, const QString &) { liveCalled = !image.isNull(); });
        QTRY_VERIFY(liveCalled);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(deadCalls, 0);
    }
};

QTEST_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
