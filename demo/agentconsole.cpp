// SPDX-License-Identifier: MIT
#include "agentconsole.h"

#include "agentapi.h"
#include "agentattachments.h"
#include "chattext.h"
#include "composer.h"
#include "customerwindow.h"
#include "messagedelegate.h"
#include "ticket.h"
#include "ticketdelegate.h"
#include "translation.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace CStar::Demo {

namespace {
enum Role {
    IdRole = Qt::UserRole + 1,
    TitleRole,
    StatusRole,
    PriorityRole,
    LastMessageRole,
    UnreadRole,
    UpdatedAtRole,
    ContentRole,
    SenderRole,
    SenderNameRole,
    CreatedAtRole,
    IsOwnRole,
    DeliveryRole,
    ShowSenderRole,
    DayRole,
    AttachmentsRole,
};
const QStringList statuses {QStringLiteral("new"), QStringLiteral("open"),
                            QStringLiteral("pending"), QStringLiteral("resolved"),
                            QStringLiteral("closed")};
const QStringList priorities {QStringLiteral("low"), QStringLiteral("normal"),
                              QStringLiteral("high"), QStringLiteral("urgent")};
} // namespace

AgentConsole::AgentConsole(AgentApi *api, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_tickets(new QStandardItemModel(this))
    , m_messages(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("agentConsole"));
    m_tickets->setItemRoleNames({{IdRole, "id"},
                                 {TitleRole, "title"},
                                 {StatusRole, "status"},
                                 {PriorityRole, "priority"},
                                 {LastMessageRole, "lastMessage"},
                                 {UnreadRole, "unreadCount"},
                                 {UpdatedAtRole, "updatedAt"}});
    m_messages->setItemRoleNames({{IdRole, "id"},
                                  {ContentRole, "content"},
                                  {SenderRole, "sender"},
                                  {SenderNameRole, "senderName"},
                                  {CreatedAtRole, "createdAt"},
                                  {IsOwnRole, "isOwn"},
                                  {DeliveryRole, "deliveryState"},
                                  {ShowSenderRole, "showSender"},
                                  {DayRole, "daySection"},
                                  {AttachmentsRole, "attachments"}});

    m_ticketView = new QListView;
    m_ticketView->setObjectName(QStringLiteral("agentTicketList"));
    m_ticketView->setModel(m_tickets);
    m_ticketView->setItemDelegate(new TicketDelegate(m_ticketView));
    m_ticketView->setUniformItemSizes(true);
    connect(m_ticketView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                if (index.isValid())
                    openTicket(index.data(IdRole).toString());
            });

    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_priority = new QComboBox;
    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    for (const QString &s : statuses)
        m_status->addItem(Ticket::statusDisplayName(s), s);
    for (const QString &p : priorities)
        m_priority->addItem(Ticket::priorityDisplayName(p), p);
    auto changeTicket = [this](const QString &field, QComboBox *box) {
        if (m_updatingCombos || m_ticketId.isEmpty())
            return;
        m_api->updateTicket(m_ticketId, {{field, box->currentData().toString()}});
    };
    connect(m_status, &QComboBox::activated, this,
            [=] { changeTicket(QStringLiteral("status"), m_status); });
    connect(m_priority, &QComboBox::activated, this,
            [=] { changeTicket(QStringLiteral("priority"), m_priority); });

    m_messageView = new QListView;
    m_messageView->setObjectName(QStringLiteral("agentMessageList"));
    m_messageView->setModel(m_messages);
    auto *delegate = new MessageDelegate(m_messageView);
    m_messageView->setItemDelegate(delegate);
    m_files = new AgentAttachments(m_api, this);
    connect(delegate, &MessageDelegate::saveRequested, m_files, &AgentAttachments::save);
    connect(delegate, &MessageDelegate::imageActivated, m_files, &AgentAttachments::save);
    connect(m_files, &AgentAttachments::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_messageView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Bubbles wrap to the width: never a sideways scroll (as in ChatPanel).
    m_messageView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_messageView->setSelectionMode(QAbstractItemView::NoSelection);
    m_messageView->setResizeMode(QListView::Adjust);

    m_typing = new QLabel(QStringLiteral(" "));
    m_typing->setObjectName(QStringLiteral("agentTypingIndicator"));
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_agentName = new QLineEdit(QStringLiteral("Ana"));
    m_agentName->setObjectName(QStringLiteral("agentName"));
    m_composer = new Composer;
    m_composer->setObjectName(QStringLiteral("agentComposer"));
    connect(m_composer, &Composer::sendRequested, this, &AgentConsole::sendReply);
    connect(m_composer, &Composer::textChanged, this, &AgentConsole::onComposerText);

    // Buddies: screen readers say "Status: New", not just "New" (a Qt 6.4
    // combo box reads its value as its name, whatever its accessibleName).
    m_agentNameLabel = new QLabel;
    m_agentNameLabel->setBuddy(m_agentName);
    m_statusLabel = new QLabel;
    m_statusLabel->setBuddy(m_status);
    m_priorityLabel = new QLabel;
    m_priorityLabel->setBuddy(m_priority);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_title, 1);
    controls->addWidget(m_statusLabel);
    controls->addWidget(m_status);
    controls->addWidget(m_priorityLabel);
    controls->addWidget(m_priority);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_agentNameLabel);
    nameRow->addWidget(m_agentName, 1);
    auto *thread = new QWidget;
    auto *threadLayout = new QVBoxLayout(thread);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->addLayout(controls);
    threadLayout->addWidget(m_messageView, 1);
    threadLayout->addWidget(m_typing);
    threadLayout->addLayout(nameRow);
    threadLayout->addWidget(m_files->bar());
    threadLayout->addWidget(m_composer);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_ticketView);
    splitter->addWidget(thread);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    connect(m_api, &AgentApi::eventArrived, this, &AgentConsole::onEvent);
    connect(m_api, &AgentApi::typingChanged, this, [this](const QJsonArray &typing) {
        QString text;
        for (const QJsonValue &v : typing) {
            const QJsonObject t = v.toObject();
            if (t.value(QLatin1String("ticketId")).toString() == m_ticketId
                && t.value(QLatin1String("sender")).toString() == QLatin1String("customer")) {
                const QString name = t.value(QLatin1String("senderName")).toString();
                text = ChatText::typingText({name.isEmpty() ? tr("The customer") : name});
            }
        }
        // "Guest is typing…" in Arabic: a mark keeps the line right to left.
        if (!text.isEmpty() && text.isRightToLeft() != (layoutDirection() == Qt::RightToLeft))
            text.prepend(QChar(layoutDirection() == Qt::RightToLeft ? 0x200F : 0x200E));
        m_typing->setText(text.isEmpty() ? QStringLiteral(" ") : text);
    });
    connect(m_api, &AgentApi::requestFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    retranslate();
    resize(CustomerWindow::firstRunSize(QSize(760, 620)));
    reloadTickets();
    m_api->startFeed();
}

