// SPDX-License-Identifier: MIT
#include "customerwindow.h"

#include "agentapi.h"
#include "chatclient.h"
#include "chatpanel.h"
#include "chatstate.h"
#include "chattext.h"
#include "demobackend.h"
#include "messagesmodel.h"
#include "quickcustomerview.h"
#include "translation.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QQuickItem>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolBar>

namespace CStar::Demo {

CustomerWindow::CustomerWindow(ChatClient *client, ChatState *state, AgentApi *agent,
                               const DemoBackend *backend, QQmlEngine *qmlEngine, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_state(state), m_agent(agent), m_backend(backend)
{
    setObjectName(QStringLiteral("customerWindow"));
    if (qmlEngine) {
        // Made in this window: a QQuickWidget moved into another top-level
        // window replaces its offscreen window, and objects of the scene went
        // with the old one (Qt 6.4: the ChatView's TicketsModel) — the list
        // never loaded and realtime stayed off ("Offline").
        m_qmlView = new QuickCustomerView(qmlEngine, client, state, this);
        setCentralWidget(m_qmlView);
        connect(m_qmlView, &QuickCustomerView::signInRequested, this, &CustomerWindow::signIn);
        connect(m_qmlView, &QuickCustomerView::agentMessageArrived, this, &CustomerWindow::notify);
    } else {
        m_panel = new ChatPanel(client, this, state);
        setCentralWidget(m_panel);
        connect(m_panel, &ChatPanel::signInRequested, this, &CustomerWindow::signIn);
        connect(m_panel, &ChatPanel::agentMessageArrived, this, &CustomerWindow::notify);
    }

    auto *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("demoToolbar"));
    toolbar->setMovable(false);
    m_realtime = toolbar->addAction(QString());
    m_realtime->setCheckable(true);
    m_realtime->setChecked(client->realtime());
    connect(m_realtime, &QAction::toggled, client, &ChatClient::setRealtime);
    m_networkLoss = toolbar->addAction(QString());
    m_networkLoss->setEnabled(agent != nullptr);
    connect(m_networkLoss, &QAction::triggered, this, [this] { simulateNetworkLoss(); });
    m_signIn = toolbar->addAction(QString());
    m_signIn->setEnabled(backend && backend->canSign());
    connect(m_signIn, &QAction::triggered, this, [this] {
        if (m_client->sessionKind() == ChatClient::SessionKind::Identified)
            m_state->logout();
        else
            signIn();
    });

    // Languages by their own names, so everyone finds theirs.
    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languages = new QActionGroup(this);
    m_languages->setExclusive(true);
    const QStringList languages = Translation::availableLanguages();
    for (const QString &code : languages) {
        QAction *action = m_languageMenu->addAction(Translation::nativeLanguageName(code));
        action->setObjectName(QStringLiteral("language_") + code);
        action->setData(code);
        action->setCheckable(true);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, code] { Q_EMIT languageRequested(code); });
    }

    m_statusLabel = new QLabel;
    statusBar()->addPermanentWidget(m_statusLabel);
    connect(client, &ChatClient::connectionStateChanged, this, &CustomerWindow::updateStatus);
    connect(client, &ChatClient::sessionKindChanged, this, &CustomerWindow::retranslate);
    connect(client, &ChatClient::customerChanged, this, &CustomerWindow::updateStatus);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->show();
    }
    retranslate();
    if (!restoreGeometry(
            QSettings().value(QStringLiteral("customerWindow/geometry")).toByteArray()))
        resize(firstRunSize(QSize(920, 620)));
    // A customer's first act is to type: the message box has the focus (in
    // the empty window, sending starts a conversation).
    if (m_panel) {
        if (auto *edit = m_panel->findChild<QWidget *>(QStringLiteral("composerEdit")))
            edit->setFocus();
    } else if (QQuickItem *view = m_qmlView->chatView()) {
        m_qmlView->setFocus();
        if (auto *composer = view->property("composer").value<QObject *>())
            QMetaObject::invokeMethod(composer, "forceEditorFocus");
    }
}

