// ModelRegistry: aliases and tags.

#include "core/names.h"
#include "modelregistry_p.h"

namespace ModelDesk::Registry {

using namespace Internal;

// ---- aliases and tags -----------------------------------------------------------------------------------

Status ModelRegistry::setAlias(const QString &model, const QString &alias, int version, const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return s;
    if (Status s = Names::checkName(alias, QStringLiteral("alias")); !s)
        return s;
    return writeVersion(*d->db, model, version, [&](QSqlDatabase &db, const VersionRow &row) -> Status {
        Result<QVariant> previous = Sql::scalar(db, QStringLiteral("SELECT v.version FROM aliases a JOIN versions v ON v.id = a.version_id"
                                                                   " JOIN models m ON m.id = a.model_id WHERE m.name = ? AND a.alias = ?"),
                                                {model, alias});
        if (!previous)
            return fail(previous.error());
        if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO aliases (model_id, alias, version_id)"
                                                  " SELECT model_id, ?, id FROM versions WHERE id = ?"
                                                  " ON CONFLICT (model_id, alias) DO UPDATE SET version_id = excluded.version_id"),
                               {alias, row.id});
            !q)
            return fail(q.error());
        QJsonObject detail{{QStringLiteral("version"), version}};
        detail.insert(QStringLiteral("previous"), previous->isValid() ? QJsonValue(previous->toInt()) : QJsonValue());
        return appendAudit(db, actor, QStringLiteral("alias.set"), model + QLatin1Char('@') + alias, detail);
    });
}

Status ModelRegistry::removeAlias(const QString &model, const QString &alias, const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return s;
    if (Status s = Names::checkName(alias, QStringLiteral("alias")); !s)
        return s;
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<qint64> mid = modelId(db, model);
        if (!mid)
            return fail(mid.error());
        Result<QVariant> version = Sql::scalar(db, QStringLiteral("SELECT v.version FROM aliases a JOIN versions v ON v.id = a.version_id"
                                                                  " WHERE a.model_id = ? AND a.alias = ?"),
                                               {*mid, alias});
        if (!version)
            return fail(version.error());
        if (!version->isValid())
            return fail(Error::notFound(QStringLiteral("model '%1' has no alias '%2'").arg(model, alias)));
        if (auto q = Sql::exec(db, QStringLiteral("DELETE FROM aliases WHERE model_id = ? AND alias = ?"), {*mid, alias}); !q)
            return fail(q.error());
        return appendAudit(db, actor, QStringLiteral("alias.remove"), model + QLatin1Char('@') + alias,
                           QJsonObject{{QStringLiteral("version"), version->toInt()}});
    });
}

Status ModelRegistry::setTag(const QString &model, int version, const QString &key, const QString &value,
                             const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return s;
    if (Status s = Names::checkTagKey(key); !s)
        return s;
    if (Status s = Names::checkTagValue(value); !s)
        return s;
    return writeVersion(*d->db, model, version, [&](QSqlDatabase &db, const VersionRow &row) -> Status {
        if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO tags (version_id, key, value) VALUES (?, ?, ?)"
                                                  " ON CONFLICT (version_id, key) DO UPDATE SET value = excluded.value"),
                               {row.id, key, value});
            !q)
            return fail(q.error());
        return appendAudit(db, actor, QStringLiteral("tag.set"), versionTarget(model, version),
                           QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
    });
}

Status ModelRegistry::removeTag(const QString &model, int version, const QString &key, const QString &actor)
{
    if (Status s = checkModelName(model); !s)
        return s;
    if (Status s = Names::checkTagKey(key); !s)
        return s;
    return writeVersion(*d->db, model, version, [&](QSqlDatabase &db, const VersionRow &row) -> Status {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("DELETE FROM tags WHERE version_id = ? AND key = ?"), {row.id, key});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() == 0)
            return fail(Error::notFound(QStringLiteral("model '%1' version %2 has no tag '%3'").arg(model).arg(version).arg(key)));
        return appendAudit(db, actor, QStringLiteral("tag.remove"), versionTarget(model, version),
                           QJsonObject{{QStringLiteral("key"), key}});
    });
}

} // namespace ModelDesk::Registry
