// SPDX-License-Identifier: MIT
// Runtime language switching as an application does it (QLocale::setDefault,
// the layout direction, CStar::Translation::install, QQmlEngine::retranslate):
// the widget ChatPanel and the QML ChatView show every language without a
// restart and keep the draft; Arabic lays out right to left (own bubbles on
// the left, compared in rendered pixels); plural forms follow each
// language's rules (Arabic six, Japanese one).
#include "chatclient.h"
#include "chatpanel.h"
#include "chatstate.h"
#include "chattext.h"
#include "devserverprocess.h"
#include "messagesmodel.h"
#include "ticket.h"
#include "timeformat.h"
#include "translation.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#ifdef CSTAR_HAVE_DEMO
#include "agentconsole.h"
#include "customerwindow.h"
#include "demoapp.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QSignalSpy>
#endif
#ifdef CSTAR_QML_IMPORT_DIR
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWindow>
#endif

#include <memory>

using namespace CStar;
using namespace CStar::Testing;

namespace {

/// Where the pixels of `color` are in `image`: their leftmost and rightmost
/// column, or {-1, -1}.
QPair<int, int> columnsOf(const QImage &image, QRgb color)
{
    int left = -1;
    int right = -1;
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if ((image.pixel(x, y) & 0xffffff) != (color & 0xffffff))
                continue;
            ++count;
            left = left < 0 ? x : qMin(left, x);
            right = qMax(right, x);
        }
    }
    return count > 50 ? qMakePair(left, right) : qMakePair(-1, -1); // a bubble, not a stray pixel
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    std::unique_ptr<DevServerProcess> server;
    std::unique_ptr<QTemporaryDir> storage;
    std::unique_ptr<QWidget> window;
    ChatClient *client = nullptr;
    ChatPanel *panel = nullptr;
#ifdef CSTAR_QML_IMPORT_DIR
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *qmlWindow = nullptr;
    QStringList qmlErrors;
#endif

    template<typename T>
    T *find(const char *name) const
    {
        T *w = panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

    /// What the demo's Language menu does, in the order that matters:
    /// formats and direction first, then the catalog (LanguageChange).
    void switchTo(const QString &language)
    {
        const QLocale locale(language);
        QLocale::setDefault(locale);
        QGuiApplication::setLayoutDirection(locale.textDirection());
        QVERIFY(Translation::install(locale));
        QCOMPARE(Translation::currentLanguage(), language);
#ifdef CSTAR_QML_IMPORT_DIR
        if (engine)
            engine->retranslate();
#endif
    }

    /// Which half of the message list the own bubble is painted in.
    QString ownBubbleSide()
    {
        QListView *view = find<QListView>("messageList");
        const QImage image = view->viewport()->grab().toImage();
        const QPair<int, int> columns =
            columnsOf(image, view->palette().color(QPalette::Highlight).rgb());
        if (columns.first < 0)
            return QStringLiteral("none");
        const int middle = image.width() / 2;
        if (columns.second < middle)
            return QStringLiteral("left");
        if (columns.first > middle)
            return QStringLiteral("right");
        return QStringLiteral("both");
    }

#ifdef CSTAR_QML_IMPORT_DIR
    QObject *qmlChild(const char *name) const
    {
        return qmlWindow ? qmlWindow->findChild<QObject *>(QLatin1String(name)) : nullptr;
    }
#endif

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        server = std::make_unique<DevServerProcess>();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        storage = std::make_unique<QTemporaryDir>();
        QVERIFY(storage->isValid());
        switchTo(QStringLiteral("en"));

        window = std::make_unique<QWidget>();
        window->resize(900, 600);
        client = new ChatClient(server->team(), window.get());
        client->setBaseUrl(server->baseUrl());
        auto *state = new ChatState(window.get());
        state->setKeychainEnabled(false);
        state->setStorageDirectory(storage->filePath(QStringLiteral("widgets")));
        state->setClient(client);
        panel = new ChatPanel(client, window.get(), state);
        auto *layout = new QVBoxLayout(window.get());
        layout->addWidget(panel);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));

        // An own message on screen: start a conversation as a customer would.
        QTest::mouseClick(find<QToolButton>("newConversationButton"), Qt::LeftButton);
        QTest::keyClicks(find<QLineEdit>("subjectEdit"), QStringLiteral("Invoice question"));
        auto *edit = find<QPlainTextEdit>("composerEdit");
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Hello"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->currentTicketId().isEmpty(), 10000);
        MessagesModel *messages = panel->messagesModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, 10000);
        QVERIFY(messages->index(0).data(MessagesModel::IsOwnRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(
            messages->index(0).data(MessagesModel::DeliveryStateRole).value<DeliveryState>(),
            DeliveryState::Sent, 10000);

#ifdef CSTAR_QML_IMPORT_DIR
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral(CSTAR_QML_IMPORT_DIR));
        connect(engine.get(), &QQmlApplicationEngine::warnings, this,
                [this](const QList<QQmlError> &warnings) {
                    for (const QQmlError &w : warnings)
                        qmlErrors << w.toString();
                });
        const QString qml = QStringLiteral(R"(
import QtQuick
import QtQuick.Controls
import CStar.Chat

ApplicationWindow {
    width: 900
    height: 600
    visible: true

    ChatClient {
        id: chat
        teamSlug: "%1"
        baseUrl: "%2"
    }
    ChatState {
        id: chatState
        keychainEnabled: false
        storageDirectory: "%3"
        client: chat
    }
    ChatView {
        objectName: "chatView"
        anchors.fill: parent
        client: chat
        chatState: chatState
    }
}
)")
                                .arg(server->team(), server->baseUrl().toString(),
                                     storage->filePath(QStringLiteral("qml")));
        engine->loadData(qml.toUtf8(),
                         QUrl::fromLocalFile(storage->filePath(QStringLiteral("main.qml"))));
        if (!engine->rootObjects().isEmpty())
            qmlWindow = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());

        QVERIFY2(qmlWindow,
                 qPrintable(QLatin1String("CStar.Chat did not load from ")
                            + QLatin1String(CSTAR_QML_IMPORT_DIR) + QLatin1Char('\n')
                            + qmlErrors.join(QLatin1Char('\n'))));
        QVERIFY(QTest::qWaitForWindowExposed(qmlWindow));
        QVERIFY(qmlChild("newConversationButton"));
        QVERIFY(qmlChild("composerEdit"));
