// SPDX-License-Identifier: MIT
// RichText, the safe message text of both UIs: whatever a message says, no
// javascript:, file: or data: link is clickable, no image is loaded, and raw
// HTML is shown as text.
#include "chattext.h"
#include "richtext.h"

#include <QTest>

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <algorithm>

using namespace CStar;

namespace {

/// Records every resource the layout asks for (an image would be one).
class RecordingDocument : public QTextDocument
{
public:
    QList<QUrl> requested;

protected:
    QVariant loadResource(int, const QUrl &name) override
    {
        requested << name;
        return {};
    }
};

struct Parts
{
    QStringList hrefs; ///< every link target
    int images = 0;
    QString text;
};

Parts partsOf(const QTextDocument &doc)
{
    Parts parts;
    parts.text = doc.toPlainText();
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                ++parts.images;
            if (format.isAnchor() || !format.anchorHref().isEmpty())
                parts.hrefs << format.anchorHref();
        }
    }
    return parts;
}

/// What a rich-text label makes of the HTML (QML's Text.RichText).
Parts partsOfHtml(const QString &html)
{
    RecordingDocument doc;
    doc.setHtml(html);
    doc.size(); // lay out
    Parts parts = partsOf(doc);
    if (!doc.requested.isEmpty())
        parts.images += int(doc.requested.size());
    return parts;
}

} // namespace

