// ModelRegistry: the records around models — datasets, training runs, deployments and API tokens.

#include "core/faultinjection.h"
#include "core/names.h"
#include "modelregistry_p.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>

namespace ModelDesk::Registry {

using namespace Internal;

namespace {

const QString datasetColumns = QStringLiteral("name, kind, source_path, digest, rows, features, classes, details, created");
const QString runColumns = QStringLiteral("id, state, config, summary, dataset, model, version, epochs_done, created, updated");
const QString tokenColumns = QStringLiteral("name, hash, role, models, expires, created, revoked, last_used");

DatasetRecord datasetFrom(const QSqlQuery &q)
{
    DatasetRecord d;
    d.name = q.value(0).toString();
    d.kind = q.value(1).toString();
    d.sourcePath = q.value(2).toString();
    d.digest = q.value(3).toString();
    d.rows = q.value(4).toLongLong();
    d.features = q.value(5).toLongLong();
    d.classes = q.value(6).toInt();
    d.details = Sql::toObject(q.value(7));
    d.created = Sql::toTime(q.value(8));
    return d;
}

RunRecord runFrom(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toString();
    r.state = q.value(1).toString();
    r.config = Sql::toObject(q.value(2));
    r.summary = Sql::toObject(q.value(3));
    r.dataset = q.value(4).toString();
    r.model = q.value(5).toString();
    r.version = q.value(6).toInt();
    r.epochsDone = q.value(7).toInt();
    r.created = Sql::toTime(q.value(8));
    r.updated = Sql::toTime(q.value(9));
    return r;
}

TokenRecord tokenFrom(const QSqlQuery &q)
{
    TokenRecord t;
    t.name = q.value(0).toString();
    t.hash = q.value(1).toString();
    t.role = q.value(2).toString();
    for (const QJsonValue &m : Sql::toArray(q.value(3)))
        t.models << m.toString();
    t.expires = Sql::toTime(q.value(4));
    t.created = Sql::toTime(q.value(5));
    t.revoked = Sql::toTime(q.value(6));
    t.lastUsed = Sql::toTime(q.value(7));
    return t;
}

// A token scope entry: "MODEL", or "MODEL:PERM[+PERM...]" / "*:PERM[+PERM...]" with per-model
// permissions. Only the shape is checked here; Security::parseScope gives the meaning.
Status checkScopeEntry(const QString &entry)
{
    const qsizetype colon = entry.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return Names::checkName(entry, QStringLiteral("model"));
    const QString model = entry.left(colon);
    if (model != QLatin1String("*")) {
        if (Status s = Names::checkName(model, QStringLiteral("model")); !s)
            return s;
    }
    static const QRegularExpression perms(QRegularExpression::anchoredPattern(
        QStringLiteral("(read|infer|deploy|modify)(\\+(read|infer|deploy|modify))*")));
    if (!perms.match(entry.mid(colon + 1)).hasMatch())
        return fail(Error::invalid(QStringLiteral("invalid token scope '%1': use MODEL or MODEL:PERM+PERM with read, "
                                                  "infer, deploy, modify")
                                       .arg(entry.left(80))));
    return {};
}

Status checkOptionalName(const QString &name, const QString &what)
{
    return name.isEmpty() ? Status() : Names::checkName(name, what);
}

Status checkRun(const RunRecord &r)
{
    if (Status s = Names::checkName(r.id, QStringLiteral("run")); !s)
        return s;
    static const QStringList states{QStringLiteral("queued"), QStringLiteral("running"), QStringLiteral("cancelled"),
                                    QStringLiteral("failed"), QStringLiteral("finished")};
    if (!r.state.isEmpty() && !states.contains(r.state))
        return fail(Error::invalid(QStringLiteral("invalid run state '%1': use one of %2")
                                       .arg(r.state.left(40), states.join(QStringLiteral(", ")))));
    if (Status s = checkOptionalName(r.dataset, QStringLiteral("dataset")); !s)
        return s;
    if (Status s = checkOptionalName(r.model, QStringLiteral("model")); !s)
        return s;
    if (r.version < 0 || r.epochsDone < 0)
        return fail(Error::invalid(QStringLiteral("run version and epochs must not be negative")));
    return {};
}

QString stateOf(const RunRecord &r) { return r.state.isEmpty() ? QStringLiteral("queued") : r.state; }

Result<bool> exists(const QSqlDatabase &db, const QString &sql, const QString &key)
{
    Result<QVariant> v = Sql::scalar(db, sql, {key});
    if (!v)
        return fail(v.error());
    return v->isValid();
}

} // namespace

// ---- datasets ---------------------------------------------------------------------------------------

Result<DatasetRecord> ModelRegistry::registerDataset(const DatasetRecord &dataset, const QString &actor)
{
    if (Status s = Names::checkName(dataset.name, QStringLiteral("dataset")); !s)
        return fail(s.error());
    if (!dataset.digest.isEmpty() && !Names::isValidDigest(dataset.digest))
        return fail(Error::invalid(QStringLiteral("invalid dataset digest '%1': expected 64 lower-case hex characters")
                                       .arg(dataset.digest.left(80))));
    if (dataset.rows < 0 || dataset.features < 0 || dataset.classes < 0)
        return fail(Error::invalid(QStringLiteral("dataset rows, features and classes must not be negative")));
    return d->db->write([&](QSqlDatabase &db) -> Result<DatasetRecord> {
        Result<bool> taken = exists(db, QStringLiteral("SELECT 1 FROM datasets WHERE name = ?"), dataset.name);
        if (!taken)
            return fail(taken.error());
        if (*taken)
            return fail(Error::exists(QStringLiteral("dataset '%1' already exists").arg(dataset.name)));
        DatasetRecord stored = dataset;
        stored.created = QDateTime::currentDateTimeUtc();
        if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO datasets (") + datasetColumns +
                                       QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               {stored.name, stored.kind, stored.sourcePath, stored.digest, stored.rows, stored.features,
                                stored.classes, Sql::jsonText(stored.details), Sql::timeValue(stored.created)});
            !q)
            return fail(q.error());
        if (Status s = appendAudit(db, actor, QStringLiteral("dataset.register"), recordTarget("dataset", stored.name),
                                   QJsonObject{{QStringLiteral("kind"), stored.kind},
                                               {QStringLiteral("digest"), stored.digest},
                                               {QStringLiteral("rows"), stored.rows}});
            !s)
            return fail(s.error());
        // Stored times have millisecond precision; return what a later read returns.
        stored.created = Sql::toTime(Sql::timeValue(stored.created));
        return stored;
    });
}

