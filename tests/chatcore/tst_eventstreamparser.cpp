// SPDX-License-Identifier: MIT
// EventStreamParser against WHATWG HTML §9.2.6 "Interpreting an event
// stream": every case runs fed whole, split at every byte position and byte
// by byte, plus random chunkings of generated streams checked against a
// straightforward reference that decodes the whole stream first.
#include "eventstreamparser.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

#include <climits>
#include <iterator>
#include <vector>

using namespace CStar;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype SmallCap = 16;

// Printable ASCII as is, everything else as \xNN, so that logs compare bytes.
QString escape(QByteArrayView bytes)
{
    QString out;
    for (const char c : bytes) {
        const auto u = uchar(c);
        if (u == '\\')
            out += u"\\\\"_s;
        else if (u >= 0x20 && u < 0x7F)
            out += QLatin1Char(c);
        else
            out += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0').toUpper();
    }
    return out;
}

QString ev(const QByteArray &data, const QString &type = u"message"_s,
           const QString &id = QString())
{
    return u"event type=%1 id=%2 data=%3"_s.arg(escape(type.toUtf8()), escape(id.toUtf8()),
                                                escape(data));
}
QString retry(int ms)
{
    return u"retry %1"_s.arg(ms);
}
QString comment(QByteArrayView text)
{
    return u"comment %1"_s.arg(escape(text));
}
QString error()
{
    return u"error"_s;
}
QString lastId(const QString &id)
{
    return u"lastEventId=%1"_s.arg(escape(id.toUtf8()));
}

// WHATWG Encoding "UTF-8 decoder", transcribed step by step (independent of
// the parser's byte-level implementation).
QString whatwgUtf8Decode(QByteArrayView in)
{
    QString out;
    uint codePoint = 0;
    int needed = 0;
    int seen = 0;
    uchar lower = 0x80;
    uchar upper = 0xBF;
    qsizetype i = 0;
    while (i < in.size()) {
        const auto byte = uchar(in[i]);
        if (needed == 0) {
            ++i;
            if (byte <= 0x7F) {
                out += QChar(char16_t(byte));
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                needed = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lower = 0xA0;
                if (byte == 0xED)
                    upper = 0x9F;
                needed = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lower = 0x90;
                if (byte == 0xF4)
                    upper = 0x8F;
                needed = 3;
                codePoint = byte & 0x7;
            } else {
                out += QChar(0xFFFD);
            }
            continue;
        }
        if (byte < lower || byte > upper) {
            // Error; the byte is processed again ("prepend byte to stream").
            codePoint = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            out += QChar(0xFFFD);
            continue;
        }
        ++i;
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++seen == needed) {
            // Not QString::fromUcs4(): it would drop a U+FEFF as a UTF-32 BOM.
            if (codePoint > 0xFFFF) {
                out += QChar(QChar::highSurrogate(codePoint));
                out += QChar(QChar::lowSurrogate(codePoint));
            } else {
                out += QChar(char16_t(codePoint));
            }
            codePoint = 0;
            needed = seen = 0;
        }
    }
    if (needed)
        out += QChar(0xFFFD);
    return out;
}

bool isValidUtf8(QByteArrayView bytes)
{
    return whatwgUtf8Decode(bytes).toUtf8() == bytes;
}

