#include "modelregistry.h"

#include "core/names.h"
#include "core/platforminfo.h"
#include "modelregistry_p.h"
#include "registrymigrations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace ModelDesk::Registry {

using namespace Internal;

namespace {

Status checkNewVersion(const QString &model, const NewVersion &v)
{
    if (Status s = checkModelName(model); !s)
        return s;
    if (!Names::isValidDigest(v.digest))
        return fail(Error::invalid(
            QStringLiteral("invalid artifact digest '%1': expected 64 lower-case hex characters").arg(v.digest.left(80))));
    if (v.size < 0)
        return fail(Error::invalid(QStringLiteral("artifact size must not be negative")));
    if (v.parameterCount < 0)
        return fail(Error::invalid(QStringLiteral("parameter count must not be negative")));
    if (v.format.isEmpty())
        return fail(Error::invalid(QStringLiteral("artifact format is empty")));
    if (v.lineage.parentVersion && *v.lineage.parentVersion < 1)
        return fail(Error::invalid(QStringLiteral("parent version must be a positive integer")));
    if (!v.lineage.runId.isEmpty()) {
        if (Status s = Names::checkName(v.lineage.runId, QStringLiteral("run")); !s)
            return s;
    }
    if (!v.lineage.datasetDigest.isEmpty() && !Names::isValidDigest(v.lineage.datasetDigest))
        return fail(Error::invalid(QStringLiteral("invalid dataset digest '%1': expected 64 lower-case hex characters")
                                       .arg(v.lineage.datasetDigest.left(80))));
    return {};
}

Result<qint64> insertModel(const QSqlDatabase &db, const QString &name, const QString &description, const QString &task,
                           const QString &actor)
{
    Result<qint64> inserted = Sql::insert(db, QStringLiteral("INSERT INTO models (name, description, task, created) VALUES (?, ?, ?, ?)"),
                                          {name, description, task, Sql::nowText()});
    if (!inserted)
        return fail(inserted.error());
    const qint64 id = *inserted;
    if (Status s = appendAudit(db, actor, QStringLiteral("model.create"), name,
                               QJsonObject{{QStringLiteral("description"), description}, {QStringLiteral("task"), task}});
        !s)
        return fail(s.error());
    return id;
}

// The whole of addVersion inside its write transaction. The number is max(next_version, max+1),
// read under the write lock; next_version then moves past it, so numbers never repeat.
Result<VersionInfo> insertVersion(const QSqlDatabase &db, const QString &model, const NewVersion &v, const QString &actor,
                                  bool createModelIfMissing, bool clearPending)
{
    Result<qint64> mid = modelId(db, model);
    if (!mid && mid.error().code == Error::Code::NotFound && createModelIfMissing)
        mid = insertModel(db, model, QString(), QString(), actor);
    if (!mid)
        return fail(mid.error());

    Result<QSqlQuery> n = Sql::exec(db, QStringLiteral("SELECT next_version, (SELECT COALESCE(MAX(version), 0) FROM versions"
                                                       " WHERE model_id = ?) FROM models WHERE id = ?"),
                                    {*mid, *mid});
    if (!n)
        return fail(n.error());
    if (!n->next())
        return fail(Error::internal(QStringLiteral("model '%1' vanished inside its transaction").arg(model)));
    const int number = std::max(n->value(0).toInt(), n->value(1).toInt() + 1);
    n->finish();
    if (v.lineage.parentVersion && *v.lineage.parentVersion >= number)
        return fail(Error::invalid(QStringLiteral("parent version %1 is not an earlier version of model '%2'")
                                       .arg(*v.lineage.parentVersion)
                                       .arg(model)));

    Result<qint64> versionId = Sql::insert(
        db,
        QStringLiteral("INSERT INTO versions (model_id, version, digest, size, format, signature, parameter_count, metrics,"
                       " params, parent_version, run_id, dataset_digest, source, description, created_by, created)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {*mid, number, v.digest, v.size, v.format, Sql::jsonText(v.signature.toJson()), v.parameterCount,
         Sql::jsonText(v.metrics), Sql::jsonText(v.params),
         v.lineage.parentVersion ? QVariant(*v.lineage.parentVersion) : QVariant(), v.lineage.runId,
         v.lineage.datasetDigest, v.lineage.source, v.description, actor, Sql::nowText()});
    if (!versionId)
        return fail(versionId.error());
    if (auto u = Sql::exec(db, QStringLiteral("UPDATE models SET next_version = ? WHERE id = ?"), {number + 1, *mid}); !u)
        return fail(u.error());
    if (clearPending) {
        if (auto p = Sql::exec(db, QStringLiteral("DELETE FROM pending_artifacts WHERE digest = ? AND host = ? AND pid = ?"),
                               {v.digest, hostIdentity(), QCoreApplication::applicationPid()});
            !p)
            return fail(p.error());
    }
    if (Status s = appendAudit(db, actor, QStringLiteral("version.create"), versionTarget(model, number),
                               QJsonObject{{QStringLiteral("digest"), v.digest},
                                           {QStringLiteral("size"), v.size},
                                           {QStringLiteral("format"), v.format},
                                           {QStringLiteral("source"), v.lineage.source}});
        !s)
        return fail(s.error());
    return loadVersion(db, *versionId);
}

Status checkFileHeader(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (info.isDir())
        return fail(Error::invalid(QStringLiteral("registry path '%1' is a directory").arg(path)));
    if (info.size() == 0)
        return {}; // SQLite treats an empty file as a new database
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot read registry '%1': %2").arg(path, f.errorString())));
    static const QByteArray magic("SQLite format 3\0", 16);
    if (f.read(16) != magic)
        return fail(Error::corrupt(QStringLiteral("'%1' is not a ModelDesk registry: it is not an SQLite database").arg(path)));
    return {};
}

} // namespace

