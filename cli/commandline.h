// SPDX-License-Identifier: MIT
#pragma once

#include "transportoptions.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace CStar::Cli {

/// Everything one run of cstar-chat was asked to do.
struct Invocation
{
    QUrl server;
    QString team;
    QString sessionPath;
    bool realtime = true;
    int pollIntervalMs = 0; ///< 0: the library's default
    bool pretty = false;
    TransportOptions transport;

    QString command; ///< "tickets create", "listen", …
    QStringList arguments; ///< the command's positional arguments
    QHash<QString, QString> options; ///< the command's options that were given (flags: "1")
    QStringList files; ///< messages send --file PATH, in order (repeatable)

    QString option(const QString &name) const { return options.value(name); }
    bool hasOption(const QString &name) const { return options.contains(name); }
};

/// Parses `cstar-chat [global options] COMMAND [args] [command options]` in
/// two passes: global options up to the command, then the command's own
/// options (and, for convenience, global ones again) over the rest.
class CommandLine
{
public:
    enum class Result { Run, Help, Version, UsageError };

    /// `environment` supplies CSTAR_SERVER, CSTAR_TEAM, CSTAR_SESSION_FILE
    /// and the hidden transport overrides (see helpText()).
    Result parse(const QStringList &arguments, const QHash<QString, QString> &environment);

    const Invocation &invocation() const { return m_invocation; }
    /// The usage error (Result::UsageError) or the help text (Result::Help).
    QString message() const { return m_message; }

    /// The full --help text: global options, every command, environment, exit codes.
    static QString helpText();
    static QString defaultSessionPath();

private:
    Result fail(const QString &message);

    Invocation m_invocation;
    QString m_message;
};

} // namespace CStar::Cli