QString AgentConsole::typingText() const
{
    return m_typing->text().trimmed();
}

void AgentConsole::retranslate()
{
    setWindowTitle(tr("cStar demo — Agent console"));
    m_ticketView->setAccessibleName(tr("All tickets of the team"));
    m_messageView->setAccessibleName(tr("Conversation"));
    m_agentNameLabel->setText(tr("Reply as:"));
    m_agentName->setAccessibleName(tr("Agent name"));
    m_statusLabel->setText(tr("Status:"));
    m_priorityLabel->setText(tr("Priority:"));
    m_status->setAccessibleName(tr("Ticket status"));
    m_priority->setAccessibleName(tr("Ticket priority"));
    for (int i = 0; i < statuses.size(); ++i)
        m_status->setItemText(i, Ticket::statusDisplayName(statuses.at(i)));
    for (int i = 0; i < priorities.size(); ++i)
        m_priority->setItemText(i, Ticket::priorityDisplayName(priorities.at(i)));
    if (m_ticketId.isEmpty())
        m_title->setText(tr("Select a ticket"));
    for (int row = 0; row < m_tickets->rowCount(); ++row)
        nameItem(m_ticketView, m_tickets->item(row));
    for (int row = 0; row < m_messages->rowCount(); ++row)
        nameItem(m_messageView, m_messages->item(row));
}

