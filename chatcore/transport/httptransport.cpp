// SPDX-License-Identifier: MIT
#include "httptransport_p.h"

#include "chatjob_p.h"
#include "logging_p.h"
#include "routes_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

#include <limits>

namespace CStar::Internal {

namespace {

/// One REST call and its retries; lives until the job is completed.
class RestCall : public QObject
{
public:
    RestCall(HttpTransport *transport, RestRequest request, const QString &token, ChatJob *job)
        : QObject(transport)
        , m_transport(transport)
        , m_request(std::move(request))
        , m_token(token)
        , m_job(job)
    {
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            if (m_reply)
                m_reply->abort();
        });
        m_retryTimer.setSingleShot(true);
        connect(&m_retryTimer, &QTimer::timeout, this, &RestCall::attempt);
        connect(job, &QObject::destroyed, this, [this] { abort(); });
    }

    void attempt()
    {
        if (!m_job || Internal::JobAccess::isAbandoned(m_job))
            return abort();
        ++m_attempts;
        m_timedOut = false;
        m_tooLarge = false;
        QNetworkRequest req =
            m_transport->makeRequest(m_transport->url(m_request.path, m_request.query), m_token);
        if (!m_request.idempotencyKey.isEmpty())
            req.setRawHeader("Idempotency-Key", m_request.idempotencyKey);
        if (!m_request.body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        for (const auto &[name, value] : std::as_const(m_request.headers))
            req.setRawHeader(name, value);
        QNetworkAccessManager *nam = m_transport->network();
        m_reply = m_request.body.isEmpty() && m_request.method == "GET"
            ? nam->get(req)
            : nam->sendCustomRequest(req, m_request.method, m_request.body);
        qCDebug(lcTransport) << m_request.method << m_request.path << "attempt" << m_attempts;
        m_sinkWritten = 0;
        m_sinkFailed = false;
        if (m_request.sink) {
            // Before the cap below: a download's body is drained as it comes.
            connect(m_reply, &QNetworkReply::readyRead, this, &RestCall::drainToSink);
        }
        // Transfers (§11) may take longer than the request timeout: it
        // counts from the last progress, not from the start.
        connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            if (sent > 0)
                m_timeout.start(m_transport->options().requestTimeoutMs);
            if (m_request.uploadProgress && total > 0)
                m_request.uploadProgress(sent, total);
        });
        connect(m_reply, &QNetworkReply::downloadProgress, this,
                [this](qint64 received, qint64 total) {
                    if (received > 0 && m_request.sink)
                        m_timeout.start(m_transport->options().requestTimeoutMs);
                    if (m_request.downloadProgress && isSuccessStatus())
                        m_request.downloadProgress(received, total);
                });
        m_transport->limitResponse(m_reply, [self = QPointer<RestCall>(this)] {
            if (self)
                self->m_tooLarge = true;
        });
        if (m_request.sink)
            m_reply->setReadBufferSize(256 * 1024); // drained: memory stays bounded
        connect(m_reply, &QNetworkReply::finished, this, &RestCall::onFinished);
        m_timeout.start(m_transport->options().requestTimeoutMs);
    }

    void failAll(const ChatError &reason)
    {
        if (m_job)
            Internal::JobAccess::fail(m_job, reason);
        abort();
    }

