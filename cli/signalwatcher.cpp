// SPDX-License-Identifier: MIT
#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace CStar::Cli {

#ifdef Q_OS_UNIX
namespace {

int pipeFds[2] = {-1, -1};

extern "C" void onSignal(int signalNumber)
{
    // Only async-signal-safe calls here.
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(pipeFds[1], &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent)
    : QObject(parent)
{
    if (pipeFds[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeFds) != 0)
        return;
    // Close-on-exec by fcntl: macOS has no SOCK_CLOEXEC.
    for (int fd : pipeFds)
        ::fcntl(fd, F_SETFD, ::fcntl(fd, F_GETFD) | FD_CLOEXEC);
    // The handler must never block, even if nobody reads for a while.
    ::fcntl(pipeFds[1], F_SETFL, ::fcntl(pipeFds[1], F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
    for (int signalNumber : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        if (::sigaction(signalNumber, &action, nullptr) == 0)
            m_signals.append(signalNumber);
    }
}

SignalWatcher::~SignalWatcher()
{
    for (int signalNumber : std::as_const(m_signals))
        std::signal(signalNumber, SIG_DFL);
    if (m_notifier) {
        delete m_notifier;
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        pipeFds[0] = pipeFds[1] = -1;
    }
}

void SignalWatcher::onReadable()
{
    unsigned char byte = 0;
    if (::read(pipeFds[0], &byte, 1) != 1)
        return;
    // A second signal while we shut down takes the default action (ends us).
    for (int signalNumber : std::as_const(m_signals))
        std::signal(signalNumber, SIG_DFL);
    Q_EMIT received(int(byte));
}

#else
// Elsewhere (Windows) Ctrl+C ends the process with the C runtime's default
// action; the cursor is saved after every event anyway (CommandRunner::listen).
SignalWatcher::SignalWatcher(std::initializer_list<int>, QObject *parent) : QObject(parent) { }
SignalWatcher::~SignalWatcher() = default;
void SignalWatcher::onReadable() { }
#endif

} // namespace CStar::Cli
