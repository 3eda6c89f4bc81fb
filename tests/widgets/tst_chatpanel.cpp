// SPDX-License-Identifier: MIT
// The widget ChatPanel driven like a user would, offscreen, against a real
// devserver: create a ticket, send with Enter, agent reply, typing, failed
// send and Retry, history on scroll-up, banner on fallback, keyboard only,
// and readable text on a dark palette.
#include "chatclient.h"
#include "chatpanel.h"
#include "chatstate.h"
#include "composer.h"
#include "messagedelegate.h"
#include "messagesmodel.h"
#include "paneltest.h"
#include "testhttp.h"
#include "ticketsapi.h"
#include "ticketsmodel.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace CStar;
using namespace CStar::Testing;

namespace {

qreal luminance(QRgb c)
{
    return (0.2126 * qRed(c) + 0.7152 * qGreen(c) + 0.0722 * qBlue(c)) / 255.0;
}

/// Contrast found in an image region: between its most common colour (the
/// background) and the pixel farthest from it in luminance (text).
qreal contrastIn(const QImage &image)
{
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++histogram[image.pixel(x, y)];
    QRgb background = 0;
    int best = -1;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        if (it.value() > best) {
            best = it.value();
            background = it.key();
        }
    qreal maxDiff = 0;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        maxDiff = qMax(maxDiff, qAbs(luminance(it.key()) - luminance(background)));
    return maxDiff;
}

} // namespace

class TestChatPanel : public PanelTest
{
    Q_OBJECT

