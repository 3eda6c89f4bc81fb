// SPDX-License-Identifier: MIT
// Value types and error mapping: camelCase and snake_case (protocol §1),
// unknown enum values kept, every row of the error table (§2).
#include "chaterror.h"
#include "customer.h"
#include "message.h"
#include "outgoingattachment.h"
#include "ticket.h"
#include "typingevent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace CStar;

class TestTypes : public QObject
{
    Q_OBJECT

    static QJsonObject parse(const char *json)
    {
        QJsonParseError error {};
        const QJsonObject o = QJsonDocument::fromJson(QByteArray(json), &error).object();
        Q_ASSERT(error.error == QJsonParseError::NoError);
        return o;
    }

private Q_SLOTS:
    void messageCamelAndSnake_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("camel") << QByteArray(
            R"({"id":"msg_1","ticketId":"tkt_1","content":"Hi ✓","sender":"agent",
                "senderName":"Ana","clientMessageId":"c1","createdAt":"2026-11-24T21:18:04.561Z"})");
        QTest::newRow("snake") << QByteArray(
            R"({"id":"msg_1","ticket_id":"tkt_1","content":"Hi ✓","sender":"agent",
                "sender_name":"Ana","client_message_id":"c1","created_at":"2026-11-24T21:18:04.561Z"})");
    }
    void messageCamelAndSnake()
    {
        QFETCH(QByteArray, json);
        const Message m = Message::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(m.id(), QStringLiteral("msg_1"));
        QCOMPARE(m.ticketId(), QStringLiteral("tkt_1"));
        QCOMPARE(m.content(), QStringLiteral("Hi ✓"));
        QCOMPARE(m.sender(), Message::Sender::Agent);
        QCOMPARE(m.senderName(), QStringLiteral("Ana"));
        QCOMPARE(m.clientMessageId(), QStringLiteral("c1"));
        QCOMPARE(m.createdAt(),
                 QDateTime(QDate(2026, 11, 24), QTime(21, 18, 4, 561), QTimeZone::utc()));
        // Round trip through toJson keeps every field.
        QCOMPARE(Message::fromJson(m.toJson()), m);
    }

    /// A ticket whose last message is only known by its clientMessageId (an
    /// echo, no server id yet) keeps it through toJson()/fromJson().
    void ticketLastMessageRoundTrip()
    {
        const Ticket t = Ticket::fromJson(
            parse(R"({"id":"tkt_1","lastMessage":{"clientMessageId":"c1","content":"Hi"}})"));
        QVERIFY(t.lastMessage().isValid());
        const Ticket again = Ticket::fromJson(t.toJson());
        QCOMPARE(again.lastMessage().clientMessageId(), QStringLiteral("c1"));
        QCOMPARE(again.lastMessage().ticketId(), QStringLiteral("tkt_1"));
        QCOMPARE(again, t);
        QCOMPARE(Ticket::fromJson(again.toJson()), again);
    }

    /// Every error kind has its own sentence for people; no error has none.
    void errorDisplayText()
    {
        QCOMPARE(ChatError().displayText(), QString());
        const QMetaEnum kinds = QMetaEnum::fromType<ChatError::Kind>();
        QSet<QString> texts;
        for (int i = 0; i < kinds.keyCount(); ++i) {
            const auto kind = ChatError::Kind(kinds.value(i));
            if (kind == ChatError::Kind::None)
                continue;
            const QString text =
                ChatError(kind, QStringLiteral("some_code"), QStringLiteral("server words"))
                    .displayText();
            QVERIFY2(text.endsWith(QLatin1Char('.')), kinds.key(i));
            QVERIFY2(!text.contains(QLatin1String("server words")), kinds.key(i));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), kinds.keyCount() - 1);
    }

    /// Timestamps (§1: ISO-8601 UTC with milliseconds) are read by QDateTime;
    /// other offsets convert to UTC, numbers are ms since the epoch, and
    /// anything else is an invalid time, never a guess.
    void messageTimestamps_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime instant(QDate(2026, 11, 24), QTime(21, 18, 4, 561), QTimeZone::utc());
        QTest::newRow("UTC with ms")
            << QByteArray(R"({"createdAt":"2026-11-24T21:18:04.561Z"})") << instant;
        QTest::newRow("offset") << QByteArray(R"({"createdAt":"2026-11-24T23:18:04.561+02:00"})")
                                << instant;
        QTest::newRow("snake_case")
            << QByteArray(R"({"created_at":"2026-11-24T21:18:04.561Z"})") << instant;
        QTest::newRow("without ms")
            << QByteArray(R"({"createdAt":"2026-11-24T21:18:04Z"})") << instant.addMSecs(-561);
        QTest::newRow("ms since the epoch") << QByteArray(
            R"({"createdAt":)" + QByteArray::number(instant.toMSecsSinceEpoch()) + "}")
                                            << instant;
        QTest::newRow("month 13") << QByteArray(R"({"createdAt":"2026-13-24T21:18:04.561Z"})")
                                  << QDateTime();
        QTest::newRow("not digits")
            << QByteArray(R"({"createdAt":"2026-1x-24T21:18:04.561Z"})") << QDateTime();
        QTest::newRow("1e19 ms") << QByteArray(R"({"createdAt":1e19})") << QDateTime();
        QTest::newRow("a boolean") << QByteArray(R"({"createdAt":true})") << QDateTime();
    }

    void messageTimestamps()
    {
        QFETCH(QByteArray, json);
        QFETCH(QDateTime, expected);
        const QDateTime createdAt =
            Message::fromJson(QJsonDocument::fromJson(json).object()).createdAt();
        QCOMPARE(createdAt.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(createdAt, expected);
            QCOMPARE(createdAt.offsetFromUtc(), 0);
        }
    }

    void unknownEnumValuesAreKept()
    {
        const Message m = Message::fromJson(parse(R"({"id":"msg_2","sender":"bot"})"));
        QCOMPARE(m.sender(), Message::Sender::Unknown);
        QCOMPARE(m.senderRole(), QStringLiteral("bot"));
        const Ticket t =
            Ticket::fromJson(parse(R"({"id":"tkt_2","status":"escalated","priority":"p0"})"));
        QCOMPARE(t.status(), Ticket::Status::Unknown);
        QCOMPARE(t.statusName(), QStringLiteral("escalated"));
        QCOMPARE(t.priority(), Ticket::Priority::Unknown);
        QCOMPARE(t.priorityName(), QStringLiteral("p0"));
        // Shown verbatim to people; known ones by their display name.
        QCOMPARE(Ticket::statusDisplayName(t.statusName()), QStringLiteral("escalated"));
        QCOMPARE(Ticket::priorityDisplayName(t.priorityName()), QStringLiteral("p0"));
        QCOMPARE(Ticket::statusDisplayName(QStringLiteral("open")), QStringLiteral("Open"));
        QCOMPARE(Ticket::statusDisplayName(QStringLiteral("RESOLVED")), QStringLiteral("Resolved"));
        QCOMPARE(Ticket::priorityDisplayName(QStringLiteral("urgent")), QStringLiteral("Urgent"));
        QCOMPARE(Ticket::statusDisplayName(QString()), QString());
    }

    void ticketFields()
    {
        const Ticket t = Ticket::fromJson(parse(
            R"({"id":"tkt_3","title":"Help","status":"pending","priority":"urgent","customer_id":"cus_1",
                "message_count":3,"last_message":{"id":"msg_9","content":"ok","sender":"customer",
                "createdAt":"2026-11-24T21:18:05.000Z"},"createdAt":"2026-11-24T21:18:04.561Z",
                "updated_at":"2026-11-24T21:18:05.000Z"})"));
        QVERIFY(t.isValid());
        QCOMPARE(t.status(), Ticket::Status::Pending);
        QCOMPARE(t.priority(), Ticket::Priority::Urgent);
        QCOMPARE(t.customerId(), QStringLiteral("cus_1"));
        QCOMPARE(t.messageCount(), 3);
        QCOMPARE(t.lastMessage().id(), QStringLiteral("msg_9"));
        QCOMPARE(t.lastMessage().ticketId(), QStringLiteral("tkt_3"));
        QCOMPARE(Ticket::fromJson(t.toJson()).lastMessage().content(), QStringLiteral("ok"));

        Ticket updated = t;
        Message m = Message::fromJson(parse(
            R"({"id":"msg_10","ticketId":"tkt_3","content":"new","sender":"agent","createdAt":"2026-11-24T22:00:00.000Z"})"));
        updated.applyMessage(m);
        QCOMPARE(updated.messageCount(), 4);
        QCOMPARE(updated.lastMessage().id(), QStringLiteral("msg_10"));
        QCOMPARE(updated.updatedAt(), m.createdAt());
        updated.applyMessage(m); // the same message twice counts once
        QCOMPARE(updated.messageCount(), 4);
        QCOMPARE(t.messageCount(), 3); // implicit sharing detached
    }

    void typingAndCustomer()
    {
        const TypingEvent e = TypingEvent::fromJson(parse(
            R"({"ticket_id":"tkt_1","sender":"agent","sender_name":"Ana","is_typing":true,"expires_in_ms":6000})"));
        QCOMPARE(e.ticketId, QStringLiteral("tkt_1"));
        QVERIFY(e.isTyping);
        QCOMPARE(e.expiresInMs, 6000);
        const Customer c =
            Customer::fromJson(parse(R"({"id":"cus_1","external_id":"42","email":"j@a.com"})"));
        QCOMPARE(c.externalId, QStringLiteral("42"));
        QCOMPARE(c.displayName(), QStringLiteral("j@a.com"));
    }

    void errorTable_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<ChatError::Kind>("kind");
        QTest::addColumn<bool>("transient");
        using K = ChatError::Kind;
        QTest::newRow("400") << 400 << "parameter_missing" << K::Validation << false;
        QTest::newRow("413") << 413 << "body_too_large" << K::Validation << false;
        QTest::newRow("422") << 422 << "parameter_invalid" << K::Validation << false;
        QTest::newRow("413 file") << 413 << "file_too_large" << K::Validation << false;
        QTest::newRow("415") << 415 << "unsupported_media_type" << K::Validation << false;
        QTest::newRow("422 mismatch") << 422 << "content_mismatch" << K::Validation << false;
        QTest::newRow("422 image") << 422 << "image_too_large" << K::Validation << false;
        QTest::newRow("431") << 431 << "header_too_large" << K::Validation << false;
        QTest::newRow("401") << 401 << "session_expired" << K::Authentication << false;
        QTest::newRow("403 identify") << 403 << "identify_required" << K::AuthRequired << false;
        QTest::newRow("403 pk") << 403 << "publishable_key_write" << K::Permission << false;
        QTest::newRow("404") << 404 << "resource_missing" << K::NotFound << false;
        QTest::newRow("409") << 409 << "idempotency_conflict" << K::Conflict << false;
        QTest::newRow("429") << 429 << "rate_limit_exceeded" << K::RateLimit << true;
        QTest::newRow("500") << 500 << "internal_error" << K::Server << true;
        QTest::newRow("503") << 503 << "internal_error" << K::Server << true;
    }
    void errorTable()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(ChatError::Kind, kind);
        QFETCH(bool, transient);
        const QJsonObject body {
            {QStringLiteral("success"), false},
            {QStringLiteral("error"),
             QJsonObject {{QStringLiteral("type"), QStringLiteral("x")},
                          {QStringLiteral("code"), code},
                          {QStringLiteral("message"), QStringLiteral("m")},
                          {QStringLiteral("param"), QStringLiteral("title")},
                          {QStringLiteral("hint"), QStringLiteral("Call identify() first")},
                          {QStringLiteral("request_id"), QStringLiteral("req_1")},
                          {QStringLiteral("retryAfter"), 7}}}};
        const ChatError e = ChatError::fromHttp(status, body, QStringLiteral("req_header"), -1);
        QCOMPARE(e.kind(), kind);
        QCOMPARE(e.code(), code);
        QCOMPARE(e.param(), QStringLiteral("title"));
        QCOMPARE(e.hint(), QStringLiteral("Call identify() first"));
        QCOMPARE(e.requestId(), QStringLiteral("req_1"));
        QCOMPARE(e.httpStatus(), status);
        QCOMPARE(e.isTransient(), transient);
        QCOMPARE(e.retryAfter(), status == 429 ? 7 : -1);
        QVERIFY(e.toString().contains(code));
    }

    /// §11's refusals are typed; other codes and kinds are no file refusal.
    void fileRefusals()
    {
        using R = ChatError::FileRefusal;
        auto refusal = [](int status, const char *code) {
            const QJsonObject body {{QStringLiteral("error"),
                                     QJsonObject {{QStringLiteral("code"), QLatin1String(code)}}}};
            return ChatError::fromHttp(status, body, QString(), -1).fileRefusal();
        };
        QCOMPARE(refusal(413, "file_too_large"), R::FileTooLarge);
        QCOMPARE(refusal(415, "unsupported_media_type"), R::UnsupportedMediaType);
        QCOMPARE(refusal(422, "content_mismatch"), R::ContentMismatch);
        QCOMPARE(refusal(422, "image_too_large"), R::ImageTooLarge);
        QCOMPARE(refusal(413, "body_too_large"), R::None);
        QCOMPARE(refusal(500, "file_too_large"), R::None);
        QCOMPARE(ChatError().fileRefusal(), R::None);
    }

    /// Attachments (§11): one decoder, in messages and on their own.
    void attachments()
    {
        const QJsonObject json = parse(
            R"({"id":"msg_1","content":"","attachments":[)"
            R"({"id":"att_1","name":"shot.png","contentType":"image/png","size":1234,)"
            R"("sha256":"ab12","width":640,"height":480},)"
            R"({"id":"att_2","name":"log.txt","content_type":"text/plain","size":5,"sha256":"cd"},)"
            R"({"name":"no id"},)"
            R"({"id":"att_3","size":-5,"width":1e300,"height":"7"}]})");
        const Message m = Message::fromJson(json);
        const QList<Attachment> list = m.attachments();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].id, QStringLiteral("att_1"));
        QCOMPARE(list[0].name, QStringLiteral("shot.png"));
        QCOMPARE(list[0].size, 1234);
        QVERIFY(list[0].isImage());
        QCOMPARE(list[0].width, 640);
        QCOMPARE(list[0].height, 480);
        QCOMPARE(list[1].contentType, QStringLiteral("text/plain"));
        QVERIFY(!list[1].isImage());
        QCOMPARE(list[1].width, 0);
        QCOMPARE(list[2].size, 0); // hostile numbers read as nothing
        QCOMPARE(list[2].width, 0);
        QCOMPARE(list[2].height, 0);
        QCOMPARE(Message::fromJson(m.toJson()), m);
        QVERIFY(Message::fromJson(parse(R"({"id":"m"})")).attachments().isEmpty());

        const Attachment upload = Attachment::fromJson(
            parse(R"({"id":"upl_1","name":"a.pdf","contentType":"application/pdf","size":9,)"
                  R"("sha256":"ee","expiresAt":"2026-11-25T21:18:04.561Z"})"));
        QVERIFY(upload.isValid());
        QVERIFY(upload.expiresAt.isValid());
        QCOMPARE(Attachment::fromJson(upload.toJson()), upload);
    }

    /// A file about to be sent: its type from name and bytes, §11's refusals
    /// told before any byte is sent.
    void outgoingAttachment()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                return QString();
            return f.fileName();
        };
        const QString png = write(QStringLiteral("shot.bin"),
                                  QByteArray::fromHex("89504e470d0a1a0a0000000d49484452"));
        const OutgoingAttachment image = OutgoingAttachment::fromFile(png);
        QCOMPARE(image.name, QStringLiteral("shot.bin"));
        QCOMPARE(image.contentType, QStringLiteral("image/png")); // from the bytes
        QCOMPARE(image.size, 16);
        QVERIFY(image.isImage());
        QVERIFY(!image.check().isError());
        const QVariantMap map = image.toVariantMap();
        QCOMPARE(map.value(QStringLiteral("filePath")).toString(), png);
        QCOMPARE(map.value(QStringLiteral("size")).toLongLong(), 16);
        QCOMPARE(map.value(QStringLiteral("isImage")).toBool(), true);

        const OutgoingAttachment log = OutgoingAttachment::fromFile(
            write(QStringLiteral("app.log"), "line\n"), QStringLiteral("named.txt"));
        QCOMPARE(log.name, QStringLiteral("named.txt"));
        QCOMPARE(log.contentType, QStringLiteral("text/plain"));
        QVERIFY(!log.isImage());

        const ChatError exe =
            OutgoingAttachment::fromFile(write(QStringLiteral("a.exe"), "MZ\x90\x00")).check();
        QCOMPARE(exe.code(), QStringLiteral("unsupported_media_type"));
        QCOMPARE(exe.fileRefusal(), ChatError::FileRefusal::UnsupportedMediaType);

        QFile big(dir.filePath(QStringLiteral("big.txt")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(10 * 1024 * 1024 + 1)); // sparse: nothing written
        big.close();
        const ChatError tooLarge = OutgoingAttachment::fromFile(big.fileName()).check();
        QCOMPARE(tooLarge.fileRefusal(), ChatError::FileRefusal::FileTooLarge);

        const OutgoingAttachment missing =
            OutgoingAttachment::fromFile(dir.filePath(QStringLiteral("gone.png")));
        QCOMPARE(missing.check().code(), QStringLiteral("file_unreadable"));
        QCOMPARE(OutgoingAttachment().check().code(), QStringLiteral("file_unreadable"));
        QVERIFY(!OutgoingAttachment().isValid());
    }

    /// A ticket's lastMessage carries only attachmentCount (§11).
    void lastMessageAttachmentCount()
    {
        const Ticket t = Ticket::fromJson(
            parse(R"({"id":"tkt_1","lastMessage":{"id":"m","content":"","attachmentCount":2}})"));
        QCOMPARE(t.lastMessageAttachmentCount(), 2);
        QCOMPARE(Ticket::fromJson(t.toJson()), t);
        QCOMPARE(Ticket::fromJson(parse(R"({"id":"t","lastMessage":{"id":"m",)"
                                        R"("attachmentCount":1e300}})"))
                     .lastMessageAttachmentCount(),
                 0);
        Ticket applied = t;
        Message m = Message::fromJson(
            parse(R"({"id":"m2","attachments":[{"id":"att_1"},{"id":"att_2"},{"id":"att_3"}]})"));
        applied.applyMessage(m);
        QCOMPARE(applied.lastMessageAttachmentCount(), 3);
        applied.applyMessage(Message::fromJson(parse(R"({"id":"m3","content":"text"})")));
        QCOMPARE(applied.lastMessageAttachmentCount(), 0);
    }

    void retryAfterHeaderWins()
    {
        const ChatError e = ChatError::fromHttp(429, QJsonObject(), QStringLiteral("req_h"), 3);
        QCOMPARE(e.retryAfter(), 3);
        QCOMPARE(e.requestId(), QStringLiteral("req_h"));
        QCOMPARE(e.code(), QStringLiteral("http_429"));
    }
};

QTEST_GUILESS_MAIN(TestTypes)
#include "tst_types.moc"
