// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "cstarchat_core_export.h"

#include <QObject>
#include <QString>

#include <memory>

namespace CStar {

class ChatClient;
class AttachmentCachePrivate;

/// Attachments kept on disk for display (protocol §11): an image's thumbnail
/// (`GET /attachments/{id}?thumbnail=1`, a PNG of at most 512 × 512 px) or a
/// whole file, downloaded once per key and reused until evicted. Files live
/// in `<ChatClient::storageDirectory()>/attachment-cache/` (following a
/// change of it), named only after the attachment's id and sha256, never
/// after a server-provided name; whole files are verified against their
/// sha256. The cache is bounded by byteBudget(), least recently used first
/// out. It is cleared when the client's identified customer changes (a
/// logout or another customer's identify, also in a later run: the folder
/// records its customer), so no customer sees another's files. Get it from
/// ChatClient::attachmentCache().
class CSTARCHAT_CORE_EXPORT AttachmentCache : public QObject
{
    Q_OBJECT
    /// Bytes the cached files may take (default 256 MiB); the least recently
    /// used files are removed past it.
    Q_PROPERTY(qint64 byteBudget READ byteBudget WRITE setByteBudget NOTIFY byteBudgetChanged)
public:
    ~AttachmentCache() override;

    /// The local file holding the thumbnail (PNG ≤ 512 px, `thumbnail`) or the whole
    /// file of an attachment when cached, else "" and a download starts (once per key).
    /// ready() or failed() follows a download; after failed(), calling again retries.
    /// `sha256` (lowercase hex, as in the Attachment) is required for a whole
    /// file and ignored for a thumbnail. An id that is not [A-Za-z0-9_-]
    /// fails with Validation invalid_attachment_id.
    Q_INVOKABLE QString request(const QString &attachmentId, const QString &sha256, bool thumbnail);
    /// The cached file, or "" (never downloads; marks the file as used).
    Q_INVOKABLE QString cachedPath(const QString &attachmentId, const QString &sha256,
                                   bool thumbnail) const;

    qint64 byteBudget() const;
    void setByteBudget(qint64 bytes);
    /// Bytes the cached files take now.
    qint64 usedBytes() const;
    /// Where the files are: `<storageDirectory>/attachment-cache`.
    QString directory() const;
    /// Removes every cached file; downloads in flight are abandoned without a signal.
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void ready(const QString &attachmentId, bool thumbnail, const QString &filePath);
    void failed(const QString &attachmentId, bool thumbnail, const CStar::ChatError &error);
    void byteBudgetChanged();

private:
    friend class ChatClient;
    explicit AttachmentCache(ChatClient *client);
    std::unique_ptr<AttachmentCachePrivate> d;
};

} // namespace CStar
