// SPDX-License-Identifier: MIT
// ConversationController's files (protocol §11) against a real devserver:
// attached per draft like text, refused locally with a sentence (too large,
// unsupported, missing, a folder, a web address, the 11th), sent with or
// without text (the server holds the same bytes), a new conversation with a
// file, files given back when the send is refused or the start fails, pasted
// bytes whose draft file goes once sent, saving a download, and the save
// dialog's file name.
#include "chattext.h"
#include "clientsupport.h"
#include "controllertest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>

using namespace CStar;
using namespace CStar::Testing;

namespace {

// A valid 1 × 1 PNG (the server decodes an image's header, §11).
const QByteArray onePixelPng =
    QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwG"
                           "A60e6kgAAAABJRU5ErkJggg==");

QStringList names(const QVariantList &attachments)
{
    QStringList result;
    for (const QVariant &v : attachments)
        result.append(v.toMap().value(QStringLiteral("name")).toString());
    return result;
}

} // namespace

class TestControllerAttachments : public ControllerTest
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> files; // the user's files

    std::unique_ptr<ConversationController> makeController()
    {
        return ControllerTest::makeController(false);
    }

    /// A file of the user's with `bytes`, in the test's own folder.
    QString userFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = QDir(files->path()).filePath(name);
        if (!writeBytes(path, bytes))
            QTest::qFail("cannot write a test file", __FILE__, __LINE__);
        return path;
    }

    /// The ticket's messages as the agent sees them (oldest first).
    QJsonArray agentMessages(const QString &ticketId)
    {
        TestHttp http(*server);
        return http.agent("GET", QStringLiteral("/tickets/%1/messages?limit=100").arg(ticketId))
            .dataArray();
    }

    QStringList draftFiles() const
    {
        return QDir(QDir(app->client->storageDirectory()).filePath(QStringLiteral("drafts")))
            .entryList(QDir::Files | QDir::Hidden);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        files = std::make_unique<QTemporaryDir>();
        QVERIFY(files->isValid());
        if (QLatin1String(QTest::currentTestFunction()) == QLatin1String("safeFileName"))
            return; // no server needed
        QVERIFY(startIdentified(QStringLiteral("cus_att_")));
    }

    void cleanup()
    {
        stop();
        files.reset();
    }

    void safeFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("report.pdf") << QStringLiteral("report.pdf");
        QTest::newRow("unicode kept")
            << QStringLiteral("Résumé 2024 – 東京.pdf") << QStringLiteral("Résumé 2024 – 東京.pdf");
        QTest::newRow("climbing path")
            << QStringLiteral("../../etc/passwd") << QStringLiteral("etcpasswd");
        QTest::newRow("windows path") << QStringLiteral("..\\..\\Windows\\system32\\cmd.exe")
                                      << QStringLiteral("Windowssystem32cmd.exe");
        QTest::newRow("absolute") << QStringLiteral("/tmp/x.txt") << QStringLiteral("tmpx.txt");
        QTest::newRow("reserved with extension")
            << QStringLiteral("CON.txt") << QStringLiteral("_CON.txt");
        QTest::newRow("reserved lower case") << QStringLiteral("nul") << QStringLiteral("_nul");
        QTest::newRow("reserved double extension")
            << QStringLiteral("aux.tar.gz") << QStringLiteral("_aux.tar.gz");
        QTest::newRow("reserved port") << QStringLiteral("lpt9.log") << QStringLiteral("_lpt9.log");
        QTest::newRow("reserved superscript")
            << QStringLiteral("COM¹.txt") << QStringLiteral("_COM¹.txt");
        QTest::newRow("reserved with space")
            << QStringLiteral("prn .txt") << QStringLiteral("_prn .txt");
        QTest::newRow("not reserved: COM10")
            << QStringLiteral("COM10.txt") << QStringLiteral("COM10.txt");
        QTest::newRow("not reserved: CONSOLE")
            << QStringLiteral("CONSOLE.txt") << QStringLiteral("CONSOLE.txt");
        // Bidirectional overrides are stripped: "invoice\u202Efdp.exe" shows
        // as "invoiceexe.pdf" but is an .exe; without it, it says so.
        QTest::newRow("right-to-left override")
            << QStringLiteral("invoice\u202Efdp.exe") << QStringLiteral("invoicefdp.exe");
        QTest::newRow("override first")
            << QStringLiteral("\u202Eexe.txt") << QStringLiteral("exe.txt");
        QTest::newRow("isolates and marks")
            << QStringLiteral("a\u2066b\u2069c\u200Fd\u061C.txt") << QStringLiteral("abcd.txt");
        QTest::newRow("control characters")
            << QStringLiteral("a\u0000b\nc\td\u007F\u0085e\u2028.txt")
            << QStringLiteral("abcde.txt");
        QTest::newRow("reserved characters")
            << QStringLiteral("a<b>c:d\"e|f?g*h.txt") << QStringLiteral("abcdefgh.txt");
        QTest::newRow("hidden") << QStringLiteral(".bashrc") << QStringLiteral("bashrc");
        QTest::newRow("leading dots and spaces")
            << QStringLiteral("  . .name.txt") << QStringLiteral("name.txt");
        QTest::newRow("trailing dots and spaces")
            << QStringLiteral("run.exe. . ") << QStringLiteral("run.exe");
        QTest::newRow("empty") << QString() << QStringLiteral("file");
        QTest::newRow("only dots") << QStringLiteral("...") << QStringLiteral("file");
        QTest::newRow("only separators") << QStringLiteral("/\\/") << QStringLiteral("file");
        QTest::newRow("long keeps extension") << QString(300, u'a') + QStringLiteral(".pdf")
                                              << QString(196, u'a') + QStringLiteral(".pdf");
        QTest::newRow("long without extension") << QString(300, u'b') << QString(200, u'b');
        QString emoji;
        for (int i = 0; i < 10; ++i)
            emoji += QStringLiteral("😀");
        // The cut would fall between the halves of a surrogate pair.
        QTest::newRow("long, no half character") << QString(195, u'a') + emoji
                + QStringLiteral(".png") << QString(195, u'a') + QStringLiteral(".png");
        QTest::newRow("exactly 200") << QString(196, u'c') + QStringLiteral(".txt")
                                     << QString(196, u'c') + QStringLiteral(".txt");
    }

    void safeFileName()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString safe = ConversationController::safeFileName(name);
        QCOMPARE(safe, expected);
        QVERIFY(safe.size() <= 200);
        // Stable: a safe name stays as it is.
        QCOMPARE(ConversationController::safeFileName(safe), safe);
    }

    void attachRemoveAndKeepPerTicket()
    {
        const QString first =
            createTicket(app->client.get(), QStringLiteral("First"), QStringLiteral("1"));
        const QString second =
            createTicket(app->client.get(), QStringLiteral("Second"), QStringLiteral("2"));
        auto c = makeController();
        QSignalSpy changed(c.get(), &ConversationController::attachmentsChanged);
        c->openTicket(first);
        QVERIFY(c->attachFile(userFile(QStringLiteral("a.txt"), "first file")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("a.txt")});
        const QVariantMap a = c->attachments().first().toMap();
        QCOMPARE(a.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(a.value(QStringLiteral("size")).toLongLong(), 10);
        QCOMPARE(a.value(QStringLiteral("isImage")).toBool(), false);
        QCOMPARE(c->attachmentList().size(), 1);
        QCOMPARE(c->attachmentError(), QString());

        c->openTicket(second);
        QCOMPARE(changed.count(), 2);
        QVERIFY(c->attachments().isEmpty());
        QVERIFY(c->attachFile(userFile(QStringLiteral("b.txt"), "b")));
        QVERIFY(c->attachFile(userFile(QStringLiteral("c.png"), onePixelPng)));
        QCOMPARE(names(c->attachments()),
                 (QStringList {QStringLiteral("b.txt"), QStringLiteral("c.png")}));
        QVERIFY(c->attachments().last().toMap().value(QStringLiteral("isImage")).toBool());
        c->removeAttachment(0);
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("c.png")});
        const int before = changed.count();
        c->removeAttachment(5); // no such file: nothing happens
        QCOMPARE(changed.count(), before);

        c->startNewConversation();
        QVERIFY(c->attachments().isEmpty());
        QVERIFY(c->attachFile(userFile(QStringLiteral("d.txt"), "d")));
        c->openTicket(first);
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("a.txt")});
        c->openTicket(second);
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("c.png")});
        c->startNewConversation();
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("d.txt")});
        // Leaving the form keeps its files for later (like its text).
        c->leaveConversation();
        c->startNewConversation();
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("d.txt")});
        c->clearAttachments();
        QVERIFY(c->attachments().isEmpty());
        c->openTicket(first);
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("a.txt")});
        // The user's own files are never touched.
        QVERIFY(QFile::exists(QDir(files->path()).filePath(QStringLiteral("b.txt"))));
        QVERIFY(QFile::exists(QDir(files->path()).filePath(QStringLiteral("d.txt"))));
    }

    void refusals()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Files"), QStringLiteral("1"));
        auto c = makeController();
        c->openTicket(ticketId);
        QSignalSpy changed(c.get(), &ConversationController::attachmentsChanged);
        QSignalSpy errors(c.get(), &ConversationController::attachmentErrorChanged);

        // 10 MiB + 1 byte, sparse: refused before anything is read or sent.
        const QString big = QDir(files->path()).filePath(QStringLiteral("big.txt"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(10 * 1024 * 1024 + 1));
        }
        QVERIFY(!c->attachFile(big));
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("file_too_large"),
                                                 QStringLiteral("big.txt")));
        QCOMPARE(errors.count(), 1);

        QVERIFY(!c->attachFile(userFile(QStringLiteral("setup.exe"), "MZ\x90\x00 program")));
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("unsupported_media_type"),
                                                 QStringLiteral("setup.exe")));

        QVERIFY(!c->attachFile(QDir(files->path()).filePath(QStringLiteral("missing.txt"))));
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("file_unreadable"),
                                                 QStringLiteral("missing.txt")));

        QDir(files->path()).mkdir(QStringLiteral("folder"));
        QVERIFY(!c->attachFile(QDir(files->path()).filePath(QStringLiteral("folder"))));
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("not_a_file"),
                                                 QStringLiteral("folder")));

        QCOMPARE(
            c->attachUrls({QUrl(QStringLiteral("https://user:pw@example.com/a/photo.png?x=1"))}),
            0);
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("not_local"),
                                                 QStringLiteral("photo.png")));
        QVERIFY(!c->attachmentError().contains(QStringLiteral("pw")));

        // Pasted bytes too large: refused before they are written.
        QVERIFY(!c->attachData(QByteArray(10 * 1024 * 1024 + 1, 'x'), QStringLiteral("paste.txt"),
                               QStringLiteral("text/plain")));
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("file_too_large"),
                                                 QStringLiteral("paste.txt")));
        QVERIFY(draftFiles().isEmpty());
        QVERIFY(!c->attachData("MZ\x90\x00", QStringLiteral("tool.exe"), QString()));
        QVERIFY(draftFiles().isEmpty()); // written, refused, deleted
        QCOMPARE(changed.count(), 0);
        QVERIFY(c->attachments().isEmpty());

        // A success clears the error.
        QVERIFY(c->attachFile(userFile(QStringLiteral("ok.txt"), "ok")));
        QCOMPARE(c->attachmentError(), QString());

        // Up to 10 per message (§11): the 11th is refused.
        for (int i = 2; i <= 10; ++i)
            QVERIFY(c->attachFile(userFile(QStringLiteral("f%1.txt").arg(i), "x")));
        QCOMPARE(c->attachments().size(), 10);
        QVERIFY(!c->canAttach());
        QVERIFY(!c->attachFile(userFile(QStringLiteral("eleventh.txt"), "x")));
        QCOMPARE(
            c->attachmentError(),
            ChatText::attachmentRefusalText(QStringLiteral("too_many_attachments"), QString()));
        QVERIFY(
            !c->attachData(onePixelPng, QStringLiteral("shot.png"), QStringLiteral("image/png")));
        QVERIFY(draftFiles().isEmpty());
        QCOMPARE(c->attachments().size(), 10);
        c->removeAttachment(9);
        QVERIFY(c->canAttach());
        QCOMPARE(c->attachmentError(), QString());

        // A drop of several: what can be attached is, the rest is said once each.
        c->clearAttachments();
        const QList<QUrl> dropped {
            QUrl::fromLocalFile(userFile(QStringLiteral("drop.txt"), "drop")),
            QUrl(QStringLiteral("https://example.com/remote.pdf")),
            QUrl::fromLocalFile(QDir(files->path()).filePath(QStringLiteral("folder"))),
        };
        QCOMPARE(c->attachUrls(dropped), 1);
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("drop.txt")});
        QCOMPARE(c->attachmentError(),
                 ChatText::attachmentRefusalText(QStringLiteral("not_local"),
                                                 QStringLiteral("remote.pdf"))
                     + QLatin1Char('\n')
                     + ChatText::attachmentRefusalText(QStringLiteral("not_a_file"),
                                                       QStringLiteral("folder")));
        // Switching conversations forgets the error.
        c->startNewConversation();
        QCOMPARE(c->attachmentError(), QString());
    }

    /// A message of only a file: exactly one message with one attachment,
    /// the server's bytes are the file's; Save… writes the same bytes.
    void submitOnlyAFileAndSaveIt()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Logs"), QStringLiteral("1"));
        auto c = makeController();
        c->openTicket(ticketId);
        TRY_COMPARE(c->messagesModel()->rowCount(), 1);
        QByteArray bytes;
        for (int i = 0; i < 5000; ++i)
            bytes += "line " + QByteArray::number(i) + " of the log\n";
        const QString path = userFile(QStringLiteral("app.log.txt"), bytes);
        QVERIFY(!c->submit(QString())); // nothing to send
        QVERIFY(c->attachFile(path));
        QSignalSpy submitted(c.get(), &ConversationController::messageSubmitted);
        QVERIFY(c->submit(QStringLiteral("  ")));
        QCOMPARE(submitted.count(), 1);
        QVERIFY(c->attachments().isEmpty());
        TRY_COMPARE(agentMessages(ticketId).size(), 2);
        TRY_COMPARE(app->outbox()->count(), 0);
        const QJsonArray messages = agentMessages(ticketId);
        QCOMPARE(messages.size(), 2); // exactly one more message
        const QJsonObject message = messages.last().toObject();
        QCOMPARE(message.value(QStringLiteral("content")).toString(), QString());
        const QJsonArray attachments = message.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject attachment = attachments.first().toObject();
        QCOMPARE(attachment.value(QStringLiteral("name")).toString(),
                 QStringLiteral("app.log.txt"));
        QCOMPARE(attachment.value(QStringLiteral("sha256")).toString(), sha256Hex(bytes));
        QVERIFY(QFile::exists(path)); // the user's file stays

        // Save… to a path, then over a file: URL (replacing the file whole).
        const QString attachmentId = attachment.value(QStringLiteral("id")).toString();
        const QString saved = QDir(files->path()).filePath(QStringLiteral("saved.txt"));
        QVERIFY(waitForJob(c->saveAttachment(attachmentId, saved)));
        QFile savedFile(saved);
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        QCOMPARE(sha256Hex(savedFile.readAll()), sha256Hex(bytes));
        savedFile.close();
        QVERIFY(savedFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        savedFile.write("old");
        savedFile.close();
        DownloadJob *job = c->saveAttachment(attachmentId, QUrl::fromLocalFile(saved).toString());
        QVERIFY(job);
        QSignalSpy progress(job, &DownloadJob::downloadProgress);
        QVERIFY(waitForJob(job));
        QVERIFY(!progress.isEmpty());
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        QCOMPARE(savedFile.readAll(), bytes);
        // Not a local file: nothing to save to.
        QVERIFY(!c->saveAttachment(attachmentId, QStringLiteral("https://example.com/x")));
    }

    /// Draft files a crashed run left: gone before the first paste of this
    /// process into the folder, if old; a recent file (maybe another
    /// process's) stays, and so does every draft of this run.
    void leftoverDraftFilesSwept()
    {
        const QString drafts =
            QDir(app->client->storageDirectory()).filePath(QStringLiteral("drafts"));
        QVERIFY(QDir().mkpath(drafts));
        QVERIFY(writeAgedFile(QDir(drafts).filePath(QStringLiteral("crashed")), "left", 2 * 3600));
        QVERIFY(writeAgedFile(QDir(drafts).filePath(QStringLiteral("recent")), "left", 60));
        auto c = makeController();
        c->startNewConversation();
        QVERIFY(c->attachData("one", QStringLiteral("one.txt"), QString()));
        QStringList files = draftFiles();
        QVERIFY(!files.contains(QStringLiteral("crashed")));
        QVERIFY(files.contains(QStringLiteral("recent")));
        QCOMPARE(files.size(), 2); // "recent" and this draft's file

        // Swept once per process: a second controller's paste leaves the
        // first one's draft file, however old it looks.
        QFile mine(c->attachmentList().first().filePath);
        QVERIFY(mine.open(QIODevice::ReadWrite));
        QVERIFY(mine.setFileTime(QDateTime::currentDateTime().addSecs(-2 * 3600),
                                 QFileDevice::FileModificationTime));
        mine.close();
        auto second = makeController();
        second->startNewConversation();
        QVERIFY(second->attachData("two", QStringLiteral("two.txt"), QString()));
        QVERIFY(QFile::exists(mine.fileName()));
        QCOMPARE(draftFiles().size(), 3);
    }

    /// A capture or pasted image: one name in both UIs, a PNG; nothing for
    /// an image the UI could not encode.
    void screenshotPngIsNamedOnce()
    {
        auto c = makeController();
        c->startNewConversation();
        QVERIFY(!c->attachScreenshotPng(QByteArray()));
        QVERIFY(c->attachments().isEmpty());
        QVERIFY(c->attachScreenshotPng(onePixelPng));
        const QVariantMap shot = c->attachments().first().toMap();
        static const QRegularExpression name(
            QStringLiteral("^screenshot-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.png$"));
        QVERIFY2(name.match(shot.value(QStringLiteral("name")).toString()).hasMatch(),
                 qPrintable(shot.value(QStringLiteral("name")).toString()));
        QCOMPARE(shot.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/png"));
        QVERIFY(shot.value(QStringLiteral("isImage")).toBool());
    }

    /// Pasted bytes: written under <storage>/drafts/, gone once sent (the
    /// outbox keeps its own copy) and when removed.
    void attachDataCleansItsDraftFile()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Paste"), QStringLiteral("1"));
        auto c = makeController();
        c->openTicket(ticketId);
        QVERIFY(c->attachData(onePixelPng, QStringLiteral("../Screenshot.png"),
                              QStringLiteral("image/png")));
        QCOMPARE(draftFiles().size(), 1);
        QVERIFY(!draftFiles().first().contains(QStringLiteral("Screenshot"))); // never user input
        const QVariantMap pasted = c->attachments().first().toMap();
        QCOMPARE(pasted.value(QStringLiteral("name")).toString(), QStringLiteral("Screenshot.png"));
        QCOMPARE(pasted.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("image/png"));
        QVERIFY(pasted.value(QStringLiteral("isImage")).toBool());
        QVERIFY(c->attachData("removed", QStringLiteral("note.txt"), QString()));
        QCOMPARE(draftFiles().size(), 2);
        c->removeAttachment(1);
        QCOMPARE(draftFiles().size(), 1);

        QVERIFY(c->submit(QStringLiteral("See the screenshot")));
        QVERIFY(draftFiles().isEmpty());
        TRY_COMPARE(agentMessages(ticketId).size(), 2);
        const QJsonObject message = agentMessages(ticketId).last().toObject();
        QCOMPARE(message.value(QStringLiteral("content")).toString(),
                 QStringLiteral("See the screenshot"));
        const QJsonArray attachments = message.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value(QStringLiteral("sha256")).toString(),
                 sha256Hex(onePixelPng));

        // Pasted into a draft that is never sent: gone with the controller.
        QVERIFY(c->attachData(onePixelPng, QStringLiteral("later.png"), QString()));
        QCOMPARE(draftFiles().size(), 1);
        c.reset();
        QVERIFY(draftFiles().isEmpty());
    }

    /// A new conversation with a file: the ticket, then one message with
    /// the text and the file. Without text the ticket is named after the file.
    void newConversationWithAFile()
    {
        auto c = makeController();
        TRY_COMPARE(c->ticketsModel()->isLoading(), false);
        QSignalSpy started(c.get(), &ConversationController::conversationStarted);
        const QByteArray csv = "order,amount\n1234,19.90\n";
        QVERIFY(c->attachFile(userFile(QStringLiteral("orders.csv"), csv)));
        QVERIFY(c->submit(QStringLiteral("My orders\nsee the file")));
        QVERIFY(c->isCreatingTicket());
        QVERIFY(c->attachments().isEmpty());
        QVERIFY(started.wait(30000));
        const QString ticketId = started.first().first().toString();
        QCOMPARE(c->currentTicketId(), ticketId);
        TRY_COMPARE(agentMessages(ticketId).size(), 1);
        TRY_COMPARE(app->outbox()->count(), 0);
        QJsonArray messages = agentMessages(ticketId);
        QCOMPARE(messages.size(), 1);
        QJsonObject message = messages.first().toObject();
        QCOMPARE(message.value(QStringLiteral("content")).toString(),
                 QStringLiteral("My orders\nsee the file"));
        QJsonArray attachments = message.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value(QStringLiteral("sha256")).toString(),
                 sha256Hex(csv));
        TestHttp http(*server);
        QCOMPARE(http.agent("GET", QStringLiteral("/tickets/%1").arg(ticketId))
                     .data()
                     .value(QStringLiteral("title"))
                     .toString(),
                 QStringLiteral("My orders"));
        TRY_COMPARE(c->messagesModel()->rowCount(), 1);
        QCOMPARE(c->attachments().size(), 0);
        QCOMPARE(c->draft(), QString());

        // Only a pasted image: the ticket is named after it.
        c->startNewConversation();
        QVERIFY(c->attachData(onePixelPng, QStringLiteral("screenshot.png"), QString()));
        QVERIFY(c->submit(QString()));
        QVERIFY(started.wait(30000));
        const QString second = started.last().first().toString();
        TRY_COMPARE(agentMessages(second).size(), 1);
        message = agentMessages(second).first().toObject();
        QCOMPARE(message.value(QStringLiteral("content")).toString(), QString());
        attachments = message.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toObject().value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("image/png"));
        QCOMPARE(http.agent("GET", QStringLiteral("/tickets/%1").arg(second))
                     .data()
                     .value(QStringLiteral("title"))
                     .toString(),
                 QStringLiteral("screenshot.png"));
        QVERIFY(draftFiles().isEmpty());
    }

    void refusedSubmitGivesTheFilesBack()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Stored"), QStringLiteral("1"));
        auto c = makeController();
        c->openTicket(ticketId);
        TRY_COMPARE(c->messagesModel()->rowCount(), 1);
        QVERIFY(c->attachFile(userFile(QStringLiteral("keep.txt"), "keep me")));
        QVERIFY(c->attachData(onePixelPng, QStringLiteral("shot.png"), QString()));
        const QStringList pasted = draftFiles();
        // No place to store it durably: the model refuses the message.
        QTemporaryFile file;
        QVERIFY(file.open());
        app->client->setStorageDirectory(file.fileName() + QStringLiteral("/nowhere"));
        QSignalSpy changed(c.get(), &ConversationController::attachmentsChanged);
        QVERIFY(!c->submit(QStringLiteral("With files")));
        QCOMPARE(c->draft(), QStringLiteral("With files"));
        QCOMPARE(names(c->attachments()),
                 (QStringList {QStringLiteral("keep.txt"), QStringLiteral("shot.png")}));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(c->attachments().last().toMap().value(QStringLiteral("filePath")).toString(),
                 c->attachmentList().last().filePath);
        QVERIFY(QFile::exists(c->attachmentList().last().filePath)); // the pasted file stays
        QCOMPARE(pasted.size(), 1);
    }

    void failedStartGivesTheFilesBack()
    {
        const QString other =
            createTicket(app->client.get(), QStringLiteral("Open"), QStringLiteral("1"));
        auto c = makeController();
        server->stop();
        c->startNewConversation();
        QVERIFY(c->attachFile(userFile(QStringLiteral("crash.txt"), "trace")));
        QVERIFY(c->submit(QStringLiteral("It crashed")));
        QVERIFY(c->attachments().isEmpty()); // on their way
        TRY_COMPARE(c->isStarting(), false);
        QCOMPARE(c->draft(), QStringLiteral("It crashed"));
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("crash.txt")});
        QVERIFY(c->error().isError());

        // Again, but the user goes elsewhere meanwhile: the files wait in
        // the new conversation's draft, not in that one's.
        c->setDraft(QString());
        QVERIFY(c->submit(QStringLiteral("It crashed")));
        c->openTicket(other);
        TRY_COMPARE(c->isStarting(), false);
        QVERIFY(c->attachments().isEmpty());
        c->startNewConversation();
        QCOMPARE(names(c->attachments()), QStringList {QStringLiteral("crash.txt")});
    }
};

QTEST_GUILESS_MAIN(TestControllerAttachments)
#include "tst_controllerattachments.moc"
