// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_widgets_export.h"

#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>

namespace CStar {

class ChatClient;
class ChatState;
class ConversationController;
class MessagesModel;
class TicketsModel;
class ChatPanelPrivate;

/// A drop-in support chat for Qt Widgets applications:
///
///     auto *client = new CStar::ChatClient(QStringLiteral("acme"), this);
///     auto *panel = new CStar::ChatPanel(client, this);
///     layout->addWidget(panel);
///
/// Full mode shows the ticket list beside the open conversation; compact mode
/// (for a side dock) shows one page at a time. Follows the application's
/// palette, fonts and layout direction.
///
/// Customers attach files (protocol §11) with the attach button
/// (Ctrl+Shift+A), by dropping them on the panel or pasting an image, and
/// "Attach a screenshot of this window": a picture of the panel's top-level
/// window as it is — the chat panel included — reviewed (and cropped)
/// before it is attached. Turn that off with setScreenshotEnabled(false) or
/// supply your own capture with setScreenshotProvider().
class CSTARCHAT_WIDGETS_EXPORT ChatPanel : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(
        QString currentTicketId READ currentTicketId WRITE openTicket NOTIFY currentTicketChanged)
    /// "Attach a screenshot of this window" is offered (default true).
    Q_PROPERTY(bool screenshotEnabled READ isScreenshotEnabled WRITE setScreenshotEnabled NOTIFY
                   screenshotEnabledChanged)
public:
    enum class Mode { Full, Compact };
    Q_ENUM(Mode)

    /// Uses `state` when given (share one ChatState per client); otherwise
    /// creates one that restores the stored session.
    explicit ChatPanel(ChatClient *client, QWidget *parent = nullptr, ChatState *state = nullptr);
    ~ChatPanel() override;

    ChatClient *client() const;
    ChatState *chatState() const;
    /// What the panel shows: the open conversation, drafts, the
    /// new-conversation flow (QML's ChatView drives the same class).
    ConversationController *conversation() const;
    TicketsModel *ticketsModel() const;
    MessagesModel *messagesModel() const;

    Mode mode() const;
    void setMode(Mode mode);
    QString currentTicketId() const;

    bool isScreenshotEnabled() const;
    void setScreenshotEnabled(bool enabled);
    /// The picture "Attach a screenshot" offers; by default the grab of
    /// window() (the app's own pixels, no screen-capture permission). A
    /// null image cancels. The customer reviews it before it is attached.
    void setScreenshotProvider(std::function<QImage()> provider);

public Q_SLOTS:
    void openTicket(const QString &ticketId);
    /// Shows the form for a new conversation and focuses it.
    void startNewConversation();
    /// Back to the ticket list (compact mode).
    void showTicketList();

Q_SIGNALS:
    void modeChanged();
    void currentTicketChanged();
    void screenshotEnabledChanged();
    /// The user asked to sign in (the ticket list needs identify). Your app
    /// signs the customer on its backend and calls ChatClient::identify().
    void signInRequested();
    /// A message from an agent arrived (for notifications).
    void agentMessageArrived(const QString &ticketId, const QString &senderName,
                             const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class ChatPanelPrivate;
    std::unique_ptr<ChatPanelPrivate> d;
};

} // namespace CStar
