// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QObject>
#include <QVariantMap>

#include <functional>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QMimeData;
class QPoint;
class QToolButton;

namespace CStar {

class AttachmentBar;
class ChatPanel;
class Composer;
class ConversationController;
class MessageDelegate;
class MessagesModel;

/// ChatPanel's attachment controls (protocol §11), driving the
/// ConversationController (no upload logic here): the attach button and its
/// menu (files, a screenshot of the window), drag and drop of local files,
/// Ctrl+V of an image, the screenshot review, and per message: open an
/// image, Save… a file, cancel an upload, plus the message context menu.
class AttachmentActions : public QObject
{
    Q_OBJECT
public:
    AttachmentActions(ChatPanel *panel, ConversationController *conversation, Composer *composer,
                      MessageDelegate *delegate, QListView *view);

    QToolButton *attachButton() const { return m_button; }
    AttachmentBar *bar() const { return m_bar; }
    bool screenshotEnabled() const { return m_screenshotEnabled; }
    void setScreenshotEnabled(bool enabled);
    void setScreenshotProvider(std::function<QImage()> provider);
    void retranslate();

    void attachFiles();
    void attachScreenshot();
    void openImage(const QVariantMap &attachment);
    void saveAttachment(const QVariantMap &attachment);
    /// The message's actions: open images, save files, cancel an upload,
    /// Retry/Discard, copy (keyboard: Menu or Shift+F10).
    void showMessageMenu(const QPoint &pos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool acceptsFiles(const QMimeData *mime) const;
    bool attachImage(const QImage &image);
    void showDropHint(bool show);
    void updateAttachMenu();

    ChatPanel *m_panel;
    ConversationController *m_conversation;
    MessagesModel *m_messages;
    Composer *m_composer;
    QListView *m_view;
    QToolButton *m_button = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_fileAction = nullptr;
    QAction *m_screenshotAction = nullptr;
    AttachmentBar *m_bar = nullptr;
    QLabel *m_dropHint = nullptr;
    bool m_screenshotEnabled = true;
    std::function<QImage()> m_provider;
};

} // namespace CStar
