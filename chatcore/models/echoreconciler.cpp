// SPDX-License-Identifier: MIT
#include "echoreconciler_p.h"

#include "messagesmodel_p.h"
#include "modelfeed_p.h"
#include "outbox.h"

#include <QSet>
#include <QtMath>

namespace CStar {

void EchoReconciler::setOutbox(Outbox *outbox)
{
    for (const auto &c : std::as_const(m_connections))
        QObject::disconnect(c);
    m_connections.clear();
    m_outbox = outbox;
    if (!outbox)
        return;
    QObject *context = d->feed;
    m_connections << QObject::connect(outbox, &Outbox::entryAdded, context,
                                      [this](const OutboxEntry &e) { onAdded(e); })
                  << QObject::connect(outbox, &Outbox::entryChanged, context,
                                      [this](const OutboxEntry &e) { onChanged(e); })
                  << QObject::connect(
                         outbox, &Outbox::entryDelivered, context,
                         [this](const OutboxEntry &e, const Message &m) { onDelivered(e, m); })
                  << QObject::connect(outbox, &Outbox::entryRemoved, context,
                                      [this](const OutboxEntry &e) { onRemoved(e); })
                  << QObject::connect(outbox, &Outbox::entriesReloaded, context,
                                      [this] { onReloaded(); })
                  << QObject::connect(outbox, &Outbox::uploadProgress, context,
                                      [this](const QString &id, qint64 sent, qint64 total) {
                                          onUploadProgress(id, sent, total);
                                      });
}

bool EchoReconciler::absorb(const Message &message)
{
    const int row = d->rows.findClientId(message.clientMessageId());
    if (row < 0)
        return false;
    d->replaceWithServer(row, message);
    if (m_outbox)
        m_outbox->acknowledge(message);
    return true;
}

void EchoReconciler::addMissing()
{
    if (!m_outbox || d->ticketId.isEmpty())
        return;
    for (const OutboxEntry &e : m_outbox->entries(d->ticketId)) {
        if (d->rows.findClientId(e.clientMessageId) < 0)
            d->appendRow(MessageRows::echoRow(echoOf(e), e.state));
    }
}

Message EchoReconciler::echoOf(const OutboxEntry &entry) const
{
    // Named as the server names customer messages (docs/protocol-notes.md "Senders").
    const ChatClient *client = d->feed->client();
    const Customer c = client ? client->customer() : Customer();
    Message m;
    m.setTicketId(entry.ticketId);
    m.setContent(entry.content);
    m.setSenderRole(QStringLiteral("customer"));
    m.setSenderName(!c.name.isEmpty()        ? c.name
                        : !c.email.isEmpty() ? c.email
                                             : QStringLiteral("Guest"));
    m.setClientMessageId(entry.clientMessageId);
    m.setCreatedAt(entry.createdAt);
    QList<Attachment> files; // no ids before the server has them
    for (const OutboxAttachment &file : entry.attachments) {
        Attachment a;
        a.name = file.name;
        a.contentType = file.contentType;
        a.size = file.size;
        files.append(a);
    }
    m.setAttachments(files);
    return m;
}

QVariantList EchoReconciler::attachmentMaps(const MessageRows::Row &row) const
{
    const QList<Attachment> files = row.message.attachments();
    if (files.isEmpty())
        return {};
    // A local echo shows the outbox's copies (the server has none yet).
    QList<OutboxAttachment> local;
    if (row.state != DeliveryState::Sent && m_outbox)
        local = m_outbox->entry(row.message.clientMessageId()).attachments;
    QVariantList maps;
    for (int i = 0; i < files.size(); ++i)
        maps.append(files.at(i).toVariantMap(i < local.size() ? local.at(i).filePath : QString()));
    return maps;
}

qreal EchoReconciler::uploadProgress(const QString &clientMessageId) const
{
    return m_progress.value(clientMessageId, -1.0);
}

void EchoReconciler::onUploadProgress(const QString &clientMessageId, qint64 sent, qint64 total)
{
    const qreal progress = total > 0 ? qBound(0.0, qreal(sent) / qreal(total), 1.0) : 0.0;
    // Whole percents: a view repaints per step, not per network packet.
    const qreal rounded = qFloor(progress * 100) / 100.0;
    if (m_progress.value(clientMessageId, -1.0) == rounded)
        return;
    m_progress.insert(clientMessageId, rounded);
    const int row = d->rows.findClientId(clientMessageId);
    if (row >= 0)
        Q_EMIT d->q->dataChanged(d->q->index(row), d->q->index(row),
                                 {MessagesModel::UploadProgressRole});
}

QString EchoReconciler::send(const QString &text, const QList<OutgoingAttachment> &files)
{
    ChatClient *client = d->feed->client();
    if ((text.trimmed().isEmpty() && files.isEmpty()) || !client || d->ticketId.isEmpty()
        || !m_outbox)
        return {};
    client->sendTyping(d->ticketId, false); // protocol §7: false on send
    // The outbox stores it before the first attempt and announces it
    // (entryAdded), which puts the local echo in place right now.
    const OutboxEntry entry = files.isEmpty() ? m_outbox->enqueue(d->ticketId, text)
                                              : m_outbox->enqueue(d->ticketId, text, files);
    if (!entry.isValid()) {
        d->feed->setError(ChatError(ChatError::Kind::Protocol, QStringLiteral("outbox_unavailable"),
                                    QStringLiteral("The message could not be stored for sending")));
        return {};
    }
    return entry.clientMessageId;
}

QList<OutgoingAttachment> EchoReconciler::filesOf(const QVariantList &maps)
{
    QList<OutgoingAttachment> files;
    for (const QVariant &v : maps) {
        const QVariantMap map = v.toMap();
        files.append(OutgoingAttachment::fromFile(map.value(QStringLiteral("filePath")).toString(),
                                                  map.value(QStringLiteral("name")).toString()));
    }
    return files;
}

bool EchoReconciler::retry(int row)
{
    if (row < 0 || row >= d->rows.size() || !m_outbox)
        return false;
    const MessageRows::Row &r = d->rows.at(row);
    return r.state != DeliveryState::Sent && m_outbox->retry(r.message.clientMessageId());
}

void EchoReconciler::clearProgress(const QString &clientMessageId)
{
    if (!m_progress.remove(clientMessageId))
        return;
    const int row = d->rows.findClientId(clientMessageId);
    if (row >= 0)
        Q_EMIT d->q->dataChanged(d->q->index(row), d->q->index(row),
                                 {MessagesModel::UploadProgressRole});
}

bool EchoReconciler::cancel(int row)
{
    if (row < 0 || row >= d->rows.size() || !m_outbox)
        return false;
    const MessageRows::Row &r = d->rows.at(row);
    return r.state == DeliveryState::Sending && m_outbox->cancel(r.message.clientMessageId());
}

bool EchoReconciler::discard(int row)
{
    if (row < 0 || row >= d->rows.size() || d->rows.at(row).state == DeliveryState::Sent)
        return false;
    if (m_outbox && m_outbox->discard(d->rows.at(row).message.clientMessageId()))
        return true; // entryRemoved took the row away
    d->removeRowAt(row);
    return true;
}

void EchoReconciler::onAdded(const OutboxEntry &entry)
{
    if (entry.ticketId != d->ticketId || d->ticketId.isEmpty()
        || d->rows.findClientId(entry.clientMessageId) >= 0)
        return;
    d->appendRow(MessageRows::echoRow(echoOf(entry), entry.state));
}

void EchoReconciler::onChanged(const OutboxEntry &entry)
{
    if (entry.state == DeliveryState::Failed)
        clearProgress(entry.clientMessageId);
    const int row = d->rows.findClientId(entry.clientMessageId);
    if (row >= 0 && d->rows.at(row).state != DeliveryState::Sent)
        d->setRowState(row, entry.state);
}

void EchoReconciler::onDelivered(const OutboxEntry &entry, const Message &message)
{
    m_progress.remove(entry.clientMessageId);
    if (entry.ticketId != d->ticketId)
        return;
    Message copy = message;
    if (copy.ticketId().isEmpty())
        copy.setTicketId(entry.ticketId);
    if (copy.clientMessageId().isEmpty())
        copy.setClientMessageId(entry.clientMessageId);
    d->history.onLive(copy);
}

void EchoReconciler::onRemoved(const OutboxEntry &entry)
{
    m_progress.remove(entry.clientMessageId);
    const int row = d->rows.findClientId(entry.clientMessageId);
    if (row >= 0 && d->rows.at(row).state != DeliveryState::Sent)
        d->removeRowAt(row);
}

void EchoReconciler::onReloaded()
{
    QSet<QString> pending;
    if (m_outbox) {
        for (const OutboxEntry &e : m_outbox->entries(d->ticketId))
            pending.insert(e.clientMessageId);
    }
    for (int row = d->rows.size() - 1; row >= 0; --row) {
        const MessageRows::Row &r = d->rows.at(row);
        if (r.state != DeliveryState::Sent && !pending.contains(r.message.clientMessageId()))
            d->removeRowAt(row);
    }
    addMissing();
}

} // namespace CStar
