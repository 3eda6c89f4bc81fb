// SPDX-License-Identifier: MIT
#include "eventstream_p.h"

#include "logging_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace CStar::Internal {

EventStream::EventStream(QNetworkAccessManager *network, const TransportOptions &options,
                         QObject *parent)
    : QObject(parent), m_network(network), m_options(options), m_parser(options.maxEventBytes)
{
    m_firstByte.setSingleShot(true);
    m_silence.setSingleShot(true);
    connect(&m_firstByte, &QTimer::timeout, this, [this] {
        // §9: not even `retry:` within 10 s — most likely a buffering proxy.
        m_firstByteExpired = true;
        qCInfo(lcTransport) << "no first byte on the event stream in time";
        if (m_reply)
            m_reply->abort();
    });
    connect(&m_silence, &QTimer::timeout, this, [this] {
        // §9: no byte for 45 s (three missed pings) counts as loss.
        m_silent = true;
        qCInfo(lcTransport) << "event stream silent for too long";
        if (m_reply)
            m_reply->abort();
    });
    m_parser.onEvent = [this](const ServerSentEvent &e) { Q_EMIT eventReceived(e); };
    m_parser.onRetry = [this](int ms) { Q_EMIT retryReceived(ms); };
    m_parser.onError = [this](const QString &message) {
        Q_EMIT protocolError(
            ChatError(ChatError::Kind::Protocol, QStringLiteral("event_too_large"), message));
    };
}

EventStream::~EventStream()
{
    close();
}

void EventStream::open(QNetworkRequest request)
{
    close();
    m_validated = m_receivedData = m_firstByteExpired = m_silent = false;
    m_status = 0;
    m_parser.restart();
    m_parser.setMaxEventSize(m_options.maxEventBytes);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    if (!m_parser.lastEventId().isEmpty())
        request.setRawHeader("Last-Event-ID", m_parser.lastEventId().toUtf8());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &EventStream::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &EventStream::onFinished);
    m_firstByte.start(m_options.firstByteTimeoutMs);
}

void EventStream::close()
{
    m_firstByte.stop();
    m_silence.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        // A finished reply (closed by the server) reports its error again if
        // aborted, which Qt warns about.
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
}

void EventStream::onMetaData()
{
    if (!m_reply || m_validated)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 0)
        return;
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (m_status == 200 && type.trimmed().toLower().startsWith("text/event-stream")) {
        m_validated = true;
        return;
    }
    if (m_status == 401)
        return; // read the error body in onFinished
    qCInfo(lcTransport) << "event stream unusable: HTTP" << m_status << type;
    const End reason = m_status == 204 ? End::NoStream : End::Unusable;
    const ChatError error(
        ChatError::Kind::Protocol, QStringLiteral("stream_unavailable"),
        QStringLiteral("The event stream is not available (HTTP %1)").arg(m_status));
    // Not from inside QNetworkReply's own signal: aborting there makes it
    // report its error twice. The reply is not read meanwhile.
    m_reply->disconnect(this);
    QMetaObject::invokeMethod(
        this,
        [this, reply = QPointer<QNetworkReply>(m_reply), reason, error] {
            if (reply && reply == m_reply)
                finish(reason, error);
        },
        Qt::QueuedConnection);
}

void EventStream::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_validated) {
        // A 401 body is small; anything else unvalidated is not ours to read.
        if (m_reply->bytesAvailable() > 65536)
            m_reply->abort();
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    m_silence.start(m_options.silenceTimeoutMs);
    if (!m_receivedData) {
        m_receivedData = true;
        m_firstByte.stop();
        Q_EMIT opened();
    }
    m_parser.feed(chunk);
}

void EventStream::onFinished()
{
    if (!m_reply)
        return;
    const QNetworkReply::NetworkError netError = m_reply->error();
    const QString errorString = m_reply->errorString();
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 401) {
        const QJsonObject body = QJsonDocument::fromJson(m_reply->readAll()).object();
        const ChatError error = ChatError::fromHttp(
            401, body, QString::fromLatin1(m_reply->rawHeader("X-Request-Id")), -1);
        return finish(End::Unauthorized, error);
    }
    if (m_firstByteExpired)
        return finish(End::Unusable,
                      ChatError(ChatError::Kind::Timeout, QStringLiteral("first_byte_timeout"),
                                QStringLiteral("The event stream sent nothing in time")));
    if (m_status != 0 && !m_validated) {
        const End reason = m_status == 204 ? End::NoStream : End::Unusable;
        return finish(reason,
                      ChatError(ChatError::Kind::Protocol, QStringLiteral("stream_unavailable"),
                                QStringLiteral("HTTP %1").arg(m_status)));
    }
    if (m_silent)
        return finish(End::Lost,
                      ChatError(ChatError::Kind::Timeout, QStringLiteral("stream_silent"),
                                QStringLiteral("The event stream went silent")));
    Q_UNUSED(netError)
    finish(
        End::Lost,
        ChatError(ChatError::Kind::Network, QStringLiteral("stream_lost"),
                  errorString.isEmpty() ? QStringLiteral("The event stream ended") : errorString));
}

void EventStream::finish(End reason, const ChatError &error)
{
    close();
    Q_EMIT ended(reason, error);
}

} // namespace CStar::Internal
