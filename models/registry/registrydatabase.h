#pragma once
// Private to the registry: one database connection per thread (SQLite file or PostgreSQL server, see
// registrydialect.h), write/read transactions and the few conversions every query needs. Not part of
// the public contract (see modelregistry.h).
//
// Connections: a thread gets its own named QSqlDatabase ("modeldesk-registry-<registry>-<thread>")
// the first time it calls into a registry, because a QSqlDatabase may only be used by the thread that
// made it. Each connection is removed exactly once, by whichever comes first:
//  - the thread exits: a QThreadStorage record of the connections that thread made removes them
//    (for a QThread before wait() returns; for a std::thread when it exits);
//  - the RegistryDatabase is destroyed: it removes the connections of threads that are still alive.
//    The contract says no call may be running then, so no QSqlQuery or QSqlDatabase copy is alive and
//    closing the sqlite handle from the destroying thread is safe.
// A mutex in the shared state makes the two paths exclusive, so no name is removed twice.

#include "core/result.h"
#include "registrydialect.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>
#include <type_traits>

namespace ModelDesk::Registry {

// Stored forms: times are UTC ISO-8601 with milliseconds ("2026-11-28T13:15:00.123Z"), which sort
// as text; JSON is compact text. Invalid times are stored as NULL.
namespace Sql {
QVariant timeValue(const QDateTime &t);
QDateTime toTime(const QVariant &v);
QString nowText();
QString jsonText(const QJsonObject &o);
QString jsonText(const QJsonArray &a);
QJsonObject toObject(const QVariant &v);
QJsonArray toArray(const QVariant &v);

// The Error for a failed statement: Corrupt for a damaged or foreign file, Conflict for a violated
// constraint, Io otherwise; the message carries the engine's own text (Dialect::error). The form
// without a connection reads SQLite codes.
Error error(const QSqlError &e, const QString &what);
Error error(const QSqlDatabase &db, const QSqlError &e, const QString &what);
// Prepares and runs one statement with positional (?) bindings; forward-only.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});
// Runs one statement without preparing it: DDL and session settings (PostgreSQL cannot PREPARE them).
Result<QSqlQuery> execDirect(const QSqlDatabase &db, const QString &sql);
// Runs an INSERT into a table with an `id` key and returns the new row's id (SQLite: last_insert_rowid;
// PostgreSQL: RETURNING id, since QPSQL's lastInsertId() is the long-gone row OID).
Result<qint64> insert(const QSqlDatabase &db, const QString &sql, const QVariantList &binds);
// First column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});
} // namespace Sql

class RegistryDatabase final
{
public:
    static constexpr int busyTimeoutMs = 10000;

    explicit RegistryDatabase(Dialect::Location location);
    ~RegistryDatabase();
    RegistryDatabase(const RegistryDatabase &) = delete;
    RegistryDatabase &operator=(const RegistryDatabase &) = delete;

    // The file path, or the PostgreSQL URL without its password.
    const QString &path() const;
    Dialect::Backend backend() const;

    // This thread's connection, opened on first use. SQLite: WAL, synchronous=FULL, foreign keys, busy
    // timeout. PostgreSQL: lock_timeout (Dialect::postgresSessionSetup).
    Result<QSqlDatabase> connection() const;

    // BEGIN IMMEDIATE takes the write lock up front, so two writers never both read "next version 5"
    // and the busy handler can wait for the lock (a deferred transaction upgraded later fails with
    // SQLITE_BUSY at once). It is retried on SQLITE_BUSY until a deadline. PostgreSQL: BEGIN (READ
    // COMMITTED) + a transaction-scoped advisory lock, the same one lock for every writer of the
    // database, so writers are serialized exactly as on SQLite and each statement after the lock sees
    // every earlier commit.
    // PostgreSQL: a connection the server dropped (restart, failover, idle kill) is reopened once when
    // BEGIN or an autocommit read finds it dead; the call then goes on. SQLite has no such state.
    static Status beginWrite(const QSqlDatabase &db);
    static Status beginRead(const QSqlDatabase &db);
    static Status commit(const QSqlDatabase &db);
    static void rollback(const QSqlDatabase &db);

    // Runs body(QSqlDatabase&) -> Result<T>/Status in one write transaction; on success bumps the change
    // counter (meta table) and commits, otherwise rolls back and returns the body's error.
    template <typename F>
    auto write(F &&body) const -> std::invoke_result_t<F, QSqlDatabase &>
    {
        Result<QSqlDatabase> db = connection();
        if (!db)
            return fail(db.error());
        if (Status s = beginWrite(*db); !s)
            return fail(s.error());
        RollbackGuard guard{*db};
        auto r = std::forward<F>(body)(*db);
        if (!r)
            return r;
        if (Status s = bumpChangeCounter(*db); !s)
            return fail(s.error());
        if (Status s = commit(*db); !s)
            return fail(s.error());
        guard.active = false;
        return r;
    }

    // Runs body in one read transaction, so a result built from several queries is one snapshot.
    template <typename F>
    auto read(F &&body) const -> std::invoke_result_t<F, QSqlDatabase &>
    {
        Result<QSqlDatabase> db = connection();
        if (!db)
            return fail(db.error());
        if (Status s = beginRead(*db); !s)
            return fail(s.error());
        RollbackGuard guard{*db};
        auto r = std::forward<F>(body)(*db);
        if (!r)
            return r;
        if (Status s = commit(*db); !s)
            return fail(s.error());
        guard.active = false;
        return r;
    }

    // One statement outside any transaction (always the latest commit of any process), with the same
    // reconnect-once rule as beginWrite; for the change counter that views poll.
    Result<QVariant> scalarNow(const QString &sql) const;

    struct Shared;

private:
    struct RollbackGuard
    {
        QSqlDatabase &db;
        bool active = true;
        ~RollbackGuard()
        {
            if (active)
                rollback(db);
        }
    };
    static Status bumpChangeCounter(const QSqlDatabase &db);

    std::shared_ptr<Shared> m_shared;
};

} // namespace ModelDesk::Registry
