// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_widgets_export.h"

#include <QLabel>
#include <QPointer>

namespace CStar {

class ChatClient;

/// Says honestly how live the chat is, from ChatClient::connectionState:
/// hidden while streaming, "Reconnecting…", or "Live updates unavailable —
/// checking every 5 s" when the client fell back to polling.
class CSTARCHAT_WIDGETS_EXPORT ConnectionBanner : public QLabel
{
    Q_OBJECT
public:
    explicit ConnectionBanner(ChatClient *client, QWidget *parent = nullptr);

    void setClient(ChatClient *client);
    ChatClient *client() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QPointer<ChatClient> m_client;
};

} // namespace CStar
