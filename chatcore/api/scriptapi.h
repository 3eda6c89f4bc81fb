// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QVariant>

namespace CStar {

class ChatClient;

/// How a scripting front end gives every ChatClient — made in QML or in
/// C++ — the JS SDK's members (`chat.tickets.create()`, `chat.identify()`,
/// `chat.onMessage()` …) without Core depending on it. The CStar.Chat QML
/// module installs one when it loads; ChatClient's script properties ask it.
/// Not for applications.
class CSTARCHAT_CORE_EXPORT ScriptApi
{
public:
    enum class Member {
        Tickets,
        Messages,
        Identify,
        Logout,
        OnMessage,
        OnTyping,
        OnTicket,
        SendTyping,
        Disconnect,
    };

    virtual ~ScriptApi();
    /// The value of `member` on `client` (a function or an object), or an
    /// invalid QVariant.
    virtual QVariant member(ChatClient *client, Member member) = 0;

    /// Installs the front end (once, for the process; not owned).
    static void install(ScriptApi *api);
    static ScriptApi *installed();
};

} // namespace CStar
