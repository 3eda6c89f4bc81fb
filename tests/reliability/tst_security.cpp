// SPDX-License-Identifier: MIT
// Security checks (docs/reliability.md "Security"): the devserver's
// constant-time compare and where it is used, no token/key/secret/signature in
// any log line of a full flow with every logging category on (client and
// server), and the session file's permissions (0600, whatever the umask).
// The rate limit under a flood is in tst_serverhostileinputs.
#include "apierror.h"
#include "chatclient.h"
#include "chatstate.h"
#include "devserverprocess.h"
#include "identityverifier.h"
#include "ids.h"
#include "testhttp.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace CStar;
using namespace CStar::Testing;
using CStar::DevServer::Ids::constantTimeEquals;

namespace {

QByteArray captured;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    captured +=
        QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    Q_UNUSED(type)
}

template<typename T>
bool finish(Job<T> *job, T *result = nullptr)
{
    QSignalSpy spy(job, &ChatJob::finished);
    if (!job->isFinished() && !spy.wait(20000))
        return false;
    if (result)
        *result = job->result();
    return job->isSuccess();
}

bool finish(ChatJob *job)
{
    QSignalSpy spy(job, &ChatJob::finished);
    return (job->isFinished() || spy.wait(20000)) && job->isSuccess();
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void constantTimeEqualsIsCorrect_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        const QByteArray sig = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        QTest::newRow("same") << sig << sig << true;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("one empty") << sig << QByteArray() << false;
        QTest::newRow("first byte differs") << sig << ("a" + sig.mid(1)) << false;
        QTest::newRow("last byte differs") << sig << (sig.chopped(1) + "9") << false;
        QTest::newRow("prefix") << sig << sig.left(63) << false;
        QTest::newRow("longer") << sig << (sig + "0") << false;
        QTest::newRow("NUL padding") << QByteArray("ab") << QByteArray("ab\0", 3) << false;
        QTest::newRow("high bit") << QByteArray("\x80") << QByteArray("\x00", 1) << false;
        QTest::newRow("case differs") << QByteArray("abc") << QByteArray("ABC") << false;
    }
    void constantTimeEqualsIsCorrect()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(a, b), equal);
        QCOMPARE(constantTimeEquals(b, a), equal);
    }

    void secretsAreComparedInConstantTime()
    {
        // Code-level check (a timing measurement would be flaky): every place
        // that compares a presented secret uses Ids::constantTimeEquals, and
        // the compare walks the longer input completely, whatever differs.
        const QString root = QStringLiteral(CSTAR_SOURCE_DIR "/devserver/");
        auto source = [&](const char *file) {
            QFile f(root + QLatin1String(file));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray verifier = source("identityverifier.cpp");
        QVERIFY(verifier.contains("Ids::constantTimeEquals(expected, "));
        QVERIFY(!verifier.contains("expected =="));
        QVERIFY(!verifier.contains("== expected"));
        const QByteArray server = source("pipeline.cpp");
        QCOMPARE(server.count("Ids::constantTimeEquals(presented, options."), 2); // sk_, pk_
        const QByteArray ids = source("ids.cpp");
        QVERIFY(ids.contains("diff |="));
        QVERIFY(!ids.contains("memcmp"));
        // Session tokens are looked up by their SHA-256, never compared in clear.
        QVERIFY(source("sessionstore.cpp").contains("hashSecret(token)"));
    }

    void verifierAcceptsOnlyTheRightSignature()
    {
        DevServer::IdentityVerifier verifier(QStringLiteral("s3cret"), 600);
        const QByteArray text = R"({"id":"u1"})";
        const QString good = QString::fromLatin1(DevServer::IdentityVerifier::sign("s3cret", text));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(verifier.verify(QString::fromUtf8(text), good, now).externalId,
                 QStringLiteral("u1"));
        QCOMPARE(verifier.verify(QString::fromUtf8(text), good.toUpper(), now).externalId,
                 QStringLiteral("u1"));
        const QStringList wrong {good.left(63), QString(good + u'0'), QString(),
                                 QStringLiteral("00"),
                                 QString(good).replace(0, 1, good.at(0) == u'a' ? u'b' : u'a')};
        for (const QString &bad : wrong) {
            try {
                verifier.verify(QString::fromUtf8(text), bad, now);
                QFAIL("a wrong signature was accepted");
            } catch (const DevServer::ApiError &e) {
                QCOMPARE(e.code, QStringLiteral("invalid_signature"));
            }
        }
    }

    void noSecretInAnyLog()
    {
        // Every category on, in the client (this process) and the server.
        QLoggingCategory::setFilterRules(QStringLiteral("*=true"));
        qputenv("QT_LOGGING_RULES", "*=true");
        captured.clear();
        previousHandler = qInstallMessageHandler(capture);

        DevServerProcess server;
        DevServerProcess::Options options;
        options.chatSecret = QStringLiteral("chat_secret_f7Qz81");
        options.agentKey = QStringLiteral("sk_test_agent_Kp93x");
        options.publishableKey = QStringLiteral("pk_test_agent_Lm27w");
        options.extraArgs = {QStringLiteral("--retry-ms"), QStringLiteral("20")};
        const bool started = server.start(options);
        QStringList secrets {options.chatSecret, options.agentKey, options.publishableKey};
        {
            QVERIFY2(started, qPrintable(server.errorString()));
            ChatClient client(server.team());
            client.setBaseUrl(server.baseUrl());
            TransportOptions o;
            o.retryBaseDelayMs = 20;
            o.reconnectDelayMs = 20;
            client.setTransportOptions(o);

            Ticket ticket;
            QVERIFY(finish(client.tickets().create(QStringLiteral("Logs"), QStringLiteral("Hi")),
                           &ticket));
            secrets << client.sessionToken(); // the anonymous token
            QStringList received;
            Subscription sub =
                client.onMessage(ticket.id(), [&](const Message &m) { received.append(m.id()); });
            QTRY_COMPARE_WITH_TIMEOUT(client.connectionState(), ConnectionState::Streaming, 10000);

            const QByteArray customer = R"({"id":"log_user","email":"l@example.com"})";
            const QString signature = DevServerProcess::hmacHex(server.chatSecret(), customer);
            secrets << signature;
            Customer identified;
            QVERIFY(finish(client.identify(customer, signature), &identified));
            secrets << client.sessionToken(); // the identified token
            QVERIFY(finish(client.messages().send(ticket.id(), QStringLiteral("after identify"))));
            QVERIFY(finish(client.sendTyping(ticket.id(), true)));
            TestHttp agent(server);
            QCOMPARE(agent
                         .agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticket.id()),
                                {{QStringLiteral("content"), QStringLiteral("agent says")}})
                         .status,
                     201);
            QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 2, 10000);
            // A failed identify (forged) and a rejected token are logged too.
            QVERIFY(!finish(
                client.identify(customer, QString(signature).replace(0, 2, QStringLiteral("00")))));
            QCOMPARE(agent
                         .chat("GET", QStringLiteral("/tickets"), {},
                               secrets.at(3) + QStringLiteral("x"))
                         .status,
                     401);
            client.setRealtime(false); // the polling path logs too
            QTRY_VERIFY_WITH_TIMEOUT(client.connectionState() == ConnectionState::Polling, 10000);
            QVERIFY(finish(client.logout()));
        }
        server.stop(); // flushes the server's stderr
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
        qputenv("QT_LOGGING_RULES", "cstar.*.debug=false");

        const QByteArray serverLog = server.standardError();
        const QByteArray all = captured + serverLog;
        // The flow really was logged, on both sides.
        QVERIFY2(captured.contains("cstar.chat"), "no client log captured");
        QVERIFY2(serverLog.contains("cstar.devserver"), "no server log captured");
        qInfo("checked %lld bytes of client log and %lld bytes of server log",
              qint64(captured.size()), qint64(serverLog.size()));
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY(!secret.isEmpty());
            if (all.contains(secret.toUtf8())) {
                const qsizetype at = all.indexOf(secret.toUtf8());
                qWarning("context: %s", all.mid(qMax<qsizetype>(0, at - 200), 300).constData());
            }
            QVERIFY2(!all.contains(secret.toUtf8()),
                     qPrintable(QStringLiteral("a secret (%1…) is in a log").arg(secret.left(6))));
            // Nor a meaningful piece of it (e.g. a token cut in half).
            QVERIFY2(!all.contains(secret.toUtf8().right(16)),
                     qPrintable(
                         QStringLiteral("part of a secret (%1…) is in a log").arg(secret.left(6))));
        }
    }

    void sessionFileIsPrivate_data()
    {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("keychain off: file") << false;
        QTest::newRow("keychain unavailable: file fallback") << true;
    }
    void sessionFileIsPrivate()
    {
        QFETCH(bool, keychain);
        // A permissive umask must not make the token file readable by others.
        const mode_t oldMask = ::umask(0);
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir dir;
        ChatClient client(server.team());
        client.setBaseUrl(server.baseUrl());
        ChatState state;
        state.setKeychainEnabled(keychain);
        state.setKeychainTimeout(300);
        state.setStorageDirectory(dir.path());
        state.setClient(&client);
        QTRY_VERIFY_WITH_TIMEOUT(state.isRestored(), 10000);
        if (keychain && state.tokenStorage() != ChatState::TokenStorage::File) {
            ::umask(oldMask);
            QSKIP("a system keychain answered: the token is not in a file here");
        }
        Ticket ticket;
        QVERIFY(finish(client.tickets().create(QStringLiteral("Private")), &ticket));
        QStringList files;
        QTRY_VERIFY_WITH_TIMEOUT(
            (files = QDir(dir.path()).entryList({QStringLiteral("session-*.json")}, QDir::Files))
                    .size()
                == 1,
            10000);
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(dir.filePath(files.first())).constData(), &info), 0);
        ::umask(oldMask);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        QFile file(dir.filePath(files.first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(client.sessionToken().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
