// SPDX-License-Identifier: MIT
// libFuzzer target for the devserver's request handling: method, path and
// query, headers and body go through the whole pipeline of
// CStar::DevServer::Server (routing, rate limit, dev controls, idempotency,
// authentication, UTF-8/JSON checks, every handler, the event log) via
// Server::inject(), on an in-memory database.
//
// Input: a request in HTTP/1.1 text form, LF or CRLF line ends:
//   METHOD TARGET [remote]\n     ("remote": the peer is not loopback)
//   Name: value\n …
//   \n
//   body
// Placeholders $ANON $IDENT (session tokens), $AGENT $PK (keys), $TICKET,
// $OTHERTICKET (another customer's), $MSG are replaced by live values, so
// the corpus reaches authenticated code. Invariants: see checkResponse().
#include "devserverharness.h"

#include <QByteArrayList>

using CStar::Fuzz::DevServerHarness;

CSTAR_FUZZ_INIT(devserver_request)
{
    DevServerHarness::instance().start();
    return 0;
}

CSTAR_FUZZ_TARGET(devserver_request)
{
    DevServerHarness &h = DevServerHarness::instance();
    if (!h.server)
        h.start();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray text = h.expand(input);

    qsizetype headerEnd = text.indexOf("\n\n");
    qsizetype bodyStart = headerEnd + 2;
    const qsizetype crlf = text.indexOf("\r\n\r\n");
    if (crlf >= 0 && (headerEnd < 0 || crlf < headerEnd)) {
        headerEnd = crlf;
        bodyStart = crlf + 4;
    }
    const QByteArray head = headerEnd < 0 ? text : text.left(headerEnd);
    CStar::DevServer::InjectedRequest request;
    request.body = headerEnd < 0 ? QByteArray() : text.mid(bodyStart);
    const QByteArrayList lines = head.split('\n');
    const QByteArrayList requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    if (request.method.isEmpty() || !request.target.startsWith('/'))
        return 0; // the HTTP layer's parser (libmicrohttpd) refuses such a request line
    if (requestLine.value(2) == "remote")
        request.peer = QHostAddress(QStringLiteral("192.0.2.7"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const CStar::DevServer::InjectedResponse response = h.server->inject(request);
    h.checkResponse(response, input);

    if (request.target.contains("_dev"))
        h.resetControls();
    // A request that may have revoked one of the cast's sessions: recreate it.
    if (response.status < 300
        && (request.method == "DELETE" || request.target.contains("identify")))
        h.refreshCast();
    return 0;
}
