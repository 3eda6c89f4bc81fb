// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QLatin1String>
#include <QString>
#include <QVarLengthArray>

namespace CStar {
class Message;
}

namespace CStar::Json {

/// A flat JSON object read straight from its UTF-8 text: members whose values
/// are strings, numbers, true, false or null. Why not QJsonDocument: it builds
/// a tree and converts every string on the way, which was most of the time of
/// a client receiving message events (docs/benchmarks.md, 1c), and events are
/// flat objects. parse() answers false for anything else and for anything it
/// is not sure to read exactly as QJsonDocument would (nesting, escaped or
/// duplicate keys, invalid UTF-8, surrogate or noncharacter escapes, more
/// than 32 members): the caller then takes the QJsonDocument path, which
/// decides. tests/chatcore/tst_types and fuzz_types check that both agree.
class FlatJsonObject
{
public:
    enum class Type { String, Number, True, False, Null };
    struct Member
    {
        QByteArrayView key;
        QByteArrayView raw; ///< a string's text between the quotes; a number's text
        Type type = Type::Null;
        bool plainAscii = true; ///< string without escapes or non-ASCII bytes
    };

    bool parse(QByteArrayView json);
    /// The member called `key`, or null.
    const Member *find(QLatin1String key) const;

    // Fields as Json::ObjectFields reads them from a QJsonObject (camelCase
    // first, then the snake_case alias), so one field list serves both.
    QString string(QLatin1String camel, QLatin1String snake = {}) const;
    QDateTime dateTime(QLatin1String camel, QLatin1String snake = {}) const;
    bool boolean(QLatin1String camel, QLatin1String snake = {}) const;
    /// A string() or dateTime() field held a number: the QJsonObject path
    /// converts those (Json::string()), so the caller must take it.
    bool sawNumber() const { return m_sawNumber; }

private:
    const Member *member(QLatin1String camel, QLatin1String snake) const;
    /// A string member's value (escapes resolved); an empty string otherwise.
    static QString decode(const Member &member);

    QVarLengthArray<Member, 16> m_members;
    mutable bool m_sawNumber = false;
};

/// Message::fromJson() of the flat object `json` without QJsonDocument; false
/// (and `out` untouched) when FlatJsonObject cannot read it or a field needs
/// the QJsonObject path (numeric ids or timestamps). Exported for the tests
/// and fuzzers that compare it with Message::fromJson(); not API.
CSTARCHAT_CORE_EXPORT bool decodeFlatMessage(QByteArrayView json, Message *out);

} // namespace CStar::Json
