// SPDX-License-Identifier: MIT
#include "commandline.h"

#include "chatclient.h"

#include "output.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace CStar::Cli {

namespace {

struct OptionSpec
{
    QString name;
    QString valueName; // empty: a flag
    QString description;
    QString shortName = {}; // e.g. "o" for -o
};

struct CommandSpec
{
    QString name; // one or two words
    QString arguments; // synopsis of the positional arguments
    int minArguments;
    int maxArguments;
    QList<OptionSpec> options;
    QString description;
};

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs {
        {u"identify"_s,
         u"CUSTOMER_JSON SIGNATURE"_s,
         2,
         2,
         {},
         u"Identify as a known customer (protocol §4). CUSTOMER_JSON is the exact JSON text "
         "your backend signed (\"@FILE\" reads it from FILE, \"-\" from stdin, byte for byte); "
         "SIGNATURE is hex(HMAC-SHA256(chat secret, CUSTOMER_JSON)). The tickets of the "
         "anonymous session move to the customer. Prints the customer."_s},
        {u"logout"_s,
         {},
         0,
         0,
         {},
         u"Revoke the session and forget its token; the next command starts a new "
         "anonymous session."_s},
        {u"tickets create"_s,
         u"TITLE"_s,
         1,
         1,
         {{u"message"_s, u"TEXT"_s, u"First message of the ticket."_s},
          {u"priority"_s, u"P"_s, u"low, normal, high or urgent."_s}},
         u"Create a ticket (anonymous or identified) and print it."_s},
        {u"tickets list"_s,
         {},
         0,
         0,
         {{u"status"_s, u"S"_s, u"Only tickets with this status (or comma-separated list)."_s},
          {u"limit"_s, u"N"_s, u"Page size, 1-100 (default 20)."_s},
          {u"cursor"_s, u"C"_s, u"nextCursor of the previous page."_s}},
         u"List the customer's tickets, newest first. Needs an identified session."_s},
        {u"tickets get"_s, u"ID"_s, 1, 1, {}, u"Print one ticket."_s},
        {u"messages list"_s,
         u"TICKET"_s,
         1,
         1,
         {{u"limit"_s, u"N"_s, u"Page size, 1-100 (default 50)."_s},
          {u"before"_s, u"ID"_s, u"Page back: messages older than this message id."_s},
          {u"after"_s, u"ID"_s, u"Messages newer than this message id."_s}},
         u"List a ticket's messages in chronological order (the newest page by default)."_s},
        {u"messages send"_s,
         u"TICKET TEXT"_s,
         2,
         2,
         {{u"file"_s, u"PATH"_s,
           u"Attach this file (repeatable, at most 10; TEXT may then be \"\")."_s}},
         u"Send a message and print it. Each --file is uploaded first (protocol §11: at most "
         "10 MiB; PNG, JPEG, GIF, WebP, PDF, text, CSV, JSON or zip); a refused file exits 1 "
         "with its code (file_too_large, unsupported_media_type, content_mismatch, "
         "image_too_large) and sends nothing."_s},
        {u"attachments get"_s,
         u"ATTACHMENT_ID"_s,
         1,
         1,
         {{u"output"_s, u"PATH"_s, u"Save to PATH (whole or not at all) instead of stdout."_s,
           u"o"_s},
          {u"thumbnail"_s, {}, u"An image's preview (PNG, at most 512 x 512 px)."_s}},
         u"Download an attachment of one of the session's messages: its bytes on stdout, or "
         "to --output. One of another customer exits 4 (not found)."_s},
        {u"listen"_s,
         {},
         0,
         0,
         {{u"ticket"_s, u"ID"_s, u"Only this ticket (default: every ticket of the session)."_s}},
         u"Run until interrupted, printing one JSON line per message and typing event "
         "delivered to subscribers, exactly once and in order: {\"event\":\"message\","
         "\"data\":{…}} or {\"event\":\"typing\",\"data\":{…}}. The last event id is saved "
         "to the session file as events arrive, so the next listen resumes without gaps. "
         "Connection changes are reported on stderr."_s},
        {u"events"_s,
         {},
         0,
         0,
         {{u"raw"_s, {}, u"Required: print raw events."_s}},
         u"Run until interrupted, printing every event the transport dispatches (stream or "
         "poll) as {\"type\":…,\"id\":…,\"data\":\"<raw data text>\"}, where id is the last "
         "event id at dispatch. Saves the last event id like listen."_s},
    };
    return specs;
}

