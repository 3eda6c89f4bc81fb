// SPDX-License-Identifier: MIT
#pragma once

#include "typingevent.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

class QTimer;

namespace CStar {

/// Who is typing in one conversation (MessagesModel::typingUsers): the
/// display names of agents with a live lease, in the order they started.
/// Each lease ends after its expiresInMs (protocol §7) even if the `false`
/// never arrives, on the `false`, or when the typist's message arrives.
class TypingUsers : public QObject
{
    Q_OBJECT
public:
    explicit TypingUsers(QObject *parent);

    QStringList names() const { return m_names; }
    /// Applies a typing event; `defaultLeaseMs` when it carries no expiry.
    void apply(const TypingEvent &event, int defaultLeaseMs);
    /// The sender's message arrived: they stopped typing it.
    void messageFrom(const QString &senderRole, const QString &senderName);
    void clear();

Q_SIGNALS:
    void namesChanged();

private:
    struct Typist
    {
        QString name;
        QDeadlineTimer deadline;
        quint64 order = 0;
    };

    void expire();

    QHash<QString, Typist> m_typists;
    quint64 m_order = 0;
    QStringList m_names;
    QTimer *m_timer = nullptr;
};

} // namespace CStar
