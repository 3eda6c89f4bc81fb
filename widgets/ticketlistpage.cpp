// SPDX-License-Identifier: MIT
#include "ticketlistpage_p.h"

#include "chattext.h"

#include "chatpanel.h"
#include "ticketdelegate.h"
#include "ticketsmodel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace CStar {

TicketListPage::TicketListPage(TicketsModel *tickets, QWidget *parent)
    : QWidget(parent)
    , m_tickets(tickets)
    , m_title(new QLabel)
    , m_newButton(new QToolButton)
    , m_signInBox(new QFrame)
    , m_signInLabel(new QLabel)
    , m_signInButton(new QPushButton)
    , m_view(new QListView)
    , m_emptyLabel(new QLabel)
{
    setObjectName(QStringLiteral("ticketListPage"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_newButton->setObjectName(QStringLiteral("newConversationButton"));
    m_newButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newButton->setFocusPolicy(Qt::StrongFocus);
    connect(m_newButton, &QToolButton::clicked, this, &TicketListPage::newConversationRequested);

    m_signInBox->setObjectName(QStringLiteral("signInPrompt"));
    m_signInBox->setFrameShape(QFrame::StyledPanel);
    m_signInLabel->setWordWrap(true);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    connect(m_signInButton, &QPushButton::clicked, this, &TicketListPage::signInRequested);
    auto *signInLayout = new QVBoxLayout(m_signInBox);
    signInLayout->addWidget(m_signInLabel);
    signInLayout->addWidget(m_signInButton, 0, Qt::AlignLeading);
    m_signInBox->hide();

    m_view->setObjectName(QStringLiteral("ticketList"));
    m_view->setModel(tickets);
    m_view->setItemDelegate(new TicketDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setUniformItemSizes(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_newButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_signInBox);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_emptyLabel);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT ticketSelected(current.data(TicketsModel::IdRole).toString());
            });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT ticketActivated(index.data(TicketsModel::IdRole).toString());
    });
    connect(tickets, &TicketsModel::errorChanged, this, &TicketListPage::updateSignIn);
    connect(tickets, &TicketsModel::countChanged, this, &TicketListPage::updateSignIn);
}

void TicketListPage::select(const QString &ticketId)
{
    const int row = m_tickets->rowOf(ticketId);
    if (row >= 0)
        m_view->setCurrentIndex(m_tickets->index(row));
    else
        m_view->clearSelection();
}

void TicketListPage::retranslate()
{
    m_title->setText(ChatText::label(ChatText::ConversationsTitle));
    m_newButton->setText(ChatText::label(ChatText::NewConversationButton));
    m_newButton->setAccessibleName(ChatText::label(ChatText::NewConversationButtonName));
    m_newButton->setToolTip(ChatText::label(ChatText::NewConversationToolTip));
    m_signInButton->setText(ChatText::label(ChatText::SignInButton));
    m_signInButton->setAccessibleName(ChatText::label(ChatText::SignInButtonName));
    m_view->setAccessibleName(ChatText::label(ChatText::ConversationsTitle));
    m_emptyLabel->setText(ChatText::label(ChatText::NoConversations));
    updateSignIn();
    // The delegate paints translated text (statuses, times) and mirrors.
    m_view->viewport()->update();
}

void TicketListPage::updateSignIn()
{
    const ChatError e = m_tickets->error();
    const bool needsIdentify = e.kind() == ChatError::Kind::AuthRequired;
    m_signInBox->setVisible(needsIdentify);
    if (needsIdentify) {
        // The server's hint is written for developers: keep it out of the
        // customer's way, in the tooltip.
        m_signInLabel->setText(ChatText::label(ChatText::SignInPrompt));
        m_signInLabel->setToolTip(e.hint());
        // Screen readers would read that tooltip as the description.
        m_signInLabel->setAccessibleDescription(ChatText::label(ChatText::GuestHint));
    }
    m_emptyLabel->setVisible(!needsIdentify && m_tickets->rowCount() == 0
                             && !m_tickets->isLoading());
}

} // namespace CStar
