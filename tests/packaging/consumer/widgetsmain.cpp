// An external Qt Widgets app using the installed CStarChat::Widgets.
#include <CStarChat/ChatClient>
#include <CStarChat/ChatPanel>
#include <CStarChat/chatpanel.h>
#include <CStarChat/connectionbanner.h>

#include <QApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    CStar::ChatClient client(QStringLiteral("acme"));
    // Nothing listens here: the panel must come up without a server.
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    client.setRealtime(false);
    CStar::ChatPanel panel(&client);
    panel.resize(640, 480);
    panel.show();
    if (!panel.isVisible() || panel.findChildren<CStar::ConnectionBanner *>().isEmpty())
        return 1;
    QTextStream(stdout) << "widgets consumer ok\n";
    return 0;
}