// The reference: decode the whole stream (UTF-8 decode strips one BOM), split
// into lines, interpret them — the standard's steps in their plainest form.
QStringList referenceParse(QByteArrayView stream)
{
    if (stream.startsWith(QByteArrayView("\xEF\xBB\xBF")))
        stream = stream.sliced(3);
    const QString text = whatwgUtf8Decode(stream);

    QStringList log;
    QString data;
    QString type;
    QString idBuffer;
    QString lastEventId;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'\r' && c != u'\n')
            continue;
        const QString line = text.mid(start, i - start);
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            ++i;
        start = i + 1;

        if (line.isEmpty()) {
            lastEventId = idBuffer;
            if (data.isEmpty()) {
                type.clear();
                continue;
            }
            if (data.endsWith(u'\n'))
                data.chop(1);
            log << ev(data.toUtf8(), type.isEmpty() ? u"message"_s : type, lastEventId);
            data.clear();
            type.clear();
            continue;
        }
        if (line.startsWith(u':')) {
            log << comment(line.mid(1).toUtf8());
            continue;
        }
        QString field = line;
        QString value;
        const qsizetype colon = line.indexOf(u':');
        if (colon >= 0) {
            field = line.left(colon);
            value = line.mid(colon + 1);
            if (value.startsWith(u' '))
                value.remove(0, 1);
        }
        if (field == u"event") {
            type = value;
        } else if (field == u"data") {
            data += value + u'\n';
        } else if (field == u"id") {
            if (!value.contains(QChar(0)))
                idBuffer = value;
        } else if (field == u"retry") {
            bool digits = !value.isEmpty();
            for (const QChar d : value)
                digits = digits && d >= u'0' && d <= u'9';
            if (digits) {
                qint64 ms = 0;
                for (const QChar d : value)
                    ms = qMin<qint64>(ms * 10 + (d.unicode() - u'0'), INT_MAX);
                log << retry(int(ms));
            }
        }
    }
    log << lastId(lastEventId);
    return log;
}

// Records every callback of one parser as log lines.
class Recorder
{
public:
    explicit Recorder(qsizetype cap = EventStreamParser::DefaultMaxEventSize)
        : parser(cap), parserCap(cap)
    {
        parser.onEvent = [this](const ServerSentEvent &e) {
            log << ev(e.data, e.type, e.lastEventId);
            if (!isValidUtf8(e.data) || e.data.size() >= parserCap)
                problems << u"bad data: "_s + escape(e.data);
        };
        parser.onRetry = [this](int ms) { log << retry(ms); };
        parser.onComment = [this](QByteArrayView text) {
            log << comment(text);
            if (!isValidUtf8(text))
                problems << u"bad comment: "_s + escape(text);
        };
        parser.onError = [this](const QString &message) {
            log << error();
            if (message.isEmpty())
                problems << u"empty error message"_s;
        };
    }

    QStringList finish()
    {
        QStringList out = log;
        out << lastId(parser.lastEventId());
        return out;
    }

    EventStreamParser parser;
    QStringList log;
    QStringList problems;
    qsizetype parserCap;
};

QByteArray repeated(char c, int n)
{
    return QByteArray(n, c);
}

} // namespace

class tst_EventStreamParser : public QObject
{
    Q_OBJECT

private:
    void addCases();

private Q_SLOTS:
    void wholeStream_data() { addCases(); }
    void wholeStream();
    void everySplitPoint_data() { addCases(); }
    void everySplitPoint();
    void byteByByte_data() { addCases(); }
    void byteByByte();

    void randomChunking_data();
    void randomChunking();

    void restartKeepsLastEventIdAndClearsPartialState();
    void restartChecksBomAgain();
    void restartEndsDiscarding();
    void restartFromCallbackDropsRestOfChunk();
    void setLastEventIdSeedsIdBuffer();
    void noCallbacksSet();
    void keptEventDataIsNotReused();
    void longLineByteByByteIsLinear();
    void oversizedLineByteByByteDefaultCap();
};

