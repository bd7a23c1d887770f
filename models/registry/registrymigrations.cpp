#include "registrymigrations.h"

#include "core/logging.h"
#include "registrydatabase.h"

#include <QSet>
#include <span>

namespace ModelDesk::Registry::Migrations {

namespace {

// Migration 1: the whole first schema. Times are UTC ISO-8601 text with milliseconds, JSON is text.
// Append new migrations as new arrays; never edit one that has shipped.
constexpr const char *migration1[] = {
    // A single row bumped by every write transaction: changeCounter() reads it.
    R"(CREATE TABLE meta (
         id INTEGER PRIMARY KEY CHECK (id = 1),
         change_counter INTEGER NOT NULL DEFAULT 0))",
    "INSERT INTO meta (id, change_counter) VALUES (1, 0)",

    // next_version only grows, so a deleted version's number is never handed out again.
    R"(CREATE TABLE models (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL UNIQUE,
         description TEXT NOT NULL DEFAULT '',
         task TEXT NOT NULL DEFAULT '',
         created TEXT NOT NULL,
         next_version INTEGER NOT NULL DEFAULT 1 CHECK (next_version >= 1)))",

    R"(CREATE TABLE versions (
         id INTEGER PRIMARY KEY,
         model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
         version INTEGER NOT NULL CHECK (version >= 1),
         digest TEXT NOT NULL,
         size INTEGER NOT NULL CHECK (size >= 0),
         format TEXT NOT NULL,
         signature TEXT NOT NULL DEFAULT '{}',
         parameter_count INTEGER NOT NULL DEFAULT 0,
         metrics TEXT NOT NULL DEFAULT '{}',
         params TEXT NOT NULL DEFAULT '{}',
         parent_version INTEGER,
         run_id TEXT NOT NULL DEFAULT '',
         dataset_digest TEXT NOT NULL DEFAULT '',
         source TEXT NOT NULL DEFAULT '',
         description TEXT NOT NULL DEFAULT '',
         created_by TEXT NOT NULL DEFAULT '',
         created TEXT NOT NULL,
         UNIQUE (model_id, version)))",
    "CREATE INDEX versions_digest ON versions (digest)",
    // Versions are immutable: only description and metrics may change after creation.
    R"(CREATE TRIGGER versions_immutable BEFORE UPDATE OF
         id, model_id, version, digest, size, format, signature, parameter_count, params, parent_version,
         run_id, dataset_digest, source, created_by, created ON versions
       BEGIN SELECT RAISE(ABORT, 'model versions are immutable'); END)",

    R"(CREATE TABLE aliases (
         id INTEGER PRIMARY KEY,
         model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
         alias TEXT NOT NULL,
         version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
         UNIQUE (model_id, alias)))",
    "CREATE INDEX aliases_version ON aliases (version_id)",

    R"(CREATE TABLE tags (
         id INTEGER PRIMARY KEY,
         version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
         key TEXT NOT NULL,
         value TEXT NOT NULL,
         UNIQUE (version_id, key)))",

    // Append-only: the triggers make UPDATE and DELETE fail for every client of the file.
    R"(CREATE TABLE audit (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         time TEXT NOT NULL,
         actor TEXT NOT NULL,
         action TEXT NOT NULL,
         target TEXT NOT NULL,
         detail TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX audit_target ON audit (target)",
    "CREATE INDEX audit_time ON audit (time)",
    R"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",
    R"(CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",

    R"(CREATE TABLE pending_artifacts (
         digest TEXT NOT NULL,
         pid INTEGER NOT NULL,
         operation TEXT NOT NULL CHECK (operation IN ('import', 'delete')),
         since TEXT NOT NULL,
         PRIMARY KEY (digest, pid)))",

    R"(CREATE TABLE datasets (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL UNIQUE,
         kind TEXT NOT NULL DEFAULT '',
         source_path TEXT NOT NULL DEFAULT '',
         digest TEXT NOT NULL DEFAULT '',
         rows INTEGER NOT NULL DEFAULT 0,
         features INTEGER NOT NULL DEFAULT 0,
         classes INTEGER NOT NULL DEFAULT 0,
         details TEXT NOT NULL DEFAULT '{}',
         created TEXT NOT NULL))",
    "CREATE INDEX datasets_digest ON datasets (digest)",

    R"(CREATE TABLE runs (
         id TEXT PRIMARY KEY,
         state TEXT NOT NULL,
         config TEXT NOT NULL DEFAULT '{}',
         summary TEXT NOT NULL DEFAULT '{}',
         dataset TEXT NOT NULL DEFAULT '',
         model TEXT NOT NULL DEFAULT '',
         version INTEGER NOT NULL DEFAULT 0,
         epochs_done INTEGER NOT NULL DEFAULT 0,
         created TEXT NOT NULL,
         updated TEXT NOT NULL))",
    "CREATE INDEX runs_created ON runs (created)",

    R"(CREATE TABLE run_metrics (
         id INTEGER PRIMARY KEY,
         run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
         step INTEGER NOT NULL,
         epoch INTEGER NOT NULL,
         split TEXT NOT NULL,
         name TEXT NOT NULL,
         value REAL NOT NULL,
         time TEXT NOT NULL))",
    "CREATE INDEX run_metrics_run ON run_metrics (run_id, step)",

    R"(CREATE TABLE deployments (
         name TEXT PRIMARY KEY,
         spec TEXT NOT NULL DEFAULT '{}',
         updated TEXT NOT NULL))",

    R"(CREATE TABLE tokens (
         name TEXT PRIMARY KEY,
         hash TEXT NOT NULL UNIQUE,
         role TEXT NOT NULL,
         models TEXT NOT NULL DEFAULT '[]',
         expires TEXT,
         created TEXT NOT NULL,
         revoked TEXT,
         last_used TEXT))",
};

