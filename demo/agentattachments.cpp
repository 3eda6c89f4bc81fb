// SPDX-License-Identifier: MIT
#include "agentattachments.h"

#include "agentapi.h"
#include "attachment.h"
#include "chattext.h"
#include "conversationcontroller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>

namespace CStar::Demo {

AgentAttachments::AgentAttachments(AgentApi *api, QWidget *window)
    : QObject(window), m_api(api), m_window(window), m_bar(new QWidget)
{
    auto *layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *attach = new QPushButton(ChatText::label(ChatText::AttachButtonName));
    attach->setObjectName(QStringLiteral("agentAttachButton"));
    attach->setAccessibleName(ChatText::label(ChatText::AttachButtonName));
    m_names = new QLabel;
    m_names->setObjectName(QStringLiteral("agentPendingFiles"));
    m_names->setTextFormat(Qt::PlainText);
    auto *clear = new QPushButton(ChatText::label(ChatText::CancelButton));
    clear->setObjectName(QStringLiteral("agentClearFiles"));
    layout->addWidget(attach);
    layout->addWidget(m_names, 1);
    layout->addWidget(clear);
    connect(attach, &QPushButton::clicked, this, &AgentAttachments::chooseFiles);
    connect(clear, &QPushButton::clicked, this, [this] { setPending({}); });
    setPending({});
}

void AgentAttachments::setPending(const QStringList &filePaths)
{
    m_pending = filePaths.mid(0, 10); // §11: at most 10 per message
    QStringList names;
    for (const QString &path : std::as_const(m_pending))
        names << QFileInfo(path).fileName();
    m_names->setText(names.join(QLatin1String(", ")));
}

void AgentAttachments::chooseFiles()
{
    setPending(
        m_pending
        + QFileDialog::getOpenFileNames(m_window, ChatText::label(ChatText::ChooseFilesTitle)));
}

void AgentAttachments::send(const QString &ticketId, const QString &text, const QString &senderName,
                            Reply done)
{
    uploadNext(ticketId, text, senderName, {}, 0, std::move(done));
}

void AgentAttachments::uploadNext(const QString &ticketId, const QString &text,
                                  const QString &senderName, QStringList ids, int next, Reply done)
{
    if (next >= m_pending.size()) {
        m_api->reply(ticketId, text, senderName, ids,
                     [this, done](int status, const QJsonObject &body) {
                         if (status == 201)
                             setPending({});
                         done(status, body);
                     });
        return;
    }
    m_api->upload(m_pending.at(next), [=](int status, const QJsonObject &body) mutable {
        if (status != 201) {
            done(status, body); // requestFailed() said why; the files stay chosen
            return;
        }
        ids << body.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString();
        uploadNext(ticketId, text, senderName, ids, next + 1, std::move(done));
    });
}

QVariantList AgentAttachments::mapsFor(const QJsonObject &message, const QModelIndex &index,
                                       int role)
{
    QVariantList maps;
    const QList<Attachment> files =
        Attachment::listFromJson(message.value(QLatin1String("attachments")));
    // Server text is not trusted: a file name of ours only from a checked id.
    static const QRegularExpression safeId(QStringLiteral("^att_[A-Za-z0-9_-]{1,64}$"));
    for (int i = 0; i < files.size(); ++i) {
        const Attachment &a = files.at(i);
        QVariantMap map = a.toVariantMap();
        const QString local = m_thumbnails.filePath(a.id + QStringLiteral(".png"));
        if (a.isImage() && safeId.match(a.id).hasMatch() && m_thumbnails.isValid()) {
            if (QFileInfo::exists(local)) {
                map.insert(QStringLiteral("filePath"), local);
            } else {
                const QPersistentModelIndex where(index);
                m_api->download(a.id, local, true, [where, role, i, local](const QString &error) {
                    if (!error.isEmpty() || !where.isValid())
                        return;
                    QVariantList now = where.data(role).toList();
                    if (i >= now.size())
                        return;
                    QVariantMap file = now.at(i).toMap();
                    file.insert(QStringLiteral("filePath"), local);
                    now[i] = file;
                    const_cast<QAbstractItemModel *>(where.model())->setData(where, now, role);
                });
            }
        }
        maps.append(map);
    }
    return maps;
}

void AgentAttachments::save(const QVariantMap &attachment)
{
    const QString suggested =
        ConversationController::safeFileName(attachment.value(QStringLiteral("name")).toString());
    const QString path = savePathPicker
        ? savePathPicker(suggested)
        : QFileDialog::getSaveFileName(
            m_window, ChatText::label(ChatText::SaveAttachmentTitle),
            QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + QLatin1Char('/')
                + suggested);
    if (path.isEmpty())
        return;
    m_api->download(attachment.value(QStringLiteral("id")).toString(), path, false,
                    [this, path](const QString &error) {
                        if (error.isEmpty())
                            Q_EMIT saved(path);
                        else
                            Q_EMIT failed(error);
                    });
}

} // namespace CStar::Demo
