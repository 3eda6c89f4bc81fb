// SPDX-License-Identifier: MIT
#pragma once

#include "chatjob.h"

class QIODevice;

namespace CStar {

class ChatClient;
class DownloadJobPrivate;

/// `GET /attachments/{id}` parameters (protocol §11).
struct DownloadOptions
{
    /// An image's preview: a PNG of at most 512 × 512 px instead of the file.
    bool thumbnail = false;
    /// The download fails (Protocol response_too_large) past this many bytes.
    qint64 maxBytes = 10 * 1024 * 1024;
};

/// A download in progress. The bytes go to the device or file given to
/// AttachmentsApi::download() as they arrive, never held whole in memory.
class CSTARCHAT_CORE_EXPORT DownloadJob : public VoidJob
{
    Q_OBJECT
public:
    explicit DownloadJob(QObject *parent = nullptr);
    ~DownloadJob() override;

    /// After success: the stored media type, the server's file name (from
    /// Content-Disposition, not sanitised for a local path: the caller
    /// chooses where to save) and the bytes written.
    QString contentType() const;
    QString fileName() const;
    qint64 bytesWritten() const;

    /// Stops the download; the job never finishes (as abandon()). A
    /// download to a file path leaves no file behind.
    Q_INVOKABLE void cancel() { abandon(); }

Q_SIGNALS:
    void downloadProgress(qint64 received, qint64 total);

private:
    friend class AttachmentsApi;
    std::unique_ptr<DownloadJobPrivate> d;
};

/// The attachments sub-API: `client.attachments().download(…)`. Every
/// request carries the session's Bearer token, never a token in the URL;
/// an attachment of another session or customer is NotFound.
class CSTARCHAT_CORE_EXPORT AttachmentsApi
{
public:
    explicit AttachmentsApi(ChatClient *client) : m_client(client) { }

    /// Writes the attachment to `sink` (open for writing; not closed). A
    /// failed download may have written part of it.
    DownloadJob *download(const QString &attachmentId, QIODevice *sink,
                          const DownloadOptions &options = {});
    /// Saves the attachment to `filePath`, atomically: the file appears
    /// whole on success, and an existing file is replaced only then.
    DownloadJob *download(const QString &attachmentId, const QString &filePath,
                          const DownloadOptions &options = {});

    /// The file name of a Content-Disposition header (`filename*=UTF-8''…`
    /// first, then `filename=`), or empty.
    static QString fileNameFromContentDisposition(const QByteArray &header);

private:
    ChatClient *m_client;
};

} // namespace CStar