void tst_EventStreamParser::addCases()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("cap");
    QTest::addColumn<QStringList>("expected"); // callbacks in order, then lastEventId

    const qsizetype def = EventStreamParser::DefaultMaxEventSize;
    const QByteArray fffd = "\xEF\xBF\xBD"_ba;
    const auto row = [](const char *name, const QByteArray &input, qsizetype cap,
                        QStringList expected, const QString &last = QString()) {
        expected << lastId(last);
        QTest::newRow(name) << input << cap << expected;
    };

    // Byte order mark: the UTF-8 decode strips exactly one, at the start.
    row("bom stripped",
        "\xEF\xBB\xBF"
        "data: a\n\n"_ba,
        def, {ev("a")});
    row("bom only once",
        "\xEF\xBB\xBF\xEF\xBB\xBF"
        "data: a\n\ndata: b\n\n"_ba,
        def, {ev("b")});
    row("bom not at start",
        "data: a\n\n\xEF\xBB\xBF"
        "data: b\n\n"_ba,
        def, {ev("a")});
    row("partial bom is not a bom",
        "\xEF\xBB"
        "data: a\n\ndata: b\n\n"_ba,
        def, {ev("b")});
    row("bom then blank line", "\xEF\xBB\xBF\ndata: a\n\n"_ba, def, {ev("a")});
    row("bom alone", "\xEF\xBB\xBF"_ba, def, {});
    row("bom in data value kept", "data:\xEF\xBB\xBFx\n\n"_ba, def, {ev("\xEF\xBB\xBFx")});
    row("bom in event type kept", "event:\xEF\xBB\xBFx\ndata: a\n\n"_ba, def,
        {ev("a", QString(QChar(0xFEFF)) + u'x')});
    row("utf-16 bom is not stripped",
        "\xFF\xFE"
        "data: a\n\ndata: b\n\n"_ba,
        def, {ev("b")});

    // Line endings.
    row("lf", "data: a\n\n"_ba, def, {ev("a")});
    row("crlf", "data: a\r\n\r\n"_ba, def, {ev("a")});
    row("cr", "data: a\r\r"_ba, def, {ev("a")});
    row("mixed", "data: a\r\ndata: b\rdata: c\n\r\n"_ba, def, {ev("a\nb\nc")});
    row("crlf then cr blank", "data: a\r\n\rdata: b\n\n"_ba, def, {ev("a"), ev("b")});
    row("lf cr is two line ends", "data: a\n\rdata: b\r\n\r\n"_ba, def, {ev("a"), ev("b")});
    row("cr inside a line ends it", "data: a\rb: x\n\n"_ba, def, {ev("a")});
    row("crlf pairs count once", "data: a\r\n\r\ndata: b\r\n\r\n"_ba, def, {ev("a"), ev("b")});
    row("cr crlf", "data: a\r\r\n"_ba, def, {ev("a")});
    row("cr cr cr", "data: a\r\r\rdata: b\r\r"_ba, def, {ev("a"), ev("b")});
    row("extra blank lines", "\n\ndata: a\n\n\n\ndata: b\n\n"_ba, def, {ev("a"), ev("b")});
    row("final cr is a blank line", "data: a\n\r"_ba, def, {ev("a")});

    // data.
    row("multi-line data", "data: a\ndata: b\ndata: c\n\n"_ba, def, {ev("a\nb\nc")});
    row("empty data field", "data:\n\n"_ba, def, {ev("")});
    row("data without colon", "data\n\n"_ba, def, {ev("")});
    row("two bare data fields", "data\ndata\n\n"_ba, def, {ev("\n")});
    row("data then empty data", "data: a\ndata:\n\n"_ba, def, {ev("a\n")});
    row("only one space stripped", "data:  a\n\n"_ba, def, {ev(" a")});
    row("no space", "data:a\n\n"_ba, def, {ev("a")});
    row("space only", "data: \n\n"_ba, def, {ev("")});
    row("tab not stripped", "data:\ta\n\n"_ba, def, {ev("\ta")});
    row("trailing space kept", "data: a \n\n"_ba, def, {ev("a ")});
    row("colons in value", "data: a:b: c\n\n"_ba, def, {ev("a:b: c")});
    row("field names are case-sensitive", "Data: a\n\ndata: b\n\n"_ba, def, {ev("b")});
    row("space before colon", "data : a\n\n"_ba, def, {});
    row("nul in data kept", "data: a\0b\n\n"_ba, def, {ev("a\0b"_ba)});
    row("no event without data", "event: x\nid\nretry: x\n\n"_ba, def, {});
    row("blank lines only", "\n\n\n"_ba, def, {});
    row("long ascii data", "data: "_ba + repeated('a', 100) + "\n\n"_ba, def,
        {ev(repeated('a', 100))});

    // Every value length around the parser's 8- and 16-byte ASCII steps,
    // and a non-ASCII or invalid byte at every offset within them.
    {
        QByteArray ascii, multi, invalid;
        QStringList asciiEvents, multiEvents, invalidEvents;
        for (int n = 0; n <= 40; ++n) {
            ascii += "data: " + repeated('a', n) + '\n' + '\n';
            asciiEvents << ev(repeated('a', n));
            multi += "data: " + repeated('b', n) + "\xC3\xA9" + repeated('c', n % 7) + "\n\n";
            multiEvents << ev(repeated('b', n) + "\xC3\xA9" + repeated('c', n % 7));
            invalid += "data: " + repeated('d', n) + "\xE2\x82" + repeated('e', n % 5) + "\n\n";
            invalidEvents << ev(repeated('d', n) + fffd + repeated('e', n % 5));
        }
        row("ascii values of every length", ascii, def, asciiEvents);
        row("multi-byte at every offset", multi, def, multiEvents);
        row("invalid at every offset", invalid, def, invalidEvents);
    }

    // event.
    row("event type", "event: add\ndata: 1\n\n"_ba, def, {ev("1", u"add"_s)});
    row("event type resets after dispatch", "event: add\ndata: 1\n\ndata: 2\n\n"_ba, def,
        {ev("1", u"add"_s), ev("2")});
    row("event-only block resets type", "event: add\n\ndata: 2\n\n"_ba, def, {ev("2")});
    row("last event field wins", "event: a\nevent: b\ndata: x\n\n"_ba, def, {ev("x", u"b"_s)});
    row("empty event field means message", "event: a\nevent:\ndata: x\n\n"_ba, def, {ev("x")});
    row("event without colon", "event\ndata: x\n\n"_ba, def, {ev("x")});
    row("event spaces kept", "event:  a b \ndata: x\n\n"_ba, def, {ev("x", u" a b "_s)});
    row("same event type twice",
        "event: t\ndata: 1\n\nevent: t\ndata: 2\n\nevent: u\ndata: 3\n\n"_ba, def,
        {ev("1", u"t"_s), ev("2", u"t"_s), ev("3", u"u"_s)});

    // id.
    row("id", "id: 1\ndata: a\n\n"_ba, def, {ev("a", u"message"_s, u"1"_s)}, u"1"_s);
    row("id persists across events", "id: 1\ndata: a\n\ndata: b\n\n"_ba, def,
        {ev("a", u"message"_s, u"1"_s), ev("b", u"message"_s, u"1"_s)}, u"1"_s);
    row("empty id resets", "id: 1\ndata: a\n\nid:\ndata: b\n\n"_ba, def,
        {ev("a", u"message"_s, u"1"_s), ev("b")});
    row("id without colon resets", "id: 1\ndata: a\n\nid\ndata: b\n\n"_ba, def,
        {ev("a", u"message"_s, u"1"_s), ev("b")});
    row("id with nul ignored", "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n"_ba, def,
        {ev("a", u"message"_s, u"1"_s), ev("b", u"message"_s, u"1"_s)}, u"1"_s);
    row("id of only nul ignored", "id: 1\n\nid: \0\n\n"_ba, def, {}, u"1"_s);
    row("id-only block sets lastEventId", "id: 7\n\n"_ba, def, {}, u"7"_s);
    row("id after data", "data: a\nid: 3\n\n"_ba, def, {ev("a", u"message"_s, u"3"_s)}, u"3"_s);
    row("unterminated id block ignored", "id: 1\n\nid: 2\n"_ba, def, {}, u"1"_s);
    row("id spaces kept", "id:  5 \n\n"_ba, def, {}, u" 5 "_s);
    row("id unicode", "id: \xC3\xA9\xE4\xB8\xAD\ndata: a\n\n"_ba, def,
        {ev("a", u"message"_s, u"\u00E9\u4E2D"_s)}, u"\u00E9\u4E2D"_s);
    row("id invalid utf-8", "id: a\xFF\n\n"_ba, def, {}, u"a\uFFFD"_s);

    // retry.
    row("retry", "retry: 1000\n"_ba, def, {retry(1000)});
    row("retry leading zeros", "retry: 007\n"_ba, def, {retry(7)});
    row("retry zero", "retry: 0\n"_ba, def, {retry(0)});
    row("retry non-digits ignored",
        "retry: 10a\nretry: -1\nretry: +1\nretry: 1.5\nretry: 1e3\nretry:  5\nretry: 5 \n"_ba, def,
        {});
    row("retry empty ignored", "retry:\nretry\nretry: \n"_ba, def, {});
    row("retry huge clamped", "retry: 99999999999999999999999999\n"_ba, def, {retry(INT_MAX)});
    row("retry int max", "retry: 2147483647\nretry: 2147483648\n"_ba, def,
        {retry(INT_MAX), retry(INT_MAX)});
    row("retry applies without dispatch", "retry: 5\ndata: a"_ba, def, {retry(5)});
    row("retry fullwidth digit ignored", "retry: \xEF\xBC\x91\n"_ba, def, {});

    // Comments.
    row("comment", ": ping\n\n"_ba, def, {comment(" ping")});
    row("comment without space", ":hello\n"_ba, def, {comment("hello")});
    row("empty comment", ":\n"_ba, def, {comment("")});
    row("comment inside event", "data: a\n: c\ndata: b\n\n"_ba, def, {comment(" c"), ev("a\nb")});
    row("comment with colons", ":a:b\n"_ba, def, {comment("a:b")});
    row("comment invalid utf-8", ":\xFF\n"_ba, def, {comment(fffd)});
    row("unterminated comment", ": x"_ba, def, {});

    // Unknown fields.
    row("unknown field", "foo: bar\ndata: a\n\n"_ba, def, {ev("a")});
    row("unknown field without colon", "foo\ndata: a\n\n"_ba, def, {ev("a")});
    row("near-miss names", "datas: x\nid2: y\nretr: 1\neven: t\n\n"_ba, def, {});

    // End of stream: nothing is dispatched without the blank line.
    row("unterminated event discarded", "data: a\n\ndata: b\n"_ba, def, {ev("a")});
    row("unterminated line discarded", "data: a\n\ndata: b"_ba, def, {ev("a")});
    row("unterminated after cr", "data: a\r"_ba, def, {});
    row("unterminated after crlf", "data: a\r\n"_ba, def, {});

    // UTF-8: invalid sequences become U+FFFD (one per maximal subpart).
    row("multi-byte", "data: \xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\n\n"_ba, def,
        {ev("\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80")});
    row("invalid byte",
        "data: a\xFF"
        "b\n\n"_ba,
        def, {ev("a" + fffd + "b")});
    row("truncated sequence at line end", "data: \xE2\x82\n\n"_ba, def, {ev(fffd)});
    row("truncated sequence then ascii",
        "data: \xE2\x82"
        "A\n\n"_ba,
        def, {ev(fffd + "A")});
    row("truncated 4-byte sequence", "data: \xF0\x9F\x98\n\n"_ba, def, {ev(fffd)});
    row("overlong", "data: \xC0\x80\n\n"_ba, def, {ev(fffd + fffd)});
    row("overlong 3-byte", "data: \xE0\x80\x80\n\n"_ba, def, {ev(fffd + fffd + fffd)});
    row("surrogate", "data: \xED\xA0\x80\n\n"_ba, def, {ev(fffd + fffd + fffd)});
    row("above U+10FFFF", "data: \xF4\x90\x80\x80\n\n"_ba, def, {ev(fffd + fffd + fffd + fffd)});
    row("F5",
        "data: \xF5"
        "a\n\n"_ba,
        def, {ev(fffd + "a")});
    row("lone continuation bytes", "data: \x80\x80\n\n"_ba, def, {ev(fffd + fffd)});
    row("F0 80 80", "data: \xF0\x80\x80\n\n"_ba, def, {ev(fffd + fffd + fffd)});
    row("sequence broken by line end", "data: \xE2\ndata: \x82\xAC\n\n"_ba, def,
        {ev(fffd + "\n" + fffd + fffd)});
    row("sequence broken by colon", "\xE2\x82:x\ndata: a\n\n"_ba, def, {ev("a")});
    row("boundary code points", "data: \xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF\n\n"_ba,
        def, {ev("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF")});
    row("invalid in field name", "da\xFFta: a\n\ndata: b\n\n"_ba, def, {ev("b")});
    row("invalid event type", "event: a\xFF\ndata: x\n\n"_ba, def, {ev("x", u"a\uFFFD"_s)});
    row("invalid after ascii run",
        "data: "_ba + repeated('a', 40) + "\xFF"_ba + repeated('b', 20) + "\xC3\xA9\n\n"_ba, def,
        {ev(repeated('a', 40) + fffd + repeated('b', 20) + "\xC3\xA9")});

    // The cap: the event is dropped with one onError, up to the next blank line.
    row("oversized line dropped", "data: 0123456789abcdef\n\ndata: ok\n\n"_ba, SmallCap,
        {error(), ev("ok")});
    row("line exactly at cap", "data: 0123456789\n\n"_ba, SmallCap, {ev("0123456789")});
    row("line one over cap", "data: 0123456789a\n\n"_ba, SmallCap, {error()});
    row("data buffer over cap", "data: 01234\ndata: 01234\ndata: 0\n\ndata: ok\n\n"_ba, SmallCap,
        {error(), ev("ok")});
    row("dropped event's id ignored", "id: 1\n\nid: 2\ndata: 0123456789abcdef\n\ndata: ok\n\n"_ba,
        SmallCap, {error(), ev("ok", u"message"_s, u"1"_s)}, u"1"_s);
    row("long line without newline", "data: "_ba + repeated('x', 40), SmallCap, {error()});
    row("long line then next event", "data: "_ba + repeated('x', 40) + "\n\ndata: ok\n\n"_ba,
        SmallCap, {error(), ev("ok")});
    row("long line with cr endings", "data: "_ba + repeated('x', 40) + "\r\rdata: ok\r\r"_ba,
        SmallCap, {error(), ev("ok")});
    row("one error per event",
        "data: 0123456789abcdef\ndata: 0123456789abcdef\nid: 9\n\ndata: ok\n\n"_ba, SmallCap,
        {error(), ev("ok")});
    row("two oversized events", "data: 0123456789abcdef\n\ndata: 0123456789abcdef\n\n"_ba, SmallCap,
        {error(), error()});
    row("replacement growth over cap", "data: \xFF\xFF\xFF\xFF\xFF\xFF\n\ndata: ok\n\n"_ba,
        SmallCap, {error(), ev("ok")});
    row("replacement growth within cap", "data: \xFF\xFF\xFF\n\n"_ba, SmallCap,
        {ev(fffd + fffd + fffd)});
    row("long comment drops event", ":"_ba + repeated('c', 20) + "\n\ndata: ok\n\n"_ba, SmallCap,
        {error(), ev("ok")});
    row("discarding until crlf blank line",
        "data: 0123456789abcdef\r\ndata: x\r\n\r\ndata: ok\r\n\r\n"_ba, SmallCap,
        {error(), ev("ok")});
    row("oversized then unterminated", "data: 0123456789abcdef\n\ndata: ok"_ba, SmallCap,
        {error()});
    row("long event type", "event: 0123456789abcdef\ndata: a\n\ndata: b\n\n"_ba, SmallCap,
        {error(), ev("b")});
    row("retry before the drop still applies", "retry: 5\ndata: 0123456789abcdef\n\n"_ba, SmallCap,
        {retry(5), error()});
}

