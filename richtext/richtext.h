// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>

QT_BEGIN_NAMESPACE
class QTextDocument;
QT_END_NAMESPACE

/// Message text as rich text, safely, for both UIs (internal library).
/// - Markdown (agents' messages): GitHub dialect; raw HTML is shown as text,
///   never interpreted (no <script>, <style>, <img>, <a> of the sender's).
/// - Plain text: web addresses become links (ChatText::findLinks).
/// - Images are never loaded (no tracking pixels, no local files): each one
///   becomes a text link to its address (ChatText::imageText), clickable
///   only when safe.
/// - Only safe links (ChatText::isSafeLink: http, https, mailto) stay links;
///   javascript:, file:, data: and the like become plain text.
namespace CStar::RichText {

/// Replaces `doc`'s content with `content` made safe as above. `linkColor`,
/// when valid, colours the links (QML's Text.linkColor does not apply to
/// rich text; widgets pass none and let the palette's Link role paint them).
void setContent(QTextDocument *doc, const QString &content, bool markdown,
                const QColor &linkColor = QColor());

/// Markdown as HTML for a rich-text label (QML Text.RichText).
QString markdownToHtml(const QString &markdown, const QColor &linkColor);
/// Plain text as HTML with its addresses linked.
QString plainTextToHtml(const QString &plain, const QColor &linkColor);

} // namespace CStar::RichText
