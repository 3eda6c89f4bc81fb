// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"

#include <QColor>
#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace CStar {

/// Text helpers for the QML components (a singleton): the same dates as the
/// widget panel (TimeFormat) and message text as safe rich text.
class ChatFormat : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// The current time, refreshed every 30 s and on a language change: bind relative times to it
    /// (`ChatFormat.relativeTime(updatedAt, ChatFormat.now)`) to keep them true.
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)
public:
    explicit ChatFormat(QObject *parent = nullptr);

    QDateTime now() const { return m_now; }

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

    /// Message text as HTML for `Text.RichText`. `markdown` (agent messages):
    /// GitHub Markdown with raw HTML shown as text, never interpreted. Plain
    /// text gets its URLs linked. Images are never loaded: each becomes a
    /// link to its address. Links take `linkColor` (a palette role), since
    /// Text.linkColor does not apply to rich text.
    Q_INVOKABLE QString messageHtml(const QString &content, bool markdown,
                                    const QColor &linkColor) const;
    /// One line for a list: whitespace collapsed, Markdown markers (**, __,
    /// `, leading #, >, list bullets) removed.
    Q_INVOKABLE QString previewText(const QString &content) const;
    /// http, https and mailto only: what a delegate may open.
    Q_INVOKABLE bool isSafeLink(const QString &link) const;

Q_SIGNALS:
    void nowChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDateTime m_now;
};

} // namespace CStar
