// SPDX-License-Identifier: MIT
#include "demoapp.h"

#include "agentapi.h"
#include "agentconsole.h"
#include "chatclient.h"
#include "chatstate.h"
#include "customerwindow.h"
#include "demobackend.h"
#include "messagesmodel.h"
#include "outgoingattachment.h"
#include "quickcustomerview.h"
#include "server.h"
#include "translation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QOpenGLContext>
#include <QPainter>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <memory>

namespace CStar::Demo {

namespace {
/// Qt's own strings (context menus, --help) in the demo's language.
QPointer<QTranslator> qtTranslator;
} // namespace

DemoApp::DemoApp(QObject *parent) : QObject(parent) { }

void DemoApp::applyLanguage(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Formats and direction first: the retranslation that LanguageChange
    // starts already sees them.
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (qtTranslator) {
        QCoreApplication::removeTranslator(qtTranslator);
        delete qtTranslator;
    }
    QString shown = QStringLiteral("en");
    for (const QString &ui : locale.uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0);
        if (Translation::availableLanguages().contains(code)) {
            shown = code;
            break;
        }
    }
    QGuiApplication::setLayoutDirection(QLocale(shown).textDirection());
    if (shown != QLatin1String("en")) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(QStringLiteral("qtbase_") + shown,
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(translator);
            qtTranslator = translator;
        } else {
            delete translator; // Debian: qt6-translations-l10n
        }
    }
    Translation::install(locale);
}

void DemoApp::setLanguage(const QString &language)
{
    applyLanguage(language);
    Q_EMIT languageChanged(Translation::currentLanguage());
}

DemoApp::~DemoApp()
{
    // Windows (and the client's users) go before the server they talk to.
    m_customer.reset();
    m_agent.reset();
    delete m_client;
    m_server.reset();
}

bool DemoApp::start(const DemoOptions &options, QString *error)
{
    QString agentKey = options.agentKey;
    QString chatSecret = options.chatSecret;
    if (options.server.isEmpty()) {
        DevServer::Options serverOptions;
        serverOptions.team = options.team;
        serverOptions.databasePath = options.databasePath;
        // Chosen keys (tests, scripts), else the devserver's well-known dev ones.
        if (!agentKey.isEmpty())
            serverOptions.agentKey = agentKey;
        if (!chatSecret.isEmpty())
            serverOptions.chatSecret = chatSecret;
        if (serverOptions.databasePath.isEmpty()) {
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(dir);
            serverOptions.databasePath = dir + QStringLiteral("/demo-server.db");
        }
        m_server = std::make_unique<DevServer::Server>(serverOptions);
        if (!m_server->start(error))
            return false;
        m_serverUrl = m_server->baseUrl();
        agentKey = serverOptions.agentKey;
        chatSecret = serverOptions.chatSecret;
    } else {
        m_serverUrl = options.server;
    }

    if (options.qml) {
        // QQuickWidget renders with OpenGL unless told otherwise; the
        // offscreen and minimal platforms have none, and a machine without
        // a GL driver would show an empty view: draw in software there.
        const QString platform = QGuiApplication::platformName();
        bool software = options.softwareQuick || platform == QLatin1String("offscreen")
            || platform == QLatin1String("minimal");
        if (!software) {
            QOpenGLContext probe;
            software = !probe.create();
        }
        if (software)
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        m_engine = std::make_unique<QQmlEngine>();
        QuickCustomerView::addImportPath(m_engine.get());
    }
    // Made in C++ like any app's client; the QML view takes it as it is.
    m_client = new ChatClient(options.team);
    m_client->setBaseUrl(m_serverUrl);
    m_client->setRealtime(!options.polling);
    // A child of the client, so it goes with it (LeakSanitizer found it ownerless).
    m_state = new ChatState(static_cast<QObject *>(m_client));
    m_state->setKeychainEnabled(options.keychain);
    if (!options.storageDirectory.isEmpty())
        m_state->setStorageDirectory(options.storageDirectory);
    m_state->setClient(m_client);

    m_backend = std::make_unique<DemoBackend>(chatSecret);
    if (!agentKey.isEmpty()) {
        m_agentApi = new AgentApi(m_serverUrl, options.team, agentKey, this);
        m_agent = std::make_unique<AgentConsole>(m_agentApi);
    }
    m_customer = std::make_unique<CustomerWindow>(m_client, m_state, m_agentApi, m_backend.get(),
                                                  m_engine.get());
    if (options.qml) {
        if (!m_customer->qmlView()->chatView()) {
            *error = m_customer->qmlView()->loadError();
            m_customer.reset();
            return false;
        }
        // qsTr() in QML follows the engine, not QEvent::LanguageChange.
        connect(this, &DemoApp::languageChanged, m_engine.get(), &QQmlEngine::retranslate);
    }
    connect(m_customer.get(), &CustomerWindow::languageRequested, this, &DemoApp::setLanguage);
    return true;
}

void DemoApp::showWindows()
{
    m_customer->show();
    if (m_agent) {
        m_agent->show();
        m_agent->move(m_customer->frameGeometry().topRight() + QPoint(16, 0));
    }
}