QSize CustomerWindow::firstRunSize(const QSize &wanted)
{
    // A first run has no saved geometry, and the views' size hints are small
    // (a QQuickWidget's is its root's implicit size): the list, the thread
    // and the composer must all show, but on the screen there is.
    const QScreen *screen = QGuiApplication::primaryScreen();
    return screen ? wanted.boundedTo(screen->availableSize() * 0.9) : wanted;
}

CustomerWindow::~CustomerWindow()
{
    // The panel's models let go of the client while this window is half
    // destroyed; its state changes must not reach us any more.
    m_client->QObject::disconnect(this);
}

void CustomerWindow::retranslate()
{
    setWindowTitle(tr("cStar demo — Customer"));
    m_realtime->setText(tr("Live updates"));
    m_realtime->setToolTip(tr("On: server-sent events. Off: poll every %n s.", nullptr,
                              m_client->pollingInterval() / 1000));
    m_networkLoss->setText(tr("Simulate network loss"));
    m_networkLoss->setToolTip(tr("The server drops every stream and refuses connections for 8 s"));
    const bool identified = m_client->sessionKind() == ChatClient::SessionKind::Identified;
    m_signIn->setText(identified ? tr("Sign out") : tr("Sign in as a known customer"));
    m_signIn->setToolTip(tr(
        "Your backend signs the customer with the chat secret; the app only sees the signature"));
    m_languageMenu->setTitle(tr("Language"));
    const QString current = Translation::currentLanguage();
    const QList<QAction *> actions = m_languages->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toString() == current);
    updateStatus();
}

void CustomerWindow::updateStatus()
{
    const QString state = ChatText::connectionStatusText(m_client->connectionState(),
                                                         m_client->pollingInterval());
    const QString who = m_client->sessionKind() == ChatClient::SessionKind::Identified
        ? tr("Signed in as %1").arg(m_client->customer().displayName())
        : tr("Anonymous visitor");
    m_statusLabel->setText(who + QStringLiteral(" · ") + state);
}

MessagesModel *CustomerWindow::messagesModel() const
{
    return m_panel ? m_panel->messagesModel() : m_qmlView->messagesModel();
}

void CustomerWindow::openTicket(const QString &ticketId)
{
    if (m_panel)
        m_panel->openTicket(ticketId);
    else
        m_qmlView->openTicket(ticketId);
}

void CustomerWindow::signIn()
{
    if (!m_backend || !m_backend->canSign())
        return;
    // What your backend would do after its own login: sign the customer.
    const DemoBackend::SignedCustomer signedCustomer =
        m_backend->sign({{QStringLiteral("id"), QStringLiteral("cus_demo_jane")},
                         {QStringLiteral("email"), QStringLiteral("jane@example.com")},
                         {QStringLiteral("name"), QStringLiteral("Jane Doe")}});
    m_client->identify(signedCustomer.json, signedCustomer.signature)
        ->then(
            this,
            [this](const Customer &c) {
                statusBar()->showMessage(tr("Signed in as %1").arg(c.displayName()), 4000);
            },
            [this](const ChatError &e) {
                statusBar()->showMessage(tr("Sign-in failed: %1").arg(e.displayText()), 8000);
            });
}

void CustomerWindow::simulateNetworkLoss(int milliseconds)
{
    if (!m_agent)
        return;
    m_agent->control({{QStringLiteral("dropStreams"), true},
                      {QStringLiteral("refuseConnectionsMs"), milliseconds}});
    statusBar()->showMessage(tr("Network loss simulated for %n s", nullptr, milliseconds / 1000),
                             milliseconds);
}

void CustomerWindow::notify(const QString &, const QString &senderName, const QString &text)
{
    if (isActiveWindow())
        return;
    if (m_tray)
        m_tray->showMessage(tr("New reply from %1").arg(senderName), text.left(200));
    QApplication::alert(this);
}

void CustomerWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void CustomerWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("customerWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace CStar::Demo
