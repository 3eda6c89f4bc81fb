// SPDX-License-Identifier: MIT
#include "connectionbanner.h"

#include "chatclient.h"
#include "chattext.h"

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
    setAccessibleName(ChatText::connectionBannerName());
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
    const QString text = m_client
        ? ChatText::connectionText(m_client->connectionState(), m_client->pollingInterval(),
                                   m_client->realtime())
        : QString();
    setText(text);
    setVisible(!text.isEmpty());
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(ChatText::connectionBannerName());
        refresh();
    }
    QLabel::changeEvent(event);
}

} // namespace CStar
