// SPDX-License-Identifier: MIT
#include "ticketdelegate.h"

#include "chattext.h"
#include "delegatesupport_p.h"
#include "message.h"
#include "ticket.h"
#include "timeformat.h"

#include <QApplication>
#include <QPainter>
#include <QVariantMap>

namespace CStar {

using DelegateSupport::mix;

namespace {
constexpr int Margin = 8;

} // namespace

TicketDelegate::TicketDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

const TicketDelegate::Roles &TicketDelegate::rolesFor(const QAbstractItemModel *model) const
{
    auto it = m_roles.find(model);
    if (it != m_roles.end())
        return *it;
    using DelegateSupport::roleByName;
    Roles r;
    r.title = roleByName(model, "title");
    r.status = roleByName(model, "status");
    r.lastMessage = roleByName(model, "lastMessage");
    r.unreadCount = roleByName(model, "unreadCount");
    r.updatedAt = roleByName(model, "updatedAt");
    return *m_roles.insert(model, r);
}

QString TicketDelegate::preview(const QModelIndex &index) const
{
    const QVariant v = index.data(rolesFor(index.model()).lastMessage);
    QString content;
    if (v.typeId() == QMetaType::QString)
        content = v.toString();
    else if (v.canConvert<Message>())
        content = v.value<Message>().content();
    else
        content = v.toMap().value(QStringLiteral("content")).toString();
    return ChatText::previewText(content);
}

QSize TicketDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, fm.height() * 2 + fm.leading() + 3 * Margin);
}

void TicketDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const Roles &r = rolesFor(index.model());
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? text : pal.color(QPalette::PlaceholderText);
    const QRect area = opt.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const QFontMetrics fm(opt.font);
    const int unread = index.data(r.unreadCount).toInt();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);

    // Line 1: status chip, subject, relative time.
    const QString status = Ticket::statusDisplayName(index.data(r.status).toString());
    const int chipWidth = smallFm.horizontalAdvance(status) + 12;
    QRect chip(area.left(), area.top() + (fm.height() - smallFm.height() - 2) / 2, chipWidth,
               smallFm.height() + 2);
    const QString when = TimeFormat::relative(index.data(r.updatedAt).toDateTime());
    const int whenWidth = smallFm.horizontalAdvance(when);
    QRect whenRect(area.right() - whenWidth, area.top(), whenWidth, fm.height());
    QRect title(chip.right() + 6, area.top(), whenRect.left() - chip.right() - 12, fm.height());
    chip = QStyle::visualRect(opt.direction, area, chip);
    whenRect = QStyle::visualRect(opt.direction, area, whenRect);
    title = QStyle::visualRect(opt.direction, area, title);

    painter->setPen(Qt::NoPen);
    painter->setBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.12));
    painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
    painter->setFont(small);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(chip, Qt::AlignCenter, status);
    painter->setPen(muted);
    painter->drawText(whenRect, Qt::AlignVCenter | Qt::AlignTrailing, when);

    QFont titleFont = opt.font;
    titleFont.setBold(unread > 0);
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(title, Qt::AlignVCenter | Qt::AlignLeading,
                      QFontMetrics(titleFont).elidedText(index.data(r.title).toString(),
                                                         Qt::ElideRight, title.width()));

    // Line 2: preview and unread badge.
    QRect line2(area.left(), area.top() + fm.height() + Margin / 2, area.width(), fm.height());
    if (unread > 0) {
        // In the locale's digits ("٩٩+" in Arabic), like the count itself.
        const QString count =
            unread > 99 ? QLocale().toString(99) + QLatin1Char('+') : QLocale().toString(unread);
        const int w = qMax(smallFm.height() + 4, smallFm.horizontalAdvance(count) + 10);
        QRect badge(line2.right() - w, line2.top() + (line2.height() - smallFm.height() - 4) / 2, w,
                    smallFm.height() + 4);
        badge = QStyle::visualRect(opt.direction, area, badge);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? pal.color(QPalette::HighlightedText)
                                   : pal.color(QPalette::Highlight));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(small);
        painter->setPen(selected ? pal.color(QPalette::Highlight)
                                 : pal.color(QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, count);
        line2.setWidth(line2.width() - w - 6);
    }
    line2 = QStyle::visualRect(opt.direction, area, line2);
    painter->setFont(opt.font);
    painter->setPen(muted);
    painter->drawText(line2, Qt::AlignVCenter | Qt::AlignLeading,
                      fm.elidedText(preview(index), Qt::ElideRight, line2.width()));
    painter->restore();
}

QString TicketDelegate::accessibleText(const QModelIndex &index) const
{
    const Roles &r = rolesFor(index.model());
    QString text = ChatText::ticketAccessibleText(
        index.data(r.title).toString(), Ticket::statusDisplayName(index.data(r.status).toString()),
        index.data(r.unreadCount).toInt());
    const QString last = preview(index);
    if (!last.isEmpty())
        text += QLatin1String(", ") + last;
    return text;
}

} // namespace CStar
