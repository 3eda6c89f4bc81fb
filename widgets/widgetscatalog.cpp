// SPDX-License-Identifier: MIT
// The Widgets library's catalogs (cstarchat_widgets_<lang>.qm, embedded
// under :/i18n by translations/CMakeLists.txt) join those
// CStar::Translation::install() loads as soon as the library is in use.
#include "translation.h"

#include <QCoreApplication>

namespace {

void addWidgetsCatalog()
{
    CStar::Translation::addCatalog(QStringLiteral("cstarchat_widgets"));
}

} // namespace

// Runs when QCoreApplication is constructed, or at once when the library is
// loaded after it.
Q_COREAPP_STARTUP_FUNCTION(addWidgetsCatalog)
