#pragma once
// Private to the registry: the few things that differ between the two database engines the registry
// runs on — SQLite (the embedded default, one file in the workspace) and PostgreSQL (a team registry
// reached through QtSql's QPSQL driver). Everything else (the queries, the transaction rules, the
// audit and versioning semantics) is shared; this file is the whole dialect layer:
//  - where the database is: a file path or a postgresql:// URL (Location);
//  - DDL types and triggers (translatedDdl; the migrations give trigger bodies per engine);
//  - upserts and "the id of the row just inserted";
//  - error codes (SQLite result codes vs. PostgreSQL SQLSTATEs).

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace ModelDesk::Registry::Dialect {

enum class Backend { Sqlite, Postgres };

// The engine of an open connection (by its Qt driver name).
Backend backend(const QSqlDatabase &db);

// True for "postgresql://..." and "postgres://..." (the libpq URI schemes).
bool isPostgresUrl(const QString &location);

// A parsed registry location. For PostgreSQL: postgresql://[user[:password]@][host][:port]/dbname[?k=v&...]
// where host may be empty (libpq's default unix socket) and the query may carry host=/socket/dir and
// any other libpq keyword (sslmode, connect_timeout, application_name, passfile, ...). A password is
// better left out: libpq reads PGPASSWORD and ~/.pgpass itself.
struct Location
{
    Backend backend = Backend::Sqlite;
    QString path;        // SQLite: absolute file path
    QString host;        // PostgreSQL: name, address or socket directory; empty: libpq default
    int port = -1;       // -1: libpq default (PGPORT or 5432)
    QString user;        // empty: libpq default (PGUSER or the OS user)
    QString password;    // only when the URL carries one
    QString database;
    QStringList options; // libpq keywords as "key=value", for QSqlDatabase::setConnectOptions
    QString display;     // what path() shows and messages name: the URL without a password
};

// InvalidArgument for a malformed URL (no database name, bad port, unknown scheme).
Result<Location> parseLocation(const QString &location);

// How long a connection attempt waits for the server when neither the URL (connect_timeout=) nor
// PGCONNECT_TIMEOUT says.
inline constexpr int defaultConnectTimeoutSeconds = 10;

// Applies a PostgreSQL location to a QPSQL QSqlDatabase before open().
void applyPostgres(QSqlDatabase &db, const Location &location);

// Statements run right after a connection opens (SQLite pragmas are handled by the caller, which
// also checks WAL mode; these are the PostgreSQL session settings).
QStringList postgresSessionSetup(int lockTimeoutMs);

// The statement that starts a write transaction and takes the registry-wide write lock. SQLite:
// BEGIN IMMEDIATE. PostgreSQL: BEGIN at READ COMMITTED followed by pg_advisory_xact_lock (see
// postgresWriteLock), so every statement after it sees every earlier commit, as under SQLite's lock.
QString beginWriteStatement(Backend backend);
// PostgreSQL only: the transaction-scoped advisory lock every writer takes first (per database).
QString postgresWriteLock();
// A read transaction: one snapshot for the several queries of one call.
QString beginReadStatement(Backend backend);

// DDL written in SQLite's types, translated for PostgreSQL: INTEGER PRIMARY KEY [AUTOINCREMENT] ->
// BIGINT identity, INTEGER -> BIGINT (sizes and pids exceed 32 bits), REAL -> DOUBLE PRECISION, TEXT ->
// TEXT COLLATE "C" (byte order, as SQLite's BINARY: the audit's prefix ranges and ORDER BY name rely
// on it; a linguistic collation would ignore ':' and '@'). SQLite: unchanged.
QString translatedDdl(Backend backend, const QString &sqliteDdl);

// "INSERT OR REPLACE" for tables whose rows nothing references (no cascades to lose): SQLite keeps its
// statement; PostgreSQL gets INSERT ... ON CONFLICT (key) DO UPDATE SET every other column.
QString insertOrReplace(Backend backend, const QString &table, const QStringList &keyColumns, const QStringList &columns);

// The error for a failed statement: Corrupt for a damaged or foreign database, Conflict for a
// violated constraint or a trigger's refusal, Io otherwise (locks held too long, disk full, a lost
// server connection); the message carries the engine's own text.
Error error(Backend backend, const QSqlError &e, const QString &what);
// A lock wait that ran out (SQLite BUSY/LOCKED; PostgreSQL lock_not_available, deadlock, serialization).
bool isBusy(Backend backend, const QSqlError &e);

} // namespace ModelDesk::Registry::Dialect
