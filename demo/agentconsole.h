// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStandardItem;
class QStandardItemModel;

namespace CStar {
class Composer;
class MessageDelegate;
} // namespace CStar

namespace CStar::Demo {

class AgentApi;
class AgentAttachments;

/// The support agent's window: every ticket of the team, the selected
/// conversation, a reply composer with typing leases, status and priority.
/// It reuses the SDK's delegates over plain item models.
class AgentConsole : public QMainWindow
{
    Q_OBJECT
public:
    explicit AgentConsole(AgentApi *api, QWidget *parent = nullptr);

    QString currentTicketId() const { return m_ticketId; }
    void openTicket(const QString &ticketId);
    /// The customer typing line ("Customer is typing…"), for tests.
    QString typingText() const;
    QStandardItemModel *messageModel() const { return m_messages; }
    QStandardItemModel *ticketModel() const { return m_tickets; }
    Composer *composer() const { return m_composer; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reloadTickets();
    void reloadMessages();
    void appendMessage(const QJsonObject &message);
    void nameItem(QListView *view, QStandardItem *item);
    void onEvent(const QString &type, const QJsonObject &data);
    void sendReply(const QString &text);
    void onComposerText();

    AgentApi *m_api;
    QString m_ticketId;
    AgentAttachments *m_files = nullptr;
    QStandardItemModel *m_tickets;
    QStandardItemModel *m_messages;
    QListView *m_ticketView;
    QListView *m_messageView;
    QLabel *m_title;
    QLabel *m_typing;
    QLabel *m_agentNameLabel;
    QLabel *m_statusLabel;
    QLabel *m_priorityLabel;
    QLineEdit *m_agentName;
    QComboBox *m_status;
    QComboBox *m_priority;
    Composer *m_composer;
    qint64 m_lastTypingSent = 0;
    bool m_typingSent = false;
    bool m_updatingCombos = false;
};

} // namespace CStar::Demo
