// SPDX-License-Identifier: MIT
#include "apierror.h"

using namespace Qt::StringLiterals;

namespace CStar::DevServer {

namespace {

ApiError make(int status, const QString &type, const QString &code, const QString &message,
              const QString &param = {})
{
    ApiError e;
    e.status = status;
    e.type = type;
    e.code = code;
    e.message = message;
    e.param = param;
    return e;
}

const QString invalidRequest = u"invalid_request_error"_s;
const QString authentication = u"authentication_error"_s;

} // namespace

ApiError ApiError::parameterMissing(const QString &param, const QString &message)
{
    return make(400, invalidRequest, u"parameter_missing"_s,
                message.isEmpty() ? u"Missing required parameter: %1."_s.arg(param) : message,
                param);
}

ApiError ApiError::parameterInvalid(const QString &param, const QString &message)
{
    return make(400, invalidRequest, u"parameter_invalid"_s, message, param);
}

ApiError ApiError::invalidJson(const QString &message)
{
    return make(400, invalidRequest, u"invalid_json"_s, message);
}

ApiError ApiError::invalidUtf8(const QString &message, const QString &param)
{
    return make(400, invalidRequest, u"invalid_utf8"_s, message, param);
}

ApiError ApiError::bodyTooLarge(qint64 maxBytes)
{
    return make(413, invalidRequest, u"body_too_large"_s,
                u"The request body exceeds %1 bytes."_s.arg(maxBytes));
}

ApiError ApiError::fileTooLarge(qint64 maxBytes)
{
    return make(413, invalidRequest, u"file_too_large"_s,
                u"The file exceeds %1 bytes."_s.arg(maxBytes));
}

ApiError ApiError::unsupportedMediaType(const QString &contentType)
{
    ApiError e = make(415, invalidRequest, u"unsupported_media_type"_s,
                      u"Files of type \"%1\" are not accepted."_s.arg(contentType.left(100)));
    e.param = u"Content-Type"_s;
    return e;
}

ApiError ApiError::contentMismatch(const QString &message)
{
    ApiError e = make(422, invalidRequest, u"content_mismatch"_s, message);
    e.param = u"Content-Type"_s;
    return e;
}

ApiError ApiError::imageTooLarge(const QString &message)
{
    return make(422, invalidRequest, u"image_too_large"_s, message);
}

ApiError ApiError::rangeNotSatisfiable(qint64 size)
{
    ApiError e = make(416, invalidRequest, u"range_not_satisfiable"_s,
                      u"The range lies outside the file's %1 bytes."_s.arg(size));
    e.param = u"Range"_s;
    return e;
}

ApiError ApiError::idempotencyConflict()
{
    return make(409, invalidRequest, u"idempotency_conflict"_s,
                u"This Idempotency-Key was already used with a different request."_s);
}

ApiError ApiError::authenticationRequired(const QString &message)
{
    return make(401, authentication, u"authentication_required"_s, message);
}

ApiError ApiError::sessionExpired()
{
    ApiError e = make(401, authentication, u"session_expired"_s, u"The session has expired."_s);
    e.hint = u"Create a new session with POST /sessions."_s;
    return e;
}

ApiError ApiError::invalidSignature()
{
    return make(401, authentication, u"invalid_signature"_s,
                u"The customer signature does not match."_s, u"signature"_s);
}

ApiError ApiError::signatureExpired(qint64 windowS)
{
    return make(401, authentication, u"signature_expired"_s,
                u"The customer timestamp is more than %1 s away from server time."_s.arg(windowS),
                u"customer.timestamp"_s);
}

ApiError ApiError::identifyRequired()
{
    ApiError e = make(403, authentication, u"identify_required"_s,
                      u"This call needs an identified customer."_s);
    e.hint = u"Call identify first: POST /identify with the signed customer."_s;
    return e;
}

ApiError ApiError::publishableKeyWrite()
{
    return make(403, authentication, u"publishable_key_write"_s,
                u"A publishable key can only read; use a secret key (sk_…) to write."_s);
}

ApiError ApiError::secretKeyRequired()
{
    return make(403, authentication, u"secret_key_required"_s,
                u"A publishable key is public and cannot read customer data; use a secret "
                "key (sk_…)."_s);
}

ApiError ApiError::resourceMissing(const QString &message, const QString &param)
{
    return make(404, u"not_found_error"_s, u"resource_missing"_s, message, param);
}

ApiError ApiError::methodNotAllowed(const QString &method, const QString &path)
{
    return make(405, invalidRequest, u"method_not_allowed"_s,
                u"%1 is not allowed on %2."_s.arg(method, path));
}

ApiError ApiError::rateLimited(int retryAfterS, const QString &message)
{
    ApiError e = make(429, u"rate_limit_error"_s, u"rate_limit_exceeded"_s,
                      message.isEmpty() ? u"Too many requests."_s : message);
    e.retryAfterS = retryAfterS;
    return e;
}

ApiError ApiError::internal(const QString &message)
{
    return make(500, u"api_error"_s, u"internal_error"_s,
                message.isEmpty() ? u"Internal server error."_s : message);
}

ApiError ApiError::forStatus(int status, int retryAfterS)
{
    const QString simulated = u"Simulated by the dev control (HTTP %1)."_s.arg(status);
    switch (status) {
    case 400:
        return make(400, invalidRequest, u"parameter_invalid"_s, simulated);
    case 401:
        return authenticationRequired(simulated);
    case 403:
        return make(403, authentication, u"forbidden"_s, simulated);
    case 404:
        return resourceMissing(simulated);
    case 405:
        return make(405, invalidRequest, u"method_not_allowed"_s, simulated);
    case 409:
        return make(409, invalidRequest, u"conflict"_s, simulated);
    case 413:
        return make(413, invalidRequest, u"body_too_large"_s, simulated);
    case 429:
        return rateLimited(retryAfterS, simulated);
    default:
        break;
    }
    ApiError e = status >= 500 ? internal(simulated)
                               : make(status, invalidRequest, u"parameter_invalid"_s, simulated);
    e.status = status;
    return e;
}

} // namespace CStar::DevServer
