// SPDX-License-Identifier: MIT
#include "attachmentcache.h"

#include "attachmentsapi.h"
#include "chatclient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <utility>

namespace CStar {

namespace {

Q_LOGGING_CATEGORY(lcAttachments, "cstar.chat.attachments", QtWarningMsg)

constexpr qint64 defaultBudget = qint64(256) * 1024 * 1024;
const QString thumbnailSuffix = QStringLiteral(".thumb.png");
const QString fileSuffix = QStringLiteral(".file");
const QString partSuffix = QStringLiteral(".part");
const QString ownerFileName = QStringLiteral("owner");

// Ids and hashes come from the server and become file names: only what the
// server itself issues (§11: "att_…", lowercase hex sha256) is accepted, so
// no separator, dot or drive letter can reach the path.
bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

bool isSha256(const QString &hex)
{
    return hex.size() == 64 && std::all_of(hex.cbegin(), hex.cend(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

/// `<id>.thumb.png` or `<id>.<sha256>.file`: one name per key, from checked parts.
QString fileNameFor(const QString &id, const QString &sha256, bool thumbnail)
{
    if (thumbnail)
        return id + thumbnailSuffix;
    return id + u'.' + sha256 + fileSuffix;
}

bool isCacheFileName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9_-]{1,128}(\\.thumb\\.png|\\.[0-9a-f]{64}\\.file)$"));
    return pattern.match(name).hasMatch();
}

bool sha256Matches(const QString &path, const QString &expected)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return false;
    return QString::fromLatin1(hash.result().toHex()) == expected;
}

} // namespace

class AttachmentCachePrivate
{
public:
    struct Entry
    {
        qint64 size = 0;
        quint64 lastUse = 0; // a counter: LRU order without clock ties
    };
    struct Pending
    {
        QPointer<DownloadJob> job;
        QString directory;
    };

    AttachmentCache *q = nullptr;
    ChatClient *client = nullptr;
    qint64 budget = defaultBudget;
    QString directory; // empty: not scanned yet
    QHash<QString, Entry> entries; // by file name
    qint64 used = 0;
    quint64 useClock = 0;
    qint64 lastStampMs = 0; // file times we set: strictly increasing
    QHash<QString, Pending> pending; // by file name
    QString customerId;

    QString currentDirectory() const
    {
        return client->storageDirectory() + QStringLiteral("/attachment-cache");
    }
    void ensureScanned();
    void reset();
    void touch(const QString &name);
    void stamp(const QString &name);
    void forget(const QString &name);
    void add(const QString &name, qint64 size);
    void evict(const QString &keep);
    void abandonPending();
    void removeFiles();
    bool makeDirectory() const;
    void adoptOwner();
    void failLater(const QString &id, bool thumbnail, const QString &code, const QString &message);
    void finish(const QString &name, const QString &id, const QString &sha256, bool thumbnail,
                DownloadJob *job);
};

void AttachmentCachePrivate::ensureScanned()
{
    if (!directory.isEmpty())
        return; // reset() when storageDirectory changes
    const QString dir = currentDirectory();
    directory = dir;
    // What a previous run left: its files in their last-use order (the
    // modification time, refreshed on every use), stray downloads removed.
    QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoSymLinks);
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.lastModified() < b.lastModified();
    });
    for (const QFileInfo &info : std::as_const(files)) {
        const QString name = info.fileName();
        if (isCacheFileName(name)) {
            add(name, info.size());
            lastStampMs = std::max(lastStampMs, info.lastModified().toMSecsSinceEpoch());
        } else if (name.endsWith(partSuffix)
                   && !pending.contains(name.chopped(partSuffix.size()))) {
            QFile::remove(info.filePath());
        }
    }
    evict({});
    adoptOwner();
}

