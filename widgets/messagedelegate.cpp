// SPDX-License-Identifier: MIT
#include "messagedelegate.h"

#include "attachmentpainter_p.h"
#include "chattext.h"
#include "delegatesupport_p.h"
#include "richtext.h"
#include "timeformat.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextOption>

namespace CStar {

using DelegateSupport::mix;

namespace {

constexpr int Margin = 8;
constexpr int Padding = 8;
constexpr int Radius = 10;
constexpr int Gap = 3;

/// No resource is ever loaded: no remote or local images in messages.
class SafeDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

/// The width text may take inside a bubble: three quarters of the row
/// (system notes: nine tenths), less margins and padding.
int textWidthFor(const QStyleOptionViewItem &option, bool system)
{
    return qMax(80, int(option.rect.width() * (system ? 0.9 : 0.75)) - 2 * Padding - 2 * Margin);
}

QString lowerName(const QVariant &v)
{
    return v.toString().toLower();
}

DeliveryState deliveryOf(const QVariant &v)
{
    const QString s = lowerName(v);
    if (s == QLatin1String("sending") || s == QLatin1String("1"))
        return DeliveryState::Sending;
    if (s == QLatin1String("failed") || s == QLatin1String("2"))
        return DeliveryState::Failed;
    return DeliveryState::Sent;
}

QString dayText(const QVariant &section)
{
    const QDate date = section.toDate();
    return date.isValid() ? TimeFormat::dayLabel(date) : section.toString();
}

} // namespace

struct MessageDelegate::Layout
{
    QRect day;
    QString dayText;
    QRect unread;
    QRect sender;
    QString senderText;
    QRect bubble;
    QRect text;
    QRect meta;
    QString metaText;
    QRect retry;
    QRect discard;
    QRect cancelUpload;
    QList<AttachmentPainter::Item> files;
    int height = 0;
    bool own = false;
    bool system = false;
    bool markdown = false;
    DeliveryState delivery = DeliveryState::Sent;
};

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_attachments(new AttachmentPainter(this))
{
    m_documents.setMaxCost(2000);
    // Thumbnails keep their box: arriving, they only need painting.
    connect(m_attachments, &AttachmentPainter::thumbnailReady, this, [this] {
        if (auto *view = qobject_cast<QAbstractItemView *>(this->parent()))
            view->viewport()->update();
    });
}

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::setAttachmentCache(AttachmentCache *cache)
{
    m_attachments->setCache(cache);
}

void MessageDelegate::invalidate()
{
    m_documents.clear();
}

const MessageDelegate::Roles &MessageDelegate::rolesFor(const QAbstractItemModel *model) const
{
    auto it = m_roles.find(model);
    if (it != m_roles.end())
        return *it;
    using DelegateSupport::roleByName;
    Roles r;
    r.content = roleByName(model, "content");
    r.sender = roleByName(model, "sender");
    r.senderName = roleByName(model, "senderName");
    r.createdAt = roleByName(model, "createdAt");
    r.isOwn = roleByName(model, "isOwn");
    r.deliveryState = roleByName(model, "deliveryState");
    r.showSender = roleByName(model, "showSender");
    r.daySection = roleByName(model, "daySection");
    r.isFirstUnread = roleByName(model, "isFirstUnread");
    r.id = roleByName(model, "id");
    r.clientMessageId = roleByName(model, "clientMessageId");
    r.attachments = roleByName(model, "attachments");
    r.uploadProgress = roleByName(model, "uploadProgress");
    return *m_roles.insert(model, r);
}

QTextDocument *MessageDelegate::documentFor(const QModelIndex &index,
                                            const QStyleOptionViewItem &option, int width) const
{
    const Roles &r = rolesFor(index.model());
    const QString content = index.data(r.content).toString();
    const bool markdown = lowerName(index.data(r.sender)) == QLatin1String("agent");
    const QString key = index.data(r.id).toString() + QLatin1Char('|')
        + index.data(r.clientMessageId).toString() + QLatin1Char('|') + QString::number(width)
        + QLatin1Char('|') + QString::number(qHash(content)) + QLatin1Char('|')
        + QString::number(option.font.pointSizeF());
    if (QTextDocument *cached = m_documents.object(key))
        return cached;
    auto *doc = new SafeDocument;
    doc->setDefaultFont(option.font);
    doc->setDocumentMargin(0);
    QTextOption textOption = doc->defaultTextOption();
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(textOption);
    // Agent messages are Markdown: RichText shows raw HTML as text, images
    // as links to their addresses (SafeDocument loads nothing either), and
    // keeps only safe links; plain text gets its addresses linked.
    RichText::setContent(doc, content, markdown);
    doc->setTextWidth(width);
    const qreal ideal = doc->idealWidth();
    doc->setTextWidth(qMin<qreal>(width, qCeil(ideal) + 1));
    m_documents.insert(key, doc);
    return doc;
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    const Roles &r = rolesFor(index.model());
    Layout l;
    const QRect area = option.rect;
    const QFontMetrics fm(option.font);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);
    int y = area.top() + Gap;

