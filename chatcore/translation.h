// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QLocale>
#include <QString>
#include <QStringList>

namespace CStar {

/// The SDK's own translations: one catalog per library and language
/// (`cstarchat_core_<lang>`, `cstarchat_widgets_<lang>`,
/// `cstarchat_qml_<lang>`, the demo's `cstarchat_demo_<lang>`), each text in
/// the catalog of the library that shows it. Each library embeds its
/// catalogs (resource prefix `:/i18n`) and registers them with
/// addCatalog() when it is loaded, so install() loads exactly the catalogs
/// of the libraries in use; they are also installed as `.qm` files into
/// installDirectory(). An application loads them next to its own:
///
///     QTranslator appTranslator; // your catalogs
///     …
///     CStar::Translation::install(QLocale()); // ours, for the same locale
///
/// install() keeps exactly one SDK translator per catalog on
/// QCoreApplication; the application's translators are never touched. Call
/// it from the main thread, after QCoreApplication exists. Switching at
/// runtime: set QLocale::setDefault() and the layout direction first, then
/// install(); Qt sends QEvent::LanguageChange (widgets retranslate) and QML
/// users call QQmlEngine::retranslate().
class CSTARCHAT_CORE_EXPORT Translation
{
public:
    /// The languages the SDK speaks, as ISO 639 codes: "en" (the source
    /// language, built in) first, then "de", "fr", "es", "ja", "ar".
    static QStringList availableLanguages();

    /// Installs the SDK catalogs (every one in catalogs()) that fit `locale`
    /// (its uiLanguages() in order, so "de-AT" gets German) on
    /// QCoreApplication, removing the ones installed before. A catalog comes
    /// from the embedded resources, else from installDirectory(). English
    /// has catalogs too, for their plural forms ("1 minute ago"). Returns
    /// false when the SDK does not speak the locale's language (then no SDK
    /// catalog is installed and the UI shows the English source texts) or a
    /// catalog could not be loaded.
    static bool install(const QLocale &locale = QLocale());

    /// Removes the SDK translators installed by install(), if any.
    static void remove();

    /// Adds a library's catalogs by their base name (`"cstarchat_widgets"`
    /// for `cstarchat_widgets_<lang>.qm`) to those install() loads, and
    /// loads it at once when a language is installed. The SDK's libraries
    /// call this themselves when they are loaded (Core's own,
    /// `"cstarchat_core"`, is always there); adding one twice does nothing.
    static void addCatalog(const QString &baseName);

    /// The base names of the catalogs install() loads, Core's first.
    static QStringList catalogs();

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
