// SPDX-License-Identifier: MIT
#include "attachmentactions_p.h"

#include "attachmentbar_p.h"
#include "chatclient.h"
#include "chatpanel.h"
#include "chattext.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "delegatesupport_p.h"
#include "imagedecoder.h"
#include "imageviewer_p.h"
#include "messagedelegate.h"
#include "messagesmodel.h"
#include "screenshotdialog_p.h"

#include <QAbstractScrollArea>
#include <QClipboard>
#include <QDropEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QShortcut>
#include <QStandardPaths>
#include <QToolButton>

namespace CStar {

AttachmentActions::AttachmentActions(ChatPanel *panel, ConversationController *conversation,
                                     Composer *composer, MessageDelegate *delegate, QListView *view)
    : QObject(panel)
    , m_panel(panel)
    , m_conversation(conversation)
    , m_messages(conversation->messagesModel())
    , m_composer(composer)
    , m_view(view)
{
    m_button = new QToolButton(composer->parentWidget());
    m_button->setObjectName(QStringLiteral("attachButton"));
    m_button->setAutoRaise(true);
    m_button->setFocusPolicy(Qt::StrongFocus);
    m_button->setIcon(QIcon::fromTheme(QStringLiteral("mail-attachment"),
                                       panel->style()->standardIcon(QStyle::SP_FileIcon)));
    auto *menu = m_menu = new QMenu(m_button);
    menu->setObjectName(QStringLiteral("attachMenu"));
    m_fileAction = menu->addAction(QString(), this, &AttachmentActions::attachFiles);
    m_fileAction->setObjectName(QStringLiteral("attachFileAction"));
    m_screenshotAction = menu->addAction(QString(), this, &AttachmentActions::attachScreenshot);
    m_screenshotAction->setObjectName(QStringLiteral("attachScreenshotAction"));
    connect(m_button, &QToolButton::clicked, this, [this] {
        if (!m_button->menu())
            attachFiles(); // files are all there is: no menu of one item
    });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), panel);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (!m_composer->isVisible() || !m_composer->isEnabled())
            return;
        if (m_button->menu())
            m_button->showMenu();
        else
            attachFiles();
    });
    m_bar = new AttachmentBar(conversation, composer->parentWidget());
    auto updateState = [this] {
        m_composer->setHasAttachments(!m_conversation->attachments().isEmpty());
        m_button->setEnabled(m_conversation->canAttach() && !m_conversation->isStarting());
    };
    connect(conversation, &ConversationController::attachmentsChanged, this, updateState);
    connect(conversation, &ConversationController::startingChanged, this, updateState);
    updateState();

    // Local files dropped anywhere on the panel, the text field included
    // (it would insert their paths as text).
    m_dropHint = new QLabel(panel);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setAutoFillBackground(true);
    m_dropHint->setBackgroundRole(QPalette::AlternateBase);
    m_dropHint->setFrameShape(QFrame::Box);
    m_dropHint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_dropHint->hide();
    panel->setAcceptDrops(true);
    panel->installEventFilter(this);
    auto *editor = composer->editor();
    editor->installEventFilter(this);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(editor))
        area->viewport()->installEventFilter(this);

    connect(delegate, &MessageDelegate::imageActivated, this, &AttachmentActions::openImage);
    connect(delegate, &MessageDelegate::saveRequested, this, &AttachmentActions::saveAttachment);
    connect(delegate, &MessageDelegate::cancelUploadRequested, m_messages, &MessagesModel::cancel);
    updateAttachMenu();
}

void AttachmentActions::setScreenshotEnabled(bool enabled)
{
    m_screenshotEnabled = enabled;
    updateAttachMenu();
}

void AttachmentActions::setScreenshotProvider(std::function<QImage()> provider)
{
    m_provider = std::move(provider);
}

void AttachmentActions::updateAttachMenu()
{
    m_screenshotAction->setVisible(m_screenshotEnabled);
    m_button->setMenu(m_screenshotEnabled ? m_menu : nullptr);
    m_button->setPopupMode(QToolButton::InstantPopup);
    retranslate();
}

void AttachmentActions::retranslate()
{
    const bool menu = m_button->menu();
    m_button->setAccessibleName(
        ChatText::label(menu ? ChatText::AttachMenuName : ChatText::AttachButtonName));
    m_button->setToolTip(ChatText::label(ChatText::AttachButtonToolTip));
    m_fileAction->setText(ChatText::label(ChatText::AttachButtonName) + QStringLiteral("…"));
    m_screenshotAction->setText(ChatText::label(ChatText::AttachScreenshot));
    m_dropHint->setText(ChatText::label(ChatText::DropFilesHint));
    m_bar->retranslate();
}

void AttachmentActions::attachFiles()
{
    // The platform's dialog (native where there is one), not modal to the
    // whole application, so the chat keeps updating meanwhile.
    auto *dialog = new QFileDialog(m_panel, ChatText::label(ChatText::ChooseFilesTitle));
    dialog->setObjectName(QStringLiteral("attachFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            m_conversation->attachFile(file);
    });
    dialog->open();
}

