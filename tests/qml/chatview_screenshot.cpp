// SPDX-License-Identifier: MIT
// Renders CStar.Chat's ChatView with a realistic conversation offscreen into a
// PNG: a real devserver, an identified customer with two tickets, agent and
// customer messages, an agent typing. Run by CTest (tst_chatview_screenshot)
// with the defaults; by hand for variants:
//
//     chatview_screenshot [--controls-style Basic|Fusion|Material] [--dark] [--rtl]
//                         [--size 900x600] [--output file.png]
//
// Default output: <build>/screenshots/chatview-qml.png.

#include "devserverhelper.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {

using CStar::Testing::DevServerHelper;
using CStar::Testing::HttpResult;
using CStar::Testing::TestHttp;

/// The conversation the picture shows; returns the open ticket's id.
QString seedConversation(TestHttp &http, const QString &secret, const QJsonObject &customer,
                         int *messageCount)
{
    const QString token = http.identify(secret, customer);
    auto createTicket = [&](const QString &title, const QString &message) {
        return http
            .chat("POST", QStringLiteral("/tickets"),
                  {{QStringLiteral("title"), title}, {QStringLiteral("message"), message}}, token)
            .data()
            .value(QLatin1String("id"))
            .toString();
    };
    auto customerSays = [&](const QString &ticket, const QString &text) {
        http.chat("POST", QStringLiteral("/tickets/%1/messages").arg(ticket),
                  {{QStringLiteral("content"), text}}, token);
    };
    auto agentSays = [&](const QString &ticket, const QString &text) {
        http.agent("POST", QStringLiteral("/tickets/%1/messages").arg(ticket),
                   {{QStringLiteral("content"), text},
                    {QStringLiteral("senderName"), QStringLiteral("Maya")}});
    };

    const QString invoice = createTicket(QStringLiteral("Invoice for March is missing"),
                                         QStringLiteral("I can't find the March invoice."));
    agentSays(invoice, QStringLiteral("It's in **Billing → Invoices** now. Sorry for the wait!"));
    http.agent("PATCH", QStringLiteral("/tickets/%1").arg(invoice),
               {{QStringLiteral("status"), QStringLiteral("resolved")}});

    const QString ticket = createTicket(
        QStringLiteral("Can't sign in on the desktop app"),
        QStringLiteral("Hi! Since this morning the desktop app says my session expired every "
                       "time I sign in."));
    agentSays(ticket,
              QStringLiteral("Hi Jane, sorry about that! Which version do you have? You'll find "
                             "it under **Help → About**."));
    customerSays(ticket, QStringLiteral("It's 4.2.1 on Windows 11."));
    agentSays(ticket,
              QStringLiteral("Thanks! 4.2.1 has a known issue with saved sessions. Please update "
                             "to **4.2.3**; the release notes are at "
                             "https://example.com/releases/4.2.3\n\nIf it still happens, sign out "
                             "and in once."));
    customerSays(ticket, QStringLiteral("Updating now, thanks!"));
    *messageCount = 5;
    return ticket;
}

