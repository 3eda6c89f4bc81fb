// SPDX-License-Identifier: MIT
// TypingNotifier: what a composer's edits turn into on the agent's feed.
#include "modeltestsupport.h"
#include "ssereader.h"
#include "typingnotifier.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CStar;
using namespace CStar::Testing;

class TestTypingNotifier : public QObject
{
    Q_OBJECT

private:
    static QList<bool> typingStates(const SseReader &feed)
    {
        QList<bool> states;
        for (const SseEvent &e : feed.events("typing"))
            states.append(e.json().value(QStringLiteral("isTyping")).toBool());
        return states;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void leasesFollowTheComposer()
    {
        DevServerProcess server;
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs();
        QVERIFY2(server.start(options), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-composer")));
        const QString ticket = createTicket(app.client.get(), QStringLiteral("Typing"));

        SseReader feed;
        feed.open(QUrl(server.agentUrl().toString() + QLatin1String("/events")), server.agentKey());
        QVERIFY(feed.waitForHeaders());
        QCOMPARE(feed.status(), 200);

        TypingNotifier notifier(app.client.get(), ticket);
        notifier.setPauseMs(200);
        QSignalSpy typing(&notifier, &TypingNotifier::typingChanged);

        // Keystrokes: one `true` (re-sent at most every 3 s), then `false`
        // after the pause.
        notifier.textChanged(QStringLiteral("H"));
        notifier.textChanged(QStringLiteral("He"));
        notifier.textChanged(QStringLiteral("Hel"));
        QVERIFY(notifier.isTyping());
        TRY_VERIFY(!notifier.isTyping());
        QVERIFY2(feed.waitForEvents(2), server.standardError().constData());
        QCOMPARE(typingStates(feed), (QList<bool> {true, false}));
        const QJsonObject first = feed.events("typing").first().json();
        QCOMPARE(first.value(QStringLiteral("ticketId")).toString(), ticket);
        QCOMPARE(first.value(QStringLiteral("sender")).toString(), QStringLiteral("customer"));

        // Focus lost, cleared text, sent message: each ends typing at once.
        notifier.textChanged(QStringLiteral("x"));
        notifier.focusLost();
        QVERIFY(!notifier.isTyping());
        notifier.textChanged(QStringLiteral("y"));
        notifier.textChanged(QString());
        QVERIFY(!notifier.isTyping());
        notifier.textChanged(QStringLiteral("z"));
        notifier.messageSent();
        QVERIFY(!notifier.isTyping());
        notifier.textChanged(QStringLiteral("w"));
        notifier.setActive(false);
        // One typing POST in flight per ticket, a newer state replacing a
        // queued one (issue 17): the burst may be coalesced, never reordered.
        // Two more states through the client queue behind everything sent
        // so far: once they are done, the server has seen it all.
        int done = 0;
        for (const bool state : {true, false})
            connect(app.client->sendTyping(ticket, state), &ChatJob::finished, this,
                    [&] { ++done; });
        TRY_COMPARE(done, 2);
        const HttpResult poll = TestHttp(server).agent("GET", QStringLiteral("/events/poll"));
        QCOMPARE(poll.json.object().value(QStringLiteral("typing")).toArray().size(), 0);
        auto alternatingToFalse = [&] {
            const QList<bool> states = typingStates(feed);
            for (qsizetype i = 0; i < states.size(); ++i) {
                if (states.at(i) != (i % 2 == 0))
                    return false;
            }
            return !states.isEmpty() && !states.constLast();
        };
        TRY_VERIFY(alternatingToFalse());
        QCOMPARE(typing.count(), 10);
    }
};

QTEST_GUILESS_MAIN(TestTypingNotifier)
#include "tst_typingnotifier.moc"
