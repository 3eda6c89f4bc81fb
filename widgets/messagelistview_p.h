// SPDX-License-Identifier: MIT
#pragma once

#include <QListView>

class QLabel;
class QPushButton;

namespace CStar {

class MessageDelegate;
class MessagesModel;

/// The thread's messages, the widget twin of MessageList.qml: follows the
/// newest message while the reader is at the bottom, keeps the message under
/// the eye while older history is prepended (fetchOlder() at the top), and
/// shows a "new messages" pill instead of moving once the reader scrolled up.
class MessageListView : public QListView
{
    Q_OBJECT
public:
    explicit MessageListView(MessagesModel *messages, QWidget *parent = nullptr);

    MessageDelegate *messageDelegate() const { return m_delegate; }
    bool atBottom() const;
    void scrollToNewest();
    void hidePill();
    /// Centred text over the list (empty thread, nothing selected…).
    void setPlaceholderText(const QString &text);
    void retranslate();
    /// Delegates paint translated, mirrored and palette-dependent text.
    void relayout();

Q_SIGNALS:
    /// The newest message is in view: time to mark the thread read.
    void newestVisible();
    /// Messages from someone else arrived; the newest one's spoken text.
    void incomingArrived(const QString &accessibleText);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void aboutToInsert(int first);
    void inserted(int first, int last);
    void placePlaceholder();

    MessagesModel *m_messages;
    MessageDelegate *m_delegate;
    QLabel *m_placeholder;
    QPushButton *m_pill;
    int m_prependAnchor = -1; // distance from the bottom to keep while history is prepended
    bool m_stickToBottom = true;
};

} // namespace CStar
