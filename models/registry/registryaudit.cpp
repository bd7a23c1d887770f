// ModelRegistry: the audit log (query, recordAudit) and the helpers that append to it.

#include "core/names.h"
#include "core/platforminfo.h"
#include "modelregistry_p.h"

#include <QCoreApplication>

namespace ModelDesk::Registry {

namespace Internal {

QString versionTarget(const QString &model, int version) { return model + QLatin1Char(':') + QString::number(version); }

QString recordTarget(const char *kind, const QString &name) { return QLatin1String(kind) + QLatin1Char('/') + name; }

Status appendAudit(const QSqlDatabase &db, const QString &actor, const QString &action, const QString &target,
                   const QString &detail)
{
    const QString who = actor.trimmed().isEmpty() ? QStringLiteral("unknown") : actor;
    if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO audit (time, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)"),
                           {Sql::nowText(), who, action, target, detail});
        !q)
        return fail(q.error());
    return {};
}

Status appendAudit(const QSqlDatabase &db, const QString &actor, const QString &action, const QString &target,
                   const QJsonObject &detail)
{
    return appendAudit(db, actor, action, target, Sql::jsonText(detail));
}

QString pendingUpsert(const QSqlDatabase &db)
{
    return Dialect::insertOrReplace(Dialect::backend(db), QStringLiteral("pending_artifacts"),
                                    {QStringLiteral("digest"), QStringLiteral("host"), QStringLiteral("pid")},
                                    {QStringLiteral("digest"), QStringLiteral("host"), QStringLiteral("pid"),
                                     QStringLiteral("operation"), QStringLiteral("since")});
}

Status markPendingDelete(const QSqlDatabase &db, const QString &digest)
{
    if (auto q = Sql::exec(db, pendingUpsert(db),
                           {digest, hostIdentity(), QCoreApplication::applicationPid(), QStringLiteral("delete"), Sql::nowText()});
        !q)
        return fail(q.error());
    return {};
}

} // namespace Internal

namespace {

// [prefix, prefix with its last character incremented): a range the target index can serve, unlike
// LIKE (whose '_' wildcard is also a legal name character).
void addPrefixRange(QStringList &conditions, QVariantList &binds, QLatin1String column, const QString &prefix)
{
    QString upper = prefix;
    upper.back() = QChar(upper.back().unicode() + 1);
    conditions << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
    binds << prefix << upper;
}

} // namespace

Result<QList<AuditEntry>> ModelRegistry::audit(const AuditQuery &query) const
{
    QStringList where;
    QVariantList binds;
    if (!query.target.isEmpty()) {
        // "name" means the model itself and everything under it ("name:3", "name@prod"), not "name2".
        // A target ending in a separator (":", "@", "/") is a plain prefix ("deployment/").
        const QChar last = query.target.back();
        QStringList any;
        if (last == QLatin1Char(':') || last == QLatin1Char('@') || last == QLatin1Char('/')) {
            addPrefixRange(any, binds, QLatin1String("target"), query.target);
        } else {
            any << QStringLiteral("target = ?");
            binds << query.target;
            addPrefixRange(any, binds, QLatin1String("target"), query.target + QLatin1Char(':'));
            addPrefixRange(any, binds, QLatin1String("target"), query.target + QLatin1Char('@'));
        }
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!query.actor.isEmpty()) {
        where << QStringLiteral("actor = ?");
        binds << query.actor;
    }
    if (!query.action.isEmpty()) {
        // "version." selects every version action.
        if (query.action.endsWith(QLatin1Char('.'))) {
            addPrefixRange(where, binds, QLatin1String("action"), query.action);
        } else {
            where << QStringLiteral("action = ?");
            binds << query.action;
        }
    }
    if (query.since.isValid()) {
        where << QStringLiteral("time >= ?");
        binds << Sql::timeValue(query.since);
    }
    QString sql = QStringLiteral("SELECT id, time, actor, action, target, detail FROM audit");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC"); // ids grow in commit order, whatever the clocks of the writers
    if (query.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds << query.limit;
    }
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<AuditEntry>> {
        Result<QSqlQuery> q = Sql::exec(db, sql, binds);
        if (!q)
            return fail(q.error());
        QList<AuditEntry> out;
        while (q->next())
            out.append({q->value(0).toLongLong(), Sql::toTime(q->value(1)), q->value(2).toString(), q->value(3).toString(),
                        q->value(4).toString(), q->value(5).toString()});
        return out;
    });
}

Status ModelRegistry::recordAudit(const QString &actor, const QString &action, const QString &target, const QString &detail)
{
    if (Status s = Names::checkName(action, QStringLiteral("audit action")); !s)
        return s;
    return d->db->write([&](QSqlDatabase &db) { return Internal::appendAudit(db, actor, action, target, detail); });
}

} // namespace ModelDesk::Registry
