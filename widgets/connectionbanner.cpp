// SPDX-License-Identifier: MIT
#include "connectionbanner.h"

#include "chatclient.h"

#include <QEvent>

namespace CStar {

ConnectionBanner::ConnectionBanner(ChatClient *client, QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("connectionBanner"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setMargin(4);
    // Palette roles, not colours: readable in light and dark themes.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAccessibleName(tr("Connection status"));
    setClient(client);
}

void ConnectionBanner::setClient(ChatClient *client)
{
    if (m_client)
        m_client->QObject::disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &ChatClient::connectionStateChanged, this, &ConnectionBanner::refresh);
        connect(client, &ChatClient::pollingIntervalChanged, this, &ConnectionBanner::refresh);
        connect(client, &ChatClient::realtimeChanged, this, &ConnectionBanner::refresh);
    }
    refresh();
}

ChatClient *ConnectionBanner::client() const
{
    return m_client;
}

void ConnectionBanner::refresh()
{
    QString text;
    if (m_client) {
        const int seconds = qMax(1, (m_client->pollingInterval() + 500) / 1000);
        switch (m_client->connectionState()) {
        case ConnectionState::Connecting:
            text = tr("Connecting…");
            break;
        case ConnectionState::Reconnecting:
            text = tr("Reconnecting…");
            break;
        case ConnectionState::Polling:
            // Polling by choice (realtime off) is not a problem to report.
            if (m_client->realtime())
                text = tr("Live updates unavailable — checking every %n s", nullptr, seconds);
            break;
        case ConnectionState::Streaming:
        case ConnectionState::Disconnected:
            break;
        }
    }
    setText(text);
    setVisible(!text.isEmpty());
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Connection status"));
        refresh();
    }
    QLabel::changeEvent(event);
}

} // namespace CStar
