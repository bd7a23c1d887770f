#pragma once
// Private to the registry: ModelRegistry's state and the helpers its .cpp files share. Every helper
// takes the connection of a transaction that the public method opened (RegistryDatabase::read/write).

#include "modelregistry.h"
#include "registrydatabase.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <memory>
#include <type_traits>

namespace ModelDesk::Registry {

struct ModelRegistry::Private
{
    std::unique_ptr<RegistryDatabase> db;
    int schemaVersion = 0;
};

namespace Internal {

// Audit targets: "name", "name:3", "name@alias" for models; "<kind>/name" for the other records
// ("dataset/x", "run/x", "deployment/x", "token/x"), which no model name can look like.
QString versionTarget(const QString &model, int version);
QString recordTarget(const char *kind, const QString &name);

// Appends one audit row (time = now). An empty actor is recorded as "unknown".
Status appendAudit(const QSqlDatabase &db, const QString &actor, const QString &action, const QString &target,
                   const QString &detail);
Status appendAudit(const QSqlDatabase &db, const QString &actor, const QString &action, const QString &target,
                   const QJsonObject &detail);

// INSERT OR REPLACE INTO pending_artifacts (digest, pid, operation, since) in the connection's dialect.
QString pendingUpsert(const QSqlDatabase &db);
// Marks a digest as being removed by this process ("delete", applicationPid()).
Status markPendingDelete(const QSqlDatabase &db, const QString &digest);

Status checkModelName(const QString &name);

// Models / versions matching `where`, an SQL condition over `models m` (and `versions v`), ordered by
// name (and version). Versions come with their aliases and tags: three queries whatever the count.
Result<QList<ModelInfo>> loadModels(const QSqlDatabase &db, const QString &where, const QVariantList &binds);
Result<QList<VersionInfo>> loadVersions(const QSqlDatabase &db, const QString &where, const QVariantList &binds);
Result<VersionInfo> loadVersion(const QSqlDatabase &db, qint64 versionId);

// Lookups with the NotFound messages users see ("model 'x' has no version 7").
Result<qint64> modelId(const QSqlDatabase &db, const QString &model);
struct VersionRow
{
    qint64 id = 0;
    QString digest;
};
Result<VersionRow> versionRow(const QSqlDatabase &db, const QString &model, int version);

// A change to one existing version: in one write transaction, finds the version's row (NotFound as
// versionRow() says otherwise) and runs body(db, row); returns what `body` returns.
template <typename F>
auto writeVersion(const RegistryDatabase &database, const QString &model, int version, F &&body)
    -> std::invoke_result_t<F &, QSqlDatabase &, const VersionRow &>
{
    return database.write([&](QSqlDatabase &db) -> std::invoke_result_t<F &, QSqlDatabase &, const VersionRow &> {
        Result<VersionRow> row = versionRow(db, model, version);
        if (!row)
            return fail(row.error());
        return body(db, *row);
    });
}
Result<bool> digestReferenced(const QSqlDatabase &db, const QString &digest);

} // namespace Internal
} // namespace ModelDesk::Registry