void tst_EventStreamParser::wholeStream()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, cap);
    QFETCH(QStringList, expected);

    Recorder r(cap);
    r.parser.feed(input);
    QCOMPARE(r.finish(), expected);
    QCOMPARE(r.problems, QStringList());
}

void tst_EventStreamParser::everySplitPoint()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, cap);
    QFETCH(QStringList, expected);

    for (qsizetype at = 0; at <= input.size(); ++at) {
        Recorder r(cap);
        r.parser.feed(QByteArrayView(input).first(at));
        r.parser.feed(QByteArrayView()); // empty chunks change nothing
        r.parser.feed(QByteArrayView(input).sliced(at));
        const QStringList got = r.finish();
        if (got != expected) {
            qWarning() << "split at" << at;
            QCOMPARE(got, expected);
        }
        QCOMPARE(r.problems, QStringList());
    }
}

void tst_EventStreamParser::byteByByte()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, cap);
    QFETCH(QStringList, expected);

    Recorder r(cap);
    for (qsizetype i = 0; i < input.size(); ++i)
        r.parser.feed(QByteArrayView(input).sliced(i, 1));
    QCOMPARE(r.finish(), expected);
    QCOMPARE(r.problems, QStringList());
}

// A chat-like stream with every feature mixed in, from a fixed seed.
static QByteArray generateStream(QRandomGenerator &rng, int events)
{
    static const char *const payloads[] = {
        "{\"type\":\"message.created\",\"id\":42,\"body\":\"Hello there\"}",
        "caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80",
        "",
        " leading space",
        "a:b:c",
        "tab\there",
        "bad \xFF byte",
        "cut \xE2\x82",
        "cut4 \xF0\x9F\x98",
        "\xEF\xBB\xBF bom inside",
        "surrogate \xED\xA0\x80",
        "overlong \xC0\xAF",
    };
    static const char *const endings[] = {"\n", "\r\n", "\r"};
    static const char *const types[] = {"message.created", "ticket.updated", "typing", "",
                                        "caf\xC3\xA9"};

    QByteArray out;
    if (rng.bounded(2))
        out += "\xEF\xBB\xBF"_ba;
    const auto eol = [&] { out += endings[rng.bounded(3)]; };
    for (int e = 0; e < events; ++e) {
        const int lines = int(rng.bounded(6));
        for (int l = 0; l < lines; ++l) {
            switch (rng.bounded(12)) {
            case 0:
            case 1:
            case 2:
            case 3:
                out += rng.bounded(4) ? "data: "_ba : "data:"_ba;
                out += payloads[rng.bounded(int(std::size(payloads)))];
                break;
            case 4:
                out += "event: "_ba + types[rng.bounded(int(std::size(types)))];
                break;
            case 5:
                out += "id: "_ba + QByteArray::number(rng.bounded(100000));
                if (!rng.bounded(8))
                    out += QByteArray("x\0y", 3);
                break;
            case 6:
                out += rng.bounded(2) ? "id"_ba : "id:"_ba;
                break;
            case 7:
                out += "retry: "_ba + QByteArray::number(rng.bounded(5000));
                if (!rng.bounded(4))
                    out += "ms"_ba;
                break;
            case 8:
                out += ": ping"_ba;
                break;
            case 9:
                out += rng.bounded(2) ? "data"_ba : "unknown: field"_ba;
                break;
            case 10:
                out += "data: "_ba + QByteArray(int(rng.bounded(300)), 'x');
                break;
            default:
                out += "data: \xFF\xFE tail"_ba;
                break;
            }
            eol();
        }
        eol(); // blank line (a CR + LF pair may merge into one terminator)
    }
    out += "data: unterminated"_ba;
    return out;
}

