// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace CStar::DevServer {

struct ApiRequest;

/// Field checks shared by the handlers. Each throws the ApiError of protocol
/// §2 naming the offending `param`.
namespace Validation {

/// Length in Unicode code points (an emoji counts once), the unit of every
/// "N characters" limit of the protocol.
qsizetype codePoints(const QString &text);

/// A string field, trimmed, 1…maxChars code points; absent → parameter_missing.
QString requiredText(const QJsonObject &body, const QString &field, qsizetype maxChars);
/// The same, but absent (or null) → nullopt.
std::optional<QString> optionalText(const QJsonObject &body, const QString &field,
                                    qsizetype maxChars);
/// One of `allowed`; absent → nullopt.
std::optional<QString> optionalEnum(const QJsonObject &body, const QString &field,
                                    const QStringList &allowed);
bool requiredBool(const QJsonObject &body, const QString &field);
std::optional<bool> optionalBool(const QJsonObject &body, const QString &field);

/// `?name=` as an integer in [min, max]; absent → `fallback`.
int queryInt(const ApiRequest &request, const QString &name, int fallback, int min, int max);
/// `?name=` as a non-negative 64-bit integer; absent → nullopt.
std::optional<qint64> queryId(const ApiRequest &request, const QString &name);
/// `?status=` — one status or a comma-separated list (protocol-notes "Ticket paging").
QStringList statusFilter(const ApiRequest &request);

} // namespace Validation

} // namespace CStar::DevServer
