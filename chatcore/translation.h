// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QLocale>
#include <QString>
#include <QStringList>

namespace CStar {

/// The SDK's own translations: one catalog per language covering the Core
/// (TimeFormat), the widget ChatPanel, the QML components and the demo.
/// The catalogs are compiled into the Core library (resource prefix
/// `:/i18n`) and also installed as `cstarchat_<lang>.qm` into
/// installDirectory(), so an application can load them next to its own:
///
///     QTranslator appTranslator; // your catalogs
///     …
///     CStar::Translation::install(QLocale()); // ours, for the same locale
///
/// install() keeps exactly one SDK translator on QCoreApplication; the
/// application's translators are never touched. Call it from the main
/// thread, after QCoreApplication exists. Switching at runtime: set
/// QLocale::setDefault() and the layout direction first, then install(); Qt
/// sends QEvent::LanguageChange (widgets retranslate) and QML users call
/// QQmlEngine::retranslate().
class CSTARCHAT_CORE_EXPORT Translation
{
public:
    /// The languages the SDK speaks, as ISO 639 codes: "en" (the source
    /// language, built in) first, then "de", "fr", "es", "ja", "ar".
    static QStringList availableLanguages();

    /// Installs the SDK catalog that fits `locale` (its uiLanguages() in
    /// order, so "de-AT" gets German) on QCoreApplication, removing the one
    /// installed before. The catalog comes from the embedded resource, else
    /// from installDirectory(). English has a catalog too, for its plural
    /// forms ("1 minute ago"). Returns false when the SDK does not speak the
    /// locale's language (then no SDK catalog is installed and the UI shows
    /// the English source texts) or its catalog could not be loaded.
    static bool install(const QLocale &locale = QLocale());

    /// Removes the SDK translator installed by install(), if any.
    static void remove();

    /// The language install() chose last ("en" when no catalog is installed).
    static QString currentLanguage();

    /// Where `cmake --install` puts the catalogs:
    /// `<prefix>/<datadir>/cstarchat/translations` (e.g.
    /// /usr/local/share/cstarchat/translations).
    static QString installDirectory();

    /// A language's name in that language ("Deutsch", "日本語", "العربية"),
    /// for language menus; empty for codes not in availableLanguages().
    static QString nativeLanguageName(const QString &language);
};

} // namespace CStar
