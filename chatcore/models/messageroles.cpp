// SPDX-License-Identifier: MIT
// The roles of MessagesModel: their values per row and their QML names.
#include "messagesmodel.h"
#include "messagesmodel_p.h"

#include "localstorage_p.h"

namespace CStar {

QVariant MessagesModelPrivate::roleValue(int row, int role) const
{
    const Row &r = rows.at(row);
    const Message &m = r.message;
    switch (role) {
    case MessagesModel::IdRole:
        return m.id();
    case MessagesModel::ClientMessageIdRole:
        return m.clientMessageId();
    case Qt::DisplayRole:
    case MessagesModel::ContentRole:
        return m.content();
    case MessagesModel::SenderRole:
        return m.senderRole();
    case MessagesModel::SenderNameRole:
        return m.senderName();
    case MessagesModel::CreatedAtRole:
        return m.createdAt();
    case MessagesModel::IsOwnRole:
        return LocalStorage::isOwn(m);
    case MessagesModel::DeliveryStateRole:
        return QVariant::fromValue(r.state);
    case MessagesModel::ShowSenderRole:
        return rows.showSender(row);
    case MessagesModel::DaySectionRole:
        return r.day;
    case MessagesModel::IsFirstUnreadRole:
        return !firstUnreadId.isEmpty() && m.id() == firstUnreadId;
    case MessagesModel::MessageRole:
        return QVariant::fromValue(m);
    case MessagesModel::AttachmentsRole:
        return echoes.attachmentMaps(r);
    case MessagesModel::UploadProgressRole:
        return r.state == DeliveryState::Sent ? -1.0 : echoes.uploadProgress(m.clientMessageId());
    default:
        return {};
    }
}

QHash<int, QByteArray> MessagesModel::roleNames() const
{
    return {
        {IdRole, QByteArrayLiteral("id")},
        {ClientMessageIdRole, QByteArrayLiteral("clientMessageId")},
        {ContentRole, QByteArrayLiteral("content")},
        {SenderRole, QByteArrayLiteral("sender")},
        {SenderNameRole, QByteArrayLiteral("senderName")},
        {CreatedAtRole, QByteArrayLiteral("createdAt")},
        {IsOwnRole, QByteArrayLiteral("isOwn")},
        {DeliveryStateRole, QByteArrayLiteral("deliveryState")},
        {ShowSenderRole, QByteArrayLiteral("showSender")},
        {DaySectionRole, QByteArrayLiteral("daySection")},
        {IsFirstUnreadRole, QByteArrayLiteral("isFirstUnread")},
        {MessageRole, QByteArrayLiteral("message")},
        {AttachmentsRole, QByteArrayLiteral("attachments")},
        {UploadProgressRole, QByteArrayLiteral("uploadProgress")},
    };
}

} // namespace CStar
