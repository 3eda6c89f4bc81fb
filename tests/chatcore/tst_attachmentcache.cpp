// SPDX-License-Identifier: MIT
// AttachmentCache against a real devserver (protocol §11), its traffic
// counted by a loopback proxy: a thumbnail and a whole file are downloaded
// once and then served from disk (also by a later client on the same
// storage, server unreachable); concurrent requests share one download; a
// whole file that does not match its sha256 is discarded; another
// customer's attachment fails NotFound and leaves nothing; hostile ids never
// reach the file system; the byte budget evicts the least recently used; a
// failed request can be retried; another customer clears the cache.
#include "attachmentcache.h"
#include "chatclient.h"
#include "clientsupport.h"
#include "devserverprocess.h"
#include "faultproxy.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

namespace {

QByteArray pngBytes(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// `size` bytes of text that no two calls share.
QByteArray textBytes(qsizetype size)
{
    QByteArray bytes(size, 'a');
    auto *random = QRandomGenerator::global();
    for (char &c : bytes)
        c = char('a' + random->bounded(26));
    return bytes;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestAttachmentCache : public QObject
{
    Q_OBJECT

    DevServerProcess server;
    Tools::FaultProxy proxy;

    /// A client through the proxy, storing under `storage`.
    std::unique_ptr<ChatClient> newClient(const QString &storage)
    {
        auto client = std::make_unique<ChatClient>(server.team());
        client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        TransportOptions options = quickRetries();
        options.maxRetries = 1; // a dropped connection fails fast
        client->setTransportOptions(options);
        client->setStorageDirectory(storage);
        return client;
    }

    bool identify(ChatClient *client, const QString &externalId)
    {
        const QByteArray customer = QJsonDocument(QJsonObject {{QStringLiteral("id"), externalId}})
                                        .toJson(QJsonDocument::Compact);
        auto *job =
            client->identify(customer, DevServerProcess::hmacHex(server.chatSecret(), customer));
        return !errorOf(job).isError();
    }

    /// Uploads `bytes` and sends them on a new ticket of `client`; the attachment.
    Attachment send(ChatClient *client, const QByteArray &bytes, const QString &name,
                    const QString &type)
    {
        QBuffer source;
        source.setData(bytes);
        source.open(QIODevice::ReadOnly);
        UploadJob *up = client->uploads().upload(&source, UploadOptions {name, type, {}});
        if (errorOf(up).isError())
            return {};
        const QString uploadId = up->result().id;
        auto *ticketJob = client->tickets().create(QStringLiteral("Files"));
        if (errorOf(ticketJob).isError())
            return {};
        SendOptions options;
        options.attachments = {uploadId};
        auto *sent = client->messages().send(ticketJob->result().id(), QString(), options);
        if (errorOf(sent).isError() || sent->result().attachments().size() != 1)
            return {};
        return sent->result().attachments().constFirst();
    }

    /// Requests and waits for ready(); the file path ("" on failure).
    QString fetch(AttachmentCache *cache, const Attachment &a, bool thumbnail)
    {
        QSignalSpy ready(cache, &AttachmentCache::ready);
        QSignalSpy failed(cache, &AttachmentCache::failed);
        const QString now = cache->request(a.id, a.sha256, thumbnail);
        if (!now.isEmpty())
            return now;
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 20000)
            || ready.isEmpty())
            return {};
        if (ready.first().at(0).toString() != a.id || ready.first().at(1).toBool() != thumbnail)
            return {};
        return ready.first().at(2).toString();
    }

    /// Requests and waits for failed(); its error.
    ChatError failure(AttachmentCache *cache, const QString &id, const QString &sha256,
                      bool thumbnail)
    {
        QSignalSpy ready(cache, &AttachmentCache::ready);
        QSignalSpy failed(cache, &AttachmentCache::failed);
        if (!cache->request(id, sha256, thumbnail).isEmpty())
            return {};
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 20000)
            || failed.isEmpty())
            return {};
        if (failed.first().at(0).toString() != id || failed.first().at(1).toBool() != thumbnail)
            return {};
        return failed.first().at(2).value<ChatError>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        proxy.setUpstream(QHostAddress::LocalHost, server.port());
        QVERIFY(proxy.listen());
    }

    void thumbnailCachedAndReused()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        const Attachment a = send(client.get(), pngBytes(1600, 1200), QStringLiteral("shot.png"),
                                  QStringLiteral("image/png"));
        QVERIFY(a.isValid());
        AttachmentCache *cache = client->attachmentCache();
        QCOMPARE(client->attachmentCache(), cache); // one per client
        QCOMPARE(cache->directory(), storage.filePath(QStringLiteral("attachment-cache")));

        const quint64 before = proxy.stats().bytesDown;
        const QString path = fetch(cache, a, true);
        QVERIFY(!path.isEmpty());
        QVERIFY(path.startsWith(cache->directory() + u'/'));
        QVERIFY(proxy.stats().bytesDown > before);
        const QImage thumb(path);
        QVERIFY(!thumb.isNull());
        QVERIFY(thumb.width() <= 512 && thumb.height() <= 512);
        QCOMPARE(cache->usedBytes(), QFileInfo(path).size());
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(cache->directory()) & others, QFileDevice::Permissions());

        // Again: from disk at once, no signal, not a byte over the network.
        QSignalSpy ready(cache, &AttachmentCache::ready);
        const quint64 afterFirst = proxy.stats().bytesDown;
        QCOMPARE(cache->request(a.id, a.sha256, true), path);
        QCOMPARE(cache->cachedPath(a.id, a.sha256, true), path);
        QCOMPARE(proxy.stats().bytesDown, afterFirst);
        // The whole file is another key: not cached yet.
        QVERIFY(cache->cachedPath(a.id, a.sha256, false).isEmpty());

        // A later run on the same storage, server unreachable: still there.
        client.reset();
        auto later = std::make_unique<ChatClient>(server.team());
        later->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        later->setStorageDirectory(storage.path());
        QCOMPARE(later->attachmentCache()->request(a.id, a.sha256, true), path);
        QVERIFY(ready.isEmpty());
    }

    void wholeFileVerifiedAndReused()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        const QByteArray bytes = textBytes(400 * 1024);
        const Attachment a =
            send(client.get(), bytes, QStringLiteral("app.log"), QStringLiteral("text/plain"));
        QVERIFY(a.isValid());
        AttachmentCache *cache = client->attachmentCache();

        const quint64 before = proxy.stats().bytesDown;
        const QString path = fetch(cache, a, false);
        QVERIFY(!path.isEmpty());
        QVERIFY(proxy.stats().bytesDown - before >= quint64(bytes.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        // Named after the id and hash only; no leftover partial file.
        QCOMPARE(filesIn(cache->directory()),
                 QStringList {a.id + u'.' + a.sha256 + QStringLiteral(".file")});

        const quint64 afterFirst = proxy.stats().bytesDown;
        QCOMPARE(cache->request(a.id, a.sha256, false), path);
        QCOMPARE(proxy.stats().bytesDown, afterFirst);
    }

    void concurrentRequestsShareOneDownload()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        const QByteArray bytes = textBytes(600 * 1024);
        const Attachment a =
            send(client.get(), bytes, QStringLiteral("big.log"), QStringLiteral("text/plain"));
        QVERIFY(a.isValid());
        AttachmentCache *cache = client->attachmentCache();
        QSignalSpy ready(cache, &AttachmentCache::ready);
        QSignalSpy failed(cache, &AttachmentCache::failed);

        const quint64 before = proxy.stats().bytesDown;
        QVERIFY(cache->request(a.id, a.sha256, false).isEmpty());
        QVERIFY(cache->request(a.id, a.sha256, false).isEmpty());
        QVERIFY(cache->request(a.id, a.sha256, false).isEmpty());
        QVERIFY(ready.wait(20000));
        QVERIFY(failed.isEmpty());
        const QString path = ready.first().at(2).toString();
        // Once over the network: a second download would double the bytes.
        const quint64 down = proxy.stats().bytesDown - before;
        QVERIFY2(down >= quint64(bytes.size()) && down < 2 * quint64(bytes.size()),
                 QByteArray::number(down).constData());
        QCOMPARE(cache->request(a.id, a.sha256, false), path);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(proxy.stats().bytesDown - before, down);
    }

    void sha256MismatchDiscarded()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        const Attachment a = send(client.get(), textBytes(5000), QStringLiteral("a.txt"),
                                  QStringLiteral("text/plain"));
        QVERIFY(a.isValid());
        AttachmentCache *cache = client->attachmentCache();
        const QString wrong = sha256Hex("something else");
        QVERIFY(wrong != a.sha256);
        const ChatError error = failure(cache, a.id, wrong, false);
        QCOMPARE(error.kind(), ChatError::Kind::Protocol);
        QCOMPARE(error.code(), QStringLiteral("sha256_mismatch"));
        QVERIFY(filesIn(cache->directory()).isEmpty());
        QCOMPARE(cache->usedBytes(), 0);
        QVERIFY(cache->cachedPath(a.id, wrong, false).isEmpty());
        // The right hash still works (the failure was not remembered).
        QVERIFY(!fetch(cache, a, false).isEmpty());
    }

    void anotherCustomersAttachmentIsNotFound()
    {
        QTemporaryDir ownerStorage;
        QTemporaryDir otherStorage;
        auto owner = newClient(ownerStorage.path());
        QVERIFY(identify(owner.get(), QStringLiteral("cache-owner")));
        const Attachment a = send(owner.get(), pngBytes(64, 64), QStringLiteral("mine.png"),
                                  QStringLiteral("image/png"));
        QVERIFY(a.isValid());
        auto other = newClient(otherStorage.path());
        QVERIFY(identify(other.get(), QStringLiteral("cache-other")));
        AttachmentCache *cache = other->attachmentCache();
        for (const bool thumbnail : {true, false}) {
            const ChatError error = failure(cache, a.id, a.sha256, thumbnail);
            QCOMPARE(error.kind(), ChatError::Kind::NotFound);
            QVERIFY(cache->cachedPath(a.id, a.sha256, thumbnail).isEmpty());
        }
        QCOMPARE(filesIn(cache->directory()), QStringList {QStringLiteral("owner")});
        // The owner gets it.
        QVERIFY(!fetch(owner->attachmentCache(), a, true).isEmpty());
    }

    void hostileIdsNeverReachTheFileSystem_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<QString>("code");
        const QString validSha = sha256Hex("x");
        const QString badId = QStringLiteral("invalid_attachment_id");
        QTest::newRow("parent dir") << QStringLiteral("../../escape") << validSha << badId;
        QTest::newRow("absolute") << QStringLiteral("/tmp/escape") << validSha << badId;
        QTest::newRow("dots") << QStringLiteral("..") << validSha << badId;
        QTest::newRow("backslash") << QStringLiteral("att_1\\..\\x") << validSha << badId;
        QTest::newRow("drive") << QStringLiteral("C:x") << validSha << badId;
        QTest::newRow("empty") << QString() << validSha << badId;
        QTest::newRow("too long") << QString(129, u'a') << validSha << badId;
        QTest::newRow("sha256 with a path")
            << QStringLiteral("att_ok") << QStringLiteral("../") + validSha.left(61)
            << QStringLiteral("invalid_sha256");
        QTest::newRow("sha256 upper case")
            << QStringLiteral("att_ok") << validSha.toUpper() << QStringLiteral("invalid_sha256");
        QTest::newRow("sha256 missing")
            << QStringLiteral("att_ok") << QString() << QStringLiteral("invalid_sha256");
    }
    void hostileIdsNeverReachTheFileSystem()
    {
        QFETCH(QString, id);
        QFETCH(QString, sha256);
        QFETCH(QString, code);
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        AttachmentCache *cache = client->attachmentCache();
        const quint64 upBefore = proxy.stats().bytesUp;
        const ChatError error = failure(cache, id, sha256, false);
        QCOMPARE(error.kind(), ChatError::Kind::Validation);
        QCOMPARE(error.code(), code);
        QCOMPARE(proxy.stats().bytesUp, upBefore); // never asked the server
        QCOMPARE(QDir(storage.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void budgetEvictsLeastRecentlyUsed()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        const qsizetype size = 100 * 1024;
        QList<Attachment> files;
        for (int i = 0; i < 4; ++i) {
            files.append(send(client.get(), textBytes(size), QStringLiteral("f%1.txt").arg(i),
                              QStringLiteral("text/plain")));
            QVERIFY(files.last().isValid());
        }
        AttachmentCache *cache = client->attachmentCache();
        QCOMPARE(cache->byteBudget(), qint64(256) * 1024 * 1024);
        QSignalSpy budgetChanged(cache, &AttachmentCache::byteBudgetChanged);
        cache->setByteBudget(3 * size);
        QCOMPARE(budgetChanged.size(), 1);

        const QString p0 = fetch(cache, files[0], false);
        const QString p1 = fetch(cache, files[1], false);
        const QString p2 = fetch(cache, files[2], false);
        QVERIFY(!p0.isEmpty() && !p1.isEmpty() && !p2.isEmpty());
        QCOMPARE(cache->usedBytes(), 3 * size);
        QCOMPARE(cache->request(files[0].id, files[0].sha256, false), p0); // 0 used: 1 is oldest

        const QString p3 = fetch(cache, files[3], false);
        QVERIFY(!p3.isEmpty());
        QVERIFY(QFile::exists(p0));
        QVERIFY(!QFile::exists(p1)); // evicted
        QVERIFY(QFile::exists(p2));
        QVERIFY(QFile::exists(p3));
        QCOMPARE(cache->usedBytes(), 3 * size);
        QVERIFY(cache->cachedPath(files[1].id, files[1].sha256, false).isEmpty());

        // The order survives a restart (file times), and a smaller budget trims at once.
        QCOMPARE(cache->request(files[2].id, files[2].sha256, false), p2); // order now 0, 3, 2
        client.reset();
        auto later = newClient(storage.path());
        AttachmentCache *again = later->attachmentCache();
        QCOMPARE(again->usedBytes(), 3 * size);
        again->setByteBudget(size);
        QCOMPARE(again->usedBytes(), size);
        QVERIFY(!QFile::exists(p0));
        QVERIFY(!QFile::exists(p3));
        QCOMPARE(again->cachedPath(files[2].id, files[2].sha256, false), p2);
    }

    void failedRequestCanBeRetried()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        const Attachment a = send(client.get(), pngBytes(32, 32), QStringLiteral("dot.png"),
                                  QStringLiteral("image/png"));
        QVERIFY(a.isValid());
        // A proxy that resets every connection: the download fails (after its retries).
        Tools::FaultProxy broken;
        broken.setUpstream(QHostAddress::LocalHost, server.port());
        Tools::FaultOptions refuseAll;
        refuseAll.refuse = 1.0;
        broken.setOptions(refuseAll);
        QVERIFY(broken.listen());
        client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(broken.port())));
        AttachmentCache *cache = client->attachmentCache();
        const ChatError error = failure(cache, a.id, a.sha256, true);
        QVERIFY2(error.isError() && error.isTransient(), qPrintable(error.toString()));
        QVERIFY(filesIn(cache->directory()).isEmpty());

        broken.setFaultsEnabled(false);
        QVERIFY(!fetch(cache, a, true).isEmpty());
    }

    void anotherCustomerClearsTheCache()
    {
        QTemporaryDir storage;
        auto client = newClient(storage.path());
        QVERIFY(identify(client.get(), QStringLiteral("cache-first")));
        const Attachment a = send(client.get(), pngBytes(40, 40), QStringLiteral("p.png"),
                                  QStringLiteral("image/png"));
        QVERIFY(a.isValid());
        AttachmentCache *cache = client->attachmentCache();
        const QString path = fetch(cache, a, true);
        QVERIFY(!path.isEmpty());
        QVERIFY(identify(client.get(), QStringLiteral("cache-second")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(cache->usedBytes(), 0);
        QVERIFY(cache->cachedPath(a.id, a.sha256, true).isEmpty());
        // And the second customer cannot have it downloaded either.
        QCOMPARE(failure(cache, a.id, a.sha256, true).kind(), ChatError::Kind::NotFound);
    }

    // No logout in between: the app quit with one customer, the next run
    // identifies another on the same storage.
    void laterRunOfAnotherCustomerStartsEmpty()
    {
        QTemporaryDir storage;
        auto first = newClient(storage.path());
        QVERIFY(identify(first.get(), QStringLiteral("cache-run-one")));
        const Attachment a = send(first.get(), pngBytes(40, 40), QStringLiteral("p.png"),
                                  QStringLiteral("image/png"));
        QVERIFY(a.isValid());
        const QString path = fetch(first->attachmentCache(), a, true);
        QVERIFY(!path.isEmpty());
        first.reset();

        // The same customer again keeps the files…
        auto same = newClient(storage.path());
        QVERIFY(identify(same.get(), QStringLiteral("cache-run-one")));
        QCOMPARE(same->attachmentCache()->request(a.id, a.sha256, true), path);
        same.reset();
        // …another one does not.
        auto next = newClient(storage.path());
        AttachmentCache *cache = next->attachmentCache();
        QCOMPARE(cache->usedBytes(), QFileInfo(path).size()); // anonymous so far: not decided
        QVERIFY(identify(next.get(), QStringLiteral("cache-run-two")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(cache->usedBytes(), 0);
        QCOMPARE(failure(cache, a.id, a.sha256, true).kind(), ChatError::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestAttachmentCache)
#include "tst_attachmentcache.moc"
