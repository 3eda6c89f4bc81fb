// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QToolButton;

namespace CStar {

class TicketDelegate;
class TicketsModel;

/// ChatPanel's list page: the customer's conversations, the "New
/// conversation" button, the sign-in prompt of an anonymous session and the
/// empty state. Presentation only; ChatPanel decides what opens.
class TicketListPage : public QWidget
{
    Q_OBJECT
public:
    TicketListPage(TicketsModel *tickets, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QToolButton *newButton() const { return m_newButton; }
    /// Selects the ticket's row (none when it is not in the list).
    void select(const QString &ticketId);
    void retranslate();
    void updateSignIn();

Q_SIGNALS:
    void newConversationRequested();
    void signInRequested();
    /// The current row moved to a ticket (keyboard or click).
    void ticketSelected(const QString &ticketId);
    /// Enter or a double click on a ticket.
    void ticketActivated(const QString &ticketId);

private:
    TicketsModel *m_tickets;
    QLabel *m_title;
    QToolButton *m_newButton;
    QFrame *m_signInBox;
    QLabel *m_signInLabel;
    QPushButton *m_signInButton;
    QListView *m_view;
    QLabel *m_emptyLabel;
};

} // namespace CStar
