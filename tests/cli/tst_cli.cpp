// SPDX-License-Identifier: MIT
// End-to-end tests of cstar-chat: the real binary (QProcess) against a real
// cstar-devserver started by the fixture (port 0, temporary database), with
// a temporary session file per test.
#include "cannedserver.h"
#include "devserverprocess.h"
#include "faultproxy.h"
#include "testhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using CStar::Testing::DevServerProcess;
using CStar::Testing::TestHttp;

namespace {

constexpr int processTimeoutMs = 20000;
constexpr int eventTimeoutMs = 15000;

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray data() const { return json().value(u"data"_s).toArray(); }
    QString describe() const
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(QString::fromUtf8(out),
                                                                      QString::fromUtf8(err));
    }
};

QProcessEnvironment cliEnvironment(const QString &configHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("CSTAR_")))
            env.remove(key);
    }
    env.insert(u"XDG_CONFIG_HOME"_s, configHome); // never touch the real default session
    // Shorten the library's timers (debugging aids documented in --help).
    env.insert(u"CSTAR_RETRY_BASE_DELAY_MS"_s, u"10"_s);
    env.insert(u"CSTAR_RETRY_JITTER_MS"_s, u"10"_s);
    env.insert(u"CSTAR_RECONNECT_DELAY_MS"_s, u"20"_s);
    env.insert(u"CSTAR_RECONNECT_MAX_DELAY_MS"_s, u"200"_s);
    env.insert(u"CSTAR_POLL_ERROR_MAX_DELAY_MS"_s, u"400"_s);
    return env;
}

void configure(QProcess &process, const QProcessEnvironment &env)
{
    process.setProgram(QStringLiteral(CSTAR_CLI_PATH));
    process.setProcessEnvironment(env);
    // A long-running listen must not outlive an aborted test.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

/// A running `listen` / `events`: collects stdout lines and stderr as they arrive.
class StreamingCli
{
public:
    StreamingCli(const QProcessEnvironment &env, const QStringList &arguments)
    {
        configure(m_process, env);
        m_process.setArguments(arguments);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            m_out += m_process.readAllStandardOutput();
            qsizetype newline;
            while ((newline = m_out.indexOf('\n')) >= 0) {
                const QByteArray line = m_out.left(newline);
                m_out.remove(0, newline + 1);
                m_lines.append(QJsonDocument::fromJson(line).object());
                m_rawLines.append(line);
            }
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
        m_process.start();
    }
    ~StreamingCli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QProcess &process() { return m_process; }
    const QList<QJsonObject> &lines() const { return m_lines; }
    QList<QJsonObject> events(const QString &kind) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &line : m_lines) {
            if (line.value(u"event"_s).toString() == kind)
                out.append(line.value(u"data"_s).toObject());
        }
        return out;
    }
    QStringList messageContents() const
    {
        QStringList out;
        for (const QJsonObject &m : events(u"message"_s))
            out.append(m.value(u"content"_s).toString());
        return out;
    }
    QString err() const { return QString::fromUtf8(m_err); }
    int stderrCount(const QString &text) const { return int(err().count(text)); }
    QString describe() const
    {
        return u"stdout: %1\nstderr: %2"_s.arg(QString::fromUtf8(m_rawLines.join('\n')), err());
    }
    /// SIGTERM: the CLI saves its cursor and exits 0.
    int terminate()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(processTimeoutMs))
            return -1;
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QList<QJsonObject> m_lines;
    QByteArrayList m_rawLines;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void help();
    void usageErrors_data();
    void usageErrors();
    void ticketsCreateGetList();
    void notFound();
    void messagesSendListAndPaging();
    void attachmentsSendAndGet();
    void attachmentRefusedAndNotFound();
    void identifyListLogout();
    void identifyBadSignature();
    void sessionFileMode();
    void sessionFileForOtherServer();
    void serverDown();
    void listenAcrossServerRestartAndResume();
    void listenTicketNotFound();
    void eventsRaw();
    void eventsRawPolling();
    void listenBehindHoldingProxy();
    void teamSlugTraversalRefused();
    void serverTextEscaped();
    void sessionPathNotASessionFile();
    void sessionPathSymlinkRefused();
    void sessionParentsPrivateUnderUmask000();

private:
    CliResult run(const QStringList &arguments, const QProcessEnvironment &env = {},
                  const QByteArray &input = {});
    QStringList globals() const;
    QJsonObject createTicket(const QString &title);
    QJsonObject agentReply(const QString &ticketId, const QString &content);

    DevServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_sessionPath;
    QProcessEnvironment m_env;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(CSTAR_CLI_PATH)), CSTAR_CLI_PATH);
    // A short `retry:` so reconnects after the restart test are quick whichever
    // of the server's hint and the client's own delay the library honours.
    DevServerProcess::Options options;
    options.extraArgs = QStringList {u"--retry-ms"_s, u"50"_s};
    QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));
    m_http = std::make_unique<TestHttp>(m_server);
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sessionPath = m_dir->filePath(u"session/cli.json"_s);
    m_env = cliEnvironment(m_dir->filePath(u"config"_s));
}

