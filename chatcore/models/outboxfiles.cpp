// SPDX-License-Identifier: MIT
// The Outbox's files (protocol §11): copies taken before the first attempt,
// uploads with persisted keys and ids, and their end.
#include "outbox.h"
#include "outbox_p.h"

#include "logging_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace CStar {

namespace {
constexpr int OrphanAgeS = 3600;
} // namespace

QString OutboxPrivate::filesDirectory() const
{
    return QFileInfo(path).absolutePath() + QLatin1String("/outbox-files");
}

void OutboxPrivate::sweepOrphanFiles()
{
    QDir dir(filesDirectory());
    if (!db.isOpen() || !dir.exists())
        return;
    QSet<QString> kept;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT file_path FROM outbox_files")))
        return; // unsure what is referenced: keep everything
    while (query.next())
        kept.insert(QFileInfo(query.value(0).toString()).absoluteFilePath());
    // Only old files: another process on the same storage may be between
    // its copy and its commit right now.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-OrphanAgeS);
    int removed = 0;
    const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (!kept.contains(file.absoluteFilePath()) && file.lastModified().toUTC() < before
            && QFile::remove(file.absoluteFilePath()))
            ++removed;
    }
    if (removed > 0)
        qCInfo(lcModels) << "outbox: removed" << removed << "file copies no entry names";
}

void OutboxPrivate::loadFiles(OutboxEntry &entry)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT name, content_type, size, file_path, idempotency_key,"
                                 " upload_id FROM outbox_files WHERE client_message_id = ?"
                                 " ORDER BY position"));
    query.addBindValue(entry.clientMessageId);
    if (!query.exec())
        return;
    while (query.next()) {
        OutboxAttachment a;
        a.name = query.value(0).toString();
        a.contentType = query.value(1).toString();
        a.size = query.value(2).toLongLong();
        a.filePath = query.value(3).toString();
        a.idempotencyKey = query.value(4).toString().toLatin1();
        a.uploadId = query.value(5).toString();
        entry.attachments.append(a);
    }
}

bool OutboxPrivate::insertFiles(const OutboxEntry &entry)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO outbox_files (client_message_id, position, name,"
                                 " content_type, size, file_path, idempotency_key, upload_id)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int i = 0; i < entry.attachments.size(); ++i) {
        const OutboxAttachment &a = entry.attachments.at(i);
        query.addBindValue(entry.clientMessageId);
        query.addBindValue(i);
        query.addBindValue(a.name);
        query.addBindValue(a.contentType);
        query.addBindValue(a.size);
        query.addBindValue(a.filePath);
        query.addBindValue(QString::fromLatin1(a.idempotencyKey));
        query.addBindValue(a.uploadId);
        if (!query.exec()) {
            qCWarning(lcModels) << "outbox: cannot store a file:" << query.lastError().text();
            return false;
        }
    }
    return true;
}

void OutboxPrivate::storeUpload(const QString &clientMessageId, int position,
                                const OutboxAttachment &file)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE outbox_files SET upload_id = ?, idempotency_key = ?"
                                 " WHERE client_message_id = ? AND position = ?"));
    query.addBindValue(file.uploadId);
    query.addBindValue(QString::fromLatin1(file.idempotencyKey));
    query.addBindValue(clientMessageId);
    query.addBindValue(position);
    if (!query.exec())
        qCWarning(lcModels) << "outbox: cannot store an upload:" << query.lastError().text();
}

void OutboxPrivate::removeFiles(const OutboxEntry &entry)
{
    for (const OutboxAttachment &a : entry.attachments)
        QFile::remove(a.filePath);
    if (entry.attachments.isEmpty() || !db.isOpen())
        return;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM outbox_files WHERE client_message_id = ?"));
    query.addBindValue(entry.clientMessageId);
    if (!query.exec())
        qCWarning(lcModels) << "outbox: cannot remove files:" << query.lastError().text();
}

bool OutboxPrivate::forgetUploads(OutboxEntry &entry)
{
    // The server no longer knows an upload (expired after 24 h, or its data
    // was reset): upload the copies again, once, under new keys.
    if (entry.attachments.isEmpty() || reuploaded.contains(entry.clientMessageId))
        return false;
    reuploaded.insert(entry.clientMessageId);
    // The server stored its 404 under the message's key (§3): the message
    // with new ids needs a new key; its clientMessageId still prevents a
    // duplicate (§6).
    entry.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE outbox SET idempotency_key = ? WHERE client_message_id = ?"));
    query.addBindValue(QString::fromLatin1(entry.idempotencyKey));
    query.addBindValue(entry.clientMessageId);
    if (!query.exec())
        qCWarning(lcModels) << "outbox: cannot renew a key:" << query.lastError().text();
    for (int i = 0; i < entry.attachments.size(); ++i) {
        OutboxAttachment &a = entry.attachments[i];
        a.uploadId.clear();
        a.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        storeUpload(entry.clientMessageId, i, a);
    }
    qCInfo(lcModels) << "outbox: the server lost the uploads of" << entry.clientMessageId
                     << "- uploading again";
    return true;
}