Result<DatasetRecord> ModelRegistry::dataset(const QString &name) const
{
    if (Status s = Names::checkName(name, QStringLiteral("dataset")); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<DatasetRecord> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT ") + datasetColumns + QStringLiteral(" FROM datasets WHERE name = ?"),
                                        {name});
        if (!q)
            return fail(q.error());
        if (!q->next())
            return fail(Error::notFound(QStringLiteral("dataset '%1' does not exist").arg(name)));
        return datasetFrom(*q);
    });
}

Result<QList<DatasetRecord>> ModelRegistry::datasets() const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<DatasetRecord>> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT ") + datasetColumns + QStringLiteral(" FROM datasets ORDER BY name"));
        if (!q)
            return fail(q.error());
        QList<DatasetRecord> out;
        while (q->next())
            out.append(datasetFrom(*q));
        return out;
    });
}

// ---- runs -------------------------------------------------------------------------------------------

Result<RunRecord> ModelRegistry::createRun(const RunRecord &run, const QString &actor)
{
    if (Status s = checkRun(run); !s)
        return fail(s.error());
    return d->db->write([&](QSqlDatabase &db) -> Result<RunRecord> {
        Result<bool> taken = exists(db, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), run.id);
        if (!taken)
            return fail(taken.error());
        if (*taken)
            return fail(Error::exists(QStringLiteral("run '%1' already exists").arg(run.id)));
        RunRecord stored = run;
        stored.state = stateOf(run);
        stored.created = stored.updated = Sql::toTime(Sql::nowText());
        if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO runs (") + runColumns +
                                       QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               {stored.id, stored.state, Sql::jsonText(stored.config), Sql::jsonText(stored.summary),
                                stored.dataset, stored.model, stored.version, stored.epochsDone,
                                Sql::timeValue(stored.created), Sql::timeValue(stored.updated)});
            !q)
            return fail(q.error());
        if (Status s = appendAudit(db, actor, QStringLiteral("run.create"), recordTarget("run", stored.id),
                                   QJsonObject{{QStringLiteral("dataset"), stored.dataset},
                                               {QStringLiteral("state"), stored.state}});
            !s)
            return fail(s.error());
        return stored;
    });
}

