// SPDX-License-Identifier: MIT
#include "logging_p.h"

Q_LOGGING_CATEGORY(lcTransport, "cstar.chat.transport", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClient, "cstar.chat.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModels, "cstar.chat.models", QtWarningMsg)
