// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace CStar::DevServer {

/// One error row of protocol §2. Request handlers throw it (caught by the
/// server's dispatcher, never across the event loop) so validation reads as a
/// straight line; the dispatcher turns it into the error envelope.
struct ApiError
{
    int status = 500;
    QString type;
    QString code;
    QString message;
    QString param;
    QString hint;
    int retryAfterS = -1; ///< 429 only

    // 400 invalid_request_error
    static ApiError parameterMissing(const QString &param, const QString &message = {});
    static ApiError parameterInvalid(const QString &param, const QString &message);
    static ApiError invalidJson(const QString &message);
    static ApiError invalidUtf8(const QString &message, const QString &param = {});
    static ApiError bodyTooLarge(qint64 maxBytes); // 413
    static ApiError idempotencyConflict(); // 409
    // protocol §11
    static ApiError fileTooLarge(qint64 maxBytes); // 413
    static ApiError unsupportedMediaType(const QString &contentType); // 415
    static ApiError contentMismatch(const QString &message); // 422
    static ApiError imageTooLarge(const QString &message); // 422
    static ApiError rangeNotSatisfiable(qint64 size); // 416
    // 401 / 403 authentication_error
    static ApiError authenticationRequired(const QString &message);
    static ApiError sessionExpired();
    static ApiError invalidSignature();
    static ApiError signatureExpired(qint64 windowS);
    static ApiError identifyRequired();
    static ApiError publishableKeyWrite();
    static ApiError secretKeyRequired(); ///< pk_ on the agent root (protocol §10)
    // 404 / 405
    static ApiError resourceMissing(const QString &message, const QString &param = {});
    static ApiError methodNotAllowed(const QString &method, const QString &path);
    // 429 / 5xx
    static ApiError rateLimited(int retryAfterS, const QString &message = {});
    static ApiError internal(const QString &message = {});

    /// A plausible error for an arbitrary status (dev controls: failNext, streamStatus).
    static ApiError forStatus(int status, int retryAfterS = 1);
};

/// A storage failure; the dispatcher rolls back and answers 500 internal_error.
struct DatabaseError
{
    QString message;
};

} // namespace CStar::DevServer
