// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <memory>

namespace CStar::DevServer {

class ServerPrivate;

/// A request handed to Server::inject() instead of arriving over a socket.
struct InjectedRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray target; ///< "/path?query" as on the request line
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer = QHostAddress(QHostAddress::LocalHost);
};

/// What the server would have written: status, every header, body.
struct InjectedResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

/// The local cStar chat server (shared/protocol.md §1–§8, §10) in one
/// object, so it can run as `cstar-devserver` or inside an application:
///
///     CStar::DevServer::Options options;
///     options.databasePath = u":memory:"_s;
///     CStar::DevServer::Server server(options);
///     if (server.start(&error))
///         client.setBaseUrl(server.baseUrl());
///
/// Everything runs on the thread that owns the object.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(const Options &options, QObject *parent = nullptr);
    ~Server() override;

    /// Opens the database and starts listening. False (with a message) on failure.
    bool start(QString *errorMessage = nullptr);
    bool isListening() const;
    quint16 port() const;
    /// `http://127.0.0.1:PORT` (the listen address, loopback if it listens on any).
    QUrl baseUrl() const;
    int openStreamCount() const;
    const Options &options() const;

    /// Runs one request through the same pipeline as a socket request
    /// (routing, rate limit, failNext, auth, idempotency, handlers, events)
    /// without a socket — for fuzzers and in-process tests. A stream request
    /// answers its first bytes (`retry:`, cursor or replay) as the body and
    /// does not stay open. Needs start() (the database) first.
    InjectedResponse inject(const InjectedRequest &request);

private:
    std::unique_ptr<ServerPrivate> d;
};

} // namespace CStar::DevServer
