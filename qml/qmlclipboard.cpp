// SPDX-License-Identifier: MIT
#include "qmlclipboard.h"

#include "conversationcontroller.h"
#include "imagedecoder.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QStandardPaths>

#include <algorithm>

namespace CStar {

namespace {

const QMimeData *clipboardData()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    return clipboard ? clipboard->mimeData() : nullptr;
}

bool hasLocalFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(),
                       [](const QUrl &url) { return url.isLocalFile(); });
}

} // namespace

ChatClipboard::ChatClipboard(QObject *parent) : QObject(parent) { }

bool ChatClipboard::hasImage() const
{
    const QMimeData *mime = clipboardData();
    return mime && mime->hasImage();
}

bool ChatClipboard::hasAttachments() const
{
    return hasImage() || hasLocalFiles(clipboardData());
}

bool ChatClipboard::attachImageTo(ConversationController *conversation) const
{
    const QMimeData *mime = clipboardData();
    if (!conversation || !mime || !mime->hasImage())
        return false;
    return conversation->attachScreenshotPng(
        Media::encodePng(qvariant_cast<QImage>(mime->imageData())));
}

bool ChatClipboard::attachTo(ConversationController *conversation) const
{
    if (!conversation)
        return false;
    if (hasImage())
        return attachImageTo(conversation);
    const QMimeData *mime = clipboardData();
    return hasLocalFiles(mime) && conversation->attachUrls(mime->urls()) > 0;
}

QUrl ChatFiles::downloadsFolder() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(folder);
}

} // namespace CStar
