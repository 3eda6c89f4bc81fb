// SPDX-License-Identifier: MIT
#include "commands.h"

#include "signalwatcher.h"

#include <QFile>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace CStar::Cli {

CommandRunner::CommandRunner(const Invocation &invocation, QObject *parent)
    : QObject(parent)
    , m_invocation(invocation)
    , m_out(invocation.pretty)
    , m_sessionFile(invocation.sessionPath, invocation.server, invocation.team)
    , m_client(new ChatClient(invocation.team, this))
{
    m_client->setBaseUrl(invocation.server);
    m_client->setTransportOptions(invocation.transport);
    m_client->setRealtime(invocation.realtime);
    if (invocation.pollIntervalMs > 0)
        m_client->setPollingInterval(invocation.pollIntervalMs);
}

CommandRunner::~CommandRunner() = default;

void CommandRunner::start()
{
    SessionFile::State state;
    QString error;
    bool foreign = false;
    if (!m_sessionFile.load(&state, &error, &foreign)) {
        m_out.notice(u"error: "_s + error);
        return finish(ExitFailure);
    }
    if (foreign)
        m_out.notice(u"the session file %1 belongs to another server or team; starting a new "
                     "session"_s.arg(m_sessionFile.path()));
    if (!state.token.isEmpty()) {
        m_client->restoreSession(state.token, state.kind, state.customer);
        m_hadStoredSession = true;
    }
    if (!state.lastEventId.isEmpty())
        m_client->setLastEventId(state.lastEventId);
    m_savedCursor = state.lastEventId;
    // Connected after the restore: only real changes are written back.
    connect(m_client, &ChatClient::sessionChanged, this, &CommandRunner::saveSession);

    const QString &c = m_invocation.command;
    if (c == QLatin1String("identify"))
        identify();
    else if (c == QLatin1String("logout"))
        logout();
    else if (c == QLatin1String("tickets create"))
        createTicket();
    else if (c == QLatin1String("tickets list"))
        listTickets();
    else if (c == QLatin1String("tickets get"))
        getTicket();
    else if (c == QLatin1String("messages list"))
        listMessages();
    else if (c == QLatin1String("messages send"))
        sendMessage();
    else if (c == QLatin1String("attachments get"))
        getAttachment();
    else if (c == QLatin1String("listen"))
        listen();
    else if (c == QLatin1String("events"))
        rawEvents();
    else
        finish(ExitUsage);
}

// ---- one-shot commands --------------------------------------------------------

void CommandRunner::identify()
{
    // The signature covers exact bytes (protocol §4): pass them through untouched.
    const QString source = m_invocation.arguments.at(0);
    QByteArray customerJson;
    if (source == QLatin1String("-") || source.startsWith(QLatin1Char('@'))) {
        QFile file;
        bool opened = false;
        if (source == QLatin1String("-")) {
            opened = file.open(stdin, QIODevice::ReadOnly);
        } else {
            file.setFileName(source.mid(1));
            opened = file.open(QIODevice::ReadOnly);
        }
        if (!opened) {
            m_out.notice(u"error: cannot read %1: %2"_s.arg(source, file.errorString()));
            return finish(ExitUsage);
        }
        customerJson = file.readAll();
    } else {
        customerJson = source.toUtf8();
    }
    Job<Customer> *job = m_client->identify(customerJson, m_invocation.arguments.at(1));
    reportRetries(job);
    const QString token = m_client->sessionToken();
    const ChatClient::SessionKind kind = m_client->sessionKind();
    const Customer customer = m_client->customer();
    job->then(
        this,
        [this](const Customer &identified) {
            m_out.result(identified.toJson());
            finish(ExitOk);
        },
        [this, token, kind, customer](const ChatError &error) {
            // A rejected signature says nothing about the session it was sent
            // with, but the library drops that session on any 401: keep it, so
            // a typo does not cost the customer their anonymous tickets.
            if (!token.isEmpty() && m_client->sessionToken().isEmpty()
                && (error.code() == QLatin1String("invalid_signature")
                    || error.code() == QLatin1String("signature_expired")))
                m_client->restoreSession(token, kind, customer);
            fail(error);
        });
}

void CommandRunner::logout()
{
    VoidJob *job = m_client->logout();
    reportRetries(job);
    job->then(
        this,
        [this] {
            m_out.result({{u"loggedOut"_s, true}});
            finish(ExitOk);
        },
        [this](const ChatError &error) { fail(error); });
}

