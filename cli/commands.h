// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "commandline.h"
#include "output.h"
#include "sessionfile.h"

#include <QObject>

#include <vector>

namespace CStar::Cli {

class SignalWatcher;

/// Runs one parsed command against a ChatClient and reports its exit code.
/// The session comes from and goes back to the session file.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    explicit CommandRunner(const Invocation &invocation, QObject *parent = nullptr);
    ~CommandRunner() override;

    /// Starts the command; finished() follows once, from the event loop.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void identify();
    void logout();
    void createTicket();
    void listTickets();
    void getTicket();
    void listMessages();
    void sendMessage();
    /// Uploads invocation.files from `index` on, then sends with their ids.
    void uploadThenSend(int index, QStringList uploadIds);
    void getAttachment();
    void listen();
    void rawEvents();

    /// Common set-up of listen and events: signals, notices, cursor saving.
    void startStreaming();
    void shutdown(int exitCode);
    template<typename T, typename OnSuccess>
    void await(Job<T> *job, OnSuccess onSuccess);
    void reportRetries(ChatJob *job);
    void fail(const ChatError &error);
    void finish(int exitCode);
    void saveSession();
    void saveCursor();

    Invocation m_invocation;
    Output m_out;
    SessionFile m_sessionFile;
    ChatClient *m_client;
    SignalWatcher *m_signalWatcher = nullptr;
    std::vector<Subscription> m_subscriptions;
    QString m_savedCursor;
    bool m_hadStoredSession = false;
    bool m_stopping = false;
    bool m_done = false;
};

} // namespace CStar::Cli