    const QVariant day = index.data(r.daySection);
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    if (!previous.isValid() || previous.data(r.daySection) != day) {
        l.dayText = dayText(day);
        if (!l.dayText.isEmpty()) {
            l.day = QRect(area.left(), y + Margin / 2, area.width(), smallFm.height());
            y = l.day.bottom() + Margin;
        }
    }
    if (index.data(r.isFirstUnread).toBool()) {
        l.unread = QRect(area.left(), y, area.width(), smallFm.height());
        y = l.unread.bottom() + Margin / 2;
    }

    const QString sender = lowerName(index.data(r.sender));
    l.own = index.data(r.isOwn).toBool();
    l.system = sender == QLatin1String("system");
    l.markdown = sender == QLatin1String("agent");
    l.delivery = deliveryOf(index.data(r.deliveryState));
    if (!l.own && !l.system && index.data(r.showSender).toBool()) {
        l.senderText = index.data(r.senderName).toString();
        if (!l.senderText.isEmpty()) {
            l.sender = QRect(area.left() + Margin + Padding, y, area.width() - 2 * Margin,
                             smallFm.height());
            y = l.sender.bottom() + 2;
        }
    }

    const int textWidth = textWidthFor(option, l.system);
    QTextDocument *doc = documentFor(index, option, textWidth);
    const QVariantList files = index.data(r.attachments).toList();
    // A message may be only files (§11): no empty line of text then.
    const bool hasText = files.isEmpty() || !index.data(r.content).toString().isEmpty();
    const QSize textSize =
        hasText ? QSize(qCeil(doc->textWidth()), qCeil(doc->size().height())) : QSize();
    l.files = m_attachments->layout(files, textWidth, option.font);
    const QSize filesSize = AttachmentPainter::extent(l.files);
    const int filesGap = hasText && !files.isEmpty() ? Padding : 0;
    const int bubbleWidth = qMax(textSize.width(), filesSize.width()) + 2 * Padding;
    const int bubbleHeight = textSize.height() + filesGap + filesSize.height() + 2 * Padding;
    int x;
    if (l.system)
        x = area.left() + (area.width() - bubbleWidth) / 2;
    else if (l.own)
        x = area.right() - Margin - bubbleWidth;
    else
        x = area.left() + Margin;
    l.bubble = QRect(x, y, bubbleWidth, bubbleHeight);
    l.text = QRect(x + Padding, y + Padding, bubbleWidth - 2 * Padding, textSize.height());
    const QPoint filesAt(x + Padding, l.text.top() + textSize.height() + filesGap);
    for (AttachmentPainter::Item &item : l.files) {
        item.rect.translate(filesAt);
        item.save.translate(filesAt);
    }
    y = l.bubble.bottom() + 2;

