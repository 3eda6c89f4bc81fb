// SPDX-License-Identifier: MIT
#include "translation.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#ifndef CSTARCHAT_TRANSLATIONS_DIR
#define CSTARCHAT_TRANSLATIONS_DIR ""
#endif
#ifndef CSTARCHAT_TRANSLATIONS_RELDIR
#define CSTARCHAT_TRANSLATIONS_RELDIR "share/cstarchat/translations"
#endif

namespace CStar {

namespace {

Q_LOGGING_CATEGORY(lcTranslation, "cstar.chat.translation", QtWarningMsg)

/// The one SDK translator (install() runs on the main thread only).
struct State
{
    QPointer<QTranslator> translator;
    QString language = QStringLiteral("en"); ///< shown when no catalog is installed
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
    if (s.translator && s.language == wanted)
        return true; // already there: no needless LanguageChange
    if (!QCoreApplication::instance()) {
        qCWarning(lcTranslation) << "Translation::install() needs a QCoreApplication";
        return false;
    }

    // English is the source language; its catalog only has plural forms
    // ("1 minute ago"), so without it English still shows.
    const bool english = wanted == QLatin1String("en");
    auto *translator = new QTranslator(QCoreApplication::instance());
    const QString fileName = QStringLiteral("cstarchat_") + wanted;
    bool loaded = false;
    const QStringList dirs = catalogDirectories();
    for (const QString &dir : dirs) {
        if (translator->load(fileName, dir)) {
            loaded = true;
            break;
        }
    }
    remove();
    if (!loaded || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        if (!english)
            qCWarning(lcTranslation) << "the catalog" << fileName << "was not found in" << dirs;
        return english;
    }
    s.translator = translator;
    s.language = wanted;
    return true;
}

void Translation::remove()
{
    State &s = state();
    s.language = QStringLiteral("en");
    if (!s.translator)
        return;
    QTranslator *translator = s.translator;
    s.translator.clear();
    QCoreApplication::removeTranslator(translator);
    delete translator;
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