// ---- lifetime -----------------------------------------------------------------------------------------

ModelRegistry::ModelRegistry() : d(std::make_unique<Private>()) {}

ModelRegistry::~ModelRegistry() = default;

Result<std::unique_ptr<ModelRegistry>> ModelRegistry::open(const QString &path)
{
    if (path.isEmpty())
        return fail(Error::invalid(QStringLiteral("registry path is empty")));
    Result<Dialect::Location> location = Dialect::parseLocation(path);
    if (!location)
        return fail(location.error());
    if (location->backend == Dialect::Backend::Sqlite) {
        if (Status s = checkFileHeader(location->path); !s)
            return fail(s.error());
    }
    std::unique_ptr<ModelRegistry> registry(new ModelRegistry);
    registry->d->db = std::make_unique<RegistryDatabase>(std::move(*location));
    Result<int> version = Migrations::migrate(*registry->d->db);
    if (!version)
        return fail(version.error());
    registry->d->schemaVersion = *version;
    return registry;
}

QString ModelRegistry::path() const { return d->db->path(); }

int ModelRegistry::schemaVersion() const { return d->schemaVersion; }

int ModelRegistry::latestSchemaVersion() { return Migrations::latestVersion(); }

// ---- models -------------------------------------------------------------------------------------------

Result<ModelInfo> ModelRegistry::createModel(const QString &name, const QString &description, const QString &task,
                                             const QString &actor)
{
    if (Status s = checkModelName(name); !s)
        return fail(s.error());
    return d->db->write([&](QSqlDatabase &db) -> Result<ModelInfo> {
        Result<QVariant> existing = Sql::scalar(db, QStringLiteral("SELECT id FROM models WHERE name = ?"), {name});
        if (!existing)
            return fail(existing.error());
        if (existing->isValid())
            return fail(Error::exists(QStringLiteral("model '%1' already exists").arg(name)));
        Result<qint64> id = insertModel(db, name, description, task, actor);
        if (!id)
            return fail(id.error());
        Result<QList<ModelInfo>> m = loadModels(db, QStringLiteral("m.id = ?"), {*id});
        if (!m)
            return fail(m.error());
        return m->first();
    });
}

Result<ModelInfo> ModelRegistry::model(const QString &name) const
{
    if (Status s = checkModelName(name); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<ModelInfo> {
        Result<QList<ModelInfo>> m = loadModels(db, QStringLiteral("m.name = ?"), {name});
        if (!m)
            return fail(m.error());
        if (m->isEmpty())
            return fail(Error::notFound(QStringLiteral("model '%1' does not exist").arg(name)));
        return m->first();
    });
}

