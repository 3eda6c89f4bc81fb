// SPDX-License-Identifier: MIT
// ChatPanel's attachments (protocol §11) driven like a user would, offscreen,
// against a real devserver: paste an image, drop files, attach a reviewed
// and cropped screenshot (or not, when the app turns it off), save a file
// an agent sent with identical bytes; the message delegate: thumbnails
// decoded off the GUI thread, file chips with Save…, Cancel upload; and
// delivery through the outbox: pasted, dropped and cropped files reach the
// server, Save… from the chip, cancel an upload then retry it.
#include "attachmentcache.h"
#include "chatclient.h"
#include "chatpanel.h"
#include "chatstate.h"
#include "chattext.h"
#include "conversationcontroller.h"
#include "messagedelegate.h"
#include "messagesmodel.h"
#include "paneltest.h"
#include "testhttp.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDialog>
#include <QDropEvent>
#include <QFileDialog>
#include <QFrame>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace CStar;
using namespace CStar::Testing;

class TestChatPanelAttachments : public PanelTest
{
    Q_OBJECT

    QVariantList draftFiles() const { return panel->conversation()->attachments(); }
    QVariantList rowFiles(int row) const
    {
        return panel->messagesModel()->index(row).data(MessagesModel::AttachmentsRole).toList();
    }
    DeliveryState rowState(int row) const
    {
        return panel->messagesModel()
            ->index(row)
            .data(MessagesModel::DeliveryStateRole)
            .value<DeliveryState>();
    }

    /// A conversation with its first message shown.
    QString createTicketThroughUi(const QString &text)
    {
        const QString id = PanelTest::createTicketThroughUi(QStringLiteral("Attachments"), text);
        if (id.isEmpty()
            || !QTest::qWaitFor([&] { return panel->messagesModel()->rowCount() == 1; }, 10000))
            return {};
        return id;
    }

    /// The server's copy of the ticket's messages whose content is `content`.
    QList<QJsonObject> onServer(const QString &ticketId, const QString &content)
    {
        QList<QJsonObject> found;
        const QJsonArray all =
            http().agent("GET", QStringLiteral("/tickets/%1/messages").arg(ticketId)).dataArray();
        for (const QJsonValue &v : all)
            if (v.toObject().value(QStringLiteral("content")).toString() == content)
                found << v.toObject();
        return found;
    }

    QStyleOptionViewItem optionFor(const QModelIndex &index) const
    {
        QListView *view = messageList();
        view->scrollTo(index);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(index);
        option.font = view->font();
        return option;
    }
    MessageDelegate *delegate() const
    {
        return qobject_cast<MessageDelegate *>(messageList()->itemDelegate());
    }

    static bool containsColour(const QImage &image, QRgb colour)
    {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if ((image.pixel(x, y) & 0xffffff) == (colour & 0xffffff))
                    return true;
        return false;
    }