const CommandSpec *findSpec(const QString &name)
{
    for (const CommandSpec &spec : commandSpecs()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

struct TransportOverride
{
    const char *variable;
    int TransportOptions::*member;
    int minimum;
};

// Hidden debugging aids: the library's timers are set in code (TransportOptions),
// so tests and people chasing a problem shorten them through the environment.
constexpr TransportOverride transportOverrides[] = {
    {"CSTAR_REQUEST_TIMEOUT_MS", &TransportOptions::requestTimeoutMs, 1},
    {"CSTAR_MAX_RETRIES", &TransportOptions::maxRetries, 0},
    {"CSTAR_RETRY_BASE_DELAY_MS", &TransportOptions::retryBaseDelayMs, 0},
    {"CSTAR_RETRY_MAX_DELAY_MS", &TransportOptions::retryMaxDelayMs, 0},
    {"CSTAR_RETRY_JITTER_MS", &TransportOptions::retryJitterMs, 0},
    {"CSTAR_RECONNECT_DELAY_MS", &TransportOptions::reconnectDelayMs, 0},
    {"CSTAR_RECONNECT_MAX_DELAY_MS", &TransportOptions::reconnectMaxDelayMs, 1},
    {"CSTAR_FIRST_BYTE_TIMEOUT_MS", &TransportOptions::firstByteTimeoutMs, 1},
    {"CSTAR_SILENCE_TIMEOUT_MS", &TransportOptions::silenceTimeoutMs, 1},
    {"CSTAR_STREAM_RETRY_INTERVAL_MS", &TransportOptions::streamRetryIntervalMs, 1},
    {"CSTAR_POLL_ERROR_MAX_DELAY_MS", &TransportOptions::pollErrorMaxDelayMs, 1},
};

bool parseInt(const QString &text, int minimum, int maximum, int *out)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return false;
    *out = value;
    return true;
}

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption(u"server"_s,
                           u"Server base URL (default: $CSTAR_SERVER, else %1)."_s.arg(
                               ChatClient::defaultBaseUrl().toString()),
                           u"URL"_s),
        QCommandLineOption(u"team"_s, u"Team slug (default: $CSTAR_TEAM). Required."_s, u"SLUG"_s),
        QCommandLineOption(u"session"_s,
                           u"Session file (default: $CSTAR_SESSION_FILE, else %1)."_s.arg(
                               CommandLine::defaultSessionPath()),
                           u"FILE"_s),
        QCommandLineOption(u"realtime"_s,
                           u"Server-sent events, polling only as a fallback (default)."_s),
        QCommandLineOption(u"poll"_s, u"Poll instead of streaming."_s),
        QCommandLineOption(u"poll-interval"_s, u"Poll every MS milliseconds (default 5000)."_s,
                           u"MS"_s),
        QCommandLineOption(u"pretty"_s, u"Indent JSON results (streams stay one line each)."_s),
    };
}

void setUpGlobalParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        u"Command-line client of cStar customer chat (CStarChat::Core)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(globalOptions());
}

QString wrap(const QString &text, int indent, int width = 100)
{
    const QString pad(indent, QLatin1Char(' '));
    QString out;
    QString line = pad;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (line.size() > indent && line.size() + 1 + word.size() > width) {
            out += line + QLatin1Char('\n');
            line = pad;
        }
        if (line.size() > indent)
            line += QLatin1Char(' ');
        line += word;
    }
    return out + line + QLatin1Char('\n');
}

QString synopsis(const CommandSpec &spec)
{
    QString s = spec.name;
    if (!spec.arguments.isEmpty())
        s += QLatin1Char(' ') + spec.arguments;
    for (const OptionSpec &o : spec.options) {
        if (spec.name == QLatin1String("events"))
            s += u" --"_s + o.name; // --raw is required
        else
            s += u" [--"_s + o.name + (o.valueName.isEmpty() ? QString() : u" "_s + o.valueName)
                + QLatin1Char(']');
    }
    return s;
}

QString commandHelp(const CommandSpec &spec)
{
    QString s = u"  "_s + synopsis(spec) + QLatin1Char('\n') + wrap(spec.description, 6);
    for (const OptionSpec &o : spec.options) {
        QString name =
            (o.shortName.isEmpty() ? QString() : u"-"_s + o.shortName + u", "_s) + u"--"_s + o.name;
        if (!o.valueName.isEmpty())
            name += QLatin1Char(' ') + o.valueName;
        s += u"      "_s + name.leftJustified(16) + u" "_s + o.description + QLatin1Char('\n');
    }
    return s;
}

} // namespace