void tst_EventStreamParser::randomChunking_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 8; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void tst_EventStreamParser::randomChunking()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    const QByteArray stream = generateStream(rng, 400);
    const QStringList expected = referenceParse(stream);
    QVERIFY(expected.size() > 100);

    for (int round = 0; round < 24; ++round) {
        Recorder r;
        qsizetype pos = 0;
        const int maxChunk = round % 3 == 0 ? 4 : round % 3 == 1 ? 64 : 4096;
        while (pos < stream.size()) {
            const qsizetype n = qMin<qsizetype>(rng.bounded(maxChunk + 1), stream.size() - pos);
            r.parser.feed(QByteArrayView(stream).sliced(pos, n));
            pos += n;
        }
        QCOMPARE(r.finish(), expected);
        QCOMPARE(r.problems, QStringList());
    }
}

void tst_EventStreamParser::restartKeepsLastEventIdAndClearsPartialState()
{
    Recorder r;
    r.parser.feed("id: 5\ndata: a\n\nid: 9\nevent: t\ndata: partial\ndata: li"_ba);
    QCOMPARE(r.parser.lastEventId(), u"5"_s);
    r.parser.restart();
    QCOMPARE(r.parser.lastEventId(), u"5"_s);
    r.parser.feed("ne\n\ndata: b\n\n"_ba);
    QCOMPARE(r.finish(),
             (QStringList {ev("a", u"message"_s, u"5"_s), ev("b", u"message"_s, u"5"_s),
                           lastId(u"5"_s)}));
}

