#include "registrydatabase.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>
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

namespace {
// SQLite primary result codes (extended codes are off; mask in case a driver turns them on).
constexpr int sqliteBusy = 5, sqliteLocked = 6, sqliteCorrupt = 11, sqliteFull = 13, sqliteConstraint = 19,
              sqliteNotADb = 26;

int primaryCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

bool isBusy(const QSqlError &e)
{
    const int code = primaryCode(e);
    return code == sqliteBusy || code == sqliteLocked;
}
} // namespace

Error error(const QSqlError &e, const QString &what)
{
    QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    if (text.isEmpty())
        text = e.driverText();
    switch (primaryCode(e)) {
    case sqliteNotADb:
    case sqliteCorrupt:
        return Error::corrupt(QStringLiteral("registry database is damaged or not a registry (%1): %2").arg(what, text));
    case sqliteConstraint:
        return Error::conflict(QStringLiteral("%1: %2").arg(what, text));
    case sqliteFull:
        return Error::io(QStringLiteral("%1: disk full: %2").arg(what, text));
    case sqliteBusy:
    case sqliteLocked:
        return Error::io(QStringLiteral("%1: the registry is locked by another connection for too long: %2")
                             .arg(what, text));
    default:
        return Error::io(QStringLiteral("%1: %2").arg(what, text));
    }
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return fail(error(q.lastError(), QStringLiteral("registry query failed")));
    for (const QVariant &b : binds) {
        // Qt binds a null QString as SQL NULL; our text columns are NOT NULL and "" means "none".
        if (b.typeId() == QMetaType::QString && b.toString().isNull())
            q.addBindValue(QString(QLatin1String("")));
        else
            q.addBindValue(b);
    }
    if (!q.exec())
        return fail(error(q.lastError(), QStringLiteral("registry query failed")));
    return q;
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
    QString path;
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
        return fail(Sql::error(q.lastError(), QStringLiteral("cannot open registry '%1'").arg(db.databaseName())));
    return {};
}

Status configure(const QSqlDatabase &db)
{
    // journal_mode first: it is the first statement that reads the file, so a foreign file fails here.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return fail(Sql::error(q.lastError(), QStringLiteral("cannot open registry '%1'").arg(db.databaseName())));
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
} // namespace

RegistryDatabase::RegistryDatabase(QString path) : m_shared(std::make_shared<Shared>())
{
    m_shared->path = std::move(path);
    m_shared->prefix = QStringLiteral("modeldesk-registry-%1-").arg(nextRegistrySerial.fetch_add(1));
}

RegistryDatabase::~RegistryDatabase()
{
    QMutexLocker lock(&m_shared->mutex);
    for (const QString &name : std::as_const(m_shared->names))
        QSqlDatabase::removeDatabase(name);
    m_shared->names.clear();
}

const QString &RegistryDatabase::path() const { return m_shared->path; }

Result<QSqlDatabase> RegistryDatabase::connection() const
{
    ThreadConnections &mine = threadConnections();
    const QString name = m_shared->prefix + QString::number(mine.serial);
    if (mine.has(name))
        return QSqlDatabase::database(name, false);

    Status opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid()) {
            opened = fail(Error::io(QStringLiteral("cannot open registry '%1': the Qt SQLite driver (QSQLITE) is not "
                                                   "available")
                                        .arg(m_shared->path)));
        } else {
            db.setDatabaseName(m_shared->path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
            if (!db.open())
                opened = fail(Sql::error(db.lastError(), QStringLiteral("cannot open registry '%1'").arg(m_shared->path)));
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
    qCDebug(lcRegistry) << "opened connection" << name << "to" << m_shared->path;
    return QSqlDatabase::database(name, false);
}

// ---- transactions -----------------------------------------------------------------------------------

Status RegistryDatabase::beginWrite(const QSqlDatabase &db)
{
    // The busy handler already waits busyTimeoutMs inside SQLite; SQLITE_BUSY can still come back at
    // once in a few WAL situations (recovery, a concurrent checkpoint), so retry with a little jitter.
    QDeadlineTimer deadline(3 * busyTimeoutMs);
    for (;;) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return {};
        const QSqlError e = q.lastError();
        if (!Sql::isBusy(e) || deadline.hasExpired())
            return fail(Sql::error(e, QStringLiteral("cannot start a registry transaction")));
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
    }
}

Status RegistryDatabase::beginRead(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN")))
        return fail(Sql::error(q.lastError(), QStringLiteral("cannot start a registry transaction")));
    return {};
}

Status RegistryDatabase::commit(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(Sql::error(q.lastError(), QStringLiteral("cannot commit a registry transaction")));
    return {};
}

void RegistryDatabase::rollback(const QSqlDatabase &db)
{
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
