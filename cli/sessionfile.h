// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "customer.h"

#include <QString>
#include <QUrl>

namespace CStar::Cli {

/// The session kept between runs: token, kind, customer and the last event
/// id, for one server and team, in a JSON file of mode 0600 (it holds a
/// bearer token). Writes re-read the file first and change only their part,
/// so a running `listen` saving its cursor does not undo another run's
/// identify or logout.
class SessionFile
{
public:
    struct State
    {
        QString token;
        ChatClient::SessionKind kind = ChatClient::SessionKind::None;
        Customer customer;
        QString lastEventId;
    };

    SessionFile(const QString &path, const QUrl &server, const QString &team);

    QString path() const { return m_path; }
    /// Reads the file; a missing file is an empty state. A file written for
    /// another server or team counts as empty too (`*foreign` set).
    bool load(State *state, QString *error, bool *foreign = nullptr) const;
    bool saveSession(const QString &token, ChatClient::SessionKind kind, const Customer &customer,
                     QString *error);
    bool saveLastEventId(const QString &lastEventId, QString *error);

private:
    bool write(const State &state, QString *error) const;

    QString m_path;
    QString m_server;
    QString m_team;
};

} // namespace CStar::Cli