private:
    void abort()
    {
        m_timeout.stop();
        m_retryTimer.stop();
        if (m_reply) {
            m_reply->disconnect(this);
            if (!m_reply->isFinished())
                m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        deleteLater();
    }

    void onFinished()
    {
        m_timeout.stop();
        if (m_request.sink && !m_tooLarge && !m_sinkFailed)
            drainToSink();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (!m_job || Internal::JobAccess::isAbandoned(m_job))
            return abort();
        if (m_sinkFailed)
            return finish(ChatError(ChatError::Kind::Protocol, QStringLiteral("write_failed"),
                                    QStringLiteral("Could not write the download: ")
                                        + (m_request.sink ? m_request.sink->errorString()
                                                          : QStringLiteral("device gone"))));

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
        if (m_tooLarge)
            return finish(ChatError(ChatError::Kind::Protocol, QStringLiteral("response_too_large"),
                                    QStringLiteral("The server's answer exceeds the size limit")));
        // A connection that broke mid-answer (closed, reset, unparsable) is a
        // network failure even after a status line: retry it (the same
        // Idempotency-Key makes that safe) rather than reading half a body as
        // the server's answer. For statuses >= 400 Qt reports the status
        // itself as an error too: those are answers, handled below.
        const QNetworkReply::NetworkError netError = reply->error();
        const bool brokenConnection = netError != QNetworkReply::NoError
            && (netError < QNetworkReply::ContentAccessDenied
                || netError == QNetworkReply::ProtocolFailure || status < 400);
        if (status == 0 || brokenConnection) {
            ChatError error = m_timedOut
                ? ChatError(ChatError::Kind::Timeout, QStringLiteral("timeout"),
                            QStringLiteral("The server did not answer in time"))
                : ChatError(ChatError::Kind::Network, QStringLiteral("network_error"),
                            reply->errorString());
            // A download that wrote bytes cannot start again into the same device.
            return m_sinkWritten > 0 ? finish(error) : retryOrFinish(error);
        }
        if (m_request.sink && status >= 200 && status < 300) {
            if (m_request.downloaded)
                m_request.downloaded(*reply, m_sinkWritten);
            return complete(QJsonObject(), status);
        }

        const QByteArray body = reply->readAll();
        QJsonParseError parseError {};
        const QJsonDocument doc =
            body.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(body, &parseError);
        if (status >= 200 && status < 300) {
            if (status == 204 || body.isEmpty())
                return complete(QJsonObject(), status);
            if (!doc.isObject() || !doc.object().value(QLatin1String("success")).toBool(true))
                return finish(
                    ChatError(ChatError::Kind::Protocol, QStringLiteral("invalid_json"),
                              QStringLiteral("The server's answer is not a valid JSON envelope")));
            return complete(doc.object(), status);
        }

        bool ok = false;
        int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (!ok || retryAfter < 0)
            retryAfter = -1;
        ChatError error = ChatError::fromHttp(status, doc.object(), requestId, retryAfter);
        if (status == 401 && m_request.reportsUnauthorized)
            Q_EMIT m_transport->unauthorized(error, m_token);
        // §3: a longer wait than the cap is not waited out; the caller decides.
        if (error.kind() == ChatError::Kind::RateLimit
            && error.retryAfter() > m_transport->options().maxRetryAfterS)
            return finish(error);
        retryOrFinish(error);
    }

    bool isSuccessStatus() const
    {
        const int status =
            m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
        return status >= 200 && status < 300;
    }

    /// A 2xx download's bytes to the sink as they arrive, within maxSinkBytes
    /// (an error answer stays in the reply, under the response cap).
    void drainToSink()
    {
        if (!m_reply || !m_request.sink || !isSuccessStatus())
            return;
        while (m_reply->bytesAvailable() > 0) {
            const QByteArray chunk = m_reply->read(64 * 1024);
            if (m_sinkWritten + chunk.size() > m_request.maxSinkBytes) {
                m_tooLarge = true;
                return m_reply->abort();
            }
            if (m_request.sink->write(chunk) != chunk.size()) {
                m_sinkFailed = true;
                return m_reply->abort();
            }
            m_sinkWritten += chunk.size();
        }
    }

    void retryOrFinish(const ChatError &error)
    {
        const TransportOptions &o = m_transport->options();
        if (!error.isTransient() || m_attempts > o.maxRetries)
            return finish(error);
        int delay = m_transport->backoffDelayMs(m_attempts);
        if (error.kind() == ChatError::Kind::RateLimit) {
            const int seconds = error.retryAfter() >= 0 ? error.retryAfter() : o.defaultRetryAfterS;
            // In 64 bits: a hostile Retry-After (2147483647) must not overflow an int.
            delay = int(qMin<qint64>(qint64(seconds) * 1000
                                         + QRandomGenerator::global()->bounded(o.retryJitterMs + 1),
                                     std::numeric_limits<int>::max()));
        }
        qCInfo(lcTransport) << m_request.method << m_request.path << "retrying in" << delay
                            << "ms after" << error.code();
        Q_EMIT m_job->retrying(m_attempts, error);
        m_retryTimer.start(delay);
    }

    void complete(const QJsonObject &envelope, int status)
    {
        Internal::JobAccess::complete(m_job, envelope, status);
        deleteLater();
    }

    void finish(const ChatError &error)
    {
        qCInfo(lcTransport) << m_request.method << m_request.path << "failed:" << error.code();
        Internal::JobAccess::fail(m_job, error);
        deleteLater();
    }

    HttpTransport *m_transport;
    RestRequest m_request;
    QString m_token;
    QPointer<ChatJob> m_job;
    QNetworkReply *m_reply = nullptr;
    QTimer m_timeout;
    QTimer m_retryTimer;
    int m_attempts = 0;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_sinkFailed = false;
    qint64 m_sinkWritten = 0;
};

} // namespace

