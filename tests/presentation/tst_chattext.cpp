// SPDX-License-Identifier: MIT
// ChatText: the texts both UIs show (typing, connection, delivery), the one
// preview rule and the link rules (only http, https and mailto are links).
#include "chattext.h"

#include <QHash>
#include <QMetaEnum>
#include <QTest>

using namespace CStar;

class TestChatText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels()
    {
        // Every label says something, and no two say the same thing unless
        // they are the visible text and the name of one control.
        const QMetaEnum labels = QMetaEnum::fromType<ChatText::Label>();
        QVERIFY(labels.keyCount() > 30);
        QHash<QString, QString> seen;
        for (int i = 0; i < labels.keyCount(); ++i) {
            const QString text = ChatText::label(ChatText::Label(labels.value(i)));
            QVERIFY2(!text.trimmed().isEmpty(), labels.key(i));
            if (seen.contains(text))
                QFAIL(qPrintable(QStringLiteral("%1 and %2 both say “%3”")
                                     .arg(seen.value(text), QLatin1String(labels.key(i)), text)));
            seen.insert(text, QLatin1String(labels.key(i)));
        }
        QCOMPARE(ChatText::label(ChatText::SendButton), QStringLiteral("Send"));
        QCOMPARE(ChatText::label(ChatText::AttachScreenshot),
                 QStringLiteral("Attach a screenshot of this window"));
    }

    void attachmentTexts()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(ChatText::fileSizeText(0), QStringLiteral("0 bytes"));
        QCOMPARE(ChatText::fileSizeText(2048), QStringLiteral("2 kB"));
        QCOMPARE(ChatText::fileSizeText(10 * 1024 * 1024), QStringLiteral("10.0 MB"));
        QCOMPARE(ChatText::fileSizeText(-5), QStringLiteral("0 bytes"));
        QCOMPARE(ChatText::attachmentAccessibleText(QStringLiteral("shot.png"), true, 2048),
                 QStringLiteral("Image shot.png, 2 kB"));
        QCOMPARE(ChatText::attachmentAccessibleText(QStringLiteral("a.pdf"), false, 2048),
                 QStringLiteral("File a.pdf, 2 kB"));
        // Progress is clamped: a server or proxy may report more than the total.
        QCOMPARE(ChatText::uploadProgressText(40, 100), QStringLiteral("Uploading… 40 %"));
        QCOMPARE(ChatText::uploadProgressText(500, 100), QStringLiteral("Uploading… 100 %"));
        QCOMPARE(ChatText::uploadProgressText(5, 0), QStringLiteral("Uploading… 0 %"));
        QCOMPARE(ChatText::attachmentCountText(1), QStringLiteral("1 attachment(s)"));
        QCOMPARE(ChatText::characterCountText(12, 5000), QStringLiteral("12 / 5000"));
        const QString name = QStringLiteral("big.iso");
        for (const char *code : {"file_too_large", "unsupported_media_type", "content_mismatch",
                                 "image_too_large", "file_unreadable", "anything_else"}) {
            const QString text = ChatText::attachmentRefusalText(QLatin1String(code), name);
            QVERIFY2(text.contains(name), code);
        }
        QVERIFY(ChatText::attachmentRefusalText(QStringLiteral("too_many_attachments"), name)
                    .contains(QLatin1String("10")));
        QLocale::setDefault(QLocale::system());
    }

    void typingText()
    {
        QCOMPARE(ChatText::typingText({}), QString());
        QCOMPARE(ChatText::typingText({QStringLiteral("Maya")}), QStringLiteral("Maya is typing…"));
        QCOMPARE(ChatText::typingText({QStringLiteral("Maya"), QStringLiteral("Ali")}),
                 QStringLiteral("Maya and Ali are typing…"));
        QCOMPARE(ChatText::typingText(
                     {QStringLiteral("Maya"), QStringLiteral("Ali"), QStringLiteral("Jo")}),
                 QStringLiteral("Several people are typing…"));
        // A name is data, not a format: "%1" in it stays as written.
        QCOMPARE(ChatText::typingText({QStringLiteral("%2"), QStringLiteral("x")}),
                 QStringLiteral("%2 and x are typing…"));
    }

    void connectionText()
    {
        QCOMPARE(ChatText::connectionText(ConnectionState::Connecting, 5000, true),
                 QStringLiteral("Connecting…"));
        QCOMPARE(ChatText::connectionText(ConnectionState::Reconnecting, 5000, true),
                 QStringLiteral("Reconnecting…"));
        QCOMPARE(ChatText::connectionText(ConnectionState::Polling, 5000, true),
                 QStringLiteral("Live updates unavailable — checking every 5 s"));
        QCOMPARE(ChatText::connectionText(ConnectionState::Polling, 1400, true),
                 QStringLiteral("Live updates unavailable — checking every 1 s"));
        QCOMPARE(ChatText::connectionText(ConnectionState::Polling, 10, true),
                 QStringLiteral("Live updates unavailable — checking every 1 s"));
        // Nothing to report: streaming, disconnected, polling by choice.
        QCOMPARE(ChatText::connectionText(ConnectionState::Polling, 5000, false), QString());
        QCOMPARE(ChatText::connectionText(ConnectionState::Streaming, 5000, true), QString());
        QCOMPARE(ChatText::connectionText(ConnectionState::Disconnected, 5000, true), QString());

        QCOMPARE(ChatText::connectionStatusText(ConnectionState::Streaming, 5000),
                 QStringLiteral("Live"));
        QCOMPARE(ChatText::connectionStatusText(ConnectionState::Polling, 5000),
                 QStringLiteral("Polling every 5 s"));
        QCOMPARE(ChatText::connectionStatusText(ConnectionState::Connecting, 5000),
                 QStringLiteral("Connecting…"));
        QCOMPARE(ChatText::connectionStatusText(ConnectionState::Disconnected, 5000),
                 QStringLiteral("Offline"));
    }

    void deliveryTexts()
    {
        QCOMPARE(ChatText::deliveryText(DeliveryState::Sending), QStringLiteral("Sending…"));
        QCOMPARE(ChatText::deliveryText(DeliveryState::Sent), QStringLiteral("Sent"));
        QCOMPARE(ChatText::deliveryText(DeliveryState::Failed), QStringLiteral("Not sent"));
        const QString hi = QStringLiteral("hi");
        QCOMPARE(
            ChatText::messageAccessibleText(QStringLiteral("Maya"), hi, false, DeliveryState::Sent),
            QStringLiteral("Maya: hi"));
        QCOMPARE(ChatText::messageAccessibleText(QStringLiteral("Ana"), hi, true,
                                                 DeliveryState::Sending),
                 QStringLiteral("You: hi, sending"));
        QCOMPARE(
            ChatText::messageAccessibleText(QStringLiteral("Ana"), hi, true, DeliveryState::Failed),
            QStringLiteral("You: hi, not sent"));
        QCOMPARE(ChatText::ticketAccessibleText(QStringLiteral("Order"), QStringLiteral("Open"), 0),
                 QStringLiteral("Order, Open"));
        QCOMPARE(ChatText::ticketAccessibleText(QStringLiteral("Order"), QStringLiteral("Open"), 3),
                 QStringLiteral("Order, Open, 3 unread"));
    }

    void previewText_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("preview");
        QTest::newRow("plain") << "Hello there"
                               << "Hello there";
        QTest::newRow("whitespace") << "  Hello\n\n  there\t!"
                                    << "Hello there !";
        QTest::newRow("bold") << "**Great** news"
                              << "Great news";
        QTest::newRow("underscore bold") << "__Great__ news"
                                         << "Great news";
        QTest::newRow("emphasis") << "*really* _soon_"
                                  << "really soon";
        QTest::newRow("strike") << "~~old~~ new"
                                << "old new";
        QTest::newRow("code") << "run `make`"
                              << "run make";
        QTest::newRow("heading") << "## Update\nDone"
                                 << "Update Done";
        QTest::newRow("quote") << "> you said\nyes"
                               << "you said yes";
        QTest::newRow("bullets") << "- one\n* two\n+ three"
                                 << "one two three";
        QTest::newRow("numbered") << "1. one\n2) two"
                                  << "one two";
        QTest::newRow("link") << "see [the docs](https://example.com/docs)"
                              << "see the docs";
        QTest::newRow("image") << "![chart](https://example.com/c.png) here"
                               << "chart here";
        // Not Markdown markers: they stay.
        QTest::newRow("snake_case") << "set max_retry_count"
                                    << "set max_retry_count";
        QTest::newRow("arithmetic") << "2 * 3 = 6"
                                    << "2 * 3 = 6";
        QTest::newRow("product") << "2*3"
                                 << "2*3";
        QTest::newRow("hash in text") << "ticket #42"
                                      << "ticket #42";
        QTest::newRow("empty") << ""
                               << "";
    }

    /// One rule for both ticket lists (the widget list and QML's used two
    /// different regular expressions before).
    void previewText()
    {
        QFETCH(QString, content);
        QFETCH(QString, preview);
        QCOMPARE(ChatText::previewText(content), preview);
    }

    void isSafeLink_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<bool>("safe");
        QTest::newRow("https") << "https://example.com/a?b=c" << true;
        QTest::newRow("http") << "http://example.com" << true;
        QTest::newRow("HTTPS upper") << "HTTPS://EXAMPLE.COM" << true;
        QTest::newRow("mailto") << "mailto:help@example.com" << true;
        QTest::newRow("javascript") << "javascript:alert(1)" << false;
        QTest::newRow("JavaScript mixed case") << "JaVaScRiPt:alert(1)" << false;
        QTest::newRow("javascript leading space") << " javascript:alert(1)" << false;
        QTest::newRow("javascript tab inside") << "java\tscript:alert(1)" << false;
        QTest::newRow("javascript newline inside") << "java\nscript:alert(1)" << false;
        QTest::newRow("javascript entity") << "jav&#x61;script:alert(1)" << false;
        QTest::newRow("javascript percent") << "javascript%3Aalert(1)" << false;
        QTest::newRow("vbscript") << "vbscript:msgbox(1)" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
        QTest::newRow("FILE upper") << "FILE:///C:/Windows/win.ini" << false;
        QTest::newRow("data html")
            << "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" << false;
        QTest::newRow("data image") << "data:image/png;base64,iVBORw0KGgo=" << false;
        QTest::newRow("qrc") << "qrc:/secret.qml" << false;
        QTest::newRow("relative") << "/etc/passwd" << false;
        QTest::newRow("scheme-relative") << "//evil.example/x" << false;
        QTest::newRow("http without host") << "http:javascript:alert(1)" << false;
        QTest::newRow("mailto empty") << "mailto:" << false;
        QTest::newRow("empty") << "" << false;
    }

    void isSafeLink()
    {
        QFETCH(QString, link);
        QFETCH(bool, safe);
        QCOMPARE(ChatText::isSafeLink(QUrl(link)), safe);
    }

    void findLinks()
    {
        const QString text = QStringLiteral("See https://example.com/a, www.example.org. "
                                            "and (http://x.example/b) javascript:alert(1) "
                                            "file:///etc/passwd data:text/html,hi");
        const QList<ChatText::Link> links = ChatText::findLinks(text);
        QCOMPARE(links.size(), 3);
        QCOMPARE(text.mid(links.at(0).start, links.at(0).length),
                 QStringLiteral("https://example.com/a"));
        QCOMPARE(links.at(0).url, QUrl(QStringLiteral("https://example.com/a")));
        QCOMPARE(text.mid(links.at(1).start, links.at(1).length),
                 QStringLiteral("www.example.org"));
        QCOMPARE(links.at(1).url, QUrl(QStringLiteral("https://www.example.org")));
        QCOMPARE(text.mid(links.at(2).start, links.at(2).length),
                 QStringLiteral("http://x.example/b"));
        for (const ChatText::Link &link : links)
            QVERIFY(ChatText::isSafeLink(link.url));
    }

    void linkifyPlainText()
    {
        QCOMPARE(
            ChatText::linkifyPlainText(QStringLiteral("go to https://example.com/?a=1&b=2 now")),
            QStringLiteral("go to <a href=\"https://example.com/?a=1&amp;b=2\">"
                           "https://example.com/?a=1&amp;b=2</a> now"));
        // Markup in the text is text.
        QCOMPARE(ChatText::linkifyPlainText(
                     QStringLiteral("<script>alert(1)</script>\n<a href=\"javascript:x\">y</a>")),
                 QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;a "
                                "href=&quot;javascript:x&quot;&gt;y&lt;/a&gt;"));
        // An address cannot break out of its attribute.
        const QString html =
            ChatText::linkifyPlainText(QStringLiteral("https://x.example/\"onclick=\"alert(1)"));
        QVERIFY2(!html.contains(QLatin1String("\"onclick")), qPrintable(html));
        QVERIFY(!ChatText::linkifyPlainText(QStringLiteral("javascript:alert(1)"))
                     .contains(QLatin1String("<a")));
    }
};

QTEST_GUILESS_MAIN(TestChatText)
#include "tst_chattext.moc"
