// SPDX-License-Identifier: MIT
// The catalogs in translations/ as a release needs them: every message
// finished (no unfinished, obsolete or vanished entries), every plural form
// there (Arabic six, Japanese one, the others two), placeholders and
// ellipses kept, and nothing new when lupdate runs over the sources again
// (into a temporary copy: the catalogs in the tree are never touched).
#include "i18nconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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

QStringList tsFiles()
{
    QStringList files;
    for (const char *file : cstarI18nTsFiles)
        files << QString::fromUtf8(file);
    return files;
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
        QVERIFY2(numerus > 0, "no plural messages at all");
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
        const QString list = QStringLiteral("@") + QStringLiteral(CSTAR_I18N_SOURCES_LIST);

        QStringList copies;
        QStringList translated;
        QString english;
        for (const QString &path : tsFiles()) {
            const QString copy = dir.filePath(QFileInfo(path).fileName());
            QVERIFY(QFile::copy(path, copy));
            QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            copies << copy;
            if (isEnglish(path))
                english = copy;
            else
                translated << copy;
        }
        auto runLupdate = [&](const QStringList &extra, const QStringList &ts) {
            QProcess lupdate;
            lupdate.setProcessChannelMode(QProcess::MergedChannels);
            lupdate.start(QStringLiteral(CSTAR_LUPDATE),
                          QStringList(options) << extra << list << QStringLiteral("-ts") << ts);
            if (!lupdate.waitForFinished(120000)) {
                lupdate.kill();
                lupdate.waitForFinished();
                return QStringLiteral("lupdate did not finish in 2 minutes (a construct it "
                                      "cannot parse? lupdate 6.4 hangs on \"int(a / b)\" inside "
                                      "a tr() call)");
            }
            return lupdate.exitCode() == 0 ? QString() : QString::fromLocal8Bit(lupdate.readAll());
        };
        QString error = runLupdate({}, translated);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (!english.isEmpty()) {
            error = runLupdate({QStringLiteral("-pluralonly")}, {english});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        QStringList problems;
        for (int i = 0; i < copies.size(); ++i) {
            const Catalog before = readCatalog(tsFiles().at(i));
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
