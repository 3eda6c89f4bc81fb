// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Silent below warnings by default; enable with QT_LOGGING_RULES="cstar.chat.*=true".
// Nothing logged here may contain a session token or a signature.
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
Q_DECLARE_LOGGING_CATEGORY(lcClient)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