Status ModelRegistry::updateRun(const RunRecord &run)
{
    if (Status s = checkRun(run); !s)
        return s;
    // Progress bookkeeping from the trainer, many times per run: no audit row (run.create has one).
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("UPDATE runs SET state = ?, config = ?, summary = ?, model = ?, version = ?,"
                                                           " epochs_done = ?, updated = ? WHERE id = ?"),
                                        {stateOf(run), Sql::jsonText(run.config), Sql::jsonText(run.summary), run.model,
                                         run.version, run.epochsDone, Sql::nowText(), run.id});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() == 0)
            return fail(Error::notFound(QStringLiteral("run '%1' does not exist").arg(run.id)));
        return {};
    });
}

Result<RunRecord> ModelRegistry::run(const QString &id) const
{
    if (Status s = Names::checkName(id, QStringLiteral("run")); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<RunRecord> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT ") + runColumns + QStringLiteral(" FROM runs WHERE id = ?"), {id});
        if (!q)
            return fail(q.error());
        if (!q->next())
            return fail(Error::notFound(QStringLiteral("run '%1' does not exist").arg(id)));
        return runFrom(*q);
    });
}

Result<QList<RunRecord>> ModelRegistry::runs() const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<RunRecord>> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT ") + runColumns +
                                                QStringLiteral(" FROM runs ORDER BY created DESC, rowid DESC"));
        if (!q)
            return fail(q.error());
        QList<RunRecord> out;
        while (q->next())
            out.append(runFrom(*q));
        return out;
    });
}

Status ModelRegistry::appendRunMetrics(const QList<RunMetricRow> &rows)
{
    if (rows.isEmpty())
        return {};
    QStringList runIds;
    for (const RunMetricRow &row : rows) {
        if (Status s = Names::checkName(row.runId, QStringLiteral("run")); !s)
            return s;
        if (row.name.isEmpty() || row.split.isEmpty())
            return fail(Error::invalid(QStringLiteral("run metric of run '%1' has no name or split").arg(row.runId)));
        if (!runIds.contains(row.runId))
            runIds << row.runId;
    }
    return d->db->write([&](QSqlDatabase &db) -> Status {
        for (const QString &id : std::as_const(runIds)) {
            Result<bool> known = exists(db, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), id);
            if (!known)
                return fail(known.error());
            if (!*known)
                return fail(Error::notFound(QStringLiteral("run '%1' does not exist").arg(id)));
        }
        // One prepared statement for the whole batch.
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO run_metrics (run_id, step, epoch, split, name, value, time)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)")))
            return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot store run metrics")));
        const QString now = Sql::nowText();
        for (const RunMetricRow &row : rows) {
            q.bindValue(0, row.runId);
            q.bindValue(1, row.step);
            q.bindValue(2, row.epoch);
            q.bindValue(3, row.split);
            q.bindValue(4, row.name);
            q.bindValue(5, row.value);
            q.bindValue(6, row.time.isValid() ? Sql::timeValue(row.time) : QVariant(now));
            if (!q.exec())
                return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot store run metrics")));
        }
        return {};
    });
}

Result<QList<RunMetricRow>> ModelRegistry::runMetrics(const QString &runId) const
{
    // The whole history is what runMetricsSince returns for a cursor that has read nothing.
    auto all = runMetricsSince(runId, {});
    if (!all)
        return fail(all.error());
    return std::move(all->rows);
}

