// SPDX-License-Identifier: MIT
#include "qmllogging.h"

namespace CStar {
// Warnings on by default: an unhandled failure must be visible (CONTRIBUTING.md).
Q_LOGGING_CATEGORY(lcQml, "cstar.chat.qml", QtWarningMsg)
} // namespace CStar
