// SPDX-License-Identifier: MIT
#pragma once

// Shared by the devserver fuzz targets: one in-process CStar::DevServer::Server
// on an in-memory database with a known cast (an anonymous and an identified
// session, tickets, a message), driven through Server::inject() — the
// pipeline of a socket request without the socket.

#include "fuzztarget.h"
#include "server.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace CStar::Fuzz {

struct DevServerHarness
{
    static constexpr const char *secret = "fuzz_chat_secret";
    static constexpr const char *agentKey = "sk_test_fuzzagent";
    static constexpr const char *publishableKey = "pk_test_fuzzagent";

    std::unique_ptr<DevServer::Server> server;
    bool agentKeyMayBeData = false; ///< see checkResponse()
    QByteArray anonymous; ///< session tokens of the cast
    QByteArray identified;
    QByteArray ticket; ///< the anonymous session's ticket
    QByteArray otherTicket; ///< the identified customer's ticket
    QByteArray message; ///< a message of `ticket`

    /// Never destroyed at exit (the database must close before the
    /// application object goes): the replay test calls stop() instead.
    static DevServerHarness &instance()
    {
        static auto *harness = new DevServerHarness;
        return *harness;
    }

    void stop() { server.reset(); }

    static QByteArray sign(const QByteArray &text)
    {
        return QMessageAuthenticationCode::hash(text, QByteArray(secret),
                                                QCryptographicHash::Sha256)
            .toHex();
    }

    void start()
    {
        if (!QCoreApplication::instance()) {
            static int argc = 1;
            static char name[] = "fuzz";
            static char *argv[] = {name, nullptr};
            new QCoreApplication(argc, argv);
        }
        DevServer::Options options;
        options.databasePath = QStringLiteral(":memory:");
        options.chatSecret = QLatin1String(secret);
        options.agentKey = QLatin1String(agentKey);
        options.publishableKey = QLatin1String(publishableKey);
        options.rateLimit = 1 << 30; // the fuzzer is one caller sending millions
        options.typingLeaseMs = 50;
        server = std::make_unique<DevServer::Server>(options);
        QString error;
        if (!server->start(&error)) {
            std::fprintf(stderr, "devserver did not start: %s\n", qPrintable(error));
            std::abort();
        }
        refreshCast();
    }

