// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "transportoptions.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace CStar {
class ChatJob;
}

namespace CStar::Internal {

struct RestRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; ///< relative to the chat root (Routes)
    QUrlQuery query;
    QByteArray body; ///< compact JSON (or the raw bytes of an upload); empty = no body
    QByteArray contentType = QByteArrayLiteral("application/json"); ///< of a body
    QList<std::pair<QByteArray, QByteArray>> headers; ///< more headers (X-Filename, Range)
    bool needsSession = true;
    QByteArray idempotencyKey; ///< POSTs get one if empty; retries reuse it (§3)
    /// A 401 means the session is gone. Not for identify: a rejected
    /// signature must not cost the anonymous session its tickets.
    bool reportsUnauthorized = true;
    /// Progress of each attempt's body (§11 uploads).
    std::function<void(qint64 sent, qint64 total)> uploadProgress;
    /// A download (§11 GET /attachments/{id}): a 2xx body goes to `sink` as
    /// it arrives (never held whole), at most `maxSinkBytes`; the job then
    /// completes without an envelope. Not retried once a byte was written.
    QPointer<QIODevice> sink;
    qint64 maxSinkBytes = 0;
    std::function<void(qint64 received, qint64 total)> downloadProgress;
    /// A 2xx answer to a download, before the job completes (its headers).
    std::function<void(const QNetworkReply &reply, qint64 written)> downloaded;
};

/// REST over one QNetworkAccessManager: common headers, timeouts, retries
/// with backoff and jitter, 429 Retry-After, response size cap, and the
/// mapping of answers to ChatError (protocol §2, §3).
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    explicit HttpTransport(QObject *parent = nullptr);

    QNetworkAccessManager *network() const { return m_network; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTeamSlug(const QString &slug) { m_teamSlug = slug; }
    QString teamSlug() const { return m_teamSlug; }
    void setOptions(const TransportOptions &options) { m_options = options; }
    const TransportOptions &options() const { return m_options; }

    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    /// Headers every request carries; the token only in Authorization.
    QNetworkRequest makeRequest(const QUrl &url, const QString &token) const;

    /// Bounds `reply` to options().maxResponseBytes while the body arrives
    /// (a hostile 1 GiB answer), not only at the end: past the cap it is
    /// aborted, `tooLarge` first. For every REST call and every poll.
    void limitResponse(QNetworkReply *reply, std::function<void()> tooLarge = {}) const;

    /// Runs the request for `job` with retries. The job is failed or
    /// completed exactly once; abandoning or deleting it aborts the request.
    void execute(RestRequest request, const QString &token, ChatJob *job);
    /// Fails every request in flight with `reason`.
    void abortAll(const ChatError &reason);

    /// Delay before retry number `attempt` (1-based) per §3.
    int backoffDelayMs(int attempt) const;

    /// A session token as a server may issue it: 1–4096 token68 characters
    /// (RFC 7235), so it can never break out of the Authorization header.
    static bool isValidToken(const QString &token);
    /// A team slug that is one safe path segment: 1–100 unreserved URL
    /// characters (RFC 3986), not "." or "..".
    static bool isValidTeamSlug(const QString &slug);
    static ChatError invalidTeamSlugError();

Q_SIGNALS:
    /// A request that carried `token` was answered 401.
    void unauthorized(const CStar::ChatError &error, const QString &token);

private:
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_teamSlug;
    TransportOptions m_options;
};

} // namespace CStar::Internal
