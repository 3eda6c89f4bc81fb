// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "chatlabels.h"

#include <QColor>
#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace CStar {

/// Text helpers for the QML components (a singleton): the texts and rules
/// of the widget panel, from the same places — dates (TimeFormat), texts and
/// link rules (ChatText), safe message rich text (the RichText library).
/// Functions taking `refresh` are texts in the user's language: pass
/// ChatFormat.now so the binding follows a language change.
class ChatFormat : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// The current time, refreshed every 30 s and on a language change: bind relative times to it
    /// (`ChatFormat.relativeTime(updatedAt, ChatFormat.now)`) to keep them true.
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)
    /// ChatText's fixed labels in the user's language, by key:
    /// `ChatFormat.texts.sendButton` is ChatText::label(ChatText::SendButton).
    /// Follows a language change.
    Q_PROPERTY(CStar::ChatLabels *texts READ texts CONSTANT)
public:
    explicit ChatFormat(QObject *parent = nullptr);

    QDateTime now() const { return m_now; }
    ChatLabels *texts() const { return m_texts; }

    /// "just now", "5 minutes ago", "Yesterday", then a short date.
    Q_INVOKABLE QString relativeTime(const QDateTime &time,
                                     const QDateTime &now = QDateTime()) const;
    /// A day separator for MessagesModel's daySection ("yyyy-MM-dd"): "Today",
    /// "Yesterday" or the long date.
    /// `refresh`: pass ChatFormat.now so the binding follows a language change.
    Q_INVOKABLE QString dayLabel(const QString &daySection,
                                 const QDateTime &refresh = QDateTime()) const;
    /// A ticket status for people: "Open", "Resolved"… (unknown ones verbatim).
    Q_INVOKABLE QString statusText(const QString &status,
                                   const QDateTime &refresh = QDateTime()) const;
    /// ChatError::displayText(): one sentence for people, in their language.
    Q_INVOKABLE QString errorText(const CStar::ChatError &error,
                                  const QDateTime &refresh = QDateTime()) const;
    /// The time of day in the locale's short format.
    Q_INVOKABLE QString timeOfDay(const QDateTime &time,
                                  const QDateTime &refresh = QDateTime()) const;

    /// Message text as HTML for `Text.RichText` (RichText): `markdown`
    /// (agent messages) is GitHub Markdown with raw HTML shown as text;
    /// plain text gets its URLs linked. Images are never loaded: each becomes
    /// a link to its address. Only safe links stay links. Links take
    /// `linkColor` (a palette role), since Text.linkColor does not apply to
    /// rich text.
    Q_INVOKABLE QString messageHtml(const QString &content, bool markdown,
                                    const QColor &linkColor) const;
    /// ChatText::previewText(): the one preview rule of both UIs.
    Q_INVOKABLE QString previewText(const QString &content) const;
    /// ChatText::isSafeLink(): http, https and mailto only.
    Q_INVOKABLE bool isSafeLink(const QString &link) const;

    // ChatText's texts, for the components (`state`: Connection.State, Delivery.State).
    Q_INVOKABLE QString typingText(const QStringList &names,
                                   const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString typingIndicatorName(const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString connectionText(int state, int pollingInterval, bool realtime,
                                       const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString connectionBannerName(const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString deliveryText(int state, const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString messageAccessibleText(const QString &senderName, const QString &content,
                                              bool own, int state,
                                              const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString newMessagesText(const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString retryText(const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString discardText(const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString unreadText(int count, const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString ticketAccessibleText(const QString &title, const QString &statusName,
                                             int unreadCount,
                                             const QDateTime &refresh = QDateTime()) const;

    // Attachments (ChatText).
    Q_INVOKABLE QString fileSizeText(qint64 bytes, const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString characterCountText(int length, int maxLength,
                                           const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString characterCountName(int length,
                                           const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString attachmentAccessibleText(const QString &name, bool isImage, qint64 bytes,
                                                 const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString removeAttachmentName(const QString &name,
                                             const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString saveAttachmentName(const QString &name,
                                           const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString uploadProgressText(qint64 sent, qint64 total,
                                           const QDateTime &refresh = QDateTime()) const;
    Q_INVOKABLE QString attachmentCountText(int count,
                                            const QDateTime &refresh = QDateTime()) const;

Q_SIGNALS:
    void nowChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDateTime m_now;
    ChatLabels *m_texts;
};

} // namespace CStar
