// SPDX-License-Identifier: MIT
#pragma once

#include <QQuickWidget>

class QQmlEngine;

namespace CStar {
class ChatClient;
class ChatState;
class MessagesModel;
} // namespace CStar

namespace CStar::Demo {

/// The QML ChatView (import CStar.Chat) hosted in the customer window, for
/// --qml, with the app's own ChatClient made in C++.
class QuickCustomerView : public QQuickWidget
{
    Q_OBJECT
public:
    /// Adds where CStar.Chat lives (installed next to the binary, or the
    /// build tree's) to `engine`'s import paths.
    static void addImportPath(QQmlEngine *engine);

    QuickCustomerView(QQmlEngine *engine, ChatClient *client, ChatState *state,
                      QWidget *parent = nullptr);

    /// ChatView itself (null when it failed to load; loadError() says why).
    QQuickItem *chatView() const { return rootObject(); }
    QString loadError() const;
    MessagesModel *messagesModel() const;
    QString currentTicketId() const;
    void openTicket(const QString &ticketId);

Q_SIGNALS:
    /// ChatView's signals, typed for C++.
    void signInRequested();
    void agentMessageArrived(const QString &ticketId, const QString &senderName,
                             const QString &text);
};

} // namespace CStar::Demo
