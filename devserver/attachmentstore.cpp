// SPDX-License-Identifier: MIT
#include "attachmentstore.h"

#include "apierror.h"
#include "database.h"
#include "ids.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

const QString columns = u"upload_id, attachment_id, owner, blob, name, content_type, size, sha256, "
                        "width, height, created_at, expires_at, message_id, ticket_id"_s;

StoredFile readFile(const QSqlQuery &q)
{
    StoredFile f;
    f.uploadId = q.value(0).toString();
    f.attachmentId = q.value(1).toString();
    f.owner = q.value(2).toString();
    f.blob = q.value(3).toString();
    f.name = q.value(4).toString();
    f.contentType = q.value(5).toString();
    f.size = q.value(6).toLongLong();
    f.sha256 = q.value(7).toString();
    f.width = q.value(8).toInt();
    f.height = q.value(9).toInt();
    f.createdAtMs = q.value(10).toLongLong();
    f.expiresAtMs = q.value(11).toLongLong();
    f.messageId = q.value(12).toString();
    f.ticketId = q.value(13).toString();
    return f;
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QString partialPrefix = u".part-"_s;
const QString thumbnailSuffix = u".thumb.png"_s;

void addImageSize(QJsonObject &o, const StoredFile &f)
{
    if (f.width > 0 && f.height > 0) {
        o.insert(u"width"_s, f.width);
        o.insert(u"height"_s, f.height);
    }
}

} // namespace

QJsonObject StoredFile::uploadJson() const
{
    QJsonObject o {{u"id"_s, uploadId},
                   {u"name"_s, name},
                   {u"contentType"_s, contentType},
                   {u"size"_s, size},
                   {u"sha256"_s, sha256},
                   {u"expiresAt"_s, Ids::isoTimestamp(expiresAtMs)}};
    addImageSize(o, *this);
    return o;
}

QJsonObject StoredFile::attachmentJson() const
{
    QJsonObject o {{u"id"_s, attachmentId},
                   {u"name"_s, name},
                   {u"contentType"_s, contentType},
                   {u"size"_s, size},
                   {u"sha256"_s, sha256}};
    addImageSize(o, *this);
    return o;
}

AttachmentStore::AttachmentStore(Database &db, qint64 uploadTtlMs) : m_db(db), m_ttlMs(uploadTtlMs)
{ }

AttachmentStore::~AttachmentStore() = default;

bool AttachmentStore::open(const QString &path, const QString &databasePath, QString *error)
{
    QString folder = path;
    if (folder.isEmpty() && databasePath != ":memory:"_L1)
        folder = QFileInfo(databasePath).absoluteFilePath() + ".files"_L1;
    if (folder.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            *error = u"cannot create a temporary folder for uploads"_s;
            return false;
        }
        folder = m_tempDir->path();
    }
    if (!QFileInfo(folder).isDir() && !QDir().mkpath(folder)) {
        *error = u"cannot create the folder %1"_s.arg(folder);
        return false;
    }
    // Customers' files: only the server's user may list or read them.
    if (!QFile::setPermissions(folder, ownerOnly | QFileDevice::ExeOwner)) {
        *error = u"cannot make %1 private"_s.arg(folder);
        return false;
    }
    m_folder = QDir(folder).absolutePath();
    sweep();
    return true;
}

void AttachmentStore::sweep()
{
    // Partial uploads of a previous run, and bytes whose row never committed
    // (or was deleted before the file): never visible, so gone.
    QSet<QString> known;
    QSqlQuery q = m_db.exec(u"SELECT blob FROM files"_s);
    while (q.next())
        known.insert(q.value(0).toString());
    const QStringList names = QDir(m_folder).entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        const QString blob =
            name.endsWith(thumbnailSuffix) ? name.chopped(thumbnailSuffix.size()) : name;
        if (!known.contains(blob)) {
            qCDebug(lcDevServer) << "removing a leftover upload file";
            QFile::remove(m_folder + u'/' + name);
        }
    }
}

std::shared_ptr<QTemporaryFile> AttachmentStore::newPartial() const
{
    auto file = std::make_shared<QTemporaryFile>(m_folder + u'/' + partialPrefix + "XXXXXX"_L1);
    if (!file->open()) // QTemporaryFile creates it 0600
        return nullptr;
    return file;
}