    QStringList meta;
    const QString time = TimeFormat::timeOfDay(index.data(r.createdAt).toDateTime());
    if (!time.isEmpty())
        meta << time;
    const qreal progress = r.uploadProgress >= 0 ? index.data(r.uploadProgress).toReal() : -1;
    const bool uploading = l.own && l.delivery == DeliveryState::Sending && progress >= 0;
    if (uploading)
        meta << ChatText::uploadProgressText(qRound64(progress * 1000), 1000);
    else if (l.own)
        meta << ChatText::deliveryText(l.delivery);
    l.metaText = meta.join(QStringLiteral(" · "));
    const int metaWidth = smallFm.horizontalAdvance(l.metaText);
    int metaX = l.own ? l.bubble.right() - metaWidth : l.bubble.left();
    if (uploading) {
        const QString cancel = ChatText::label(ChatText::CancelUpload);
        const int cw = smallFm.horizontalAdvance(cancel) + 8;
        l.cancelUpload = QRect(l.bubble.right() - cw, y, cw, smallFm.height());
        metaX = l.cancelUpload.left() - 6 - metaWidth;
    }
    if (l.own && l.delivery == DeliveryState::Failed) {
        const QString retry = ChatText::retryText();
        const QString discard = ChatText::discardText();
        const int rw = smallFm.horizontalAdvance(retry) + 8;
        const int dw = smallFm.horizontalAdvance(discard) + 8;
        const int right = l.bubble.right();
        l.discard = QRect(right - dw, y, dw, smallFm.height());
        l.retry = QRect(l.discard.left() - rw, y, rw, smallFm.height());
        metaX = l.retry.left() - 6 - metaWidth;
    }
    l.meta = QRect(metaX, y, metaWidth, smallFm.height());
    y = l.meta.bottom() + Gap + 2;
    l.height = y - area.top();

    if (option.direction == Qt::RightToLeft) {
        // Mirror: own messages on the left, agents on the right.
        auto mirror = [&](QRect &rect) { rect = QStyle::visualRect(Qt::RightToLeft, area, rect); };
        for (QRect *rect :
             {&l.sender, &l.bubble, &l.text, &l.meta, &l.retry, &l.discard, &l.cancelUpload})
            mirror(*rect);
        for (AttachmentPainter::Item &item : l.files) {
            mirror(item.rect);
            mirror(item.save);
        }
    }
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.rect.width() <= 0)
        opt.rect.setWidth(400);
    const Layout l = layoutFor(opt, index);
    return QSize(opt.rect.width(), l.height);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layoutFor(opt, index);
    const QPalette &pal = opt.palette;
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    const QColor muted = pal.color(QPalette::PlaceholderText);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (opt.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->drawRect(opt.rect.adjusted(1, 1, -2, -2));
    }
    painter->setFont(small);
    if (!l.day.isNull()) {
        painter->setPen(muted);
        const int w = painter->fontMetrics().horizontalAdvance(l.dayText) + 16;
        const QRect label((l.day.width() - w) / 2 + l.day.left(), l.day.top(), w, l.day.height());
        const int mid = l.day.center().y();
        painter->drawLine(l.day.left() + Margin, mid, label.left(), mid);
        painter->drawLine(label.right(), mid, l.day.right() - Margin, mid);
        painter->drawText(label, Qt::AlignCenter, l.dayText);
    }
    if (!l.unread.isNull()) {
        painter->setPen(pal.color(QPalette::Highlight));
        const QString text = ChatText::newMessagesText();
        const int w = painter->fontMetrics().horizontalAdvance(text) + 16;
        // The label on the trailing side, the line from the leading edge.
        QRect label(l.unread.right() - Margin - w, l.unread.top(), w, l.unread.height());
        QRect line(l.unread.left() + Margin, l.unread.top(),
                   label.left() - l.unread.left() - Margin, l.unread.height());
        label = QStyle::visualRect(opt.direction, l.unread, label);
        line = QStyle::visualRect(opt.direction, l.unread, line);
        painter->drawLine(line.left(), line.center().y(), line.right(), line.center().y());
        painter->drawText(label, Qt::AlignCenter, text);
    }
    if (!l.sender.isNull()) {
        QFont bold = small;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(pal.color(QPalette::WindowText));
        painter->drawText(l.sender, Qt::AlignLeading | Qt::AlignVCenter, l.senderText);
        painter->setFont(small);
    }

    QColor textColor = pal.color(QPalette::Text);
    if (!l.system) {
        QColor fill = l.own ? pal.color(QPalette::Highlight)
                            : mix(pal.color(QPalette::Base), textColor, 0.09);
        if (l.own && l.delivery != DeliveryState::Sent)
            fill = mix(fill, pal.color(QPalette::Base), 0.35);
        if (l.own)
            textColor = pal.color(QPalette::HighlightedText);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(l.bubble, Radius, Radius);
    } else {
        textColor = muted;
    }

    QTextDocument *doc = documentFor(index, opt, textWidthFor(opt, l.system));
    painter->translate(l.text.topLeft());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    ctx.palette.setColor(QPalette::Text, textColor);
    if (l.own)
        ctx.palette.setColor(QPalette::Link, textColor);
    ctx.clip = QRectF(0, 0, l.text.width(), l.text.height());
    doc->documentLayout()->draw(painter, ctx);
    painter->translate(-l.text.topLeft());
    for (const AttachmentPainter::Item &item : l.files)
        m_attachments->paint(painter, item, opt);

    painter->setFont(small);
    painter->setPen(muted);
    painter->drawText(l.meta, Qt::AlignVCenter, l.metaText);
    if (!l.retry.isNull()) {
        QFont link = small;
        link.setUnderline(true);
        painter->setFont(link);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(l.retry, Qt::AlignCenter, ChatText::retryText());
        painter->drawText(l.discard, Qt::AlignCenter, ChatText::discardText());
    }
    if (!l.cancelUpload.isNull()) {
        QFont link = small;
        link.setUnderline(true);
        painter->setFont(link);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(l.cancelUpload, Qt::AlignCenter, ChatText::label(ChatText::CancelUpload));
    }
    painter->restore();
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layoutFor(opt, index);
    const QPoint pos = mouse->position().toPoint();
    if (l.retry.contains(pos)) {
        Q_EMIT retryRequested(index.row());
        return true;
    }
    if (l.discard.contains(pos)) {
        Q_EMIT discardRequested(index.row());
        return true;
    }
    if (l.cancelUpload.contains(pos)) {
        Q_EMIT cancelUploadRequested(index.row());
        return true;
    }
    for (const AttachmentPainter::Item &item : l.files) {
        if (!item.rect.contains(pos))
            continue;
        if (item.image)
            Q_EMIT imageActivated(item.file);
        else if (!item.save.isNull())
            Q_EMIT saveRequested(item.file);
        return true;
    }
    if (l.text.contains(pos)) {
        QTextDocument *doc = documentFor(index, opt, textWidthFor(opt, l.system));
        const QString anchor = doc->documentLayout()->anchorAt(pos - l.text.topLeft());
        const QUrl url(anchor);
        if (!anchor.isEmpty() && ChatText::isSafeLink(url)) {
            Q_EMIT linkActivated(url);
            return true;
        }
    }
    return false;
}

