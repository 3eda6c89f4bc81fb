// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace CStar::DevServer {

/// `cstar.devserver`: silent by default (only critical messages), enable with
/// QT_LOGGING_RULES="cstar.devserver.debug=true". Never log a token, a key or
/// the chat secret (CONTRIBUTING.md).
Q_DECLARE_LOGGING_CATEGORY(lcDevServer)

} // namespace CStar::DevServer