#endif
    }

    void cleanup()
    {
        switchTo(QStringLiteral("en"));
    }

    void cleanupTestCase()
    {
#ifdef CSTAR_QML_IMPORT_DIR
        engine.reset();
#endif
        window.reset();
        server.reset();
        Translation::remove();
        QLocale::setDefault(QLocale::c());
    }

    void helper()
    {
        QCOMPARE(Translation::availableLanguages(),
                 QStringList({QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"),
                              QStringLiteral("es"), QStringLiteral("ja"), QStringLiteral("ar")}));
        // One catalog per library, each embedded by its library and known to
        // install() as soon as the library is in use.
        QStringList libraries {QStringLiteral("core")};
#ifdef CSTAR_HAVE_DEMO
        libraries << QStringLiteral("demo");
#endif
        for (const QString &library : libraries)
            QVERIFY2(Translation::catalogs().contains(QLatin1String("cstarchat_") + library),
                     qPrintable(Translation::catalogs().join(QLatin1Char(' '))));
        QCOMPARE(Translation::catalogs().constFirst(), QStringLiteral("cstarchat_core"));
        for (const QString &language : Translation::availableLanguages()) {
            for (const QString &library : libraries) {
                const QString file =
                    QStringLiteral(":/i18n/cstarchat_%1_%2.qm").arg(library, language);
                QVERIFY2(QFile::exists(file), qPrintable(file));
            }
            QVERIFY(!Translation::nativeLanguageName(language).isEmpty());
        }
        QVERIFY(
            !QFile::exists(QStringLiteral(":/i18n/cstarchat_de.qm"))); // no catalog of everything
        QCOMPARE(Translation::nativeLanguageName(QStringLiteral("ar")), QStringLiteral("العربية"));
        QCOMPARE(Translation::nativeLanguageName(QStringLiteral("ja")), QStringLiteral("日本語"));
        QVERIFY(Translation::installDirectory().endsWith(QLatin1String("/cstarchat/translations")));

        // A regional locale gets its language; an unknown one English.
        QVERIFY(Translation::install(QLocale(QStringLiteral("de_AT"))));
        QCOMPARE(Translation::currentLanguage(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("CStar::TimeFormat", "Yesterday"),
                 QStringLiteral("Gestern"));
        // Core's catalog holds the texts both UIs show.
        QCOMPARE(ChatText::typingText({QStringLiteral("Ana")}), QStringLiteral("Ana schreibt …"));
        QCOMPARE(ChatText::deliveryText(DeliveryState::Failed), QStringLiteral("Nicht gesendet"));
        QCOMPARE(ChatText::label(ChatText::SendButton), QStringLiteral("Senden"));
        // A library loaded later joins the language installed.
        Translation::addCatalog(QStringLiteral("cstarchat_qml"));
        QVERIFY(Translation::catalogs().contains(QStringLiteral("cstarchat_qml")));
        // Ticket status and priority names: one Core function for widgets, QML, demo.
        QCOMPARE(Ticket::statusDisplayName(QStringLiteral("open")), QStringLiteral("Offen"));
        QCOMPARE(Ticket::priorityDisplayName(QStringLiteral("urgent")), QStringLiteral("Dringend"));
        QCOMPARE(ChatError(ChatError::Kind::Network, QString(), QString()).displayText(),
                 QStringLiteral("Der Support-Dienst ist nicht erreichbar. Bitte prüfen Sie Ihre "
                                "Verbindung."));
        QVERIFY(!Translation::install(QLocale(QLocale::Swahili)));
        QCOMPARE(Translation::currentLanguage(), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("CStar::TimeFormat", "Yesterday"),
                 QStringLiteral("Yesterday"));
    }

    void widgetPanel_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("newConversation");
        QTest::addColumn<QString>("placeholder");
        QTest::addColumn<QString>("send");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Neue Unterhaltung")
                            << QStringLiteral("Nachricht schreiben …") << QStringLiteral("Senden");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Nouvelle conversation")
                            << QStringLiteral("Écrire un message…") << QStringLiteral("Envoyer");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Nueva conversación")
                            << QStringLiteral("Escribe un mensaje…") << QStringLiteral("Enviar");
        QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("新しい会話")
                            << QStringLiteral("メッセージを入力…") << QStringLiteral("送信");
        QTest::newRow("ar") << QStringLiteral("ar") << QStringLiteral("محادثة جديدة")
                            << QStringLiteral("اكتب رسالة…") << QStringLiteral("إرسال");
    }

    /// Everything open retranslates at once; the draft survives.
    void widgetPanel()
    {
        QFETCH(QString, language);
        QFETCH(QString, newConversation);
        QFETCH(QString, placeholder);
        QFETCH(QString, send);
        auto *newButton = find<QToolButton>("newConversationButton");
        auto *edit = find<QPlainTextEdit>("composerEdit");
        auto *sendButton = find<QToolButton>("sendButton");
        QTRY_COMPARE(newButton->text(), QStringLiteral("New conversation"));
        QCOMPARE(edit->placeholderText(), QStringLiteral("Write a message…"));
        const QString draft = QStringLiteral("Half-written — ünïcode and العربية");
        edit->setPlainText(draft);

        switchTo(language);
        // QApplication posts LanguageChange to the windows: the next event loop turn.
        QTRY_COMPARE(newButton->text(), newConversation);
        QCOMPARE(edit->placeholderText(), placeholder);
        QCOMPARE(sendButton->text(), send);
        QCOMPARE(edit->toPlainText(), draft);

        switchTo(QStringLiteral("en"));
        QTRY_COMPARE(newButton->text(), QStringLiteral("New conversation"));
        QCOMPARE(edit->placeholderText(), QStringLiteral("Write a message…"));
        QCOMPARE(edit->toPlainText(), draft);
        edit->clear();
    }

    /// Arabic: right to left, own bubbles on the left, the back arrow
    /// pointing right, the send button on the left of the editor.
    void widgetPanelRightToLeft()
    {
        auto *back = find<QToolButton>("backButton");
        auto *edit = find<QPlainTextEdit>("composerEdit");
        auto *sendButton = find<QToolButton>("sendButton");
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QTRY_COMPARE(ownBubbleSide(), QStringLiteral("right"));
        QCOMPARE(back->arrowType(), Qt::LeftArrow);
        QVERIFY(sendButton->mapTo(window.get(), QPoint()).x()
                > edit->mapTo(window.get(), QPoint()).x());

        switchTo(QStringLiteral("ar"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        QVERIFY(panel->isRightToLeft());
        QTRY_COMPARE(ownBubbleSide(), QStringLiteral("left"));
        QCOMPARE(back->arrowType(), Qt::RightArrow);
        QTRY_VERIFY(sendButton->mapTo(window.get(), QPoint()).x()
                    < edit->mapTo(window.get(), QPoint()).x());

        switchTo(QStringLiteral("en"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QTRY_COMPARE(ownBubbleSide(), QStringLiteral("right"));
    }

    void qmlChatView_data()
    {
        widgetPanel_data();
    }

    /// The QML ChatView after QQmlEngine::retranslate().
    void qmlChatView()
    {
#ifndef CSTAR_QML_IMPORT_DIR
        QSKIP("The CStar.Chat QML module (target CStarChatQml) is not part of this build");
#else
        QFETCH(QString, language);
        QFETCH(QString, newConversation);
        QFETCH(QString, placeholder);
        QFETCH(QString, send);
        QObject *newButton = qmlChild("newConversationButton");
        QObject *edit = qmlChild("composerEdit");
        QObject *sendButton = qmlChild("sendButton");
        QVERIFY(newButton && edit && sendButton);
        QCOMPARE(newButton->property("text").toString(), QStringLiteral("New conversation"));
        QCOMPARE(edit->property("placeholderText").toString(), QStringLiteral("Write a message…"));
        const QString draft = QStringLiteral("Draft in QML");
        edit->setProperty("text", draft);

        switchTo(language);
        QCOMPARE(newButton->property("text").toString(), newConversation);
        QCOMPARE(edit->property("placeholderText").toString(), placeholder);
        QCOMPARE(sendButton->property("text").toString(), send);
        QCOMPARE(edit->property("text").toString(), draft);

        switchTo(QStringLiteral("en"));
        QCOMPARE(newButton->property("text").toString(), QStringLiteral("New conversation"));
        QCOMPARE(edit->property("text").toString(), draft);
        edit->setProperty("text", QString());
#endif
    }

    /// Arabic mirrors the QML layout too (LayoutMirroring follows the
    /// application's direction): the send button moves left of the editor.
    void qmlChatViewRightToLeft()
    {
#ifndef CSTAR_QML_IMPORT_DIR
        QSKIP("The CStar.Chat QML module (target CStarChatQml) is not part of this build");
#else
        auto *edit = qobject_cast<QQuickItem *>(qmlChild("composerEdit"));
        auto *sendButton = qobject_cast<QQuickItem *>(qmlChild("sendButton"));
        QVERIFY(edit && sendButton);
        auto x = [](QQuickItem *item) { return item->mapToScene(QPointF()).x(); };
        QTRY_VERIFY(x(sendButton) > x(edit));
        switchTo(QStringLiteral("ar"));
        QTRY_VERIFY(x(sendButton) < x(edit));
        switchTo(QStringLiteral("en"));
        QTRY_VERIFY(x(sendButton) > x(edit));
#endif
    }

    /// The demo's Language menu: native names, everything open switches,
    /// the draft stays, Arabic turns the windows right to left.
    void demoLanguageMenu()
    {
#ifndef CSTAR_HAVE_DEMO
        QSKIP("The demo (target cstar_demo) is not part of this build");
#else
        Demo::DemoOptions options;
        options.server = server->baseUrl();
        options.team = server->team();
        options.agentKey = server->agentKey();
        options.chatSecret = server->chatSecret();
        options.storageDirectory = storage->filePath(QStringLiteral("demo"));
        options.keychain = false;
        Demo::DemoApp demo;
        QString error;
        QVERIFY2(demo.start(options, &error), qPrintable(error));
        demo.showWindows();
        Demo::CustomerWindow *customer = demo.customerWindow();
        Demo::AgentConsole *agent = demo.agentConsole();
        QVERIFY(customer && agent && customer->panel());
        auto *menu = customer->findChild<QMenu *>(QStringLiteral("languageMenu"));
        auto *arabic = customer->findChild<QAction *>(QStringLiteral("language_ar"));
        auto *english = customer->findChild<QAction *>(QStringLiteral("language_en"));
        QVERIFY(menu && arabic && english);
        QCOMPARE(menu->title(), QStringLiteral("Language"));
        QCOMPARE(menu->actions().size(), Translation::availableLanguages().size());
        QCOMPARE(arabic->text(), QStringLiteral("العربية"));
        QVERIFY(english->isChecked());
        auto *edit = customer->panel()->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
        edit->setPlainText(QStringLiteral("my draft"));
        auto *priority = agent->findChild<QComboBox *>(QStringLiteral("priorityCombo"));
        QCOMPARE(priority->itemText(1), QStringLiteral("Normal"));

        QSignalSpy languageChanged(&demo, &Demo::DemoApp::languageChanged);
        arabic->trigger();
        QCOMPARE(languageChanged.count(), 1);
        QCOMPARE(languageChanged.at(0).at(0).toString(), QStringLiteral("ar"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        QCOMPARE(QLocale().language(), QLocale::Arabic);
        QTRY_COMPARE(menu->title(), QStringLiteral("اللغة"));
        QCOMPARE(customer->windowTitle(), QStringLiteral("عرض cStar التجريبي — العميل"));
        QTRY_COMPARE(agent->windowTitle(), QStringLiteral("عرض cStar التجريبي — لوحة وكيل الدعم"));
        QCOMPARE(priority->itemText(1), QStringLiteral("عادية"));
        QVERIFY(arabic->isChecked() && !english->isChecked());
        QVERIFY(customer->isRightToLeft() && agent->isRightToLeft());
        QCOMPARE(edit->toPlainText(), QStringLiteral("my draft"));

        english->trigger();
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QTRY_COMPARE(menu->title(), QStringLiteral("Language"));
        QTRY_COMPARE(agent->windowTitle(), QStringLiteral("cStar demo — Agent console"));
        QVERIFY(english->isChecked());
        QCOMPARE(edit->toPlainText(), QStringLiteral("my draft"));
#endif
    }

    /// Arabic has six plural forms (0, 1, 2, 3–10, 11–99, 100…), Japanese
    /// one; the number is written as QLocale writes it.
    void pluralForms()
    {
        const QList<int> counts {0, 1, 2, 3, 11, 100};
        auto forms = [&counts] {
            QStringList result;
            for (int n : counts) {
                QString text = QCoreApplication::translate("CStar::TimeFormat", "%n minute(s) ago",
                                                           nullptr, n);
                result << text.replace(QLocale().toString(n), QStringLiteral("%n"));
            }
            return result;
        };

        switchTo(QStringLiteral("ar"));
        const QStringList arabic = forms();
        QCOMPARE(arabic,
                 QStringList({QStringLiteral("منذ أقل من دقيقة"), QStringLiteral("منذ دقيقة واحدة"),
                              QStringLiteral("منذ دقيقتين"), QStringLiteral("منذ %n دقائق"),
                              QStringLiteral("منذ %n دقيقةً"), QStringLiteral("منذ %n دقيقة")}));
        QCOMPARE(QSet<QString>(arabic.cbegin(), arabic.cend()).size(), 6);
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(TimeFormat::relative(now.addSecs(-5 * 60), now), QStringLiteral("منذ ٥ دقائق"));
        QCOMPARE(TimeFormat::relative(now.addSecs(-11 * 60), now), QStringLiteral("منذ ١١ دقيقةً"));
        QCOMPARE(TimeFormat::dayLabel(now.date().addDays(-1), now.date()), QStringLiteral("أمس"));
        // Long dates through QLocale: Arabic month names, Arabic-Indic digits.
        QCOMPARE(TimeFormat::dayLabel(QDate(2024, 3, 5), now.date()),
                 QLocale().toString(QDate(2024, 3, 5), QLocale::LongFormat));
        QVERIFY(
            TimeFormat::dayLabel(QDate(2024, 3, 5), now.date()).contains(QStringLiteral("٢٠٢٤")));

        switchTo(QStringLiteral("ja"));
        const QStringList japanese = forms();
        QCOMPARE(QSet<QString>(japanese.cbegin(), japanese.cend()),
                 QSet<QString>({QStringLiteral("%n 分前")}));

        switchTo(QStringLiteral("de"));
        QCOMPARE(forms(),
                 QStringList({QStringLiteral("vor %n Minuten"), QStringLiteral("vor %n Minute"),
                              QStringLiteral("vor %n Minuten"), QStringLiteral("vor %n Minuten"),
                              QStringLiteral("vor %n Minuten"), QStringLiteral("vor %n Minuten")}));
        QCOMPARE(TimeFormat::dayLabel(now.date(), now.date()), QStringLiteral("Heute"));

        switchTo(QStringLiteral("fr")); // French: 0 and 1 are singular
        QCOMPARE(
            forms().mid(0, 3),
            QStringList({QStringLiteral("il y a %n minute"), QStringLiteral("il y a %n minute"),
                         QStringLiteral("il y a %n minutes")}));

        // English has a catalog for its plurals only.
        switchTo(QStringLiteral("en"));
        QCOMPARE(forms().mid(0, 3),
                 QStringList({QStringLiteral("%n minutes ago"), QStringLiteral("%n minute ago"),
                              QStringLiteral("%n minutes ago")}));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
