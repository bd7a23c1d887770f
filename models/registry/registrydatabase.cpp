#include "registrydatabase.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QStorageInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>
#include <sqlite3.h>

#include <atomic>
#include <utility>
#include <vector>

namespace ModelDesk::Registry {

// ---- conversions ----------------------------------------------------------------------------------

namespace Sql {

QVariant timeValue(const QDateTime &t)
{
    if (!t.isValid())
        return QVariant();
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString nowText() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QString jsonText(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QString jsonText(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }

QJsonObject toObject(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }

QJsonArray toArray(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).array(); }

Error error(const QSqlError &e, const QString &what) { return Dialect::error(Dialect::Backend::Sqlite, e, what); }

Error error(const QSqlDatabase &db, const QSqlError &e, const QString &what)
{
    Error out = Dialect::error(Dialect::backend(db), e, what);
    // A full file system shows up as SQLITE_FULL, or as a bare "disk I/O error" when SQLite cannot
    // even create its -wal/-shm files: say which, and what to do.
    if (out.code == Error::Code::Io && Dialect::backend(db) == Dialect::Backend::Sqlite) {
        const QStorageInfo disk(QFileInfo(db.databaseName()).absolutePath());
        if (disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < (1 << 20))
            out.message += QStringLiteral(" (the file system holding the registry is full: %1 bytes free; free some "
                                          "space and retry - nothing stored was changed)")
                               .arg(disk.bytesAvailable());
    }
    return out;
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return fail(error(db, q.lastError(), QStringLiteral("registry query failed")));
    for (const QVariant &b : binds) {
        // Qt binds a null QString as SQL NULL; our text columns are NOT NULL and "" means "none".
        if (b.typeId() == QMetaType::QString && b.toString().isNull())
            q.addBindValue(QString(QLatin1String("")));
        else
            q.addBindValue(b);
    }
    if (!q.exec())
        return fail(error(db, q.lastError(), QStringLiteral("registry query failed")));
    return q;
}

Result<QSqlQuery> execDirect(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return fail(error(db, q.lastError(), QStringLiteral("registry statement failed")));
    return q;
}

Result<qint64> insert(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    if (Dialect::backend(db) == Dialect::Backend::Postgres) {
        Result<QVariant> id = scalar(db, sql + QStringLiteral(" RETURNING id"), binds);
        if (!id)
            return fail(id.error());
        return id->toLongLong();
    }
    Result<QSqlQuery> q = exec(db, sql, binds);
    if (!q)
        return fail(q.error());
    return q->lastInsertId().toLongLong();
}

Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    Result<QSqlQuery> q = exec(db, sql, binds);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QVariant();
    return q->value(0);
}

} // namespace Sql

// ---- per-thread connections -------------------------------------------------------------------------

struct RegistryDatabase::Shared
{
    Dialect::Location location;
    QString prefix; // "modeldesk-registry-<serial>-"
    QMutex mutex;
    QSet<QString> names; // connections that still exist

    // Removes one connection if neither the thread nor the registry has removed it yet.
    void release(const QString &name)
    {
        QMutexLocker lock(&mutex);
        if (names.remove(name))
            QSqlDatabase::removeDatabase(name);
    }
};

namespace {
std::atomic<quint64> nextRegistrySerial{1};
std::atomic<quint64> nextThreadSerial{1};

// What one thread opened. QThreadStorage deletes it when the thread ends: for a QThread inside
// QThread's own finish, before wait() returns and while Qt's thread data is intact; for a thread Qt
// did not start (std::thread), when that thread exits. A C++ thread_local would run later, after
// wait() has returned, so a caller could not rely on the connection being gone.
struct ThreadConnections
{
    const quint64 serial = nextThreadSerial.fetch_add(1);
    std::vector<std::pair<std::weak_ptr<RegistryDatabase::Shared>, QString>> owned;

    ~ThreadConnections()
    {
        for (auto &[weak, name] : owned) {
            if (std::shared_ptr<RegistryDatabase::Shared> shared = weak.lock())
                shared->release(name);
        }
    }