void AgentConsole::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void AgentConsole::nameItem(QListView *view, QStandardItem *item)
{
    // The rows carry no display text (the delegates paint from roles): the
    // delegate's own sentence is what a screen reader reads for the row.
    QString text;
    if (auto *tickets = qobject_cast<TicketDelegate *>(view->itemDelegate()))
        text = tickets->accessibleText(item->index());
    else if (auto *messages = qobject_cast<MessageDelegate *>(view->itemDelegate()))
        text = messages->accessibleText(item->index());
    item->setData(text, Qt::AccessibleTextRole);
}

void AgentConsole::reloadTickets()
{
    m_api->listTickets([this](int status, const QJsonObject &body) {
        if (status != 200)
            return;
        m_tickets->removeRows(0, m_tickets->rowCount());
        for (const QJsonValue &v : body.value(QLatin1String("data")).toArray()) {
            const QJsonObject t = v.toObject();
            auto *item = new QStandardItem;
            item->setData(t.value(QLatin1String("id")).toString(), IdRole);
            item->setData(t.value(QLatin1String("title")).toString(), TitleRole);
            item->setData(t.value(QLatin1String("status")).toString(), StatusRole);
            item->setData(t.value(QLatin1String("priority")).toString(), PriorityRole);
            item->setData(t.value(QLatin1String("lastMessage"))
                              .toObject()
                              .value(QLatin1String("content"))
                              .toString(),
                          LastMessageRole);
            item->setData(QDateTime::fromString(t.value(QLatin1String("updatedAt")).toString(),
                                                Qt::ISODateWithMs),
                          UpdatedAtRole);
            item->setEditable(false);
            m_tickets->appendRow(item);
            nameItem(m_ticketView, item);
            if (t.value(QLatin1String("id")).toString() == m_ticketId) {
                m_updatingCombos = true;
                m_status->setCurrentIndex(
                    statuses.indexOf(t.value(QLatin1String("status")).toString()));
                m_priority->setCurrentIndex(
                    priorities.indexOf(t.value(QLatin1String("priority")).toString()));
                m_title->setText(t.value(QLatin1String("title")).toString());
                m_updatingCombos = false;
            }
        }
        if (m_ticketId.isEmpty() && m_tickets->rowCount() > 0)
            m_ticketView->setCurrentIndex(m_tickets->index(0, 0));
    });
}

void AgentConsole::openTicket(const QString &ticketId)
{
    if (ticketId == m_ticketId)
        return;
    if (m_typingSent)
        m_api->setTyping(m_ticketId, false, m_agentName->text());
    m_typingSent = false;
    m_ticketId = ticketId;
    m_typing->setText(QStringLiteral(" "));
    for (int row = 0; row < m_tickets->rowCount(); ++row) {
        const QModelIndex index = m_tickets->index(row, 0);
        if (index.data(IdRole).toString() == ticketId) {
            m_title->setText(index.data(TitleRole).toString());
            m_updatingCombos = true;
            m_status->setCurrentIndex(statuses.indexOf(index.data(StatusRole).toString()));
            m_priority->setCurrentIndex(priorities.indexOf(index.data(PriorityRole).toString()));
            m_updatingCombos = false;
        }
    }
    reloadTickets(); // also fills the header when the list did not have it yet
    reloadMessages();
}

void AgentConsole::reloadMessages()
{
    m_messages->removeRows(0, m_messages->rowCount());
    const QString ticketId = m_ticketId;
    m_api->listMessages(ticketId, [this, ticketId](int status, const QJsonObject &body) {
        if (status != 200 || ticketId != m_ticketId)
            return;
        m_messages->removeRows(0, m_messages->rowCount());
        for (const QJsonValue &v : body.value(QLatin1String("data")).toArray())
            appendMessage(v.toObject());
    });
}