void TestCli::cleanup()
{
    if (!m_server.isRunning())
        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
}

QStringList TestCli::globals() const
{
    return {u"--server"_s,  m_server.baseUrl().toString(),
            u"--team"_s,    m_server.team(),
            u"--session"_s, m_sessionPath};
}

CliResult TestCli::run(const QStringList &arguments, const QProcessEnvironment &env,
                       const QByteArray &input)
{
    QProcess process;
    configure(process, env.isEmpty() ? m_env : env);
    process.setArguments(arguments);
    process.start();
    process.write(input);
    process.closeWriteChannel();
    CliResult result;
    // With an event loop: some tests serve the CLI from this process (a proxy,
    // a canned server).
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(processTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject TestCli::createTicket(const QString &title)
{
    const CliResult r = run(globals() << u"tickets"_s << u"create"_s << title);
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return r.json();
}

QJsonObject TestCli::agentReply(const QString &ticketId, const QString &content)
{
    const auto r =
        m_http->agent("POST", u"/tickets/%1/messages"_s.arg(ticketId), {{u"content"_s, content}});
    if (r.status != 201)
        qWarning("agent reply failed: %d %s", r.status, r.body.constData());
    return r.data();
}

// ---- usage ------------------------------------------------------------------------

void TestCli::help()
{
    const CliResult r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const char *needle : {"--server",
                               "--team",
                               "--session",
                               "--realtime",
                               "--poll",
                               "--poll-interval",
                               "identify CUSTOMER_JSON SIGNATURE",
                               "logout",
                               "tickets create TITLE",
                               "--message",
                               "--priority",
                               "tickets list",
                               "--status",
                               "--limit",
                               "tickets get ID",
                               "messages list TICKET",
                               "--before",
                               "messages send TICKET TEXT",
                               "--file PATH",
                               "attachments get ATTACHMENT_ID",
                               "-o, --output PATH",
                               "listen",
                               "--ticket",
                               "events --raw",
                               "CSTAR_SERVER",
                               "CSTAR_TEAM",
                               "CSTAR_RECONNECT_DELAY_MS",
                               "Exit codes"})
        QVERIFY2(text.contains(QLatin1String(needle)), needle);

    const CliResult sub = run({u"tickets"_s, u"create"_s, u"--help"_s});
    QCOMPARE(sub.exitCode, 0);
    QVERIFY(sub.out.contains("--priority"));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withGlobals");
    QTest::newRow("no command") << QStringList() << true;
    QTest::newRow("unknown command") << QStringList {u"frobnicate"_s} << true;
    QTest::newRow("tickets alone") << QStringList {u"tickets"_s} << true;
    QTest::newRow("unknown sub-command") << QStringList {u"tickets"_s, u"delete"_s} << true;
    QTest::newRow("missing argument") << QStringList {u"tickets"_s, u"get"_s} << true;
    QTest::newRow("extra argument") << QStringList {u"tickets"_s, u"get"_s, u"a"_s, u"b"_s} << true;
    QTest::newRow("unknown option") << QStringList {u"tickets"_s, u"list"_s, u"--color"_s} << true;
    QTest::newRow("bad limit") << QStringList {u"tickets"_s, u"list"_s, u"--limit"_s, u"many"_s}
                               << true;
    QTest::newRow("limit out of range")
        << QStringList {u"messages"_s, u"list"_s, u"tkt_x"_s, u"--limit"_s, u"0"_s} << true;
    QTest::newRow("events without --raw") << QStringList {u"events"_s} << true;
    QTest::newRow("realtime and poll")
        << QStringList {u"--realtime"_s, u"--poll"_s, u"listen"_s} << true;
    QTest::newRow("bad poll interval")
        << QStringList {u"--poll-interval"_s, u"fast"_s, u"listen"_s} << true;
    QTest::newRow("no team") << QStringList {u"tickets"_s, u"list"_s} << false;
    QTest::newRow("bad server") << QStringList {u"--team"_s, u"acme"_s, u"--server"_s, u"ftp://x"_s,
                                                u"logout"_s}
                                << false;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withGlobals);
    const CliResult r = run(withGlobals ? globals() + arguments : arguments);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("--help"));
    QVERIFY(!QFile::exists(m_sessionPath)); // nothing ran
}

// ---- tickets, messages, identify ----------------------------------------------------

