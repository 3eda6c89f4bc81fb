// SPDX-License-Identifier: MIT
#include "conversationcontroller.h"
#include "conversationcontroller_p.h"

#include "chattext.h"
#include "draftattachments_p.h"
#include "logging_p.h"
#include "outbox.h"
#include "ticketsapi.h"

#include <QCoreApplication>
#include <QEvent>

namespace CStar {

ConversationControllerPrivate::ConversationControllerPrivate(ConversationController *q)
    : q(q)
    , tickets(new TicketsModel(q))
    , messages(new MessagesModel(q))
    , typing(new TypingNotifier(q))
{ }

void ConversationControllerPrivate::switchTo(const QString &ticketId, bool creating)
{
    const QString oldDraft = q->draft();
    const QStringList oldFiles = files.paths(draftKey());
    const bool ticketChanged = ticketId != currentTicketId;
    const bool creatingChanged = creating != creatingTicket;
    typing->focusLost(); // leaving a conversation ends typing there (§7)
    currentTicketId = ticketId;
    creatingTicket = creating;
    startError = ChatError();
    typing->setTicketId(ticketId);
    messages->setTicketId(ticketId);
    if (ticketChanged)
        Q_EMIT q->currentTicketIdChanged();
    if (creatingChanged)
        Q_EMIT q->creatingTicketChanged();
    if (q->draft() != oldDraft)
        Q_EMIT q->draftChanged();
    announceAttachments(oldFiles);
    setAttachmentError({});
    fetchTitle();
    updateTexts();
}

void ConversationControllerPrivate::maybeAutoOpen()
{
    if (autoOpen && currentTicketId.isEmpty() && !creatingTicket && tickets->rowCount() > 0)
        q->openTicket(tickets->data(tickets->index(0), TicketsModel::IdRole).toString());
}

void ConversationControllerPrivate::fetchTitle()
{
    // A ticket not in the list (an anonymous session cannot list, or it is
    // on a later page): its title comes from the server, asked once.
    const QString ticketId = currentTicketId;
    if (ticketId.isEmpty() || !client || tickets->rowOf(ticketId) >= 0 || asked.contains(ticketId))
        return;
    asked.insert(ticketId);
    client->tickets().get(ticketId)->then(
        q,
        [this](const Ticket &ticket) {
            fetched.insert(ticket.id(), ticket);
            updateTexts();
        },
        [](const ChatError &error) {
            // The thread shows why it cannot be loaded; the header stays generic.
            qCDebug(lcModels) << "conversation: no title:" << error.code();
        });
}

void ConversationControllerPrivate::giveBack(const QString &text)
{
    // Never lose what the user typed: it goes back where it was written.
    const QString key = draftKey();
    if (drafts.value(key) == text)
        return;
    drafts.insert(key, text);
    Q_EMIT q->draftChanged();
}

void ConversationControllerPrivate::updateTexts()
{
    QString newTitle;
    if (creatingTicket) {
        newTitle = ChatText::label(ChatText::NewConversationButton);
    } else if (!currentTicketId.isEmpty()) {
        const int row = tickets->rowOf(currentTicketId);
        QString ticketTitle;
        QString status;
        if (row >= 0) {
            const QModelIndex index = tickets->index(row);
            ticketTitle = index.data(TicketsModel::TitleRole).toString();
            status = index.data(TicketsModel::StatusRole).toString();
        } else if (fetched.contains(currentTicketId)) {
            const Ticket &ticket = fetched[currentTicketId];
            ticketTitle = ticket.title();
            status = ticket.statusName();
        }
        newTitle = ticketTitle.isEmpty() && status.isEmpty()
            ? ConversationController::tr("Conversation")
            : ConversationController::tr("%1 — %2").arg(ticketTitle,
                                                        Ticket::statusDisplayName(status));
    }
    if (newTitle != title) {
        title = newTitle;
        Q_EMIT q->titleChanged();
    }

    QString newPlaceholder;
    if (creatingTicket)
        newPlaceholder = ConversationController::tr(
            "Tell us what you need help with. We usually answer within a few minutes.");
    else if (currentTicketId.isEmpty())
        newPlaceholder = ConversationController::tr("Select a conversation or start a new one.");
    else if (messages->rowCount() == 0 && !messages->isLoading())
        newPlaceholder = ConversationController::tr("No messages yet.");
    if (newPlaceholder != placeholder) {
        placeholder = newPlaceholder;
        Q_EMIT q->placeholderTextChanged();
    }

    // People read the kind's sentence in their language; the server's own
    // words (English, for developers) are in error.
    QString newError;
    if (startError.isError())
        newError = ConversationController::tr("Could not start the conversation: %1")
                       .arg(startError.displayText());
    else if (messages->error().isError())
        newError = ConversationController::tr("Could not load this conversation: %1")
                       .arg(messages->error().displayText());
    if (newError != errorText) {
        errorText = newError;
        Q_EMIT q->errorChanged();
    }
}

void ConversationControllerPrivate::setStarting(bool value)
{
    if (starting == value)
        return;
    starting = value;
    Q_EMIT q->startingChanged();
}

void ConversationControllerPrivate::start(const QString &text,
                                          const QList<OutgoingAttachment> &taken)
{
    // With files the ticket is created empty, then one message carries the
    // text and the files through the outbox (§11: upload, then send). A
    // title is required (§5): the first file's name when there is no text.
    QString title = q->subjectFor(subject, text);
    if (title.isEmpty() && !taken.isEmpty())
        title = taken.first().name.left(80);
    Job<Ticket> *job =
        starting ? nullptr : tickets->create(title, taken.isEmpty() ? text : QString());
    if (!job) {
        giveBack(text);
        files.giveBack(QString(), taken);
        if (!taken.isEmpty())
            Q_EMIT q->attachmentsChanged();
        return;
    }
    setStarting(true);
    job->then(
        q,
        [this, text, taken](const Ticket &ticket) {
            setStarting(false);
            drafts.remove(QString());
            q->setSubject(QString());
            // Opened only if the user is still on the form: one who went to
            // another conversation meanwhile stays there (it is in the list).
            if (creatingTicket)
                q->openTicket(ticket.id());
            if (!taken.isEmpty())
                sendStarted(ticket.id(), text, taken);
            Q_EMIT q->conversationStarted(ticket.id());
        },
        [this, text, taken](const ChatError &error) {
            setStarting(false);
            // The files go back to the new conversation's draft in any case.
            const QStringList oldFiles = files.paths(draftKey());
            files.giveBack(QString(), taken);
            if (!creatingTicket) {
                // Another conversation was opened meanwhile: the text waits
                // as the new-conversation draft, not in that one's box.
                drafts.insert(QString(), text);
                announceAttachments(oldFiles);
                return;
            }
            giveBack(text);
            announceAttachments(oldFiles);
            startError = error;
            updateTexts();
        });
}

void ConversationControllerPrivate::sendStarted(const QString &ticketId, const QString &text,
                                                const QList<OutgoingAttachment> &taken)
{
    // §11: only files; "" rather than a null string, which the outbox's
    // database would store as NULL.
    const QString content = text.trimmed().isEmpty() ? QStringLiteral("") : text;
    const bool open = !creatingTicket && currentTicketId == ticketId;
    bool sent = false;
    if (open) {
        sent = !send(content, taken).isEmpty();
    } else if (client) {
        // The user went elsewhere meanwhile: the outbox still delivers it.
        sent = client->outbox()->enqueue(ticketId, content, taken).isValid();
    }
    if (sent) {
        files.release(taken); // the outbox copied them
        return;
    }
    // Refused: text and files wait in the new ticket's draft.
    const QStringList oldFiles = files.paths(draftKey());
    files.giveBack(ticketId, taken);
    if (!text.isEmpty() && drafts.value(ticketId).isEmpty()) {
        drafts.insert(ticketId, text);
        if (open)
            Q_EMIT q->draftChanged();
    }
    announceAttachments(oldFiles);
}

QString ConversationControllerPrivate::send(const QString &content,
                                            const QList<OutgoingAttachment> &taken)
{
    // The outbox copies the files before it returns (so draft files can go).
    return taken.isEmpty() ? messages->send(content) : messages->send(content, taken);
}

// ---- ConversationController ---------------------------------------------------

ConversationController::ConversationController(QObject *parent)
    : QObject(parent), d(new ConversationControllerPrivate(this))
{
    connect(d->tickets, &TicketsModel::countChanged, this, [this] {
        d->fetchTitle(); // the open ticket may have left the list (a filter)
        d->updateTexts();
        d->maybeAutoOpen();
    });
    connect(d->tickets, &QAbstractItemModel::dataChanged, this, [this] { d->updateTexts(); });
    connect(d->tickets, &QAbstractItemModel::modelReset, this, [this] {
        d->fetchTitle();
        d->updateTexts();
    });
    connect(d->messages, &MessagesModel::countChanged, this, [this] { d->updateTexts(); });
    connect(d->messages, &MessagesModel::loadingChanged, this, [this] { d->updateTexts(); });
    connect(d->messages, &MessagesModel::errorChanged, this, [this] {
        // A load error of the thread replaces a failed start's.
        d->startError = ChatError();
        d->updateTexts();
    });
    // Texts formatted here follow a language change (QEvent::LanguageChange
    // goes to the application object).
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    d->updateTexts();
}

ConversationController::ConversationController(ChatClient *client, QObject *parent)
    : ConversationController(parent)
{
    setClient(client);
}

ConversationController::~ConversationController() = default;

bool ConversationController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
        // Cached texts are compared before they are announced: force all.
        d->title.clear();
        d->placeholder.clear();
        d->errorText.clear();
        d->updateTexts();
        Q_EMIT titleChanged();
        Q_EMIT placeholderTextChanged();
        Q_EMIT errorChanged();
    }
    return QObject::eventFilter(watched, event);
}

