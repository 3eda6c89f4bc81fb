// SPDX-License-Identifier: MIT
#pragma once

#include "attachment.h"
#include "chatjob.h"

class QIODevice;

namespace CStar {

class ChatClient;

/// `POST /uploads` parameters (protocol §11).
struct UploadOptions
{
    QString name; ///< the file's name (X-Filename); upload(path) uses the path's
    /// The media type; empty: guessed from the name and the first bytes
    /// (QMimeDatabase), text formats other than CSV and JSON as text/plain.
    QString contentType;
    /// Generated when empty. The outbox passes the key it persisted, so an
    /// upload repeated after a restart is answered with the same upload.
    QByteArray idempotencyKey;
};

/// An upload in progress; its result is the upload (`upl_…`) to name in
/// MessagesApi::send() (SendOptions::attachments) within 24 h.
class CSTARCHAT_CORE_EXPORT UploadJob : public Job<Attachment>
{
    Q_OBJECT
public:
    explicit UploadJob(QObject *parent = nullptr);
    /// Stops the upload; the job never finishes (as abandon()).
    Q_INVOKABLE void cancel() { abandon(); }

Q_SIGNALS:
    /// Bytes of the file sent so far, per attempt (a retry starts again at 0).
    void uploadProgress(qint64 sent, qint64 total);
};

/// The uploads sub-API: `client.uploads().upload(…)`.
class CSTARCHAT_CORE_EXPORT UploadsApi
{
public:
    /// §11: larger files are refused (locally, without sending them:
    /// Validation file_too_large, like the server's answer).
    static constexpr qint64 maxFileSize = 10 * 1024 * 1024;

    explicit UploadsApi(ChatClient *client) : m_client(client) { }

    /// Uploads what `device` holds from its position (open for reading,
    /// read at once: at most maxFileSize bytes). Anonymous sessions may upload.
    UploadJob *upload(QIODevice *device, const UploadOptions &options = {});
    /// Uploads the file at `filePath` (its name unless options.name is set).
    UploadJob *upload(const QString &filePath, const UploadOptions &options = {});

    /// The media type upload() sends for `name` and its first bytes when
    /// none is given.
    static QString guessContentType(const QString &name, const QByteArray &head);

private:
    ChatClient *m_client;
};

} // namespace CStar
