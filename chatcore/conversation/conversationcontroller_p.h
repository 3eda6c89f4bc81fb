// SPDX-License-Identifier: MIT
#pragma once

#include "conversationcontroller.h"
#include "draftattachments_p.h"

#include <QHash>
#include <QPointer>
#include <QSet>

namespace CStar {

class ConversationControllerPrivate
{
public:
    ConversationController *q;
    TicketsModel *tickets;
    MessagesModel *messages;
    TypingNotifier *typing;
    QPointer<ChatClient> client;

    QString currentTicketId;
    bool creatingTicket = false;
    bool starting = false;
    bool autoOpen = true;
    QHash<QString, QString> drafts; // per ticket; "" is the new conversation's
    QString subject;
    ChatError startError; // why the last new conversation failed
    QSet<QString> asked; // tickets whose title was fetched (once each)
    QHash<QString, Ticket> fetched; // tickets not in the list, as fetched
    QString title;
    QString placeholder;
    QString errorText;
    DraftAttachments files; // per draft key, like drafts
    QString attachmentError;

    explicit ConversationControllerPrivate(ConversationController *q);
    QString draftKey() const { return creatingTicket ? QString() : currentTicketId; }
    void switchTo(const QString &ticketId, bool creating);
    void maybeAutoOpen();
    void fetchTitle();
    void giveBack(const QString &text);
    void updateTexts();
    void setStarting(bool value);
    void start(const QString &text, const QList<OutgoingAttachment> &taken);
    void sendStarted(const QString &ticketId, const QString &text,
                     const QList<OutgoingAttachment> &taken);
    void setAttachmentError(QStringList refusals);
    bool attached(const QString &refusalCode, const QString &name);
    void announceAttachments(const QStringList &before);
    QString send(const QString &content, const QList<OutgoingAttachment> &taken);
};

} // namespace CStar