StoredFile AttachmentStore::addUpload(QTemporaryFile &partial, StoredFile meta, qint64 nowMs)
{
    meta.uploadId = Ids::random("upl_"_L1);
    meta.blob = Ids::random("f"_L1, 32);
    meta.createdAtMs = nowMs;
    meta.expiresAtMs = nowMs + m_ttlMs;
    partial.flush();
    if (!partial.rename(m_folder + u'/' + meta.blob))
        throw DatabaseError {u"cannot move an upload into place: %1"_s.arg(partial.errorString())};
    partial.setAutoRemove(false);
    partial.setPermissions(ownerOnly);
    // If the transaction then fails, the file is an orphan: swept at the next start.
    m_db.exec(u"INSERT INTO files (upload_id, owner, blob, name, content_type, size, sha256, "
              "width, height, created_at, expires_at) VALUES (:u, :o, :b, :n, :t, :s, :h, :w, :ht, "
              ":c, :e)"_s,
              {{"u", meta.uploadId},
               {"o", meta.owner},
               {"b", meta.blob},
               {"n", meta.name},
               {"t", meta.contentType},
               {"s", meta.size},
               {"h", meta.sha256},
               {"w", meta.width},
               {"ht", meta.height},
               {"c", meta.createdAtMs},
               {"e", meta.expiresAtMs}});
    return meta;
}

QList<StoredFile> AttachmentStore::claim(const QStringList &uploadIds, const QString &owner,
                                         qint64 nowMs)
{
    QList<StoredFile> files;
    for (const QString &id : uploadIds) {
        QSqlQuery q = m_db.exec(u"SELECT "_s + columns + u" FROM files WHERE upload_id = :id"_s,
                                {{"id", id}});
        // Someone else's upload is as missing as an unknown one (protocol §2).
        const bool usable = q.next() && q.value(1).isNull() && q.value(2).toString() == owner
            && q.value(11).toLongLong() > nowMs;
        if (!usable)
            throw ApiError::resourceMissing(u"No such upload: %1."_s.arg(id.left(64)),
                                            u"attachments"_s);
        files.append(readFile(q));
    }
    return files;
}

void AttachmentStore::transferUploads(const QString &from, const QString &to)
{
    m_db.exec(u"UPDATE files SET owner = :to WHERE owner = :from AND attachment_id IS NULL"_s,
              {{"to", to}, {"from", from}});
}

QJsonArray AttachmentStore::attach(const QList<StoredFile> &files, const QString &messageId,
                                   const QString &ticketId)
{
    QJsonArray out;
    int position = 0;
    for (StoredFile f : files) {
        f.attachmentId = Ids::random("att_"_L1);
        m_db.exec(u"UPDATE files SET attachment_id = :a, message_id = :m, ticket_id = :t, "
                  "position = :p WHERE upload_id = :u AND attachment_id IS NULL"_s,
                  {{"a", f.attachmentId},
                   {"m", messageId},
                   {"t", ticketId},
                   {"p", position++},
                   {"u", f.uploadId}});
        out.append(f.attachmentJson());
    }
    return out;
}

QHash<QString, QJsonArray> AttachmentStore::attachmentsOf(Database &db,
                                                          const QStringList &messageIds)
{
    QHash<QString, QJsonArray> out;
    if (messageIds.isEmpty())
        return out;
    QStringList names;
    QList<std::pair<QString, QVariant>> binds;
    for (qsizetype i = 0; i < messageIds.size(); ++i) {
        names.append(u":m%1"_s.arg(i));
        binds.append({names.constLast(), messageIds.at(i)});
    }
    QSqlQuery q = db.exec(u"SELECT "_s + columns + u" FROM files WHERE message_id IN ("_s
                              + names.join(u", "_s) + u") ORDER BY message_id, position"_s,
                          binds);
    while (q.next()) {
        const StoredFile f = readFile(q);
        out[f.messageId].append(f.attachmentJson());
    }
    return out;
}

std::optional<StoredFile> AttachmentStore::attachment(const QString &attachmentId)
{
    QSqlQuery q = m_db.exec(u"SELECT "_s + columns + u" FROM files WHERE attachment_id = :a"_s,
                            {{"a", attachmentId}});
    if (!q.next())
        return std::nullopt;
    return readFile(q);
}

std::unique_ptr<QFile> AttachmentStore::openBytes(const StoredFile &file) const
{
    auto f = std::make_unique<QFile>(m_folder + u'/' + file.blob);
    if (!f->open(QIODevice::ReadOnly))
        return nullptr;
    return f;
}

QString AttachmentStore::thumbnailPath(const StoredFile &file) const
{
    return m_folder + u'/' + file.blob + thumbnailSuffix;
}

int AttachmentStore::pruneExpired(qint64 nowMs)
{
    QStringList blobs;
    QSqlQuery q =
        m_db.exec(u"SELECT blob FROM files WHERE attachment_id IS NULL AND expires_at <= :now"_s,
                  {{"now", nowMs}});
    while (q.next())
        blobs.append(q.value(0).toString());
    if (blobs.isEmpty())
        return 0;
    {
        Transaction transaction(m_db);
        m_db.exec(u"DELETE FROM files WHERE attachment_id IS NULL AND expires_at <= :now"_s,
                  {{"now", nowMs}});
        transaction.commit();
    }
    for (const QString &blob : std::as_const(blobs)) {
        QFile::remove(m_folder + u'/' + blob);
        QFile::remove(m_folder + u'/' + blob + thumbnailSuffix);
    }
    return int(blobs.size());
}

} // namespace CStar::DevServer
