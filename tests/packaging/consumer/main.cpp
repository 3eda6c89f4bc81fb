// An external project built against the installed CStarChat::Core, with the
// installed include layout: <CStarChat/…>, lowercase and CamelCase.
#include <CStarChat/CStarChatVersion>
#include <CStarChat/ChatClient>
#include <CStarChat/ChatJob>
#include <CStarChat/MessagesModel>
#include <CStarChat/Ticket>
#include <CStarChat/TicketsModel>
#include <CStarChat/chatclient.h>
#include <CStarChat/cstarchat_version.h>
#include <CStarChat/eventstreamparser.h>

// The interface directory is include/, not include/CStarChat/: the flat
// names must not reach the app (they would collide with its own headers).
#if __has_include(<chatclient.h>) || __has_include(<ticket.h>)
#error "CStarChat headers are reachable without the CStarChat/ prefix"
#endif

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstring>

static_assert(CSTARCHAT_VERSION >= CSTARCHAT_VERSION_CHECK(0, 1, 0), "version macros");
static_assert(CSTARCHAT_VERSION
                  == CSTARCHAT_VERSION_CHECK(CSTARCHAT_VERSION_MAJOR, CSTARCHAT_VERSION_MINOR,
                                             CSTARCHAT_VERSION_PATCH),
              "version macros");
static_assert(CSTARCHAT_VERSION_CHECK(1, 0, 0) > CSTARCHAT_VERSION_CHECK(0, 255, 255),
              "version order");

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (std::strcmp(CSTARCHAT_VERSION_STRING, CSTARCHAT_EXPECTED_VERSION) != 0)
        return 10;

    CStar::ChatClient client(QStringLiteral("acme"));
    if (client.teamSlug() != QLatin1String("acme") || !client.realtime()
        || client.pollingInterval() != 5000
        || client.baseUrl() != CStar::ChatClient::defaultBaseUrl())
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

    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9"))); // nothing listens
    client.setRealtime(false);
    CStar::TicketsModel tickets(&client);
    CStar::MessagesModel messages;
    if (tickets.rowCount() != 0 || messages.rowCount() != 0)
        return 4;
    QTextStream(stdout) << "consumer ok " << CSTARCHAT_VERSION_STRING << "\n";
    return 0;
}
