// SPDX-License-Identifier: MIT
#pragma once

#include "conversationcontroller.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace CStar {

/// The clipboard's attachments for QML (a singleton): QML cannot read an
/// image from the clipboard, so Ctrl+V of a screenshot goes through here.
/// As in the widget panel: an image is attached as PNG (even beside text),
/// copied local files are attached, anything else pastes as text.
class ChatClipboard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit ChatClipboard(QObject *parent = nullptr);

    /// The clipboard holds an image.
    Q_INVOKABLE bool hasImage() const;
    /// The clipboard holds an image or local files (Ctrl+V attaches them).
    Q_INVOKABLE bool hasAttachments() const;
    /// Attaches the clipboard's image as a PNG to the draft; false when
    /// there is none or the controller refused it (attachmentError says why).
    Q_INVOKABLE bool attachImageTo(CStar::ConversationController *conversation) const;
    /// Attaches the clipboard's image, else its local files; false when
    /// nothing was attached.
    Q_INVOKABLE bool attachTo(CStar::ConversationController *conversation) const;
};

/// Places for attachment dialogs (a singleton; Qt 6.4 has no StandardPaths
/// in QML without the QtCore module).
class ChatFiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit ChatFiles(QObject *parent = nullptr) : QObject(parent) { }

    /// The user's downloads folder (else home), where Save… starts.
    Q_INVOKABLE QUrl downloadsFolder() const;
};

} // namespace CStar