void TestCli::ticketsCreateGetList()
{
    CliResult r =
        run(globals() << u"tickets"_s << u"create"_s << u"Printer on fire"_s << u"--message"_s
                      << u"Smoke everywhere"_s << u"--priority"_s << u"high"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject created = r.json();
    const QString id = created.value(u"id"_s).toString();
    QVERIFY(id.startsWith(u"tkt_"_s));
    QCOMPARE(created.value(u"title"_s).toString(), u"Printer on fire"_s);
    QCOMPARE(created.value(u"priority"_s).toString(), u"high"_s);
    QCOMPARE(created.value(u"messageCount"_s).toInt(), 1);

    // The next run reuses the anonymous session from the session file.
    r = run(globals() << u"tickets"_s << u"get"_s << id);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().value(u"id"_s).toString(), id);
    QCOMPARE(r.json().value(u"lastMessage"_s).toObject().value(u"content"_s).toString(),
             u"Smoke everywhere"_s);

    // Listing needs an identified customer (protocol §5).
    r = run(globals() << u"tickets"_s << u"list"_s);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("identify"), r.err.constData());
    const QByteArray jsonLine = r.err.split('\n').value(1);
    const QJsonObject error =
        QJsonDocument::fromJson(jsonLine).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"kind"_s).toString(), u"AuthRequired"_s);
    QCOMPARE(error.value(u"code"_s).toString(), u"identify_required"_s);
    QVERIFY(!error.value(u"hint"_s).toString().isEmpty());
}

void TestCli::notFound()
{
    CliResult r = run(globals() << u"tickets"_s << u"get"_s << u"tkt_doesnotexist"_s);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    QVERIFY(r.err.contains("NotFound"));
    r = run(globals() << u"messages"_s << u"send"_s << u"tkt_doesnotexist"_s << u"hi"_s);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    // Another customer's ticket is not found either (never leak existence).
    const QString foreign =
        m_http->chat("POST", u"/tickets"_s, {{u"title"_s, u"Not yours"_s}}, m_http->createSession())
            .data()
            .value(u"id"_s)
            .toString();
    QVERIFY(!foreign.isEmpty());
    r = run(globals() << u"messages"_s << u"list"_s << foreign);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
}

/// §11 through the CLI: files attached with --file (TEXT may be empty),
/// printed in the message JSON, fetched back byte for byte to stdout or -o.
void TestCli::attachmentsSendAndGet()
{
    const QString ticket = createTicket(u"Files"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    const QByteArray log("first line\nsecond line: \xc3\xa4\n");
    const QByteArray csv("a,b\n1,2\n");
    QFile logFile(m_dir->filePath(u"app.log"_s));
    QVERIFY(logFile.open(QIODevice::WriteOnly));
    logFile.write(log);
    logFile.close();
    QFile csvFile(m_dir->filePath(u"table.csv"_s));
    QVERIFY(csvFile.open(QIODevice::WriteOnly));
    csvFile.write(csv);
    csvFile.close();

    CliResult r = run(globals() << u"messages"_s << u"send"_s << ticket << QString() << u"--file"_s
                                << logFile.fileName() << u"--file"_s << csvFile.fileName());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray attachments = r.json().value(u"attachments"_s).toArray();
    QCOMPARE(attachments.size(), 2);
    const QJsonObject first = attachments.at(0).toObject();
    QCOMPARE(first.value(u"name"_s).toString(), u"app.log"_s);
    QCOMPARE(first.value(u"contentType"_s).toString(), u"text/plain"_s); // a log is plain text
    QCOMPARE(first.value(u"size"_s).toInteger(), log.size());
    QCOMPARE(attachments.at(1).toObject().value(u"contentType"_s).toString(), u"text/csv"_s);
    const QString id = first.value(u"id"_s).toString();
    QVERIFY(id.startsWith(QLatin1String("att_")));

    // Listed with the message, too.
    r = run(globals() << u"messages"_s << u"list"_s << ticket);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().last().toObject().value(u"attachments"_s).toArray().size(), 2);

    r = run(globals() << u"attachments"_s << u"get"_s << id);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out, log); // stdout holds exactly the bytes

    const QString saved = m_dir->filePath(u"saved.csv"_s);
    r = run(globals() << u"attachments"_s << u"get"_s
                      << attachments.at(1).toObject().value(u"id"_s).toString() << u"-o"_s
                      << saved);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QFile savedFile(saved);
    QVERIFY(savedFile.open(QIODevice::ReadOnly));
    QCOMPARE(savedFile.readAll(), csv);
}