QString CommandLine::defaultSessionPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/session.json"_s;
}

QString CommandLine::helpText()
{
    QCommandLineParser parser;
    setUpGlobalParser(parser);
    parser.addPositionalArgument(u"COMMAND"_s, u"One of the commands below, with its arguments."_s,
                                 u"COMMAND [ARGS...]"_s);
    QString text = parser.helpText();
    text += u"\nCommands:\n"_s;
    for (const CommandSpec &spec : commandSpecs())
        text += commandHelp(spec);
    text += QLatin1Char('\n')
        + wrap(u"Results print as JSON on stdout (a ticket or message object; lists as "
               "{\"data\":[…],\"hasMore\":…,\"nextCursor\":…}). Errors print their kind, code, "
               "message and hint on stderr, then the same as one JSON line."_s,
               0);
    text += QLatin1Char('\n')
        + wrap(u"Session file: keeps the session token, its kind, the customer and the last "
               "event id between runs (mode 0600). It is only used for the server and team it "
               "was written for."_s,
               0);
    text += u"\nEnvironment:\n"
            "  CSTAR_SERVER, CSTAR_TEAM, CSTAR_SESSION_FILE\n"
            "      Defaults of --server, --team and --session.\n"
            "  Debugging aids: the library's timers in ms (CSTAR_MAX_RETRIES: a count):\n"_s;
    QString line = u"     "_s;
    for (const TransportOverride &o : transportOverrides) {
        const QString name = QLatin1String(o.variable);
        if (line.size() + 1 + name.size() > 98) {
            text += line + QLatin1Char('\n');
            line = u"     "_s;
        }
        line += QLatin1Char(' ') + name;
    }
    text += line + QLatin1Char('\n');
    text += u"\nExit codes:\n"
            "  0 ok, 1 other error, 2 usage, 3 authentication, permission or identify "
            "required,\n"
            "  4 not found, 5 network or timeout. listen and events exit 0 on SIGINT/SIGTERM.\n"_s;
    return text;
}

CommandLine::Result CommandLine::fail(const QString &message)
{
    m_message = message;
    return Result::UsageError;
}

