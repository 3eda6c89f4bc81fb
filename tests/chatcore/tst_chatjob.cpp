// SPDX-License-Identifier: MIT
// ChatJob's contract against a real devserver: then() is a continuation (a
// new job, chained values, followed jobs, errors travelling down the chain
// and reported when nobody handles them), contexts (destroyed, null, in
// another thread), and composite jobs (identify, logout) that own their
// request, so a caller may abandon them before the answer (run it under
// scripts/sanitize.sh to see the use-after-free this guards against).
#include "chatclient.h"
#include "devserverprocess.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace CStar;
using namespace CStar::Testing;

class TestChatJob : public QObject
{
    Q_OBJECT

private:
    DevServerProcess m_server;

    std::unique_ptr<ChatClient> newClient()
    {
        auto client = std::make_unique<ChatClient>(m_server.team());
        client->setBaseUrl(m_server.baseUrl());
        return client;
    }

    static bool finishes(ChatJob *job)
    {
        QSignalSpy spy(job, &ChatJob::finished);
        return spy.wait(15000);
    }

    QByteArray customerJson(const QString &id)
    {
        return QStringLiteral(R"({"id":"%1","name":"Jane"})").arg(id).toUtf8();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void thenReturnsANewJobWithTheCallbacksValue()
    {
        auto client = newClient();
        QObject context;
        Job<Ticket> *create = client->tickets().create(QStringLiteral("Chained"));
        Job<QString> *title = create->then(&context, [](const Ticket &t) { return t.title(); });
        QVERIFY(static_cast<ChatJob *>(title) != create);
        Job<QString> *upper = title->then(&context, [](const QString &s) { return s.toUpper(); });
        QVERIFY(finishes(upper));
        QVERIFY(upper->isSuccess());
        QCOMPARE(upper->result(), QStringLiteral("CHAINED"));
    }

    void thenFollowsAReturnedJob()
    {
        auto client = newClient();
        QObject context;
        ChatClient *c = client.get();
        Job<Message> *sent =
            client->tickets()
                .create(QStringLiteral("Follow"))
                ->then(&context, [c](const Ticket &t) {
                    return c->messages().send(t.id(), QStringLiteral("Thanks for helping!"));
                });
        QVERIFY(finishes(sent));
        QVERIFY(sent->isSuccess());
        QCOMPARE(sent->result().content(), QStringLiteral("Thanks for helping!"));
    }

    void errorsTravelDownTheChainAndAreReported()
    {
        auto client = newClient();
        QObject context;
        bool ran = false;
        auto *end = client->tickets()
                        .get(QStringLiteral("tkt_does_not_exist"))
                        ->then(&context, [&ran](const Ticket &) { ran = true; });
        QSignalSpy failed(end, &ChatJob::failed);
        QVERIFY(failed.wait(15000));
        QVERIFY(!ran);
        QCOMPARE(failed.first().first().value<ChatError>().kind(), ChatError::Kind::NotFound);

        // One-argument then() at the end of a chain nobody watches: a warning.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("unhandled job failure.*NotFound")));
        ChatJob *tail = client->tickets()
                            .get(QStringLiteral("tkt_does_not_exist"))
                            ->then(&context, [](const Ticket &) {});
        QPointer<ChatJob> guard(tail);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 15000); // it finished (and warned), then went away
    }

