// SPDX-License-Identifier: MIT
#include "chatformat.h"

#include <QCoreApplication>
#include <QEvent>

#include "ticket.h"
#include "timeformat.h"

#include <QList>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace CStar {

namespace {

struct Span
{
    int position;
    int length;
    QString href;
};

QTextCharFormat linkFormat(const QString &href)
{
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(href);
    format.setFontUnderline(true);
    return format;
}

QList<Span> fragments(const QTextDocument &doc, bool (*wanted)(const QTextCharFormat &))
{
    QList<Span> spans;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && wanted(fragment.charFormat()))
                spans.append({fragment.position(), fragment.length(),
                              fragment.charFormat().toImageFormat().name()});
        }
    }
    return spans;
}

/// No image is ever fetched (no tracking pixels, no local files): each one
/// becomes a link to its address that the user may choose to open.
void replaceImages(QTextDocument &doc, const ChatFormat &format)
{
    const QList<Span> images =
        fragments(doc, [](const QTextCharFormat &f) { return f.isImageFormat(); });
    QTextCursor cursor(&doc);
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        const QString label = ChatFormat::tr("[image: %1]").arg(it->href);
        cursor.insertText(label,
                          format.isSafeLink(it->href) ? linkFormat(it->href) : QTextCharFormat());
    }
}

/// Plain text: web addresses become links (Markdown does this itself).
void linkify(QTextDocument &doc)
{
    static const QRegularExpression url(QStringLiteral(R"((?:https?://|www\.)[^\s<>"]+)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString text = doc.toPlainText(); // one character per document position
    QList<Span> links;
    for (auto it = url.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString address = match.captured();
        // Sentence punctuation after an address is not part of it.
        while (!address.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(address.back()))
            address.chop(1);
        if (address.isEmpty())
            continue;
        const QString href = address.startsWith(QLatin1String("www."), Qt::CaseInsensitive)
            ? QLatin1String("https://") + address
            : address;
        links.append({int(match.capturedStart()), int(address.size()), href});
    }
    QTextCursor cursor(&doc);
    for (auto it = links.crbegin(); it != links.crend(); ++it) {
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(linkFormat(it->href));
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
        cursor.setPosition(span.position);
        cursor.setPosition(span.position + span.length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

} // namespace

ChatFormat::ChatFormat(QObject *parent) : QObject(parent), m_now(QDateTime::currentDateTime())
{
    auto *clock = new QTimer(this);
    clock->setInterval(30000);
    connect(clock, &QTimer::timeout, this, [this] {
        m_now = QDateTime::currentDateTime();
        Q_EMIT nowChanged();
    });
    clock->start();
    // QQmlEngine::retranslate() only redoes qsTr(); bindings to `now` redo
    // the C++-formatted texts (status names, dates) in the new language.
    QCoreApplication::instance()->installEventFilter(this);
}

bool ChatFormat::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        m_now = QDateTime::currentDateTime();
        Q_EMIT nowChanged();
    }
    return QObject::eventFilter(watched, event);
}

QString ChatFormat::relativeTime(const QDateTime &time, const QDateTime &now) const
{
    return TimeFormat::relative(time, now);
}

QString ChatFormat::dayLabel(const QString &daySection, const QDateTime &) const
{
    const QDate day = QDate::fromString(daySection, Qt::ISODate);
    return day.isValid() ? TimeFormat::dayLabel(day) : daySection;
}

QString ChatFormat::statusText(const QString &status, const QDateTime &) const
{
    return Ticket::statusDisplayName(status);
}

QString ChatFormat::errorText(const ChatError &error, const QDateTime &) const
{
    return error.displayText();
}

QString ChatFormat::timeOfDay(const QDateTime &time, const QDateTime &) const
{
    return TimeFormat::timeOfDay(time);
}

QString ChatFormat::messageHtml(const QString &content, bool markdown,
                                const QColor &linkColor) const
{
    QTextDocument doc;
    if (markdown) {
        // MarkdownNoHTML: tags are text (shown, escaped by toHtml), never markup.
        doc.setMarkdown(content,
                        QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                        | QTextDocument::MarkdownNoHTML));
        replaceImages(doc, *this);
    } else {
        doc.setPlainText(content);
        linkify(doc);
    }
    colourLinks(doc, linkColor);
    QString html = doc.toHtml();
    // The document's default font would override the Text item's own.
    static const QRegularExpression bodyStyle(QStringLiteral(R"(<body style="[^"]*">)"));
    html.replace(bodyStyle, QStringLiteral("<body>"));
    return html;
}

QString ChatFormat::previewText(const QString &content) const
{
    static const QRegularExpression lineMarkers(
        QStringLiteral(R"(^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+))"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression inlineMarkers(QStringLiteral(R"(\*\*|__|~~|`)"));
    QString text = content;
    text.remove(lineMarkers);
    text.remove(inlineMarkers);
    return text.simplified();
}

bool ChatFormat::isSafeLink(const QString &link) const
{
    const QString scheme = QUrl(link).scheme().toLower();
    return scheme == QLatin1String("https") || scheme == QLatin1String("http")
        || scheme == QLatin1String("mailto");
}

} // namespace CStar