Result<QList<ModelInfo>> ModelRegistry::models() const
{
    return d->db->read([&](QSqlDatabase &db) { return loadModels(db, QStringLiteral("1 = 1"), {}); });
}

Status ModelRegistry::setModelDescription(const QString &name, const QString &description, const QString &actor)
{
    if (Status s = checkModelName(name); !s)
        return s;
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<qint64> id = modelId(db, name);
        if (!id)
            return fail(id.error());
        if (auto q = Sql::exec(db, QStringLiteral("UPDATE models SET description = ? WHERE id = ?"), {description, *id}); !q)
            return fail(q.error());
        return appendAudit(db, actor, QStringLiteral("model.describe"), name,
                           QJsonObject{{QStringLiteral("description"), description}});
    });
}

Result<QStringList> ModelRegistry::deleteModel(const QString &name, const QString &actor)
{
    if (Status s = checkModelName(name); !s)
        return fail(s.error());
    return d->db->write([&](QSqlDatabase &db) -> Result<QStringList> {
        Result<qint64> id = modelId(db, name);
        if (!id)
            return fail(id.error());
        Result<QVariant> count = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM versions WHERE model_id = ?"), {*id});
        if (!count)
            return fail(count.error());
        // Digests of this model that no version of another model shares.
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT DISTINCT v.digest FROM versions v WHERE v.model_id = ?"
                                                           " AND NOT EXISTS (SELECT 1 FROM versions o WHERE o.digest = v.digest"
                                                           " AND o.model_id <> v.model_id) ORDER BY v.digest"),
                                        {*id});
        if (!q)
            return fail(q.error());
        QStringList freed;
        while (q->next())
            freed << q->value(0).toString();
        q->finish();
        // Versions, aliases and tags go by ON DELETE CASCADE.
        if (auto del = Sql::exec(db, QStringLiteral("DELETE FROM models WHERE id = ?"), {*id}); !del)
            return fail(del.error());
        for (const QString &digest : std::as_const(freed)) {
            if (Status s = markPendingDelete(db, digest); !s)
                return fail(s.error());
        }
        if (Status s = appendAudit(db, actor, QStringLiteral("model.delete"), name,
                                   QJsonObject{{QStringLiteral("versions"), count->toInt()},
                                               {QStringLiteral("freed_digests"), QJsonArray::fromStringList(freed)}});
            !s)
            return fail(s.error());
        return freed;
    });
}

// ---- versions -----------------------------------------------------------------------------------------

Result<VersionInfo> ModelRegistry::addVersion(const QString &model, const NewVersion &v, const QString &actor,
                                              bool createModelIfMissing)
{
    if (Status s = checkNewVersion(model, v); !s)
        return fail(s.error());
    return d->db->write(
        [&](QSqlDatabase &db) { return insertVersion(db, model, v, actor, createModelIfMissing, /*clearPending=*/false); });
}

Result<VersionInfo> ModelRegistry::addVersionClearingPending(const QString &model, const NewVersion &v,
                                                             const QString &actor, bool createModelIfMissing)
{
    if (Status s = checkNewVersion(model, v); !s)
        return fail(s.error());
    return d->db->write(
        [&](QSqlDatabase &db) { return insertVersion(db, model, v, actor, createModelIfMissing, /*clearPending=*/true); });
}

Result<VersionInfo> ModelRegistry::version(const QString &model, int version) const
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<VersionInfo> {
        Result<VersionRow> row = versionRow(db, model, version);
        if (!row)
            return fail(row.error());
        return loadVersion(db, row->id);
    });
}

Result<VersionInfo> ModelRegistry::latestVersion(const QString &model) const
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<VersionInfo> {
        Result<qint64> mid = modelId(db, model);
        if (!mid)
            return fail(mid.error());
        Result<QVariant> id = Sql::scalar(db, QStringLiteral("SELECT id FROM versions WHERE model_id = ? ORDER BY version DESC LIMIT 1"),
                                          {*mid});
        if (!id)
            return fail(id.error());
        if (!id->isValid())
            return fail(Error::notFound(QStringLiteral("model '%1' has no versions").arg(model)));
        return loadVersion(db, id->toLongLong());
    });
}