    QString agentReply(const QString &ticketId, const QString &content)
    {
        return http()
            .agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
                   QJsonObject {{QStringLiteral("content"), content},
                                {QStringLiteral("senderName"), QStringLiteral("Ana")}})
            .data()
            .value(QStringLiteral("id"))
            .toString();
    }

    /// Short first-byte wait: the stream-fallback tests see the banner soon.
    void createPanel()
    {
        TransportOptions o = panelOptions();
        o.firstByteTimeoutMs = 300;
        PanelTest::createPanel(o);
    }

    QString createTicketThroughUi(const QString &text)
    {
        return PanelTest::createTicketThroughUi(QStringLiteral("Billing question"), text);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(startServer({QStringLiteral("--retry-ms"), QStringLiteral("20"),
                             QStringLiteral("--typing-lease-ms"), QStringLiteral("400")}));
        createPanel();
    }

    void cleanup() { stop(); }

    void createSendReceive()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("My invoice is wrong"));
        QVERIFY(ticketId.startsWith(QLatin1String("tkt_")));
        QCOMPARE(find<QLabel>("threadTitle")->text().contains(QStringLiteral("Billing question")),
                 true);
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, 10000);
        QCOMPARE(messages->index(0).data(MessagesModel::ContentRole).toString(),
                 QStringLiteral("My invoice is wrong"));

        // Enter sends; Shift+Enter makes a new line.
        QTest::keyClicks(composerEdit(), QStringLiteral("Order 42"));
        QTest::keyClick(composerEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composerEdit(), QStringLiteral("was charged twice"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QCOMPARE(composerEdit()->toPlainText(), QString());
        QCOMPARE(messages->rowCount(), 2); // local echo at once
        QCOMPARE(messages->index(1).data(MessagesModel::ContentRole).toString(),
                 QStringLiteral("Order 42\nwas charged twice"));
        QTRY_COMPARE_WITH_TIMEOUT(
            messages->index(1).data(MessagesModel::DeliveryStateRole).value<DeliveryState>(),
            DeliveryState::Sent, 10000);

        agentReply(ticketId,
                   QStringLiteral("Sorry about that — **refunded**, see https://example.com/r/42"));
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 3, 10000);
        QCOMPARE(messages->index(2).data(MessagesModel::SenderNameRole).toString(),
                 QStringLiteral("Ana"));
        QVERIFY(!messages->index(2).data(MessagesModel::IsOwnRole).toBool());

        // Typing shows and goes away by itself (lease), no `false` needed.
        QLabel *typing = find<QLabel>("typingIndicator");
        http().agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticketId),
                     QJsonObject {{QStringLiteral("isTyping"), true},
                                  {QStringLiteral("senderName"), QStringLiteral("Ana")}});
        QTRY_VERIFY_WITH_TIMEOUT(typing->text().contains(QStringLiteral("Ana is typing")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(typing->text().trimmed().isEmpty(), 10000);

        // A rendered screenshot of the conversation for the docs.
        QDir().mkpath(QStringLiteral(CSTAR_SCREENSHOT_DIR));
        http().agent("POST", QStringLiteral("/tickets/%1/typing").arg(ticketId),
                     QJsonObject {{QStringLiteral("isTyping"), true},
                                  {QStringLiteral("senderName"), QStringLiteral("Ana")}});
        QTRY_VERIFY_WITH_TIMEOUT(typing->text().contains(QStringLiteral("Ana")), 10000);
        const QImage shot = window->grab().toImage();
        QVERIFY(shot.save(QStringLiteral(CSTAR_SCREENSHOT_DIR "/chatpanel.png")));
    }

    void failedSendThenRetry()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Hello"));
        QVERIFY(!ticketId.isEmpty());
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, 10000);
        // Two 500s: the first attempt and its one retry fail.
        http().control({{QStringLiteral("failNext"),
                         QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                                      {QStringLiteral("pathContains"), QStringLiteral("/messages")},
                                      {QStringLiteral("status"), 500},
                                      {QStringLiteral("count"), 2}}}});
        QTest::keyClicks(composerEdit(), QStringLiteral("Please answer"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages->index(1).data(MessagesModel::DeliveryStateRole).value<DeliveryState>(),
            DeliveryState::Failed, 10000);

        // Click "Retry" where the delegate draws it.
        QListView *view = messageList();
        auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
        QVERIFY(delegate);
        const QModelIndex failed = view->model()->index(1, 0);
        view->scrollTo(failed);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(failed);
        option.font = view->font();
        const QRect retry = delegate->actionRect(option, failed, MessageDelegate::Action::Retry);
        QVERIFY(!retry.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry.center());
        QTRY_COMPARE_WITH_TIMEOUT(
            messages->index(1).data(MessagesModel::DeliveryStateRole).value<DeliveryState>(),
            DeliveryState::Sent, 10000);
        const QJsonArray onServer =
            http().agent("GET", QStringLiteral("/tickets/%1/messages").arg(ticketId)).dataArray();
        int copies = 0;
        for (const QJsonValue &v : onServer)
            copies += v.toObject().value(QStringLiteral("content")).toString()
                == QLatin1String("Please answer");
        QCOMPARE(copies, 1);
    }

    void scrollingUpLoadsHistory()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Start"));
        QVERIFY(!ticketId.isEmpty());
        for (int i = 0; i < 119; ++i)
            agentReply(ticketId, QStringLiteral("history %1").arg(i));
        // Reopen: the newest page only.
        panel->openTicket(QString());
        panel->openTicket(ticketId);
        MessagesModel *messages = panel->messagesModel();
        QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0 && !messages->isLoading(), 10000);
        const int firstPage = messages->rowCount();
        QVERIFY(firstPage < 120);
        QVERIFY(messages->hasMore());
        QScrollBar *bar = messageList()->verticalScrollBar();
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0, 10000);
        const QString topBefore = messages->index(0).data(MessagesModel::IdRole).toString();
        bar->setValue(bar->minimum());
        QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > firstPage, 10000);
        // The view did not jump to the new top: the old first message is
        // still near the top of the viewport.
        const int oldRow = messages->rowOfId(topBefore);
        QVERIFY(oldRow > 0);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 5000);
        const QRect oldRect = messageList()->visualRect(messageList()->model()->index(oldRow, 0));
        QVERIFY2(oldRect.top() > -messageList()->viewport()->height()
                     && oldRect.top() < messageList()->viewport()->height(),
                 "the message that was on top scrolled away");
    }

    void bannerFollowsFallbackToPolling()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Hi"));
        QVERIFY(!ticketId.isEmpty());
        QLabel *banner = find<QLabel>("connectionBanner");
        QTRY_COMPARE_WITH_TIMEOUT(client->connectionState(), ConnectionState::Streaming, 10000);
        QVERIFY(!banner->isVisible());
        http().control(
            {{QStringLiteral("streamDisabled"), true}, {QStringLiteral("dropStreams"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible()
                                     && banner->text().contains(QStringLiteral("checking every")),
                                 10000);
        http().control({{QStringLiteral("streamDisabled"), false}});
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
    }

    /// A conversation that cannot be loaded says so in words for people; the
    /// server's code and message (for developers) are in the tooltip.
    void loadErrorIsForPeople()
    {
        panel->openTicket(QStringLiteral("tkt_does_not_exist"));
        auto *label = find<QLabel>("threadError");
        QVERIFY(label);
        QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 10000);
        const ChatError error = panel->messagesModel()->error();
        QCOMPARE(error.kind(), ChatError::Kind::NotFound);
        QCOMPARE(label->text(),
                 QStringLiteral("Could not load this conversation: This could not be found. It "
                                "may have been removed."));
        QVERIFY(!label->text().contains(error.message()));
        QVERIFY(label->toolTip().contains(error.code()));
        QVERIFY(label->toolTip().contains(error.message()));
    }

    void keyboardOnly()
    {
        panel->setFocus();
        QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(find<QLineEdit>("subjectEdit")->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Keyboard"));
        // Tab goes straight to the message box: a new conversation has no
        // messages to read (the typed text used to land in the empty list).
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), composerEdit());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Typed without a mouse"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->currentTicketId().isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->messagesModel()->rowCount(), 1, 10000);
        // Every control has an accessible name.
        for (QWidget *w : panel->findChildren<QWidget *>()) {
            if (w->isVisible() && (w->focusPolicy() & Qt::TabFocus)
                && !qobject_cast<QScrollBar *>(w))
                QVERIFY2(!w->accessibleName().isEmpty(),
                         qPrintable(w->objectName() + QLatin1String(" has no accessible name")));
        }
    }

    /// Enter in the subject moves on to the message, as Tab does; the
    /// message list takes the focus again once a conversation is open.
    void enterInSubjectMovesToMessage()
    {
        panel->startNewConversation();
        QTRY_VERIFY(find<QLineEdit>("subjectEdit")->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Shipping"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(QApplication::focusWidget(), composerEdit());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Do you ship to Norway?"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->currentTicketId().isEmpty(), 10000);
        const QJsonArray tickets = http()
                                       .agent("GET", QStringLiteral("/tickets"))
                                       .json.object()
                                       .value(QStringLiteral("data"))
                                       .toArray();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets.first().toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Shipping"));
        QVERIFY(messageList()->focusPolicy() & Qt::TabFocus);
    }

    /// The first thing a customer does: type into the empty window and press
    /// Enter. That starts a conversation (subject: the first line) instead of
    /// vanishing.
    void typingIntoTheEmptyPanelStartsAConversation()
    {
        QVERIFY(panel->currentTicketId().isEmpty());
        QVERIFY(composerEdit()->isEnabled());
        composerEdit()->setFocus();
        QTest::keyClicks(composerEdit(), QStringLiteral("Where is my parcel?"));
        QTest::keyClick(composerEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composerEdit(), QStringLiteral("Order 1234"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->currentTicketId().isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->messagesModel()->rowCount(), 1, 10000);
        QCOMPARE(panel->messagesModel()->index(0).data(MessagesModel::ContentRole).toString(),
                 QStringLiteral("Where is my parcel?\nOrder 1234"));
        const QJsonArray tickets = http()
                                       .agent("GET", QStringLiteral("/tickets"))
                                       .json.object()
                                       .value(QStringLiteral("data"))
                                       .toArray();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets.first().toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Where is my parcel?"));
        QVERIFY(composerEdit()->toPlainText().isEmpty());
        QVERIFY(composerEdit()->hasFocus());
    }

    /// A conversation that cannot be started gives the text back: in the box,
    /// or, if the customer opened another conversation meanwhile, as the
    /// new-conversation draft (never in that other conversation's box).
    void failedStartKeepsTheText()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("First question"));
        QVERIFY(!ticketId.isEmpty());
        server->stop();
        panel->startNewConversation();
        composerEdit()->setFocus();
        QTest::keyClicks(composerEdit(), QStringLiteral("Second question"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(composerEdit()->toPlainText(), QStringLiteral("Second question"),
                                  10000);
        QVERIFY(composerEdit()->isEnabled());
        QTRY_VERIFY(find<QLabel>("threadError")->isVisible());

        // Again, but the customer goes back to the first conversation while
        // the start is on its way.
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QVERIFY(composerEdit()->toPlainText().isEmpty());
        panel->openTicket(ticketId);
        QTRY_VERIFY_WITH_TIMEOUT(composerEdit()->isEnabled(), 10000);
        QVERIFY(composerEdit()->toPlainText().isEmpty());
        panel->startNewConversation();
        QCOMPARE(composerEdit()->toPlainText(), QStringLiteral("Second question"));
    }

    /// The sign-in prompt's description (what a screen reader adds) is for
    /// the customer; the server's developer hint stays in the tooltip.
    void signInPromptSpeaksToCustomers()
    {
        auto *prompt = find<QWidget>("signInPrompt");
        QVERIFY(prompt);
        QTRY_VERIFY_WITH_TIMEOUT(prompt->isVisible(), 10000);
        const QString hint = panel->ticketsModel()->error().hint();
        QVERIFY(!hint.isEmpty());
        const QList<QLabel *> labels = prompt->findChildren<QLabel *>();
        QCOMPARE(labels.size(), 1);
        QLabel *label = labels.first();
        QCOMPARE(label->toolTip(), hint);
        QVERIFY(!label->accessibleDescription().isEmpty());
        QVERIFY(!label->accessibleDescription().contains(QLatin1String("identify")));
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(label);
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Description), label->accessibleDescription());
    }

    void darkPaletteIsReadable()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
        dark.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1a));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
        dark.setColor(QPalette::Button, QColor(0x2d, 0x2f, 0x33));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
        dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
        dark.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x40, 0x43));
        dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xea, 0xed));
        window->setPalette(dark);
        const QString ticketId = createTicketThroughUi(QStringLiteral("Dark mode question"));
        QVERIFY(!ticketId.isEmpty());
        agentReply(ticketId, QStringLiteral("Agent answer in the dark"));
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages->index(0).data(MessagesModel::DeliveryStateRole).value<DeliveryState>(),
            DeliveryState::Sent, 10000);
        // The list lays out lazily (delayed, Batched): a grab taken before
        // that ran was seen blank (2 runs in 15), so wait for painted rows.
        QImage image;
        auto rowContrast = [&](int row) {
            image = messageList()->viewport()->grab().toImage();
            const QRect rect = messageList()->visualRect(messageList()->model()->index(row, 0));
            return contrastIn(image.copy(rect));
        };
        for (int row = 0; row < 2; ++row) {
            QTRY_VERIFY2_WITH_TIMEOUT(
                rowContrast(row) > 0.35,
                qPrintable(QStringLiteral("row %1 contrast %2").arg(row).arg(rowContrast(row))),
                5000);
        }
        // The page background really is dark.
        QVERIFY(luminance(image.pixel(2, image.height() - 3)) < 0.3);
        image.save(QStringLiteral(CSTAR_SCREENSHOT_DIR "/chatpanel-dark.png"));
    }

    // ---- One test per ConversationController feature; tst_chatview.qml has
    // the same ones for QML's ChatView (the two UIs behave the same).

    void sharedDraftsPerTicket()
    {
        const QString first = createTicketThroughUi(QStringLiteral("One"));
        QVERIFY(!first.isEmpty());
        const QString second = createTicketThroughUi(QStringLiteral("Two"));
        QVERIFY(!second.isEmpty());
        QTest::keyClicks(composerEdit(), QStringLiteral("draft for the second"));
        panel->openTicket(first);
        QCOMPARE(composerEdit()->toPlainText(), QString());
        QTest::keyClicks(composerEdit(), QStringLiteral("draft for the first"));
        panel->openTicket(second);
        QCOMPARE(composerEdit()->toPlainText(), QStringLiteral("draft for the second"));
        panel->startNewConversation();
        QCOMPARE(composerEdit()->toPlainText(), QString());
        panel->openTicket(first);
        QCOMPARE(composerEdit()->toPlainText(), QStringLiteral("draft for the first"));
    }

    // The subject fallback: typingIntoTheEmptyPanelStartsAConversation.

    void sharedRefusedTextComesBack()
    {
        const QString ticketId = createTicketThroughUi(QStringLiteral("Hello"));
        QVERIFY(!ticketId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(panel->messagesModel()->rowCount(), 1, 10000);
        // No place to store it durably (a directory below a file): the model
        // refuses the message, and the text goes back into the box.
        QTemporaryFile file;
        QVERIFY(file.open());
        client->setStorageDirectory(file.fileName() + QStringLiteral("/nowhere"));
        composerEdit()->setFocus();
        QTest::keyClicks(composerEdit(), QStringLiteral("Do not lose me"));
        QTest::keyClick(composerEdit(), Qt::Key_Return);
        QCOMPARE(composerEdit()->toPlainText(), QStringLiteral("Do not lose me"));
        QCOMPARE(panel->messagesModel()->rowCount(), 1);
    }

    // A failed start keeping its text: failedStartKeepsTheText.

    /// The header of a ticket the list does not hold comes from the server
    /// (it said "Conversation" here while QML fetched the title).
    void sharedTitleOfATicketNotInTheList()
    {
        auto *job =
            client->tickets().create(QStringLiteral("Printer jammed"), QStringLiteral("Hi"));
        QString ticketId;
        connect(job, &ChatJob::succeeded, this, [&] { ticketId = job->result().id(); });
        QTRY_VERIFY_WITH_TIMEOUT(!ticketId.isEmpty(), 10000);
        panel->setMode(ChatPanel::Mode::Compact); // nothing opens by itself
        panel->ticketsModel()->setStatus(QStringLiteral("closed")); // the list does not hold it
        QTRY_VERIFY_WITH_TIMEOUT(!panel->ticketsModel()->isLoading(), 10000);
        QCOMPARE(panel->ticketsModel()->rowOf(ticketId), -1);
        panel->openTicket(ticketId);
        QTRY_COMPARE_WITH_TIMEOUT(find<QLabel>("threadTitle")->text(),
                                  QStringLiteral("Printer jammed — New"), 10000);
    }

    void sharedAutoOpensTheNewest()
    {
        // One page at a time: the list shows first.
        panel->setMode(ChatPanel::Mode::Compact);
        const QByteArray customer = R"({"id":"cus_autoopen","name":"Ada"})";
        auto *identify = panel->chatState()->identify(
            QString::fromUtf8(customer), DevServerProcess::hmacHex(server->chatSecret(), customer));
        QSignalSpy identified(identify, &ChatJob::finished);
        QVERIFY(identified.wait(10000));
        QString newest;
        for (const QString &title : {QStringLiteral("Older"), QStringLiteral("Newest")}) {
            auto *job = client->tickets().create(title, QStringLiteral("Hi"));
            connect(job, &ChatJob::succeeded, this,
                    [&newest, job] { newest = job->result().id(); });
            QSignalSpy done(job, &ChatJob::finished);
            QVERIFY(done.wait(10000));
        }
        panel->ticketsModel()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(panel->ticketsModel()->rowCount(), 2, 10000);
        QCOMPARE(panel->currentTicketId(), QString());
        QVERIFY(find<QWidget>("ticketListPage")->isVisible());
        // Side by side: the newest opens by itself.
        panel->setMode(ChatPanel::Mode::Full);
        QTRY_COMPARE_WITH_TIMEOUT(panel->currentTicketId(), newest, 10000);
    }
};

QTEST_MAIN(TestChatPanel)
#include "tst_chatpanel.moc"