    bool has(const QString &name)
    {
        // Forget registries that are gone, so a long-lived thread does not collect stale entries.
        std::erase_if(owned, [](const auto &entry) { return entry.first.expired(); });
        for (const auto &entry : owned) {
            if (entry.second == name)
                return true;
        }
        return false;
    }
};

ThreadConnections &threadConnections()
{
    static QThreadStorage<ThreadConnections *> storage;
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadConnections);
    return *storage.localData();
}

Status execPragma(const QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery q(db);
    if (!q.exec(pragma))
        return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot open registry '%1'").arg(db.databaseName())));
    return {};
}

Status configure(const QSqlDatabase &db)
{
    // journal_mode first: it is the first statement that reads the file, so a foreign file fails here.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot open registry '%1'").arg(db.databaseName())));
    const QString mode = q.next() ? q.value(0).toString() : QString();
    q.finish();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(Error::io(QStringLiteral("cannot open registry '%1': SQLite refused WAL mode (journal mode is '%2')")
                                  .arg(db.databaseName(), mode)));
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (Status s = execPragma(db, QString::fromLatin1(pragma)); !s)
            return s;
    }
    return execPragma(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(RegistryDatabase::busyTimeoutMs));
}

Status configurePostgres(const QSqlDatabase &db, const QString &display);

// libpq reports no SQLSTATE for a dead socket ("server closed the connection unexpectedly"); 08xxx
// and 57P0x are connection failures and administrator/crash shutdowns.
bool connectionLost(const QSqlDatabase &db, const QSqlError &e)
{
    if (Dialect::backend(db) != Dialect::Backend::Postgres)
        return false;
    const QString state = e.nativeErrorCode();
    return state.isEmpty() || state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"));
}

// Reopens the named connection in place (same thread, same settings); true when it is usable again.
bool reconnect(const QSqlDatabase &db)
{
    QSqlDatabase handle = db;
    handle.close();
    if (!handle.open()) {
        qCWarning(lcRegistry).noquote() << "registry connection lost and not reopened:" << handle.lastError().text();
        return false;
    }
    if (Status s = configurePostgres(handle, handle.databaseName()); !s)
        return false;
    qCInfo(lcRegistry) << "registry connection to" << handle.hostName() << handle.databaseName() << "reopened";
    return true;
}

Status configurePostgres(const QSqlDatabase &db, const QString &display)
{
    // A writer waits for the registry lock as long as SQLite's whole beginWrite retry would.
    for (const QString &statement : Dialect::postgresSessionSetup(3 * RegistryDatabase::busyTimeoutMs)) {
        QSqlQuery q(db);
        if (!q.exec(statement))
            return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot set up the connection to registry %1").arg(display)));
    }
    return {};
}
} // namespace

RegistryDatabase::RegistryDatabase(Dialect::Location location) : m_shared(std::make_shared<Shared>())
{
    m_shared->location = std::move(location);
    m_shared->prefix = QStringLiteral("modeldesk-registry-%1-").arg(nextRegistrySerial.fetch_add(1));
}

RegistryDatabase::~RegistryDatabase()
{
    QMutexLocker lock(&m_shared->mutex);
    for (const QString &name : std::as_const(m_shared->names))
        QSqlDatabase::removeDatabase(name);
    m_shared->names.clear();
}

const QString &RegistryDatabase::path() const { return m_shared->location.display; }

Dialect::Backend RegistryDatabase::backend() const { return m_shared->location.backend; }

Result<QSqlDatabase> RegistryDatabase::connection() const
{
    ThreadConnections &mine = threadConnections();
    const QString name = m_shared->prefix + QString::number(mine.serial);
    if (mine.has(name))
        return QSqlDatabase::database(name, false);

    const Dialect::Location &where = m_shared->location;
    Status opened;
    if (where.backend == Dialect::Backend::Postgres) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!db.isValid()) {
            opened = fail(Error::io(QStringLiteral("cannot open registry %1: the Qt PostgreSQL driver (QPSQL) is not "
                                                   "installed (Debian package libqt6sql6-psql)")
                                        .arg(where.display)));
        } else {
            Dialect::applyPostgres(db, where);
            if (!db.open())
                opened = fail(Sql::error(db, db.lastError(), QStringLiteral("cannot connect to registry %1").arg(where.display)));
            else
                opened = configurePostgres(db, where.display);
        }
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            opened = fail(Error::io(QStringLiteral("cannot open registry '%1': the Qt SQLite driver (QSQLITE) is not "
                                                   "available")
                                        .arg(where.path)));
        } else {
            db.setDatabaseName(where.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
            if (!db.open())
                opened = fail(Sql::error(db.lastError(), QStringLiteral("cannot open registry '%1'").arg(where.path)));
            else
                opened = configure(db);
        }
    }
    if (!opened) {
        QSqlDatabase::removeDatabase(name);
        return fail(opened.error());
    }
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->names.insert(name);
    }
    mine.owned.emplace_back(m_shared, name);
    qCDebug(lcRegistry) << "opened connection" << name << "to" << where.display;
    return QSqlDatabase::database(name, false);
}

