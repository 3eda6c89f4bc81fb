// SPDX-License-Identifier: MIT
#pragma once

#include "connectionstate.h"
#include "cstarchat_core_export.h"
#include "deliverystate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace CStar {

/// The texts and text rules both UIs show, written once: the widget panel,
/// the QML components (through the ChatFormat singleton) and the demo call
/// these, so they cannot drift apart and each text is translated once (in
/// Core's catalog, context "CStar::ChatText"). QtCore only: rich text
/// (Markdown, documents) is the UIs' business.
class CSTARCHAT_CORE_EXPORT ChatText
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(CStar::ChatText)
public:
    /// The fixed labels of both UIs (label()). QML reads them as
    /// `ChatFormat.texts.<key>`, the key being the enumerator's name with a
    /// lower-case first letter (`ChatFormat.texts.sendButton`).
    enum Label {
        // The composer
        MessagePlaceholder, ///< "Write a message…"
        MessageFieldName, ///< "Message"
        MessageFieldHint, ///< "Enter sends, Shift+Enter starts a new line"
        SendButton, ///< "Send"
        SendButtonName, ///< "Send message"
        SendButtonToolTip, ///< "Send (Enter)"
        // The conversation list
        ConversationsTitle, ///< "Conversations"
        NewConversationButton, ///< "New conversation"
        NewConversationButtonName, ///< "Start a new conversation"
        NewConversationToolTip, ///< "New conversation (Ctrl+N)"
        SignInButton, ///< "Sign in"
        SignInButtonName, ///< "Sign in to see all conversations"
        SignInPrompt, ///< "Sign in to see all your conversations."
        GuestHint, ///< "You are chatting as a guest. …"
        NoConversations, ///< "No conversations yet. Start one with “New conversation”."
        // The thread
        MessagesListName, ///< "Messages"
        BackButton, ///< "Back"
        BackButtonName, ///< "Back to conversations"
        SubjectPlaceholder, ///< "Subject (optional)"
        SubjectFieldName, ///< "Subject"
        NewMessagesPill, ///< "New messages ↓"
        NewMessagesPillName, ///< "Jump to new messages"
        CopyText, ///< "Copy text"
        RetrySendingName, ///< "Retry sending"
        DiscardMessageName, ///< "Discard this message"
        // Attachments (protocol §11)
        AttachButtonName, ///< "Attach a file"
        AttachButtonToolTip, ///< "Attach a file (Ctrl+Shift+A)"
        AttachScreenshot, ///< "Attach a screenshot of this window"
        AttachMenuName, ///< "Attach files or a screenshot" (a menu button)
        AttachmentsName, ///< "Attachments" (the list of files of a draft or message)
        DropFilesHint, ///< "Drop files here to attach them"
        ScreenshotReviewTitle, ///< "Attach this screenshot?"
        ScreenshotCropHint, ///< "Drag to keep only part of the window."
        ScreenshotAttachButton, ///< "Attach"
        ScreenshotResetCrop, ///< "Whole window"
        CancelButton, ///< "Cancel"
        SaveAttachment, ///< "Save…"
        SaveAttachmentTitle, ///< "Save attachment" (the save dialog's title)
        OpenImage, ///< "Open image"
        CancelUpload, ///< "Cancel upload"
        ImageUnavailable, ///< "Image unavailable"
        ChooseFilesTitle, ///< "Attach files" (the file dialog's title)
    };
    Q_ENUM(Label)

    /// A fixed label in the user's language.
    static QString label(Label label);

    /// An address found in plain text: [start, start + length) of the text,
    /// and the link it opens (always a safe one, see isSafeLink()).
    struct Link
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QUrl url;
    };

    /// "Maya is typing…", "Maya and Ali are typing…", "Several people are
    /// typing…"; empty when `names` is.
    static QString typingText(const QStringList &names);
    /// The typing line's accessible name while nobody types.
    static QString typingIndicatorName();

    /// The connection banner: "Connecting…", "Reconnecting…", "Live updates
    /// unavailable — checking every 5 s". Empty when there is nothing to
    /// report: streaming, disconnected, or polling by choice (`realtime`
    /// false). `pollingIntervalMs` rounds to whole seconds, at least 1.
    static QString connectionText(ConnectionState state, int pollingIntervalMs, bool realtime);
    /// A status line that always says something: "Live", "Polling every
    /// 5 s", "Reconnecting…", "Connecting…", "Offline".
    static QString connectionStatusText(ConnectionState state, int pollingIntervalMs);
    /// The banner's accessible name: "Connection status".
    static QString connectionBannerName();

    /// The delivery state of an own message: "Sending…", "Sent", "Not sent".
    static QString deliveryText(DeliveryState state);
    /// A message for screen readers: "You: hello, sending" / "Maya: hi".
    static QString messageAccessibleText(const QString &senderName, const QString &content,
                                         bool own, DeliveryState state);
    /// The marker above the first unread message: "New messages".
    static QString newMessagesText();
    /// The actions on a message that could not be sent.
    static QString retryText();
    static QString discardText();

    /// "%n unread" (plural forms).
    static QString unreadText(int count);
    /// A ticket row for screen readers: "Order 42, Open, 3 unread".
    static QString ticketAccessibleText(const QString &title, const QString &statusName,
                                        int unreadCount);

    /// "1.2 MB": a file size in the locale's units (§11 sizes are bytes).
    static QString fileSizeText(qint64 bytes);
    /// "%1 / %2" characters of the composer's counter, and its accessible
    /// name "%n characters".
    static QString characterCountText(int length, int maxLength);
    static QString characterCountName(int length);
    /// An attachment for screen readers: "Image screenshot.png, 240 KB" /
    /// "File report.pdf, 1.2 MB".
    static QString attachmentAccessibleText(const QString &name, bool isImage, qint64 bytes);
    /// "Remove screenshot.png" (a pending attachment's remove button).
    static QString removeAttachmentName(const QString &name);
    /// "Save report.pdf…" (a file chip's save action, for screen readers).
    static QString saveAttachmentName(const QString &name);
    /// "Uploading… 40 %" on a pending message.
    static QString uploadProgressText(qint64 sent, qint64 total);
    /// "%n attachment(s)": a list preview of a message without text.
    static QString attachmentCountText(int count);
    /// Why a file was not attached, one sentence naming it: "“big.iso” is
    /// larger than 10 MB.", "“setup.exe” cannot be sent: only images, PDF,
    /// text, CSV, JSON and zip files can.", "“a.txt” could not be read.",
    /// "At most 10 files can be sent in one message."; `code` is §2's
    /// (file_too_large, unsupported_media_type, file_unreadable,
    /// too_many_attachments; not_a_file: a folder, not_local: a web address);
    /// others give ChatError-like generic text.
    static QString attachmentRefusalText(const QString &code, const QString &name);

    /// What an image in a message shows instead of the image (never loaded):
    /// "[image: https://…]".
    static QString imageText(const QString &address);

    /// The one preview rule of both ticket lists: one line, whitespace
    /// collapsed, Markdown markers gone (headings, quotes, bullets, emphasis,
    /// code ticks, strike-through), links and images shown by their text.
    /// Underscores inside words (snake_case) stay.
    static QString previewText(const QString &content);

    /// http, https and mailto only (case-insensitive, valid URLs): the only
    /// links a UI shows as links or opens. Never javascript:, file:, data:,
    /// qrc: or relative ones.
    static bool isSafeLink(const QUrl &url);
    /// The web addresses in plain text ("https://…", "http://…", "www.…",
    /// trailing sentence punctuation excluded); "www." links open as https.
    static QList<Link> findLinks(const QString &plain);
    /// Plain text as escaped HTML (line breaks kept) with findLinks()'s
    /// addresses as <a href> links.
    static QString linkifyPlainText(const QString &plain);
};

} // namespace CStar
