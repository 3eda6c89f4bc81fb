// SPDX-License-Identifier: MIT
#include "sessionfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace CStar::Cli {

namespace {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString kindName(ChatClient::SessionKind kind)
{
    switch (kind) {
    case ChatClient::SessionKind::Anonymous:
        return u"anonymous"_s;
    case ChatClient::SessionKind::Identified:
        return u"identified"_s;
    case ChatClient::SessionKind::None:
        break;
    }
    return {};
}

ChatClient::SessionKind kindFromName(const QString &name)
{
    if (name == QLatin1String("anonymous"))
        return ChatClient::SessionKind::Anonymous;
    if (name == QLatin1String("identified"))
        return ChatClient::SessionKind::Identified;
    return ChatClient::SessionKind::None;
}

/// Creates the missing folders of `path` one by one, each 0700 from the
/// start (QDir::mkpath would use the umask: 0777 under umask 000).
bool makePrivateDirectories(const QString &path, QString *error)
{
    QStringList missing;
    QString current = QDir::cleanPath(path);
    while (!QFileInfo::exists(current)) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).absolutePath();
        if (parent == current)
            break;
        current = parent;
    }
    for (const QString &dir : std::as_const(missing)) {
        if (!QDir().mkdir(dir, ownerOnly | QFileDevice::ExeOwner)) {
            *error = u"cannot create the directory %1"_s.arg(dir);
            return false;
        }
    }
    return true;
}

} // namespace

SessionFile::SessionFile(const QString &path, const QUrl &server, const QString &team)
    : m_path(path), m_server(server.adjusted(QUrl::StripTrailingSlash).toString()), m_team(team)
{ }

bool SessionFile::load(State *state, QString *error, bool *foreign) const
{
    *state = State();
    if (foreign)
        *foreign = false;
    const QFileInfo info(m_path);
    if (info.isSymLink()) {
        // Never follow one: it could point the token (or our writes) anywhere.
        *error = u"the session file %1 is a symbolic link; refusing to use it"_s.arg(m_path);
        return false;
    }
    QFile file(m_path);
    if (!info.exists())
        return true;
    if (!info.isFile()) {
        *error = u"the session file %1 is not a regular file; refusing to use it"_s.arg(m_path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the session file %1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = u"the session file %1 is not valid JSON (%2); delete it to start over"_s.arg(
            m_path, parseError.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    if (o.value(u"version"_s).toInt() != 1 || !o.value(u"token"_s).isString()
        || !o.value(u"server"_s).isString() || !o.value(u"team"_s).isString()) {
        // Some other JSON file: --session must not overwrite it with a token.
        *error = u"%1 is not a cstar-chat session file; refusing to overwrite it (choose another "
                 "--session path)"_s.arg(m_path);
        return false;
    }
    if (o.value(u"server"_s).toString() != m_server || o.value(u"team"_s).toString() != m_team) {
        // A token is only ever sent to the server that issued it.
        if (foreign)
            *foreign = true;
        return true;
    }
    state->token = o.value(u"token"_s).toString();
    state->kind = state->token.isEmpty() ? ChatClient::SessionKind::None
                                         : kindFromName(o.value(u"kind"_s).toString());
    state->customer = Customer::fromJson(o.value(u"customer"_s).toObject());
    state->lastEventId = o.value(u"lastEventId"_s).toString();
    return true;
}

bool SessionFile::saveSession(const QString &token, ChatClient::SessionKind kind,
                              const Customer &customer, QString *error)
{
    State state;
    if (!load(&state, error))
        return false; // not ours (another file, a link): never replace it
    state.token = token;
    state.kind = token.isEmpty() ? ChatClient::SessionKind::None : kind;
    state.customer = customer;
    return write(state, error);
}

bool SessionFile::saveLastEventId(const QString &lastEventId, QString *error)
{
    State state;
    if (!load(&state, error))
        return false; // never clobber a file we cannot read for a cursor
    if (state.lastEventId == lastEventId)
        return true;
    state.lastEventId = lastEventId;
    return write(state, error);
}

bool SessionFile::write(const State &state, QString *error) const
{
    const QFileInfo info(m_path);
    if (info.isSymLink()) {
        *error = u"the session file %1 is a symbolic link; refusing to use it"_s.arg(m_path);
        return false;
    }
    if (!makePrivateDirectories(info.absolutePath(), error))
        return false;
    QJsonObject o {
        {u"version"_s, 1},
        {u"server"_s, m_server},
        {u"team"_s, m_team},
        {u"token"_s, state.token},
        {u"kind"_s, kindName(state.kind)},
        {u"customer"_s,
         state.customer.isValid() ? QJsonValue(state.customer.toJson()) : QJsonValue()},
        {u"lastEventId"_s, state.lastEventId},
    };
    QSaveFile file(m_path);
    // Restrict the temporary file before the token is written into it.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(ownerOnly)) {
        *error = u"cannot write the session file %1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = u"cannot write the session file %1: %2"_s.arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace CStar::Cli
