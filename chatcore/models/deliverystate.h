// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QMetaType>

namespace CStar {

/// Holds the delivery state of a message the customer wrote (a gadget so QML
/// sees the enum), as libQuotient's pending events do.
class CSTARCHAT_CORE_EXPORT Delivery
{
    Q_GADGET
public:
    enum class State {
        Sent, ///< the server has it (every message that came from the server)
        Sending, ///< local echo: queued in the outbox or on its way
        Failed, ///< the last attempt failed; see the outbox entry's error
    };
    Q_ENUM(State)
};

using DeliveryState = Delivery::State;

} // namespace CStar