void DemoApp::takeScreenshot(const QString &path)
{
    m_customer->resize(920, 620);
    if (m_agent)
        m_agent->resize(760, 620);
    showWindows();
    CustomerWindow *customer = m_customer.get();
    if (!m_agent || !m_agentApi) {
        Q_EMIT screenshotDone(false);
        return;
    }

    // A short conversation, each step after the previous one is on screen,
    // as a person would write it: a ticket, replies both ways, agent typing.
    // In the demo's language: it shows how the panel lays out that script
    // (the e-mail address and the agent's name stay Latin).
    auto ticketId = std::make_shared<QString>();
    auto step = std::make_shared<int>(0);
    //: Sample conversation of --screenshot: the customer's ticket title.
    const QString title = tr("Can't sign in to my account");
    //: Sample conversation of --screenshot: the customer's first message.
    const QString question = tr("Hi! I reset my password but the app still says it's wrong.");
    //: Sample conversation of --screenshot: the agent's first reply.
    const QString firstReply = tr("Sorry about that! Which email address do you sign in with?");
    //: Sample conversation of --screenshot: the customer's answer; %1 is an e-mail address.
    const QString answer =
        tr("%1 — thanks for the quick answer").arg(QStringLiteral("jane@example.com"));
    //: Sample conversation of --screenshot: the agent's second reply, Markdown
    //: (keep the ** around the link's name).
    const QString secondReply =
        tr("Thanks, Jane! I've sent you a new **reset link**. It's valid for 30 minutes.");
    // Files both ways (protocol §11): the customer's screenshot of the app,
    // the agent's PDF.
    auto files = std::make_shared<QTemporaryDir>();
    const QString shot = files->filePath(QStringLiteral("screenshot.png"));
    const QString pdf = files->filePath(QStringLiteral("reset-instructions.pdf"));
    QFile pdfFile(pdf);
    if (!files->isValid() || !pdfFile.open(QIODevice::WriteOnly)
        || pdfFile.write("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") < 0) {
        Q_EMIT screenshotDone(false);
        return;
    }
    pdfFile.close();
    m_client->tickets()
        .create(title, question)
        ->then(this, [this, customer, ticketId, firstReply](const Ticket &ticket) {
            *ticketId = ticket.id();
            customer->openTicket(ticket.id());
            m_agent->openTicket(ticket.id());
            m_agentApi->reply(ticket.id(), firstReply, QStringLiteral("Ana"));
        });

    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(timer, &QTimer::timeout, this,
            [this, timer, clock, customer, path, ticketId, step, answer, secondReply, files, shot,
             pdf, settled = std::make_shared<int>(0)] {
                MessagesModel *messages = customer->messagesModel();
                auto allSent = [messages] {
                    for (int row = 0; row < messages->rowCount(); ++row) {
                        if (messages->index(row)
                                .data(MessagesModel::DeliveryStateRole)
                                .value<DeliveryState>()
                            != DeliveryState::Sent)
                            return false;
                    }
                    return messages->rowCount() > 0;
                };
                if (*step == 0 && messages->rowCount() >= 2 && allSent()) {
                    // What "Attach a screenshot of this window" does: the app's own pixels.
                    if (!m_customer->grab().toImage().save(shot, "PNG"))
                        return;
                    messages->send(answer, {OutgoingAttachment::fromFile(shot)});
                    *step = 1;
                } else if (*step == 1 && messages->rowCount() >= 3 && allSent()) {
                    m_agentApi->upload(
                        pdf, [this, ticketId, secondReply](int status, const QJsonObject &body) {
                            const QString upload = body.value(QLatin1String("data"))
                                                       .toObject()
                                                       .value(QLatin1String("id"))
                                                       .toString();
                            m_agentApi->reply(*ticketId, secondReply, QStringLiteral("Ana"),
                                              status == 201 ? QStringList {upload} : QStringList {},
                                              [this, ticketId](int, const QJsonObject &) {
                                                  m_agentApi->setTyping(*ticketId, true,
                                                                        QStringLiteral("Ana"));
                                              });
                        });
                    *step = 2;
                }
                // The agent's list has caught up when its preview shows the last reply.
                QStandardItemModel *agentTickets = m_agent->ticketModel();
                const int previewRole = agentTickets->roleNames().key("lastMessage");
                const bool agentListCurrent = agentTickets->rowCount() > 0
                    && agentTickets->index(0, 0)
                           .data(previewRole)
                           .toString()
                           .startsWith(secondReply.left(12));
                const bool ready = *step == 2 && messages->rowCount() >= 4 && allSent()
                    && !messages->typingUsers().isEmpty()
                    && m_agent->messageModel()->rowCount() >= 4 && agentListCurrent;
                // Thumbnails decode off the GUI thread: a second for them to show.
                if (ready && ++*settled < 10)
                    return;
                if (!ready && clock->elapsed() < 30000)
                    return;
                timer->stop();
                timer->deleteLater();
                if (!ready) {
                    Q_EMIT screenshotDone(false);
                    return;
                }
                // QQuickWidget paints its last frame: render the current one first.
                if (QuickCustomerView *view = customer->qmlView())
                    view->grabFramebuffer();
                const QImage left = m_customer->grab().toImage();
                const QImage right = m_agent->grab().toImage();
                QImage canvas(left.width() + right.width() + 24,
                              qMax(left.height(), right.height()) + 16, QImage::Format_RGB32);
                canvas.fill(m_customer->palette().color(QPalette::Dark));
                QPainter painter(&canvas);
                painter.drawImage(8, 8, left);
                painter.drawImage(left.width() + 16, 8, right);
                painter.end();
                QDir().mkpath(QFileInfo(path).absolutePath());
                Q_EMIT screenshotDone(canvas.save(path));
            });
    timer->start(100);
}

} // namespace CStar::Demo
