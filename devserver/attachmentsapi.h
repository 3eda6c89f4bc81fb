// SPDX-License-Identifier: MIT
#pragma once

#include "apiresponse.h"

#include <QStringList>

namespace CStar::DevServer {

struct ApiRequest;
struct Context;
struct StoredFile;

/// POST /uploads and GET /attachments/{id} on the chat and agent roots
/// (protocol §11). The pipeline has authenticated the caller; an upload's
/// body is a file (Route::RawBody) the HTTP layer streamed to disk.
class AttachmentsApi
{
public:
    explicit AttachmentsApi(Context &context);

    ApiResponse upload(const ApiRequest &request);
    ApiResponse download(const ApiRequest &request);

    /// Who may attach what the caller uploads: its session, or the agent key.
    static QString ownerOf(const ApiRequest &request);
    /// `attachments` of a message body: at most 10 upload ids (absent → none).
    static QStringList uploadIds(const QJsonObject &body);

private:
    ApiResponse thumbnail(const ApiRequest &request, const StoredFile &file);

    Context &m_ctx;
};

} // namespace CStar::DevServer
