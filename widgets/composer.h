// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_widgets_export.h"

#include <QWidget>

#include <memory>

namespace CStar {

class ComposerPrivate;

/// The message composer: multi-line, Enter sends, Shift+Enter starts a new
/// line, sending is disabled for whitespace-only text (unless files are
/// attached, protocol §11) and over the limit (10,000 characters, protocol
/// §6), and the count is shown near the limit.
class CSTARCHAT_WIDGETS_EXPORT Composer : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY canSendChanged)
    Q_PROPERTY(int maxLength READ maxLength WRITE setMaxLength)
    /// Files are attached: the message may be sent without text.
    Q_PROPERTY(bool hasAttachments READ hasAttachments WRITE setHasAttachments)
public:
    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    QString text() const;
    void setText(const QString &text);
    bool canSend() const;
    int maxLength() const;
    void setMaxLength(int characters);
    bool hasAttachments() const;
    void setHasAttachments(bool attached);
    /// The text field, for focus handling and tests.
    QWidget *editor() const;

public Q_SLOTS:
    /// Emits sendRequested() with the trimmed text and clears, if allowed.
    void send();
    void clear();

Q_SIGNALS:
    void textChanged();
    void canSendChanged();
    void sendRequested(const QString &text);
    /// The text field lost focus (typing leases end, protocol §7).
    void focusLost();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCanSend();
    std::unique_ptr<ComposerPrivate> d;
};

} // namespace CStar
