// SPDX-License-Identifier: MIT
#pragma once

#include "chaterror.h"
#include "eventstreamparser.h"
#include "transportoptions.h"

#include <QNetworkRequest>
#include <QObject>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace CStar::Internal {

/// One `GET /events` connection: validates the answer (protocol §9), feeds
/// the parser, and watches the first-byte and silence deadlines.
class EventStream : public QObject
{
    Q_OBJECT
public:
    enum class End {
        Lost, ///< network error, closed by the server, or silence: reconnect
        Unusable, ///< wrong status or content type, or no first byte in time: poll
        NoStream, ///< 204: the server does not offer a stream: poll
        Unauthorized, ///< 401
    };
    Q_ENUM(End)

    EventStream(QNetworkAccessManager *network, const TransportOptions &options, QObject *parent);
    ~EventStream() override;

    void open(QNetworkRequest request);
    void close();
    bool isOpen() const { return m_reply != nullptr; }
    bool hasReceivedData() const { return m_receivedData; }
    EventStreamParser &parser() { return m_parser; }

Q_SIGNALS:
    /// The first byte of a valid stream arrived: it is live.
    void opened();
    void eventReceived(const CStar::ServerSentEvent &event);
    void retryReceived(int ms);
    void protocolError(const CStar::ChatError &error);
    void ended(CStar::Internal::EventStream::End reason, const CStar::ChatError &error);

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void finish(End reason, const ChatError &error);

    QNetworkAccessManager *m_network;
    const TransportOptions &m_options;
    QNetworkReply *m_reply = nullptr;
    EventStreamParser m_parser;
    QTimer m_firstByte;
    QTimer m_silence;
    bool m_validated = false;
    bool m_receivedData = false;
    bool m_firstByteExpired = false;
    bool m_silent = false;
    int m_status = 0;
};

} // namespace CStar::Internal
