// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

class QQmlEngine;

namespace CStar {
class ChatClient;
class ChatState;
namespace DevServer {
class Server;
}
} // namespace CStar

namespace CStar::Demo {

class AgentApi;
class AgentConsole;
class CustomerWindow;
class DemoBackend;

struct DemoOptions
{
    QUrl server; ///< empty: start the embedded devserver
    QString team = QStringLiteral("acme");
    QString agentKey; ///< for the agent console (embedded: the key the server accepts)
    QString chatSecret; ///< for "your backend" (embedded: the server's secret)
    QString databasePath; ///< embedded server database; empty = user data dir
    QString storageDirectory; ///< ChatState storage; empty = user data dir
    bool qml = false; ///< the QML ChatView instead of the widget ChatPanel
    /// Qt Quick's software renderer for --qml (--screenshot, offscreen; also
    /// when the platform has no OpenGL).
    bool softwareQuick = false;
    bool polling = false;
    bool keychain = true;
};

/// Wires the demo together: the embedded server (unless --server), the
/// customer's ChatClient and window, "your backend" and the agent console.
class DemoApp : public QObject
{
    Q_OBJECT
public:
    explicit DemoApp(QObject *parent = nullptr);
    ~DemoApp() override;

    bool start(const DemoOptions &options, QString *error);
    void showWindows();

    /// Seeds a short conversation, renders both windows side by side into
    /// `path` and emits screenshotDone(ok).
    void takeScreenshot(const QString &path);

    /// Switches the whole application to `language` ("de", "ar"…; empty: the
    /// system's): QLocale::setDefault() for dates and numbers, the layout
    /// direction (right-to-left for Arabic), then the SDK's catalog and Qt's
    /// own (QEvent::LanguageChange retranslates every open widget). A
    /// language the SDK does not speak falls back to English, left to right.
    static void applyLanguage(const QString &language);

    ChatClient *client() const { return m_client; }
    CustomerWindow *customerWindow() const { return m_customer.get(); }
    AgentConsole *agentConsole() const { return m_agent.get(); }
    QUrl serverUrl() const { return m_serverUrl; }

public Q_SLOTS:
    /// applyLanguage() at runtime (the Language menu), then languageChanged().
    void setLanguage(const QString &language);

Q_SIGNALS:
    void screenshotDone(bool ok);
    /// After a runtime switch; a QML view's engine retranslates on it
    /// (QQmlEngine::retranslate(): widgets follow QEvent::LanguageChange).
    void languageChanged(const QString &language);

private:
    std::unique_ptr<DevServer::Server> m_server;
    std::unique_ptr<QQmlEngine> m_engine; ///< --qml; outlives the client it made
    std::unique_ptr<DemoBackend> m_backend;
    std::unique_ptr<CustomerWindow> m_customer;
    std::unique_ptr<AgentConsole> m_agent;
    ChatClient *m_client = nullptr;
    ChatState *m_state = nullptr;
    AgentApi *m_agentApi = nullptr;
    QUrl m_serverUrl;
};

} // namespace CStar::Demo
