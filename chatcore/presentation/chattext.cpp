// SPDX-License-Identifier: MIT
#include "chattext.h"

#include <QLocale>
#include <QRegularExpression>

namespace CStar {

QString ChatText::typingText(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.first());
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("Several people are typing…");
    }
}

QString ChatText::typingIndicatorName()
{
    return tr("Typing indicator");
}

namespace {

int wholeSeconds(int milliseconds)
{
    return qMax(1, (milliseconds + 500) / 1000);
}

} // namespace

QString ChatText::connectionText(ConnectionState state, int pollingIntervalMs, bool realtime)
{
    switch (state) {
    case ConnectionState::Connecting:
        return tr("Connecting…");
    case ConnectionState::Reconnecting:
        return tr("Reconnecting…");
    case ConnectionState::Polling:
        // Polling by choice (realtime off) is not a problem to report.
        if (realtime)
            return tr("Live updates unavailable — checking every %n s", nullptr,
                      wholeSeconds(pollingIntervalMs));
        return {};
    case ConnectionState::Streaming:
    case ConnectionState::Disconnected:
        break;
    }
    return {};
}

QString ChatText::connectionStatusText(ConnectionState state, int pollingIntervalMs)
{
    switch (state) {
    case ConnectionState::Streaming:
        return tr("Live");
    case ConnectionState::Polling:
        return tr("Polling every %n s", nullptr, wholeSeconds(pollingIntervalMs));
    case ConnectionState::Reconnecting:
    case ConnectionState::Connecting:
        return connectionText(state, pollingIntervalMs, true);
    case ConnectionState::Disconnected:
        break;
    }
    return tr("Offline");
}

QString ChatText::connectionBannerName()
{
    return tr("Connection status");
}

QString ChatText::deliveryText(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Sending:
        return tr("Sending…");
    case DeliveryState::Failed:
        return tr("Not sent");
    case DeliveryState::Sent:
        break;
    }
    return tr("Sent");
}

QString ChatText::messageAccessibleText(const QString &senderName, const QString &content, bool own,
                                        DeliveryState state)
{
    QString text = tr("%1: %2").arg(own ? tr("You") : senderName, content);
    if (own && state == DeliveryState::Sending)
        text += QLatin1String(", ") + tr("sending");
    else if (own && state == DeliveryState::Failed)
        text += QLatin1String(", ") + tr("not sent");
    return text;
}

QString ChatText::newMessagesText()
{
    return tr("New messages");
}

QString ChatText::retryText()
{
    return tr("Retry");
}

QString ChatText::discardText()
{
    return tr("Discard");
}

QString ChatText::label(Label label)
{
    switch (label) {
    case MessagePlaceholder:
        return tr("Write a message…");
    case MessageFieldName:
        return tr("Message");
    case MessageFieldHint:
        return tr("Enter sends, Shift+Enter starts a new line");
    case SendButton:
        return tr("Send");
    case SendButtonName:
        return tr("Send message");
    case SendButtonToolTip:
        return tr("Send (Enter)");
    case ConversationsTitle:
        return tr("Conversations");
    case NewConversationButton:
        return tr("New conversation");
    case NewConversationButtonName:
        return tr("Start a new conversation");
    case NewConversationToolTip:
        return tr("New conversation (Ctrl+N)");
    case SignInButton:
        return tr("Sign in");
    case SignInButtonName:
        return tr("Sign in to see all conversations");
    case SignInPrompt:
        return tr("Sign in to see all your conversations.");
    case GuestHint:
        return tr("You are chatting as a guest. Signing in shows the conversations you "
                  "started elsewhere.");
    case NoConversations:
        return tr("No conversations yet. Start one with “New conversation”.");
    case MessagesListName:
        return tr("Messages");
    case BackButton:
        return tr("Back");
    case BackButtonName:
        return tr("Back to conversations");
    case SubjectPlaceholder:
        return tr("Subject (optional)");
    case SubjectFieldName:
        return tr("Subject");
    case NewMessagesPill:
        return tr("New messages ↓");
    case NewMessagesPillName:
        return tr("Jump to new messages");
    case CopyText:
        return tr("Copy text");
    case RetrySendingName:
        return tr("Retry sending");
    case DiscardMessageName:
        return tr("Discard this message");
    case AttachButtonName:
        return tr("Attach a file");
    case AttachButtonToolTip:
        return tr("Attach a file (Ctrl+Shift+A)");
    case AttachScreenshot:
        return tr("Attach a screenshot of this window");
    case AttachMenuName:
        return tr("Attach files or a screenshot");
    case AttachmentsName:
        return tr("Attachments");
    case DropFilesHint:
        return tr("Drop files here to attach them");
    case ScreenshotReviewTitle:
        return tr("Attach this screenshot?");
    case ScreenshotCropHint:
        return tr("Drag to keep only part of the window.");
    case ScreenshotAttachButton:
        //: Confirms attaching the reviewed screenshot.
        return tr("Attach", "screenshot");
    case ScreenshotResetCrop:
        return tr("Whole window");
    case CancelButton:
        return tr("Cancel");
    case SaveAttachment:
        return tr("Save…");
    case SaveAttachmentTitle:
        return tr("Save attachment");
    case OpenImage:
        return tr("Open image");
    case CancelUpload:
        return tr("Cancel upload");
    case ImageUnavailable:
        return tr("Image unavailable");
    case ChooseFilesTitle:
        return tr("Attach files");
    }
    return {};
}