Result<ModelRegistry::RunMetricsDelta> ModelRegistry::runMetricsSince(const QString &runId, const RunMetricsCursor &after) const
{
    if (Status s = Names::checkName(runId, QStringLiteral("run")); !s)
        return fail(s.error());
    return d->db->read([&](QSqlDatabase &db) -> Result<RunMetricsDelta> {
        Result<QVariant> resets = Sql::scalar(db, QStringLiteral("SELECT metrics_resets FROM runs WHERE id = ?"), {runId});
        if (!resets)
            return fail(resets.error());
        if (!resets->isValid())
            return fail(Error::notFound(QStringLiteral("run '%1' does not exist").arg(runId)));
        RunMetricsDelta out;
        out.cursor.resets = resets->toLongLong();
        out.reset = !after.isValid() || after.resets != out.cursor.resets;
        const qint64 since = out.reset ? -1 : after.lastRowId;
        out.cursor.lastRowId = out.reset ? 0 : after.lastRowId;
        // run_metrics_run_id (run_id, id) finds the new rows without reading the older ones.
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT step, epoch, split, name, value, time, id FROM run_metrics"
                                                           " WHERE run_id = ? AND id > ? ORDER BY step, id"),
                                        {runId, since});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            out.rows.append({runId, q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toString(), q->value(3).toString(),
                             q->value(4).toDouble(), Sql::toTime(q->value(5))});
            out.cursor.lastRowId = std::max(out.cursor.lastRowId, q->value(6).toLongLong());
        }
        return out;
    });
}

Status ModelRegistry::deleteRunMetricsAfterEpoch(const QString &runId, int epoch)
{
    if (Status s = Names::checkName(runId, QStringLiteral("run")); !s)
        return s;
    if (epoch < 0)
        return fail(Error::invalid(QStringLiteral("epoch must not be negative")));
    // Bookkeeping of a resuming trainer, like appendRunMetrics: no audit row.
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<bool> known = exists(db, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), runId);
        if (!known)
            return fail(known.error());
        if (!*known)
            return fail(Error::notFound(QStringLiteral("run '%1' does not exist").arg(runId)));
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("DELETE FROM run_metrics WHERE run_id = ? AND epoch > ?"), {runId, epoch});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() > 0) {
            if (auto u = Sql::exec(db, QStringLiteral("UPDATE runs SET metrics_resets = metrics_resets + 1 WHERE id = ?"), {runId}); !u)
                return fail(u.error());
        }
        return {};
    });
}

// ---- deployments ------------------------------------------------------------------------------------

Status ModelRegistry::saveDeployment(const DeploymentRecord &deployment, const QString &actor)
{
    if (Status s = Names::checkName(deployment.name, QStringLiteral("deployment")); !s)
        return s;
    const Status saved = d->db->write([&](QSqlDatabase &db) -> Status {
        if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO deployments (name, spec, updated) VALUES (?, ?, ?)"
                                                  " ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, updated = excluded.updated"),
                               {deployment.name, Sql::jsonText(deployment.spec), Sql::nowText()});
            !q)
            return fail(q.error());
        faultPoint("deployment:saving"); // row written, transaction open
        return appendAudit(db, actor, QStringLiteral("deployment.save"), recordTarget("deployment", deployment.name),
                           deployment.spec);
    });
    if (saved)
        faultPoint("deployment:saved");
    return saved;
}

Status ModelRegistry::removeDeployment(const QString &name, const QString &actor)
{
    if (Status s = Names::checkName(name, QStringLiteral("deployment")); !s)
        return s;
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("DELETE FROM deployments WHERE name = ?"), {name});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() == 0)
            return fail(Error::notFound(QStringLiteral("deployment '%1' does not exist").arg(name)));
        return appendAudit(db, actor, QStringLiteral("deployment.remove"), recordTarget("deployment", name), QString());
    });
}

Result<QList<DeploymentRecord>> ModelRegistry::deployments() const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<DeploymentRecord>> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT name, spec, updated FROM deployments ORDER BY name"));
        if (!q)
            return fail(q.error());
        QList<DeploymentRecord> out;
        while (q->next())
            out.append({q->value(0).toString(), Sql::toObject(q->value(1)), Sql::toTime(q->value(2))});
        return out;
    });
}

// ---- tokens -----------------------------------------------------------------------------------------

