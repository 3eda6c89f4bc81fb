// SPDX-License-Identifier: MIT
// ConversationController against a real devserver: drafts per ticket (and
// the new conversation's), the new-conversation flow with its subject
// fallback, text the models refuse coming back, a failed start keeping its
// text, the title of a ticket not in the list, and auto-opening.
#include "controllertest.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>

using namespace CStar;
using namespace CStar::Testing;

class TestConversationController : public ControllerTest
{
    Q_OBJECT

    QString serverTitle(const QString &ticketId)
    {
        TestHttp http(*server);
        return http.agent("GET", QStringLiteral("/tickets/%1").arg(ticketId))
            .data()
            .value(QStringLiteral("title"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { QVERIFY(startIdentified(QStringLiteral("cus_ctl_"))); }

    void cleanup() { stop(); }

    void subjectFallback()
    {
        QCOMPARE(
            ConversationController::subjectFor(QStringLiteral("  Refund "), QStringLiteral("x")),
            QStringLiteral("Refund"));
        QCOMPARE(
            ConversationController::subjectFor(QString(), QStringLiteral("Where is it?\nOrder 12")),
            QStringLiteral("Where is it?"));
        QCOMPARE(ConversationController::subjectFor(QStringLiteral("   "), QString(100, u'a')),
                 QString(80, u'a'));
    }

    void draftsPerTicket()
    {
        const QString first =
            createTicket(app->client.get(), QStringLiteral("First"), QStringLiteral("1"));
        const QString second =
            createTicket(app->client.get(), QStringLiteral("Second"), QStringLiteral("2"));
        auto c = makeController(false);
        QSignalSpy drafts(c.get(), &ConversationController::draftChanged);
        c->openTicket(first);
        c->setDraft(QStringLiteral("for the first"));
        c->openTicket(second);
        QCOMPARE(c->draft(), QString());
        c->setDraft(QStringLiteral("for the second"));
        c->startNewConversation();
        QVERIFY(c->isCreatingTicket());
        QCOMPARE(c->currentTicketId(), QString());
        QCOMPARE(c->draft(), QString());
        c->setDraft(QStringLiteral("a new one"));
        c->openTicket(first);
        QVERIFY(!c->isCreatingTicket());
        QCOMPARE(c->draft(), QStringLiteral("for the first"));
        c->openTicket(second);
        QCOMPARE(c->draft(), QStringLiteral("for the second"));
        c->startNewConversation();
        QCOMPARE(c->draft(), QStringLiteral("a new one"));
        // Leaving the form keeps its draft for later.
        c->leaveConversation();
        QVERIFY(!c->isCreatingTicket());
        c->startNewConversation();
        QCOMPARE(c->draft(), QStringLiteral("a new one"));
        QVERIFY(drafts.count() >= 8); // every switch announced its draft
    }

    void newConversationFromNothingOpen()
    {
        auto c = makeController(false);
        TRY_COMPARE(c->ticketsModel()->isLoading(), false);
        QCOMPARE(c->placeholderText(), QStringLiteral("Select a conversation or start a new one."));
        QSignalSpy started(c.get(), &ConversationController::conversationStarted);
        // Nothing open: submitting starts a conversation, subject = first line.
        QVERIFY(c->submit(QStringLiteral("Where is my parcel?\nOrder 1234")));
        QVERIFY(c->isCreatingTicket());
        QVERIFY(c->isStarting());
        QCOMPARE(c->title(), QStringLiteral("New conversation"));
        QVERIFY(started.wait(30000));
        const QString ticketId = started.first().first().toString();
        QCOMPARE(c->currentTicketId(), ticketId);
        QVERIFY(!c->isCreatingTicket());
        QVERIFY(!c->isStarting());
        QCOMPARE(serverTitle(ticketId), QStringLiteral("Where is my parcel?"));
        TRY_COMPARE(c->title(), QStringLiteral("Where is my parcel? — New"));
        TRY_COMPARE(c->messagesModel()->rowCount(), 1);

        // With a subject: that one.
        c->startNewConversation();
        c->setSubject(QStringLiteral("Refund"));
        QVERIFY(c->submit(QStringLiteral("I was charged twice.")));
        QVERIFY(started.wait(30000));
        QCOMPARE(serverTitle(started.last().first().toString()), QStringLiteral("Refund"));
        QCOMPARE(c->subject(), QString()); // the form is empty for the next one
        QCOMPARE(c->draft(), QString());
    }

    void refusedTextComesBack()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Stored"), QStringLiteral("1"));
        auto c = makeController(false);
        c->openTicket(ticketId);
        TRY_COMPARE(c->messagesModel()->rowCount(), 1);
        // No place to store it durably: the model refuses the message.
        QTemporaryFile file;
        QVERIFY(file.open());
        app->client->setStorageDirectory(file.fileName() + QStringLiteral("/nowhere"));
        QSignalSpy drafts(c.get(), &ConversationController::draftChanged);
        QVERIFY(!c->submit(QStringLiteral("Do not lose me")));
        QCOMPARE(c->draft(), QStringLiteral("Do not lose me"));
        QCOMPARE(drafts.count(), 1);
        QVERIFY(c->error().isError());
        QVERIFY(!c->errorText().isEmpty());
    }

    void failedStartKeepsTheText()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Open"), QStringLiteral("1"));
        auto c = makeController(false);
        server->stop();
        c->startNewConversation();
        QSignalSpy errors(c.get(), &ConversationController::errorChanged);
        QVERIFY(c->submit(QStringLiteral("Second question")));
        TRY_COMPARE(c->isStarting(), false);
        QCOMPARE(c->draft(), QStringLiteral("Second question"));
        QVERIFY(c->error().isError());
        QVERIFY(c->errorText().startsWith(QStringLiteral("Could not start the conversation: ")));

        // Again, but the user goes to another conversation meanwhile: the
        // text waits as the new-conversation draft, not in that one's box.
        c->setDraft(QString());
        QVERIFY(c->submit(QStringLiteral("Second question")));
        c->openTicket(ticketId);
        TRY_COMPARE(c->isStarting(), false);
        QCOMPARE(c->draft(), QString());
        QCOMPARE(c->currentTicketId(), ticketId);
        c->startNewConversation();
        QCOMPARE(c->draft(), QStringLiteral("Second question"));
    }

    /// A ticket the list does not hold (here: filtered out) gets its title
    /// from the server; until then the header says "Conversation".
    void titleOfATicketNotInTheList()
    {
        const QString ticketId =
            createTicket(app->client.get(), QStringLiteral("Printer jammed"), QStringLiteral("1"));
        auto c = makeController(false);
        c->ticketsModel()->setStatus(QStringLiteral("closed"));
        TRY_COMPARE(c->ticketsModel()->isLoading(), false);
        QCOMPARE(c->ticketsModel()->rowOf(ticketId), -1);
        QSignalSpy titles(c.get(), &ConversationController::titleChanged);
        c->openTicket(ticketId);
        QCOMPARE(c->title(), QStringLiteral("Conversation"));
        TRY_COMPARE(c->title(), QStringLiteral("Printer jammed — New"));
        QCOMPARE(titles.count(), 2);
        // Open while in the list, then filtered out of it: fetched then.
        const QString other =
            createTicket(app->client.get(), QStringLiteral("Second printer"), QStringLiteral("2"));
        c->ticketsModel()->setStatus(QString());
        TRY_VERIFY(c->ticketsModel()->rowOf(other) >= 0);
        c->openTicket(other);
        QCOMPARE(c->title(), QStringLiteral("Second printer — New"));
        c->ticketsModel()->setStatus(QStringLiteral("closed"));
        TRY_COMPARE(c->ticketsModel()->rowOf(other), -1);
        TRY_COMPARE(c->title(), QStringLiteral("Second printer — New"));
        c->openTicket(ticketId);
        // The list's copy wins once the ticket is in it.
        c->ticketsModel()->setStatus(QString());
        TRY_VERIFY(c->ticketsModel()->rowOf(ticketId) >= 0);
        TestHttp http(*server);
        QVERIFY(agentSetsStatus(http, ticketId, QStringLiteral("open")));
        TRY_COMPARE(c->title(), QStringLiteral("Printer jammed — Open"));
    }

    void autoOpensTheNewest()
    {
        createTicket(app->client.get(), QStringLiteral("Older"), QStringLiteral("1"));
        const QString newest =
            createTicket(app->client.get(), QStringLiteral("Newest"), QStringLiteral("2"));
        auto off = makeController(false);
        TRY_COMPARE(off->ticketsModel()->count(), 2);
        QCOMPARE(off->currentTicketId(), QString());
        // Turned on (a one-page UI that became wide): the newest opens.
        off->setAutoOpen(true);
        QCOMPARE(off->currentTicketId(), newest);

        auto on = makeController(true);
        TRY_COMPARE(on->currentTicketId(), newest);
        // Not while a new conversation is written.
        on->startNewConversation();
        on->ticketsModel()->refresh();
        TRY_COMPARE(on->ticketsModel()->isLoading(), false);
        QVERIFY(on->isCreatingTicket());
        QCOMPARE(on->currentTicketId(), QString());
    }
};

QTEST_GUILESS_MAIN(TestConversationController)
#include "tst_conversationcontroller.moc"
