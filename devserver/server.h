// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace CStar::DevServer {

class ServerPrivate;

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

private:
    std::unique_ptr<ServerPrivate> d;
};

} // namespace CStar::DevServer
