// SPDX-License-Identifier: MIT
// libFuzzer target for the identify payload (protocol §4): the devserver's
// IdentityVerifier (HMAC over the exact customer text, constant-time compare,
// then the customer JSON: id, email, name, timestamp) and, for accepted
// payloads, POST /identify through the server (customer upsert, ticket move,
// session). Byte 0 picks how the signature is made: correct (lower- or
// upper-case hex), one bit flipped, truncated, or fuzz bytes; the rest is
// the customer text. Invariants:
// - a wrong signature is always 401 invalid_signature, whatever the text;
// - a right signature is never invalid_signature; an accepted customer has
//   an external id of 1…255 characters, and /identify answers 200 with it;
// - the verifier and the server agree.
#include "apierror.h"
#include "devserverharness.h"
#include "identityverifier.h"

#include <QDateTime>

using CStar::Fuzz::check;
using CStar::Fuzz::DevServerHarness;
using namespace CStar::DevServer;

CSTAR_FUZZ_INIT(identify)
{
    DevServerHarness::instance().start();
    return 0;
}

CSTAR_FUZZ_TARGET(identify)
{
    DevServerHarness &h = DevServerHarness::instance();
    if (!h.server)
        h.start();
    if (size == 0)
        return 0;
    const int mode = data[0] % 6;
    const QByteArray raw(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    // The server receives the text inside a JSON string: as a QString.
    const QString text = QString::fromUtf8(raw);
    const QByteArray signedBytes = text.toUtf8();
    QByteArray signature = DevServerHarness::sign(signedBytes);
    bool valid = true;
    switch (mode) {
    case 0:
        break;
    case 1:
        signature = signature.toUpper();
        break;
    case 2: // one bit of one hex digit
        signature[int(data[0] >> 3) % signature.size()] ^= 0x01;
        valid = false;
        break;
    case 3:
        signature.chop(1 + (data[0] >> 3) % 8);
        valid = false;
        break;
    case 4:
        signature = raw.left(64);
        valid = signature == DevServerHarness::sign(signedBytes);
        break;
    case 5:
        signature = DevServerHarness::sign(signedBytes + ' ');
        valid = false;
        break;
    }

    IdentityVerifier verifier(QLatin1String(DevServerHarness::secret), 600);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool accepted = false;
    QString externalId;
    try {
        const VerifiedCustomer c = verifier.verify(text, QString::fromLatin1(signature), now);
        accepted = true;
        externalId = c.externalId;
        check(valid, "a wrong signature was accepted");
        check(!externalId.trimmed().isEmpty() && externalId.size() <= 255, "bad external id");
    } catch (const ApiError &error) {
        if (!valid)
            check(error.status == 401 && error.code == QLatin1String("invalid_signature"),
                  "a wrong signature got another error");
        else
            check(error.code != QLatin1String("invalid_signature"),
                  "a right signature was rejected");
    }

    if (valid) {
        const QJsonObject body {{QLatin1String("customer"), text},
                                {QLatin1String("signature"), QString::fromLatin1(signature)}};
        const auto r = h.send("POST", "/api/v1/chat/acme/identify",
                              QJsonDocument(body).toJson(QJsonDocument::Compact));
        h.checkResponse(r, QByteArray());
        check((r.status == 200) == accepted, "server and verifier disagree");
        if (accepted) {
            const QJsonObject customer =
                DevServerHarness::data(r).value(QLatin1String("customer")).toObject();
            check(customer.value(QLatin1String("externalId")).toString() == externalId,
                  "external id changed on the way");
            check(customer.value(QLatin1String("id")).toString().startsWith(QLatin1String("cus_")),
                  "customer id without cus_");
        }
    }
    return 0;
}