QString ChatText::fileSizeText(qint64 bytes)
{
    // Traditional units (kB, MB) are what people read; one decimal from 1 MB.
    return QLocale().formattedDataSize(qMax<qint64>(0, bytes), bytes < 1024 * 1024 ? 0 : 1,
                                       QLocale::DataSizeTraditionalFormat);
}

QString ChatText::characterCountText(int length, int maxLength)
{
    return tr("%1 / %2").arg(QLocale().toString(length), QLocale().toString(maxLength));
}

QString ChatText::characterCountName(int length)
{
    return tr("%n characters", nullptr, length);
}

QString ChatText::attachmentAccessibleText(const QString &name, bool isImage, qint64 bytes)
{
    return isImage ? tr("Image %1, %2").arg(name, fileSizeText(bytes))
                   : tr("File %1, %2").arg(name, fileSizeText(bytes));
}

QString ChatText::removeAttachmentName(const QString &name)
{
    return tr("Remove %1").arg(name);
}

QString ChatText::saveAttachmentName(const QString &name)
{
    return tr("Save %1…").arg(name);
}

QString ChatText::uploadProgressText(qint64 sent, qint64 total)
{
    const int percent = total > 0 ? int(qBound(qint64(0), sent * 100 / total, qint64(100))) : 0;
    return tr("Uploading… %1 %").arg(QLocale().toString(percent));
}

QString ChatText::attachmentCountText(int count)
{
    return tr("%n attachment(s)", nullptr, count);
}

QString ChatText::attachmentRefusalText(const QString &code, const QString &name)
{
    if (code == QLatin1String("file_too_large"))
        return tr("“%1” is larger than 10 MB.").arg(name);
    if (code == QLatin1String("unsupported_media_type"))
        return tr("“%1” cannot be sent: only images, PDF, text, CSV, JSON and zip files can.")
            .arg(name);
    if (code == QLatin1String("content_mismatch"))
        return tr("“%1” is not what its name says it is.").arg(name);
    if (code == QLatin1String("image_too_large"))
        return tr("“%1” is too large an image (at most 10,000 × 10,000 pixels).").arg(name);
    if (code == QLatin1String("too_many_attachments"))
        return tr("At most 10 files can be sent in one message.");
    if (code == QLatin1String("not_a_file")) // a folder (ConversationController)
        return tr("“%1” is a folder: only files can be attached.").arg(name);
    if (code == QLatin1String("not_local")) // a web address (ConversationController)
        return tr("“%1” is not on this computer: save it first, then attach it.").arg(name);
    return tr("“%1” could not be read.").arg(name);
}

QString ChatText::unreadText(int count)
{
    return tr("%n unread", nullptr, count);
}

QString ChatText::ticketAccessibleText(const QString &title, const QString &statusName,
                                       int unreadCount)
{
    QStringList parts {title, statusName};
    if (unreadCount > 0)
        parts << unreadText(unreadCount);
    parts.removeAll(QString());
    return parts.join(QLatin1String(", "));
}

QString ChatText::imageText(const QString &address)
{
    return tr("[image: %1]").arg(address);
}

QString ChatText::previewText(const QString &content)
{
    // Line starts: headings, quotes, bullets, numbered items.
    static const QRegularExpression lineMarkers(
        QStringLiteral(R"(^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))"),
        QRegularExpression::MultilineOption);
    // ![alt](address) and [text](address): the text stays.
    static const QRegularExpression links(QStringLiteral(R"(!?\[([^\]]*)\]\([^)]*\))"));
    // Emphasis and code marks; a single * or _ only at a word's edge, so
    // snake_case and 2*3 stay as written.
    static const QRegularExpression inlineMarkers(
        QStringLiteral(R"(\*\*|__|~~|`|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*]))"),
        QRegularExpression::UseUnicodePropertiesOption);
    QString text = content;
    text.remove(lineMarkers);
    text.replace(links, QStringLiteral("\\1"));
    text.remove(inlineMarkers);
    return text.simplified();
}

bool ChatText::isSafeLink(const QUrl &url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return !url.path().isEmpty();
    return (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
        && !url.host().isEmpty();
}

QList<ChatText::Link> ChatText::findLinks(const QString &plain)
{
    static const QRegularExpression address(QStringLiteral(R"((?:https?://|www\.)[^\s<>"]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QString trailing = QStringLiteral(".,;:!?)]}'");
    QList<Link> links;
    for (auto it = address.globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString text = match.captured();
        // Sentence punctuation after an address is not part of it.
        while (!text.isEmpty() && trailing.contains(text.back()))
            text.chop(1);
        if (text.isEmpty())
            continue;
        const QString href = text.startsWith(QLatin1String("www."), Qt::CaseInsensitive)
            ? QLatin1String("https://") + text
            : text;
        const QUrl url(href);
        if (isSafeLink(url))
            links.append({match.capturedStart(), text.size(), url});
    }
    return links;
}

QString ChatText::linkifyPlainText(const QString &plain)
{
    auto escaped = [](QStringView text) {
        return text.toString().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
    };
    QString html;
    qsizetype at = 0;
    const QList<Link> links = findLinks(plain);
    for (const Link &link : links) {
        html += escaped(QStringView(plain).mid(at, link.start - at));
        html += QLatin1String("<a href=\"") + link.url.toString(QUrl::FullyEncoded).toHtmlEscaped()
            + QLatin1String("\">") + escaped(QStringView(plain).mid(link.start, link.length))
            + QLatin1String("</a>");
        at = link.start + link.length;
    }
    html += escaped(QStringView(plain).mid(at));
    return html;
}

} // namespace CStar
