// SPDX-License-Identifier: MIT
#include "httptransport_p.h"

#include "chatjob.h"
#include "logging_p.h"
#include "routes_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

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
        if (!m_job || m_job->isAbandoned())
            return abort();
        ++m_attempts;
        m_timedOut = false;
        m_tooLarge = false;
        QNetworkRequest req =
            m_transport->makeRequest(m_transport->url(m_request.path, m_request.query), m_token);
        if (!m_request.idempotencyKey.isEmpty())
            req.setRawHeader("Idempotency-Key", m_request.idempotencyKey);
        if (!m_request.body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QNetworkAccessManager *nam = m_transport->network();
        m_reply = m_request.body.isEmpty() && m_request.method == "GET"
            ? nam->get(req)
            : nam->sendCustomRequest(req, m_request.method, m_request.body);
        qCDebug(lcTransport) << m_request.method << m_request.path << "attempt" << m_attempts;
        connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
            if (received > m_transport->options().maxResponseBytes && m_reply) {
                m_tooLarge = true;
                m_reply->abort();
            }
        });
        connect(m_reply, &QNetworkReply::finished, this, &RestCall::onFinished);
        m_timeout.start(m_transport->options().requestTimeoutMs);
    }

    void failAll(const ChatError &reason)
    {
        if (m_job)
            m_job->fail(reason);
        abort();
    }

private:
    void abort()
    {
        m_timeout.stop();
        m_retryTimer.stop();
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        deleteLater();
    }

    void onFinished()
    {
        m_timeout.stop();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (!m_job || m_job->isAbandoned())
            return abort();

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
        if (m_tooLarge)
            return finish(ChatError(ChatError::Kind::Protocol, QStringLiteral("response_too_large"),
                                    QStringLiteral("The server's answer exceeds the size limit")));
        if (status == 0) {
            ChatError error = m_timedOut
                ? ChatError(ChatError::Kind::Timeout, QStringLiteral("timeout"),
                            QStringLiteral("The server did not answer in time"))
                : ChatError(ChatError::Kind::Network, QStringLiteral("network_error"),
                            reply->errorString());
            return retryOrFinish(error);
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
        retryOrFinish(error);
    }

    void retryOrFinish(const ChatError &error)
    {
        const TransportOptions &o = m_transport->options();
        if (!error.isTransient() || m_attempts > o.maxRetries)
            return finish(error);
        int delay = m_transport->backoffDelayMs(m_attempts);
        if (error.kind() == ChatError::Kind::RateLimit) {
            const int seconds = error.retryAfter() >= 0 ? error.retryAfter() : o.defaultRetryAfterS;
            delay = seconds * 1000 + int(QRandomGenerator::global()->bounded(o.retryJitterMs + 1));
        }
        qCInfo(lcTransport) << m_request.method << m_request.path << "retrying in" << delay
                            << "ms after" << error.code();
        Q_EMIT m_job->retrying(m_attempts, error);
        m_retryTimer.start(delay);
    }

    void complete(const QJsonObject &envelope, int status)
    {
        m_job->complete(envelope, status);
        deleteLater();
    }

    void finish(const ChatError &error)
    {
        qCInfo(lcTransport) << m_request.method << m_request.path << "failed:" << error.code();
        m_job->fail(error);
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
};

} // namespace

HttpTransport::HttpTransport(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{ }

QUrl HttpTransport::url(const QString &path, const QUrlQuery &query) const
{
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
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return req;
}

void HttpTransport::execute(RestRequest request, const QString &token, ChatJob *job)
{
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

int HttpTransport::backoffDelayMs(int attempt) const
{
    const qint64 exp = qint64(m_options.retryBaseDelayMs) << qMin(attempt - 1, 20);
    const int capped = int(qMin<qint64>(exp, m_options.retryMaxDelayMs));
    return capped + int(QRandomGenerator::global()->bounded(m_options.retryJitterMs + 1));
}

} // namespace CStar::Internal
