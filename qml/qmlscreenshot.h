// SPDX-License-Identifier: MIT
#pragma once

#include "conversationcontroller.h"

#include <QObject>
#include <QQuickWindow>
#include <QRect>
#include <QSize>
#include <QUrl>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <memory>

QT_BEGIN_NAMESPACE
class QImage;
class QTemporaryDir;
QT_END_NAMESPACE

namespace CStar {

/// "Attach a screenshot of this window" for QML (a singleton): the window's
/// own pixels (QQuickWindow::grabWindow(), no screen capture permission) or
/// an app's capture, kept as a PNG in a private temporary folder for the
/// review, then cropped here (QImage::copy) and attached through the
/// ConversationController. QML only ever sees the stored file's URL.
class ChatScreenshot : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit ChatScreenshot(QObject *parent = nullptr);
    ~ChatScreenshot() override;

    /// Grabs `window` and stores it; the stored file's URL, or an empty URL.
    Q_INVOKABLE QUrl captureWindow(QQuickWindow *window);
    /// Stores what an app's screenshotProvider returned: an ItemGrabResult,
    /// a QImage, or a local file (path, file: or qrc: URL; decoded within
    /// the image limits). The stored file's URL, or an empty URL.
    Q_INVOKABLE QUrl store(const QVariant &source);
    /// The pixel size of a stored screenshot (invalid for any other URL).
    Q_INVOKABLE QSize imageSize(const QUrl &screenshot) const;
    /// Attaches `crop` (image pixels, clamped; empty: the whole image) of a
    /// stored screenshot to the draft as a PNG, then deletes the stored file.
    /// False when the controller refused it (attachmentError says why).
    Q_INVOKABLE bool attach(CStar::ConversationController *conversation, const QUrl &screenshot,
                            const QRect &crop);
    /// Deletes a stored screenshot (the review was cancelled).
    Q_INVOKABLE void discard(const QUrl &screenshot);

private:
    QUrl storeImage(const QImage &image);
    QString storedPath(const QUrl &screenshot) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_serial = 0;
};

} // namespace CStar