void OutboxPrivate::startUpload(const OutboxEntry &entry, int position)
{
    const OutboxAttachment &file = entry.attachments.at(position);
    UploadOptions options; // the same key on every attempt: one upload (§11, §3)
    options.name = file.name;
    options.contentType = file.contentType;
    options.idempotencyKey = file.idempotencyKey;
    qint64 before = 0;
    qint64 total = 0;
    for (int i = 0; i < entry.attachments.size(); ++i) {
        total += entry.attachments.at(i).size;
        if (i < position)
            before += entry.attachments.at(i).size;
    }
    const QString id = entry.clientMessageId;
    const quint64 gen = generation;
    qCDebug(lcModels) << "outbox: uploading file" << position + 1 << "of" << id;
    upload = client->uploads().upload(file.filePath, options);
    QObject::connect(upload, &UploadJob::uploadProgress, q,
                     [this, id, before, total, size = file.size](qint64 sent, qint64) {
                         Q_EMIT q->uploadProgress(id, before + qMin(sent, size), total);
                     });
    upload->then(
        q, [this, id, gen, position](const Attachment &a) { onUploaded(id, gen, position, a); },
        [this, id, gen](const ChatError &error) { onFailed(id, gen, error); });
}

void OutboxPrivate::onUploaded(const QString &clientMessageId, quint64 gen, int position,
                               const Attachment &uploaded)
{
    if (inFlight == clientMessageId)
        inFlight.clear();
    const int index = gen == generation ? indexOf(clientMessageId) : -1;
    if (index >= 0 && position < entries.at(index).attachments.size()) {
        OutboxAttachment &file = entries[index].attachments[position];
        file.uploadId = uploaded.id;
        storeUpload(clientMessageId, position, file); // before anything else can fail
    }
    failures = 0;
    schedulePump();
}

OutboxEntry Outbox::enqueue(const QString &ticketId, const QString &content,
                            const QList<OutgoingAttachment> &files)
{
    if (files.isEmpty())
        return enqueue(ticketId, content);
    if (ticketId.isEmpty() || !d->db.isOpen() || !QDir().mkpath(d->filesDirectory()))
        return OutboxEntry();
    QFile::setPermissions(d->filesDirectory(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    OutboxEntry e = OutboxPrivate::newEntry(ticketId, content);
    // Our own copies, under names of ours: the user may move or change the
    // originals before the upload, or the app may restart.
    for (const OutgoingAttachment &file : files) {
        OutboxAttachment copy;
        copy.name = file.name;
        copy.contentType = file.contentType;
        copy.filePath = d->filesDirectory() + QLatin1Char('/')
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        copy.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        if (file.check().isError() || !QFile::copy(file.filePath, copy.filePath)) {
            qCWarning(lcModels) << "outbox: cannot take a file for sending";
            d->removeFiles(e);
            return OutboxEntry();
        }
        copy.size = QFileInfo(copy.filePath).size(); // what will be sent
        e.attachments.append(copy);
    }
    d->db.transaction();
    if (!d->insertStored(e) || !d->insertFiles(e)) {
        d->db.rollback();
        d->removeFiles(e);
        return OutboxEntry();
    }
    d->db.commit();
    d->added(e);
    return e;
}

bool Outbox::cancel(const QString &clientMessageId)
{
    const int index = d->indexOf(clientMessageId);
    if (index < 0 || d->entries.at(index).needsUser)
        return false;
    if (d->inFlight == clientMessageId) {
        ++d->generation; // its answer, if one still comes, changes nothing
        d->inFlight.clear();
        if (d->upload)
            d->upload->cancel();
    }
    OutboxEntry &e = d->entries[index];
    e.needsUser = true;
    e.state = DeliveryState::Failed;
    // The customer's own choice: no failure to explain (kind None, no sentence).
    e.error = ChatError(ChatError::Kind::None, QStringLiteral("cancelled"),
                        QStringLiteral("Sending was cancelled."));
    d->updateStored(e);
    const OutboxEntry changed = e;
    Q_EMIT entryChanged(changed);
    d->schedulePump();
    return true;
}

} // namespace CStar