/// A refused file exits 1 with its code and sends nothing; another
/// customer's attachment is not found (4).
void TestCli::attachmentRefusedAndNotFound()
{
    const QString ticket = createTicket(u"Refused"_s).value(u"id"_s).toString();
    QFile fake(m_dir->filePath(u"fake.png"_s));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("not a picture at all");
    fake.close();
    CliResult r = run(globals() << u"messages"_s << u"send"_s << ticket << u"see picture"_s
                                << u"--file"_s << fake.fileName());
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("content_mismatch"), qPrintable(r.describe()));
    r = run(globals() << u"messages"_s << u"list"_s << ticket);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.data().isEmpty()); // nothing sent without its file

    // A large file of a refused type: the refusal, not a network error (an
    // answer before the body is read would reach Qt's client as one).
    QFile large(m_dir->filePath(u"large.bin"_s));
    QVERIFY(large.open(QIODevice::WriteOnly));
    QByteArray block(1024 * 1024, '\0');
    for (int i = 0; i < block.size(); ++i)
        block[i] = char(i * 131); // binary with NULs: application/octet-stream
    for (int i = 0; i < 10; ++i) // 10 MiB: the most §11 allows, more than a server drains
        large.write(block);
    large.close();
    r = run(globals() << u"messages"_s << u"send"_s << ticket << u"big"_s << u"--file"_s
                      << large.fileName());
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("unsupported_media_type"), qPrintable(r.describe()));

    QFile missing(m_dir->filePath(u"missing.txt"_s));
    r = run(globals() << u"messages"_s << u"send"_s << ticket << u"x"_s << u"--file"_s
                      << missing.fileName());
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY(r.err.contains("file_unreadable"));

    // Another customer's attachment: 404, exit 4, nothing written.
    const QString path = m_dir->filePath(u"foreign.txt"_s);
    QFile foreignFile(path);
    QVERIFY(foreignFile.open(QIODevice::WriteOnly));
    foreignFile.write("theirs");
    foreignFile.close();
    // Another (anonymous) customer, with its own session file, sends it.
    const QString foreignSession = m_dir->filePath(u"foreign/cli.json"_s);
    QStringList foreignGlobals = globals();
    foreignGlobals.replace(foreignGlobals.indexOf(m_sessionPath), foreignSession);
    const QString foreignOwnTicket =
        run(foreignGlobals << u"tickets"_s << u"create"_s << u"Theirs"_s)
            .json()
            .value(u"id"_s)
            .toString();
    foreignGlobals = globals();
    foreignGlobals.replace(foreignGlobals.indexOf(m_sessionPath), foreignSession);
    r = run(foreignGlobals << u"messages"_s << u"send"_s << foreignOwnTicket << QString()
                           << u"--file"_s << path);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString foreignAttachment =
        r.json().value(u"attachments"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    QVERIFY(!foreignAttachment.isEmpty());

    r = run(globals() << u"attachments"_s << u"get"_s << foreignAttachment);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("resource_missing"));
    const QString notSaved = m_dir->filePath(u"not-saved"_s);
    r = run(globals() << u"attachments"_s << u"get"_s << foreignAttachment << u"-o"_s << notSaved);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    QVERIFY(!QFile::exists(notSaved));
}

void TestCli::messagesSendListAndPaging()
{
    const QString ticket = createTicket(u"Paging"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    QStringList ids;
    for (const QString &text : {u"one"_s, u"two"_s, u"three"_s}) {
        const CliResult r = run(globals() << u"messages"_s << u"send"_s << ticket << text);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"content"_s).toString(), text);
        QCOMPARE(r.json().value(u"sender"_s).toString(), u"customer"_s);
        QCOMPARE(r.json().value(u"ticketId"_s).toString(), ticket);
        ids.append(r.json().value(u"id"_s).toString());
    }

    CliResult r = run(globals() << u"messages"_s << u"list"_s << ticket);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().size(), 3);
    QCOMPARE(r.data().at(0).toObject().value(u"content"_s).toString(), u"one"_s);
    QCOMPARE(r.json().value(u"hasMore"_s).toBool(), false);

    // Newest page of two, then page back with --before.
    r = run(globals() << u"messages"_s << u"list"_s << ticket << u"--limit"_s << u"2"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().size(), 2);
    QCOMPARE(r.data().at(0).toObject().value(u"id"_s).toString(), ids.at(1));
    QCOMPARE(r.data().at(1).toObject().value(u"id"_s).toString(), ids.at(2));
    QCOMPARE(r.json().value(u"hasMore"_s).toBool(), true);
    const QString cursor = r.json().value(u"nextCursor"_s).toString();
    QCOMPARE(cursor, ids.at(1));

    r = run(globals() << u"messages"_s << u"list"_s << ticket << u"--before"_s << cursor
                      << u"--limit"_s << u"2"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().size(), 1);
    QCOMPARE(r.data().at(0).toObject().value(u"id"_s).toString(), ids.at(0));
    QCOMPARE(r.json().value(u"hasMore"_s).toBool(), false);

    // An unknown --before id is a validation error: exit 1, param named.
    r = run(globals() << u"messages"_s << u"list"_s << ticket << u"--before"_s << u"msg_nope"_s);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY(r.err.contains("Validation"));
}

