// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace CStar::DevServer::Ids {

/// `prefix` + `length` random base62 characters from the system CSPRNG
/// (protocol §1: ids are opaque strings with prefixes).
QString random(QLatin1String prefix, int length = 20);

QString requestId(); ///< `req_…`
QString sessionToken(); ///< `cst_…`, 40 random characters (~238 bits)

/// Tokens and keys are stored and compared as SHA-256 hex, never in clear.
QByteArray hashSecret(const QString &secret);

/// Lower-case hex SHA-256 of arbitrary bytes.
QByteArray sha256Hex(const QByteArray &bytes);

qint64 nowMs();

/// ISO-8601 UTC with milliseconds (protocol §1): `2026-11-24T21:18:04.561Z`.
QString isoTimestamp(qint64 msSinceEpoch);

/// Compares two byte strings in time independent of where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace CStar::DevServer::Ids
