// SPDX-License-Identifier: MIT
// RateLimiter (protocol-notes "Rate limits"): fixed windows per caller, and a
// table that forgets finished windows without scanning (issue: above 10,000
// callers every hit scanned the whole table).
#include "ratelimiter.h"

#include <QTest>

using CStar::DevServer::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowPerCaller();
    void finishedWindowsAreForgotten();
    void manyCallersKeepTheirCounts();
};

static constexpr qint64 t0 = 1'800'000'000'000; // any epoch ms

void TestRateLimiter::windowPerCaller()
{
    RateLimiter limiter(3, 10);
    for (int i = 1; i <= 3; ++i) {
        const RateLimiter::Decision d = limiter.hit("a", t0 + i);
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, 3 - i);
        QCOMPARE(d.windowS, 10);
        QCOMPARE(d.resetAtS, (t0 + 1 + 10'000 + 999) / 1000);
    }
    RateLimiter::Decision d = limiter.hit("a", t0 + 5);
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterS, 10); // (t0+1+10000 - (t0+5)) ms rounded up
    QVERIFY(limiter.hit("b", t0 + 5).allowed); // another caller, another window
    QVERIFY(!limiter.peek("a", t0 + 10'000).allowed); // peek does not count…
    QCOMPARE(limiter.peek("b", t0 + 10'000).remaining, 2);
    d = limiter.hit("a", t0 + 10'001); // …and a window ends exactly after windowS
    QVERIFY(d.allowed);
    QCOMPARE(d.remaining, 2);
}

void TestRateLimiter::finishedWindowsAreForgotten()
{
    RateLimiter limiter(5, 1);
    for (int i = 0; i < 50'000; ++i)
        limiter.hit("peer:" + QByteArray::number(i), t0 + i / 100); // over 500 ms
    QCOMPARE(limiter.trackedCallers(), 50'000);
    limiter.hit("steady", t0 + 600);
    QCOMPARE(limiter.trackedCallers(), 50'001);
    // At t0 + 1250 the windows that started up to t0 + 250 are over.
    limiter.hit("mid", t0 + 1250);
    QCOMPARE(limiter.trackedCallers(), 50'000 - 25'100 + 2);
    // "steady" comes back after its window: a new window, the old one gone.
    QCOMPARE(limiter.hit("steady", t0 + 1700).remaining, 4);
    QCOMPARE(limiter.trackedCallers(), 2); // mid, steady
    // A clock step back neither loses a running window nor keeps a finished one.
    QCOMPARE(limiter.hit("mid", t0 + 1200).remaining, 3);
    limiter.hit("later", t0 + 2701);
    QCOMPARE(limiter.trackedCallers(), 1); // only "later"
}

void TestRateLimiter::manyCallersKeepTheirCounts()
{
    // Past the old 10,000-caller mark the limits hold exactly for everyone.
    RateLimiter limiter(2, 60);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 20'000; ++i) {
            const RateLimiter::Decision d =
                limiter.hit("c" + QByteArray::number(i), t0 + round * 1000 + i / 1000);
            QCOMPARE(d.allowed, round < 2);
            QCOMPARE(d.remaining, qMax(0, 1 - round));
        }
    }
    QCOMPARE(limiter.trackedCallers(), 20'000);
}

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_devserver_ratelimiter.moc"
