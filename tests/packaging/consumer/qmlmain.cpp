// Loads a QML file (argv[1]) that imports CStar.Chat from QML_IMPORT_PATH;
// fails when it does not load or its `ok` property is not true.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QTextStream>
#include <QUrl>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    if (argc < 2)
        return 2;
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlEngine::warnings, [](const QList<QQmlError> &warnings) {
        for (const QQmlError &warning : warnings)
            QTextStream(stderr) << warning.toString() << "\n";
    });
    engine.load(QUrl::fromLocalFile(QString::fromLocal8Bit(argv[1])));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (!engine.rootObjects().constFirst()->property("ok").toBool())
        return 3;
    QTextStream(stdout) << "qml consumer ok\n";
    return 0;
}
