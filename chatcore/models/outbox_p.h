// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "outbox.h"
#include "uploadsapi.h"

#include <QPointer>
#include <QSet>
#include <QSqlDatabase>

class QTimer;

namespace CStar {

class OutboxPrivate
{
public:
    OutboxPrivate(Outbox *q, ChatClient *client, const QString &path);

    void createSchema();
    void loadScope();
    void onSessionChanged();
    /// Reopens at `newPath` (ChatClient::setStorageDirectory), entries and all.
    void moveTo(const QString &newPath);
    int indexOf(const QString &clientMessageId) const;
    bool insertStored(const OutboxEntry &entry);
    void updateStored(const OutboxEntry &entry);
    void removeStored(const QString &clientMessageId);
    void schedulePump();
    void pump();
    void onSent(const QString &clientMessageId, quint64 generation, const Message &message);
    void onFailed(const QString &clientMessageId, quint64 generation, const ChatError &error);
    void finish(int index, const Message &message);
    void scheduleRetry();
    void retryNow();
    void updateSubscription();
    /// A new message: its ids are made here, once; every attempt reuses them.
    static OutboxEntry newEntry(const QString &ticketId, const QString &content);
    /// A stored new entry joins the queue and is tried at once.
    void added(const OutboxEntry &entry);

    // Files (protocol §11).
    QString filesDirectory() const;
    /// Copies no entry names (a crash between copying and storing): deleted.
    void sweepOrphanFiles();
    void loadFiles(OutboxEntry &entry);
    bool insertFiles(const OutboxEntry &entry);
    void storeUpload(const QString &clientMessageId, int position, const OutboxAttachment &file);
    void removeFiles(const OutboxEntry &entry);
    void startUpload(const OutboxEntry &entry, int position);
    void onUploaded(const QString &clientMessageId, quint64 generation, int position,
                    const Attachment &upload);
    bool forgetUploads(OutboxEntry &entry);

    Outbox *q;
    QPointer<ChatClient> client;
    QString path;
    QSqlDatabase db;
    QString scope;
    ChatClient::SessionKind kind = ChatClient::SessionKind::None;
    QList<OutboxEntry> entries; // current scope, oldest first
    QString inFlight; // clientMessageId of the request on its way
    quint64 generation = 0; // bumped when in-flight answers must be ignored
    QTimer *retryTimer = nullptr;
    int failures = 0; // consecutive transient failures
    int baseDelayMs = 2000;
    int maxDelayMs = 60000;
    quint64 subscription = 0;
    bool pumpQueued = false;
    QPointer<UploadJob> upload; // the file on its way, if any
    QSet<QString> reuploaded; // entries whose uploads the server had lost once
};

} // namespace CStar
