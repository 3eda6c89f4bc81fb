// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QDateTime>
#include <QObject>

namespace CStar {

/// Dates as a chat UI shows them, through QLocale and the current
/// translation ("2 minutes ago", "Yesterday"). Shared by the widget panel and
/// the QML module so both say the same thing.
class CSTARCHAT_CORE_EXPORT TimeFormat
{
    Q_GADGET
public:
    /// "just now", "5 minutes ago", "3 hours ago", "Yesterday", then a short date.
    Q_INVOKABLE static QString relative(const QDateTime &time, const QDateTime &now = QDateTime());
    /// A day separator's label: "Today", "Yesterday" or the long date.
    Q_INVOKABLE static QString dayLabel(const QDate &day, const QDate &today = QDate());
    /// The time of day in the locale's short format.
    Q_INVOKABLE static QString timeOfDay(const QDateTime &time);
};

} // namespace CStar