// Migration 2: workspace settings, small text values by dotted key (ModelRegistry::settings). The
// first users are the encryption-at-rest keys ("encryption.enabled", ...; docs/security.md).
constexpr const char *migration2[] = {
    R"(CREATE TABLE settings (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL,
         updated TEXT NOT NULL))",
};

// Migration 3: live training curves. Step rows are written during an epoch, so a resumed run
// deletes the rows of the epoch it redoes (ModelRegistry::deleteRunMetricsAfterEpoch); readers that
// follow a run by row id (runMetricsSince) learn of such a cut from metrics_resets, which every
// cut bumps. The index serves "rows of this run after id N" without scanning the run's history.
constexpr const char *migration3[] = {
    "ALTER TABLE runs ADD COLUMN metrics_resets INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX run_metrics_run_id ON run_metrics (run_id, id)",
};

// Migration 4: pending artifacts name their host as well as their pid. With a PostgreSQL registry
// shared by several machines (and the workspace folder on a network file system), a pid says nothing
// about another machine's processes: only the writer's own host may judge it dead by its pid (see
// ModelCatalog). Rows from before have host '' and are judged by pid as they were.
constexpr const char *migration4[] = {
    R"(CREATE TABLE pending_artifacts_v4 (
         digest TEXT NOT NULL,
         host TEXT NOT NULL DEFAULT '',
         pid INTEGER NOT NULL,
         operation TEXT NOT NULL CHECK (operation IN ('import', 'delete')),
         since TEXT NOT NULL,
         PRIMARY KEY (digest, host, pid)))",
    "INSERT INTO pending_artifacts_v4 (digest, host, pid, operation, since)"
    " SELECT digest, '', pid, operation, since FROM pending_artifacts",
    "DROP TABLE pending_artifacts",
    "ALTER TABLE pending_artifacts_v4 RENAME TO pending_artifacts",
};

constexpr std::span<const char *const> migrations[] = {migration1, migration2, migration3, migration4};

// PostgreSQL runs the same statements, translated by Dialect::translatedDdl, except the CREATE TRIGGER
// ones: SQLite's trigger bodies have no PostgreSQL form, so each migration lists its PostgreSQL
// triggers (plpgsql) and the few extras it needs here. Same trigger names, so check() is shared.
constexpr const char *postgresMigration1[] = {
    R"(CREATE FUNCTION modeldesk_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$)",
    R"(CREATE TRIGGER versions_immutable BEFORE UPDATE OF
         id, model_id, version, digest, size, format, signature, parameter_count, params, parent_version,
         run_id, dataset_digest, source, created_by, created ON versions
       FOR EACH ROW EXECUTE FUNCTION modeldesk_refuse('model versions are immutable'))",
    R"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       FOR EACH ROW EXECUTE FUNCTION modeldesk_refuse('the audit log is append-only'))",
    R"(CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       FOR EACH ROW EXECUTE FUNCTION modeldesk_refuse('the audit log is append-only'))",
    // TRUNCATE skips row triggers; SQLite has no TRUNCATE.
    R"(CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
       FOR EACH STATEMENT EXECUTE FUNCTION modeldesk_refuse('the audit log is append-only'))",
    // runs() orders ties by insertion ("rowid DESC"); SQLite has the implicit rowid, PostgreSQL gets a
    // column of that name.
    "ALTER TABLE runs ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY",
};
constexpr std::span<const char *const> postgresExtras[] = {postgresMigration1, {}, {}, {}};
static_assert(std::size(postgresExtras) == std::size(migrations), "every migration needs its PostgreSQL part");

