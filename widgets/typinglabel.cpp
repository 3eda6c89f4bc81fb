// SPDX-License-Identifier: MIT
#include "typinglabel_p.h"

#include "bidi_p.h"
#include "chattext.h"

namespace CStar {

namespace {
/// Italics are a Latin, Greek and Cyrillic convention: Arabic or Japanese
/// text stays upright (and fonts often have no oblique glyphs for them).
bool suitsItalics(const QString &text)
{
    for (const QChar c : text) {
        switch (c.script()) {
        case QChar::Script_Common:
        case QChar::Script_Inherited:
        case QChar::Script_Latin:
        case QChar::Script_Greek:
        case QChar::Script_Cyrillic:
            break;
        default:
            return false;
        }
    }
    return true;
}
} // namespace

TypingLabel::TypingLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("typingIndicator"));
    setForegroundRole(QPalette::PlaceholderText);
    setText(QStringLiteral(" "));
}

void TypingLabel::setUsers(const QStringList &users)
{
    m_users = users;
    const QString text = ChatText::typingText(users);
    QFont italic = font();
    italic.setItalic(suitsItalics(text));
    setFont(italic);
    // Keep the line's height so the thread does not jump.
    setText(text.isEmpty() ? QStringLiteral(" ") : inDirection(text, layoutDirection()));
}

void TypingLabel::retranslate()
{
    setAccessibleName(ChatText::typingIndicatorName());
    setUsers(m_users);
}

} // namespace CStar