HttpTransport::HttpTransport(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{ }

QUrl HttpTransport::url(const QString &path, const QUrlQuery &query) const
{
    if (!isValidTeamSlug(m_teamSlug))
        return QUrl(); // never a request to a path the slug would rewrite
    QUrl u = m_baseUrl;
    QString base = u.path(QUrl::FullyEncoded);
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + Routes::chatRoot(m_teamSlug) + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QNetworkRequest HttpTransport::makeRequest(const QUrl &url, const QString &token) const
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "cstar-chat-qt/" CSTARCHAT_VERSION_STRING);
    // A token that could inject a header is never sent (it is refused on
    // arrival too: ChatClientPrivate::setSession).
    if (!token.isEmpty() && isValidToken(token))
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // The protocol has no redirects; following one (Qt's default) would send
    // the Authorization header to whatever host a hostile answer names.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return req;
}

void HttpTransport::limitResponse(QNetworkReply *reply, std::function<void()> tooLarge) const
{
    // The cap must hold while the body arrives: downloadProgress is
    // throttled (every 100 ms, hundreds of MB on loopback), readyRead is
    // not; the read buffer makes Qt stop reading from the socket past it
    // (with room to spare: Qt may stop short of the buffer's size).
    const qint64 cap = m_options.maxResponseBytes;
    reply->setReadBufferSize(2 * cap + 65536);
    QObject::connect(reply, &QNetworkReply::readyRead, reply,
                     [reply, cap, tooLarge = std::move(tooLarge)] {
                         if (reply->bytesAvailable() <= cap)
                             return;
                         if (tooLarge)
                             tooLarge();
                         reply->abort();
                     });
}

void HttpTransport::execute(RestRequest request, const QString &token, ChatJob *job)
{
    if (!isValidTeamSlug(m_teamSlug)) {
        JobAccess::fail(job, invalidTeamSlugError()); // the job reports it after this call returns
        return;
    }
    if (request.method == "POST" && request.idempotencyKey.isEmpty())
        request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    auto *call = new RestCall(this, std::move(request), token, job);
    call->attempt();
}

void HttpTransport::abortAll(const ChatError &reason)
{
    const auto calls = findChildren<QObject *>(QString(), Qt::FindDirectChildrenOnly);
    for (QObject *child : calls) {
        if (auto *call = dynamic_cast<RestCall *>(child))
            call->failAll(reason);
    }
}

bool HttpTransport::isValidToken(const QString &token)
{
    constexpr qsizetype maxTokenLength = 4096;
    if (token.isEmpty() || token.size() > maxTokenLength)
        return false;
    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char16_t c = token.at(i).unicode();
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_' || c == u'~'
            || c == u'+' || c == u'/';
        if (!plain)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i) {
        if (token.at(i) != u'=')
            return false;
    }
    return true;
}

bool HttpTransport::isValidTeamSlug(const QString &slug)
{
    if (slug.isEmpty() || slug.size() > 100 || slug == QLatin1String(".")
        || slug == QLatin1String(".."))
        return false;
    for (const QChar ch : slug) {
        const char16_t c = ch.unicode();
        const bool unreserved = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_' || c == u'~';
        if (!unreserved)
            return false;
    }
    return true;
}

ChatError HttpTransport::invalidTeamSlugError()
{
    return ChatError(ChatError::Kind::Validation, QStringLiteral("invalid_team_slug"),
                     QStringLiteral("The team slug is not a valid path segment"));
}

int HttpTransport::backoffDelayMs(int attempt) const
{
    const qint64 exp = qint64(m_options.retryBaseDelayMs) << qMin(attempt - 1, 20);
    const int capped = int(qMin<qint64>(exp, m_options.retryMaxDelayMs));
    return capped + int(QRandomGenerator::global()->bounded(m_options.retryJitterMs + 1));
}

} // namespace CStar::Internal
