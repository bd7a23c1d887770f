// JSON bodies of the management API (/api/v1/...): the body must parse as one JSON object
// (jsonBody in managementapi.cpp does QJsonDocument::fromJson + isObject), then the fields the
// handlers read go through the same validators: deployment specs (DeploymentSpec::fromJson, as
// POST/PATCH /api/v1/deployments), names of models, aliases, tags and tokens, and a round trip of
// every accepted spec through toJson/fromJson (what is persisted must load again).
#include "runtime/inferenceengine.h"

#include "core/names.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdlib>

using namespace ModelDesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const QJsonObject body = doc.object();
    for (const char *field : {"name", "model", "alias", "deployment", "token", "description"})
        (void)Names::checkName(body.value(QLatin1String(field)).toString(), QStringLiteral("name"));
    (void)Names::checkTagKey(body.value(QLatin1String("key")).toString());
    (void)Names::checkTagValue(body.value(QLatin1String("value")).toString());

    auto spec = Runtime::DeploymentSpec::fromJson(body);
    if (!spec)
        return 0;
    auto again = Runtime::DeploymentSpec::fromJson(spec->toJson());
    if (!again)
        std::abort(); // a validated spec did not survive its own persisted form
    return 0;
}