QRect MessageDelegate::actionRect(const QStyleOptionViewItem &option, const QModelIndex &index,
                                  Action action) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layoutFor(opt, index);
    switch (action) {
    case Action::Retry:
        return l.retry;
    case Action::Discard:
        return l.discard;
    case Action::CancelUpload:
        return l.cancelUpload;
    }
    return {};
}

QRect MessageDelegate::attachmentRect(const QStyleOptionViewItem &option, const QModelIndex &index,
                                      int i, bool saveLink) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layoutFor(opt, index);
    if (i < 0 || i >= l.files.size())
        return {};
    return saveLink ? l.files.at(i).save : l.files.at(i).rect;
}

QString MessageDelegate::accessibleText(const QModelIndex &index) const
{
    const Roles &r = rolesFor(index.model());
    QStringList parts {ChatText::messageAccessibleText(
        index.data(r.senderName).toString(), index.data(r.content).toString(),
        index.data(r.isOwn).toBool(), deliveryOf(index.data(r.deliveryState)))};
    const QVariantList files = index.data(r.attachments).toList();
    for (const QVariant &v : files) {
        const QVariantMap file = v.toMap();
        parts << ChatText::attachmentAccessibleText(
            file.value(QStringLiteral("name")).toString(),
            file.value(QStringLiteral("isImage")).toBool(),
            file.value(QStringLiteral("size")).toLongLong());
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace CStar
