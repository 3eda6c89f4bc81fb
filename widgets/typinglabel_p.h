// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QStringList>

namespace CStar {

/// "Ana is typing…" under the thread: italic where the script has italics,
/// in the UI's direction, and one line high even when nobody types (so the
/// thread does not jump).
class TypingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit TypingLabel(QWidget *parent = nullptr);
    void setUsers(const QStringList &users);
    void retranslate();

private:
    QStringList m_users;
};

} // namespace CStar
