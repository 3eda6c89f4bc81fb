// SPDX-License-Identifier: MIT
#include "chatpanel.h"

#include "attachmentactions_p.h"
#include "attachmentbar_p.h"
#include "bidi_p.h"
#include "chatclient.h"
#include "chatstate.h"
#include "chattext.h"
#include "composer.h"
#include "connectionbanner.h"
#include "conversationcontroller.h"
#include "messagedelegate.h"
#include "messagelistview_p.h"
#include "messagesmodel.h"
#include "ticketlistpage_p.h"
#include "ticketsmodel.h"
#include "typinglabel_p.h"
#include "typingnotifier.h"

#include <QAccessible>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace CStar {

class ChatPanelPrivate
{
public:
    ChatPanel *q;
    ChatClient *client;
    ChatState *state;
    ConversationController *conversation;
    TicketsModel *tickets;
    MessagesModel *messages;
    TypingNotifier *typing;
    ChatPanel::Mode mode = ChatPanel::Mode::Full;

    ConnectionBanner *banner = nullptr;
    QSplitter *splitter = nullptr;
    TicketListPage *listPage = nullptr;
    QWidget *threadPage = nullptr;

    QToolButton *backButton = nullptr;
    QLabel *threadTitle = nullptr;
    QLineEdit *subjectEdit = nullptr;
    MessageListView *messageView = nullptr;
    TypingLabel *typingLabel = nullptr;
    QLabel *errorLabel = nullptr;
    QLabel *announcer = nullptr;
    Composer *composer = nullptr;
    AttachmentActions *attachments = nullptr;

    bool showThread = false; // compact mode: the thread page, not the list
    Qt::FocusPolicy messageFocusPolicy = Qt::StrongFocus;

    explicit ChatPanelPrivate(ChatPanel *q, ChatClient *client, ChatState *state);
    void buildListPage();
    void buildThreadPage();
    void connectModels();
    void connectConversation();
    void retranslate();
    void applyMode();
    void updateFocusChain();
    void updateThreadHeader();
    void updatePlaceholder();
    void updateError();
    void maybeMarkRead();
    void announce(const QString &text);
};

ChatPanelPrivate::ChatPanelPrivate(ChatPanel *q, ChatClient *client, ChatState *state)
    : q(q)
    , client(client)
    , state(state ? state : new ChatState(client, q))
    , conversation(new ConversationController(client, q))
    , tickets(conversation->ticketsModel())
    , messages(conversation->messagesModel())
    , typing(conversation->typingNotifier())
{ }

void ChatPanelPrivate::buildListPage()
{
    listPage = new TicketListPage(tickets);
    QObject::connect(listPage, &TicketListPage::newConversationRequested, q,
                     &ChatPanel::startNewConversation);
    QObject::connect(listPage, &TicketListPage::signInRequested, q, &ChatPanel::signInRequested);
    QObject::connect(listPage, &TicketListPage::ticketSelected, q, [this](const QString &ticketId) {
        if (mode == ChatPanel::Mode::Full)
            q->openTicket(ticketId);
    });
    QObject::connect(listPage, &TicketListPage::ticketActivated, q,
                     [this](const QString &ticketId) {
                         q->openTicket(ticketId);
                         composer->setFocus();
                     });
}