void tst_EventStreamParser::restartChecksBomAgain()
{
    Recorder r;
    r.parser.feed("\xEF\xBB\xBF"
                  "data: a\n\n\xEF\xBB"_ba);
    r.parser.restart();
    r.parser.feed("\xEF"_ba);
    r.parser.feed("\xBB\xBF"
                  "data: b\n\n"_ba);
    QCOMPARE(r.finish(), (QStringList {ev("a"), ev("b"), lastId(QString())}));
}

void tst_EventStreamParser::restartEndsDiscarding()
{
    Recorder r(SmallCap);
    r.parser.feed("data: 0123456789abcdef\ndata: more"_ba);
    r.parser.restart();
    r.parser.feed("data: ok\n\n"_ba);
    QCOMPARE(r.finish(), (QStringList {error(), ev("ok"), lastId(QString())}));
}

void tst_EventStreamParser::restartFromCallbackDropsRestOfChunk()
{
    EventStreamParser parser;
    QStringList log;
    parser.onEvent = [&](const ServerSentEvent &e) {
        log << ev(e.data, e.type, e.lastEventId);
        if (e.data == "a")
            parser.restart();
    };
    parser.feed("id: 1\ndata: a\n\ndata: b\n\n"_ba);
    parser.feed("data: c\n\n"_ba);
    QCOMPARE(log, (QStringList {ev("a", u"message"_s, u"1"_s), ev("c", u"message"_s, u"1"_s)}));
    QCOMPARE(parser.lastEventId(), u"1"_s);
}

