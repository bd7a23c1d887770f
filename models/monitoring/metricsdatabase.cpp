#include "metricsdatabase.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QSqlError>
#include <QThread>
#include <atomic>

namespace ModelDesk::Monitoring {

namespace {

std::atomic<int> g_serial{0};

constexpr int kBusyTimeoutMs = 5000;

Error sqlError(const QSqlError &e, const QString &what)
{
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    if (ok && (code == 11 || code == 26)) // SQLITE_CORRUPT, SQLITE_NOTADB
        return Error::corrupt(
            QStringLiteral("metrics database is damaged or not a metrics database (%1): %2").arg(what, text));
    if (ok && code == 19) // SQLITE_CONSTRAINT
        return Error::conflict(QStringLiteral("%1: %2").arg(what, text));
    return Error::io(QStringLiteral("%1: %2").arg(what, text));
}

// Version 1: series + points (1 min and 1 h rows), traffic counts per deployment version (for
// percentiles recomputed from buckets), alert rules and alert events.
const char *const kSchemaV1[] = {
    "CREATE TABLE series ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " deployment TEXT NOT NULL DEFAULT '',"
    " version INTEGER NOT NULL DEFAULT 0,"
    " run TEXT NOT NULL DEFAULT '',"
    " UNIQUE(name, deployment, version, run))",
    "CREATE TABLE points ("
    " series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,"
    " resolution INTEGER NOT NULL,"
    " ts INTEGER NOT NULL,"
    " value REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, mean REAL NOT NULL,"
    " samples INTEGER NOT NULL,"
    " PRIMARY KEY(series_id, resolution, ts)) WITHOUT ROWID",
    "CREATE INDEX points_age ON points(resolution, ts)",
    "CREATE TABLE traffic ("
    " deployment TEXT NOT NULL,"
    " version INTEGER NOT NULL,"
    " resolution INTEGER NOT NULL,"
    " ts INTEGER NOT NULL,"
    " seconds REAL NOT NULL,"
    " counts BLOB NOT NULL,"
    " PRIMARY KEY(deployment, version, resolution, ts)) WITHOUT ROWID",
    "CREATE INDEX traffic_age ON traffic(resolution, ts)",
    "CREATE TABLE alert_rules ("
    " name TEXT PRIMARY KEY,"
    " series TEXT NOT NULL,"
    " deployment TEXT NOT NULL DEFAULT '',"
    " version INTEGER NOT NULL DEFAULT 0,"
    " comparison TEXT NOT NULL CHECK(comparison IN ('above', 'below')),"
    " threshold REAL NOT NULL,"
    " for_seconds INTEGER NOT NULL,"
    " enabled INTEGER NOT NULL DEFAULT 1,"
    " description TEXT NOT NULL DEFAULT '',"
    " created INTEGER NOT NULL)",
    "CREATE TABLE alert_events ("
    " id INTEGER PRIMARY KEY,"
    " rule TEXT NOT NULL,"
    " series TEXT NOT NULL,"
    " deployment TEXT NOT NULL DEFAULT '',"
    " version INTEGER NOT NULL DEFAULT 0,"
    " event TEXT NOT NULL CHECK(event IN ('fired', 'cleared')),"
    " value REAL,"
    " threshold REAL NOT NULL,"
    " at INTEGER NOT NULL,"
    " message TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX alert_events_at ON alert_events(at)",
};

} // namespace

QString metricsDatabasePath(const QString &workspaceRoot)
{
    return QDir(workspaceRoot).filePath(QStringLiteral("metrics.sqlite"));
}

MetricsDatabase::MetricsDatabase(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

MetricsDatabase::~MetricsDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<MetricsDatabase>> MetricsDatabase::open(const QString &path)
{
    const QString name = QStringLiteral("modeldesk-metrics-%1").arg(g_serial.fetch_add(1));
    std::unique_ptr<MetricsDatabase> self(new MetricsDatabase(path, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open())
            return fail(Error::io(
                QStringLiteral("cannot open metrics database %1: %2").arg(path, db.lastError().text())));
    }
    // auto_vacuum must be chosen before the first table exists; it is a no-op on an existing file.
    for (const char *pragma : {"PRAGMA auto_vacuum=INCREMENTAL", "PRAGMA journal_mode=WAL",
                               "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (auto r = self->exec(QString::fromLatin1(pragma)); !r)
            return fail(r.error());
    }
    if (Status s = self->migrate(); !s)
        return fail(s.error());
    return self;
}

QSqlDatabase MetricsDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> MetricsDatabase::exec(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return fail(sqlError(q.lastError(), QStringLiteral("metrics query failed")));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return fail(sqlError(q.lastError(), QStringLiteral("metrics query failed")));
    return q;
}

Status MetricsDatabase::transaction(const std::function<Status()> &body) const
{
    // BEGIN IMMEDIATE takes the write lock up front so the busy timeout applies to it (a deferred
    // transaction that upgrades later fails at once with SQLITE_BUSY).
    if (auto r = exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return fail(r.error());
    Status s = body();
    if (!s) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return s;
    }
    if (auto r = exec(QStringLiteral("COMMIT")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return fail(r.error());
    }
    return {};
}

Result<int64_t> MetricsDatabase::dataVersion() const
{
    auto q = exec(QStringLiteral("PRAGMA data_version"));
    if (!q)
        return fail(q.error());
    return q->next() ? q->value(0).toLongLong() : 0;
}

Status MetricsDatabase::vacuum() const
{
    if (auto r = exec(QStringLiteral("PRAGMA incremental_vacuum")); !r)
        return fail(r.error());
    return {};
}

Status MetricsDatabase::migrate() const
{
    // Checked again inside the write transaction, so two processes creating the file at the same
    // time do not both create the tables.
    return transaction([this]() -> Status {
        auto q = exec(QStringLiteral("PRAGMA user_version"));
        if (!q)
            return fail(q.error());
        const int version = q->next() ? q->value(0).toInt() : 0;
        q->finish();
        if (version > schemaVersion)
            return fail(Error::corrupt(
                QStringLiteral("metrics database %1 has schema version %2, newer than this program (%3)")
                    .arg(m_path)
                    .arg(version)
                    .arg(schemaVersion)));
        if (version == schemaVersion)
            return {};
        // A file that has tables but no version is someone else's: refuse rather than add ours.
        auto tables = exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
        if (!tables)
            return fail(tables.error());
        if (tables->next() && tables->value(0).toInt() > 0)
            return fail(Error::corrupt(QStringLiteral("%1 is not a ModelDesk metrics database").arg(m_path)));
        tables->finish();
        for (const char *sql : kSchemaV1) {
            if (auto r = exec(QString::fromLatin1(sql)); !r)
                return fail(r.error());
        }
        if (auto r = exec(QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion)); !r)
            return fail(r.error());
        return {};
    });
}

} // namespace ModelDesk::Monitoring
