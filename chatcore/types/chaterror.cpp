// SPDX-License-Identifier: MIT
#include "chaterror.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaEnum>

namespace CStar {

ChatError::ChatError(Kind kind, const QString &code, const QString &message)
    : m_kind(kind), m_code(code), m_message(message)
{ }

static ChatError::Kind kindFor(int status, const QString &code)
{
    using K = ChatError::Kind;
    // §2: 413 file/body too large, 415 unsupported media type, 431 header too large.
    if (status == 400 || status == 413 || status == 415 || status == 422 || status == 431)
        return K::Validation;
    if (status == 401)
        return K::Authentication;
    if (status == 403)
        return code == QLatin1String("identify_required") ? K::AuthRequired : K::Permission;
    if (status == 404 || status == 410)
        return K::NotFound;
    if (status == 409)
        return K::Conflict;
    if (status == 429)
        return K::RateLimit;
    if (status == 408)
        return K::Timeout;
    if (status >= 500)
        return K::Server;
    return K::Protocol;
}

ChatError::FileRefusal ChatError::fileRefusal() const
{
    if (m_kind != Kind::Validation)
        return FileRefusal::None;
    if (m_code == QLatin1String("file_too_large"))
        return FileRefusal::FileTooLarge;
    if (m_code == QLatin1String("unsupported_media_type"))
        return FileRefusal::UnsupportedMediaType;
    if (m_code == QLatin1String("content_mismatch"))
        return FileRefusal::ContentMismatch;
    if (m_code == QLatin1String("image_too_large"))
        return FileRefusal::ImageTooLarge;
    return FileRefusal::None;
}

ChatError ChatError::fromHttp(int httpStatus, const QJsonObject &body, const QString &requestId,
                              int retryAfterHeader)
{
    const QJsonObject e = body.value(QLatin1String("error")).toObject();
    QString code = e.value(QLatin1String("code")).toString();
    QString message = e.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(httpStatus);
    if (code.isEmpty())
        code = httpStatus >= 500 ? QStringLiteral("internal_error")
                                 : QStringLiteral("http_%1").arg(httpStatus);
    ChatError error(kindFor(httpStatus, code), code, message);
    error.m_param = e.value(QLatin1String("param")).toString();
    error.m_hint = e.value(QLatin1String("hint")).toString();
    error.m_requestId = e.value(QLatin1String("request_id")).toString(requestId);
    if (error.m_requestId.isEmpty())
        error.m_requestId = requestId;
    error.m_httpStatus = httpStatus;
    if (httpStatus == 429) {
        const int fromBody = e.value(QLatin1String("retryAfter"))
                                 .toInt(body.value(QLatin1String("retryAfter")).toInt(-1));
        error.m_retryAfter = retryAfterHeader >= 0 ? retryAfterHeader : fromBody;
    }
    return error;
}

bool ChatError::isTransient() const
{
    return m_kind == Kind::Network || m_kind == Kind::Timeout || m_kind == Kind::Server
        || m_kind == Kind::RateLimit;
}

QString ChatError::displayText() const
{
    using K = Kind;
    const char *text = nullptr;
    switch (m_kind) {
    case K::None:
        return QString();
    case K::Validation:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "This was not accepted. Please check what you entered.");
        break;
    case K::Authentication:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "Your session has expired. Please sign in again.");
        break;
    case K::AuthRequired:
        text = QT_TRANSLATE_NOOP("CStar::ChatError", "Please sign in to continue.");
        break;
    case K::Permission:
        text = QT_TRANSLATE_NOOP("CStar::ChatError", "You are not allowed to do this.");
        break;
    case K::NotFound:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "This could not be found. It may have been removed.");
        break;
    case K::Conflict:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "Something changed in the meantime. Please try again.");
        break;
    case K::RateLimit:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "Too many requests. Please wait a moment and try again.");
        break;
    case K::Server:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "The support service has a problem. Please try again later.");
        break;
    case K::Network:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "Could not reach the support service. Check your connection.");
        break;
    case K::Timeout:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "The support service did not answer in time. Please try again.");
        break;
    case K::Protocol:
        text = QT_TRANSLATE_NOOP("CStar::ChatError",
                                 "The support service sent an answer this app cannot read.");
        break;
    }
    return text ? QCoreApplication::translate("CStar::ChatError", text) : QString();
}

QString ChatError::defaultHint(Kind kind)
{
    using K = Kind;
    switch (kind) {
    case K::None:
        return {};
    case K::Validation:
        return QStringLiteral("Check the parameter named in param against the protocol's limits.");
    case K::Authentication:
        return QStringLiteral("The session was rejected: call identify() again, or make a new "
                              "call to start an anonymous session.");
    case K::AuthRequired:
        return QStringLiteral("Call identify(customer, signature) first: this needs an identified "
                              "customer, not an anonymous session.");
    case K::Permission:
        return QStringLiteral("These credentials may not do this.");
    case K::NotFound:
        return QStringLiteral("Check the id: it does not exist or belongs to another customer.");
    case K::Conflict:
        return QStringLiteral(
            "The same idempotency key came with a different body; use a new key.");
    case K::RateLimit:
        return QStringLiteral("Wait retryAfter seconds before calling again.");
    case K::Server:
        return QStringLiteral(
            "The server failed; retry later and report the requestId if it persists.");
    case K::Network:
        return QStringLiteral("Check the connection and baseUrl; the call can be retried.");
    case K::Timeout:
        return QStringLiteral("The server did not answer in time; the call can be retried.");
    case K::Protocol:
        return QStringLiteral("The server's answer does not follow the protocol; check baseUrl.");
    }
    return {};
}

QString ChatError::toString() const
{
    if (!isError())
        return QStringLiteral("no error");
    const char *kindName = QMetaEnum::fromType<Kind>().valueToKey(int(m_kind));
    QString s =
        QLatin1String(kindName) + QLatin1Char(' ') + m_code + QLatin1String(": ") + m_message;
    if (!m_param.isEmpty())
        s += QLatin1String(" [param ") + m_param + QLatin1Char(']');
    if (!m_hint.isEmpty())
        s += QLatin1String(" (") + m_hint + QLatin1Char(')');
    return s;
}

} // namespace CStar
