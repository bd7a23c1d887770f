#include "modeltypes.h"

namespace ModelDesk {

namespace {
QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QJsonObject TensorSpec::toJson() const
{
    QJsonArray dims;
    for (qint64 d : shape)
        dims.append(d);
    return {{QStringLiteral("name"), name}, {QStringLiteral("datatype"), dtype}, {QStringLiteral("shape"), dims}};
}

TensorSpec TensorSpec::fromJson(const QJsonObject &o)
{
    TensorSpec t;
    t.name = o.value(QStringLiteral("name")).toString();
    t.dtype = o.value(QStringLiteral("datatype")).toString();
    const QJsonArray dims = o.value(QStringLiteral("shape")).toArray();
    for (const QJsonValue &d : dims)
        t.shape.append(static_cast<qint64>(d.toDouble()));
    return t;
}

QJsonObject Signature::toJson() const
{
    QJsonArray in, out;
    for (const TensorSpec &t : inputs)
        in.append(t.toJson());
    for (const TensorSpec &t : outputs)
        out.append(t.toJson());
    return {{QStringLiteral("inputs"), in}, {QStringLiteral("outputs"), out}, {QStringLiteral("schema"), schema}};
}

Signature Signature::fromJson(const QJsonObject &o)
{
    Signature s;
    for (const QJsonValue &v : o.value(QStringLiteral("inputs")).toArray())
        s.inputs.append(TensorSpec::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("outputs")).toArray())
        s.outputs.append(TensorSpec::fromJson(v.toObject()));
    s.schema = o.value(QStringLiteral("schema")).toString();
    return s;
}

QJsonObject toJson(const ModelInfo &m)
{
    return {{QStringLiteral("name"), m.name},
            {QStringLiteral("description"), m.description},
            {QStringLiteral("task"), m.task},
            {QStringLiteral("created"), isoUtc(m.created)},
            {QStringLiteral("latest_version"), m.latestVersion},
            {QStringLiteral("version_count"), m.versionCount}};
}

QJsonObject toJson(const VersionInfo &v)
{
    QJsonObject lineage{{QStringLiteral("run_id"), v.lineage.runId},
                        {QStringLiteral("dataset_digest"), v.lineage.datasetDigest},
                        {QStringLiteral("source"), v.lineage.source}};
    lineage.insert(QStringLiteral("parent_version"),
                   v.lineage.parentVersion ? QJsonValue(*v.lineage.parentVersion) : QJsonValue(QJsonValue::Null));
    QJsonObject tags;
    for (auto it = v.tags.cbegin(); it != v.tags.cend(); ++it)
        tags.insert(it.key(), it.value());
    return {{QStringLiteral("model"), v.model},
            {QStringLiteral("version"), v.version},
            {QStringLiteral("sha256"), v.digest},
            {QStringLiteral("size"), v.size},
            {QStringLiteral("format"), v.format},
            {QStringLiteral("signature"), v.signature.toJson()},
            {QStringLiteral("parameter_count"), v.parameterCount},
            {QStringLiteral("metrics"), v.metrics},
            {QStringLiteral("params"), v.params},
            {QStringLiteral("lineage"), lineage},
            {QStringLiteral("description"), v.description},
            {QStringLiteral("created_by"), v.createdBy},
            {QStringLiteral("created"), isoUtc(v.created)},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(v.aliases)},
            {QStringLiteral("tags"), tags}};
}

QJsonObject toJson(const AuditEntry &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("time"), isoUtc(a.time)},
            {QStringLiteral("actor"), a.actor},
            {QStringLiteral("action"), a.action},
            {QStringLiteral("target"), a.target},
            {QStringLiteral("detail"), a.detail}};
}

} // namespace ModelDesk

namespace ModelDesk {

namespace {
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QJsonObject toJson(const DatasetRecord &d)
{
    return {{QStringLiteral("name"), d.name},       {QStringLiteral("kind"), d.kind},
            {QStringLiteral("source"), d.sourcePath}, {QStringLiteral("sha256"), d.digest},
            {QStringLiteral("rows"), d.rows},       {QStringLiteral("features"), d.features},
            {QStringLiteral("classes"), d.classes}, {QStringLiteral("details"), d.details},
            {QStringLiteral("created"), iso(d.created)}};
}

QJsonObject toJson(const RunRecord &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("state"), r.state},
            {QStringLiteral("config"), r.config},
            {QStringLiteral("summary"), r.summary},
            {QStringLiteral("dataset"), r.dataset},
            {QStringLiteral("model"), r.model},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("epochs_done"), r.epochsDone},
            {QStringLiteral("created"), iso(r.created)},
            {QStringLiteral("updated"), iso(r.updated)}};
}

QJsonObject toJson(const TokenRecord &t)
{
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("role"), t.role},
            {QStringLiteral("models"), QJsonArray::fromStringList(t.models)},
            {QStringLiteral("expires"), iso(t.expires)},
            {QStringLiteral("created"), iso(t.created)},
            {QStringLiteral("revoked"), iso(t.revoked)},
            {QStringLiteral("last_used"), iso(t.lastUsed)}};
}

} // namespace ModelDesk
