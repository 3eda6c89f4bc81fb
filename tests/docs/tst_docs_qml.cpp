// SPDX-License-Identifier: MIT
// Runs every ```qml block of docs/client.md as a Qt Quick Test against a
// devserver. The page is read when the test starts (no rebuild needed) and
// turned into one TestCase:
// - a block starting with `import` is a QML document that must load;
// - any other block is a function body with `chat` (a fresh ChatClient,
//   identified when the line before the fence is `<!-- qml-test: identified -->`)
//   and `yourBackend` (signs like a Node backend) in scope; its last
//   top-level statement is returned, and that promise must resolve.
#include "devserverhelper.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

namespace {

struct Snippet
{
    QStringList lines;
    bool identified = false;
    int line = 0; // 1-based, in the page
};

QList<Snippet> qmlSnippets(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(path));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QList<Snippet> snippets;
    Snippet *current = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (!current && line == QLatin1String("```qml")) {
            snippets.append(Snippet());
            current = &snippets.last();
            current->line = i + 1;
            current->identified = i > 0
                && lines.at(i - 1).trimmed() == QLatin1String("<!-- qml-test: identified -->");
        } else if (current && line == QLatin1String("```")) {
            current = nullptr;
        } else if (current) {
            current->lines.append(line);
        }
    }
    return snippets;
}

bool isDocument(const Snippet &s)
{
    return !s.lines.isEmpty() && s.lines.first().startsWith(QLatin1String("import "));
}

/// The block as a function body returning its last top-level statement.
QString functionBody(QStringList lines)
{
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QString &l = lines.at(i);
        if (l.isEmpty() || l.at(0).isSpace() || l.startsWith(QLatin1String("//"))
            || QStringLiteral(".)}]").contains(l.at(0)))
            continue;
        lines[i] = QStringLiteral("return ") + l;
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

QString jsString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString testCaseSource(const QList<Snippet> &snippets)
{
    QString out = QStringLiteral(R"(import QtQuick
import QtTest
import CStar.Chat

TestCase {
    id: testCase
    name: "DocsQml"

    Component {
        id: clientComponent
        ChatClient {
            teamSlug: devServer.team
            baseUrl: devServer.baseUrl
        }
    }

    // Your server: hex(HMAC-SHA256(secret, JSON.stringify(customer))), computed
    // by Node when it is installed.
    readonly property var yourBackend: ({
        sign: function (customer) {
            const text = JSON.stringify(customer);
            const byNode = devServer.nodeSign(text);
            return byNode.length > 0 ? byNode : devServer.sign(text);
        }
    })

    function settle(promise) {
        const outcome = { done: false };
        Promise.resolve(promise).then(function (value) {
            outcome.ok = true; outcome.value = value; outcome.done = true;
        }, function (error) {
            outcome.ok = false; outcome.value = error; outcome.done = true;
        });
        tryVerify(() => outcome.done, 15000, "the snippet's promise settled");
        return outcome;
    }

    function newChat(identified) {
        const chat = createTemporaryObject(clientComponent, testCase);
        verify(chat !== null);
        if (identified) {
            const json = devServer.customerJson("cus_docs_" + Math.random().toString(36).slice(2),
                                                "Docs Reader", "docs@example.com");
            const outcome = settle(chat.identify(json, devServer.sign(json)));
            verify(outcome.ok, "identify");
        }
        return chat;
    }

    function initTestCase() {
        verify(devServer.running, devServer.errorString);
    }

    function test_pageHasQmlSnippets() {
        verify(%1 >= 5, "docs/client.md has its QML snippets");
    }
)");
    out = out.arg(snippets.size());
    for (int i = 0; i < snippets.size(); ++i) {
        const Snippet &s = snippets.at(i);
        const QString name = QStringLiteral("line%1").arg(s.line, 4, 10, QLatin1Char('0'));
        if (isDocument(s)) {
            out += QStringLiteral(R"(
    function test_%1() {
        const object = Qt.createQmlObject(%2, testCase, "docs/client.md:%3");
        verify(object !== null);
        object.destroy();
    }
)")
                       .arg(name, jsString(s.lines.join(QLatin1Char('\n'))))
                       .arg(s.line);
        } else {
            out += QStringLiteral(R"(
    function snippet_%1(chat, yourBackend) {
%2
    }
    function test_%1() {
        const chat = newChat(%3);
        const outcome = settle(snippet_%1(chat, yourBackend));
        verify(outcome.ok, outcome.ok ? "" : "docs/client.md:%4: " + outcome.value);
    }
)")
                       .arg(name, functionBody(s.lines),
                            s.identified ? QStringLiteral("true") : QStringLiteral("false"))
                       .arg(s.line);
        }
    }
    out += QStringLiteral("}\n");
    return out;
}

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        qputenv("XDG_DATA_HOME", m_dataHome.path().toUtf8());
        m_server = std::make_unique<CStar::Testing::DevServerHelper>(QStringList {});
        if (!m_server->isRunning())
            qWarning("cstar-devserver did not start: %s", qPrintable(m_server->errorString()));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->rootContext()->setContextProperty(QStringLiteral("devServer"), m_server.get());
    }
    void cleanupTestCase() { m_server.reset(); }

private:
    QTemporaryDir m_dataHome;
    std::unique_ptr<CStar::Testing::DevServerHelper> m_server;
};

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("tst_docs.qml")));
    if (!dir.isValid() || !out.open(QIODevice::WriteOnly))
        qFatal("cannot write the generated test");
    out.write(testCaseSource(qmlSnippets(QStringLiteral(CSTAR_DOCS_CLIENT_MD))).toUtf8());
    out.close();
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "tst_docs_qml", qPrintable(dir.path()), &setup);
}

#include "tst_docs_qml.moc"