    void onErrorHandlesTheFailure()
    {
        auto client = newClient();
        QObject context;
        QTest::failOnWarning(QRegularExpression(QStringLiteral("unhandled job failure")));
        ChatError seen;
        auto *end = client->tickets().list()->then(
            &context, [](const TicketPage &) {}, [&seen](const ChatError &e) { seen = e; });
        QPointer<ChatJob> guard(end);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 15000); // handled: no "unhandled" warning
        QCOMPARE(seen.kind(), ChatError::Kind::AuthRequired);
    }

    void destroyedContextDropsTheCallbackAndAbandonsTheContinuation()
    {
        auto client = newClient();
        auto context = std::make_unique<QObject>();
        bool ran = false;
        QPointer<ChatJob> next(client->tickets()
                                   .create(QStringLiteral("Context gone"))
                                   ->then(context.get(), [&ran](const Ticket &) { ran = true; }));
        QSignalSpy finished(next.data(), &ChatJob::finished);
        context.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!next, 15000);
        QVERIFY(!ran);
        QCOMPARE(finished.size(), 0);
    }

    void nullContextStillRunsTheCallback()
    {
        auto client = newClient();
        QString title;
        auto *next = client->tickets()
                         .create(QStringLiteral("No context"))
                         ->then(nullptr, [&title](const Ticket &t) { title = t.title(); });
        QVERIFY(finishes(next));
        QCOMPARE(title, QStringLiteral("No context"));
    }

    void contextInAnotherThreadIsRefusedLoudly()
    {
        auto client = newClient();
        QThread thread;
        thread.start();
        auto *elsewhere = new QObject;
        elsewhere->moveToThread(&thread);
        bool ran = false;
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("another thread")));
        Job<Ticket> *create = client->tickets().create(QStringLiteral("Thread"));
        auto *next = create->then(elsewhere, [&ran](const Ticket &) { ran = true; });
        QSignalSpy failed(next, &ChatJob::failed);
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().first().value<ChatError>().code(),
                 QStringLiteral("context_in_other_thread"));
        QVERIFY(finishes(create));
        QVERIFY(!ran);
        elsewhere->deleteLater(); // in its thread, which runs deferred deletes as it ends
        thread.quit();
        thread.wait();
    }

    void abandonedIdentifyIsSafe()
    {
        auto client = newClient();
        const QByteArray json = customerJson(QStringLiteral("cus_abandon"));
        Job<Customer> *job =
            client->identify(json, DevServerProcess::hmacHex(m_server.chatSecret(), json));
        QSignalSpy finished(job, &ChatJob::finished);
        job->abandon(); // before the answer: the request goes too
        // A later call round-trips: had the answer reached the freed job,
        // ASan would report it here.
        Job<Ticket> *later = client->tickets().create(QStringLiteral("After abandon"));
        QVERIFY(finishes(later));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::Anonymous);
    }

    void abandonedLogoutIsSafe()
    {
        auto client = newClient();
        const QByteArray json = customerJson(QStringLiteral("cus_logout"));
        QVERIFY(finishes(
            client->identify(json, DevServerProcess::hmacHex(m_server.chatSecret(), json))));
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::Identified);
        VoidJob *job = client->logout();
        QSignalSpy finished(job, &ChatJob::finished);
        job->abandon();
        QVERIFY(finishes(client->tickets().list()));
        QCOMPARE(finished.size(), 0);
    }

    void identifyAndLogoutStillWork()
    {
        auto client = newClient();
        const QByteArray json = customerJson(QStringLiteral("cus_ok"));
        Job<Customer> *job =
            client->identify(json, DevServerProcess::hmacHex(m_server.chatSecret(), json));
        QVERIFY(finishes(job));
        VoidJob *logout = client->logout();
        QSignalSpy succeeded(logout, &ChatJob::succeeded);
        QVERIFY(succeeded.wait(15000));
        QCOMPARE(client->sessionKind(), ChatClient::SessionKind::None);
    }

    void voidJobThenChains()
    {
        auto client = newClient();
        QObject context;
        auto *ticket = client->tickets().create(QStringLiteral("Typing"));
        QVERIFY(finishes(ticket));
        const QString id = ticket->result().id();
        int step = 0;
        auto *end = client->sendTyping(id, true)->then(&context, [&step] { step = 1; });
        QVERIFY(finishes(end));
        QCOMPARE(step, 1);
        QVERIFY(end->isSuccess());
    }
};

QTEST_GUILESS_MAIN(TestChatJob)
#include "tst_chatjob.moc"
