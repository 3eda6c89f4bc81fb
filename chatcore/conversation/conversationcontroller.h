// SPDX-License-Identifier: MIT
#pragma once

#include "attachmentsapi.h"
#include "chatclient.h"
#include "messagesmodel.h"
#include "outgoingattachment.h"
#include "ticketsmodel.h"
#include "typingnotifier.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace CStar {

class ConversationControllerPrivate;

/// What a support chat does, without its widgets (NeoChat's RoomManager and
/// ChatBarCache in one): which conversation is open, the text typed for each
/// one, the new-conversation flow, sending, opening the newest conversation by
/// itself, and the texts around the thread (title, placeholder, error). The
/// widget ChatPanel and QML's ChatView both drive one, so they behave the same.
///
///     auto *conversation = new CStar::ConversationController(client, this);
///     connect(editor, &Editor::textChanged, [=] { conversation->setDraft(editor->text()); });
///     connect(conversation, &ConversationController::draftChanged,
///             [=] { editor->setText(conversation->draft()); });
///     connect(editor, &Editor::sendRequested, conversation, &ConversationController::submit);
///
/// Never loses what the user typed: text the models refuse comes back as the
/// draft, and a conversation that cannot be started keeps its text as the
/// new-conversation draft. Files attached to a draft (protocol §11) are kept
/// the same way: per conversation, given back with the text when refused.
class CSTARCHAT_CORE_EXPORT ConversationController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(CStar::ChatClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(CStar::TicketsModel *ticketsModel READ ticketsModel CONSTANT)
    Q_PROPERTY(CStar::MessagesModel *messagesModel READ messagesModel CONSTANT)
    /// Follows the open conversation; fed by setDraft().
    Q_PROPERTY(CStar::TypingNotifier *typingNotifier READ typingNotifier CONSTANT)
    /// The open conversation; empty when none is (or a new one is written).
    Q_PROPERTY(
        QString currentTicketId READ currentTicketId WRITE openTicket NOTIFY currentTicketIdChanged)
    /// The new-conversation form is shown.
    Q_PROPERTY(bool creatingTicket READ isCreatingTicket NOTIFY creatingTicketChanged)
    /// A new conversation is on its way to the server (disable the editor).
    Q_PROPERTY(bool starting READ isStarting NOTIFY startingChanged)
    /// The text typed for the open conversation (or the new one).
    Q_PROPERTY(QString draft READ draft WRITE setDraft NOTIFY draftChanged)
    /// The new conversation's subject; empty: its message's first line.
    Q_PROPERTY(QString subject READ subject WRITE setSubject NOTIFY subjectChanged)
    /// Open the newest conversation when nothing is open and the list fills
    /// (side by side; a one-page UI turns it off to show the list).
    Q_PROPERTY(bool autoOpen READ autoOpen WRITE setAutoOpen NOTIFY autoOpenChanged)
    /// The thread's header: "Title — Status", "New conversation", or
    /// "Conversation" while the title of a ticket not in the list is fetched.
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    /// What the empty thread says, or "".
    Q_PROPERTY(QString placeholderText READ placeholderText NOTIFY placeholderTextChanged)
    /// Why the last new conversation failed, else the thread's load error.
    Q_PROPERTY(CStar::ChatError error READ error NOTIFY errorChanged)
    /// `error` in a sentence for people ("" without one).
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    /// The files attached to the draft of the open conversation (or the new
    /// one), kept per ticket like drafts: OutgoingAttachment::toVariantMap()s.
    Q_PROPERTY(QVariantList attachments READ attachments NOTIFY attachmentsChanged)
    /// Another file may be attached (fewer than 10, protocol §11).
    Q_PROPERTY(bool canAttach READ canAttach NOTIFY attachmentsChanged)
    /// Why the last attach was refused (ChatText sentences, one a line), "" otherwise.
    Q_PROPERTY(QString attachmentError READ attachmentError NOTIFY attachmentErrorChanged)
public:
    explicit ConversationController(QObject *parent = nullptr);
    explicit ConversationController(ChatClient *client, QObject *parent = nullptr);
    ~ConversationController() override;

    ChatClient *client() const;
    void setClient(ChatClient *client);
    TicketsModel *ticketsModel() const;
    MessagesModel *messagesModel() const;
    TypingNotifier *typingNotifier() const;

    QString currentTicketId() const;
    bool isCreatingTicket() const;
    bool isStarting() const;
    QString draft() const;
    QString subject() const;
    void setSubject(const QString &subject);
    bool autoOpen() const;
    void setAutoOpen(bool autoOpen);
    QString title() const;
    QString placeholderText() const;
    ChatError error() const;
    QString errorText() const;
    QVariantList attachments() const;
    QList<OutgoingAttachment> attachmentList() const;
    bool canAttach() const;
    QString attachmentError() const;

    /// Attaches a local file to the draft after checking what the client can
    /// tell before sending (§11: size, type, readable; at most 10). False
    /// and attachmentError when refused.
    Q_INVOKABLE bool attachFile(const QString &filePath);
    /// Dropped or chosen files: local files only (a web address or a folder
    /// is refused). Returns how many were attached; attachmentError has
    /// the refusals.
    Q_INVOKABLE int attachUrls(const QList<QUrl> &urls);
    /// Pasted or captured bytes (e.g. a PNG): written under
    /// <storageDirectory>/drafts/ with a random name, deleted again when the
    /// file is removed, cleared or sent (the outbox keeps its own copy).
    /// `contentType` empty: guessed from `name` and the bytes.
    Q_INVOKABLE bool attachData(const QByteArray &bytes, const QString &name,
                                const QString &contentType);
    /// A screenshot or pasted image the UI encoded as PNG, attached under
    /// the name both UIs give it: "screenshot-<local date and time>.png".
    Q_INVOKABLE bool attachScreenshotPng(const QByteArray &png);
    Q_INVOKABLE void removeAttachment(int index);
    Q_INVOKABLE void clearAttachments();
    /// Saves an attachment to a local path or file: URL, atomically (the file
    /// appears whole or not at all). The job reports progress; null without
    /// a client or for a URL that is not a local file.
    Q_INVOKABLE CStar::DownloadJob *saveAttachment(const QString &attachmentId,
                                                   const QString &pathOrUrl);
    /// A name safe to propose in a save dialog: no path separators, control
    /// or bidirectional-override characters, <>:"|?*, leading dots or
    /// spaces, trailing dots or spaces, reserved Windows names (CON.txt →
    /// _CON.txt); at most 200 characters keeping the extension; "file" when
    /// nothing is left.
    Q_INVOKABLE static QString safeFileName(const QString &name);

    /// The subject a new conversation gets: `subject` trimmed, or when that is
    /// empty the first line of `text` (at most 80 characters).
    Q_INVOKABLE static QString subjectFor(const QString &subject, const QString &text);

public Q_SLOTS:
    /// Opens a conversation; its draft comes back (draftChanged).
    void openTicket(const QString &ticketId);
    /// Shows the new-conversation form with its draft.
    void startNewConversation();
    /// The user left the thread (back to the list): typing ends, a new
    /// conversation being written is put aside with its draft. The current
    /// ticket stays current.
    void leaveConversation();
    /// What the user typed: store it for the open conversation and report
    /// typing (protocol §7).
    void setDraft(const QString &text);
    /// Sends `text` and the draft's files to the open conversation, or starts
    /// one with them (also when nothing is open; with files the ticket is
    /// created first, then the message sent with them). `text` may be empty
    /// when there is a file. Returns false when they were given back as the
    /// draft at once (refused); a start that fails later gives them back too.
    bool submit(const QString &text);

Q_SIGNALS:
    void clientChanged();
    void currentTicketIdChanged();
    void creatingTicketChanged();
    void startingChanged();
    void draftChanged();
    void subjectChanged();
    void autoOpenChanged();
    void titleChanged();
    void placeholderTextChanged();
    void errorChanged();
    void attachmentsChanged();
    void attachmentErrorChanged();
    /// submit() sent a message to the open conversation.
    void messageSubmitted();
    /// A new conversation was created (and opened, if the user stayed on it).
    void conversationStarted(const QString &ticketId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    friend class ConversationControllerPrivate;
    std::unique_ptr<ConversationControllerPrivate> d;
};

} // namespace CStar
