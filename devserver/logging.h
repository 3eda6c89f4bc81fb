// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace CStar::DevServer {

/// `cstar.devserver`: silent by default (only critical messages), enable with
/// QT_LOGGING_RULES="cstar.devserver.debug=true". Never log a token, a key or
/// the chat secret (CONTRIBUTING.md).
Q_DECLARE_LOGGING_CATEGORY(lcDevServer)

/// QtHttpServer 6.4 logs every request with its headers — the Authorization
/// header included — in `qt.httpserver*` at debug level. This keeps those
/// categories below warning whatever QT_LOGGING_RULES says (a category
/// filter, chained to any installed before). Called by Server; idempotent.
void installCredentialSafeLogging();

} // namespace CStar::DevServer