void ChatPanelPrivate::buildThreadPage()
{
    threadPage = new QWidget;
    threadPage->setObjectName(QStringLiteral("threadPage"));
    backButton = new QToolButton;
    backButton->setObjectName(QStringLiteral("backButton"));
    backButton->setAutoRaise(true);
    QObject::connect(backButton, &QToolButton::clicked, q, &ChatPanel::showTicketList);
    threadTitle = new QLabel;
    threadTitle->setObjectName(QStringLiteral("threadTitle"));
    QFont bold = threadTitle->font();
    bold.setBold(true);
    threadTitle->setFont(bold);
    threadTitle->setTextFormat(Qt::PlainText);
    subjectEdit = new QLineEdit;
    subjectEdit->setObjectName(QStringLiteral("subjectEdit"));
    subjectEdit->setMaxLength(200);
    subjectEdit->hide();
    // Subject, then Enter: on to the message, as Tab does.
    QObject::connect(subjectEdit, &QLineEdit::returnPressed, q, [this] { composer->setFocus(); });
    QObject::connect(subjectEdit, &QLineEdit::textChanged, conversation,
                     &ConversationController::setSubject);

    messageView = new MessageListView(messages);
    QObject::connect(messageView, &QListView::customContextMenuRequested, q,
                     [this](const QPoint &pos) { attachments->showMessageMenu(pos); });
    QObject::connect(messageView, &MessageListView::newestVisible, q, [this] { maybeMarkRead(); });
    QObject::connect(messageView, &MessageListView::incomingArrived, q,
                     [this](const QString &text) { announce(text); });
    MessageDelegate *delegate = messageView->messageDelegate();
    QObject::connect(delegate, &MessageDelegate::retryRequested, messages, &MessagesModel::retry);
    QObject::connect(delegate, &MessageDelegate::discardRequested, messages,
                     &MessagesModel::discard);
    QObject::connect(delegate, &MessageDelegate::linkActivated, q,
                     [](const QUrl &url) { QDesktopServices::openUrl(url); });

    typingLabel = new TypingLabel;
    errorLabel = new QLabel;
    errorLabel->setObjectName(QStringLiteral("threadError"));
    errorLabel->setWordWrap(true);
    errorLabel->hide();
    announcer = new QLabel(q);
    announcer->setObjectName(QStringLiteral("announcer"));
    announcer->hide();

    composer = new Composer(threadPage);
    composer->setObjectName(QStringLiteral("composer"));
    attachments = new AttachmentActions(q, conversation, composer, delegate, messageView);
    delegate->setAttachmentCache(client->attachmentCache());
    auto *composerRow = new QHBoxLayout;
    composerRow->addWidget(attachments->attachButton(), 0, Qt::AlignBottom);
    composerRow->addWidget(composer, 1);

    auto *header = new QHBoxLayout;
    header->addWidget(backButton);
    header->addWidget(threadTitle, 1);
    auto *layout = new QVBoxLayout(threadPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(subjectEdit);
    layout->addWidget(messageView, 1);
    layout->addWidget(errorLabel);
    layout->addWidget(typingLabel);
    layout->addWidget(attachments->bar());
    layout->addLayout(composerRow);

    QObject::connect(composer, &Composer::sendRequested, conversation,
                     &ConversationController::submit);
    QObject::connect(composer, &Composer::textChanged, q,
                     [this] { conversation->setDraft(composer->text()); });
    QObject::connect(composer, &Composer::focusLost, typing, &TypingNotifier::focusLost);
}

void ChatPanelPrivate::connectModels()
{
    QObject::connect(state, &ChatState::sessionKindChanged, listPage,
                     &TicketListPage::updateSignIn);
    QObject::connect(messages, &MessagesModel::typingUsersChanged, q,
                     [this] { typingLabel->setUsers(messages->typingUsers()); });
}

void ChatPanelPrivate::connectConversation()
{
    ConversationController *c = conversation;
    QObject::connect(c, &ConversationController::currentTicketIdChanged, q, [this] {
        messageView->hidePill();
        showThread = !conversation->currentTicketId().isEmpty();
        listPage->select(conversation->currentTicketId());
        typingLabel->setUsers(messages->typingUsers());
        applyMode();
        Q_EMIT q->currentTicketChanged();
    });
    QObject::connect(c, &ConversationController::creatingTicketChanged, q, [this] {
        const bool creating = conversation->isCreatingTicket();
        subjectEdit->setVisible(creating);
        if (creating) {
            showThread = true;
            listPage->select(QString());
            Q_EMIT q->currentTicketChanged();
        }
        applyMode();
    });
    QObject::connect(c, &ConversationController::draftChanged, q, [this] {
        if (composer->text() != conversation->draft())
            composer->setText(conversation->draft());
    });
    QObject::connect(c, &ConversationController::subjectChanged, q, [this] {
        if (subjectEdit->text() != conversation->subject())
            subjectEdit->setText(conversation->subject());
    });
    QObject::connect(c, &ConversationController::startingChanged, q,
                     [this] { composer->setEnabled(!conversation->isStarting()); });
    QObject::connect(c, &ConversationController::titleChanged, q, [this] { updateThreadHeader(); });
    QObject::connect(c, &ConversationController::placeholderTextChanged, q,
                     [this] { updatePlaceholder(); });
    QObject::connect(c, &ConversationController::errorChanged, q, [this] { updateError(); });
    QObject::connect(c, &ConversationController::messageSubmitted, messageView,
                     &MessageListView::scrollToNewest);
    QObject::connect(c, &ConversationController::conversationStarted, q,
                     [this](const QString &ticketId) {
                         if (ticketId == conversation->currentTicketId())
                             composer->setFocus();
                     });
}

void ChatPanelPrivate::retranslate()
{
    listPage->retranslate();
    backButton->setText(ChatText::label(ChatText::BackButton));
    backButton->setAccessibleName(ChatText::label(ChatText::BackButtonName));
    backButton->setArrowType(q->layoutDirection() == Qt::RightToLeft ? Qt::RightArrow
                                                                     : Qt::LeftArrow);
    subjectEdit->setPlaceholderText(ChatText::label(ChatText::SubjectPlaceholder));
    subjectEdit->setAccessibleName(ChatText::label(ChatText::SubjectFieldName));
    typingLabel->retranslate();
    attachments->retranslate();
    typingLabel->setUsers(messages->typingUsers());
    updateThreadHeader(); // the direction mark follows the layout direction
    // The delegates paint translated text (statuses, times, delivery states)
    // and mirror with the direction: lay out and paint again.
    messageView->retranslate();
}

void ChatPanelPrivate::applyMode()
{
    const bool compact = mode == ChatPanel::Mode::Compact;
    const bool threadOpen = showThread
        && (!conversation->currentTicketId().isEmpty() || conversation->isCreatingTicket());
    listPage->setVisible(!compact || !threadOpen);
    threadPage->setVisible(!compact || threadOpen);
    backButton->setVisible(compact);
    // Side by side, the newest conversation opens by itself; one page at a
    // time, the list shows first.
    conversation->setAutoOpen(!compact);
    updateFocusChain();
}

void ChatPanelPrivate::updateFocusChain()
{
    // A new conversation has no messages to read: Tab goes from the subject
    // straight to the message box.
    messageView->setFocusPolicy(conversation->isCreatingTicket() ? Qt::NoFocus
                                                                 : messageFocusPolicy);
}

void ChatPanelPrivate::updateThreadHeader()
{
    threadTitle->setText(inDirection(conversation->title(), q->layoutDirection()));
}

void ChatPanelPrivate::updatePlaceholder()
{
    messageView->setPlaceholderText(conversation->placeholderText());
}

void ChatPanelPrivate::updateError()
{
    // The sentence for people; the server's own words (English, for
    // developers) in the tooltip.
    const ChatError e = conversation->error();
    errorLabel->setText(conversation->errorText());
    errorLabel->setToolTip(e.isError() ? e.toString() : QString());
    errorLabel->setVisible(!conversation->errorText().isEmpty());
}

void ChatPanelPrivate::maybeMarkRead()
{
    if (!conversation->currentTicketId().isEmpty() && q->isVisible()
        && q->window()->isActiveWindow() && messageView->atBottom() && messages->unreadCount() > 0)
        messages->markRead();
}

void ChatPanelPrivate::announce(const QString &text)
{
    // Qt 6.4 widgets have no live regions: a name change on a helper label
    // is what screen readers pick up.
    announcer->setAccessibleName(text);
    QAccessibleEvent event(announcer, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

// ---- ChatPanel
// ----------------------------------------------------------------

ChatPanel::ChatPanel(ChatClient *client, QWidget *parent, ChatState *state)
    : QWidget(parent), d(new ChatPanelPrivate(this, client, state))
{
    setObjectName(QStringLiteral("chatPanel"));
    d->banner = new ConnectionBanner(client, this);
    d->buildListPage();
    d->buildThreadPage();
    d->splitter = new QSplitter(Qt::Horizontal, this);
    d->splitter->setChildrenCollapsible(false);
    d->splitter->addWidget(d->listPage);
    d->splitter->addWidget(d->threadPage);
    d->splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(d->banner);
    layout->addWidget(d->splitter, 1);
    d->connectModels();
    d->connectConversation();

    // Agent replies for notifications; also keeps the stream open while the panel
    // lives.
    client->onMessage(QString(), this, [this](const Message &message) {
        if (message.sender() == Message::Sender::Agent)
            Q_EMIT agentMessageArrived(message.ticketId(), message.senderName(), message.content());
    });

    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, this, &ChatPanel::startNewConversation);

    setTabOrder(d->listPage->view(), d->listPage->newButton());
    setTabOrder(d->listPage->newButton(), d->subjectEdit);
    setTabOrder(d->subjectEdit, d->messageView);
    setTabOrder(d->messageView, d->composer->editor());
    setTabOrder(d->composer->editor(), d->attachments->attachButton());
    d->attachments->bar()->setTabNeighbours(d->messageView, d->composer->editor());
    d->messageFocusPolicy = d->messageView->focusPolicy();
    d->retranslate();
    d->updatePlaceholder();
    d->updateError();
    d->applyMode();
    d->tickets->refresh();
}

ChatPanel::~ChatPanel() = default;

ChatClient *ChatPanel::client() const
{
    return d->client;
}
ChatState *ChatPanel::chatState() const
{
    return d->state;
}
ConversationController *ChatPanel::conversation() const
{
    return d->conversation;
}
TicketsModel *ChatPanel::ticketsModel() const
{
    return d->tickets;
}
MessagesModel *ChatPanel::messagesModel() const
{
    return d->messages;
}
ChatPanel::Mode ChatPanel::mode() const
{
    return d->mode;
}

void ChatPanel::setMode(Mode mode)
{
    if (mode == d->mode)
        return;
    d->mode = mode;
    d->applyMode();
    Q_EMIT modeChanged();
}

bool ChatPanel::isScreenshotEnabled() const
{
    return d->attachments->screenshotEnabled();
}

void ChatPanel::setScreenshotEnabled(bool enabled)
{
    if (enabled == isScreenshotEnabled())
        return;
    d->attachments->setScreenshotEnabled(enabled);
    Q_EMIT screenshotEnabledChanged();
}

void ChatPanel::setScreenshotProvider(std::function<QImage()> provider)
{
    d->attachments->setScreenshotProvider(std::move(provider));
}

QString ChatPanel::currentTicketId() const
{
    return d->conversation->currentTicketId();
}

void ChatPanel::openTicket(const QString &ticketId)
{
    d->conversation->openTicket(ticketId);
    d->showThread = !ticketId.isEmpty(); // also when it was open already (compact)
    d->applyMode();
}

void ChatPanel::startNewConversation()
{
    d->conversation->startNewConversation();
    d->showThread = true;
    d->applyMode();
    d->subjectEdit->setFocus();
}

void ChatPanel::showTicketList()
{
    d->conversation->leaveConversation();
    d->showThread = false;
    d->applyMode();
    d->listPage->view()->setFocus();
}

void ChatPanel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LayoutDirectionChange:
        d->retranslate();
        break;
    case QEvent::PaletteChange:
    case QEvent::FontChange:
        d->messageView->relayout();
        break;
    case QEvent::ActivationChange:
        d->maybeMarkRead();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace CStar