void TestCli::identifyListLogout()
{
    const QString ticket = createTicket(u"Before identify"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());

    // Keys deliberately unsorted: the signature covers these exact bytes.
    const QByteArray customer =
        R"({"name":"Ada Lovelace","id":"user-42","email":"ada@example.com"})";
    const QString signature = DevServerProcess::hmacHex(m_server.chatSecret(), customer);
    CliResult r = run(globals() << u"identify"_s << QString::fromUtf8(customer) << signature);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().value(u"externalId"_s).toString(), u"user-42"_s);
    QCOMPARE(r.json().value(u"name"_s).toString(), u"Ada Lovelace"_s);
    QVERIFY(r.json().value(u"id"_s).toString().startsWith(u"cus_"_s));

    QFile file(m_sessionPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject session = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QCOMPARE(session.value(u"kind"_s).toString(), u"identified"_s);
    QCOMPARE(session.value(u"customer"_s).toObject().value(u"externalId"_s).toString(),
             u"user-42"_s);

    // The anonymous ticket moved to the customer.
    r = run(globals() << u"tickets"_s << u"list"_s << u"--limit"_s << u"10"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QStringList listed;
    for (const QJsonValue &v : r.data())
        listed.append(v.toObject().value(u"id"_s).toString());
    QVERIFY2(listed.contains(ticket), qPrintable(r.describe()));
    QVERIFY(r.json().contains(u"hasMore"_s));
    QVERIFY(r.json().contains(u"nextCursor"_s));

    // --status filters, and the exact bytes can come from a file too.
    r = run(globals() << u"tickets"_s << u"list"_s << u"--status"_s << u"closed"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().size(), 0);
    QFile customerFile(m_dir->filePath(u"customer.json"_s));
    QVERIFY(customerFile.open(QIODevice::WriteOnly));
    customerFile.write(customer);
    customerFile.close();
    r = run(globals() << u"identify"_s << u"@"_s + customerFile.fileName() << signature);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run(globals() << u"identify"_s << u"-"_s << signature, {}, customer);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().value(u"externalId"_s).toString(), u"user-42"_s);

    // Ticket paging with --limit and --cursor.
    const QString newer = createTicket(u"After identify"_s).value(u"id"_s).toString();
    r = run(globals() << u"tickets"_s << u"list"_s << u"--limit"_s << u"1"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().size(), 1);
    QCOMPARE(r.data().at(0).toObject().value(u"id"_s).toString(), newer);
    QCOMPARE(r.json().value(u"hasMore"_s).toBool(), true);
    const QString ticketCursor = r.json().value(u"nextCursor"_s).toString();
    QVERIFY(!ticketCursor.isEmpty());
    r = run(globals() << u"tickets"_s << u"list"_s << u"--limit"_s << u"1"_s << u"--cursor"_s
                      << ticketCursor);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.data().size(), 1);
    QCOMPARE(r.data().at(0).toObject().value(u"id"_s).toString(), ticket);

    r = run(globals() << u"logout"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(u"token"_s).toString(),
             QString());
    file.close();

    r = run(globals() << u"tickets"_s << u"list"_s);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    r = run(globals() << u"tickets"_s << u"get"_s << ticket);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
}

