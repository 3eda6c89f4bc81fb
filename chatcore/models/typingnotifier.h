// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QObject>

#include <memory>

namespace CStar {

class ChatClient;
class TypingNotifierPrivate;

/// Turns a composer's text changes into typing leases (protocol §7), so UIs
/// need no timers: call textChanged() on every edit. It sends `true` at most
/// every TransportOptions::typingResendMs while the user types, and `false`
/// when the text is cleared, after a pause without keystrokes (pauseMs), on
/// messageSent() and on focusLost() / setActive(false).
class CSTARCHAT_CORE_EXPORT TypingNotifier : public QObject
{
    Q_OBJECT
    Q_PROPERTY(CStar::ChatClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString ticketId READ ticketId WRITE setTicketId NOTIFY ticketIdChanged)
    Q_PROPERTY(int pauseMs READ pauseMs WRITE setPauseMs NOTIFY pauseMsChanged)
    /// What the server was last told.
    Q_PROPERTY(bool typing READ isTyping NOTIFY typingChanged)
public:
    explicit TypingNotifier(QObject *parent = nullptr);
    TypingNotifier(ChatClient *client, const QString &ticketId, QObject *parent = nullptr);
    ~TypingNotifier() override;

    ChatClient *client() const;
    void setClient(ChatClient *client);
    QString ticketId() const;
    /// Switching tickets ends typing on the previous one.
    void setTicketId(const QString &ticketId);
    /// Keystroke pause after which typing ends (default 3000 ms).
    int pauseMs() const;
    void setPauseMs(int ms);
    bool isTyping() const;

public Q_SLOTS:
    void textChanged(const QString &text);
    void messageSent();
    void focusLost();
    /// setActive(false) is focusLost(); true changes nothing until the next edit.
    void setActive(bool active);

Q_SIGNALS:
    void clientChanged();
    void ticketIdChanged();
    void pauseMsChanged();
    void typingChanged();

private:
    std::unique_ptr<TypingNotifierPrivate> d;
};

} // namespace CStar
