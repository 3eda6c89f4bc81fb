// SPDX-License-Identifier: MIT
#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#include <utility>

#ifndef CSTARCHAT_TRANSLATIONS_DIR
#define CSTARCHAT_TRANSLATIONS_DIR ""
#endif
#ifndef CSTARCHAT_TRANSLATIONS_RELDIR
#define CSTARCHAT_TRANSLATIONS_RELDIR "share/cstarchat/translations"
#endif

namespace CStar {

namespace {

Q_LOGGING_CATEGORY(lcTranslation, "cstar.chat.translation", QtWarningMsg)

/// One SDK translator per catalog (install() runs on the main thread only).
struct State
{
    QStringList catalogs {QStringLiteral("cstarchat_core")};
    QHash<QString, QPointer<QTranslator>> translators; ///< by catalog base name
    QString language = QStringLiteral("en"); ///< shown when no catalog is installed
    bool installed = false;
};

State &state()
{
    static State s;
    return s;
}

/// "de-AT" → "de"; the C locale speaks the source language.
QString languageCode(const QString &uiLanguage)
{
    const QString code =
        uiLanguage.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    return code == QLatin1String("c") ? QStringLiteral("en") : code;
}

/// Embedded first (every consumer has it), then the installed copies.
QStringList catalogDirectories()
{
    QStringList dirs {QStringLiteral(":/i18n")};
    const QString installed = Translation::installDirectory();
    if (!installed.isEmpty())
        dirs << installed;
    // A relocated install: <prefix>/bin/app next to <prefix>/share/…
    if (QCoreApplication::instance())
        dirs << QDir(QCoreApplication::applicationDirPath())
                    .absoluteFilePath(QStringLiteral("../")
                                      + QLatin1String(CSTARCHAT_TRANSLATIONS_RELDIR));
    return dirs;
}

/// Loads `baseName`_`language` from the first directory that has it and
/// installs it; nullptr when there is none.
QTranslator *installCatalog(const QString &baseName, const QString &language)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    const QString fileName = baseName + QLatin1Char('_') + language;
    const QStringList dirs = catalogDirectories();
    for (const QString &dir : dirs) {
        if (translator->load(fileName, dir) && QCoreApplication::installTranslator(translator))
            return translator;
    }
    delete translator;
    // English catalogs only exist where there are plural forms.
    if (language != QLatin1String("en"))
        qCWarning(lcTranslation) << "the catalog" << fileName << "was not found in" << dirs;
    return nullptr;
}

} // namespace

QStringList Translation::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"),
            QStringLiteral("es"), QStringLiteral("ja"), QStringLiteral("ar")};
}

bool Translation::install(const QLocale &locale)
{
    const QStringList available = availableLanguages();
    QString wanted;
    const QStringList uiLanguages = locale.uiLanguages();
    for (const QString &uiLanguage : uiLanguages) {
        const QString code = languageCode(uiLanguage);
        if (available.contains(code)) {
            wanted = code;
            break;
        }
    }
    if (wanted.isEmpty()) {
        remove();
        qCInfo(lcTranslation) << "no SDK catalog for" << uiLanguages << "- showing English";
        return false;
    }
    State &s = state();
    if (s.installed && s.language == wanted)
        return true; // already there: no needless LanguageChange
    if (!QCoreApplication::instance()) {
        qCWarning(lcTranslation) << "Translation::install() needs a QCoreApplication";
        return false;
    }

    remove();
    // English is the source language; its catalogs only have plural forms
    // ("1 minute ago"), so without them English still shows.
    const bool english = wanted == QLatin1String("en");
    bool complete = true;
    for (const QString &catalog : std::as_const(s.catalogs)) {
        QTranslator *translator = installCatalog(catalog, wanted);
        if (translator)
            s.translators.insert(catalog, translator);
        else
            complete = english && complete;
    }
    if (s.translators.isEmpty() && !english)
        return false;
    s.installed = true;
    s.language = wanted;
    return complete;
}

void Translation::remove()
{
    State &s = state();
    s.language = QStringLiteral("en");
    s.installed = false;
    const auto translators = std::exchange(s.translators, {});
    for (const QPointer<QTranslator> &translator : translators) {
        if (!translator)
            continue;
        QCoreApplication::removeTranslator(translator);
        delete translator.data();
    }
}

void Translation::addCatalog(const QString &baseName)
{
    State &s = state();
    if (baseName.isEmpty() || s.catalogs.contains(baseName))
        return;
    s.catalogs.append(baseName);
    // A library loaded after install() (a QML plugin): its texts follow the
    // language already chosen.
    if (s.installed && QCoreApplication::instance()) {
        if (QTranslator *translator = installCatalog(baseName, s.language))
            s.translators.insert(baseName, translator);
    }
}

QStringList Translation::catalogs()
{
    return state().catalogs;
}

QString Translation::currentLanguage()
{
    return state().language;
}

QString Translation::installDirectory()
{
    return QStringLiteral(CSTARCHAT_TRANSLATIONS_DIR);
}

QString Translation::nativeLanguageName(const QString &language)
{
    // Written out, not QLocale::nativeLanguageName(): menus want "Français",
    // not "français", and "English", not "American English".
    static const QHash<QString, QString> names {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
        {QStringLiteral("es"), QStringLiteral("Español")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
        {QStringLiteral("ar"), QStringLiteral("العربية")},
    };
    return names.value(language.toLower());
}

} // namespace CStar
