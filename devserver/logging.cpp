// SPDX-License-Identifier: MIT
#include "logging.h"

namespace CStar::DevServer {

Q_LOGGING_CATEGORY(lcDevServer, "cstar.devserver", QtCriticalMsg)

} // namespace CStar::DevServer
