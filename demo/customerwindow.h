// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QQmlEngine;
class QSystemTrayIcon;

namespace CStar {
class ChatClient;
class ChatPanel;
class ChatState;
class MessagesModel;
} // namespace CStar

namespace CStar::Demo {

class AgentApi;
class DemoBackend;
class QuickCustomerView;

/// The customer's window: the SDK's ChatPanel (or the QML ChatView) plus a
/// toolbar for what a demo should show: realtime vs polling, a simulated
/// network loss, and signing in as a known customer through "your backend".
class CustomerWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// With `qmlEngine`, the QML ChatView (made by that engine) instead of the
    /// widget panel; qmlView()->chatView() is null if it did not load.
    CustomerWindow(ChatClient *client, ChatState *state, AgentApi *agent,
                   const DemoBackend *backend, QQmlEngine *qmlEngine = nullptr,
                   QWidget *parent = nullptr);
    ~CustomerWindow() override;

    /// The widget panel (null when the QML view is used).
    ChatPanel *panel() const { return m_panel; }
    /// The QML ChatView's host (null when the widget panel is used).
    QuickCustomerView *qmlView() const { return m_qmlView; }
    /// The open conversation's model, whichever view shows it.
    MessagesModel *messagesModel() const;
    void openTicket(const QString &ticketId);
    /// `wanted`, or less on a small screen: the size of windows without a saved geometry.
    static QSize firstRunSize(const QSize &wanted);

public Q_SLOTS:
    void signIn();
    void simulateNetworkLoss(int milliseconds = 8000);

Q_SIGNALS:
    /// Picked in the Language menu ("en", "de", "fr", "es", "ja", "ar").
    void languageRequested(const QString &language);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslate();
    void updateStatus();
    void notify(const QString &ticketId, const QString &senderName, const QString &text);

    ChatClient *m_client;
    ChatState *m_state;
    AgentApi *m_agent;
    const DemoBackend *m_backend;
    ChatPanel *m_panel = nullptr;
    QuickCustomerView *m_qmlView = nullptr;
    QAction *m_realtime;
    QAction *m_networkLoss;
    QAction *m_signIn;
    QMenu *m_languageMenu;
    QActionGroup *m_languages;
    QLabel *m_statusLabel;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace CStar::Demo
