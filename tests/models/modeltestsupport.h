// SPDX-License-Identifier: MIT
#pragma once

// Shared set-up of the model tests: a client with millisecond timers, a
// ChatState on a private storage directory (file token store, no keychain),
// helpers to drive the agent side, and a job waiter.

#include "chatclient.h"
#include "chatstate.h"
#include "clientsupport.h"
#include "devserverprocess.h"
#include "messagesmodel.h"
#include "outbox.h"
#include "testhttp.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <memory>

// QTRY_* with more patience than Qt's 5 s: on a loaded CI machine (2 cores
// shared by parallel builds) a round trip can take seconds. Passing runs do
// not wait any longer for it.
#define TRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, 30000)
#define TRY_COMPARE(expr, expected) QTRY_COMPARE_WITH_TIMEOUT(expr, expected, 30000)

namespace CStar::Testing {

/// Server flags that keep reconnects quick and streams visibly alive.
inline QStringList fastServerArgs()
{
    return {QStringLiteral("--retry-ms"), QStringLiteral("50"),
            QStringLiteral("--ping-interval-ms"), QStringLiteral("1000")};
}

inline TransportOptions fastOptions()
{
    TransportOptions o = quickRetries();
    o.requestTimeoutMs = 5000;
    o.maxRetries = 2;
    o.defaultRetryAfterS = 1;
    o.firstByteTimeoutMs = 3000;
    o.silenceTimeoutMs = 10000;
    o.streamRetryIntervalMs = 500;
    o.streamRetryMaxIntervalMs = 2000;
    o.reconnectDelayMs = 50;
    o.reconnectMaxDelayMs = 200;
    o.pollErrorMaxDelayMs = 200;
    return o;
}

/// A messages model of `ticket` (the caller owns it) under a model tester
/// owned by `test`.
inline MessagesModel *testedMessagesModel(ChatClient *client, const QString &ticket, QObject *test)
{
    auto *model = new MessagesModel(client, ticket);
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal,
                                 test);
    return model;
}

/// Waits for a job (they delete themselves after finished()).
inline bool waitForJob(ChatJob *job, ChatError *error = nullptr, int timeoutMs = 30000)
{
    if (!job)
        return false;
    bool done = false;
    bool ok = false;
    ChatError failure;
    QObject::connect(job, &ChatJob::finished, job, [&, job] {
        done = true;
        ok = job->isSuccess();
        failure = job->error();
    });
    QSignalSpy spy(job, &ChatJob::finished);
    if (!done && !spy.wait(timeoutMs))
        return false;
    if (error)
        *error = failure;
    return ok;
}

/// The application side: client + ChatState on `storageDir`.
struct App
{
    App(const DevServerProcess &server, const QString &storageDir)
    {
        client = std::make_unique<ChatClient>(server.team());
        client->setBaseUrl(server.baseUrl());
        client->setTransportOptions(fastOptions());
        state = std::make_unique<ChatState>();
        state->setKeychainEnabled(false);
        state->setStorageDirectory(storageDir);
        state->setClient(client.get());
        outbox()->setRetryDelays(50, 400);
    }

    Outbox *outbox() const { return client->outbox(); }

    bool identify(const DevServerProcess &server, const QString &externalId,
                  const QString &name = QStringLiteral("Ada"))
    {
        const QByteArray text = QJsonDocument(QJsonObject {{QStringLiteral("id"), externalId},
                                                           {QStringLiteral("name"), name}})
                                    .toJson(QJsonDocument::Compact);
        return waitForJob(state->identify(QString::fromUtf8(text),
                                          DevServerProcess::hmacHex(server.chatSecret(), text)));
    }

    // Destroyed in reverse order: the state before the client.
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<ChatState> state;
};

/// The agent's view of a ticket's messages (contents, oldest first).
inline QStringList agentContents(TestHttp &http, const QString &ticketId)
{
    const HttpResult r =
        http.agent("GET", QStringLiteral("/tickets/%1/messages?limit=100").arg(ticketId));
    QStringList contents;
    for (const QJsonValue &v : r.dataArray())
        contents.append(v.toObject().value(QStringLiteral("content")).toString());
    return contents;
}

inline bool agentSays(TestHttp &http, const QString &ticketId, const QString &content,
                      const QString &name = QStringLiteral("Sam"))
{
    return http.agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticketId),
                      {{QStringLiteral("content"), content}, {QStringLiteral("senderName"), name}})
               .status
        == 201;
}

inline bool agentSetsStatus(TestHttp &http, const QString &ticketId, const QString &status)
{
    return http.agent("PATCH", QStringLiteral("/tickets/%1").arg(ticketId),
                      {{QStringLiteral("status"), status}})
               .status
        == 200;
}

/// Creates a ticket through the client (so the session owns it). A failed
/// or lost request fails the calling test (and returns an empty id).
inline QString createTicket(ChatClient *client, const QString &title,
                            const QString &message = QString())
{
    auto *job = client->tickets().create(title, message);
    QString id;
    QObject::connect(job, &ChatJob::finished, job, [&id, job] {
        if (job->isSuccess())
            id = job->result().id();
    });
    ChatError error;
    if (!waitForJob(job, &error) || id.isEmpty()) {
        const QString why =
            error.kind() == ChatError::Kind::None ? QStringLiteral("no answer") : error.toString();
        QTest::qFail(qPrintable(QStringLiteral("createTicket(\"%1\") failed: %2").arg(title, why)),
                     __FILE__, __LINE__);
    }
    return id;
}

} // namespace CStar::Testing
