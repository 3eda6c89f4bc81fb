// SPDX-License-Identifier: MIT
#include "draftattachments_p.h"

#include "logging_p.h"
#include "uploadsapi.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>

namespace CStar {

namespace {
constexpr int OrphanAgeS = 3600;

struct SweptDirectories
{
    QMutex mutex;
    QSet<QString> paths;
};
Q_GLOBAL_STATIC(SweptDirectories, swept)
} // namespace

void DraftAttachments::sweepOnce(const QString &directory)
{
    const QString dir = QFileInfo(directory).absoluteFilePath();
    {
        QMutexLocker lock(&swept->mutex);
        if (swept->paths.contains(dir))
            return;
        swept->paths.insert(dir);
    }
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-OrphanAgeS);
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (file.lastModified().toUTC() < before)
            QFile::remove(file.absoluteFilePath());
    }
}

DraftAttachments::~DraftAttachments()
{
    for (const QString &path : std::as_const(m_written))
        QFile::remove(path);
}

QStringList DraftAttachments::paths(const QString &key) const
{
    QStringList result;
    for (const OutgoingAttachment &file : m_drafts.value(key))
        result.append(file.filePath);
    return result;
}

namespace {

QString refusalCode(const OutgoingAttachment &file)
{
    const ChatError refusal = file.check();
    if (!refusal.isError())
        return QString();
    return refusal.code().isEmpty() ? QStringLiteral("file_unreadable") : refusal.code();
}

/// Direction controls (U+061C, U+200E/F, U+202A–E, U+2066–9): "\u202Eexe.txt"
/// shows as "txt.exe" and hides what a name really ends with.
bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

/// CON, PRN, AUX, NUL, COM1–9, LPT1–9 (also COM¹²³/LPT¹²³): Windows opens a
/// device for them, with any extension and trailing spaces ("con .txt").
bool isReservedOnWindows(const QString &name)
{
    const QString base = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList devices {QStringLiteral("CON"), QStringLiteral("PRN"),
                                      QStringLiteral("AUX"), QStringLiteral("NUL")};
    if (devices.contains(base))
        return true;
    if (base.size() != 4
        || !(base.startsWith(QLatin1String("COM")) || base.startsWith(QLatin1String("LPT"))))
        return false;
    const char16_t digit = base.at(3).unicode();
    return (digit >= u'1' && digit <= u'9') || digit == u'¹' || digit == u'²' || digit == u'³';
}

} // namespace

QString DraftAttachments::attachFile(const QString &key, const QString &filePath)
{
    if (count(key) >= maxFiles)
        return QStringLiteral("too_many_attachments");
    if (QFileInfo(filePath).isDir())
        return QStringLiteral("not_a_file");
    const OutgoingAttachment file = OutgoingAttachment::fromFile(filePath);
    const QString code = refusalCode(file);
    if (code.isEmpty())
        append(key, file);
    return code;
}

QString DraftAttachments::attachData(const QString &key, const QString &directory,
                                     const QByteArray &bytes, const QString &name,
                                     const QString &contentType)
{
    if (count(key) >= maxFiles)
        return QStringLiteral("too_many_attachments");
    if (bytes.size() > UploadsApi::maxFileSize) // refused before anything is written
        return QStringLiteral("file_too_large");
    const QString path = directory.isEmpty() ? QString() : write(directory, bytes);
    if (path.isEmpty())
        return QStringLiteral("file_unreadable");
    OutgoingAttachment file = OutgoingAttachment::fromFile(path, name);
    if (!contentType.isEmpty())
        file.contentType = contentType;
    const QString code = refusalCode(file);
    if (code.isEmpty())
        append(key, file);
    else
        discard(path);
    return code;
}

QString DraftAttachments::safeFileName(const QString &name)
{
    static const QString forbidden = QStringLiteral("/\\<>:\"|?*");
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph || isBidiControl(c.unicode())
            || forbidden.contains(c))
            continue;
        result.append(c);
    }
    // Leading dots hide a file (and ".." climbs); Windows drops trailing
    // dots and spaces, so "a.exe." would be saved as "a.exe".
    qsizetype begin = 0;
    while (begin < result.size() && (result.at(begin) == u'.' || result.at(begin).isSpace()))
        ++begin;
    qsizetype end = result.size();
    while (end > begin && (result.at(end - 1) == u'.' || result.at(end - 1).isSpace()))
        --end;
    result = result.mid(begin, end - begin);
    if (result.isEmpty())
        return QStringLiteral("file");
    if (isReservedOnWindows(result))
        result.prepend(u'_');

    // At most 200 UTF-16 units (the server's limit, §11), keeping a short
    // extension; never half of a surrogate pair.
    constexpr qsizetype maxLength = 200;
    if (result.size() > maxLength) {
        const qsizetype dot = result.lastIndexOf(u'.');
        const QString extension =
            dot > 0 && result.size() - dot <= 16 ? result.mid(dot) : QString();
        qsizetype keep = maxLength - extension.size();
        if (result.at(keep - 1).isHighSurrogate())
            --keep;
        result = result.left(keep);
        while (extension.isEmpty() && (result.endsWith(u'.') || result.endsWith(u' ')))
            result.chop(1);
        result += extension;
    }
    return result;
}

void DraftAttachments::append(const QString &key, const OutgoingAttachment &file)
{
    m_drafts[key].append(file);
}

bool DraftAttachments::removeAt(const QString &key, int index)
{
    auto it = m_drafts.find(key);
    if (it == m_drafts.end() || index < 0 || index >= it->size())
        return false;
    discard(it->takeAt(index).filePath);
    if (it->isEmpty())
        m_drafts.erase(it);
    return true;
}

bool DraftAttachments::clear(const QString &key)
{
    const QList<OutgoingAttachment> files = m_drafts.take(key);
    release(files);
    return !files.isEmpty();
}

QList<OutgoingAttachment> DraftAttachments::take(const QString &key)
{
    return m_drafts.take(key);
}

void DraftAttachments::giveBack(const QString &key, const QList<OutgoingAttachment> &files)
{
    if (files.isEmpty())
        return;
    QList<OutgoingAttachment> &draft = m_drafts[key];
    draft = files + draft;
}

void DraftAttachments::release(const QList<OutgoingAttachment> &files)
{
    for (const OutgoingAttachment &file : files)
        discard(file.filePath);
}

QString DraftAttachments::write(const QString &directory, const QByteArray &bytes)
{
    // Screenshots may show private things: the folder and the file are the
    // user's alone (no-op where the file system has no such permissions).
    if (!QDir().mkpath(directory)) {
        qCWarning(lcModels) << "conversation: cannot create" << directory;
        return QString();
    }
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    sweepOnce(directory);
    const quint64 random[2] = {QRandomGenerator::system()->generate64(),
                               QRandomGenerator::system()->generate64()};
    const QString name = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex());
    QFile file(QDir(directory).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        qCWarning(lcModels) << "conversation: cannot write a draft file:" << file.errorString();
        return QString();
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        qCWarning(lcModels) << "conversation: cannot write a draft file:" << file.errorString();
        file.close();
        file.remove();
        return QString();
    }
    file.close();
    m_written.insert(file.fileName());
    return file.fileName();
}

void DraftAttachments::discard(const QString &filePath)
{
    if (m_written.remove(filePath))
        QFile::remove(filePath);
}

} // namespace CStar
