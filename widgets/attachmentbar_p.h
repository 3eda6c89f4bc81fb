// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QPixmap>
#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QScrollArea;

namespace CStar {

class ConversationController;

/// The files attached to the draft, above the composer (protocol §11): one
/// chip per file (a thumbnail decoded off the GUI thread for images, else
/// the type's icon; name; size) with a remove button, and why the last
/// file was refused. Hidden while there is nothing to show.
class AttachmentBar : public QWidget
{
    Q_OBJECT
public:
    /// `parent` is required: the bar shows and hides itself.
    AttachmentBar(ConversationController *conversation, QWidget *parent);

    /// The remove buttons sit in the focus chain between these two.
    void setTabNeighbours(QWidget *before, QWidget *after);
    void retranslate();

private:
    void rebuild();
    void updateError();
    QWidget *chip(int index, const QVariantMap &file);
    void loadThumbnail(const QString &filePath, QLabel *target);

    ConversationController *m_conversation;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_chips = nullptr;
    QHBoxLayout *m_chipLayout = nullptr;
    QLabel *m_error = nullptr;
    QPointer<QWidget> m_before;
    QPointer<QWidget> m_after;
    QHash<QString, QPixmap> m_thumbnails; // by file path; the draft's files only
};

} // namespace CStar
