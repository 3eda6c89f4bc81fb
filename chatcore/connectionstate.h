// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QMetaType>

namespace CStar {

/// Holds the realtime connection's state enum (a gadget so QML sees it).
class CSTARCHAT_CORE_EXPORT Connection
{
    Q_GADGET
public:
    enum class State {
        Disconnected, ///< no realtime: nothing subscribed, or disconnectFromServer() was called
        Connecting, ///< opening the event stream
        Streaming, ///< live over server-sent events
        Polling, ///< polling every pollingInterval (realtime off, or the stream is unusable)
        Reconnecting, ///< the connection was lost; retrying with backoff
    };
    Q_ENUM(State)
};

using ConnectionState = Connection::State;

} // namespace CStar
