// SPDX-License-Identifier: MIT
#include "options.h"

#include "devcontrol.h"

#include <QCommandLineParser>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

QString Options::defaultDatabasePath()
{
    // Database::open() creates the folder, owner-only.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/devserver.db"_L1;
}

namespace {

bool parseInt(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
              qint64 *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = u"--%1 must be an integer in [%2, %3]"_s.arg(name).arg(min).arg(max);
        return false;
    }
    *out = value;
    return true;
}

template<typename T>
bool parseNumber(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                 T *out, QString *error)
{
    qint64 value = *out;
    if (!parseInt(parser, name, min, max, &value, error))
        return false;
    *out = static_cast<T>(value);
    return true;
}

} // namespace

Options::ParseResult Options::parse(const QStringList &arguments, Options *options,
                                    QString *message)
{
    Options &o = *options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Local cStar chat server implementing shared/protocol.md (see devserver/README.md)."_s);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);

    auto add = [&parser](const QString &name, const QString &description,
                         const QString &valueName = {}) {
        parser.addOption(QCommandLineOption(name, description, valueName));
    };
    add(u"port"_s, u"TCP port, 0 = any free port (default 0)."_s, u"N"_s);
    add(u"listen"_s, u"Address to listen on (default 127.0.0.1, loopback only)."_s, u"ADDR"_s);
    add(u"db"_s,
        u"SQLite database file, or :memory: (default: %1)."_s.arg(
            u"<AppDataLocation>/devserver.db"_s),
        u"PATH"_s);
    add(u"team"_s, u"Team slug of the chat root (default acme)."_s, u"SLUG"_s);
    add(u"chat-secret"_s, u"HMAC secret for identify (default dev_chat_secret)."_s, u"S"_s);
    add(u"agent-key"_s, u"Secret agent key, must start with sk_ (default sk_test_dev)."_s,
        u"KEY"_s);
    add(u"publishable-key"_s, u"Read-only key, must start with pk_ (default pk_test_dev)."_s,
        u"KEY"_s);
    add(u"ping-interval-ms"_s, u"Interval of ': ping' on streams (default 15000)."_s, u"MS"_s);
    add(u"retry-ms"_s, u"Value of the stream's 'retry:' line (default 3000)."_s, u"MS"_s);
    add(u"typing-lease-ms"_s, u"Typing lease (default 6000)."_s, u"MS"_s);
    add(u"session-ttl-s"_s, u"Sliding session lifetime (default 86400)."_s, u"S"_s);
    add(u"event-retention"_s, u"Events kept before pruning (default 100000)."_s, u"N"_s);
    add(u"rate-limit"_s, u"Requests per window per caller (default 1200)."_s, u"N"_s);
    add(u"rate-window-s"_s, u"Rate-limit window (default 60)."_s, u"S"_s);
    add(u"max-body-bytes"_s, u"Largest accepted request body (default 65536)."_s, u"N"_s);
    add(u"files"_s, u"Folder of uploaded files (default: <database>.files beside the database)."_s,
        u"PATH"_s);
    add(u"max-upload-bytes"_s, u"Largest accepted upload (default 10485760)."_s, u"N"_s);
    add(u"upload-ttl-ms"_s, u"An upload not attached by then is deleted (default 86400000)."_s,
        u"MS"_s);
    add(u"signature-window-s"_s, u"Allowed clock skew of identify timestamps (default 600)."_s,
        u"S"_s);
    add(u"max-header-bytes"_s, u"Largest request line + headers (default 8192)."_s, u"N"_s);
    add(u"idle-timeout-s"_s, u"Close connections without traffic for this long (default 60)."_s,
        u"S"_s);
    add(u"header-timeout-s"_s,
        u"A new connection's first request head must arrive within this (default 10)."_s, u"S"_s);
    add(u"max-connections-per-peer"_s,
        u"Connections per client address, 0 = no cap (default: none on loopback, else 256)."_s,
        u"N"_s);
    add(u"max-connections"_s,
        u"Open connections before the oldest idle ones are shed (default: open-file limit - 64)."_s,
        u"N"_s);
    add(u"max-open-files"_s, u"Set the process's open-file limit (default: leave it)."_s, u"N"_s);
    add(u"stream-queue-bytes"_s,
        u"Unsent bytes a stream may queue before it is dropped (default 1048576)."_s, u"N"_s);
    add(u"no-stream"_s, u"GET /events answers 204 so clients poll."_s);
    add(u"stream-status"_s, u"GET /events answers this error status (e.g. 404, 501)."_s, u"CODE"_s);
    add(u"first-byte-delay-ms"_s, u"Hold each stream's body this long (buffering proxy)."_s,
        u"MS"_s);

    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return ParseResult::Error;
    }
    if (parser.isSet(help)) {
        *message = parser.helpText();
        return ParseResult::Help;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = u"unexpected argument: %1"_s.arg(parser.positionalArguments().constFirst());
        return ParseResult::Error;
    }

    QString error;
    qint64 port = o.port;
    bool ok = parseInt(parser, u"port"_s, 0, 65535, &port, &error)
        && parseNumber(parser, u"ping-interval-ms"_s, 1, 3600000, &o.pingIntervalMs, &error)
        && parseNumber(parser, u"retry-ms"_s, 0, 3600000, &o.retryMs, &error)
        && parseNumber(parser, u"typing-lease-ms"_s, 1, 3600000, &o.typingLeaseMs, &error)
        && parseNumber(parser, u"session-ttl-s"_s, 1, 10LL * 365 * 86400, &o.sessionTtlS, &error)
        && parseNumber(parser, u"event-retention"_s, 1, 1000000000, &o.eventRetention, &error)
        && parseNumber(parser, u"rate-limit"_s, 1, 100000000, &o.rateLimit, &error)
        && parseNumber(parser, u"rate-window-s"_s, 1, 86400, &o.rateWindowS, &error)
        && parseNumber(parser, u"max-body-bytes"_s, 1, 64LL * 1024 * 1024, &o.maxBodyBytes, &error)
        && parseNumber(parser, u"max-upload-bytes"_s, 1, 1024LL * 1024 * 1024, &o.maxUploadBytes,
                       &error)
        && parseNumber(parser, u"upload-ttl-ms"_s, 1, 10LL * 365 * 86400 * 1000, &o.uploadTtlMs,
                       &error)
        && parseNumber(parser, u"signature-window-s"_s, 0, 10LL * 365 * 86400, &o.signatureWindowS,
                       &error)
        && parseNumber(parser, u"max-header-bytes"_s, 1024, 1024 * 1024, &o.maxHeaderBytes, &error)
        && parseNumber(parser, u"idle-timeout-s"_s, 1, 86400, &o.idleTimeoutS, &error)
        && parseNumber(parser, u"header-timeout-s"_s, 1, 86400, &o.headerTimeoutS, &error)
        && parseNumber(parser, u"max-connections-per-peer"_s, 0, 1000000, &o.maxConnectionsPerPeer,
                       &error)
        && parseNumber(parser, u"max-connections"_s, 1, 10000000, &o.maxConnections, &error)
        && parseNumber(parser, u"max-open-files"_s, 32, 100000000, &o.maxOpenFiles, &error)
        && parseNumber(parser, u"stream-queue-bytes"_s, 1024, 1024LL * 1024 * 1024,
                       &o.streamQueueBytes, &error)
        && parseNumber(parser, u"stream-status"_s, 0, 599, &o.streamStatus, &error)
        && parseNumber(parser, u"first-byte-delay-ms"_s, 0, 3600000, &o.firstByteDelayMs, &error);
    if (!ok) {
        *message = error;
        return ParseResult::Error;
    }
    o.port = static_cast<quint16>(port);
    o.streamDisabled = parser.isSet(u"no-stream"_s);
    if (o.streamStatus != 0 && !DevControl::isSupportedErrorStatus(o.streamStatus)) {
        *message = u"--stream-status must be an error status such as 404, 501 or 503"_s;
        return ParseResult::Error;
    }

    if (parser.isSet(u"listen"_s)) {
        if (!o.listenAddress.setAddress(parser.value(u"listen"_s))) {
            *message = u"--listen needs an IP address"_s;
            return ParseResult::Error;
        }
    }
    if (parser.isSet(u"db"_s))
        o.databasePath = parser.value(u"db"_s);
    if (parser.isSet(u"files"_s))
        o.filesPath = parser.value(u"files"_s);
    if (parser.isSet(u"team"_s))
        o.team = parser.value(u"team"_s);
    if (parser.isSet(u"chat-secret"_s))
        o.chatSecret = parser.value(u"chat-secret"_s);
    if (parser.isSet(u"agent-key"_s))
        o.agentKey = parser.value(u"agent-key"_s);
    if (parser.isSet(u"publishable-key"_s))
        o.publishableKey = parser.value(u"publishable-key"_s);

    static const QRegularExpression slug(u"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"_s);
    if (!slug.match(o.team).hasMatch()) {
        *message = u"--team must be a slug (letters, digits, '-', '_')"_s;
        return ParseResult::Error;
    }
    if (o.chatSecret.isEmpty()) {
        *message = u"--chat-secret must not be empty"_s;
        return ParseResult::Error;
    }
    if (!o.agentKey.startsWith("sk_"_L1) || o.agentKey.size() < 4) {
        *message = u"--agent-key must start with sk_"_s;
        return ParseResult::Error;
    }
    if (!o.publishableKey.startsWith("pk_"_L1) || o.publishableKey.size() < 4) {
        *message = u"--publishable-key must start with pk_"_s;
        return ParseResult::Error;
    }
    return ParseResult::Ok;
}

} // namespace CStar::DevServer
