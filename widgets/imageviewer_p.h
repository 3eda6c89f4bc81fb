// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>
#include <QVariantMap>

class QLabel;

namespace CStar {

class AttachmentCache;

/// An image attachment full size (scaled down to the screen): the whole file
/// from the AttachmentCache (a local echo: its own copy), decoded off the GUI
/// thread. Shows "Image unavailable" when it cannot be had or decoded.
class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    ImageViewer(const QVariantMap &attachment, AttachmentCache *cache, QWidget *parent);

private:
    void decode(const QString &path);
    void showUnavailable();

    QVariantMap m_attachment;
    QPointer<AttachmentCache> m_cache;
    QLabel *m_image = nullptr;
};

} // namespace CStar
