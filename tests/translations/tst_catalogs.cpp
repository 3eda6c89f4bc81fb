// SPDX-License-Identifier: MIT
// The catalogs in translations/ as a release needs them: one per library
// (Core, Widgets, QML, the demo) and language, none missing and no stray
// one; every message finished (no unfinished, obsolete or vanished
// entries), every plural form there (Arabic six, Japanese one, the others
// two), placeholders and ellipses kept; each text translated once (never
// in two contexts of one catalog, never in two of the SDK's libraries); and
// nothing new when lupdate runs over each library's sources again (into a
// temporary copy: the catalogs in the tree are never touched).
#include "i18nconfig.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; ///< the translation's type attribute: "", "unfinished", "vanished", …
    QStringList forms; ///< the translation, or its numerus forms
    QString key() const { return context + QLatin1String(" | ") + source; }
};

struct Catalog
{
    QString language;
    QList<Message> messages;
    QString error;
};

/// A .ts file's messages, in file order.
Catalog readCatalog(const QString &path)
{
    Catalog catalog;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalog.error = file.errorString();
        return catalog;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                catalog.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = Message();
                message.context = context;
                message.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                inMessage = true;
            } else if (name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            catalog.messages << message;
            inMessage = false;
        }
    }
    if (xml.hasError())
        catalog.error = xml.errorString();
    return catalog;
}

/// Plural forms per language, as Qt's numerus rules define them.
int expectedForms(const QString &language)
{
    const QString code = language.section(QLatin1Char('_'), 0, 0);
    if (code == QLatin1String("ar"))
        return 6; // 0, 1, 2, 3–10, 11–99, 100–102…
    if (code == QLatin1String("ja"))
        return 1;
    return 2; // de, fr, es, en: singular and plural
}

/// The forms that must show the number (the others may spell it out:
/// "one minute", Arabic "two minutes" as a dual).
QList<int> formsWithNumber(const QString &language)
{
    const QString code = language.section(QLatin1Char('_'), 0, 0);
    if (code == QLatin1String("ar"))
        return {3, 4, 5};
    if (code == QLatin1String("ja"))
        return {0};
    return {1};
}

QSet<QString> argMarkers(const QString &text)
{
    static const QRegularExpression arg(QStringLiteral("%L?[1-9]"));
    QSet<QString> markers;
    for (auto it = arg.globalMatch(text); it.hasNext();)
        markers.insert(it.next().captured().remove(QLatin1Char('L')));
    return markers;
}

bool hasNumber(const QString &text)
{
    return text.contains(QLatin1String("%n")) || text.contains(QLatin1String("%Ln"));
}

/// A library's catalogs, as translations/CMakeLists.txt declares them.
struct LibraryCatalogs
{
    QString name;
    QString sourcesList;
    QStringList translated;
    QString english; ///< empty when the library has no plural forms
    QStringList all() const
    {
        return english.isEmpty() ? translated : QStringList(translated) << english;
    }
};

QList<LibraryCatalogs> libraries()
{
    QList<LibraryCatalogs> result;
    for (const CStarI18nCatalog &catalog : cstarI18nCatalogs)
        result.append(
            {QString::fromUtf8(catalog.name), QString::fromUtf8(catalog.sourcesList),
             QString::fromUtf8(catalog.tsFiles).split(QLatin1Char('|'), Qt::SkipEmptyParts),
             QString::fromUtf8(catalog.tsEnglish)});
    return result;
}

QStringList tsFiles()
{
    QStringList files;
    for (const LibraryCatalogs &library : libraries())
        files << library.all();
    return files;
}

QSet<QString> sourceTexts(const QString &path)
{
    QSet<QString> texts;
    for (const Message &m : readCatalog(path).messages)
        texts.insert(m.source);
    return texts;
}

bool isEnglish(const QString &path)
{
    return QFileInfo(path).baseName().endsWith(QLatin1String("_en"));
}

} // namespace

class TestCatalogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// Every library has a catalog for every language, each declared one
    /// exists, and translations/ holds no catalog nobody builds.
    void everyCatalogThere()
    {
        QStringList problems;
        QStringList languages;
        for (const char *language : cstarI18nLanguages)
            languages << QString::fromUtf8(language);
        QVERIFY(!languages.isEmpty());
        const QStringList names {QStringLiteral("core"), QStringLiteral("qml"),
                                 QStringLiteral("demo")};
        QStringList declared;
        for (const LibraryCatalogs &library : libraries()) {
            declared << library.name;
            for (const QString &language : languages) {
                const QString want =
                    QStringLiteral("cstarchat_%1_%2.ts").arg(library.name, language);
                const bool listed = std::any_of(
                    library.translated.cbegin(), library.translated.cend(),
                    [&](const QString &path) { return QFileInfo(path).fileName() == want; });
                if (!listed)
                    problems << QLatin1String("not declared: ") + want;
            }
            for (const QString &path : library.all()) {
                if (!QFileInfo::exists(path))
                    problems << QLatin1String("missing: ") + path;
            }
        }
        for (const QString &name : names) {
            if (!declared.contains(name))
                problems << QLatin1String("no catalogs for the library ") + name;
        }
        const QStringList onDisk =
            QDir(QStringLiteral(CSTAR_I18N_DIR)).entryList({QStringLiteral("*.ts")}, QDir::Files);
        const QStringList known = tsFiles();
        for (const QString &file : onDisk) {
            const bool isKnown =
                std::any_of(known.cbegin(), known.cend(), [&](const QString &path) {
                    return QFileInfo(path).fileName() == file;
                });
            if (!isKnown)
                problems << QLatin1String("a catalog nobody builds: ") + file;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void oneContextPerText_data() { finished_data(); }

    /// A text sits in one context of its catalog: the same words in two
    /// classes or components are written once (ChatText, a shared
    /// component) and translated once.
    void oneContextPerText()
    {
        QFETCH(QString, path);
        const Catalog catalog = readCatalog(path);
        QVERIFY2(catalog.error.isEmpty(), qPrintable(catalog.error));
        QHash<QString, QStringList> contexts;
        for (const Message &m : catalog.messages)
            contexts[m.source] << m.context;
        QStringList problems;
        for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
            if (it.value().size() > 1)
                problems << QStringLiteral("\"%1\" in %2")
                                .arg(it.key(), it.value().join(QLatin1String(", ")));
        }
        problems.sort();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    /// Each text in one of the SDK's libraries: what the widgets and QML
    /// both show comes from Core. (The demo, an application, has its own.)
    void oneLibraryPerText()
    {
        QHash<QString, QSet<QString>> texts; // library → source texts (German catalogs)
        for (const LibraryCatalogs &library : libraries()) {
            for (const QString &path : library.translated) {
                if (QFileInfo(path).baseName().endsWith(QLatin1String("_de")))
                    texts.insert(library.name, sourceTexts(path));
            }
        }
        const QSet<QString> core = texts.value(QStringLiteral("core"));
        const QSet<QString> qml = texts.value(QStringLiteral("qml"));
        QVERIFY(!core.isEmpty() && !qml.isEmpty());
        QStringList problems;
        for (const QString &text : core &qml)
            problems << QLatin1String("Core and QML: ") + text;
        // The widget panel shows Core's texts only (ChatText): a text of its
        // own would be a second copy of what the QML ChatView says.
        static const QRegularExpression call(
            QStringLiteral(R"((?<![\w.>])(tr|QT_TR_NOOP|QT_TRANSLATE_NOOP|qtTrId)\s*\(|::translate\s*\()"));
        QDirIterator files(QStringLiteral(CSTAR_WIDGETS_DIR),
                           {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                           QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++scanned;
            const QString code = QString::fromUtf8(file.readAll());
            const QRegularExpressionMatch match = call.match(code);
            if (match.hasMatch())
                problems << QStringLiteral("Widgets' own text (use ChatText): %1 line %2")
                                .arg(QFileInfo(file).fileName())
                                .arg(code.left(match.capturedStart()).count(QLatin1Char('\n')) + 1);
        }
        QVERIFY(scanned > 5);
        problems.sort();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void finished_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    /// No unfinished, obsolete or vanished entry; no empty translation.
    void finished()
    {
        QFETCH(QString, path);
        const Catalog catalog = readCatalog(path);
        QVERIFY2(catalog.error.isEmpty(), qPrintable(catalog.error));
        QVERIFY(!catalog.messages.isEmpty());
        QStringList problems;
        for (const Message &m : catalog.messages) {
            if (!m.type.isEmpty())
                problems << m.type + QLatin1String(": ") + m.key();
            for (const QString &form : m.forms) {
                if (form.trimmed().isEmpty())
                    problems << QLatin1String("empty: ") + m.key();
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void pluralsAndPlaceholders_data() { finished_data(); }

    /// Every plural form there; %1… kept; the number shown where the
    /// language needs it; "…" kept.
    void pluralsAndPlaceholders()
    {
        QFETCH(QString, path);
        const Catalog catalog = readCatalog(path);
        QVERIFY2(catalog.error.isEmpty(), qPrintable(catalog.error));
        QVERIFY(!catalog.language.isEmpty());
        QStringList problems;
        int numerus = 0;
        for (const Message &m : catalog.messages) {
            if (m.numerus) {
                ++numerus;
                if (m.forms.size() != expectedForms(catalog.language))
                    problems << QStringLiteral("%1 forms, want %2: %3")
                                    .arg(m.forms.size())
                                    .arg(expectedForms(catalog.language))
                                    .arg(m.key());
                for (int i : formsWithNumber(catalog.language)) {
                    if (i < m.forms.size() && !hasNumber(m.forms.at(i)))
                        problems << QStringLiteral("form %1 lacks %n: %2").arg(i).arg(m.key());
                }
            }
            for (const QString &form : m.forms) {
                if (argMarkers(form) != argMarkers(m.source))
                    problems << QLatin1String("placeholders differ: ") + m.key()
                            + QLatin1String(" → ") + form;
                if (m.source.contains(QChar(0x2026)) && !form.contains(QChar(0x2026)))
                    problems << QLatin1String("ellipsis lost: ") + m.key() + QLatin1String(" → ")
                            + form;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // English catalogs carry plural forms only: one without any has no reason to be.
        if (isEnglish(path))
            QVERIFY2(numerus > 0, "no plural messages at all (drop ENGLISH_PLURALS)");
    }

    /// lupdate over the sources, into a copy of each catalog, finds nothing
    /// new and nothing gone.
    void upToDateWithSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList options;
        for (const char *option : cstarI18nLupdateOptions)
            options << QString::fromUtf8(option);

        QStringList originals;
        QStringList copies;
        auto runLupdate = [&](const QString &list, const QStringList &extra,
                              const QStringList &ts) {
            QProcess lupdate;
            lupdate.setProcessChannelMode(QProcess::MergedChannels);
            lupdate.start(QStringLiteral(CSTAR_LUPDATE),
                          QStringList(options)
                              << extra << (QLatin1Char('@') + list) << QStringLiteral("-ts") << ts);
            if (!lupdate.waitForFinished(120000)) {
                lupdate.kill();
                lupdate.waitForFinished();
                return QStringLiteral("lupdate did not finish in 2 minutes (a construct it "
                                      "cannot parse? lupdate 6.4 hangs on \"int(a / b)\" inside "
                                      "a tr() call)");
            }
            return lupdate.exitCode() == 0 ? QString() : QString::fromLocal8Bit(lupdate.readAll());
        };
        auto copyOf = [&](const QString &path) {
            const QString copy = dir.filePath(QFileInfo(path).fileName());
            if (!QFile::copy(path, copy))
                return QString();
            QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            originals << path;
            copies << copy;
            return copy;
        };
        for (const LibraryCatalogs &library : libraries()) {
            QStringList translated;
            for (const QString &path : library.translated) {
                const QString copy = copyOf(path);
                QVERIFY2(!copy.isEmpty(), qPrintable(path));
                translated << copy;
            }
            QString error = runLupdate(library.sourcesList, {}, translated);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            if (!library.english.isEmpty()) {
                const QString copy = copyOf(library.english);
                QVERIFY2(!copy.isEmpty(), qPrintable(library.english));
                error = runLupdate(library.sourcesList, {QStringLiteral("-pluralonly")}, {copy});
                QVERIFY2(error.isEmpty(), qPrintable(error));
            }
        }

        QStringList problems;
        for (int i = 0; i < copies.size(); ++i) {
            const Catalog before = readCatalog(originals.at(i));
            const Catalog after = readCatalog(copies.at(i));
            QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
            QSet<QString> beforeKeys;
            for (const Message &m : before.messages)
                beforeKeys.insert(m.key());
            QSet<QString> afterKeys;
            for (const Message &m : after.messages) {
                afterKeys.insert(m.key());
                if (m.type == QLatin1String("unfinished"))
                    problems << QFileInfo(copies.at(i)).fileName()
                            + QLatin1String(": not translated yet: ") + m.key();
                else if (!m.type.isEmpty())
                    problems << QFileInfo(copies.at(i)).fileName() + QLatin1String(": ") + m.type
                            + QLatin1String(" (gone from the sources): ") + m.key();
            }
            for (const QString &key : beforeKeys - afterKeys)
                problems << QFileInfo(copies.at(i)).fileName()
                        + QLatin1String(": no longer in the sources: ") + key;
            if (before.messages.size() != after.messages.size())
                problems << QStringLiteral("%1: %2 messages, lupdate finds %3")
                                .arg(QFileInfo(copies.at(i)).fileName())
                                .arg(before.messages.size())
                                .arg(after.messages.size());
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QLatin1String("run `cmake --build <build> --target "
                                          "update_translations` and translate:\n")
                            + problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCatalogs)
#include "tst_catalogs.moc"