Result<VersionInfo> ModelRegistry::resolve(const QString &model, const QString &alias) const
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    if (Status s = Names::checkName(alias, QStringLiteral("alias")); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<VersionInfo> {
        Result<qint64> mid = modelId(db, model);
        if (!mid)
            return fail(mid.error());
        Result<QVariant> id = Sql::scalar(db, QStringLiteral("SELECT version_id FROM aliases WHERE model_id = ? AND alias = ?"),
                                          {*mid, alias});
        if (!id)
            return fail(id.error());
        if (!id->isValid())
            return fail(Error::notFound(QStringLiteral("model '%1' has no alias '%2'").arg(model, alias)));
        return loadVersion(db, id->toLongLong());
    });
}

Result<QList<VersionInfo>> ModelRegistry::versions(const QString &model) const
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<VersionInfo>> {
        Result<qint64> mid = modelId(db, model);
        if (!mid)
            return fail(mid.error());
        return loadVersions(db, QStringLiteral("v.model_id = ?"), {*mid});
    });
}

Result<QList<VersionInfo>> ModelRegistry::allVersions() const
{
    return d->db->read([&](QSqlDatabase &db) { return loadVersions(db, QStringLiteral("1 = 1"), {}); });
}

Result<QString> ModelRegistry::deleteVersion(const QString &model, int version, const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    return writeVersion(*d->db, model, version, [&](QSqlDatabase &db, const VersionRow &row) -> Result<QString> {
        // Aliases and tags of the version go by ON DELETE CASCADE; next_version stays where it is.
        if (auto del = Sql::exec(db, QStringLiteral("DELETE FROM versions WHERE id = ?"), {row.id}); !del)
            return fail(del.error());
        Result<bool> stillUsed = digestReferenced(db, row.digest);
        if (!stillUsed)
            return fail(stillUsed.error());
        QString freed;
        if (!*stillUsed) {
            freed = row.digest;
            if (Status s = markPendingDelete(db, freed); !s)
                return fail(s.error());
        }
        if (Status s = appendAudit(db, actor, QStringLiteral("version.delete"), versionTarget(model, version),
                                   QJsonObject{{QStringLiteral("digest"), row.digest},
                                               {QStringLiteral("artifact_freed"), !freed.isEmpty()}});
            !s)
            return fail(s.error());
        return freed;
    });
}

Result<VersionInfo> ModelRegistry::setVersionDescription(const QString &model, int version, const QString &description,
                                                         const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    return writeVersion(*d->db, model, version, [&](QSqlDatabase &db, const VersionRow &row) -> Result<VersionInfo> {
        if (auto q = Sql::exec(db, QStringLiteral("UPDATE versions SET description = ? WHERE id = ?"), {description, row.id}); !q)
            return fail(q.error());
        if (Status s = appendAudit(db, actor, QStringLiteral("version.describe"), versionTarget(model, version),
                                   QJsonObject{{QStringLiteral("description"), description}});
            !s)
            return fail(s.error());
        return loadVersion(db, row.id);
    });
}

Result<VersionInfo> ModelRegistry::addVersionMetrics(const QString &model, int version, const QJsonObject &metrics,
                                                     const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return fail(s.error());
    return writeVersion(*d->db, model, version, [&](QSqlDatabase &db, const VersionRow &row) -> Result<VersionInfo> {
        Result<QVariant> current = Sql::scalar(db, QStringLiteral("SELECT metrics FROM versions WHERE id = ?"), {row.id});
        if (!current)
            return fail(current.error());
        QJsonObject merged = Sql::toObject(*current);
        for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it)
            merged.insert(it.key(), it.value());
        if (auto q = Sql::exec(db, QStringLiteral("UPDATE versions SET metrics = ? WHERE id = ?"), {Sql::jsonText(merged), row.id});
            !q)
            return fail(q.error());
        if (Status s = appendAudit(db, actor, QStringLiteral("version.metrics"), versionTarget(model, version), metrics); !s)
            return fail(s.error());
        return loadVersion(db, row.id);
    });
}

} // namespace ModelDesk::Registry