// PostgreSQL has no PRAGMA user_version: a one-row table holds the schema number.
constexpr char postgresVersionTable[] = R"(CREATE TABLE IF NOT EXISTS schema_version (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     version INTEGER NOT NULL))";

constexpr const char *expectedTables[] = {"meta",     "models",   "versions", "aliases",     "tags",
                                          "audit",    "pending_artifacts",    "datasets",    "runs",
                                          "run_metrics", "deployments",       "tokens",
                                          "settings"};
constexpr const char *expectedTriggers[] = {"versions_immutable", "audit_no_update", "audit_no_delete"};
constexpr const char *expectedPostgresTriggers[] = {"audit_no_truncate"};

bool isPostgres(const QSqlDatabase &db) { return Dialect::backend(db) == Dialect::Backend::Postgres; }

Result<int> userVersion(const QSqlDatabase &db)
{
    if (isPostgres(db)) {
        // A query on pg_tables, not to_regclass(): to_regclass reads the session's catalog cache, which a
        // transaction that started before another process's migration committed still has stale
        // (the advisory lock wait does not refresh it); a table scan sees the latest commit.
        Result<QVariant> exists = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_tables"
                                                                 " WHERE schemaname = current_schema() AND tablename = 'schema_version'"));
        if (!exists)
            return fail(exists.error());
        if (exists->toInt() == 0)
            return 0;
        Result<QVariant> v = Sql::scalar(db, QStringLiteral("SELECT version FROM schema_version WHERE id = 1"));
        if (!v)
            return fail(v.error());
        return v->isValid() ? v->toInt() : 0;
    }
    Result<QVariant> v = Sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status setUserVersion(const QSqlDatabase &db, int number)
{
    if (isPostgres(db)) {
        if (Result<QSqlQuery> q = Sql::execDirect(db, QString::fromLatin1(postgresVersionTable)); !q)
            return fail(q.error());
        if (Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("INSERT INTO schema_version (id, version) VALUES (1, ?)"
                                                               " ON CONFLICT (id) DO UPDATE SET version = excluded.version"),
                                            {number});
            !q)
            return fail(q.error());
        return {};
    }
    // PRAGMA takes no bound parameters; number is ours.
    if (Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(number)); !q)
        return fail(q.error());
    return {};
}

Result<QSqlQuery> runStatement(const QSqlDatabase &db, const QString &sql)
{
    // DDL cannot be a PostgreSQL prepared statement; SQLite keeps its prepared path.
    return isPostgres(db) ? Sql::execDirect(db, sql) : Sql::exec(db, sql);
}

Error newerError(int found)
{
    return Error::corrupt(QStringLiteral("registry schema %1 is newer than this ModelDesk (%2)").arg(found).arg(latestVersion()));
}

// A file with user_version 0 may only be empty: anything else is some other program's database.
Status checkForeign(const QSqlDatabase &db, const QString &path)
{
    if (isPostgres(db)) {
        Result<QVariant> n = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_tables"
                                                            " WHERE schemaname = current_schema() AND tablename <> 'schema_version'"));
        if (!n)
            return fail(n.error());
        if (n->toInt() > 0)
            return fail(Error::corrupt(QStringLiteral("PostgreSQL database %1 is not a ModelDesk registry (its schema has "
                                                      "tables and no registry schema version): use an empty database")
                                           .arg(path)));
        return {};
    }
    Result<QVariant> n = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
    if (!n)
        return fail(n.error());
    if (n->toInt() > 0)
        return fail(Error::corrupt(
            QStringLiteral("'%1' is an SQLite database but not a ModelDesk registry (it has tables and no schema version)")
                .arg(path)));
    return {};
}