void CommandRunner::createTicket()
{
    NewTicket ticket;
    ticket.title = m_invocation.arguments.at(0);
    ticket.message = m_invocation.option(u"message"_s);
    ticket.priority = m_invocation.option(u"priority"_s);
    await(m_client->tickets().create(ticket), [this](const Ticket &created) {
        m_out.result(created.toJson());
        finish(ExitOk);
    });
}

void CommandRunner::listTickets()
{
    TicketListOptions options;
    options.status = m_invocation.option(u"status"_s);
    if (m_invocation.hasOption(u"limit"_s))
        options.limit = m_invocation.option(u"limit"_s).toInt();
    options.cursor = m_invocation.option(u"cursor"_s);
    await(m_client->tickets().list(options), [this](const TicketPage &page) {
        m_out.result(Output::pageJson(page));
        finish(ExitOk);
    });
}

void CommandRunner::getTicket()
{
    await(m_client->tickets().get(m_invocation.arguments.at(0)), [this](const Ticket &ticket) {
        m_out.result(ticket.toJson());
        finish(ExitOk);
    });
}

void CommandRunner::listMessages()
{
    MessageListOptions options;
    if (m_invocation.hasOption(u"limit"_s))
        options.limit = m_invocation.option(u"limit"_s).toInt();
    options.before = m_invocation.option(u"before"_s);
    options.after = m_invocation.option(u"after"_s);
    await(m_client->messages().list(m_invocation.arguments.at(0), options),
          [this](const MessagePage &page) {
              m_out.result(Output::pageJson(page));
              finish(ExitOk);
          });
}

void CommandRunner::sendMessage()
{
    uploadThenSend(0, {});
}

void CommandRunner::uploadThenSend(int index, QStringList uploadIds)
{
    // §11: the files first, one after the other; the message names them. A
    // refused file stops here: nothing is sent without all of them.
    if (index < m_invocation.files.size()) {
        const QString path = m_invocation.files.at(index);
        UploadJob *job = m_client->uploads().upload(path);
        await(job, [this, index, uploadIds, path](const Attachment &upload) mutable {
            m_out.notice(u"uploaded %1 (%2 bytes)"_s.arg(path).arg(upload.size));
            uploadIds.append(upload.id);
            uploadThenSend(index + 1, std::move(uploadIds));
        });
        return;
    }
    SendOptions options;
    options.attachments = uploadIds;
    await(m_client->messages().send(m_invocation.arguments.at(0), m_invocation.arguments.at(1),
                                    options),
          [this](const Message &message) {
              m_out.result(message.toJson());
              finish(ExitOk);
          });
}

void CommandRunner::getAttachment()
{
    DownloadOptions options;
    options.thumbnail = m_invocation.hasOption(u"thumbnail"_s);
    const QString id = m_invocation.arguments.at(0);
    DownloadJob *job = nullptr;
    if (m_invocation.hasOption(u"output"_s)) {
        job = m_client->attachments().download(id, m_invocation.option(u"output"_s), options);
    } else {
        // The bytes as they arrive, unchanged (binary: no text translation).
        auto *out = new QFile(this);
        if (!out->open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            m_out.notice(u"error: cannot write to stdout: "_s + out->errorString());
            return finish(ExitFailure);
        }
        job = m_client->attachments().download(id, out, options);
    }
    reportRetries(job);
    job->then(
        this,
        [this, job] {
            m_out.notice(u"%1 bytes, %2"_s.arg(job->bytesWritten()).arg(job->contentType()));
            finish(ExitOk);
        },
        [this](const ChatError &error) { fail(error); });
}

// ---- streaming commands -------------------------------------------------------

void CommandRunner::listen()
{
    startStreaming();
    const QString ticketId = m_invocation.option(u"ticket"_s);
    auto subscribe = [this, ticketId] {
        m_subscriptions.push_back(m_client->onMessage(ticketId, [this](const Message &message) {
            m_out.event(u"message"_s, message.toJson());
        }));
        m_subscriptions.push_back(m_client->onTyping(ticketId, [this](const TypingEvent &event) {
            m_out.event(u"typing"_s, event.toJson());
        }));
    };
    // Events are printed inside the dispatch; save the cursor right after it,
    // so a kill between the two repeats an event rather than losing it.
    connect(m_client, &ChatClient::rawEventReceived, this, &CommandRunner::saveCursor,
            Qt::QueuedConnection);
    if (ticketId.isEmpty())
        return subscribe();
    // A mistyped id would listen to nothing forever: check it first (404 → 4).
    await(m_client->tickets().get(ticketId), [subscribe](const Ticket &) { subscribe(); });
}

