// SPDX-License-Identifier: MIT
// Replays every seed-corpus file and every input a fuzzer ever crashed on
// (fuzz/regressions/<target>/) through the fuzz targets' own code, so each
// finding stays fixed in the normal and the sanitizer suites without clang
// or libFuzzer (docs/reliability.md "Fuzzing").
#include "devserverharness.h"
#include "fuzztarget.h"

#include <QDir>
#include <QFile>
#include <QTest>

int cstarFuzz_eventstreamparser(const uint8_t *data, size_t size);
int cstarFuzz_types(const uint8_t *data, size_t size);
int cstarFuzz_devserver_request(const uint8_t *data, size_t size);
int cstarFuzz_identify(const uint8_t *data, size_t size);
int cstarFuzz_upload(const uint8_t *data, size_t size);
int cstarFuzzInit_devserver_request();
int cstarFuzzInit_identify();
int cstarFuzzInit_upload();

using Target = int (*)(const uint8_t *, size_t);
Q_DECLARE_METATYPE(Target)

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

    static QList<std::pair<QString, Target>> targets()
    {
        return {{QStringLiteral("eventstreamparser"), &cstarFuzz_eventstreamparser},
                {QStringLiteral("types"), &cstarFuzz_types},
                {QStringLiteral("devserver_request"), &cstarFuzz_devserver_request},
                {QStringLiteral("identify"), &cstarFuzz_identify},
                {QStringLiteral("upload"), &cstarFuzz_upload}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        cstarFuzzInit_devserver_request();
        cstarFuzzInit_identify();
        cstarFuzzInit_upload();
    }
    void cleanupTestCase() { CStar::Fuzz::DevServerHarness::instance().stop(); }

    void replay_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Target>("target");
        const QDir root(QStringLiteral(CSTAR_FUZZ_DIR));
        int corpusFiles = 0;
        for (const auto &[name, target] : targets()) {
            int perTarget = 0;
            for (const QString &kind : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
                const QDir dir(root.filePath(kind + QLatin1Char('/') + name));
                const QStringList files = dir.entryList(QDir::Files, QDir::Name);
                for (const QString &f : files) {
                    const QString path = dir.filePath(f);
                    QTest::newRow(qPrintable(kind + QLatin1Char('/') + name + QLatin1Char('/') + f))
                        << path << target;
                    ++perTarget;
                }
            }
            corpusFiles += perTarget;
            if (perTarget == 0)
                qWarning("no corpus for fuzz target %s", qPrintable(name));
        }
        if (corpusFiles == 0)
            QTest::newRow("no corpus") << QString() << Target(nullptr);
    }

    void replay()
    {
        QFETCH(QString, file);
        QFETCH(Target, target);
        QVERIFY2(target, "no corpus files found under " CSTAR_FUZZ_DIR);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray bytes = f.readAll();
        try {
            target(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        } catch (const CStar::Fuzz::Failure &failure) {
            QFAIL(failure.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