void AttachmentActions::attachScreenshot()
{
    if (!m_screenshotEnabled)
        return;
    // The app's own pixels: its top-level window as it is, the chat panel
    // included (no screen capture, no permission needed).
    const QImage image = m_provider ? m_provider() : m_panel->window()->grab().toImage();
    if (image.isNull())
        return;
    auto *dialog = new ScreenshotDialog(image, m_panel);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { attachImage(dialog->result()); });
    dialog->open();
}

bool AttachmentActions::attachImage(const QImage &image)
{
    return m_conversation->attachScreenshotPng(Media::encodePng(image));
}

void AttachmentActions::openImage(const QVariantMap &attachment)
{
    auto *viewer = new ImageViewer(attachment, m_panel->client()->attachmentCache(), m_panel);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
}

void AttachmentActions::saveAttachment(const QVariantMap &attachment)
{
    const QString id = attachment.value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return; // a local echo: the customer has the file
    // A name from the server is only a proposal, and never opened or run.
    const QString name =
        ConversationController::safeFileName(attachment.value(QStringLiteral("name")).toString());
    auto *dialog = new QFileDialog(m_panel, ChatText::label(ChatText::SaveAttachmentTitle));
    dialog->setObjectName(QStringLiteral("saveAttachmentDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    dialog->selectFile(name);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, id](const QString &path) { m_conversation->saveAttachment(id, path); });
    dialog->open();
}

void AttachmentActions::showMessageMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(m_panel);
    const int row = index.row();
    const QVariantList files =
        index.data(DelegateSupport::roleByName(m_messages, "attachments")).toList();
    for (const QVariant &v : files) {
        const QVariantMap file = v.toMap();
        const QString name = file.value(QStringLiteral("name")).toString();
        if (file.value(QStringLiteral("isImage")).toBool())
            menu.addAction(ChatText::label(ChatText::OpenImage) + QStringLiteral(": ") + name, this,
                           [this, file] { openImage(file); });
        if (!file.value(QStringLiteral("id")).toString().isEmpty())
            menu.addAction(ChatText::saveAttachmentName(name), this,
                           [this, file] { saveAttachment(file); });
    }
    if (index.data(DelegateSupport::roleByName(m_messages, "uploadProgress")).toReal() >= 0)
        menu.addAction(ChatText::label(ChatText::CancelUpload), this,
                       [this, row] { m_messages->cancel(row); });
    if (index.data(MessagesModel::DeliveryStateRole).value<DeliveryState>()
        == DeliveryState::Failed) {
        menu.addAction(ChatText::retryText(), this, [this, row] { m_messages->retry(row); });
        menu.addAction(ChatText::discardText(), this, [this, row] { m_messages->discard(row); });
    }
    const QString content = index.data(MessagesModel::ContentRole).toString();
    if (!content.isEmpty())
        menu.addAction(ChatText::label(ChatText::CopyText), this, [content] {
            if (auto *clipboard = QGuiApplication::clipboard())
                clipboard->setText(content);
        });
    if (!menu.isEmpty())
        menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool AttachmentActions::acceptsFiles(const QMimeData *mime) const
{
    if (!mime || !mime->hasUrls() || !m_composer->isVisible() || !m_composer->isEnabled())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(), [](const QUrl &u) { return u.isLocalFile(); });
}

void AttachmentActions::showDropHint(bool show)
{
    if (show) {
        m_dropHint->setGeometry(m_panel->rect());
        m_dropHint->raise();
    }
    m_dropHint->setVisible(show);
}

bool AttachmentActions::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!acceptsFiles(drag->mimeData()))
            break;
        drag->acceptProposedAction();
        showDropHint(true);
        return true;
    }
    case QEvent::DragLeave:
        showDropHint(false);
        break;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        showDropHint(false);
        if (!acceptsFiles(drop->mimeData()))
            break;
        m_conversation->attachUrls(drop->mimeData()->urls());
        drop->acceptProposedAction();
        return true;
    }
    case QEvent::KeyPress: {
        if (watched != m_composer->editor())
            break;
        auto *key = static_cast<QKeyEvent *>(event);
        const QMimeData *mime = key->matches(QKeySequence::Paste) && QGuiApplication::clipboard()
            ? QGuiApplication::clipboard()->mimeData()
            : nullptr;
        if (!mime)
            break;
        // An image (a screenshot tool's copy) is attached as PNG; copied
        // files are attached; text pastes as text.
        if (mime->hasImage()) {
            const QImage image = qvariant_cast<QImage>(mime->imageData());
            if (!image.isNull()) {
                attachImage(image);
                return true;
            }
        }
        if (acceptsFiles(mime) && !mime->hasImage()) {
            m_conversation->attachUrls(mime->urls());
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace CStar
