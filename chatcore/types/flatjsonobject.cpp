// SPDX-License-Identifier: MIT
#include "flatjsonobject_p.h"

#include "jsonfields_p.h"

#include <QtNumeric>

namespace CStar::Json {

namespace {

constexpr qsizetype maxMembers = 32;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Code points whose handling by Qt's JSON parser we do not rely on.
bool isDoubtful(char32_t cp)
{
    return (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF)
        || (cp & 0xFFFE) == 0xFFFE || cp > 0x10FFFF;
}

/// One UTF-8 sequence starting at `p` (a byte >= 0x80): its length, or 0 when
/// it is malformed, overlong or a doubtful code point.
int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar lead = *p;
    int length = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (cp < minimum || isDoubtful(cp))
        return 0;
    return length;
}

} // namespace

bool FlatJsonObject::parse(QByteArrayView json)
{
    m_members.clear();
    m_sawNumber = false;
    const char *p = json.data();
    const char *const end = p + json.size();
    auto skipSpace = [&] {
        while (p < end && isSpace(*p))
            ++p;
    };
    auto literal = [&](const char *word, qsizetype length) {
        if (end - p < length || QByteArrayView(p, length) != QByteArrayView(word, length))
            return false;
        p += length;
        return true;
    };

    skipSpace();
    if (p == end || *p != '{')
        return false;
    ++p;
    skipSpace();
    if (p < end && *p == '}') {
        ++p;
        skipSpace();
        return p == end;
    }
    for (;;) {
        // Key: printable ASCII, no escapes (every key we read is one).
        if (p == end || *p != '"')
            return false;
        const char *keyStart = ++p;
        while (p < end && *p != '"') {
            const uchar c = uchar(*p);
            if (c == '\\' || c < 0x20 || c >= 0x80)
                return false;
            ++p;
        }
        if (p == end)
            return false;
        Member member;
        member.key = QByteArrayView(keyStart, p - keyStart);
        ++p;
        for (const Member &other : std::as_const(m_members)) {
            if (other.key == member.key)
                return false; // which one wins is QJsonDocument's business
        }
        skipSpace();
        if (p == end || *p != ':')
            return false;
        ++p;
        skipSpace();
        if (p == end)
            return false;

        if (*p == '"') {
            const char *start = ++p;
            member.type = Type::String;
            while (p < end && *p != '"') {
                const uchar c = uchar(*p);
                if (c < 0x20)
                    return false;
                if (c == '\\') {
                    member.plainAscii = false;
                    if (++p == end)
                        return false;
                    switch (*p) {
                    case '"':
                    case '\\':
                    case '/':
                    case 'b':
                    case 'f':
                    case 'n':
                    case 'r':
                    case 't':
                        ++p;
                        break;
                    case 'u': {
                        if (end - p < 5)
                            return false;
                        char32_t cp = 0;
                        for (int i = 1; i <= 4; ++i) {
                            const int h = hexValue(p[i]);
                            if (h < 0)
                                return false;
                            cp = (cp << 4) | char32_t(h);
                        }
                        if (isDoubtful(cp))
                            return false;
                        p += 5;
                        break;
                    }
                    default:
                        return false;
                    }
                } else if (c >= 0x80) {
                    member.plainAscii = false;
                    const int length = utf8SequenceLength(reinterpret_cast<const uchar *>(p),
                                                          reinterpret_cast<const uchar *>(end));
                    if (length == 0)
                        return false;
                    p += length;
                } else {
                    ++p;
                }
            }
            if (p == end)
                return false;
            member.raw = QByteArrayView(start, p - start);
            ++p;
        } else if (*p == '-' || isDigit(*p)) {
            // RFC 8259 number: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?
            const char *start = p;
            if (*p == '-')
                ++p;
            if (p == end || !isDigit(*p))
                return false;
            if (*p == '0') {
                ++p;
            } else {
                while (p < end && isDigit(*p))
                    ++p;
            }
            if (p < end && *p == '.') {
                ++p;
                if (p == end || !isDigit(*p))
                    return false;
                while (p < end && isDigit(*p))
                    ++p;
            }
            if (p < end && (*p == 'e' || *p == 'E')) {
                ++p;
                if (p < end && (*p == '+' || *p == '-'))
                    ++p;
                if (p == end || !isDigit(*p))
                    return false;
                while (p < end && isDigit(*p))
                    ++p;
            }
            member.type = Type::Number;
            member.raw = QByteArrayView(start, p - start);
            // QJsonDocument refuses numbers beyond a double (1e400) and
            // those that underflow: leave every doubtful one to it.
            bool ok = false;
            const double value =
                QByteArray::fromRawData(member.raw.data(), member.raw.size()).toDouble(&ok);
            if (!ok || !qIsFinite(value))
                return false;
        } else if (literal("true", 4)) {
            member.type = Type::True;
        } else if (literal("false", 5)) {
            member.type = Type::False;
        } else if (literal("null", 4)) {
            member.type = Type::Null;
        } else {
            return false; // an object, an array or not JSON
        }
        if (m_members.size() == maxMembers)
            return false;
        m_members.append(member);

        skipSpace();
        if (p == end)
            return false;
        if (*p == ',') {
            ++p;
            skipSpace();
            continue;
        }
        if (*p != '}')
            return false;
        ++p;
        skipSpace();
        return p == end;
    }
}

const FlatJsonObject::Member *FlatJsonObject::find(QLatin1String key) const
{
    const QByteArrayView wanted(key.data(), key.size());
    for (const Member &m : m_members) {
        if (m.key == wanted)
            return &m;
    }
    return nullptr;
}

QString FlatJsonObject::decode(const Member &member)
{
    if (member.type != Type::String)
        return QString();
    if (member.plainAscii)
        return QString::fromLatin1(member.raw);
    // parse() checked every escape and UTF-8 sequence: no error paths here.
    QString out;
    out.reserve(member.raw.size());
    const char *p = member.raw.data();
    const char *const end = p + member.raw.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            out.append(QString::fromUtf8(run, p - run));
        if (p == end)
            break;
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            out.append(QChar(u'\b'));
            break;
        case 'f':
            out.append(QChar(u'\f'));
            break;
        case 'n':
            out.append(QChar(u'\n'));
            break;
        case 'r':
            out.append(QChar(u'\r'));
            break;
        case 't':
            out.append(QChar(u'\t'));
            break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 0; i < 4; ++i)
                unit = char16_t((unit << 4) | hexValue(p[i]));
            out.append(QChar(unit));
            p += 4;
            break;
        }
        default: // '"', '\\', '/'
            out.append(QLatin1Char(e));
            break;
        }
    }
    return out;
}

const FlatJsonObject::Member *FlatJsonObject::member(QLatin1String camel, QLatin1String snake) const
{
    const Member *m = find(camel);
    return m || snake.size() == 0 ? m : find(snake);
}

QString FlatJsonObject::string(QLatin1String camel, QLatin1String snake) const
{
    const Member *m = member(camel, snake);
    if (!m)
        return QString();
    m_sawNumber = m_sawNumber || m->type == Type::Number;
    return decode(*m);
}

QDateTime FlatJsonObject::dateTime(QLatin1String camel, QLatin1String snake) const
{
    return isoDateTime(string(camel, snake));
}

bool FlatJsonObject::boolean(QLatin1String camel, QLatin1String snake) const
{
    const Member *m = member(camel, snake);
    return m && m->type == Type::True;
}

} // namespace CStar::Json