void CommandRunner::rawEvents()
{
    startStreaming();
    connect(m_client, &ChatClient::rawEventReceived, this,
            [this](const QString &type, const QString &id, const QByteArray &data) {
                // Typing events carry no id: report the cursor they arrived at.
                const QString at = id.isEmpty() ? m_client->lastEventId() : id;
                m_out.rawEvent(type, at, data);
                saveCursor();
            });
    // The transport only runs while somebody is subscribed (protocol §9 / ChatClient).
    m_subscriptions.push_back(m_client->onMessage(QString(), [](const Message &) {}));
}

void CommandRunner::startStreaming()
{
#ifdef SIGHUP
    m_signalWatcher = new SignalWatcher({SIGINT, SIGTERM, SIGHUP}, this);
#else
    m_signalWatcher = new SignalWatcher({SIGINT, SIGTERM}, this);
#endif
    connect(m_signalWatcher, &SignalWatcher::received, this, [this] { shutdown(ExitOk); });
    connect(m_client, &ChatClient::connectionStateChanged, this, [this] {
        const char *name =
            QMetaEnum::fromType<ConnectionState>().valueToKey(int(m_client->connectionState()));
        m_out.notice(u"connection: "_s + QLatin1String(name).toString().toLower());
        saveCursor();
    });
    connect(m_client, &ChatClient::errorOccurred, this,
            [this](const ChatError &error) { m_out.notice(u"warning: "_s + error.toString()); });
    connect(m_client, &ChatClient::resyncRequired, this,
            [this] { m_out.notice(u"resync required: lists may be stale"_s); });
    connect(m_client, &ChatClient::sessionExpired, this, [this](const ChatError &error) {
        // Going on as a fresh anonymous session would silently listen to nothing.
        m_out.error(error);
        m_out.notice(u"the session was rejected; identify again"_s);
        shutdown(ExitAuth);
    });
}

void CommandRunner::shutdown(int exitCode)
{
    if (m_done || m_stopping)
        return;
    m_stopping = true;
    m_subscriptions.clear();
    // Stopping the transport also adopts a fresh stream's initial cursor.
    m_client->disconnectFromServer();
    saveCursor();
    m_stopping = false;
    finish(exitCode);
}

// ---- helpers ------------------------------------------------------------------

template<typename T, typename OnSuccess>
void CommandRunner::await(Job<T> *job, OnSuccess onSuccess)
{
    reportRetries(job);
    job->then(this, std::move(onSuccess), [this](const ChatError &error) { fail(error); });
}

void CommandRunner::reportRetries(ChatJob *job)
{
    connect(job, &ChatJob::retrying, this, [this](int attempt, const ChatError &error) {
        m_out.notice(u"%1; retrying (%2 of %3)"_s.arg(error.toString())
                         .arg(attempt)
                         .arg(m_client->transportOptions().maxRetries));
    });
}

void CommandRunner::fail(const ChatError &error)
{
    if (m_done || m_stopping)
        return;
    m_out.error(error);
    if (error.kind() == ChatError::Kind::AuthRequired)
        m_out.notice(u"hint: run 'cstar-chat identify CUSTOMER_JSON SIGNATURE' first"_s);
    else if (error.kind() == ChatError::Kind::Authentication && m_hadStoredSession
             && m_client->sessionToken().isEmpty())
        m_out.notice(u"the saved session was rejected and forgotten; the next command starts a "
                     "new anonymous session (or identify again)"_s);
    if (!m_subscriptions.empty() || m_signalWatcher)
        return shutdown(Output::exitCodeFor(error));
    finish(Output::exitCodeFor(error));
}

void CommandRunner::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(exitCode);
}

void CommandRunner::saveSession()
{
    QString error;
    if (!m_sessionFile.saveSession(m_client->sessionToken(), m_client->sessionKind(),
                                   m_client->customer(), &error))
        m_out.notice(u"warning: "_s + error);
}

void CommandRunner::saveCursor()
{
    const QString cursor = m_client->lastEventId();
    if (cursor.isEmpty() || cursor == m_savedCursor)
        return;
    QString error;
    if (m_sessionFile.saveLastEventId(cursor, &error))
        m_savedCursor = cursor;
    else
        m_out.notice(u"warning: "_s + error);
}

} // namespace CStar::Cli