class TestRichText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unsafeLinks_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<bool>("markdown");
        QTest::addColumn<QString>("visible"); ///< text that must still show
        QTest::newRow("md javascript") << "[click](javascript:alert(1))" << true << "click";
        QTest::newRow("md JavaScript mixed case")
            << "[click](JaVaScRiPt:alert(1))" << true << "click";
        QTest::newRow("md javascript spaces")
            << "[click](  javascript:alert(1)  )" << true << "click";
        QTest::newRow("md javascript entity")
            << "[click](jav&#x61;script:alert(1))" << true << "click";
        QTest::newRow("md javascript decimal entities")
            << "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1))" << true
            << "click";
        QTest::newRow("md javascript tab entity")
            << "[click](java&#9;script:alert(1))" << true << "click";
        QTest::newRow("md javascript newline entity")
            << "[click](java&#10;script:alert(1))" << true << "click";
        QTest::newRow("md javascript escaped colon")
            << "[click](javascript&colon;alert(1))" << true << "click";
        QTest::newRow("md javascript angle destination")
            << "[click](<javascript:alert(1)>)" << true << "click";
        QTest::newRow("md vbscript") << "[click](vbscript:msgbox(1))" << true << "click";
        QTest::newRow("md file") << "[passwd](file:///etc/passwd)" << true << "passwd";
        QTest::newRow("md FILE upper") << "[ini](FILE:///C:/Windows/win.ini)" << true << "ini";
        QTest::newRow("md data html")
            << "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" << true << "x";
        QTest::newRow("md qrc") << "[x](qrc:/main.qml)" << true << "x";
        QTest::newRow("md relative") << "[x](/etc/passwd)" << true << "x";
        QTest::newRow("autolink javascript") << "<javascript:alert(1)>" << true << "alert";
        QTest::newRow("autolink file") << "<file:///etc/passwd>" << true << "passwd";
        QTest::newRow("autolink data") << "<data:text/html,hi>" << true << "data";
        QTest::newRow("reference javascript")
            << "[click][r]\n\n[r]: javascript:alert(1)" << true << "click";
        QTest::newRow("reference file")
            << "[click][r]\n\n[r]: file:///etc/passwd \"t\"" << true << "click";
        QTest::newRow("reference data")
            << "[click][R]\n\n[r]: DATA:text/html,<b>x</b>" << true << "click";
        QTest::newRow("raw a href") << "<a href=\"javascript:alert(1)\">x</a>" << true << "<a href";
        QTest::newRow("raw a href https")
            << "<a href=\"https://example.com\">x</a>" << true << "<a href";
        QTest::newRow("plain javascript")
            << "javascript:alert(1)" << false << "javascript:alert(1)";
        QTest::newRow("plain file") << "see file:///etc/passwd" << false << "file:///etc/passwd";
        QTest::newRow("plain raw a href") << "<a href=\"javascript:alert(1)\">x</a>" << false
                                          << "<a href=\"javascript:alert(1)\">";
    }

    /// Only safe links survive, in the document (widgets) and in the HTML
    /// (QML); the text stays readable.
    void unsafeLinks()
    {
        QFETCH(QString, content);
        QFETCH(bool, markdown);
        QFETCH(QString, visible);
        QTextDocument doc;
        RichText::setContent(&doc, content, markdown);
        const Parts parts = partsOf(doc);
        QVERIFY2(parts.text.contains(visible), qPrintable(parts.text));
        for (const QString &href : parts.hrefs)
            QVERIFY2(ChatText::isSafeLink(QUrl(href)), qPrintable(href));

        const QString html = markdown ? RichText::markdownToHtml(content, Qt::blue)
                                      : RichText::plainTextToHtml(content, Qt::blue);
        const Parts shown = partsOfHtml(html);
        for (const QString &href : shown.hrefs)
            QVERIFY2(ChatText::isSafeLink(QUrl(href)), qPrintable(href));
        QVERIFY2(!html.contains(QLatin1String("href=\"javascript"), Qt::CaseInsensitive),
                 qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<a href=\"file:"), Qt::CaseInsensitive),
                 qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<a href=\"data:"), Qt::CaseInsensitive),
                 qPrintable(html));
        // The sender's raw <a> is text, never a link.
        if (content.startsWith(QLatin1String("<a href")))
            QVERIFY2(shown.hrefs.isEmpty(), qPrintable(html));
    }

    void safeLinks()
    {
        QTextDocument doc;
        RichText::setContent(
            &doc,
            QStringLiteral("[docs](https://example.com/docs), <https://a.example>, "
                           "[mail](mailto:help@example.com) and www.b.example"),
            true);
        const Parts parts = partsOf(doc);
        QVERIFY2(parts.hrefs.contains(QStringLiteral("https://example.com/docs")),
                 qPrintable(parts.hrefs.join(QLatin1Char(' '))));
        QVERIFY(parts.hrefs.contains(QStringLiteral("https://a.example")));
        QVERIFY(parts.hrefs.contains(QStringLiteral("mailto:help@example.com")));
        QVERIFY(std::any_of(parts.hrefs.cbegin(), parts.hrefs.cend(), [](const QString &href) {
            return href.contains(QLatin1String("www.b.example"));
        }));

        // Plain text: its addresses become links (sentence punctuation not included).
        RichText::setContent(&doc, QStringLiteral("Look: https://example.com/x. Or www.c.example!"),
                             false);
        const Parts plain = partsOf(doc);
        QCOMPARE(plain.hrefs,
                 (QStringList {QStringLiteral("https://example.com/x"),
                               QStringLiteral("https://www.c.example")}));

        // The link colour reaches the HTML (QML's Text.linkColor does not apply to rich text).
        const QString html = RichText::plainTextToHtml(QStringLiteral("https://example.com"),
                                                       QColor(0x12, 0x34, 0x56));
        QVERIFY2(html.contains(QLatin1String("#123456")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("<a href=\"https://example.com\"")));
    }

    void images_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("linked");
        QTest::newRow("remote") << "![x](http://tracker.example/pixel.png)"
                                << "http://tracker.example/pixel.png" << true;
        QTest::newRow("remote https title") << "see ![chart](https://example.com/c.png \"Chart\")"
                                            << "https://example.com/c.png" << true;
        QTest::newRow("reference") << "![x][img]\n\n[img]: https://example.com/r.png"
                                   << "https://example.com/r.png" << true;
        QTest::newRow("local file") << "![x](file:///home/user/secret.png)"
                                    << "file:///home/user/secret.png" << false;
        QTest::newRow("relative") << "![x](secret.png)"
                                  << "secret.png" << false;
        QTest::newRow("qrc") << "![x](qrc:/icons/logo.png)"
                             << "qrc:/icons/logo.png" << false;
        QTest::newRow("data") << "![x](data:image/png;base64,iVBORw0KGgo=)"
                              << "data:image/png;base64,iVBORw0KGgo=" << false;
        QTest::newRow("javascript") << "![x](javascript:alert(1))"
                                    << "javascript:alert(1)" << false;
        QTest::newRow("in a link") << "[![x](https://example.com/i.png)](https://example.com)"
                                   << "https://example.com/i.png" << true;
    }

    /// No image is ever fetched or shown: each becomes "[image: address]",
    /// a link only when the address is safe.
    void images()
    {
        QFETCH(QString, content);
        QFETCH(QString, address);
        QFETCH(bool, linked);
        RecordingDocument doc;
        RichText::setContent(&doc, content, true);
        doc.setTextWidth(300);
        doc.size(); // lay out: an image left in would be requested now
        QVERIFY2(doc.requested.isEmpty(), qPrintable(doc.requested.value(0).toString()));
        const Parts parts = partsOf(doc);
        QCOMPARE(parts.images, 0);
        QVERIFY2(parts.text.contains(ChatText::imageText(address)), qPrintable(parts.text));
        QCOMPARE(parts.hrefs.contains(address), linked);
        for (const QString &href : parts.hrefs)
            QVERIFY2(ChatText::isSafeLink(QUrl(href)), qPrintable(href));

        const QString html = RichText::markdownToHtml(content, Qt::blue);
        QVERIFY2(!html.contains(QLatin1String("<img"), Qt::CaseInsensitive), qPrintable(html));
        const Parts shown = partsOfHtml(html);
        QCOMPARE(shown.images, 0);
    }

    void rawHtml_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<bool>("markdown");
        QTest::newRow("md script") << "<script>alert(1)</script>" << true;
        QTest::newRow("md img") << "<img src=\"http://tracker.example/p.png\">" << true;
        QTest::newRow("md img onerror") << "hi <img src=x onerror=alert(1)> there" << true;
        QTest::newRow("md style") << "<style>body{display:none}</style>" << true;
        QTest::newRow("md iframe") << "<iframe src=\"https://evil.example\"></iframe>" << true;
        QTest::newRow("md a href") << "<a href=\"https://evil.example\">bank</a>" << true;
        QTest::newRow("md html block") << "<div>\n<img src=\"file:///etc/passwd\">\n</div>" << true;
        QTest::newRow("plain script") << "<script>alert(1)</script>" << false;
        QTest::newRow("plain img") << "<img src=\"http://tracker.example/p.png\">" << false;
    }

    /// Raw HTML is shown as the text it is: no element of the sender's is
    /// ever interpreted (no image, no link, no script, no style).
    void rawHtml()
    {
        QFETCH(QString, content);
        QFETCH(bool, markdown);
        RecordingDocument doc;
        RichText::setContent(&doc, content, markdown);
        doc.size();
        QVERIFY(doc.requested.isEmpty());
        const Parts parts = partsOf(doc);
        QCOMPARE(parts.images, 0);
        // Plain text may link an address it names (a safe one), never the
        // sender's <a>.
        for (const QString &href : parts.hrefs)
            QVERIFY2(ChatText::isSafeLink(QUrl(href)), qPrintable(href));
        if (content.contains(QLatin1String("<a ")) || markdown)
            QVERIFY2(parts.hrefs.isEmpty(), qPrintable(parts.hrefs.join(QLatin1Char(' '))));
        // The tag is there to read.
        const QString tag = content.mid(content.indexOf(QLatin1Char('<')), 4);
        QVERIFY2(parts.text.contains(tag), qPrintable(parts.text));

        const QString html = markdown ? RichText::markdownToHtml(content, Qt::blue)
                                      : RichText::plainTextToHtml(content, Qt::blue);
        QVERIFY2(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<img"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<iframe"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("&lt;")), qPrintable(html));
        const Parts shown = partsOfHtml(html);
        QCOMPARE(shown.images, 0);
        QCOMPARE(shown.hrefs, parts.hrefs);
        QCOMPARE(shown.text.trimmed(), parts.text.trimmed());
    }

    void markdownStillRenders()
    {
        QTextDocument doc;
        RichText::setContent(&doc, QStringLiteral("**bold** and `code`"), true);
        QCOMPARE(doc.toPlainText(), QStringLiteral("bold and code"));
    }
};

QTEST_MAIN(TestRichText)
#include "tst_richtext.moc"