Result<TokenRecord> ModelRegistry::createToken(const TokenRecord &token, const QString &actor)
{
    if (Status s = Names::checkName(token.name, QStringLiteral("token")); !s)
        return fail(s.error());
    if (token.hash.isEmpty() || token.hash.size() > 512)
        return fail(Error::invalid(QStringLiteral("token '%1' needs a secret hash of 1-512 characters").arg(token.name)));
    static const QStringList roles{QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")};
    if (!roles.contains(token.role))
        return fail(Error::invalid(QStringLiteral("invalid token role '%1': use viewer, operator or admin").arg(token.role.left(40))));
    for (const QString &m : token.models) {
        if (Status s = checkScopeEntry(m); !s)
            return fail(s.error());
    }
    return d->db->write([&](QSqlDatabase &db) -> Result<TokenRecord> {
        Result<bool> taken = exists(db, QStringLiteral("SELECT 1 FROM tokens WHERE name = ?"), token.name);
        if (!taken)
            return fail(taken.error());
        if (*taken)
            return fail(Error::exists(QStringLiteral("token '%1' already exists").arg(token.name)));
        Result<bool> sameSecret = exists(db, QStringLiteral("SELECT 1 FROM tokens WHERE hash = ?"), token.hash);
        if (!sameSecret)
            return fail(sameSecret.error());
        if (*sameSecret)
            return fail(Error::exists(QStringLiteral("another token already has the same secret")));
        TokenRecord stored = token;
        stored.created = Sql::toTime(Sql::nowText());
        stored.revoked = QDateTime();
        stored.lastUsed = QDateTime();
        stored.expires = Sql::toTime(Sql::timeValue(token.expires));
        if (auto q = Sql::exec(db, QStringLiteral("INSERT INTO tokens (") + tokenColumns +
                                       QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)"),
                               {stored.name, stored.hash, stored.role, Sql::jsonText(QJsonArray::fromStringList(stored.models)),
                                Sql::timeValue(stored.expires), Sql::timeValue(stored.created)});
            !q)
            return fail(q.error());
        // Never the hash: the audit log is readable by viewers.
        QJsonObject detail{{QStringLiteral("role"), stored.role},
                           {QStringLiteral("models"), QJsonArray::fromStringList(stored.models)}};
        detail.insert(QStringLiteral("expires"),
                      stored.expires.isValid() ? QJsonValue(Sql::timeValue(stored.expires).toString()) : QJsonValue());
        if (Status s = appendAudit(db, actor, QStringLiteral("token.create"), recordTarget("token", stored.name), detail); !s)
            return fail(s.error());
        return stored;
    });
}

Result<TokenRecord> ModelRegistry::tokenByHash(const QString &hash) const
{
    // Returns revoked and expired tokens too: the caller decides, and says why it refuses.
    return d->db->read([&](QSqlDatabase &db) -> Result<TokenRecord> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT ") + tokenColumns + QStringLiteral(" FROM tokens WHERE hash = ?"),
                                        {hash});
        if (!q)
            return fail(q.error());
        if (!q->next())
            return fail(Error::notFound(QStringLiteral("no token matches this secret")));
        return tokenFrom(*q);
    });
}

Result<QList<TokenRecord>> ModelRegistry::tokens() const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QList<TokenRecord>> {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT ") + tokenColumns + QStringLiteral(" FROM tokens ORDER BY name"));
        if (!q)
            return fail(q.error());
        QList<TokenRecord> out;
        while (q->next())
            out.append(tokenFrom(*q));
        return out;
    });
}

Status ModelRegistry::revokeToken(const QString &name, const QString &actor)
{
    if (Status s = Names::checkName(name, QStringLiteral("token")); !s)
        return s;
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT revoked FROM tokens WHERE name = ?"), {name});
        if (!q)
            return fail(q.error());
        if (!q->next())
            return fail(Error::notFound(QStringLiteral("token '%1' does not exist").arg(name)));
        const bool alreadyRevoked = !q->value(0).isNull();
        q->finish();
        if (alreadyRevoked)
            return {}; // keeps the first revocation time
        if (auto u = Sql::exec(db, QStringLiteral("UPDATE tokens SET revoked = ? WHERE name = ?"), {Sql::nowText(), name}); !u)
            return fail(u.error());
        return appendAudit(db, actor, QStringLiteral("token.revoke"), recordTarget("token", name), QString());
    });
}

Status ModelRegistry::touchToken(const QString &name)
{
    if (Status s = Names::checkName(name, QStringLiteral("token")); !s)
        return s;
    return d->db->write([&](QSqlDatabase &db) -> Status {
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("UPDATE tokens SET last_used = ? WHERE name = ?"), {Sql::nowText(), name});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() == 0)
            return fail(Error::notFound(QStringLiteral("token '%1' does not exist").arg(name)));
        return {};
    });
}

} // namespace ModelDesk::Registry
