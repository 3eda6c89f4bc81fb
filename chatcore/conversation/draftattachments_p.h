// SPDX-License-Identifier: MIT
#pragma once

#include "outgoingattachment.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace CStar {

/// ConversationController's bookkeeping of the files attached to drafts:
/// one list per draft key (a ticket id; "" is the new conversation's), and
/// the files it wrote itself for pasted or captured bytes, which it deletes
/// once they leave (removed, cleared, sent: the outbox keeps its own copy).
class DraftAttachments
{
public:
    /// At most this many files in one message (protocol §11).
    static constexpr int maxFiles = 10;

    DraftAttachments() = default;
    DraftAttachments(const DraftAttachments &) = delete;
    DraftAttachments &operator=(const DraftAttachments &) = delete;
    /// Deletes the files it wrote: drafts live as long as their controller.
    ~DraftAttachments();

    QList<OutgoingAttachment> list(const QString &key) const { return m_drafts.value(key); }
    int count(const QString &key) const { return m_drafts.value(key).size(); }
    /// The file paths of a draft, to tell whether a switch changed the list.
    QStringList paths(const QString &key) const;

    /// Attaches a local file after checking what the client can tell
    /// before sending (§11). Returns "" or why not, as a §11 code (and
    /// "not_a_file" for a folder); ChatText::attachmentRefusalText() says it.
    QString attachFile(const QString &key, const QString &filePath);
    /// Writes pasted bytes under `directory` (write()) and attaches them as
    /// `name`; "" or a refusal code as attachFile(). `contentType` empty:
    /// guessed from `name` and the bytes.
    QString attachData(const QString &key, const QString &directory, const QByteArray &bytes,
                       const QString &name, const QString &contentType);
    /// ConversationController::safeFileName().
    static QString safeFileName(const QString &name);

    void append(const QString &key, const OutgoingAttachment &file);
    /// Removes one file; one written here is deleted. False: no such index.
    bool removeAt(const QString &key, int index);
    /// Removes them all; false when there were none.
    bool clear(const QString &key);
    /// Takes the files out of a draft (on their way); nothing is deleted.
    QList<OutgoingAttachment> take(const QString &key);
    /// Files that were not sent go back in front of the draft's newer ones.
    void giveBack(const QString &key, const QList<OutgoingAttachment> &files);
    /// Taken files that were sent: the ones written here are deleted.
    void release(const QList<OutgoingAttachment> &files);

    /// Writes `bytes` to a new file with a random name (never user input)
    /// under `directory`, readable by the user only. "" when it cannot.
    QString write(const QString &directory, const QByteArray &bytes);
    /// Deletes a file written here (no-op for the user's own files).
    void discard(const QString &filePath);

private:
    /// Files a run that crashed left behind: deleted before this process
    /// first writes into `directory` (so none of its own drafts is there
    /// yet), if an hour old (another process may share the storage).
    static void sweepOnce(const QString &directory);

    QHash<QString, QList<OutgoingAttachment>> m_drafts;
    QSet<QString> m_written;
};

} // namespace CStar
