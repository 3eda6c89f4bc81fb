// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QFile;
class QTemporaryDir;
class QTemporaryFile;

namespace CStar::DevServer {

class Database;

/// One uploaded file; once attached to a message, also an attachment (protocol §11).
struct StoredFile
{
    QString uploadId; ///< upl_…
    QString attachmentId; ///< att_…, empty until attached
    QString owner; ///< who may attach it: "session:<token hash>" or "agent"
    QString blob; ///< its file name in the folder: random, never from user input
    QString name; ///< sanitised (UploadPolicy::sanitizedName)
    QString contentType;
    qint64 size = 0;
    QString sha256; ///< lower-case hex
    int width = 0; ///< images only
    int height = 0;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    QString messageId;
    QString ticketId;

    QJsonObject uploadJson() const; ///< the 201 of POST /uploads
    QJsonObject attachmentJson() const; ///< an item of Message.attachments
};

/// Uploads and attachments: rows in the database, bytes in one folder beside
/// it (0700, files 0600, named by random ids). A file is visible only once
/// its row is committed; bytes in flight live in `.part-*` files, removed on
/// failure and swept at start (a crash mid-upload leaves no half file).
class AttachmentStore
{
public:
    AttachmentStore(Database &db, qint64 uploadTtlMs);
    ~AttachmentStore();

    /// Opens (creating) the folder: `path`, or beside the database, or a
    /// private temporary folder for an in-memory database. Sweeps partial and
    /// orphaned files.
    bool open(const QString &path, const QString &databasePath, QString *error);
    QString folder() const { return m_folder; }

    /// A new `.part-*` file in the folder (0600), removed when dropped.
    std::shared_ptr<QTemporaryFile> newPartial() const;
    /// Moves `partial` in under a random name and records it (inside the caller's transaction).
    StoredFile addUpload(QTemporaryFile &partial, StoredFile meta, qint64 nowMs);

    /// The caller's unattached, unexpired uploads, in the given order; any
    /// other id (unknown, someone else's, attached, expired) → 404 resource_missing.
    QList<StoredFile> claim(const QStringList &uploadIds, const QString &owner, qint64 nowMs);
    /// Hands `from`'s unattached uploads to `to` (identify replaces an anonymous token).
    void transferUploads(const QString &from, const QString &to);
    /// Makes `files` attachments of a message (same transaction as the message).
    QJsonArray attach(const QList<StoredFile> &files, const QString &messageId,
                      const QString &ticketId);

    /// Attachments of the given messages, each list in attaching order.
    static QHash<QString, QJsonArray> attachmentsOf(Database &db, const QStringList &messageIds);
    std::optional<StoredFile> attachment(const QString &attachmentId);
    /// An opened file (read-only), or null if its bytes are gone.
    std::unique_ptr<QFile> openBytes(const StoredFile &file) const;
    QString thumbnailPath(const StoredFile &file) const;

    /// Deletes uploads not attached in time: rows first (committed), then
    /// bytes. Returns how many.
    int pruneExpired(qint64 nowMs);

private:
    void sweep();

    Database &m_db;
    qint64 m_ttlMs;
    QString m_folder;
    std::unique_ptr<QTemporaryDir> m_tempDir;
};

} // namespace CStar::DevServer
