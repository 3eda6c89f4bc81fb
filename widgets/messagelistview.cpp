// SPDX-License-Identifier: MIT
#include "messagelistview_p.h"

#include "chattext.h"
#include "messagedelegate.h"
#include "messagesmodel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>

namespace CStar {

MessageListView::MessageListView(MessagesModel *messages, QWidget *parent)
    : QListView(parent)
    , m_messages(messages)
    , m_delegate(new MessageDelegate(this))
    , m_placeholder(new QLabel(viewport()))
    , m_pill(new QPushButton(viewport()))
{
    setObjectName(QStringLiteral("messageList"));
    setModel(messages);
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    // Large threads: lay out in batches so 100,000 messages never block the UI.
    setLayoutMode(QListView::Batched);
    setBatchSize(200);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::CustomContextMenu);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->hide();

    m_pill->setObjectName(QStringLiteral("newMessagesPill"));
    m_pill->hide();
    connect(m_pill, &QPushButton::clicked, this, [this] {
        scrollToNewest();
        m_pill->hide();
    });

    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        m_stickToBottom = atBottom();
        if (m_stickToBottom) {
            m_pill->hide();
            Q_EMIT newestVisible();
        }
        if (value == bar->minimum() && bar->maximum() > 0 && m_messages->canFetchOlder())
            m_messages->fetchOlder();
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_prependAnchor >= 0) {
            // History was prepended: keep the same message under the eye.
            bar->setValue(max - m_prependAnchor);
            m_prependAnchor = -1;
        } else if (m_stickToBottom) {
            bar->setValue(max);
        }
    });

    connect(messages, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) { aboutToInsert(first); });
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { inserted(first, last); });
    connect(messages, &QAbstractItemModel::modelReset, this, [this] {
        m_stickToBottom = true;
        m_prependAnchor = -1;
        m_delegate->invalidate();
        QTimer::singleShot(0, this, &MessageListView::scrollToNewest);
    });
}

bool MessageListView::atBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void MessageListView::scrollToNewest()
{
    m_stickToBottom = true;
    scrollToBottom();
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->maximum());
    Q_EMIT newestVisible();
}

void MessageListView::hidePill()
{
    m_pill->hide();
}

void MessageListView::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    // A label on the viewport is no item of the list: screen readers hear it
    // as the list's description.
    setAccessibleDescription(text);
    placePlaceholder();
}

void MessageListView::retranslate()
{
    setAccessibleName(ChatText::label(ChatText::MessagesListName));
    m_pill->setText(ChatText::label(ChatText::NewMessagesPill));
    m_pill->setAccessibleName(ChatText::label(ChatText::NewMessagesPillName));
    relayout();
}

void MessageListView::relayout()
{
    m_delegate->invalidate();
    doItemsLayout();
}

void MessageListView::resizeEvent(QResizeEvent *event)
{
    m_delegate->invalidate(); // bubbles wrap to the new width
    QListView::resizeEvent(event);
    placePlaceholder();
}

void MessageListView::keyPressEvent(QKeyEvent *event)
{
    // Keyboard access to the message menu (Retry/Discard, Save…).
    const QModelIndex current = currentIndex();
    if (current.isValid()
        && (event->key() == Qt::Key_Menu
            || (event->key() == Qt::Key_F10 && event->modifiers() & Qt::ShiftModifier))) {
        Q_EMIT customContextMenuRequested(visualRect(current).center());
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageListView::aboutToInsert(int first)
{
    m_stickToBottom = atBottom();
    if (first == 0 && m_messages->rowCount() > 0)
        m_prependAnchor = verticalScrollBar()->maximum() - verticalScrollBar()->value();
}

void MessageListView::inserted(int first, int last)
{
    if (first == 0 && m_prependAnchor >= 0)
        return; // history: rangeChanged restores the position
    QString lastIncoming;
    bool incoming = false;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_messages->index(row);
        if (!index.data(MessagesModel::IsOwnRole).toBool()) {
            incoming = true;
            lastIncoming = m_delegate->accessibleText(index);
        }
    }
    if (m_stickToBottom || !incoming) {
        QTimer::singleShot(0, this, &MessageListView::scrollToNewest);
    } else {
        m_pill->adjustSize();
        const QRect area = viewport()->rect();
        m_pill->move((area.width() - m_pill->width()) / 2, area.bottom() - m_pill->height() - 8);
        m_pill->show();
        m_pill->raise();
    }
    if (incoming)
        Q_EMIT incomingArrived(lastIncoming);
}

void MessageListView::placePlaceholder()
{
    m_placeholder->setGeometry(viewport()->rect().adjusted(16, 16, -16, -16));
}

} // namespace CStar
