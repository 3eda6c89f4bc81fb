// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace CStar {

class ChatClient;
class Message;

/// Helpers shared by the classes that keep state on disk (ChatState, Outbox,
/// UnreadTracker). Not exported.
namespace LocalStorage {

/// `<AppDataLocation>/cstar-chat`: where tokens, the outbox and read markers
/// live unless a storage directory is set.
QString defaultDirectory();
/// The SQLite file of the outbox and the read markers inside `directory`.
QString databasePath(const QString &directory);

/// The key that scopes persisted per-customer state: team plus customer id
/// for an identified session, team plus a hash of the token for an anonymous
/// one (never the token itself), empty without a session.
QString sessionScope(const ChatClient *client);

/// Opens (creating its directory) a SQLite database under a connection name
/// unique to this call. Returns an invalid database on failure.
QSqlDatabase open(const QString &path, const char *purpose);
/// Closes and removes a connection returned by open().
void close(QSqlDatabase &db);

/// A message the customer wrote (protocol §6 senders): never unread, isOwn.
bool isOwn(const Message &message);

} // namespace LocalStorage
} // namespace CStar
