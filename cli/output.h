// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "page.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace CStar::Cli {

/// The process exit codes (documented in --help).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitAuth = 3, ///< authentication, permission, identify required
    ExitNotFound = 4,
    ExitNetwork = 5, ///< network or timeout
};

/// Writes results as JSON to stdout and diagnostics to stderr, flushing
/// each line so a pipe sees it at once and nothing is lost when killed.
class Output
{
public:
    explicit Output(bool pretty = false) : m_pretty(pretty) { }

    /// A command's result (indented with --pretty).
    void result(const QJsonObject &object) const;
    /// One line of a stream, always compact: {"event":…,"data":{…}}.
    void event(const QString &name, const QJsonObject &data) const;
    /// One raw transport event: {"type":…,"id":…,"data":"<raw text>"}.
    void rawEvent(const QString &type, const QString &id, const QByteArray &data) const;
    /// The error's toString() line, then its JSON form, on stderr.
    void error(const ChatError &error) const;
    /// "cstar-chat: <text>" on stderr.
    void notice(const QString &text) const;

    /// `text` with every control character (C0, DEL, C1, bidi overrides)
    /// written as \xNN / \uNNNN: server text must never drive the terminal.
    static QString escapeControls(const QString &text);
    /// The same for JSON text: such characters inside strings become \uNNNN
    /// (Qt's JSON writer leaves DEL, C1 and bidi controls raw).
    static QByteArray escapeJsonControls(const QByteArray &json);

    static int exitCodeFor(const ChatError &error);
    static QJsonObject errorJson(const ChatError &error);
    template<typename T>
    static QJsonObject pageJson(const Page<T> &page);

private:
    static QJsonObject pageJsonImpl(const QJsonArray &data, bool hasMore, const QString &cursor);

    bool m_pretty;
};

template<typename T>
QJsonObject Output::pageJson(const Page<T> &page)
{
    QJsonArray data;
    for (const T &item : page.data)
        data.append(item.toJson());
    return pageJsonImpl(data, page.hasMore, page.nextCursor);
}

} // namespace CStar::Cli
