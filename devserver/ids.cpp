// SPDX-License-Identifier: MIT
#include "ids.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace CStar::DevServer::Ids {

QString random(QLatin1String prefix, int length)
{
    static constexpr char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    constexpr quint32 alphabetSize = sizeof(alphabet) - 1;
    QString id;
    id.reserve(prefix.size() + length);
    id.append(prefix);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        id.append(QLatin1Char(alphabet[rng->bounded(alphabetSize)]));
    return id;
}

QString requestId()
{
    return random("req_"_L1, 24);
}

QString sessionToken()
{
    return random("cst_"_L1, 40);
}

QByteArray hashSecret(const QString &secret)
{
    return sha256Hex(secret.toUtf8());
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

namespace {
QAtomicInteger<qint64> lastStamp; // the last value nowMs() returned
} // namespace

qint64 nowMs()
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    qint64 last = lastStamp.loadAcquire();
    qint64 next = 0;
    do {
        next = qMax(wall, last + 1);
    } while (!lastStamp.testAndSetOrdered(last, next, last));
    return next;
}

void advanceClockPast(qint64 floorMs)
{
    qint64 last = lastStamp.loadAcquire();
    while (last < floorMs && !lastStamp.testAndSetOrdered(last, floorMs, last)) { }
}

QString isoTimestamp(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toUTC().toString(Qt::ISODateWithMs);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Walk the longer input completely so the time depends only on lengths.
    const qsizetype n = qMax(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = i < a.size() ? static_cast<unsigned char>(a.at(i)) : 0;
        const auto y = i < b.size() ? static_cast<unsigned char>(b.at(i)) : 0;
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

} // namespace CStar::DevServer::Ids
