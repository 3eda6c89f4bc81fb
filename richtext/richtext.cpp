// SPDX-License-Identifier: MIT
#include "richtext.h"

#include "chattext.h"

#include <QList>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>

namespace CStar::RichText {

namespace {

struct Span
{
    int position;
    int length;
    QTextCharFormat format;
};

QList<Span> fragments(const QTextDocument &doc, bool (*wanted)(const QTextCharFormat &))
{
    QList<Span> spans;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && wanted(fragment.charFormat()))
                spans.append({fragment.position(), fragment.length(), fragment.charFormat()});
        }
    }
    return spans;
}

void select(QTextCursor &cursor, int position, int length)
{
    cursor.setPosition(position);
    cursor.setPosition(position + length, QTextCursor::KeepAnchor);
}

QTextCharFormat linkFormat(const QUrl &url)
{
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(url.toString(QUrl::FullyEncoded));
    format.setFontUnderline(true);
    return format;
}

/// No image is ever fetched: each one becomes a link to its address that
/// the user may choose to open (plain text when the address is not safe).
void replaceImages(QTextDocument &doc)
{
    const QList<Span> images =
        fragments(doc, [](const QTextCharFormat &f) { return f.isImageFormat(); });
    QTextCursor cursor(&doc);
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        const QString address = it->format.toImageFormat().name();
        const QUrl url(address);
        select(cursor, it->position, it->length);
        cursor.insertText(ChatText::imageText(address),
                          ChatText::isSafeLink(url) ? linkFormat(url) : QTextCharFormat());
    }
}

/// Links whose address is not safe (javascript:, file:, data:, relative…)
/// become their text: nothing to click, nothing that looks clickable.
void defuseLinks(QTextDocument &doc)
{
    const QList<Span> anchors = fragments(
        doc, [](const QTextCharFormat &f) { return f.isAnchor() || !f.anchorHref().isEmpty(); });
    QTextCursor cursor(&doc);
    for (const Span &span : anchors) {
        if (ChatText::isSafeLink(QUrl(span.format.anchorHref())))
            continue;
        QTextCharFormat format = span.format;
        format.clearProperty(QTextFormat::IsAnchor);
        format.clearProperty(QTextFormat::AnchorHref);
        format.clearProperty(QTextFormat::AnchorName);
        format.clearProperty(QTextFormat::TextUnderlineStyle);
        format.clearProperty(QTextFormat::FontUnderline);
        format.clearForeground();
        select(cursor, span.position, span.length);
        cursor.setCharFormat(format);
    }
}

/// Plain text: web addresses become links (Markdown does this itself).
void linkify(QTextDocument &doc)
{
    // One character per document position (setPlainText), so the offsets
    // of the text are the document's.
    const QList<ChatText::Link> links = ChatText::findLinks(doc.toPlainText());
    QTextCursor cursor(&doc);
    for (auto it = links.crbegin(); it != links.crend(); ++it) {
        select(cursor, int(it->start), int(it->length));
        cursor.mergeCharFormat(linkFormat(it->url));
    }
}

void colourLinks(QTextDocument &doc, const QColor &color)
{
    if (!color.isValid())
        return;
    const QList<Span> anchors =
        fragments(doc, [](const QTextCharFormat &f) { return f.isAnchor(); });
    QTextCharFormat format;
    format.setForeground(color);
    format.setFontUnderline(true);
    QTextCursor cursor(&doc);
    for (const Span &span : anchors) {
        select(cursor, span.position, span.length);
        cursor.mergeCharFormat(format);
    }
}

QString toHtml(const QTextDocument &doc)
{
    QString html = doc.toHtml();
    // The document's default font would override the label's own.
    static const QRegularExpression bodyStyle(QStringLiteral(R"(<body style="[^"]*">)"));
    html.replace(bodyStyle, QStringLiteral("<body>"));
    return html;
}

} // namespace

void setContent(QTextDocument *doc, const QString &content, bool markdown, const QColor &linkColor)
{
    if (markdown) {
        // MarkdownNoHTML: tags are text (shown, escaped by toHtml), never markup.
        doc->setMarkdown(content,
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                         | QTextDocument::MarkdownNoHTML));
        replaceImages(*doc);
        defuseLinks(*doc);
    } else {
        doc->setPlainText(content);
        linkify(*doc);
    }
    colourLinks(*doc, linkColor);
}

QString markdownToHtml(const QString &markdown, const QColor &linkColor)
{
    QTextDocument doc;
    setContent(&doc, markdown, true, linkColor);
    return toHtml(doc);
}

QString plainTextToHtml(const QString &plain, const QColor &linkColor)
{
    QTextDocument doc;
    setContent(&doc, plain, false, linkColor);
    return toHtml(doc);
}

} // namespace CStar::RichText
