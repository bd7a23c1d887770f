// ModelRegistry: reading models and versions (with aliases and tags in bulk) and the lookups that
// every method does inside its transaction.

#include "core/names.h"
#include "modelregistry_p.h"

#include <QHash>
#include <algorithm>

namespace ModelDesk::Registry::Internal {

Result<QList<ModelInfo>> loadModels(const QSqlDatabase &db, const QString &where, const QVariantList &binds)
{
    Result<QSqlQuery> q = Sql::exec(
        db,
        QStringLiteral("SELECT m.id, m.name, m.description, m.task, m.created,"
                       " (SELECT MAX(version) FROM versions WHERE model_id = m.id),"
                       " (SELECT COUNT(*) FROM versions WHERE model_id = m.id)"
                       " FROM models m WHERE ") +
            where + QStringLiteral(" ORDER BY m.name"),
        binds);
    if (!q)
        return fail(q.error());
    QList<ModelInfo> out;
    while (q->next()) {
        ModelInfo m;
        m.id = q->value(0).toLongLong();
        m.name = q->value(1).toString();
        m.description = q->value(2).toString();
        m.task = q->value(3).toString();
        m.created = Sql::toTime(q->value(4));
        m.latestVersion = q->value(5).toInt();
        m.versionCount = q->value(6).toInt();
        out.append(std::move(m));
    }
    return out;
}

// Three queries whatever the number of versions, so listing a thousand versions stays cheap.
Result<QList<VersionInfo>> loadVersions(const QSqlDatabase &db, const QString &where, const QVariantList &binds)
{
    const QString from = QStringLiteral(" FROM versions v JOIN models m ON m.id = v.model_id WHERE ") + where;
    Result<QSqlQuery> q = Sql::exec(
        db,
        QStringLiteral("SELECT v.id, m.name, v.version, v.digest, v.size, v.format, v.signature, v.parameter_count,"
                       " v.metrics, v.params, v.parent_version, v.run_id, v.dataset_digest, v.source, v.description,"
                       " v.created_by, v.created") +
            from + QStringLiteral(" ORDER BY m.name, v.version"),
        binds);
    if (!q)
        return fail(q.error());
    QList<VersionInfo> out;
    QHash<qint64, qsizetype> index;
    while (q->next()) {
        VersionInfo v;
        v.id = q->value(0).toLongLong();
        v.model = q->value(1).toString();
        v.version = q->value(2).toInt();
        v.digest = q->value(3).toString();
        v.size = q->value(4).toLongLong();
        v.format = q->value(5).toString();
        v.signature = Signature::fromJson(Sql::toObject(q->value(6)));
        v.parameterCount = q->value(7).toLongLong();
        v.metrics = Sql::toObject(q->value(8));
        v.params = Sql::toObject(q->value(9));
        if (!q->value(10).isNull())
            v.lineage.parentVersion = q->value(10).toInt();
        v.lineage.runId = q->value(11).toString();
        v.lineage.datasetDigest = q->value(12).toString();
        v.lineage.source = q->value(13).toString();
        v.description = q->value(14).toString();
        v.createdBy = q->value(15).toString();
        v.created = Sql::toTime(q->value(16));
        index.insert(v.id, out.size());
        out.append(std::move(v));
    }
    q->finish();
    if (out.isEmpty())
        return out;

    Result<QSqlQuery> a = Sql::exec(db, QStringLiteral("SELECT v.id, a.alias FROM aliases a JOIN versions v ON v.id = a.version_id"
                                                       " JOIN models m ON m.id = v.model_id WHERE ") + where,
                                    binds);
    if (!a)
        return fail(a.error());
    while (a->next()) {
        if (auto it = index.constFind(a->value(0).toLongLong()); it != index.cend())
            out[*it].aliases.append(a->value(1).toString());
    }
    a->finish();
    Result<QSqlQuery> t = Sql::exec(db, QStringLiteral("SELECT v.id, t.key, t.value FROM tags t JOIN versions v ON v.id = t.version_id"
                                                       " JOIN models m ON m.id = v.model_id WHERE ") + where,
                                    binds);
    if (!t)
        return fail(t.error());
    while (t->next()) {
        if (auto it = index.constFind(t->value(0).toLongLong()); it != index.cend())
            out[*it].tags.insert(t->value(1).toString(), t->value(2).toString());
    }
    for (VersionInfo &v : out)
        std::sort(v.aliases.begin(), v.aliases.end());
    return out;
}

Result<VersionInfo> loadVersion(const QSqlDatabase &db, qint64 versionId)
{
    Result<QList<VersionInfo>> list = loadVersions(db, QStringLiteral("v.id = ?"), {versionId});
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(Error::internal(QStringLiteral("version row %1 vanished inside its transaction").arg(versionId)));
    return list->first();
}

Result<qint64> modelId(const QSqlDatabase &db, const QString &model)
{
    Result<QVariant> id = Sql::scalar(db, QStringLiteral("SELECT id FROM models WHERE name = ?"), {model});
    if (!id)
        return fail(id.error());
    if (!id->isValid())
        return fail(Error::notFound(QStringLiteral("model '%1' does not exist").arg(model)));
    return id->toLongLong();
}

Result<VersionRow> versionRow(const QSqlDatabase &db, const QString &model, int version)
{
    Result<qint64> mid = modelId(db, model);
    if (!mid)
        return fail(mid.error());
    Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT id, digest FROM versions WHERE model_id = ? AND version = ?"),
                                    {*mid, version});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QStringLiteral("model '%1' has no version %2").arg(model).arg(version)));
    return VersionRow{q->value(0).toLongLong(), q->value(1).toString()};
}

Result<bool> digestReferenced(const QSqlDatabase &db, const QString &digest)
{
    Result<QVariant> r = Sql::scalar(db, QStringLiteral("SELECT 1 FROM versions WHERE digest = ? LIMIT 1"), {digest});
    if (!r)
        return fail(r.error());
    return r->isValid();
}

Status checkModelName(const QString &name) { return Names::checkName(name, QStringLiteral("model")); }

} // namespace ModelDesk::Registry::Internal
