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
    Q_DECLARE_TR_FUNCTIONS(CStar::ChatText)
public:
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
