// SPDX-License-Identifier: MIT
// Files in the durable outbox (protocol §11): copied before the first
// attempt, uploaded once, named in exactly one message across retries and
// restarts of client and server; the model's attachments and progress roles.
#include "messagesmodel.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

class TestOutboxAttachments : public QObject
{
    Q_OBJECT

private:
    MessagesModel *newModel(ChatClient *client, const QString &ticket)
    {
        return testedMessagesModel(client, ticket, this);
    }

    static bool startServer(DevServerProcess &server, const QStringList &extra = {})
    {
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs() + extra;
        return server.start(options);
    }

    /// A text file of `size` bytes that differ from file to file.
    static OutgoingAttachment writeFile(const QTemporaryDir &dir, const QString &name, int size)
    {
        QByteArray bytes;
        bytes.reserve(size);
        for (int i = 0; i < size; ++i)
            bytes.append(char('a' + (i * 7 + size) % 26));
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != size)
            return {};
        f.close();
        return OutgoingAttachment::fromFile(f.fileName());
    }

    static QString sha256Of(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        return QString::fromLatin1(hash.result().toHex());
    }

    /// The agent's messages of a ticket (with their attachments).
    static QJsonArray agentMessages(TestHttp &http, const QString &ticket)
    {
        return http.agent("GET", QStringLiteral("/tickets/%1/messages?limit=100").arg(ticket))
            .dataArray();
    }

    /// The sha256 of each file of the ticket's one message; {"<n> messages"}
    /// when the ticket has not exactly one.
    static QStringList filesOfOnlyMessage(TestHttp &http, const QString &ticket)
    {
        const QJsonArray messages = agentMessages(http, ticket);
        if (messages.size() != 1)
            return {QStringLiteral("%1 messages").arg(messages.size())};
        QStringList hashes;
        const QJsonArray files =
            messages.first().toObject().value(QStringLiteral("attachments")).toArray();
        for (const QJsonValue &f : files)
            hashes.append(f.toObject().value(QStringLiteral("sha256")).toString());
        return hashes;
    }

    static QJsonObject failNext(const QString &path, bool afterHandling)
    {
        return {{QStringLiteral("failNext"),
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                              {QStringLiteral("pathContains"), path},
                              {QStringLiteral("status"), 503},
                              {QStringLiteral("afterHandling"), afterHandling}}}};
    }

    static int filesIn(const QString &storage)
    {
        return int(QDir(storage + QStringLiteral("/outbox-files"))
                       .entryList(QDir::Files | QDir::Hidden)
                       .size());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    /// Send, progress, roles of the echo and of the server's row, same bytes.
    void roundTripWithRoles()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QTemporaryDir files;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-files")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Files"));
        std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
        TRY_VERIFY(!model->isLoading());

        const OutgoingAttachment file = writeFile(files, QStringLiteral("app.log"), 300000);
        QVERIFY(file.isValid());
        const QString expectedSha = sha256Of(file.filePath);
        QSignalSpy progress(app.outbox(), &Outbox::uploadProgress);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        const QString clientId = model->send(QString(), {file}); // no text: files only
        QVERIFY(!clientId.isEmpty());
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex echo = model->index(0);
        const QVariantList local = echo.data(MessagesModel::AttachmentsRole).toList();
        QCOMPARE(local.size(), 1);
        const QVariantMap localMap = local.first().toMap();
        QCOMPARE(localMap.value(QStringLiteral("id")).toString(), QString());
        QCOMPARE(localMap.value(QStringLiteral("name")).toString(), QStringLiteral("app.log"));
        QCOMPARE(localMap.value(QStringLiteral("size")).toLongLong(), 300000);
        const QString copy = localMap.value(QStringLiteral("filePath")).toString();
        QVERIFY(copy.startsWith(dir.path() + QStringLiteral("/outbox-files/")));
        QVERIFY(!copy.contains(QStringLiteral("app.log"))); // never named after user input
        QCOMPARE(sha256Of(copy), expectedSha);

        TRY_COMPARE(model->deliveryState(0), DeliveryState::Sent);
        QVERIFY(!progress.isEmpty());
        const QList<QVariant> last = progress.constLast();
        QCOMPARE(last.at(0).toString(), clientId);
        QCOMPARE(last.at(1).toLongLong(), last.at(2).toLongLong()); // all sent
        QCOMPARE(last.at(2).toLongLong(), 300000);
        // Progress announces itself for its role only (views repaint the bar, not the row).
        bool sawProgress = false;
        for (const QList<QVariant> &args : std::as_const(changed))
            sawProgress |=
                args.at(2).value<QList<int>>() == QList<int> {MessagesModel::UploadProgressRole};
        QVERIFY(sawProgress);

        QCOMPARE(model->index(0).data(MessagesModel::UploadProgressRole).toReal(), -1.0);
        const QVariantList served = model->index(0).data(MessagesModel::AttachmentsRole).toList();
        QCOMPARE(served.size(), 1);
        const QVariantMap map = served.first().toMap();
        QVERIFY(map.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("att_")));
        QCOMPARE(map.value(QStringLiteral("sha256")).toString(), expectedSha);
        QCOMPARE(map.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(map.value(QStringLiteral("filePath")).toString(), QString());
        QCOMPARE(map.value(QStringLiteral("isImage")).toBool(), false);
        QCOMPARE(filesIn(dir.path()), 0); // the copy went with the delivery
        QVERIFY(!QFile::exists(copy));
        QVERIFY(QFile::exists(file.filePath)); // the customer's own file stays

        TestHttp http(server);
        QCOMPARE(filesOfOnlyMessage(http, ticket), QStringList {expectedSha});
    }

    void restartMidUpload_data()
    {
        QTest::addColumn<QString>("failedPath");
        QTest::addColumn<bool>("afterHandling");
        // The server keeps the upload but its answer is lost: the id is not
        // known to the client; the same key after the restart gets the same upload.
        QTest::newRow("upload answer lost") << QStringLiteral("/uploads") << true;
        // Uploaded (id persisted), the message refused: the id is used after the restart.
        QTest::newRow("message refused") << QStringLiteral("/messages") << false;
    }

    /// Client AND server restart between upload and message: exactly one
    /// message with exactly one attachment, the same bytes.
    void restartMidUpload()
    {
        QFETCH(QString, failedPath);
        QFETCH(bool, afterHandling);
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QTemporaryDir files;
        TestHttp http(server);
        const OutgoingAttachment file = writeFile(files, QStringLiteral("data.csv"), 5000);
        const QString expectedSha = sha256Of(file.filePath);
        QString ticket;
        QString clientId;
        {
            App app(server, dir.path());
            TransportOptions options = fastOptions();
            options.maxRetries = 0;
            app.client->setTransportOptions(options);
            app.client->setRealtime(false);
            app.client->setPollingInterval(60000);
            app.outbox()->setRetryDelays(60000, 60000); // only the restart retries
            QVERIFY(app.identify(server, QStringLiteral("cust-restart")));
            ticket = createTicket(app.client.get(), QStringLiteral("Restart"));
            std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
            TRY_VERIFY(!model->isLoading());
            QCOMPARE(http.control(failNext(failedPath, afterHandling)).status, 200);
            clientId = model->send(QStringLiteral("see attached"), {file});
            TRY_COMPARE(model->deliveryState(0), DeliveryState::Failed);
            const OutboxEntry entry = app.outbox()->entry(clientId);
            QVERIFY(!entry.needsUser);
            QCOMPARE(entry.attachments.size(), 1);
            QCOMPARE(entry.attachments.first().uploadId.startsWith(QStringLiteral("upl_")),
                     failedPath == QStringLiteral("/messages"));
            QVERIFY(agentMessages(http, ticket).isEmpty());
            QCOMPARE(filesIn(dir.path()), 1);
            server.stop();
        }
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        {
            App app(server, dir.path());
            const OutboxEntry restored = app.outbox()->entry(clientId);
            QCOMPARE(restored.attachments.size(), 1);
            QCOMPARE(restored.attachments.first().name, QStringLiteral("data.csv"));
            std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
            TRY_COMPARE(app.outbox()->count(), 0);
            TRY_VERIFY(!model->isLoading());
            TRY_COMPARE(model->rowCount(), 1);
            TRY_COMPARE(model->deliveryState(0), DeliveryState::Sent);
        }
        QCOMPARE(filesOfOnlyMessage(http, ticket), QStringList {expectedSha});
        QCOMPARE(filesIn(dir.path()), 0);
    }

    /// An upload the server no longer knows is uploaded again, once; the
    /// customer's retry may renew it once more.
    void expiredUploadUploadedAgainOnce()
    {
        DevServerProcess server;
        // Every upload expires at once: the message never finds it.
        QVERIFY2(startServer(server, {QStringLiteral("--upload-ttl-ms"), QStringLiteral("1")}),
                 qPrintable(server.errorString()));
        QTemporaryDir dir;
        QTemporaryDir files;
        TestHttp http(server);
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-expired")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Expired"));
        std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
        TRY_VERIFY(!model->isLoading());
        const OutgoingAttachment file = writeFile(files, QStringLiteral("late.txt"), 2000);
        QSignalSpy progress(app.outbox(), &Outbox::uploadProgress);
        const QString clientId = model->send(QStringLiteral("late"), {file});
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Failed);
        const OutboxEntry failed = app.outbox()->entry(clientId);
        QVERIFY(failed.needsUser); // no endless loop of uploads
        QCOMPARE(failed.error.kind(), ChatError::Kind::NotFound);
        QCOMPARE(failed.error.param(), QStringLiteral("attachments"));
        QCOMPARE(failed.attempts, 1); // the renewal is not a failed attempt of its own
        QVERIFY(agentMessages(http, ticket).isEmpty());
        // Two uploads (the first and its renewal) reported progress, no third.
        int completions = 0;
        for (const QList<QVariant> &args : std::as_const(progress)) {
            if (args.at(1).toLongLong() == args.at(2).toLongLong())
                ++completions;
        }
        QVERIFY(completions >= 2);

        // Uploads live long again: the retry renews the lost upload and delivers once.
        server.stop();
        QVERIFY2(server.restart({QStringLiteral("--upload-ttl-ms"), QStringLiteral("86400000")}),
                 qPrintable(server.errorString()));
        QVERIFY(model->retry(0));
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Sent);
        QCOMPARE(filesOfOnlyMessage(http, ticket), QStringList {sha256Of(file.filePath)});
        QCOMPARE(filesIn(dir.path()), 0);
    }

    /// cancel() during the upload → Failed (nothing lost) → retry → one message.
    void cancelThenRetry()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QTemporaryDir files;
        TestHttp http(server);
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-cancel")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Cancel"));
        std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
        TRY_VERIFY(!model->isLoading());
        const OutgoingAttachment file = writeFile(files, QStringLiteral("big.txt"), 4000000);
        bool cancelled = false;
        // Cancelled from the first progress report: the upload is on its way then.
        connect(app.outbox(), &Outbox::uploadProgress, this,
                [&](const QString &id, qint64, qint64) {
                    if (!cancelled)
                        cancelled = model->cancel(model->rowOfClientMessageId(id));
                });
        const QString clientId = model->send(QStringLiteral("cancel me"), {file});
        TRY_VERIFY(cancelled);
        QCOMPARE(model->deliveryState(0), DeliveryState::Failed);
        const OutboxEntry entry = app.outbox()->entry(clientId);
        QVERIFY(entry.needsUser);
        QCOMPARE(entry.error.code(), QStringLiteral("cancelled"));
        QVERIFY(!entry.error.isError()); // the customer's choice, not a failure to explain
        QCOMPARE(entry.attachments.size(), 1);
        QVERIFY(QFile::exists(entry.attachments.first().filePath)); // nothing lost
        QCOMPARE(model->index(0).data(MessagesModel::UploadProgressRole).toReal(), -1.0);
        QVERIFY(!model->cancel(0)); // already stopped

        QVERIFY(model->retry(0));
        TRY_COMPARE(model->deliveryState(0), DeliveryState::Sent);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(filesOfOnlyMessage(http, ticket), QStringList {sha256Of(file.filePath)});
        QCOMPARE(filesIn(dir.path()), 0);
    }

    /// A copy no entry names (a crash between copy and commit) is deleted at
    /// the next start once it is old; a fresh one and a named one stay.
    void orphanCopiesSweptAtStart()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QTemporaryDir files;
        QString named;
        {
            App app(server, dir.path());
            QVERIFY(app.identify(server, QStringLiteral("cust-orphans")));
            const QString ticket = createTicket(app.client.get(), QStringLiteral("Orphans"));
            std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
            TRY_VERIFY(!model->isLoading());
            model->send(QStringLiteral("kept"), {writeFile(files, QStringLiteral("k.txt"), 10)});
            QVERIFY(model->cancel(0)); // stays in the outbox, Failed, with its copy
            named = model->index(0)
                        .data(MessagesModel::AttachmentsRole)
                        .toList()
                        .first()
                        .toMap()
                        .value(QStringLiteral("filePath"))
                        .toString();
        }
        const QString copies = dir.path() + QStringLiteral("/outbox-files/");
        QVERIFY(writeAgedFile(copies + QStringLiteral("old-orphan"), "orphan", 2 * 3600));
        QVERIFY(writeAgedFile(copies + QStringLiteral("fresh-orphan"), "orphan", 10));
        QFile namedFile(named);
        QVERIFY(namedFile.open(QIODevice::ReadWrite));
        QVERIFY(namedFile.setFileTime(QDateTime::currentDateTime().addSecs(-2 * 3600),
                                      QFileDevice::FileModificationTime));
        namedFile.close();
        App again(server, dir.path());
        QVERIFY(!QFile::exists(copies + QStringLiteral("old-orphan")));
        QVERIFY(QFile::exists(copies + QStringLiteral("fresh-orphan")));
        QVERIFY(QFile::exists(named));
    }

    /// Discarding a failed entry deletes its copy.
    void discardDeletesCopy()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QTemporaryDir files;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-discard")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Discard"));
        std::unique_ptr<MessagesModel> model(newModel(app.client.get(), ticket));
        TRY_VERIFY(!model->isLoading());
        const QString clientId =
            model->send(QStringLiteral("x"), {writeFile(files, QStringLiteral("a.txt"), 10)});
        QVERIFY(model->cancel(0)); // before its first attempt
        QCOMPARE(filesIn(dir.path()), 1);
        QVERIFY(model->discard(0));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(filesIn(dir.path()), 0);
        QVERIFY(!app.outbox()->entry(clientId).isValid());
    }
};

QTEST_GUILESS_MAIN(TestOutboxAttachments)
#include "tst_outboxattachments.moc"