void TestCli::identifyBadSignature()
{
    const QString ticket = createTicket(u"Keep me"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    const QByteArray customer = R"({"id":"user-7"})";
    // Signed over other bytes (a re-serialised form): rejected.
    const QString signature =
        DevServerProcess::hmacHex(m_server.chatSecret(), QByteArray(R"({"id": "user-7"})"));
    const CliResult r = run(globals() << u"identify"_s << QString::fromUtf8(customer) << signature);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY(r.err.contains("invalid_signature"));
    // The anonymous session survives a rejected signature: its ticket is still there.
    const CliResult get = run(globals() << u"tickets"_s << u"get"_s << ticket);
    QVERIFY2(get.exitCode == 0, qPrintable(get.describe()));
}

void TestCli::sessionFileMode()
{
    QVERIFY(!createTicket(u"Mode"_s).isEmpty());
    const QFileDevice::Permissions perms = QFile::permissions(m_sessionPath);
    QVERIFY(perms.testFlag(QFileDevice::ReadOwner));
    QVERIFY(perms.testFlag(QFileDevice::WriteOwner));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    QVERIFY2(!(perms & others), qPrintable(QString::number(int(perms), 16)));

    // A file loosened by hand is tightened on the next write.
    QVERIFY(QFile::setPermissions(m_sessionPath,
                                  perms | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const CliResult r = run(globals() << u"logout"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(!(QFile::permissions(m_sessionPath) & others));

    QFile file(m_sessionPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(o.value(u"team"_s).toString(), m_server.team());
    QVERIFY(o.contains(u"token"_s));
    QVERIFY(o.contains(u"kind"_s));
    QVERIFY(o.contains(u"customer"_s));
    QVERIFY(o.contains(u"lastEventId"_s));
}

void TestCli::sessionFileForOtherServer()
{
    const QString ticket = createTicket(u"Mine"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    // Same file, another team: the token is not sent there; a new session starts.
    QStringList args = globals();
    args[3] = u"other-team"_s;
    CliResult r = run(args << u"tickets"_s << u"get"_s << ticket);
    QVERIFY(r.err.contains("another server or team"));
    QVERIFY(r.exitCode != 0);
}

void TestCli::serverDown()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now

    QProcessEnvironment env = m_env;
    env.insert(u"CSTAR_MAX_RETRIES"_s, u"1"_s);
    const CliResult r =
        run({u"--server"_s, u"http://127.0.0.1:%1"_s.arg(port), u"--team"_s, m_server.team(),
             u"--session"_s, m_sessionPath, u"tickets"_s, u"create"_s, u"Anyone?"_s},
            env);
    QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
    QVERIFY(r.err.contains("Network"));
    QVERIFY(r.out.isEmpty());
}

// ---- streaming ------------------------------------------------------------------------

void TestCli::listenAcrossServerRestartAndResume()
{
    const QString ticket = createTicket(u"Live"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());

    {
        StreamingCli listen(m_env, globals() << u"listen"_s);
        // The stream is open (its first byte arrived): nothing after this is missed.
        QTRY_VERIFY2_WITH_TIMEOUT(listen.err().contains(u"connection: streaming"_s),
                                  qPrintable(listen.describe()), eventTimeoutMs);

        agentReply(ticket, u"first"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() == 1,
                                  qPrintable(listen.describe()), eventTimeoutMs);
        const QJsonObject first = listen.events(u"message"_s).at(0);
        QCOMPARE(first.value(u"content"_s).toString(), u"first"_s);
        QCOMPARE(first.value(u"sender"_s).toString(), u"agent"_s);
        QCOMPARE(first.value(u"ticketId"_s).toString(), ticket);
        QVERIFY(first.value(u"id"_s).toString().startsWith(u"msg_"_s));

        // Typing is delivered too (live only).
        const auto typing =
            m_http->agent("POST", u"/tickets/%1/typing"_s.arg(ticket), {{u"isTyping"_s, true}});
        QCOMPARE(typing.status, 204);
        QTRY_VERIFY2_WITH_TIMEOUT(listen.events(u"typing"_s).size() == 1,
                                  qPrintable(listen.describe()), eventTimeoutMs);
        QCOMPARE(listen.events(u"typing"_s).at(0).value(u"ticketId"_s).toString(), ticket);
        QCOMPARE(listen.events(u"typing"_s).at(0).value(u"isTyping"_s).toBool(), true);

        // Server restart on the same database and port: the CLI reconnects and
        // resumes from its cursor, so the next reply arrives exactly once.
        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        agentReply(ticket, u"second"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() >= 2,
                                  qPrintable(listen.describe()), eventTimeoutMs);
        agentReply(ticket, u"third"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() >= 3,
                                  qPrintable(listen.describe()), eventTimeoutMs);
        QCOMPARE(listen.messageContents(), (QStringList {u"first"_s, u"second"_s, u"third"_s}));
        QVERIFY(listen.stderrCount(u"connection: streaming"_s) >= 2);

        QCOMPARE(listen.terminate(), 0);
    }

    // The cursor was saved: a later listen (polling this time) resumes without
    // a gap and without repeating anything.
    QFile file(m_sessionPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString cursor =
        QJsonDocument::fromJson(file.readAll()).object().value(u"lastEventId"_s).toString();
    QVERIFY(!cursor.isEmpty());
    agentReply(ticket, u"while away"_s);

    StreamingCli listen(m_env,
                        globals() << u"--poll"_s << u"--poll-interval"_s << u"200"_s << u"listen"_s
                                  << u"--ticket"_s << ticket);
    QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() == 1, qPrintable(listen.describe()),
                              eventTimeoutMs);
    QCOMPARE(listen.messageContents().at(0), u"while away"_s);
    QVERIFY(listen.err().contains(u"connection: polling"_s));
    agentReply(ticket, u"live poll"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() >= 2, qPrintable(listen.describe()),
                              eventTimeoutMs);
    // A message of another ticket is not shown by --ticket.
    const QString other = createTicket(u"Other"_s).value(u"id"_s).toString();
    agentReply(other, u"elsewhere"_s);
    agentReply(ticket, u"last"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() >= 3, qPrintable(listen.describe()),
                              eventTimeoutMs);
    QCOMPARE(listen.messageContents(), (QStringList {u"while away"_s, u"live poll"_s, u"last"_s}));
    QCOMPARE(listen.terminate(), 0);
}

void TestCli::listenTicketNotFound()
{
    const CliResult r = run(globals() << u"listen"_s << u"--ticket"_s << u"tkt_nope"_s);
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
}

void TestCli::eventsRaw()
{
    const QString ticket = createTicket(u"Raw"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    StreamingCli events(m_env, globals() << u"events"_s << u"--raw"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(events.err().contains(u"connection: streaming"_s),
                              qPrintable(events.describe()), eventTimeoutMs);

    const QString messageId = agentReply(ticket, u"raw hello"_s).value(u"id"_s).toString();
    auto find = [&events](const QString &type) {
        for (const QJsonObject &line : events.lines()) {
            if (line.value(u"type"_s).toString() == type)
                return line;
        }
        return QJsonObject();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(!find(u"message.created"_s).isEmpty(), qPrintable(events.describe()),
                              eventTimeoutMs);
    const QJsonObject line = find(u"message.created"_s);
    bool numeric = false;
    QVERIFY(line.value(u"id"_s).toString().toLongLong(&numeric) > 0);
    QVERIFY(numeric);
    QVERIFY(line.value(u"data"_s).isString());
    const QJsonObject data =
        QJsonDocument::fromJson(line.value(u"data"_s).toString().toUtf8()).object();
    QCOMPARE(data.value(u"id"_s).toString(), messageId);
    QCOMPARE(data.value(u"content"_s).toString(), u"raw hello"_s);
    // The agent's first reply opens the ticket: a ticket.updated follows.
    QTRY_VERIFY2_WITH_TIMEOUT(!find(u"ticket.updated"_s).isEmpty(), qPrintable(events.describe()),
                              eventTimeoutMs);
    for (const QJsonObject &l : events.lines())
        QVERIFY(l.contains(u"type"_s) && l.contains(u"id"_s) && l.contains(u"data"_s));
    QCOMPARE(events.terminate(), 0);
}

void TestCli::eventsRawPolling()
{
    const QString ticket = createTicket(u"Raw poll"_s).value(u"id"_s).toString();
    QVERIFY(!ticket.isEmpty());
    // Polling starts "from now" after its first answer; start from a known cursor
    // instead so the test does not race that first poll.
    {
        StreamingCli events(m_env, globals() << u"events"_s << u"--raw"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(events.err().contains(u"connection: streaming"_s),
                                  qPrintable(events.describe()), eventTimeoutMs);
        QCOMPARE(events.terminate(), 0); // saves the stream's initial cursor
    }
    agentReply(ticket, u"polled"_s);
    StreamingCli events(m_env,
                        globals() << u"--poll"_s << u"--poll-interval"_s << u"200"_s << u"events"_s
                                  << u"--raw"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(events.lines().size() >= 1, qPrintable(events.describe()),
                              eventTimeoutMs);
    const QJsonObject first = events.lines().at(0);
    QCOMPARE(first.value(u"type"_s).toString(), u"message.created"_s);
    QVERIFY(first.value(u"data"_s).toString().contains(u"polled"_s));
    QCOMPARE(events.terminate(), 0);
}

// §9: a reply posted while the stream is held before its first byte (a
// buffering proxy) reaches `listen` exactly once, by the first fallback poll
// from the cursor taken before the stream.
void TestCli::listenBehindHoldingProxy()
{
    CStar::Tools::FaultProxy proxy;
    proxy.setUpstream(QHostAddress::LocalHost, m_server.port());
    CStar::Tools::FaultOptions faults;
    faults.holdBodies = true;
    proxy.setOptions(faults);
    QVERIFY(proxy.listen());
    QStringList args {u"--server"_s,  u"http://127.0.0.1:%1"_s.arg(proxy.port()),
                      u"--team"_s,    m_server.team(),
                      u"--session"_s, m_sessionPath};
    const CliResult created = run(QStringList(args) << u"tickets"_s << u"create"_s << u"Held"_s);
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    const QString ticket = created.json().value(u"id"_s).toString();

    QProcessEnvironment env = m_env;
    env.insert(u"CSTAR_FIRST_BYTE_TIMEOUT_MS"_s, u"1500"_s);
    env.insert(u"CSTAR_STREAM_RETRY_INTERVAL_MS"_s, u"600000"_s);
    StreamingCli listen(env, QStringList(args) << u"--poll-interval"_s << u"200"_s << u"listen"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(proxy.stats().heldStreams >= 1, qPrintable(listen.describe()),
                              eventTimeoutMs);
    agentReply(ticket, u"during the hold"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() >= 1, qPrintable(listen.describe()),
                              eventTimeoutMs);
    agentReply(ticket, u"sync"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(listen.messageContents().size() >= 2, qPrintable(listen.describe()),
                              eventTimeoutMs);
    QCOMPARE(listen.messageContents(), (QStringList {u"during the hold"_s, u"sync"_s}));
    QVERIFY(listen.err().contains(u"connection: polling"_s));
    QCOMPARE(listen.terminate(), 0);
}

void TestCli::teamSlugTraversalRefused()
{
    // Would send the customer token to /api/v1/teams/acme/… (the agent root).
    const CliResult r =
        run({u"--server"_s, m_server.baseUrl().toString(), u"--team"_s, u"../../teams/acme"_s,
             u"--session"_s, m_sessionPath, u"tickets"_s, u"create"_s, u"x"_s});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY(r.err.contains("--team"));
    QVERIFY(!QFile::exists(m_sessionPath));
}

// A hostile server's text (error code, message, hint, param; a ticket title)
// must not reach the terminal raw: no ESC/OSC/BEL/CR/C1/bidi bytes.
void TestCli::serverTextEscaped()
{
    CStar::Testing::CannedServer canned;
    QVERIFY(canned.listen());
    const QByteArray evil = R"(\u001b]0;pwned\u0007\u001b[2J\r\u009b31m\u202e)";
    canned.on("/sessions",
              {CStar::Testing::Canned::http(
                  201, R"({"success":true,"data":{"token":"tok_ok","kind":"anonymous"}})")});
    canned.on("/tickets/tkt_evil",
              {CStar::Testing::Canned::http(
                  404,
                  R"({"success":false,"error":{"type":"not_found_error","code":"c)" + evil
                      + R"(","message":"m)" + evil + R"(","hint":"h)" + evil + R"(","param":"p)"
                      + evil + R"(","request_id":"req_x"}})")});
    canned.on(
        "/tickets/tkt_title",
        {CStar::Testing::Canned::http(
            200,
            R"({"success":true,"data":{"id":"tkt_title","title":"t)" + evil
                + R"(","status":"open","priority":"normal","customerId":"cus_1","messageCount":0,"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"}})")});
    const QStringList args {u"--server"_s,  QString::fromLatin1(canned.baseUrl()),
                            u"--team"_s,    u"acme"_s,
                            u"--session"_s, m_sessionPath};
    auto clean = [](const QByteArray &bytes) {
        for (const char c : bytes) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\n') || u == 0x7f)
                return false;
        }
        return !bytes.contains("\xc2\x9b") && !bytes.contains("\xe2\x80\xae");
    };
    const CliResult failed = run(QStringList(args) << u"tickets"_s << u"get"_s << u"tkt_evil"_s);
    QVERIFY2(failed.exitCode == 4, qPrintable(failed.describe()));
    QVERIFY2(clean(failed.err), failed.err.toPercentEncoding(" \n:").constData());
    QVERIFY(failed.err.contains("\\x1b]0;pwned")); // shown, escaped
    const CliResult ok = run(QStringList(args) << u"tickets"_s << u"get"_s << u"tkt_title"_s);
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
    QVERIFY2(clean(ok.out), ok.out.toPercentEncoding(" \n:").constData());
    // Still the same text once parsed: the escapes are JSON escapes.
    const QString title = ok.json().value(u"title"_s).toString();
    QVERIFY(title.startsWith(u"t\x1b]0;pwned\x07\x1b[2J"_s));
    QVERIFY(title.endsWith(u"\u009b31m\u202e"_s));
}

void TestCli::sessionPathNotASessionFile()
{
    // Any other JSON file (or not JSON at all) is never overwritten with a token.
    const QString path = m_dir->filePath(u"settings.json"_s);
    for (const QByteArray &content : {QByteArray(R"({"theme":"dark"})"), QByteArray("hello")}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        const CliResult r =
            run({u"--server"_s, m_server.baseUrl().toString(), u"--team"_s, m_server.team(),
                 u"--session"_s, path, u"tickets"_s, u"create"_s, u"x"_s});
        QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }
}

void TestCli::sessionPathSymlinkRefused()
{
    const QString target = m_dir->filePath(u"target.json"_s);
    const QString link = m_dir->filePath(u"link.json"_s);
    QVERIFY(QFile::link(target, link)); // dangling: writing through it would create target
    const QStringList args {u"--server"_s,  m_server.baseUrl().toString(),
                            u"--team"_s,    m_server.team(),
                            u"--session"_s, link};
    CliResult r = run(QStringList(args) << u"tickets"_s << u"create"_s << u"x"_s);
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QVERIFY(r.err.contains("symbolic link"));
    QVERIFY(!QFile::exists(target));
    // Nor through a link to a real session file.
    QVERIFY(!createTicket(u"Real"_s).isEmpty());
    QFile::remove(link);
    QVERIFY(QFile::link(m_sessionPath, link));
    const QByteArray before = [&] {
        QFile f(m_sessionPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    r = run(QStringList(args) << u"logout"_s);
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QFile f(m_sessionPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestCli::sessionParentsPrivateUnderUmask000()
{
    const QString path = m_dir->filePath(u"new/nested/dir/session.json"_s);
    QProcess process;
    configure(process, m_env);
    process.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        ::umask(0);
    });
    process.setArguments({u"--server"_s, m_server.baseUrl().toString(), u"--team"_s,
                          m_server.team(), u"--session"_s, path, u"tickets"_s, u"create"_s,
                          u"x"_s});
    process.start();
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(processTimeoutMs));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    for (const QString &dir : {u"new"_s, u"new/nested"_s, u"new/nested/dir"_s}) {
        const QFileDevice::Permissions perms = QFile::permissions(m_dir->filePath(dir));
        QVERIFY2(!(perms & others), qPrintable(dir + u": "_s + QString::number(int(perms), 16)));
    }
    QVERIFY(!(QFile::permissions(path) & others));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
