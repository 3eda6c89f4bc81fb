// SPDX-License-Identifier: MIT
#include "attachmentbar_p.h"

#include "chattext.h"
#include "conversationcontroller.h"
#include "delegatesupport_p.h"
#include "imagedecoder.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace CStar {

namespace {
constexpr int ThumbnailSide = 32;
}

AttachmentBar::AttachmentBar(ConversationController *conversation, QWidget *parent)
    : QWidget(parent), m_conversation(conversation)
{
    setObjectName(QStringLiteral("attachmentBar"));
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    m_chips = new QWidget;
    m_chipLayout = new QHBoxLayout(m_chips);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->addStretch();
    scroll->setWidget(m_chips);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("attachmentError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    layout->addWidget(m_error);
    scroll->setFixedHeight(ThumbnailSide + 20);
    scroll->hide();

    connect(conversation, &ConversationController::attachmentsChanged, this,
            &AttachmentBar::rebuild);
    connect(conversation, &ConversationController::attachmentErrorChanged, this,
            &AttachmentBar::updateError);
    rebuild();
    updateError();
}

void AttachmentBar::setTabNeighbours(QWidget *before, QWidget *after)
{
    m_before = before;
    m_after = after;
    rebuild();
}

void AttachmentBar::retranslate()
{
    setAccessibleName(ChatText::label(ChatText::AttachmentsName));
    rebuild(); // names and sizes are in the user's language
    updateError();
}

void AttachmentBar::rebuild()
{
    while (m_chipLayout->count() > 1) {
        QLayoutItem *item = m_chipLayout->takeAt(0);
        // Later: the chip's own remove button may be what called us.
        if (QWidget *old = item->widget()) {
            old->hide();
            old->setObjectName(QString());
            const auto buttons = old->findChildren<QToolButton *>();
            for (QToolButton *b : buttons)
                b->setObjectName(QString());
            old->deleteLater();
        }
        delete item;
    }
    const QVariantList files = m_conversation->attachments();
    QHash<QString, QPixmap> kept;
    QWidget *previous = m_before;
    for (int i = 0; i < files.size(); ++i) {
        const QVariantMap file = files.at(i).toMap();
        const QString path = file.value(QStringLiteral("filePath")).toString();
        if (m_thumbnails.contains(path))
            kept.insert(path, m_thumbnails.value(path));
        QWidget *c = chip(i, file);
        m_chipLayout->insertWidget(i, c);
        // Chips are made after the composer: put their buttons where the
        // eye is, before the text field.
        auto *remove = c->findChild<QToolButton *>();
        if (previous && remove)
            QWidget::setTabOrder(previous, remove);
        previous = remove;
    }
    if (previous && m_after && previous != m_before)
        QWidget::setTabOrder(previous, m_after);
    m_thumbnails = kept;
    m_scroll->setVisible(!files.isEmpty());
    setVisible(!files.isEmpty() || !m_error->text().isEmpty());
}

QWidget *AttachmentBar::chip(int index, const QVariantMap &file)
{
    const QString name = file.value(QStringLiteral("name")).toString();
    const QString path = file.value(QStringLiteral("filePath")).toString();
    const qint64 size = file.value(QStringLiteral("size")).toLongLong();
    const bool image = file.value(QStringLiteral("isImage")).toBool();
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("attachmentChip"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAccessibleName(ChatText::attachmentAccessibleText(name, image, size));
    frame->setToolTip(name);
    auto *icon = new QLabel(frame);
    icon->setFixedSize(ThumbnailSide, ThumbnailSide);
    icon->setAlignment(Qt::AlignCenter);
    const QIcon typeIcon =
        DelegateSupport::fileIcon(file.value(QStringLiteral("contentType")).toString(), style());
    icon->setPixmap(typeIcon.pixmap(ThumbnailSide * 3 / 4));
    if (image) {
        if (m_thumbnails.contains(path))
            icon->setPixmap(m_thumbnails.value(path));
        else
            loadThumbnail(path, icon);
    }
    auto *text = new QLabel(frame);
    text->setTextFormat(Qt::PlainText);
    const QString shown = fontMetrics().elidedText(name, Qt::ElideMiddle, 160);
    text->setText(shown + QLatin1Char('\n') + ChatText::fileSizeText(size));
    auto *remove = new QToolButton(frame);
    remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    remove->setAutoRaise(true);
    remove->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete"),
                                     style()->standardIcon(QStyle::SP_DialogCloseButton)));
    remove->setAccessibleName(ChatText::removeAttachmentName(name));
    remove->setToolTip(ChatText::removeAttachmentName(name));
    remove->setFocusPolicy(Qt::StrongFocus);
    connect(remove, &QToolButton::clicked, this,
            [this, index] { m_conversation->removeAttachment(index); });
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(4, 2, 2, 2);
    layout->addWidget(icon);
    layout->addWidget(text);
    layout->addWidget(remove);
    return frame;
}

void AttachmentBar::loadThumbnail(const QString &filePath, QLabel *target)
{
    const qreal ratio = devicePixelRatioF();
    const QSize bounding = QSize(ThumbnailSide, ThumbnailSide) * ratio;
    QPointer<QLabel> label(target);
    // Never decoded on the GUI thread: a pasted or dropped file may be huge
    // or hostile as much as a received one.
    Media::decodeImageAsync(filePath, bounding, this,
                            [this, label, filePath, ratio](const QImage &image, const QString &) {
                                if (image.isNull())
                                    return;
                                QPixmap pixmap = QPixmap::fromImage(image);
                                pixmap.setDevicePixelRatio(ratio);
                                m_thumbnails.insert(filePath, pixmap);
                                if (label)
                                    label->setPixmap(pixmap);
                            });
}

void AttachmentBar::updateError()
{
    const QString text = m_conversation->attachmentError();
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    setVisible(!text.isEmpty() || !m_conversation->attachments().isEmpty());
}

} // namespace CStar