ChatClient *ConversationController::client() const
{
    return d->client;
}

void ConversationController::setClient(ChatClient *client)
{
    if (client == d->client)
        return;
    d->client = client;
    d->asked.clear();
    d->fetched.clear();
    d->typing->setClient(client);
    d->messages->setClient(client);
    d->tickets->setClient(client);
    d->fetchTitle();
    d->updateTexts();
    Q_EMIT clientChanged();
}

TicketsModel *ConversationController::ticketsModel() const
{
    return d->tickets;
}

MessagesModel *ConversationController::messagesModel() const
{
    return d->messages;
}

TypingNotifier *ConversationController::typingNotifier() const
{
    return d->typing;
}

QString ConversationController::currentTicketId() const
{
    return d->currentTicketId;
}

bool ConversationController::isCreatingTicket() const
{
    return d->creatingTicket;
}

bool ConversationController::isStarting() const
{
    return d->starting;
}

QString ConversationController::draft() const
{
    return d->drafts.value(d->draftKey());
}

QString ConversationController::subject() const
{
    return d->subject;
}

void ConversationController::setSubject(const QString &subject)
{
    if (subject == d->subject)
        return;
    d->subject = subject;
    Q_EMIT subjectChanged();
}

bool ConversationController::autoOpen() const
{
    return d->autoOpen;
}

