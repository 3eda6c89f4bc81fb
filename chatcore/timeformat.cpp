// SPDX-License-Identifier: MIT
#include "timeformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace CStar {

// QCoreApplication::translate() spelled out at every call, with the plural's
// n as its fourth argument: that is what lupdate extracts as numerus forms.
// The n is a plain variable: lupdate 6.4 hangs on "int(a / b)" in the call.

QString TimeFormat::relative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QString();
    const QDateTime reference = now.isValid() ? now : QDateTime::currentDateTime();
    const qint64 seconds = time.secsTo(reference);
    if (seconds < 60)
        return QCoreApplication::translate("CStar::TimeFormat", "just now");
    if (seconds < 3600) {
        const int minutes = int(seconds / 60);
        return QCoreApplication::translate("CStar::TimeFormat", "%n minute(s) ago", nullptr,
                                           minutes);
    }
    const QDate day = time.toLocalTime().date();
    const QDate today = reference.toLocalTime().date();
    if (day == today) {
        const int hours = int(seconds / 3600);
        return QCoreApplication::translate("CStar::TimeFormat", "%n hour(s) ago", nullptr, hours);
    }
    if (day == today.addDays(-1))
        return QCoreApplication::translate("CStar::TimeFormat", "Yesterday");
    if (day.daysTo(today) < 7)
        return QLocale().dayName(day.dayOfWeek(), QLocale::LongFormat);
    return QLocale().toString(day, QLocale::ShortFormat);
}

QString TimeFormat::dayLabel(const QDate &day, const QDate &today)
{
    if (!day.isValid())
        return QString();
    const QDate reference = today.isValid() ? today : QDate::currentDate();
    if (day == reference)
        return QCoreApplication::translate("CStar::TimeFormat", "Today");
    if (day == reference.addDays(-1))
        return QCoreApplication::translate("CStar::TimeFormat", "Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString TimeFormat::timeOfDay(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat)
                          : QString();
}

} // namespace CStar