void AgentConsole::appendMessage(const QJsonObject &m)
{
    const QString id = m.value(QLatin1String("id")).toString();
    for (int row = 0; row < m_messages->rowCount(); ++row) {
        if (m_messages->item(row)->data(IdRole).toString() == id)
            return;
    }
    const QString sender = m.value(QLatin1String("sender")).toString();
    const QDateTime created =
        QDateTime::fromString(m.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
    const QString day = created.toLocalTime().date().toString(Qt::ISODate);
    QString previousSender;
    QString previousDay;
    if (m_messages->rowCount() > 0) {
        QStandardItem *last = m_messages->item(m_messages->rowCount() - 1);
        previousSender = last->data(SenderRole).toString() + last->data(SenderNameRole).toString();
        previousDay = last->data(DayRole).toString();
    }
    auto *item = new QStandardItem;
    QString content = m.value(QLatin1String("content")).toString();
    if (m.value(QLatin1String("isInternal")).toBool())
        content = tr("[internal note] %1").arg(content);
    item->setData(id, IdRole);
    item->setData(content, ContentRole);
    // In the agent's view the agent's own messages are on the trailing side.
    item->setData(sender, SenderRole);
    item->setData(m.value(QLatin1String("senderName")).toString(), SenderNameRole);
    item->setData(created, CreatedAtRole);
    item->setData(sender == QLatin1String("agent"), IsOwnRole);
    item->setData(QStringLiteral("sent"), DeliveryRole);
    item->setData(previousSender != sender + m.value(QLatin1String("senderName")).toString()
                      || previousDay != day,
                  ShowSenderRole);
    item->setData(day, DayRole);
    item->setEditable(false);
    m_messages->appendRow(item);
    item->setData(m_files->mapsFor(m, item->index(), AttachmentsRole), AttachmentsRole);
    nameItem(m_messageView, item);
    m_messageView->scrollToBottom();
}

void AgentConsole::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("message.created")
        && data.value(QLatin1String("ticketId")).toString() == m_ticketId)
        appendMessage(data);
    if (type.startsWith(QLatin1String("ticket.")) || type == QLatin1String("message.created"))
        reloadTickets();
}

void AgentConsole::sendReply(const QString &text)
{
    if (m_ticketId.isEmpty()) {
        // The composer cleared itself; nothing typed is lost.
        m_composer->setText(text);
        statusBar()->showMessage(tr("Select a ticket to reply to."), 5000);
        return;
    }
    m_typingSent = false;
    m_api->setTyping(m_ticketId, false, m_agentName->text());
    m_files->send(m_ticketId, text, m_agentName->text(),
                  [this, text](int status, const QJsonObject &body) {
                      if (status == 201) {
                          appendMessage(body.value(QLatin1String("data")).toObject());
                      } else if (m_composer->text().isEmpty()) {
                          m_composer->setText(text); // requestFailed() says why
                      }
                  });
}

void AgentConsole::onComposerText()
{
    if (m_ticketId.isEmpty())
        return;
    const bool typing = !m_composer->text().trimmed().isEmpty();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Typing lease (protocol §7): `true` at most every 3 s, `false` on clear.
    if (typing && (!m_typingSent || now - m_lastTypingSent > 3000)) {
        m_api->setTyping(m_ticketId, true, m_agentName->text());
        m_lastTypingSent = now;
        m_typingSent = true;
    } else if (!typing && m_typingSent) {
        m_api->setTyping(m_ticketId, false, m_agentName->text());
        m_typingSent = false;
    }
}

} // namespace CStar::Demo

namespace {

/// The demo's own catalogs (cstarchat_demo_<lang>.qm, embedded under :/i18n)
/// join the SDK's: the Language menu switches them with the libraries'.
void addDemoCatalog()
{
    CStar::Translation::addCatalog(QStringLiteral("cstarchat_demo"));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(addDemoCatalog)
