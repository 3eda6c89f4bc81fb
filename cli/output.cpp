// SPDX-License-Identifier: MIT
#include "output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace CStar::Cli {

namespace {

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
}

void write(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QByteArray toJsonLine(const QJsonObject &object, bool pretty)
{
    QByteArray bytes = Output::escapeJsonControls(
        QJsonDocument(object).toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact));
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    return bytes;
}

QByteArray jsonString(const QString &text)
{
    // A one-element array is the shortest way to Qt's JSON string escaping.
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return Output::escapeJsonControls(array.mid(1, array.size() - 2));
}

} // namespace

void Output::result(const QJsonObject &object) const
{
    write(stdout, toJsonLine(object, m_pretty));
}

// Stream lines are assembled by hand so the keys keep a readable order
// (QJsonObject would sort them: "data" before "event").
void Output::event(const QString &name, const QJsonObject &data) const
{
    write(stdout,
          "{\"event\":" + jsonString(name) + ",\"data\":"
              + escapeJsonControls(QJsonDocument(data).toJson(QJsonDocument::Compact)) + "}\n");
}

void Output::rawEvent(const QString &type, const QString &id, const QByteArray &data) const
{
    write(stdout,
          "{\"type\":" + jsonString(type) + ",\"id\":" + jsonString(id)
              + ",\"data\":" + jsonString(QString::fromUtf8(data)) + "}\n");
}

void Output::error(const ChatError &error) const
{
    write(stderr, "cstar-chat: error: " + escapeControls(error.toString()).toUtf8() + '\n');
    write(stderr, toJsonLine(errorJson(error), false));
}

void Output::notice(const QString &text) const
{
    // Notices quote server text (errors, warnings): never raw.
    write(stderr, "cstar-chat: " + escapeControls(text).toUtf8() + '\n');
}

QString Output::escapeControls(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (!isControl(c)) {
            out += QString::fromUcs4(&c, 1);
        } else if (c < 0x100) {
            out += u"\\x%1"_s.arg(uint(c), 2, 16, QLatin1Char('0'));
        } else {
            out += u"\\u%1"_s.arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QByteArray Output::escapeJsonControls(const QByteArray &json)
{
    // Outside strings JSON is ASCII, so every such character is inside one.
    const QString text = QString::fromUtf8(json);
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c >= 0x20 && isControl(c))
            out += u"\\u%1"_s.arg(uint(c), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out.toUtf8();
}

int Output::exitCodeFor(const ChatError &error)
{
    using K = ChatError::Kind;
    switch (error.kind()) {
    case K::None:
        return ExitOk;
    case K::Authentication:
    case K::AuthRequired:
    case K::Permission:
        return ExitAuth;
    case K::NotFound:
        return ExitNotFound;
    case K::Network:
    case K::Timeout:
        return ExitNetwork;
    case K::Validation:
    case K::Conflict:
    case K::RateLimit:
    case K::Server:
    case K::Protocol:
        break;
    }
    return ExitFailure;
}

QJsonObject Output::errorJson(const ChatError &error)
{
    QJsonObject e {
        {u"kind"_s,
         QLatin1String(QMetaEnum::fromType<ChatError::Kind>().valueToKey(int(error.kind())))},
        {u"code"_s, error.code()},
        {u"message"_s, error.message()},
    };
    if (!error.hint().isEmpty())
        e.insert(u"hint"_s, error.hint());
    if (!error.param().isEmpty())
        e.insert(u"param"_s, error.param());
    if (error.httpStatus() > 0)
        e.insert(u"httpStatus"_s, error.httpStatus());
    if (!error.requestId().isEmpty())
        e.insert(u"requestId"_s, error.requestId());
    if (error.retryAfter() >= 0)
        e.insert(u"retryAfter"_s, error.retryAfter());
    return {{u"error"_s, e}};
}

QJsonObject Output::pageJsonImpl(const QJsonArray &data, bool hasMore, const QString &cursor)
{
    return {
        {u"data"_s, data},
        {u"hasMore"_s, hasMore},
        {u"nextCursor"_s, cursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cursor)}};
}

} // namespace CStar::Cli
