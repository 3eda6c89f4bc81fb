// SPDX-License-Identifier: MIT
#include "chatpanel.h"

#include "chatclient.h"
#include "chatstate.h"
#include "chattext.h"
#include "composer.h"
#include "connectionbanner.h"
#include "messagedelegate.h"
#include "messagesmodel.h"
#include "ticketdelegate.h"
#include "ticketsmodel.h"
#include "typingnotifier.h"

#include <QAccessible>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace CStar {

namespace {
/// A label takes its paragraph direction from its first letter: a text that
/// starts with a name or a title ("Ana is typing…" in Arabic, an English
/// subject in the header) gets a mark so it reads in the UI's direction.
QString inDirection(const QString &text, Qt::LayoutDirection direction)
{
    const bool rtl = direction == Qt::RightToLeft;
    if (text.isEmpty() || text.isRightToLeft() == rtl)
        return text;
    return QChar(rtl ? 0x200F : 0x200E) + text; // RIGHT-TO-LEFT / LEFT-TO-RIGHT MARK
}

/// Italics are a Latin, Greek and Cyrillic convention: Arabic or Japanese
/// text stays upright (and fonts often have no oblique glyphs for them).
bool suitsItalics(const QString &text)
{
    for (const QChar c : text) {
        switch (c.script()) {
        case QChar::Script_Common:
        case QChar::Script_Inherited:
        case QChar::Script_Latin:
        case QChar::Script_Greek:
        case QChar::Script_Cyrillic:
            break;
        default:
            return false;
        }
    }
    return true;
}
} // namespace

class ChatPanelPrivate
{
public:
    ChatPanel *q;
    ChatClient *client;
    ChatState *state;
    TicketsModel *tickets;
    MessagesModel *messages;
    TypingNotifier *typing;
    ChatPanel::Mode mode = ChatPanel::Mode::Full;

    ConnectionBanner *banner = nullptr;
    QSplitter *splitter = nullptr;
    QWidget *listPage = nullptr;
    QWidget *threadPage = nullptr;
    QLabel *listTitle = nullptr;
    QToolButton *newButton = nullptr;
    QFrame *signInBox = nullptr;
    QLabel *signInLabel = nullptr;
    QPushButton *signInButton = nullptr;
    QListView *ticketView = nullptr;
    QLabel *emptyLabel = nullptr;
    TicketDelegate *ticketDelegate = nullptr;

    QToolButton *backButton = nullptr;
    QLabel *threadTitle = nullptr;
    QLineEdit *subjectEdit = nullptr;
    QListView *messageView = nullptr;
    MessageDelegate *messageDelegate = nullptr;
    QLabel *placeholder = nullptr;
    QPushButton *newMessagesPill = nullptr;
    QLabel *typingLabel = nullptr;
    QLabel *errorLabel = nullptr;
    QLabel *announcer = nullptr;
    Composer *composer = nullptr;

    QString currentTicketId;
    bool creatingTicket = false;
    QHash<QString, QString> drafts; // per ticket; "" is the new-conversation draft
    ChatError startError; // why the last new conversation failed
    int prependAnchor = -1; // distance from the bottom to keep while history is prepended
    bool stickToBottom = true;
    Qt::FocusPolicy messageFocusPolicy = Qt::StrongFocus;

    explicit ChatPanelPrivate(ChatPanel *q, ChatClient *client, ChatState *state);
    void buildListPage();
    void buildThreadPage();
    void connectModels();
    void retranslate();
    void applyMode();
    void updateFocusChain();
    void updateSignIn();
    void updateTyping();
    void updateThreadHeader();
    void updatePlaceholder();
    void updateError();
    void saveDraft();
    void restoreDraft();
    bool atBottom() const;
    void scrollToBottom();
    void maybeMarkRead();
    void onMessagesInserted(const QModelIndex &parent, int first, int last);
    void submit(const QString &text);
    void announce(const QString &text);
    void showMessageMenu(const QPoint &pos);
};

ChatPanelPrivate::ChatPanelPrivate(ChatPanel *q, ChatClient *client, ChatState *state)
    : q(q)
    , client(client)
    , state(state ? state : new ChatState(client, q))
    , tickets(new TicketsModel(client, q))
    , messages(new MessagesModel(q))
    , typing(new TypingNotifier(q))
{
    typing->setClient(client);
    messages->setClient(client);
}

