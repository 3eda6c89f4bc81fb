// SPDX-License-Identifier: MIT
// cstar-bench-gen: writes the benchmark inputs once, so that our benchmarks
// and the Node peers (bench/node/) read exactly the same bytes.
//
//   OUT/stream-lf.sse                realistic chat stream (parser)
//   OUT/canned/client/events.sse     N message.created (client path)
//   OUT/canned/bulk/messages.json    one page of M messages (MessagesModel bulk)
//   OUT/canned/live/events.sse       L message.created of one ticket, mixed senders
//   OUT/canned/liveown/events.sse    M of them, all the customer's own (never unread)
//   OUT/canned/ticketsown/           T tickets; E messages on them, all the customer's own
//   OUT/canned/tickets/              T tickets; fewer messages, mixed senders
//   OUT/canned/ticketsload/          U tickets whose last message is unread
//   OUT/meta.json                    sizes (text bytes of the bulk page, …)
#include "benchcommon.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

using namespace CStar::Bench;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cstar-bench-gen: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString out;
    qint64 streamMiB = 64;
    int clientEvents = 200000;
    int messages = 100000;
    int tickets = 10000;
    int ticketEvents = 10000;
    int liveMixed = 2000;
    int mixedTicketEvents = 2000;
    int unreadTickets = 1000;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &a = args[i];
        const QString &v = args[i + 1];
        if (a == QLatin1String("--out"))
            out = v;
        else if (a == QLatin1String("--stream-mib"))
            streamMiB = v.toLongLong();
        else if (a == QLatin1String("--client-events"))
            clientEvents = v.toInt();
        else if (a == QLatin1String("--messages"))
            messages = v.toInt();
        else if (a == QLatin1String("--tickets"))
            tickets = v.toInt();
        else if (a == QLatin1String("--ticket-events"))
            ticketEvents = v.toInt();
        else if (a == QLatin1String("--live-mixed"))
            liveMixed = v.toInt();
    }
    if (out.isEmpty()) {
        std::fprintf(stderr,
                     "usage: cstar-bench-gen --out DIR [--stream-mib 64] "
                     "[--client-events N] [--messages N] [--tickets N] "
                     "[--ticket-events N] [--live-mixed N]\n");
        return 2;
    }
    const QDir dir(out);
    const QByteArray stream = makeChatStream(streamMiB * 1024 * 1024);
    qint64 textBytes = 0;
    const QString bulkTicket = benchTicketId(0);
    const bool ok = writeFile(dir.filePath(QStringLiteral("stream-lf.sse")), stream)
        && writeFile(dir.filePath(QStringLiteral("canned/client/events.sse")),
                     makeMessageEvents(clientEvents, 50))
        && writeFile(dir.filePath(QStringLiteral("canned/bulk/messages.json")),
                     makeMessagePage(messages, bulkTicket, &textBytes))
        && writeFile(dir.filePath(QStringLiteral("canned/live/events.sse")),
                     makeMessageEvents(liveMixed, 1, 9, bulkTicket))
        && writeFile(dir.filePath(QStringLiteral("canned/liveown/events.sse")),
                     makeMessageEvents(messages, 1, 9, bulkTicket, true))
        && writeFile(dir.filePath(QStringLiteral("canned/tickets/tickets.json")),
                     makeTicketPage(tickets, true))
        && writeFile(dir.filePath(QStringLiteral("canned/tickets/events.sse")),
                     makeMessageEvents(mixedTicketEvents, tickets, 13))
        && writeFile(dir.filePath(QStringLiteral("canned/ticketsload/tickets.json")),
                     makeTicketPage(unreadTickets))
        && writeFile(dir.filePath(QStringLiteral("canned/ticketsown/tickets.json")),
                     makeTicketPage(tickets, true))
        && writeFile(dir.filePath(QStringLiteral("canned/ticketsown/events.sse")),
                     makeMessageEvents(ticketEvents, tickets, 13, {}, true));
    const QJsonObject meta {{QLatin1String("streamBytes"), double(stream.size())},
                            {QLatin1String("clientEvents"), clientEvents},
                            {QLatin1String("messages"), messages},
                            {QLatin1String("messageTextBytes"), double(textBytes)},
                            {QLatin1String("bulkTicket"), bulkTicket},
                            {QLatin1String("liveMixedMessages"), liveMixed},
                            {QLatin1String("mixedTicketEvents"), mixedTicketEvents},
                            {QLatin1String("unreadTickets"), unreadTickets},
                            {QLatin1String("tickets"), tickets},
                            {QLatin1String("ticketEvents"), ticketEvents}};
    if (!ok
        || !writeFile(dir.filePath(QStringLiteral("meta.json")),
                      QJsonDocument(meta).toJson(QJsonDocument::Compact)))
        return 1;
    return 0;
}