    DevServer::InjectedResponse send(const QByteArray &method, const QByteArray &target,
                                     const QByteArray &body = {}, const QByteArray &token = {})
    {
        DevServer::InjectedRequest r;
        r.method = method;
        r.target = target;
        r.body = body;
        if (!token.isEmpty())
            r.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token});
        if (!body.isEmpty())
            r.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return server->inject(r);
    }

    static QJsonObject data(const DevServer::InjectedResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object().value(QLatin1String("data")).toObject();
    }

    /// (Re)creates the cast: a fuzz input may revoke a session.
    void refreshCast()
    {
        anonymous = data(send("POST", "/api/v1/chat/acme/sessions"))
                        .value(QLatin1String("token"))
                        .toString()
                        .toUtf8();
        const QByteArray customer = R"({"id":"fuzz_user","email":"f@example.com","name":"F"})";
        const QJsonObject identify {
            {QLatin1String("customer"), QString::fromUtf8(customer)},
            {QLatin1String("signature"), QString::fromLatin1(sign(customer))}};
        identified = data(send("POST", "/api/v1/chat/acme/identify",
                               QJsonDocument(identify).toJson(QJsonDocument::Compact)))
                         .value(QLatin1String("token"))
                         .toString()
                         .toUtf8();
        const QByteArray ticketBody = R"({"title":"fuzz","message":"first"})";
        ticket = data(send("POST", "/api/v1/chat/acme/tickets", ticketBody, anonymous))
                     .value(QLatin1String("id"))
                     .toString()
                     .toUtf8();
        otherTicket = data(send("POST", "/api/v1/chat/acme/tickets", ticketBody, identified))
                          .value(QLatin1String("id"))
                          .toString()
                          .toUtf8();
        message = data(send("POST", "/api/v1/chat/acme/tickets/" + ticket + "/messages",
                            R"({"content":"hello","clientMessageId":"c1"})", anonymous))
                      .value(QLatin1String("id"))
                      .toString()
                      .toUtf8();
        if (anonymous.isEmpty() || identified.isEmpty() || ticket.isEmpty() || otherTicket.isEmpty()
            || message.isEmpty()) {
            std::fprintf(stderr, "devserver fuzz harness: cannot set up the cast\n");
            std::abort();
        }
    }

    /// Replaces the placeholders a corpus file may use.
    QByteArray expand(QByteArray text) const
    {
        text.replace("$ANON", anonymous);
        text.replace("$IDENT", identified);
        text.replace("$AGENT", agentKey);
        text.replace("$PK", publishableKey);
        text.replace("$OTHERTICKET", otherTicket);
        text.replace("$TICKET", ticket);
        text.replace("$MSG", message);
        return text;
    }

    /// Every answer: a protocol status, X-Request-Id and rate-limit headers,
    /// a JSON envelope (protocol §1, §2) — or a stream preamble — and never a
    /// secret the caller did not send.
    void checkResponse(const DevServer::InjectedResponse &r, const QByteArray &input)
    {
        static const int allowed[] = {200, 201, 204, 206, 304, 400, 401, 403,
                                      404, 405, 409, 413, 415, 416, 422, 429};
        bool known = false;
        for (int s : allowed)
            known = known || r.status == s;
        check(known, "unexpected HTTP status (5xx = an unhandled failure)");
        check(!r.header("X-Request-Id").isEmpty(), "no X-Request-Id");
        check(!r.header("X-RateLimit-Limit").isEmpty(), "no X-RateLimit-Limit");
        check(!r.body.contains(secret), "chat secret in a response");
        // The server keeps state across inputs: once the key went anywhere but
        // the Authorization header (a message, a title), a later answer may
        // rightly replay it as data (found by a 200 s run: a stream replay).
        QByteArrayList lines = expand(input).split('\n');
        lines.removeIf([](const QByteArray &line) {
            return line.trimmed().toLower().startsWith("authorization:");
        });
        agentKeyMayBeData = agentKeyMayBeData || lines.join('\n').contains(agentKey);
        if (!agentKeyMayBeData)
            check(!r.body.contains(agentKey), "agent key in a response");
        if (r.status == 204) {
            check(r.body.isEmpty(), "204 with a body");
            return;
        }
        if (r.status == 304) {
            check(r.body.isEmpty(), "304 with a body");
            return;
        }
        if (!r.header("Content-Disposition").isEmpty() || r.status == 206
            || (r.status == 200 && r.header("Content-Type") == "image/png")) {
            // A file (protocol §11): its bytes, with what §11 says about them.
            check(r.header("X-Content-Type-Options") == "nosniff", "file without nosniff");
            check(r.header("Content-Length").toLongLong() == r.body.size(), "file length");
            return;
        }
        if (r.header("Content-Type").startsWith("text/event-stream")) {
            check(r.status == 200 && r.body.startsWith("retry: "), "bad stream preamble");
            return;
        }
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        check(error.error == QJsonParseError::NoError && doc.isObject(), "body is not JSON");
        const QJsonObject o = doc.object();
        const bool success = r.status < 300;
        check(o.value(QLatin1String("success")).toBool(!success) == success, "success flag");
        check(o.value(QLatin1String("meta")).isObject(), "no meta");
        if (!success) {
            const QJsonObject e = o.value(QLatin1String("error")).toObject();
            check(!e.value(QLatin1String("type")).toString().isEmpty(), "error without type");
            check(!e.value(QLatin1String("code")).toString().isEmpty(), "error without code");
            check(!e.value(QLatin1String("request_id")).toString().isEmpty(),
                  "error without request_id");
            if (r.status == 429)
                check(!r.header("Retry-After").isEmpty(), "429 without Retry-After");
            if (r.status == 405)
                check(!r.header("Allow").isEmpty(), "405 without Allow");
        }
    }

    /// Undoes what a dev-control input changed (failNext, stream switches).
    void resetControls()
    {
        DevServer::InjectedRequest r;
        r.method = "POST";
        r.target = "/api/v1/_dev/control";
        r.headers = {{"Authorization", QByteArray("Bearer ") + agentKey}};
        r.body =
            R"({"failNext":null,"streamDisabled":false,"streamStatus":0,"firstByteDelayMs":0})";
        server->inject(r);
    }
};

} // namespace CStar::Fuzz