void ChatPanelPrivate::buildListPage()
{
    listPage = new QWidget;
    listPage->setObjectName(QStringLiteral("ticketListPage"));
    listTitle = new QLabel;
    QFont bold = listTitle->font();
    bold.setBold(true);
    listTitle->setFont(bold);
    newButton = new QToolButton;
    newButton->setObjectName(QStringLiteral("newConversationButton"));
    newButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    newButton->setFocusPolicy(Qt::StrongFocus);
    QObject::connect(newButton, &QToolButton::clicked, q, &ChatPanel::startNewConversation);

    signInBox = new QFrame;
    signInBox->setObjectName(QStringLiteral("signInPrompt"));
    signInBox->setFrameShape(QFrame::StyledPanel);
    signInLabel = new QLabel;
    signInLabel->setWordWrap(true);
    signInButton = new QPushButton;
    signInButton->setObjectName(QStringLiteral("signInButton"));
    QObject::connect(signInButton, &QPushButton::clicked, q, &ChatPanel::signInRequested);
    auto *signInLayout = new QVBoxLayout(signInBox);
    signInLayout->addWidget(signInLabel);
    signInLayout->addWidget(signInButton, 0, Qt::AlignLeading);
    signInBox->hide();

    ticketView = new QListView;
    ticketView->setObjectName(QStringLiteral("ticketList"));
    ticketView->setModel(tickets);
    ticketDelegate = new TicketDelegate(ticketView);
    ticketView->setItemDelegate(ticketDelegate);
    ticketView->setSelectionMode(QAbstractItemView::SingleSelection);
    ticketView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    ticketView->setUniformItemSizes(true);
    emptyLabel = new QLabel;
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setWordWrap(true);
    emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *header = new QHBoxLayout;
    header->addWidget(listTitle, 1);
    header->addWidget(newButton);
    auto *layout = new QVBoxLayout(listPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(signInBox);
    layout->addWidget(ticketView, 1);
    layout->addWidget(emptyLabel);

    QObject::connect(ticketView->selectionModel(), &QItemSelectionModel::currentChanged, q,
                     [this](const QModelIndex &current) {
                         if (current.isValid() && mode == ChatPanel::Mode::Full)
                             q->openTicket(current.data(TicketsModel::IdRole).toString());
                     });
    QObject::connect(ticketView, &QListView::activated, q, [this](const QModelIndex &index) {
        q->openTicket(index.data(TicketsModel::IdRole).toString());
        if (mode == ChatPanel::Mode::Compact)
            applyMode();
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

    messageView = new QListView;
    messageView->setObjectName(QStringLiteral("messageList"));
    messageView->setModel(messages); // history pages on scroll-up (fetchOlder)
    messageDelegate = new MessageDelegate(messageView);
    messageView->setItemDelegate(messageDelegate);
    messageView->setSelectionMode(QAbstractItemView::NoSelection);
    messageView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    messageView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    messageView->setResizeMode(QListView::Adjust);
    // Large threads: lay out in batches so 100,000 messages never block the UI.
    messageView->setLayoutMode(QListView::Batched);
    messageView->setBatchSize(200);
    messageView->setWordWrap(true);
    messageView->setFrameShape(QFrame::NoFrame);
    messageView->setContextMenuPolicy(Qt::CustomContextMenu);
    messageView->installEventFilter(q);
    QObject::connect(messageView, &QListView::customContextMenuRequested, q,
                     [this](const QPoint &pos) { showMessageMenu(pos); });
    QObject::connect(messageDelegate, &MessageDelegate::retryRequested, messages,
                     &MessagesModel::retry);
    QObject::connect(messageDelegate, &MessageDelegate::discardRequested, messages,
                     &MessagesModel::discard);
    QObject::connect(messageDelegate, &MessageDelegate::linkActivated, q,
                     [](const QUrl &url) { QDesktopServices::openUrl(url); });

    placeholder = new QLabel(messageView->viewport());
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);

    newMessagesPill = new QPushButton(messageView->viewport());
    newMessagesPill->setObjectName(QStringLiteral("newMessagesPill"));
    newMessagesPill->hide();
    QObject::connect(newMessagesPill, &QPushButton::clicked, q, [this] {
        scrollToBottom();
        newMessagesPill->hide();
    });

    typingLabel = new QLabel;
    typingLabel->setObjectName(QStringLiteral("typingIndicator"));
    typingLabel->setForegroundRole(QPalette::PlaceholderText);
    typingLabel->setText(QStringLiteral(" ")); // italic when the text suits it (updateTyping)
    errorLabel = new QLabel;
    errorLabel->setObjectName(QStringLiteral("threadError"));
    errorLabel->setWordWrap(true);
    errorLabel->hide();
    announcer = new QLabel(q);
    announcer->setObjectName(QStringLiteral("announcer"));
    announcer->hide();

    composer = new Composer;
    composer->setObjectName(QStringLiteral("composer"));

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
    layout->addWidget(composer);

    QObject::connect(composer, &Composer::sendRequested, q,
                     [this](const QString &text) { submit(text); });
    QObject::connect(composer, &Composer::textChanged, q, [this] {
        if (!creatingTicket)
            typing->textChanged(composer->text());
    });
    QObject::connect(composer, &Composer::focusLost, typing, &TypingNotifier::focusLost);

    QScrollBar *bar = messageView->verticalScrollBar();
    QObject::connect(bar, &QScrollBar::valueChanged, q, [this, bar](int value) {
        stickToBottom = atBottom();
        if (stickToBottom) {
            newMessagesPill->hide();
            maybeMarkRead();
        }
        if (value == bar->minimum() && bar->maximum() > 0 && messages->canFetchOlder())
            messages->fetchOlder();
    });
    QObject::connect(bar, &QScrollBar::rangeChanged, q, [this, bar](int, int max) {
        if (prependAnchor >= 0) {
            // History was prepended: keep the same message under the eye.
            bar->setValue(max - prependAnchor);
            prependAnchor = -1;
        } else if (stickToBottom) {
            bar->setValue(max);
        }
    });
}

void ChatPanelPrivate::connectModels()
{
    QObject::connect(tickets, &TicketsModel::errorChanged, q, [this] { updateSignIn(); });
    QObject::connect(tickets, &TicketsModel::countChanged, q, [this] {
        updateSignIn();
        if (currentTicketId.isEmpty() && !creatingTicket && tickets->rowCount() > 0
            && mode == ChatPanel::Mode::Full)
            q->openTicket(tickets->data(tickets->index(0), TicketsModel::IdRole).toString());
    });
    QObject::connect(tickets, &QAbstractItemModel::dataChanged, q,
                     [this] { updateThreadHeader(); });
    QObject::connect(state, &ChatState::sessionKindChanged, q, [this] { updateSignIn(); });

    QObject::connect(messages, &QAbstractItemModel::rowsAboutToBeInserted, q,
                     [this](const QModelIndex &, int first, int) {
                         QScrollBar *bar = messageView->verticalScrollBar();
                         stickToBottom = atBottom();
                         if (first == 0 && messages->rowCount() > 0)
                             prependAnchor = bar->maximum() - bar->value();
                     });
    QObject::connect(messages, &QAbstractItemModel::rowsInserted, q,
                     [this](const QModelIndex &parent, int first, int last) {
                         onMessagesInserted(parent, first, last);
                     });
    QObject::connect(messages, &QAbstractItemModel::modelReset, q, [this] {
        stickToBottom = true;
        prependAnchor = -1;
        messageDelegate->invalidate();
        QTimer::singleShot(0, q, [this] { scrollToBottom(); });
        updatePlaceholder();
    });
    QObject::connect(messages, &MessagesModel::countChanged, q, [this] { updatePlaceholder(); });
    QObject::connect(messages, &MessagesModel::typingUsersChanged, q, [this] { updateTyping(); });
    QObject::connect(messages, &MessagesModel::errorChanged, q, [this] {
        startError = ChatError();
        updateError();
    });
}

void ChatPanelPrivate::retranslate()
{
    listTitle->setText(ChatPanel::tr("Conversations"));
    newButton->setText(ChatPanel::tr("New conversation"));
    newButton->setAccessibleName(ChatPanel::tr("Start a new conversation"));
    newButton->setToolTip(ChatPanel::tr("New conversation (Ctrl+N)"));
    signInButton->setText(ChatPanel::tr("Sign in"));
    signInButton->setAccessibleName(ChatPanel::tr("Sign in to see all conversations"));
    ticketView->setAccessibleName(ChatPanel::tr("Conversations"));
    messageView->setAccessibleName(ChatPanel::tr("Messages"));
    backButton->setText(ChatPanel::tr("Back"));
    backButton->setAccessibleName(ChatPanel::tr("Back to conversations"));
    backButton->setArrowType(q->layoutDirection() == Qt::RightToLeft ? Qt::RightArrow
                                                                     : Qt::LeftArrow);
    subjectEdit->setPlaceholderText(ChatPanel::tr("Subject (optional)"));
    subjectEdit->setAccessibleName(ChatPanel::tr("Subject"));
    newMessagesPill->setText(ChatPanel::tr("New messages ↓"));
    newMessagesPill->setAccessibleName(ChatPanel::tr("Jump to new messages"));
    typingLabel->setAccessibleName(ChatText::typingIndicatorName());
    emptyLabel->setText(ChatPanel::tr("No conversations yet. Start one with “New conversation”."));
    messageDelegate->invalidate();
    updateSignIn();
    updateTyping();
    updateThreadHeader();
    updatePlaceholder();
    updateError();
    // The delegates paint translated text (statuses, times, delivery states)
    // and mirror with the direction: lay out and paint again.
    messageView->doItemsLayout();
    ticketView->viewport()->update();
}

void ChatPanelPrivate::applyMode()
{
    const bool compact = mode == ChatPanel::Mode::Compact;
    const bool threadOpen = !currentTicketId.isEmpty() || creatingTicket;
    listPage->setVisible(!compact || !threadOpen);
    threadPage->setVisible(!compact || threadOpen);
    backButton->setVisible(compact);
    updateFocusChain();
}

void ChatPanelPrivate::updateFocusChain()
{
    // A new conversation has no messages to read: Tab goes from the subject
    // straight to the message box.
    messageView->setFocusPolicy(creatingTicket ? Qt::NoFocus : messageFocusPolicy);
}

void ChatPanelPrivate::updateSignIn()
{
    const ChatError e = tickets->error();
    const bool needsIdentify = e.kind() == ChatError::Kind::AuthRequired;
    signInBox->setVisible(needsIdentify);
    if (needsIdentify) {
        // The server's hint is written for developers: keep it out of the
        // customer's way, in the tooltip.
        signInLabel->setText(ChatPanel::tr("Sign in to see all your conversations."));
        signInLabel->setToolTip(e.hint());
        // Screen readers would read that tooltip as the description.
        signInLabel->setAccessibleDescription(
            ChatPanel::tr("You are chatting as a guest. Signing in shows the conversations "
                          "you started elsewhere."));
    }
    emptyLabel->setVisible(!needsIdentify && tickets->rowCount() == 0 && !tickets->isLoading());
}

void ChatPanelPrivate::updateTyping()
{
    const QStringList users = messages->typingUsers();
    const QString text = ChatText::typingText(users);
    QFont font = typingLabel->font();
    font.setItalic(suitsItalics(text));
    typingLabel->setFont(font);
    // Keep the line's height so the thread does not jump.
    typingLabel->setText(text.isEmpty() ? QStringLiteral(" ")
                                        : inDirection(text, q->layoutDirection()));
}

void ChatPanelPrivate::updateThreadHeader()
{
    if (creatingTicket) {
        threadTitle->setText(ChatPanel::tr("New conversation"));
        return;
    }
    const int row = tickets->rowOf(currentTicketId);
    if (row < 0) {
        threadTitle->setText(currentTicketId.isEmpty() ? QString() : ChatPanel::tr("Conversation"));
        return;
    }
    const QModelIndex index = tickets->index(row);
    threadTitle->setText(
        inDirection(ChatPanel::tr("%1 — %2").arg(
                        index.data(TicketsModel::TitleRole).toString(),
                        Ticket::statusDisplayName(index.data(TicketsModel::StatusRole).toString())),
                    q->layoutDirection()));
}

void ChatPanelPrivate::updatePlaceholder()
{
    QString text;
    if (creatingTicket)
        text = ChatPanel::tr(
            "Tell us what you need help with. We usually answer within a few minutes.");
    else if (currentTicketId.isEmpty())
        text = ChatPanel::tr("Select a conversation or start a new one.");
    else if (messages->rowCount() == 0 && !messages->isLoading())
        text = ChatPanel::tr("No messages yet.");
    placeholder->setText(text);
    placeholder->setVisible(!text.isEmpty());
    // A label on the viewport is no item of the list: screen readers hear it
    // as the list's description.
    messageView->setAccessibleDescription(text);
    placeholder->setGeometry(messageView->viewport()->rect().adjusted(16, 16, -16, -16));
}

void ChatPanelPrivate::updateError()
{
    // People read the kind's sentence in their language; the server's own
    // words (English, for developers) go in the tooltip.
    const ChatError e = startError.isError() ? startError : messages->error();
    QString text;
    if (startError.isError())
        text = ChatPanel::tr("Could not start the conversation: %1").arg(e.displayText());
    else if (e.isError())
        text = ChatPanel::tr("Could not load this conversation: %1").arg(e.displayText());
    errorLabel->setText(text);
    errorLabel->setToolTip(e.isError() ? e.toString() : QString());
    errorLabel->setVisible(!text.isEmpty());
}

void ChatPanelPrivate::saveDraft()
{
    drafts.insert(creatingTicket ? QString() : currentTicketId, composer->text());
}

void ChatPanelPrivate::restoreDraft()
{
    composer->setText(drafts.value(creatingTicket ? QString() : currentTicketId));
}

bool ChatPanelPrivate::atBottom() const
{
    const QScrollBar *bar = messageView->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ChatPanelPrivate::scrollToBottom()
{
    stickToBottom = true;
    messageView->scrollToBottom();
    QScrollBar *bar = messageView->verticalScrollBar();
    bar->setValue(bar->maximum());
    maybeMarkRead();
}

void ChatPanelPrivate::maybeMarkRead()
{
    if (!currentTicketId.isEmpty() && q->isVisible() && q->window()->isActiveWindow() && atBottom()
        && messages->unreadCount() > 0)
        messages->markRead();
}

void ChatPanelPrivate::onMessagesInserted(const QModelIndex &, int first, int last)
{
    if (first == 0 && prependAnchor >= 0)
        return; // history: rangeChanged restores the position
    bool incoming = false;
    QString lastIncoming;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = messages->index(row);
        if (!index.data(MessagesModel::IsOwnRole).toBool()) {
            incoming = true;
            lastIncoming = messageDelegate->accessibleText(index);
        }
    }
    const bool wasAtBottom = stickToBottom;
    const bool own = !incoming;
    if (wasAtBottom || own) {
        QTimer::singleShot(0, q, [this] { scrollToBottom(); });
    } else if (incoming) {
        newMessagesPill->adjustSize();
        const QRect area = messageView->viewport()->rect();
        newMessagesPill->move((area.width() - newMessagesPill->width()) / 2,
                              area.bottom() - newMessagesPill->height() - 8);
        newMessagesPill->show();
        newMessagesPill->raise();
    }
    if (incoming)
        announce(lastIncoming);
}

void ChatPanelPrivate::submit(const QString &text)
{
    if (!creatingTicket && currentTicketId.isEmpty()) {
        // Nothing open: what a customer types first starts a conversation
        // (the composer is there, so this is what they expect of it).
        q->startNewConversation();
        composer->setFocus();
    }
    if (!creatingTicket) {
        if (messages->send(text).isEmpty()) {
            composer->setText(text); // not taken (the model's error says why): keep it
            return;
        }
        typing->messageSent();
        drafts.remove(currentTicketId);
        scrollToBottom();
        return;
    }
    QString subject = subjectEdit->text().trimmed();
    if (subject.isEmpty())
        subject = text.section(QLatin1Char('\n'), 0, 0).left(80);
    composer->setEnabled(false);
    Job<Ticket> *job = tickets->create(subject, text);
    if (!job) {
        composer->setEnabled(true);
        composer->setText(text);
        return;
    }
    job->then(
        q,
        [this](const Ticket &ticket) {
            composer->setEnabled(true);
            drafts.remove(QString());
            subjectEdit->clear();
            q->openTicket(ticket.id());
            composer->setFocus();
        },
        [this, text](const ChatError &error) {
            composer->setEnabled(true);
            // Never lose what the user typed: back in the box, or, if they
            // opened another conversation meanwhile, in the new-conversation
            // draft (not in that conversation's box).
            if (!creatingTicket) {
                drafts.insert(QString(), text);
                return;
            }
            composer->setText(text);
            startError = error;
            updateError();
        });
}

void ChatPanelPrivate::announce(const QString &text)
{
    // Qt 6.4 widgets have no live regions: a name change on a helper label
    // is what screen readers pick up.
    announcer->setAccessibleName(text);
    QAccessibleEvent event(announcer, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void ChatPanelPrivate::showMessageMenu(const QPoint &pos)
{
    const QModelIndex index = messageView->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(q);
    const bool failed = index.data(MessagesModel::DeliveryStateRole).value<DeliveryState>()
        == DeliveryState::Failed;
    const int row = index.row();
    if (failed) {
        menu.addAction(ChatText::retryText(), q, [this, row] { messages->retry(row); });
        menu.addAction(ChatText::discardText(), q, [this, row] { messages->discard(row); });
    }
    const QString content = index.data(MessagesModel::ContentRole).toString();
    menu.addAction(ChatPanel::tr("Copy text"), q, [content] {
        if (auto *clipboard = QGuiApplication::clipboard())
            clipboard->setText(content);
    });
    menu.exec(messageView->viewport()->mapToGlobal(pos));
}

// ---- ChatPanel ----------------------------------------------------------------

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

    // Agent replies for notifications; also keeps the stream open while the panel lives.
    client->onMessage(QString(), this, [this](const Message &message) {
        if (message.sender() == Message::Sender::Agent)
            Q_EMIT agentMessageArrived(message.ticketId(), message.senderName(), message.content());
    });

    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, this, &ChatPanel::startNewConversation);

    setTabOrder(d->ticketView, d->newButton);
    setTabOrder(d->newButton, d->subjectEdit);
    setTabOrder(d->subjectEdit, d->messageView);
    setTabOrder(d->messageView, d->composer->editor());
    d->messageFocusPolicy = d->messageView->focusPolicy();
    d->retranslate();
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

QString ChatPanel::currentTicketId() const
{
    return d->currentTicketId;
}

void ChatPanel::openTicket(const QString &ticketId)
{
    if (ticketId == d->currentTicketId && !d->creatingTicket)
        return;
    d->saveDraft();
    d->typing->focusLost();
    d->creatingTicket = false;
    d->subjectEdit->hide();
    d->startError = ChatError();
    d->errorLabel->hide();
    d->newMessagesPill->hide();
    d->currentTicketId = ticketId;
    d->typing->setTicketId(ticketId);
    d->messages->setTicketId(ticketId);
    const int row = d->tickets->rowOf(ticketId);
    if (row >= 0)
        d->ticketView->setCurrentIndex(d->tickets->index(row));
    d->restoreDraft();
    d->updateThreadHeader();
    d->updatePlaceholder();
    d->updateTyping();
    d->applyMode();
    Q_EMIT currentTicketChanged();
}

void ChatPanel::startNewConversation()
{
    d->saveDraft();
    d->typing->focusLost();
    d->creatingTicket = true;
    d->currentTicketId.clear();
    d->messages->setTicketId(QString());
    d->ticketView->clearSelection();
    d->subjectEdit->show();
    d->startError = ChatError();
    d->errorLabel->hide();
    d->restoreDraft();
    d->updateThreadHeader();
    d->updatePlaceholder();
    d->applyMode();
    d->subjectEdit->setFocus();
    Q_EMIT currentTicketChanged();
}

void ChatPanel::showTicketList()
{
    d->saveDraft();
    d->typing->focusLost();
    d->creatingTicket = false;
    d->updateFocusChain();
    if (d->mode == Mode::Compact) {
        d->listPage->show();
        d->threadPage->hide();
    }
    d->ticketView->setFocus();
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
        d->messageDelegate->invalidate();
        d->messageView->doItemsLayout();
        break;
    case QEvent::ActivationChange:
        d->maybeMarkRead();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

bool ChatPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == d->messageView) {
        if (event->type() == QEvent::Resize) {
            d->messageDelegate->invalidate();
            d->updatePlaceholder();
        } else if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            const QModelIndex current = d->messageView->currentIndex();
            // Keyboard access to Retry/Discard of a failed message.
            if (current.isValid()
                && (key->key() == Qt::Key_Menu
                    || (key->key() == Qt::Key_F10 && key->modifiers() & Qt::ShiftModifier))) {
                d->showMessageMenu(d->messageView->visualRect(current).center());
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace CStar