// ---- transactions -----------------------------------------------------------------------------------

namespace {
Status beginPostgres(const QSqlDatabase &db, const QString &begin)
{
    QSqlError e;
    {
        QSqlQuery q(db);
        if (q.exec(begin))
            return {};
        e = q.lastError();
    }
    if (connectionLost(db, e) && reconnect(db)) {
        QSqlQuery q(db);
        if (q.exec(begin))
            return {};
        e = q.lastError();
    }
    return fail(Sql::error(db, e, QStringLiteral("cannot start a registry transaction")));
}
} // namespace

Result<QVariant> RegistryDatabase::scalarNow(const QString &sql) const
{
    Result<QSqlDatabase> db = connection();
    if (!db)
        return fail(db.error());
    QSqlError e;
    {
        QSqlQuery q(*db);
        if (q.exec(sql))
            return q.next() ? q.value(0) : QVariant();
        e = q.lastError();
    }
    if (connectionLost(*db, e) && reconnect(*db)) {
        QSqlQuery q(*db);
        if (q.exec(sql))
            return q.next() ? q.value(0) : QVariant();
        e = q.lastError();
    }
    return fail(Sql::error(*db, e, QStringLiteral("registry query failed")));
}

Status RegistryDatabase::beginWrite(const QSqlDatabase &db)
{
    if (Dialect::backend(db) == Dialect::Backend::Postgres) {
        // The advisory lock waits on the server (bounded by lock_timeout); nothing to retry here.
        if (Status s = beginPostgres(db, Dialect::beginWriteStatement(Dialect::Backend::Postgres)); !s)
            return s;
        QSqlQuery q(db);
        if (!q.exec(Dialect::postgresWriteLock())) {
            const QSqlError e = q.lastError();
            rollback(db);
            return fail(Sql::error(db, e, QStringLiteral("cannot take the registry write lock")));
        }
        return {};
    }
    // The busy handler already waits busyTimeoutMs inside SQLite; SQLITE_BUSY can still come back at
    // once in a few WAL situations (recovery, a concurrent checkpoint), so retry with a little jitter.
    QDeadlineTimer deadline(3 * busyTimeoutMs);
    for (;;) {
        QSqlQuery q(db);
        if (q.exec(Dialect::beginWriteStatement(Dialect::Backend::Sqlite)))
            return {};
        const QSqlError e = q.lastError();
        if (!Dialect::isBusy(Dialect::Backend::Sqlite, e) || deadline.hasExpired())
            return fail(Sql::error(e, QStringLiteral("cannot start a registry transaction")));
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
    }
}

Status RegistryDatabase::beginRead(const QSqlDatabase &db)
{
    if (Dialect::backend(db) == Dialect::Backend::Postgres)
        return beginPostgres(db, Dialect::beginReadStatement(Dialect::Backend::Postgres));
    QSqlQuery q(db);
    if (!q.exec(Dialect::beginReadStatement(Dialect::backend(db))))
        return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot start a registry transaction")));
    return {};
}

Status RegistryDatabase::commit(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(Sql::error(db, q.lastError(), QStringLiteral("cannot commit a registry transaction")));
    return {};
}

namespace {

// False when the connection is SQLite and no transaction is open: after a failed COMMIT (a full
// disk, say) SQLite may already have rolled back on its own. True otherwise (PostgreSQL answers a
// ROLLBACK outside a transaction with a notice, not an error).
bool transactionOpen(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return true;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    return connection == nullptr || sqlite3_get_autocommit(connection) == 0;
}

} // namespace

void RegistryDatabase::rollback(const QSqlDatabase &db)
{
    if (!transactionOpen(db))
        return;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcRegistry) << "rollback failed:" << q.lastError().text();
}

Status RegistryDatabase::bumpChangeCounter(const QSqlDatabase &db)
{
    Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("UPDATE meta SET change_counter = change_counter + 1 WHERE id = 1"));
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace ModelDesk::Registry