void ConversationController::setAutoOpen(bool autoOpen)
{
    if (autoOpen == d->autoOpen)
        return;
    d->autoOpen = autoOpen;
    Q_EMIT autoOpenChanged();
    d->maybeAutoOpen();
}

QString ConversationController::title() const
{
    return d->title;
}

QString ConversationController::placeholderText() const
{
    return d->placeholder;
}

ChatError ConversationController::error() const
{
    return d->startError.isError() ? d->startError : d->messages->error();
}

QString ConversationController::errorText() const
{
    return d->errorText;
}

QString ConversationController::subjectFor(const QString &subject, const QString &text)
{
    const QString trimmed = subject.trimmed();
    if (!trimmed.isEmpty())
        return trimmed;
    return text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed().left(80);
}

void ConversationController::openTicket(const QString &ticketId)
{
    if (ticketId == d->currentTicketId && !d->creatingTicket)
        return;
    d->switchTo(ticketId, false);
}

void ConversationController::startNewConversation()
{
    if (d->creatingTicket)
        return;
    d->switchTo(QString(), true);
}

void ConversationController::leaveConversation()
{
    d->typing->focusLost();
    if (!d->creatingTicket)
        return;
    const QString oldDraft = draft();
    const QStringList oldFiles = d->files.paths(d->draftKey());
    d->creatingTicket = false;
    d->startError = ChatError();
    Q_EMIT creatingTicketChanged();
    if (draft() != oldDraft)
        Q_EMIT draftChanged();
    d->announceAttachments(oldFiles);
    d->updateTexts();
}

void ConversationController::setDraft(const QString &text)
{
    const QString key = d->draftKey();
    if (d->drafts.value(key) == text)
        return;
    if (text.isEmpty())
        d->drafts.remove(key);
    else
        d->drafts.insert(key, text);
    if (!d->creatingTicket)
        d->typing->textChanged(text); // protocol §7; no-op with nothing open
    Q_EMIT draftChanged();
}

bool ConversationController::submit(const QString &text)
{
    // §11: the text may be empty when the message carries a file.
    if (text.trimmed().isEmpty() && d->files.count(d->draftKey()) == 0)
        return false;
    if (!d->creatingTicket && d->currentTicketId.isEmpty()) {
        // Nothing open: what a customer types first starts a conversation
        // (the editor is there, so this is what they expect of it).
        d->switchTo(QString(), true);
    }
    const QList<OutgoingAttachment> taken = d->files.take(d->draftKey());
    if (!taken.isEmpty())
        Q_EMIT attachmentsChanged();
    d->setAttachmentError({});
    if (d->creatingTicket) {
        d->start(text, taken);
        return d->starting; // false: given back at once
    }
    const QString content = text.trimmed().isEmpty() ? QStringLiteral("") : text; // as above
    if (d->send(content, taken).isEmpty()) {
        // Not taken (the model's error says why): keep text and files.
        d->giveBack(text);
        d->files.giveBack(d->currentTicketId, taken);
        if (!taken.isEmpty())
            Q_EMIT attachmentsChanged();
        return false;
    }
    d->files.release(taken); // the outbox copied them
    d->typing->messageSent();
    if (d->drafts.remove(d->currentTicketId))
        Q_EMIT draftChanged();
    Q_EMIT messageSubmitted();
    return true;
}

} // namespace CStar
