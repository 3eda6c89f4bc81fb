// SPDX-License-Identifier: MIT
#pragma once

#include "cstarchat_core_export.h"

#include <QMetaType>
#include <QString>

class QJsonObject;

namespace CStar {

/// An error as a value: what went wrong (kind), the server's code, message,
/// param and recovery hint, and enough context to report it (protocol §2).
class CSTARCHAT_CORE_EXPORT ChatError
{
    Q_GADGET
    Q_PROPERTY(Kind kind READ kind CONSTANT)
    Q_PROPERTY(bool isError READ isError CONSTANT)
    Q_PROPERTY(QString code READ code CONSTANT)
    Q_PROPERTY(QString message READ message CONSTANT)
    Q_PROPERTY(QString displayText READ displayText)
    Q_PROPERTY(QString param READ param CONSTANT)
    Q_PROPERTY(QString hint READ hint CONSTANT)
    Q_PROPERTY(QString requestId READ requestId CONSTANT)
    Q_PROPERTY(int httpStatus READ httpStatus CONSTANT)
    Q_PROPERTY(int retryAfter READ retryAfter CONSTANT)
    Q_PROPERTY(FileRefusal fileRefusal READ fileRefusal CONSTANT)
public:
    enum class Kind {
        None, ///< no error
        Validation, ///< 400/422: bad parameter (see param)
        Authentication, ///< 401: missing, expired or rejected credentials
        AuthRequired, ///< 403 identify_required: call identify() first (see hint)
        Permission, ///< 403: not allowed with these credentials
        NotFound, ///< 404 (also for other customers' resources)
        Conflict, ///< 409 idempotency_conflict
        RateLimit, ///< 429 (see retryAfter)
        Server, ///< 5xx
        Network, ///< no HTTP answer: connection refused, reset, DNS…
        Timeout, ///< no answer in time
        Protocol, ///< the server answered something this client cannot read
    };
    Q_ENUM(Kind)

    /// Why the server refused a file (protocol §11, §2); code() is the same as text.
    enum class FileRefusal {
        None, ///< not a refusal of a file
        FileTooLarge, ///< 413 file_too_large: over 10 MiB
        UnsupportedMediaType, ///< 415 unsupported_media_type: not an allowed type
        ContentMismatch, ///< 422 content_mismatch: the bytes are not of the stated type
        ImageTooLarge, ///< 422 image_too_large: over 10,000 px a side or 40 megapixels
    };
    Q_ENUM(FileRefusal)

    ChatError() = default;
    ChatError(Kind kind, const QString &code, const QString &message);

    /// Maps an HTTP error answer (protocol §2). `retryAfterHeader` is the
    /// Retry-After header in seconds, or -1 when absent.
    static ChatError fromHttp(int httpStatus, const QJsonObject &body, const QString &requestId,
                              int retryAfterHeader);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    QString code() const { return m_code; }
    QString message() const { return m_message; }
    QString param() const { return m_param; }
    QString hint() const { return m_hint; }
    QString requestId() const { return m_requestId; }
    int httpStatus() const { return m_httpStatus; }
    /// Seconds to wait before retrying (429), or -1.
    int retryAfter() const { return m_retryAfter; }

    FileRefusal fileRefusal() const;

    /// Worth retrying with the same request (network, timeout, 5xx, 429).
    bool isTransient() const;

    /// One sentence for the person using the app, by kind, in the language
    /// CStar::Translation installed ("Could not reach the support service.
    /// Check your connection."); empty for no error. message() is the
    /// server's text, written for developers and in English: keep it for
    /// logs and tooltips.
    QString displayText() const;
    /// What a developer should do about an error of this kind, for when the
    /// server sent no hint (English, like message(); the QML API's
    /// rejections carry it as `hint`). Empty for None.
    static QString defaultHint(Kind kind);
    /// "kind code: message (hint)" for logs and CLIs; never contains credentials.
    QString toString() const;

    void setParam(const QString &param) { m_param = param; }
    void setHint(const QString &hint) { m_hint = hint; }
    void setRequestId(const QString &id) { m_requestId = id; }
    void setHttpStatus(int status) { m_httpStatus = status; }
    void setRetryAfter(int seconds) { m_retryAfter = seconds; }

    friend bool operator==(const ChatError &a, const ChatError &b)
    {
        return a.m_kind == b.m_kind && a.m_code == b.m_code && a.m_message == b.m_message
            && a.m_httpStatus == b.m_httpStatus;
    }
    friend bool operator!=(const ChatError &a, const ChatError &b) { return !(a == b); }

private:
    Kind m_kind = Kind::None;
    QString m_code;
    QString m_message;
    QString m_param;
    QString m_hint;
    QString m_requestId;
    int m_httpStatus = 0;
    int m_retryAfter = -1;
};

} // namespace CStar

Q_DECLARE_METATYPE(CStar::ChatError)
