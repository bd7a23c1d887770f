// ModelRegistry: pending artifacts, referenced digests, the change counter and the integrity check.

#include "core/names.h"
#include "core/platforminfo.h"
#include "modelregistry_p.h"
#include "registrymigrations.h"

#include <QCoreApplication>

namespace ModelDesk::Registry {

using namespace Internal;

// ---- pending artifacts --------------------------------------------------------------------------------

Status ModelRegistry::addPending(const QString &digest, const QString &operation)
{
    if (!Names::isValidDigest(digest))
        return fail(Error::invalid(QStringLiteral("invalid artifact digest '%1'").arg(digest.left(80))));
    if (operation != QLatin1String("import") && operation != QLatin1String("delete"))
        return fail(Error::invalid(QStringLiteral("pending operation must be 'import' or 'delete', not '%1'").arg(operation.left(40))));
    return d->db->write([&](QSqlDatabase &db) -> Status {
        if (auto q = Sql::exec(db, pendingUpsert(db),
                               {digest, hostIdentity(), QCoreApplication::applicationPid(), operation, Sql::nowText()});
            !q)
            return fail(q.error());
        return {};
    });
}

Status ModelRegistry::removePending(const QString &digest, qint64 pid)
{
    return removePending(digest, hostIdentity(), pid);
}

Status ModelRegistry::removePending(const QString &digest, const QString &host, qint64 pid)
{
    // Idempotent: cleaning up a row that another cleanup already removed is not an error.
    return d->db->write([&](QSqlDatabase &db) -> Status {
        if (auto q = Sql::exec(db, QStringLiteral("DELETE FROM pending_artifacts WHERE digest = ? AND host = ? AND pid = ?"),
                               {digest, host, pid});
            !q)
            return fail(q.error());
        return {};
    });
}

Result<QList<ModelRegistry::PendingArtifact>> ModelRegistry::pending() const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<PendingArtifact>> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT digest, pid, operation, since, host FROM pending_artifacts"
                                                           " ORDER BY since, digest, host, pid"));
        if (!q)
            return fail(q.error());
        QList<PendingArtifact> out;
        while (q->next())
            out.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(), Sql::toTime(q->value(3)),
                        q->value(4).toString()});
        return out;
    });
}

// ---- digests, change counter, integrity -------------------------------------------------------------

Result<QStringList> ModelRegistry::referencedDigests() const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QStringList> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT DISTINCT digest FROM versions ORDER BY digest"));
        if (!q)
            return fail(q.error());
        QStringList out;
        while (q->next())
            out << q->value(0).toString();
        return out;
    });
}

Result<bool> ModelRegistry::isDigestReferenced(const QString &digest) const
{
    return d->db->read([&](QSqlDatabase &db) { return digestReferenced(db, digest); });
}

Result<qint64> ModelRegistry::changeCounter() const
{
    // One autocommit statement: no transaction, so it always sees the latest commit of any process.
    Result<QVariant> v = d->db->scalarNow(QStringLiteral("SELECT change_counter FROM meta WHERE id = 1"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<QStringList> ModelRegistry::checkIntegrity() const
{
    return d->db->read([&](QSqlDatabase &db) { return Migrations::check(db); });
}

} // namespace ModelDesk::Registry
