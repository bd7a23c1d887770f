#pragma once
// The model registry: models, versions, aliases, tags and the audit log, on QtSql.
//
// Threads: every method may be called from any thread; each thread gets its own named database
// connection (SQLite in WAL mode, synchronous=FULL, busy timeout; or a PostgreSQL session, see
// open()), closed when the registry is destroyed. Calls block on the database: never call them on
// the GUI thread.
// Processes: several processes (console, CLI, server) may open the same workspace at once; every
// change is one transaction, so each either happens whole or not at all, and version numbers never
// repeat. changeCounter() lets another process notice changes cheaply (see changeCounter below).
// Errors: Result<T>; NotFound for unknown names, AlreadyExists / Conflict for clashes,
// InvalidArgument for names that fail Names::checkName, Io for database failures.
// Audit: every change records an AuditEntry with the actor given in the call (an empty actor is
// recorded as "unknown"). Targets: "name", "name:3", "name@alias" for models, versions, aliases and
// tags; "dataset/NAME", "run/ID", "deployment/NAME", "token/NAME" for the other records;
// "settings/PART" for workspace settings. Bookkeeping writes have no audit row: pending artifacts,
// updateRun, appendRunMetrics, touchToken.

#include "core/modeltypes.h"

#include "core/result.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <memory>

namespace ModelDesk::Registry {

class ModelRegistry final
{
public:
    // Opens (creating if needed) the registry database at `path` and runs the numbered schema
    // migrations (PRAGMA user_version). Corrupt if the file is not a registry or is newer than us.
    // `path` may also be a PostgreSQL URL, postgresql://user@host:port/database (docs/cli.md): the
    // same schema, semantics and errors on a server database that several machines share (the
    // schema number in a schema_version table; the password from PGPASSWORD or ~/.pgpass).
    static Result<std::unique_ptr<ModelRegistry>> open(const QString &path);
    ~ModelRegistry();
    ModelRegistry(const ModelRegistry &) = delete;
    ModelRegistry &operator=(const ModelRegistry &) = delete;

    QString path() const;                   // the file, or the PostgreSQL URL without a password
    int schemaVersion() const;              // current migration number after open()
    static int latestSchemaVersion();

    // Models
    Result<ModelInfo> createModel(const QString &name, const QString &description, const QString &task,
                                  const QString &actor);
    Result<ModelInfo> model(const QString &name) const;
    Result<QList<ModelInfo>> models() const;
    Status setModelDescription(const QString &name, const QString &description, const QString &actor);
    // Deletes a model with all its versions, aliases and tags. Returns the digests that no other
    // version references any more, so the caller can remove those artifact files.
    Result<QStringList> deleteModel(const QString &name, const QString &actor);

    // Versions. addVersion creates the model first when `createModelIfMissing` and it does not exist.
    Result<VersionInfo> addVersion(const QString &model, const NewVersion &v, const QString &actor,
                                   bool createModelIfMissing = true);
    Result<VersionInfo> version(const QString &model, int version) const;
    Result<VersionInfo> latestVersion(const QString &model) const;
    Result<VersionInfo> resolve(const QString &model, const QString &alias) const; // NAME@ALIAS
    Result<QList<VersionInfo>> versions(const QString &model) const;              // ascending
    Result<QList<VersionInfo>> allVersions() const;                               // every model
    // Deletes one version (its aliases and tags go with it). Returns the artifact digest when no
    // other version references it any more (empty string otherwise); that digest is recorded as
    // pending ("delete", this pid) in the same transaction, so the caller unlinks the file and then
    // calls removePending. deleteModel does the same for every freed digest.
    Result<QString> deleteVersion(const QString &model, int version, const QString &actor);
    Result<VersionInfo> setVersionDescription(const QString &model, int version, const QString &description,
                                              const QString &actor);
    // Merges metrics into a version's metrics (evaluation results arriving after creation).
    Result<VersionInfo> addVersionMetrics(const QString &model, int version, const QJsonObject &metrics,
                                          const QString &actor);

    // Aliases: one alias names one version of a model; setting moves it.
    Status setAlias(const QString &model, const QString &alias, int version, const QString &actor);
    Status removeAlias(const QString &model, const QString &alias, const QString &actor);

    // Tags: key=value on a version; setting an existing key replaces its value.
    Status setTag(const QString &model, int version, const QString &key, const QString &value, const QString &actor);
    Status removeTag(const QString &model, int version, const QString &key, const QString &actor);


    // Pending artifacts: digests whose file a live process is writing (operation "import") or
    // removing ("delete"). ModelCatalog uses them so that a crash never leaves an unexplained file.
    struct PendingArtifact
    {
        QString digest;
        qint64 pid = 0;
        QString operation;
        QDateTime since;
        QString host;     // hostIdentity() of the writer; "" for rows written before schema 4
    };
    // Records this process: hostIdentity() and QCoreApplication::applicationPid().
    Status addPending(const QString &digest, const QString &operation);
    Status removePending(const QString &digest, qint64 pid);           // this host's; no such row is not an error
    Status removePending(const QString &digest, const QString &host, qint64 pid);
    Result<QList<PendingArtifact>> pending() const;
    // addVersion variant that also removes the pending row (digest, this pid) in the same transaction.
    Result<VersionInfo> addVersionClearingPending(const QString &model, const NewVersion &v, const QString &actor,
                                                  bool createModelIfMissing = true);

