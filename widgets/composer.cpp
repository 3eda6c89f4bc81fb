// SPDX-License-Identifier: MIT
#include "composer.h"

#include "chattext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace CStar {

class ComposerPrivate
{
public:
    QPlainTextEdit *edit = nullptr;
    QToolButton *sendButton = nullptr;
    QLabel *counter = nullptr;
    int maxLength = 10000;
    bool canSend = false;
    bool hasAttachments = false;

    void retranslate()
    {
        edit->setPlaceholderText(ChatText::label(ChatText::MessagePlaceholder));
        edit->setAccessibleName(ChatText::label(ChatText::MessageFieldName));
        edit->setAccessibleDescription(ChatText::label(ChatText::MessageFieldHint));
        sendButton->setText(ChatText::label(ChatText::SendButton));
        sendButton->setAccessibleName(ChatText::label(ChatText::SendButtonName));
        sendButton->setToolTip(ChatText::label(ChatText::SendButtonToolTip));
        updateCounter();
    }

    /// The length near the limit, in the current locale and language.
    void updateCounter()
    {
        const int length = int(edit->toPlainText().size());
        // Show the count from 90 % of the limit, and always when over it.
        counter->setVisible(length >= maxLength * 9 / 10);
        counter->setText(ChatText::characterCountText(length, maxLength));
        counter->setAccessibleName(ChatText::characterCountName(length));
        counter->setForegroundRole(length > maxLength ? QPalette::Highlight
                                                      : QPalette::PlaceholderText);
    }
};

Composer::Composer(QWidget *parent) : QWidget(parent), d(new ComposerPrivate)
{
    d->edit = new QPlainTextEdit(this);
    d->edit->setTabChangesFocus(true);
    d->edit->setObjectName(QStringLiteral("composerEdit"));
    d->edit->installEventFilter(this);
    const int lineHeight = d->edit->fontMetrics().lineSpacing();
    d->edit->setMinimumHeight(lineHeight * 2 + 12);
    d->edit->setMaximumHeight(lineHeight * 4 + 12);
    d->edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);

    d->sendButton = new QToolButton(this);
    d->sendButton->setObjectName(QStringLiteral("sendButton"));
    d->sendButton->setIcon(QIcon::fromTheme(QStringLiteral("document-send")));
    d->sendButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    d->sendButton->setEnabled(false);
    d->sendButton->setFocusPolicy(Qt::StrongFocus);

    d->counter = new QLabel(this);
    d->counter->setObjectName(QStringLiteral("lengthCounter"));
    d->counter->setVisible(false);

    auto *side = new QVBoxLayout;
    side->addStretch();
    side->addWidget(d->counter, 0, Qt::AlignRight);
    side->addWidget(d->sendButton);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->edit, 1);
    layout->addLayout(side);
    setFocusProxy(d->edit);
    d->retranslate();

    connect(d->sendButton, &QToolButton::clicked, this, &Composer::send);
    connect(d->edit, &QPlainTextEdit::textChanged, this, [this] {
        d->updateCounter();
        updateCanSend();
        Q_EMIT textChanged();
    });
}

void Composer::updateCanSend()
{
    const QString t = d->edit->toPlainText();
    const bool allowed =
        (d->hasAttachments || !t.trimmed().isEmpty()) && int(t.size()) <= d->maxLength;
    d->sendButton->setEnabled(allowed);
    if (allowed != d->canSend) {
        d->canSend = allowed;
        Q_EMIT canSendChanged();
    }
}

Composer::~Composer() = default;

QString Composer::text() const
{
    return d->edit->toPlainText();
}

void Composer::setText(const QString &text)
{
    if (text == d->edit->toPlainText())
        return;
    d->edit->setPlainText(text);
    d->edit->moveCursor(QTextCursor::End);
}

bool Composer::canSend() const
{
    return d->canSend;
}
int Composer::maxLength() const
{
    return d->maxLength;
}

void Composer::setMaxLength(int characters)
{
    d->maxLength = qMax(1, characters);
    Q_EMIT d->edit->textChanged();
}

bool Composer::hasAttachments() const
{
    return d->hasAttachments;
}

void Composer::setHasAttachments(bool attached)
{
    d->hasAttachments = attached;
    updateCanSend();
}

QWidget *Composer::editor() const
{
    return d->edit;
}

void Composer::send()
{
    if (!d->canSend)
        return;
    const QString text = d->edit->toPlainText().trimmed();
    d->edit->clear();
    Q_EMIT sendRequested(text);
}

void Composer::clear()
{
    d->edit->clear();
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        d->retranslate();
    QWidget::changeEvent(event);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == d->edit) {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
            if (enter && (key->modifiers() & Qt::ShiftModifier)) {
                d->edit->insertPlainText(QStringLiteral("\n")); // a real newline, not U+2028
                return true;
            }
            if (enter) {
                send();
                return true;
            }
        } else if (event->type() == QEvent::FocusOut) {
            Q_EMIT focusLost();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace CStar