void tst_EventStreamParser::setLastEventIdSeedsIdBuffer()
{
    Recorder r;
    r.parser.setLastEventId(u"42"_s);
    r.parser.feed("data: a\n\n"_ba);
    QCOMPARE(r.finish(), (QStringList {ev("a", u"message"_s, u"42"_s), lastId(u"42"_s)}));
}

void tst_EventStreamParser::noCallbacksSet()
{
    EventStreamParser parser(SmallCap);
    parser.feed(": c\nretry: 5\nid: 3\ndata: a\n\ndata: 0123456789abcdef\n\n"_ba);
    QCOMPARE(parser.lastEventId(), u"3"_s);
}

void tst_EventStreamParser::keptEventDataIsNotReused()
{
    EventStreamParser parser;
    std::vector<ServerSentEvent> kept;
    int seen = 0;
    parser.onEvent = [&](const ServerSentEvent &e) {
        if (++seen % 2)
            kept.push_back(e); // every other event kept, the rest only read
    };
    QByteArray stream;
    for (int i = 0; i < 50; ++i)
        stream += "data: event " + QByteArray::number(i) + "\n\n";
    parser.feed(stream);
    QCOMPARE(seen, 50);
    QCOMPARE(kept.size(), std::size_t(25));
    for (int i = 0; i < 25; ++i)
        QCOMPARE(kept[std::size_t(i)].data, QByteArray("event " + QByteArray::number(2 * i)));
}

