// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace CStar::DevServer {

struct Options;

/// Run-time switches for testing clients against bad networks and servers
/// (POST /api/v1/_dev/control, devserver/README.md). Holds the stream
/// settings and the queue of injected failures; actions that touch sockets
/// (dropStreams, refuseConnectionsMs) are returned for the server to carry out.
class DevControl
{
public:
    explicit DevControl(const Options &options);

    struct FailRule
    {
        QByteArray method; ///< empty = any
        QString pathContains; ///< empty = any
        int status = 503;
        int retryAfterS = 1;
        int count = 1;
        bool afterHandling = false; ///< process + commit, then answer the error
    };

    struct Actions
    {
        bool dropStreams = false;
        int refuseConnectionsMs = 0;
    };

    /// Applies a control body; throws ApiError on a malformed one.
    Actions apply(const QJsonObject &body);
    QJsonObject state() const;

    bool streamDisabled() const { return m_streamDisabled; }
    int streamStatus() const { return m_streamStatus; }
    int firstByteDelayMs() const { return m_firstByteDelayMs; }

    /// The first rule matching this request, consuming one of its count.
    std::optional<FailRule> takeFailure(const QByteArray &method, const QString &path);

    /// Statuses we answer with: standard ones, each with its reason phrase.
    static bool isSupportedErrorStatus(int status);

private:
    static FailRule parseRule(const QJsonValue &value);

    bool m_streamDisabled = false;
    int m_streamStatus = 0;
    int m_firstByteDelayMs = 0;
    QList<FailRule> m_rules;
};

} // namespace CStar::DevServer