/// A dark palette as an app would set it (QML palette role → colour); the
/// scene applies it to its window (Basic and Fusion draw with the palette).
QVariantMap darkPalette()
{
    return {
        {QStringLiteral("window"), QStringLiteral("#2b2b2e")},
        {QStringLiteral("windowText"), QStringLiteral("#e8e8ea")},
        {QStringLiteral("base"), QStringLiteral("#1f1f22")},
        {QStringLiteral("alternateBase"), QStringLiteral("#2b2b2e")},
        {QStringLiteral("text"), QStringLiteral("#e8e8ea")},
        {QStringLiteral("button"), QStringLiteral("#3a3a3e")},
        {QStringLiteral("buttonText"), QStringLiteral("#e8e8ea")},
        {QStringLiteral("highlight"), QStringLiteral("#3d7ad6")},
        {QStringLiteral("highlightedText"), QStringLiteral("#ffffff")},
        {QStringLiteral("link"), QStringLiteral("#7ab4ff")},
        {QStringLiteral("placeholderText"), QStringLiteral("#9a9aa0")},
        {QStringLiteral("mid"), QStringLiteral("#55555a")},
        {QStringLiteral("midlight"), QStringLiteral("#4a4a4f")},
        {QStringLiteral("light"), QStringLiteral("#4a4a4f")},
        {QStringLiteral("dark"), QStringLiteral("#18181a")},
        {QStringLiteral("toolTipBase"), QStringLiteral("#45454a")},
        {QStringLiteral("toolTipText"), QStringLiteral("#e8e8ea")},
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir dataHome; // outbox, read markers: nothing outside the run
    qputenv("XDG_DATA_HOME", dataHome.path().toUtf8());
    QGuiApplication app(argc, argv);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption styleOption(QStringLiteral("controls-style"),
                                         QStringLiteral("Qt Quick Controls style"),
                                         QStringLiteral("name"), QStringLiteral("Basic"));
    const QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Dark palette"));
    const QCommandLineOption rtlOption(QStringLiteral("rtl"), QStringLiteral("Right to left"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size"),
                                        QStringLiteral("WxH"), QStringLiteral("900x600"));
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("PNG file"),
                                          QStringLiteral("file"),
                                          QStringLiteral(CSTAR_SCREENSHOT_DIR "/chatview-qml.png"));
    parser.addOptions({styleOption, darkOption, rtlOption, sizeOption, outputOption});
    parser.process(app);

    QQuickStyle::setStyle(parser.value(styleOption));
    const bool dark = parser.isSet(darkOption);
    if (dark)
        qputenv("QT_QUICK_CONTROLS_MATERIAL_THEME", "Dark");
    if (parser.isSet(rtlOption))
        app.setLayoutDirection(Qt::RightToLeft);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));

    DevServerHelper server({QStringLiteral("--typing-lease-ms"), QStringLiteral("600000")});
    if (!server.isRunning()) {
        qCritical("cstar-devserver did not start: %s", qPrintable(server.errorString()));
        return 1;
    }
    const QString customerJson =
        server.customerJson(QStringLiteral("cus_screenshot"), QStringLiteral("Jane Doe"),
                            QStringLiteral("jane@example.com"));
    TestHttp http(server.baseUrl(), server.team(), server.agentKey());
    int messageCount = 0;
    const QString ticketId =
        seedConversation(http, server.chatSecret(),
                         QJsonDocument::fromJson(customerJson.toUtf8()).object(), &messageCount);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(CSTAR_QML_IMPORT_DIR));
    engine.rootContext()->setContextProperty(QStringLiteral("devServer"), &server);
    engine.setInitialProperties({
        {QStringLiteral("customerJson"), customerJson},
        {QStringLiteral("signature"), server.sign(customerJson)},
        {QStringLiteral("ticketId"), ticketId},
        {QStringLiteral("messageCount"), messageCount},
        {QStringLiteral("paletteColors"), dark ? darkPalette() : QVariantMap()},
        {QStringLiteral("width"), size.value(0).toInt()},
        {QStringLiteral("height"), size.value(1).toInt()},
    });
    engine.load(QUrl(QStringLiteral("qrc:/screenshot/screenshot.qml")));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        qCritical("screenshot.qml did not load");
        return 1;
    }
    window->requestActivate(); // an active window marks what it shows as read
    QSignalSpy ready(window, SIGNAL(readyChanged()));
    if (!window->property("ready").toBool() && !ready.wait(30000)) {
        qCritical("the conversation did not show up: %s",
                  qPrintable(window->property("progress").toString()));
        return 1;
    }
    const QImage image = window->grabWindow();
    const QString output = parser.value(outputOption);
    QDir().mkpath(QFileInfo(output).absolutePath());
    if (image.isNull() || !image.save(output)) {
        qCritical("could not write %s", qPrintable(output));
        return 1;
    }
    qInfo("wrote %s (%dx%d, style %s%s%s)", qPrintable(output), image.width(), image.height(),
          qPrintable(QQuickStyle::name()), parser.isSet(darkOption) ? ", dark" : "",
          parser.isSet(rtlOption) ? ", right to left" : "");
    return 0;
}