// Fed one byte at a time, a long line must not be rescanned or copied
// quadratically (this would take minutes instead of milliseconds).
void tst_EventStreamParser::longLineByteByByteIsLinear()
{
    const QByteArray payload(512 * 1024, 'x');
    const QByteArray stream = "data: " + payload + "\r\n\r\n";
    EventStreamParser parser;
    QByteArray got;
    int events = 0;
    parser.onEvent = [&](const ServerSentEvent &e) {
        ++events;
        got = e.data;
    };
    for (qsizetype i = 0; i < stream.size(); ++i)
        parser.feed(QByteArrayView(stream).sliced(i, 1));
    QCOMPARE(events, 1);
    QVERIFY(got == payload);
}

void tst_EventStreamParser::oversizedLineByteByByteDefaultCap()
{
    const QByteArray stream =
        "data: " + QByteArray(EventStreamParser::DefaultMaxEventSize, 'x') + "\n\ndata: ok\n\n";
    Recorder r;
    for (qsizetype i = 0; i < stream.size(); ++i)
        r.parser.feed(QByteArrayView(stream).sliced(i, 1));
    QCOMPARE(r.finish(), (QStringList {error(), ev("ok"), lastId(QString())}));
}

QTEST_GUILESS_MAIN(tst_EventStreamParser)
#include "tst_eventstreamparser.moc"