    /// An agent's message on the ticket with one uploaded file; its attachment.
    QVariantMap agentSendsFile(const QString &ticketId, const QByteArray &bytes,
                               const QByteArray &type, const QByteArray &name)
    {
        const HttpResult upload = http().request(
            "POST", QStringLiteral("/api/v1/teams/%1/uploads").arg(server->team()), bytes,
            {{"Authorization", "Bearer " + http().agentKey().toUtf8()},
             {"Content-Type", type},
             {"X-Filename", name},
             {"Idempotency-Key", "upload-" + name}});
        if (upload.status != 201)
            return {};
        const HttpResult sent =
            http().agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
                         {{QStringLiteral("content"), QStringLiteral("Here it is")},
                          {QStringLiteral("senderName"), QStringLiteral("Ana")},
                          {QStringLiteral("attachments"),
                           QJsonArray {upload.data().value(QStringLiteral("id"))}}});
        QVariantMap file = sent.data()
                               .value(QStringLiteral("attachments"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .toVariantMap();
        file.insert(QStringLiteral("isImage"), type.startsWith("image/"));
        file.insert(QStringLiteral("filePath"), QString());
        return file;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(startServer({QStringLiteral("--retry-ms"), QStringLiteral("20")}));
        createPanel();
    }

    void cleanup() { stop(); }

    void pasteImage()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("My screen"));
        QVERIFY(!ticketId.isEmpty());
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(10, 200, 30));
        QGuiApplication::clipboard()->setImage(image);
        composerEdit()->setFocus();
        QTest::keyClick(composerEdit(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(composerEdit()->toPlainText(), QString()); // no text pasted instead
        QTRY_COMPARE(draftFiles().size(), 1);
        const QVariantMap draft = draftFiles().constFirst().toMap();
        QVERIFY(draft.value(QStringLiteral("name")).toString().startsWith(u"screenshot-"));
        QVERIFY(draft.value(QStringLiteral("name")).toString().endsWith(u".png"));
        QCOMPARE(draft.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("image/png"));
        QCOMPARE(panel->findChildren<QFrame *>(QStringLiteral("attachmentChip")).size(), 1);
        // Files alone may be sent (§11): Enter sends with no text.
        QVERIFY(find<QToolButton>("sendButton")->isEnabled());
        // Text pastes as text.
        QGuiApplication::clipboard()->setText(QStringLiteral("plain words"));
        QTest::keyClick(composerEdit(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(composerEdit()->toPlainText(), QStringLiteral("plain words"));
        QCOMPARE(draftFiles().size(), 1);
    }

    void dropFiles()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Logs follow"));
        QVERIFY(!ticketId.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app log.txt"));
        const QByteArray content = QByteArrayLiteral("12:00 started\n12:01 failed: disk full\n");
        QVERIFY(writeBytes(path, content));
        QLabel *hint = find<QLabel>("dropHint");
        QVERIFY(hint && !hint->isVisible());

        // A web address is not a file on this computer: the drag is refused.
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/a.txt"))});
        QDragEnterEvent webEnter(QPoint(40, 40), Qt::CopyAction, &web, Qt::LeftButton,
                                 Qt::NoModifier);
        QApplication::sendEvent(panel, &webEnter);
        QVERIFY(!webEnter.isAccepted());
        QVERIFY(!hint->isVisible());

        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(40, 40), Qt::CopyAction, &files, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(panel, &enter);
        QVERIFY(enter.isAccepted());
        QVERIFY(hint->isVisible());
        QDropEvent drop(QPointF(40, 40), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(!hint->isVisible());
        QTRY_COMPARE(draftFiles().size(), 1);
        QCOMPARE(draftFiles().constFirst().toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("app log.txt"));
        const auto chips = panel->findChildren<QFrame *>(QStringLiteral("attachmentChip"));
        QCOMPARE(chips.size(), 1);
        auto *remove =
            chips.constFirst()->findChild<QToolButton *>(QStringLiteral("removeAttachmentButton"));
        QVERIFY(remove);
        QCOMPARE(remove->accessibleName(),
                 ChatText::removeAttachmentName(QStringLiteral("app log.txt")));

        // Dropped on the text field, a file is attached, not typed as its path.
        QDragEnterEvent enterEditor(QPoint(10, 10), Qt::CopyAction, &files, Qt::LeftButton,
                                    Qt::NoModifier);
        QApplication::sendEvent(composerEdit()->viewport(), &enterEditor);
        QVERIFY(enterEditor.isAccepted());
        QDropEvent onEditor(QPointF(10, 10), Qt::CopyAction, &files, Qt::LeftButton,
                            Qt::NoModifier);
        QApplication::sendEvent(composerEdit()->viewport(), &onEditor);
        QVERIFY(onEditor.isAccepted());
        QTRY_COMPARE(draftFiles().size(), 2);
        QCOMPARE(composerEdit()->toPlainText(), QString());
        // … and removed again with its chip's button.
        QTest::mouseClick(
            panel->findChildren<QToolButton *>(QStringLiteral("removeAttachmentButton"))
                .constLast(),
            Qt::LeftButton);
        QTRY_COMPARE(draftFiles().size(), 1);
    }

    void screenshotReviewedAndCropped()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Look"));
        QVERIFY(!ticketId.isEmpty());
        QImage shot(300, 200, QImage::Format_RGB32);
        shot.fill(Qt::white);
        {
            QPainter p(&shot);
            p.fillRect(QRect(40, 30, 120, 80), QColor(220, 20, 20));
        }
        int captures = 0;
        panel->setScreenshotProvider([&] {
            ++captures;
            return shot;
        });
        auto *action = panel->findChild<QAction *>(QStringLiteral("attachScreenshotAction"));
        QVERIFY(action && action->isVisible());
        QCOMPARE(action->text(), ChatText::label(ChatText::AttachScreenshot));

        // Esc cancels: nothing attached.
        action->trigger();
        QCOMPARE(captures, 1);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<QDialog *>(QStringLiteral("screenshotDialog")))
                    && dialog->isVisible());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!panel->findChild<QDialog *>(QStringLiteral("screenshotDialog")));
        QCOMPARE(draftFiles().size(), 0);

        action->trigger();
        QTRY_VERIFY((dialog = panel->findChild<QDialog *>(QStringLiteral("screenshotDialog")))
                    && dialog->isVisible());
        // A rubber band with the mouse crops…
        QWidget *canvas = dialog->findChild<QWidget *>(QStringLiteral("screenshotCanvas"));
        QVERIFY(canvas);
        const QPoint from(canvas->width() / 4, canvas->height() / 4);
        const QPoint to(canvas->width() / 2, canvas->height() / 2);
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, to);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
        QVERIFY(!dialog->property("crop").toRect().isNull());
        // … "Whole window" undoes it…
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("screenshotWholeButton")),
                          Qt::LeftButton);
        QVERIFY(dialog->property("crop").toRect().isNull());
        // … and an exact crop is attached as exactly those pixels.
        const QRect crop(40, 30, 120, 80);
        dialog->setProperty("crop", crop);
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("screenshotAttachButton")),
            Qt::LeftButton);
        QTRY_COMPARE(draftFiles().size(), 1);
        const QVariantMap draft = draftFiles().constFirst().toMap();
        const QImage attached(draft.value(QStringLiteral("filePath")).toString());
        QCOMPARE(attached.size(), crop.size());
        QCOMPARE(attached.pixel(0, 0) & 0xffffff, qRgb(220, 20, 20) & 0xffffff);
    }

    void screenshotCanBeTurnedOff()
    {
        auto *action = panel->findChild<QAction *>(QStringLiteral("attachScreenshotAction"));
        auto *button = find<QToolButton>("attachButton");
        QVERIFY(action && button);
        QCOMPARE(button->toolTip(), ChatText::label(ChatText::AttachButtonToolTip));
        QVERIFY(!button->accessibleName().isEmpty());
        QVERIFY(panel->isScreenshotEnabled());
        QVERIFY(action->isVisible());
        QVERIFY(button->menu());
        QSignalSpy changed(panel, &ChatPanel::screenshotEnabledChanged);
        panel->setScreenshotEnabled(false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!action->isVisible());
        QVERIFY(!button->menu()); // one choice left: the button opens the file dialog
        QCOMPARE(panel->property("screenshotEnabled").toBool(), false);
        int captures = 0;
        panel->setScreenshotProvider([&] {
            ++captures;
            return QImage(10, 10, QImage::Format_RGB32);
        });
        action->trigger();
        QCOMPARE(captures, 0);
        QVERIFY(!panel->findChild<QDialog *>(QStringLiteral("screenshotDialog")));

        // Keyboard: Ctrl+Shift+A opens the file dialog from the composer.
        QVERIFY(!createTicketThroughUi(QStringLiteral("Hi")).isEmpty());
        composerEdit()->setFocus();
        QTest::keyClick(composerEdit(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QFileDialog *files = nullptr;
        QTRY_VERIFY((files = panel->findChild<QFileDialog *>(QStringLiteral("attachFileDialog")))
                    && files->isVisible());
        QCOMPARE(files->fileMode(), QFileDialog::ExistingFiles);
        files->reject();

        QVERIFY(panel->setProperty("screenshotEnabled", true));
        QCOMPARE(changed.size(), 2);
        QVERIFY(action->isVisible());
        QVERIFY(button->menu());
    }

    void saveWritesIdenticalBytes()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("The invoice please"));
        QVERIFY(!ticketId.isEmpty());
        QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n");
        for (int i = 0; i < 5000; ++i)
            pdf += QByteArray::number(i * 7919) + ' ';
        pdf += QByteArrayLiteral("\n%%EOF\n");
        const HttpResult upload = http().request(
            "POST", QStringLiteral("/api/v1/teams/%1/uploads").arg(server->team()), pdf,
            {{"Authorization", "Bearer " + http().agentKey().toUtf8()},
             {"Content-Type", "application/pdf"},
             {"X-Filename", "..%2Finvoice%20March.pdf"},
             {"Idempotency-Key", "save-test-1"}});
        QCOMPARE(upload.status, 201);
        const HttpResult sent =
            http().agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
                         {{QStringLiteral("content"), QStringLiteral("Here it is")},
                          {QStringLiteral("senderName"), QStringLiteral("Ana")},
                          {QStringLiteral("attachments"),
                           QJsonArray {upload.data().value(QStringLiteral("id"))}}});
        QCOMPARE(sent.status, 201);
        // "Save…" as a file chip asks for it.
        const QVariantMap file = sent.data()
                                     .value(QStringLiteral("attachments"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .toVariantMap();
        QVERIFY(file.value(QStringLiteral("id")).toString().startsWith(u"att_"));
        Q_EMIT delegate()->saveRequested(file);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY(
            (dialog = panel->findChild<QFileDialog *>(QStringLiteral("saveAttachmentDialog")))
            && dialog->isVisible());
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        // The proposal is the sanitised name, never a path.
        const QString proposed = QFileInfo(dialog->selectedFiles().value(0)).fileName();
        QCOMPARE(
            proposed,
            ConversationController::safeFileName(file.value(QStringLiteral("name")).toString()));
        QVERIFY(!proposed.contains(u'/') && !proposed.startsWith(u'.'));
        QTemporaryDir target;
        const QString path = target.filePath(QStringLiteral("saved.pdf"));
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), as its Save button
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), pdf);
    }

    void delegateShowsAttachments()
    {
        QTemporaryDir dir;
        const QString imagePath = dir.filePath(QStringLiteral("shot.png"));
        QImage image(80, 60, QImage::Format_RGB32);
        image.fill(QColor(30, 60, 200));
        QVERIFY(image.save(imagePath));
        enum { Content = Qt::UserRole + 1, Sender, IsOwn, Delivery, Files, Progress, SenderName };
        QStandardItemModel model;
        model.setItemRoleNames({{Content, "content"},
                                {Sender, "sender"},
                                {IsOwn, "isOwn"},
                                {Delivery, "deliveryState"},
                                {Files, "attachments"},
                                {Progress, "uploadProgress"},
                                {SenderName, "senderName"}});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QVariantMap pdf {{QStringLiteral("id"), QStringLiteral("att_1")},
                               {QStringLiteral("name"), QStringLiteral("report.pdf")},
                               {QStringLiteral("contentType"), QStringLiteral("application/pdf")},
                               {QStringLiteral("size"), 2048},
                               {QStringLiteral("isImage"), false},
                               {QStringLiteral("filePath"), QString()}};
        const QVariantMap png {{QStringLiteral("id"), QString()},
                               {QStringLiteral("name"), QStringLiteral("shot.png")},
                               {QStringLiteral("contentType"), QStringLiteral("image/png")},
                               {QStringLiteral("size"), QFileInfo(imagePath).size()},
                               {QStringLiteral("isImage"), true},
                               {QStringLiteral("filePath"), imagePath}};
        auto *agent = new QStandardItem;
        agent->setData(QStringLiteral("Here it is"), Content);
        agent->setData(QStringLiteral("agent"), Sender);
        agent->setData(QStringLiteral("Ana"), SenderName);
        agent->setData(false, IsOwn);
        agent->setData(QStringLiteral("sent"), Delivery);
        agent->setData(QVariantList {pdf}, Files);
        agent->setData(-1.0, Progress);
        auto *own = new QStandardItem; // a local echo of an image alone, uploading
        own->setData(QString(), Content);
        own->setData(QStringLiteral("customer"), Sender);
        own->setData(true, IsOwn);
        own->setData(QStringLiteral("sending"), Delivery);
        own->setData(QVariantList {png}, Files);
        own->setData(0.4, Progress);
        model.appendRow(agent);
        model.appendRow(own);

        QListView view;
        auto *d = new MessageDelegate(&view);
        view.setItemDelegate(d);
        view.setModel(&model);
        view.resize(600, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // The local file, decoded off the GUI thread, shows inline.
        QTRY_VERIFY(containsColour(view.viewport()->grab().toImage(), qRgb(30, 60, 200)));

        auto option = [&](const QModelIndex &index) {
            QStyleOptionViewItem o;
            o.initFrom(&view);
            o.rect = view.visualRect(index);
            o.font = view.font();
            return o;
        };
        const QModelIndex first = model.index(0, 0);
        const QModelIndex second = model.index(1, 0);
        QSignalSpy save(d, &MessageDelegate::saveRequested);
        QSignalSpy open(d, &MessageDelegate::imageActivated);
        QSignalSpy cancel(d, &MessageDelegate::cancelUploadRequested);
        const QRect saveLink = d->attachmentRect(option(first), first, 0, true);
        QVERIFY(!saveLink.isNull());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, saveLink.center());
        QCOMPARE(save.size(), 1);
        QCOMPARE(save.at(0).at(0).toMap().value(QStringLiteral("id")).toString(),
                 QStringLiteral("att_1"));
        // A local echo has nothing to save; its image opens.
        QVERIFY(d->attachmentRect(option(second), second, 0, true).isNull());
        const QRect thumb = d->attachmentRect(option(second), second, 0);
        QCOMPARE(thumb.size(), QSize(200, 150)); // its size is unknown until sent
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, thumb.center());
        QCOMPARE(open.size(), 1);
        const QRect cancelLink =
            d->actionRect(option(second), second, MessageDelegate::Action::CancelUpload);
        QVERIFY(!cancelLink.isNull());
        QVERIFY(
            d->actionRect(option(first), first, MessageDelegate::Action::CancelUpload).isNull());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, cancelLink.center());
        QCOMPARE(cancel.size(), 1);
        QCOMPARE(cancel.at(0).at(0).toInt(), 1);
        // Screen readers hear the files.
        QVERIFY(d->accessibleText(first).contains(
            ChatText::attachmentAccessibleText(QStringLiteral("report.pdf"), false, 2048)));
        QVERIFY(d->accessibleText(second).contains(QStringLiteral("shot.png")));
    }

    void receivedImageThumbnailAndFullSize()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("A screenshot please"));
        QVERIFY(!ticketId.isEmpty());
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(QColor(200, 120, 20));
        QByteArray png;
        {
            QBuffer buffer(&png);
            QVERIFY(buffer.open(QIODevice::WriteOnly));
            QVERIFY(image.save(&buffer, "PNG"));
        }
        const QVariantMap file = agentSendsFile(ticketId, png, "image/png", "screen.png");
        QVERIFY(file.value(QStringLiteral("id")).toString().startsWith(u"att_"));
        QCOMPARE(file.value(QStringLiteral("width")).toInt(), 300);

        // The thumbnail comes from the client's AttachmentCache (downloaded
        // with ?thumbnail=1) and is decoded off the GUI thread.
        QStandardItemModel model;
        model.setItemRoleNames({{Qt::UserRole + 1, "content"},
                                {Qt::UserRole + 2, "sender"},
                                {Qt::UserRole + 3, "attachments"}});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto *item = new QStandardItem;
        item->setData(QStringLiteral("Here it is"), Qt::UserRole + 1);
        item->setData(QStringLiteral("agent"), Qt::UserRole + 2);
        item->setData(QVariantList {file}, Qt::UserRole + 3);
        model.appendRow(item);
        QListView view;
        auto *d = new MessageDelegate(&view);
        d->setAttachmentCache(client->attachmentCache());
        view.setItemDelegate(d);
        view.setModel(&model);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.rect = view.visualRect(model.index(0, 0));
        option.font = view.font();
        QCOMPARE(d->attachmentRect(option, model.index(0, 0), 0).size(), QSize(240, 160));
        QTRY_VERIFY_WITH_TIMEOUT(
            containsColour(view.viewport()->grab().toImage(), qRgb(200, 120, 20)), 10000);

        // Opened, the whole file (verified against its sha256) full size.
        Q_EMIT delegate()->imageActivated(file);
        QDialog *viewer = nullptr;
        QTRY_VERIFY((viewer = panel->findChild<QDialog *>(QStringLiteral("imageViewer")))
                    && viewer->isVisible());
        auto *shown = viewer->findChild<QLabel *>(QStringLiteral("imageViewerImage"));
        QVERIFY(shown);
        QTRY_COMPARE_WITH_TIMEOUT(shown->pixmap().size(), image.size(), 10000);
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(!panel->findChild<QDialog *>(QStringLiteral("imageViewer")));
    }

    // ---- Delivery through the outbox (needs MessagesModel's attachments) ----

    void pastedImageIsDelivered()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("My screen"));
        QVERIFY(!ticketId.isEmpty());
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(10, 200, 30));
        QGuiApplication::clipboard()->setImage(image);
        composerEdit()->setFocus();
        QTest::keyClick(composerEdit(), Qt::Key_V, Qt::ControlModifier);
        QTRY_COMPARE(draftFiles().size(), 1);
        // Files alone may be sent (§11): Enter sends with no text.
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QTRY_COMPARE(draftFiles().size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(onServer(ticketId, QString()).size(), 1, 10000);
        const QJsonArray attachments = onServer(ticketId, QString())
                                           .constFirst()
                                           .value(QStringLiteral("attachments"))
                                           .toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject att = attachments.at(0).toObject();
        QCOMPARE(att.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(att.value(QStringLiteral("width")).toInt(), 64);
        QCOMPARE(att.value(QStringLiteral("height")).toInt(), 48);
        // The delivered row shows the server's thumbnail inline and says
        // what it holds to screen readers.
        QTRY_COMPARE_WITH_TIMEOUT(rowState(1), DeliveryState::Sent, 10000);
        QTRY_VERIFY(!rowFiles(1).isEmpty()
                    && rowFiles(1).constFirst().toMap().value(QStringLiteral("id")).toString()
                        == att.value(QStringLiteral("id")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(
            containsColour(messageList()->viewport()->grab().toImage(), qRgb(10, 200, 30)), 10000);
        const QVariantMap row = rowFiles(1).constFirst().toMap();
        const QString spoken = delegate()->accessibleText(panel->messagesModel()->index(1));
        QVERIFY2(spoken.contains(ChatText::attachmentAccessibleText(
                     row.value(QStringLiteral("name")).toString(), true,
                     row.value(QStringLiteral("size")).toLongLong())),
                 qPrintable(spoken));
    }

    void droppedFileIsDelivered()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Logs follow"));
        QVERIFY(!ticketId.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app log.txt"));
        const QByteArray content = QByteArrayLiteral("12:00 started\n12:01 failed: disk full\n");
        QVERIFY(writeBytes(path, content));
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(40, 40), Qt::CopyAction, &files, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(panel, &enter);
        QDropEvent drop(QPointF(40, 40), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &drop);
        QTRY_COMPARE(draftFiles().size(), 1);
        composerEdit()->setFocus();
        QTest::keyClicks(composerEdit(), QStringLiteral("see the log"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(onServer(ticketId, QStringLiteral("see the log")).size(), 1,
                                  10000);
        const QJsonArray attachments = onServer(ticketId, QStringLiteral("see the log"))
                                           .constFirst()
                                           .value(QStringLiteral("attachments"))
                                           .toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("app log.txt"));
        QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    }

    void croppedScreenshotIsDelivered()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Look"));
        QVERIFY(!ticketId.isEmpty());
        QImage shot(300, 200, QImage::Format_RGB32);
        shot.fill(Qt::white);
        panel->setScreenshotProvider([&] { return shot; });
        panel->findChild<QAction *>(QStringLiteral("attachScreenshotAction"))->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<QDialog *>(QStringLiteral("screenshotDialog")))
                    && dialog->isVisible());
        const QRect crop(40, 30, 120, 80);
        dialog->setProperty("crop", crop);
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("screenshotAttachButton")),
            Qt::LeftButton);
        QTRY_COMPARE(draftFiles().size(), 1);
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(onServer(ticketId, QString()).size(), 1, 10000);
        const QJsonObject att = onServer(ticketId, QString())
                                    .constFirst()
                                    .value(QStringLiteral("attachments"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(att.value(QStringLiteral("width")).toInt(), crop.width());
        QCOMPARE(att.value(QStringLiteral("height")).toInt(), crop.height());
    }

    void saveFromTheChip()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("The invoice please"));
        QVERIFY(!ticketId.isEmpty());
        const QByteArray pdf = QByteArrayLiteral("%PDF-1.4\nsome bytes\n%%EOF\n");
        QVERIFY(!agentSendsFile(ticketId, pdf, "application/pdf", "invoice.pdf").isEmpty());
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
        QTRY_COMPARE(rowFiles(1).size(), 1);
        const QModelIndex index = messages->index(1);
        const QRect save = delegate()->attachmentRect(optionFor(index), index, 0, true);
        QVERIFY(!save.isNull());
        QTest::mouseClick(messageList()->viewport(), Qt::LeftButton, {}, save.center());
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY(
            (dialog = panel->findChild<QFileDialog *>(QStringLiteral("saveAttachmentDialog")))
            && dialog->isVisible());
        QTemporaryDir target;
        const QString path = target.filePath(QStringLiteral("saved.pdf"));
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), pdf);
    }

    void cancelUploadThenRetry()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("First"));
        QVERIFY(!ticketId.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 2000; ++i)
                f.write(QByteArray::number(i) + ",value\n");
        }
        // Uploads answer 503 "retry in 30 s": the upload stays in flight
        // until the customer cancels it.
        QCOMPARE(http()
                     .control({{QStringLiteral("failNext"),
                                QJsonObject {
                                    {QStringLiteral("method"), QStringLiteral("POST")},
                                    {QStringLiteral("pathContains"), QStringLiteral("/uploads")},
                                    {QStringLiteral("status"), 503},
                                    {QStringLiteral("retryAfter"), 30},
                                    {QStringLiteral("count"), 1000}}}})
                     .status,
                 200);
        QVERIFY(panel->conversation()->attachFile(path));
        composerEdit()->setFocus();
        QTest::keyClicks(composerEdit(), QStringLiteral("with data"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE(messages->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            messages->index(1).data(MessagesModel::UploadProgressRole).toReal() >= 0, 10000);
        QCOMPARE(rowState(1), DeliveryState::Sending);

        const QModelIndex index = messages->index(1);
        const QRect cancel =
            delegate()->actionRect(optionFor(index), index, MessageDelegate::Action::CancelUpload);
        QVERIFY(!cancel.isNull());
        QTest::mouseClick(messageList()->viewport(), Qt::LeftButton, {}, cancel.center());
        QTRY_COMPARE_WITH_TIMEOUT(rowState(1), DeliveryState::Failed, 5000);
        QCOMPARE(rowFiles(1).size(), 1); // the file is kept

        QCOMPARE(http().control({{QStringLiteral("failNext"), QJsonArray()}}).status, 200);
        const QRect retry = delegate()->actionRect(
            optionFor(messages->index(1)), messages->index(1), MessageDelegate::Action::Retry);
        QVERIFY(!retry.isNull());
        QTest::mouseClick(messageList()->viewport(), Qt::LeftButton, {}, retry.center());
        QTRY_COMPARE_WITH_TIMEOUT(rowState(1), DeliveryState::Sent, 10000);
        const QList<QJsonObject> copies = onServer(ticketId, QStringLiteral("with data"));
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies.constFirst().value(QStringLiteral("attachments")).toArray().size(), 1);
    }
};

QTEST_MAIN(TestChatPanelAttachments)
#include "tst_chatpanelattachments.moc"
