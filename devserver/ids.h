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

/// Milliseconds since the epoch, strictly increasing across calls in this
/// process: never equal, never going back (a wall-clock step back or two calls
/// in one millisecond bump it by 1). Stored timestamps order tickets and
/// messages (protocol §5 "newest updatedAt first"), so equal ones would sort
/// by chance. It runs ahead of the wall clock only while more than one call
/// per millisecond comes in, and catches up once they stop.
qint64 nowMs();
/// Makes every later nowMs() larger than `floorMs` (a database's newest
/// timestamp, so a restart on a clock that went back keeps the order).
void advanceClockPast(qint64 floorMs);

/// ISO-8601 UTC with milliseconds (protocol §1): `2026-11-24T21:18:04.561Z`.
QString isoTimestamp(qint64 msSinceEpoch);

/// Compares two byte strings in time independent of where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace CStar::DevServer::Ids
