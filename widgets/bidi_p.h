// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace CStar {

/// A label takes its paragraph direction from its first letter: a text that
/// starts with a name or a title ("Ana is typing…" in Arabic, an English
/// subject in the header) gets a mark so it reads in the UI's direction.
inline QString inDirection(const QString &text, Qt::LayoutDirection direction)
{
    const bool rtl = direction == Qt::RightToLeft;
    if (text.isEmpty() || text.isRightToLeft() == rtl)
        return text;
    return QChar(rtl ? 0x200F : 0x200E) + text; // RIGHT-TO-LEFT / LEFT-TO-RIGHT MARK
}

} // namespace CStar
