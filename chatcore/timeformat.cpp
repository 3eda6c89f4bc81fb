// SPDX-License-Identifier: MIT
#include "timeformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace CStar {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("CStar::TimeFormat", text, nullptr, n);
}
} // namespace

QString TimeFormat::relative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QString();
    const QDateTime reference = now.isValid() ? now : QDateTime::currentDateTime();
    const qint64 seconds = time.secsTo(reference);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", int(seconds / 60));
    const QDate day = time.toLocalTime().date();
    const QDate today = reference.toLocalTime().date();
    if (day == today)
        return tr("%n hour(s) ago", int(seconds / 3600));
    if (day == today.addDays(-1))
        return tr("Yesterday");
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
        return tr("Today");
    if (day == reference.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString TimeFormat::timeOfDay(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat)
                          : QString();
}

} // namespace CStar
