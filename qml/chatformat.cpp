// SPDX-License-Identifier: MIT
#include "chatformat.h"

#include <QCoreApplication>
#include <QEvent>

#include "chattext.h"
#include "richtext.h"
#include "ticket.h"
#include "timeformat.h"
#include "translation.h"

#include <QTimer>
#include <QUrl>

namespace {

/// The module's catalogs (cstarchat_qml_<lang>.qm, embedded under :/i18n)
/// join those Translation::install() loads when the plugin is loaded; a
/// language installed before follows at once.
void addQmlCatalog()
{
    CStar::Translation::addCatalog(QStringLiteral("cstarchat_qml"));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(addQmlCatalog)

namespace CStar {

ChatFormat::ChatFormat(QObject *parent)
    : QObject(parent), m_now(QDateTime::currentDateTime()), m_texts(new ChatLabels(this))
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
        Q_EMIT m_texts->changed();
    }
    return QObject::eventFilter(watched, event);
}

QString ChatFormat::fileSizeText(qint64 bytes, const QDateTime &) const
{
    return ChatText::fileSizeText(bytes);
}

QString ChatFormat::characterCountText(int length, int maxLength, const QDateTime &) const
{
    return ChatText::characterCountText(length, maxLength);
}

QString ChatFormat::characterCountName(int length, const QDateTime &) const
{
    return ChatText::characterCountName(length);
}

QString ChatFormat::attachmentAccessibleText(const QString &name, bool isImage, qint64 bytes,
                                             const QDateTime &) const
{
    return ChatText::attachmentAccessibleText(name, isImage, bytes);
}

QString ChatFormat::removeAttachmentName(const QString &name, const QDateTime &) const
{
    return ChatText::removeAttachmentName(name);
}

QString ChatFormat::saveAttachmentName(const QString &name, const QDateTime &) const
{
    return ChatText::saveAttachmentName(name);
}

QString ChatFormat::uploadProgressText(qint64 sent, qint64 total, const QDateTime &) const
{
    return ChatText::uploadProgressText(sent, total);
}

QString ChatFormat::attachmentCountText(int count, const QDateTime &) const
{
    return ChatText::attachmentCountText(count);
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
    return markdown ? RichText::markdownToHtml(content, linkColor)
                    : RichText::plainTextToHtml(content, linkColor);
}

QString ChatFormat::previewText(const QString &content) const
{
    return ChatText::previewText(content);
}

bool ChatFormat::isSafeLink(const QString &link) const
{
    return ChatText::isSafeLink(QUrl(link));
}

QString ChatFormat::typingText(const QStringList &names, const QDateTime &) const
{
    return ChatText::typingText(names);
}

QString ChatFormat::typingIndicatorName(const QDateTime &) const
{
    return ChatText::typingIndicatorName();
}

QString ChatFormat::connectionText(int state, int pollingInterval, bool realtime,
                                   const QDateTime &) const
{
    return ChatText::connectionText(ConnectionState(state), pollingInterval, realtime);
}

QString ChatFormat::connectionBannerName(const QDateTime &) const
{
    return ChatText::connectionBannerName();
}

QString ChatFormat::deliveryText(int state, const QDateTime &) const
{
    return ChatText::deliveryText(DeliveryState(state));
}

QString ChatFormat::messageAccessibleText(const QString &senderName, const QString &content,
                                          bool own, int state, const QDateTime &) const
{
    return ChatText::messageAccessibleText(senderName, content, own, DeliveryState(state));
}

QString ChatFormat::newMessagesText(const QDateTime &) const
{
    return ChatText::newMessagesText();
}

QString ChatFormat::retryText(const QDateTime &) const
{
    return ChatText::retryText();
}

QString ChatFormat::discardText(const QDateTime &) const
{
    return ChatText::discardText();
}

QString ChatFormat::unreadText(int count, const QDateTime &) const
{
    return ChatText::unreadText(count);
}

QString ChatFormat::ticketAccessibleText(const QString &title, const QString &statusName,
                                         int unreadCount, const QDateTime &) const
{
    return ChatText::ticketAccessibleText(title, statusName, unreadCount);
}

} // namespace CStar