Status runMigration(const QSqlDatabase &db, const QString &path, int number)
{
    if (Status s = RegistryDatabase::beginWrite(db); !s)
        return s;
    auto run = [&]() -> Status {
        // Another process may have migrated while we waited for the write lock.
        Result<int> current = userVersion(db);
        if (!current)
            return fail(current.error());
        if (*current > latestVersion())
            return fail(newerError(*current));
        if (*current >= number)
            return {};
        if (*current == 0) {
            if (Status s = checkForeign(db, path); !s)
                return s;
        }
        const Dialect::Backend backend = Dialect::backend(db);
        QStringList statements;
        for (const char *statement : migrations[number - 1]) {
            const QString sql = QString::fromUtf8(statement);
            if (backend == Dialect::Backend::Postgres && sql.startsWith(QLatin1String("CREATE TRIGGER")))
                continue; // replaced by the migration's PostgreSQL triggers
            statements << Dialect::translatedDdl(backend, sql);
        }
        if (backend == Dialect::Backend::Postgres) {
            for (const char *statement : postgresExtras[number - 1])
                statements << QString::fromUtf8(statement);
        }
        for (const QString &statement : std::as_const(statements)) {
            if (Result<QSqlQuery> q = runStatement(db, statement); !q)
                return fail(Error{q.error().code, QStringLiteral("registry migration %1 failed: %2").arg(number).arg(q.error().message)});
        }
        if (Status s = setUserVersion(db, number); !s)
            return s;
        qCInfo(lcRegistry) << "registry" << path << "migrated to schema" << number;
        return {};
    };
    if (Status s = run(); !s) {
        RegistryDatabase::rollback(db);
        return s;
    }
    if (Status s = RegistryDatabase::commit(db); !s) {
        RegistryDatabase::rollback(db);
        return s;
    }
    return {};
}

} // namespace

int latestVersion() { return static_cast<int>(std::size(migrations)); }

Result<int> migrate(const RegistryDatabase &database)
{
    Result<QSqlDatabase> db = database.connection();
    if (!db)
        return fail(db.error());
    Result<int> current = userVersion(*db);
    if (!current)
        return fail(current.error());
    if (*current > latestVersion())
        return fail(newerError(*current));
    for (int n = *current + 1; n <= latestVersion(); ++n) {
        if (Status s = runMigration(*db, database.path(), n); !s)
            return fail(s.error());
    }
    return userVersion(*db);
}

Result<QStringList> check(const QSqlDatabase &db)
{
    QStringList problems;
    // PostgreSQL checks every foreign key on every statement and has no file to damage from our side:
    // integrity_check and foreign_key_check are SQLite's; on PostgreSQL the schema checks below remain.
    if (!isPostgres(db)) {
        {
            Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("PRAGMA integrity_check"));
            if (!q)
                return fail(q.error());
            while (q->next()) {
                const QString line = q->value(0).toString();
                if (line != QLatin1String("ok"))
                    problems << QStringLiteral("integrity check: %1").arg(line);
            }
        }
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("PRAGMA foreign_key_check"));
        if (!q)
            return fail(q.error());
        while (q->next())
            problems << QStringLiteral("table '%1' row %2 references a missing row of '%3'")
                            .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
    }
    QSet<QString> present;
    {
        const QString sql = isPostgres(db)
                                ? QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                                                 " UNION SELECT t.tgname FROM pg_catalog.pg_trigger t"
                                                 " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                                                 " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                                 " WHERE NOT t.tgisinternal AND n.nspname = current_schema()")
                                : QStringLiteral("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')");
        Result<QSqlQuery> q = Sql::exec(db, sql);
        if (!q)
            return fail(q.error());
        while (q->next())
            present.insert(q->value(0).toString());
    }
    for (const char *table : expectedTables) {
        if (!present.contains(QString::fromLatin1(table)))
            problems << QStringLiteral("table '%1' is missing").arg(QString::fromLatin1(table));
    }
    QStringList triggers;
    for (const char *trigger : expectedTriggers)
        triggers << QString::fromLatin1(trigger);
    if (isPostgres(db)) {
        for (const char *trigger : expectedPostgresTriggers)
            triggers << QString::fromLatin1(trigger);
    }
    for (const QString &trigger : std::as_const(triggers)) {
        if (!present.contains(trigger))
            problems << QStringLiteral("trigger '%1' is missing: versions or the audit log are not protected").arg(trigger);
    }
    Result<int> version = userVersion(db);
    if (!version)
        return fail(version.error());
    if (*version != latestVersion())
        problems << QStringLiteral("schema version is %1, expected %2").arg(*version).arg(latestVersion());
    if (present.contains(QStringLiteral("meta"))) {
        Result<QVariant> rows = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM meta WHERE id = 1"));
        if (!rows)
            return fail(rows.error());
        if (rows->toInt() != 1)
            problems << QStringLiteral("table 'meta' has no change counter row");
    }
    return problems;
}

} // namespace ModelDesk::Registry::Migrations
