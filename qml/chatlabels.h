// SPDX-License-Identifier: MIT
#pragma once

#include "chattext.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace CStar {

// One read-only property per ChatText::Label, named after the enumerator
// with a lower-case first letter: typed, so qmllint checks every use.
#define CSTAR_QML_LABEL(key, id)                                                                   \
    Q_PROPERTY(QString key READ key NOTIFY changed)                                                \
public:                                                                                            \
    QString key() const                                                                            \
    {                                                                                              \
        return ChatText::label(ChatText::id);                                                      \
    }                                                                                              \
                                                                                                   \
private:

/// ChatText's fixed labels for QML, in the user's language: `ChatFormat.texts.sendButton`.
/// `changed` follows a language change, so bindings redo the texts.
class ChatLabels : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    CSTAR_QML_LABEL(messagePlaceholder, MessagePlaceholder)
    CSTAR_QML_LABEL(messageFieldName, MessageFieldName)
    CSTAR_QML_LABEL(messageFieldHint, MessageFieldHint)
    CSTAR_QML_LABEL(sendButton, SendButton)
    CSTAR_QML_LABEL(sendButtonName, SendButtonName)
    CSTAR_QML_LABEL(sendButtonToolTip, SendButtonToolTip)
    CSTAR_QML_LABEL(conversationsTitle, ConversationsTitle)
    CSTAR_QML_LABEL(newConversationButton, NewConversationButton)
    CSTAR_QML_LABEL(newConversationButtonName, NewConversationButtonName)
    CSTAR_QML_LABEL(newConversationToolTip, NewConversationToolTip)
    CSTAR_QML_LABEL(signInButton, SignInButton)
    CSTAR_QML_LABEL(signInButtonName, SignInButtonName)
    CSTAR_QML_LABEL(signInPrompt, SignInPrompt)
    CSTAR_QML_LABEL(guestHint, GuestHint)
    CSTAR_QML_LABEL(noConversations, NoConversations)
    CSTAR_QML_LABEL(messagesListName, MessagesListName)
    CSTAR_QML_LABEL(backButton, BackButton)
    CSTAR_QML_LABEL(backButtonName, BackButtonName)
    CSTAR_QML_LABEL(subjectPlaceholder, SubjectPlaceholder)
    CSTAR_QML_LABEL(subjectFieldName, SubjectFieldName)
    CSTAR_QML_LABEL(newMessagesPill, NewMessagesPill)
    CSTAR_QML_LABEL(newMessagesPillName, NewMessagesPillName)
    CSTAR_QML_LABEL(copyText, CopyText)
    CSTAR_QML_LABEL(retrySendingName, RetrySendingName)
    CSTAR_QML_LABEL(discardMessageName, DiscardMessageName)
    CSTAR_QML_LABEL(attachButtonName, AttachButtonName)
    CSTAR_QML_LABEL(attachButtonToolTip, AttachButtonToolTip)
    CSTAR_QML_LABEL(attachScreenshot, AttachScreenshot)
    CSTAR_QML_LABEL(attachMenuName, AttachMenuName)
    CSTAR_QML_LABEL(attachmentsName, AttachmentsName)
    CSTAR_QML_LABEL(dropFilesHint, DropFilesHint)
    CSTAR_QML_LABEL(screenshotReviewTitle, ScreenshotReviewTitle)
    CSTAR_QML_LABEL(screenshotCropHint, ScreenshotCropHint)
    CSTAR_QML_LABEL(screenshotAttachButton, ScreenshotAttachButton)
    CSTAR_QML_LABEL(screenshotResetCrop, ScreenshotResetCrop)
    CSTAR_QML_LABEL(cancelButton, CancelButton)
    CSTAR_QML_LABEL(saveAttachment, SaveAttachment)
    CSTAR_QML_LABEL(saveAttachmentTitle, SaveAttachmentTitle)
    CSTAR_QML_LABEL(openImage, OpenImage)
    CSTAR_QML_LABEL(cancelUpload, CancelUpload)
    CSTAR_QML_LABEL(imageUnavailable, ImageUnavailable)
    CSTAR_QML_LABEL(chooseFilesTitle, ChooseFilesTitle)

public:
    explicit ChatLabels(QObject *parent = nullptr) : QObject(parent) { }

Q_SIGNALS:
    void changed();
};

#undef CSTAR_QML_LABEL

} // namespace CStar