    // Datasets (lineage). registerDataset fails with AlreadyExists for a taken name.
    Result<DatasetRecord> registerDataset(const DatasetRecord &d, const QString &actor);
    Result<DatasetRecord> dataset(const QString &name) const;
    Result<QList<DatasetRecord>> datasets() const;

    // Training runs. updateRun replaces state/summary/model/version/epochsDone/config of an existing run.
    Result<RunRecord> createRun(const RunRecord &r, const QString &actor);
    Status updateRun(const RunRecord &r);
    Result<RunRecord> run(const QString &id) const;
    Result<QList<RunRecord>> runs() const;                                     // newest first
    Status appendRunMetrics(const QList<RunMetricRow> &rows);                   // one transaction
    Result<QList<RunMetricRow>> runMetrics(const QString &runId) const;         // ordered by step
    // Live views follow a run that another thread or process trains by reading only what is new.
    // The cursor is the last row read (insertion order: one writer at a time, so a snapshot always
    // holds a prefix of it, and rows of one step written in two transactions are neither lost nor
    // repeated) and the run's reset count (bumped by deleteRunMetricsAfterEpoch). runMetricsSince
    // returns the rows inserted after the cursor, ordered by step; for a default cursor, or when the
    // history was cut since the cursor was taken, it returns the whole history with reset = true
    // (drop what was read before). Rows and the new cursor come from one snapshot.
    struct RunMetricsCursor
    {
        qint64 lastRowId = -1; // -1: nothing read yet
        qint64 resets = -1;
        bool isValid() const { return lastRowId >= 0; }
    };
    struct RunMetricsDelta
    {
        QList<RunMetricRow> rows;
        bool reset = false;
        RunMetricsCursor cursor; // pass it to the next call
    };
    Result<RunMetricsDelta> runMetricsSince(const QString &runId, const RunMetricsCursor &after) const;
    // A resumed run redoes the epoch after its checkpoint: the rows of epochs after `epoch` (the
    // step rows a cancelled or killed epoch stored) go, in one transaction that also bumps the run's
    // reset count when any row went. NotFound for an unknown run.
    Status deleteRunMetricsAfterEpoch(const QString &runId, int epoch);

    // Deployments (persisted definitions, restored at start).
    Status saveDeployment(const DeploymentRecord &d, const QString &actor);     // insert or replace
    Status removeDeployment(const QString &name, const QString &actor);
    Result<QList<DeploymentRecord>> deployments() const;

    // API tokens (hashes only).
    Result<TokenRecord> createToken(const TokenRecord &t, const QString &actor);
    Result<TokenRecord> tokenByHash(const QString &hash) const;        // revoked/expired ones too: the caller decides
    Result<QList<TokenRecord>> tokens() const;
    Status revokeToken(const QString &name, const QString &actor);     // revoking twice keeps the first time
    Status touchToken(const QString &name);                                     // lastUsed = now, no audit

    // Audit log (append-only: there is no API to change or delete entries; SQLite triggers refuse
    // UPDATE and DELETE on the table from any client). Newest first. query.target "name" selects
    // "name", "name:*" and "name@*" (not "name2"); a target ending in ':', '@' or '/' is a plain
    // prefix. query.action "version." (trailing dot) selects every version action. limit <= 0: all.
    Result<QList<AuditEntry>> audit(const AuditQuery &query = {}) const;
    // action follows the name rule ("deployment.load"); InvalidArgument otherwise.
    Status recordAudit(const QString &actor, const QString &action, const QString &target, const QString &detail);

    // Workspace settings: small text values by dotted lower-case key ("encryption.enabled"). Values
    // may be key material wrapped by a passphrase (docs/security.md), so the audit records only which
    // keys changed. settings() returns the keys that start with `prefix` (all when empty).
    Result<QMap<QString, QString>> settings(const QString &prefix = {}) const;
    // Sets `values` and deletes `remove` in one transaction with one audit entry (`action`, following
    // the name rule, e.g. "encryption.enable"; target "settings/<first part of the first key>").
    // InvalidArgument for a key that is not ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$ (at most 128 chars).
    Status changeSettings(const QMap<QString, QString> &values, const QStringList &remove, const QString &actor,
                          const QString &action);

    // Every artifact digest referenced by some version (for doctor and garbage collection).
    Result<QStringList> referencedDigests() const;
    // Whether some version references the digest.
    Result<bool> isDigestReferenced(const QString &digest) const;

    // A number that changes whenever any process commits a change to the registry (a counter row
    // that every write transaction bumps). Cheap; poll it (for example once a second) to refresh
    // views after the CLI changed something.
    Result<qint64> changeCounter() const;

    // PRAGMA integrity_check and schema checks; empty list when healthy, else one line per problem.
    Result<QStringList> checkIntegrity() const;

private:
    ModelRegistry();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Registry
