// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace CStar {
/// cstar.chat.qml: the QML module (unhandled job failures, callback errors).
Q_DECLARE_LOGGING_CATEGORY(lcQml)
} // namespace CStar