bool AttachmentCachePrivate::makeDirectory() const
{
    if (!QDir().mkpath(directory))
        return false;
    // Other users of the machine have no business reading a customer's files.
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

void AttachmentCachePrivate::removeFiles()
{
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        QFile::remove(directory + u'/' + it.key());
    entries.clear();
    used = 0;
}

// The files of an identified customer are theirs alone: the folder records
// whose they are, and another customer's session (this run or a later one,
// even without a logout in between) starts from an empty cache. An
// anonymous session's files stay for the customer it becomes (§4).
void AttachmentCachePrivate::adoptOwner()
{
    const QString customer = client->customer().id;
    if (customer.isEmpty())
        return;
    QFile file(directory + u'/' + ownerFileName);
    QString owner;
    if (file.open(QIODevice::ReadOnly))
        owner = QString::fromUtf8(file.read(256));
    file.close();
    if (owner == customer)
        return;
    if (!owner.isEmpty()) {
        qCDebug(lcAttachments) << "another customer: cache cleared";
        abandonPending();
        removeFiles();
    }
    if (makeDirectory() && file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(customer.toUtf8());
}

void AttachmentCachePrivate::reset()
{
    directory.clear();
    entries.clear();
    used = 0;
}

void AttachmentCachePrivate::touch(const QString &name)
{
    entries[name].lastUse = ++useClock;
    stamp(name);
}

void AttachmentCachePrivate::stamp(const QString &name)
{
    // The use order survives a restart as file times (ensureScanned reads
    // them back), in milliseconds and strictly increasing: two uses in the
    // same millisecond keep their order.
    lastStampMs = std::max(QDateTime::currentMSecsSinceEpoch(), lastStampMs + 1);
    QFile file(directory + u'/' + name);
    if (file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(lastStampMs),
                         QFileDevice::FileModificationTime);
}

void AttachmentCachePrivate::forget(const QString &name)
{
    const auto it = entries.constFind(name);
    if (it == entries.constEnd())
        return;
    used -= it->size;
    entries.erase(it);
}

void AttachmentCachePrivate::add(const QString &name, qint64 size)
{
    forget(name);
    entries.insert(name, Entry {size, ++useClock});
    used += size;
}

void AttachmentCachePrivate::evict(const QString &keep)
{
    while (used > budget) {
        auto oldest = entries.end();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (it.key() != keep && (oldest == entries.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        if (oldest == entries.end())
            return; // only `keep` is left: it stays until the next file comes
        const QString name = oldest.key();
        qCDebug(lcAttachments) << "evicting" << name << oldest->size << "bytes";
        QFile::remove(directory + u'/' + name);
        forget(name);
    }
}

void AttachmentCachePrivate::abandonPending()
{
    const auto jobs = std::exchange(pending, {});
    for (const Pending &p : jobs) {
        if (p.job)
            p.job->abandon(); // a download to a path leaves no file behind
    }
}

void AttachmentCachePrivate::failLater(const QString &id, bool thumbnail, const QString &code,
                                       const QString &message)
{
    // request() has returned "" by the time this arrives, as for a download.
    const ChatError error(ChatError::Kind::Validation, code, message);
    QMetaObject::invokeMethod(
        q, [this, id, thumbnail, error] { Q_EMIT q->failed(id, thumbnail, error); },
        Qt::QueuedConnection);
}

void AttachmentCachePrivate::finish(const QString &name, const QString &id, const QString &sha256,
                                    bool thumbnail, DownloadJob *job)
{
    const Pending done = pending.take(name);
    const QString part = done.directory + u'/' + name + partSuffix;
    const QString path = done.directory + u'/' + name;
    if (!job->isSuccess()) {
        QFile::remove(part);
        qCDebug(lcAttachments) << "download failed:" << id << job->error().toString();
        Q_EMIT q->failed(id, thumbnail, job->error());
        return;
    }
    // §11: sha256 is the whole file's; a thumbnail is the server's own PNG.
    if (!thumbnail && !sha256Matches(part, sha256)) {
        QFile::remove(part);
        qCWarning(lcAttachments) << "attachment" << id << "does not match its sha256; discarded";
        Q_EMIT q->failed(
            id, thumbnail,
            ChatError(ChatError::Kind::Protocol, QStringLiteral("sha256_mismatch"),
                      QStringLiteral("The downloaded file does not match its sha256.")));
        return;
    }
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        Q_EMIT q->failed(
            id, thumbnail,
            ChatError(ChatError::Kind::Validation, QStringLiteral("file_unwritable"),
                      QStringLiteral("The attachment cache could not store the file.")));
        return;
    }
    // A download that began before storageDirectory changed still delivers
    // its file, but the cache of the new directory does not count it.
    if (done.directory == directory) {
        add(name, QFileInfo(path).size());
        stamp(name);
        evict(name);
    }
    Q_EMIT q->ready(id, thumbnail, path);
}

AttachmentCache::AttachmentCache(ChatClient *client)
    : QObject(client), d(std::make_unique<AttachmentCachePrivate>())
{
    d->q = this;
    d->client = client;
    d->customerId = client->customer().id;
    // Directory: read on each use (ensureScanned), so the order in which the
    // app sets storageDirectory and asks for the cache does not matter.
    connect(client, &ChatClient::storageDirectoryChanged, this, [this] { d->reset(); });
    // A customer's files are theirs: an anonymous session becoming a
    // customer keeps them (its tickets move along, §4); any other change
    // of customer (logout, another identify) empties the cache.
    connect(client, &ChatClient::customerChanged, this, [this] {
        const QString now = d->client->customer().id;
        if (!d->customerId.isEmpty() && now != d->customerId)
            clear();
        d->customerId = now;
        d->ensureScanned();
        d->adoptOwner();
    });
}

AttachmentCache::~AttachmentCache()
{
    d->abandonPending();
}

QString AttachmentCache::request(const QString &attachmentId, const QString &sha256, bool thumbnail)
{
    if (!isSafeId(attachmentId)) {
        d->failLater(attachmentId, thumbnail, QStringLiteral("invalid_attachment_id"),
                     QStringLiteral("An attachment id has only letters, digits, _ and -."));
        return {};
    }
    if (!thumbnail && !isSha256(sha256)) {
        d->failLater(attachmentId, thumbnail, QStringLiteral("invalid_sha256"),
                     QStringLiteral("A whole file needs its sha256 (64 lowercase hex digits)."));
        return {};
    }
    const QString cached = cachedPath(attachmentId, sha256, thumbnail);
    if (!cached.isEmpty())
        return cached;
    const QString name = fileNameFor(attachmentId, sha256, thumbnail);
    if (d->pending.contains(name))
        return {}; // one download per key; its ready()/failed() answers this call too

    const QString dir = d->directory;
    if (!d->makeDirectory()) {
        d->failLater(attachmentId, thumbnail, QStringLiteral("file_unwritable"),
                     QStringLiteral("The attachment cache folder could not be created."));
        return {};
    }
    DownloadOptions options;
    options.thumbnail = thumbnail;
    DownloadJob *job =
        d->client->attachments().download(attachmentId, dir + u'/' + name + partSuffix, options);
    d->pending.insert(name, {job, dir});
    connect(job, &ChatJob::finished, this, [this, name, attachmentId, sha256, thumbnail, job] {
        d->finish(name, attachmentId, sha256, thumbnail, job);
    });
    return {};
}

QString AttachmentCache::cachedPath(const QString &attachmentId, const QString &sha256,
                                    bool thumbnail) const
{
    if (!isSafeId(attachmentId) || (!thumbnail && !isSha256(sha256)))
        return {};
    d->ensureScanned();
    const QString name = fileNameFor(attachmentId, sha256, thumbnail);
    if (!d->entries.contains(name))
        return {};
    const QString path = d->directory + u'/' + name;
    if (!QFileInfo::exists(path)) { // removed behind our back (another client, the user)
        d->forget(name);
        return {};
    }
    d->touch(name);
    return path;
}

qint64 AttachmentCache::byteBudget() const
{
    return d->budget;
}

void AttachmentCache::setByteBudget(qint64 bytes)
{
    bytes = std::max<qint64>(0, bytes);
    if (bytes == d->budget)
        return;
    d->budget = bytes;
    d->ensureScanned();
    d->evict({});
    Q_EMIT byteBudgetChanged();
}

qint64 AttachmentCache::usedBytes() const
{
    d->ensureScanned();
    return d->used;
}

QString AttachmentCache::directory() const
{
    return d->currentDirectory();
}

void AttachmentCache::clear()
{
    d->abandonPending();
    d->ensureScanned();
    d->removeFiles();
}

} // namespace CStar