CommandLine::Result CommandLine::parse(const QStringList &arguments,
                                       const QHash<QString, QString> &environment)
{
    Invocation &inv = m_invocation;
    inv = Invocation();
    const QString program = arguments.value(0, u"cstar-chat"_s);

    // Environment defaults.
    QString server = environment.value(u"CSTAR_SERVER"_s);
    inv.team = environment.value(u"CSTAR_TEAM"_s);
    inv.sessionPath = environment.value(u"CSTAR_SESSION_FILE"_s);
    for (const TransportOverride &o : transportOverrides) {
        const QString name = QLatin1String(o.variable);
        if (!environment.contains(name))
            continue;
        if (!parseInt(environment.value(name), o.minimum, 3600000, &(inv.transport.*o.member)))
            return fail(u"%1 must be an integer in [%2, 3600000]"_s.arg(name).arg(o.minimum));
    }

    bool sawRealtime = false, sawPoll = false;
    QString pollInterval;
    auto applyGlobals = [&](const QCommandLineParser &p) {
        if (p.isSet(u"server"_s))
            server = p.value(u"server"_s);
        if (p.isSet(u"team"_s))
            inv.team = p.value(u"team"_s);
        if (p.isSet(u"session"_s))
            inv.sessionPath = p.value(u"session"_s);
        sawRealtime = sawRealtime || p.isSet(u"realtime"_s);
        sawPoll = sawPoll || p.isSet(u"poll"_s);
        if (p.isSet(u"poll-interval"_s))
            pollInterval = p.value(u"poll-interval"_s);
        inv.pretty = inv.pretty || p.isSet(u"pretty"_s);
    };

    // Pass 1: global options, up to the command.
    QCommandLineParser global;
    setUpGlobalParser(global);
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!global.parse(arguments))
        return fail(global.errorText());
    if (global.isSet(u"help"_s)) {
        m_message = helpText();
        return Result::Help;
    }
    if (global.isSet(u"version"_s))
        return Result::Version;
    applyGlobals(global);

    QStringList rest = global.positionalArguments();
    if (rest.isEmpty())
        return fail(u"no command given"_s);
    const QString first = rest.takeFirst();
    const CommandSpec *spec = nullptr;
    if (first == QLatin1String("tickets") || first == QLatin1String("messages")
        || first == QLatin1String("attachments")) {
        const QString sub = rest.isEmpty() ? QString() : rest.takeFirst();
        spec = findSpec(first + QLatin1Char(' ') + sub);
        if (!spec) {
            const QString subs = first == QLatin1String("tickets") ? u"create, list or get"_s
                : first == QLatin1String("messages")               ? u"list or send"_s
                                                                   : u"get"_s;
            return fail(sub.isEmpty()
                            ? u"'%1' needs a sub-command: %2"_s.arg(first, subs)
                            : u"unknown sub-command '%1 %2' (expected %3)"_s.arg(first, sub, subs));
        }
    } else {
        spec = findSpec(first);
        if (!spec)
            return fail(u"unknown command '%1'"_s.arg(first));
    }
    inv.command = spec->name;

    // Pass 2: the command's options and arguments (global options allowed too).
    QCommandLineParser local;
    local.addHelpOption();
    local.addOptions(globalOptions());
    for (const OptionSpec &o : spec->options) {
        QStringList names {o.name};
        if (!o.shortName.isEmpty())
            names.prepend(o.shortName);
        local.addOption(QCommandLineOption(names, o.description, o.valueName));
    }
    if (!local.parse(QStringList {program} + rest))
        return fail(spec->name + u": "_s + local.errorText());
    if (local.isSet(u"help"_s)) {
        m_message = u"Usage: %1 [global options] %2\n\n"_s.arg(program, synopsis(*spec))
            + commandHelp(*spec) + u"\nSee %1 --help for the global options.\n"_s.arg(program);
        return Result::Help;
    }
    applyGlobals(local);
    for (const OptionSpec &o : spec->options) {
        if (local.isSet(o.name))
            inv.options.insert(o.name, o.valueName.isEmpty() ? u"1"_s : local.value(o.name));
    }
    if (inv.command == QLatin1String("messages send"))
        inv.files = local.values(u"file"_s);
    inv.arguments = local.positionalArguments();
    if (inv.arguments.size() < spec->minArguments || inv.arguments.size() > spec->maxArguments)
        return fail(u"usage: %1 %2"_s.arg(program, synopsis(*spec)));

    // Validation of values.
    if (sawRealtime && sawPoll)
        return fail(u"--realtime and --poll exclude each other"_s);
    inv.realtime = !sawPoll;
    if (!pollInterval.isEmpty() && !parseInt(pollInterval, 100, 3600000, &inv.pollIntervalMs))
        return fail(u"--poll-interval must be an integer in [100, 3600000]"_s);
    if (inv.hasOption(u"limit"_s)) {
        int limit = 0;
        if (!parseInt(inv.option(u"limit"_s), 1, 100, &limit))
            return fail(u"--limit must be an integer in [1, 100]"_s);
    }
    if (inv.files.size() > 10)
        return fail(u"messages send: at most 10 --file (protocol §11)"_s);
    if (inv.command == QLatin1String("events") && !inv.hasOption(u"raw"_s))
        return fail(u"events: only raw output exists; pass --raw"_s);

    inv.server =
        server.isEmpty() ? ChatClient::defaultBaseUrl() : QUrl(server.trimmed(), QUrl::StrictMode);
    if (!inv.server.isValid() || inv.server.host().isEmpty()
        || (inv.server.scheme() != QLatin1String("http")
            && inv.server.scheme() != QLatin1String("https")))
        return fail(u"--server must be an http(s) URL, not '%1'"_s.arg(server));
    if (inv.team.isEmpty())
        return fail(u"no team: pass --team SLUG or set CSTAR_TEAM"_s);
    // One path segment (the library refuses anything else too): a slug like
    // "../../teams/acme" would otherwise aim the customer token elsewhere.
    static const QRegularExpression slug(u"^[A-Za-z0-9._~-]{1,100}$"_s);
    if (!slug.match(inv.team).hasMatch() || inv.team == QLatin1String(".")
        || inv.team == QLatin1String(".."))
        return fail(
            u"--team must be a team slug (letters, digits, '-', '_', '.', '~'), not '%1'"_s.arg(
                Output::escapeControls(inv.team)));
    if (inv.sessionPath.isEmpty())
        inv.sessionPath = defaultSessionPath();
    return Result::Run;
}

} // namespace CStar::Cli
