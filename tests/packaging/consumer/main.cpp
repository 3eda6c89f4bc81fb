// An external project built against the installed CStarChat::Core.
#include <chatclient.h>
#include <eventstreamparser.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    CStar::ChatClient client(QStringLiteral("acme"));
    if (client.teamSlug() != QLatin1String("acme") || !client.realtime()
        || client.pollingInterval() != 5000 || client.baseUrl() != CStar::ChatClient::defaultBaseUrl())
        return 1;

    const auto json = QJsonDocument::fromJson(R"({"id":"tkt_1","title":"Hi","status":"open",
        "priority":"high","message_count":2,"created_at":"2026-11-24T21:18:04.561Z"})");
    const CStar::Ticket ticket = CStar::Ticket::fromJson(json.object());
    if (ticket.status() != CStar::Ticket::Status::Open || ticket.messageCount() != 2)
        return 2;

    int events = 0;
    CStar::EventStreamParser parser;
    parser.onEvent = [&](const CStar::ServerSentEvent &) { ++events; };
    parser.feed("id: 1\ndata: {}\n\n");
    if (events != 1)
        return 3;
    QTextStream(stdout) << "consumer ok\n";
    return 0;
}
