// SPDX-License-Identifier: MIT
// ConversationController's files (protocol §11): what is attached to each
// draft, refusals in a sentence, and saving what was received.
#include "conversationcontroller.h"
#include "conversationcontroller_p.h"

#include "attachmentsapi.h"
#include "chattext.h"
#include "logging_p.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace CStar {

void ConversationControllerPrivate::setAttachmentError(QStringList refusals)
{
    refusals.removeAll(QString());
    refusals.removeDuplicates(); // "at most 10" once for a drop of many
    const QString text = refusals.join(QLatin1Char('\n'));
    if (text == attachmentError)
        return;
    attachmentError = text;
    Q_EMIT q->attachmentErrorChanged();
}

bool ConversationControllerPrivate::attached(const QString &refusalCode, const QString &name)
{
    if (!refusalCode.isEmpty()) {
        setAttachmentError({ChatText::attachmentRefusalText(refusalCode, name)});
        return false;
    }
    setAttachmentError({});
    Q_EMIT q->attachmentsChanged();
    return true;
}

void ConversationControllerPrivate::announceAttachments(const QStringList &before)
{
    if (files.paths(draftKey()) != before)
        Q_EMIT q->attachmentsChanged();
}

QVariantList ConversationController::attachments() const
{
    QVariantList result;
    for (const OutgoingAttachment &file : d->files.list(d->draftKey()))
        result.append(file.toVariantMap());
    return result;
}

QList<OutgoingAttachment> ConversationController::attachmentList() const
{
    return d->files.list(d->draftKey());
}

bool ConversationController::canAttach() const
{
    return d->files.count(d->draftKey()) < DraftAttachments::maxFiles;
}

QString ConversationController::attachmentError() const
{
    return d->attachmentError;
}

bool ConversationController::attachFile(const QString &filePath)
{
    return d->attached(d->files.attachFile(d->draftKey(), filePath),
                       QFileInfo(filePath).fileName());
}

int ConversationController::attachUrls(const QList<QUrl> &urls)
{
    QStringList refusals;
    int attached = 0;
    for (const QUrl &url : urls) {
        // A web address is not downloaded behind the user's back.
        const QString code = url.isLocalFile()
            ? d->files.attachFile(d->draftKey(), url.toLocalFile())
            : QStringLiteral("not_local");
        if (code.isEmpty()) {
            ++attached;
            continue;
        }
        const QString name = url.fileName().isEmpty()
            ? url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
            : url.fileName();
        refusals.append(ChatText::attachmentRefusalText(code, name));
    }
    d->setAttachmentError(refusals);
    if (attached > 0)
        Q_EMIT attachmentsChanged();
    return attached;
}

bool ConversationController::attachData(const QByteArray &bytes, const QString &name,
                                        const QString &contentType)
{
    const QString directory = d->client
        ? QDir(d->client->storageDirectory()).filePath(QStringLiteral("drafts"))
        : QString();
    const QString shownName = safeFileName(name);
    return d->attached(d->files.attachData(d->draftKey(), directory, bytes, shownName, contentType),
                       shownName);
}

bool ConversationController::attachScreenshotPng(const QByteArray &png)
{
    if (png.isEmpty())
        return false;
    const QString name =
        QStringLiteral("screenshot-%1.png")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmmss")));
    return attachData(png, name, QStringLiteral("image/png"));
}

void ConversationController::removeAttachment(int index)
{
    if (!d->files.removeAt(d->draftKey(), index))
        return;
    d->setAttachmentError({});
    Q_EMIT attachmentsChanged();
}

void ConversationController::clearAttachments()
{
    d->setAttachmentError({});
    if (d->files.clear(d->draftKey()))
        Q_EMIT attachmentsChanged();
}

DownloadJob *ConversationController::saveAttachment(const QString &attachmentId,
                                                    const QString &pathOrUrl)
{
    // A path, or a file: URL from a QML file dialog; "C:/x" is a path, not
    // a URL with the scheme "c". Other URLs are no place to save to.
    const QUrl url(pathOrUrl);
    QString path = pathOrUrl;
    if (url.scheme().size() > 1)
        path = url.isLocalFile() ? url.toLocalFile() : QString();
    if (!d->client || path.isEmpty() || attachmentId.isEmpty()) {
        qCWarning(lcModels) << "conversation: cannot save an attachment to" << pathOrUrl;
        return nullptr;
    }
    return d->client->attachments().download(attachmentId, path);
}

QString ConversationController::safeFileName(const QString &name)
{
    return DraftAttachments::safeFileName(name);
}

} // namespace CStar
