// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPersistentModelIndex>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

#include <functional>

class QLabel;
class QWidget;

namespace CStar::Demo {

class AgentApi;

/// The agent console's files (protocol §11): the files chosen for the next
/// reply, the "attachments" role of a message (image thumbnails fetched
/// into a temporary folder; the message delegate decodes them off the GUI
/// thread) and Save… of what a customer sent (never opened or run).
class AgentAttachments : public QObject
{
    Q_OBJECT
public:
    AgentAttachments(AgentApi *api, QWidget *window);

    /// "Attach files…", the chosen files' names, "Clear".
    QWidget *bar() const { return m_bar; }
    QStringList pending() const { return m_pending; }
    void setPending(const QStringList &filePaths);

    using Reply = std::function<void(int status, const QJsonObject &body)>;
    /// Uploads the pending files one by one, then replies with them; on
    /// success the pending list is cleared (a failure keeps it).
    void send(const QString &ticketId, const QString &text, const QString &senderName, Reply done);

    /// The role value for `message` (the agent API's JSON); the thumbnails of
    /// its images are fetched and set on `index` (`role`) when they arrive.
    QVariantList mapsFor(const QJsonObject &message, const QModelIndex &index, int role);
    /// Save… of an attachment: a dialog with its sanitised name, then the bytes.
    void save(const QVariantMap &attachment);

    /// Tests answer the file dialogs: `pick(suggestedName)` returns a path ("" cancels).
    std::function<QString(const QString &suggestedName)> savePathPicker;

Q_SIGNALS:
    void saved(const QString &filePath);
    void failed(const QString &message);

private:
    void chooseFiles();
    void uploadNext(const QString &ticketId, const QString &text, const QString &senderName,
                    QStringList ids, int next, Reply done);

    AgentApi *m_api;
    QWidget *m_window;
    QWidget *m_bar;
    QLabel *m_names;
    QStringList m_pending;
    QTemporaryDir m_thumbnails;
};

} // namespace CStar::Demo
