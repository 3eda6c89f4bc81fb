// SPDX-License-Identifier: MIT
#include "logging.h"

#include <mutex>

namespace CStar::DevServer {

Q_LOGGING_CATEGORY(lcDevServer, "cstar.devserver", QtCriticalMsg)

namespace {

QLoggingCategory::CategoryFilter previousFilter = nullptr;

void credentialSafeFilter(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category); // the rules (QT_LOGGING_RULES, setFilterRules) first
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

} // namespace

void installCredentialSafeLogging()
{
    static std::once_flag once;
    std::call_once(once,
                   [] { previousFilter = QLoggingCategory::installFilter(credentialSafeFilter); });
}

} // namespace CStar::DevServer
