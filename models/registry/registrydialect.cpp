#include "registrydialect.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace ModelDesk::Registry::Dialect {

Backend backend(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Backend::Postgres : Backend::Sqlite;
}

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<Location> parseLocation(const QString &location)
{
    Location out;
    if (!isPostgresUrl(location)) {
        if (location.contains(QLatin1String("://")))
            return fail(Error::invalid(QStringLiteral("unsupported registry URL '%1': use a file path or "
                                                      "postgresql://user@host:port/database")
                                           .arg(location.section(QLatin1String("://"), 0, 0) + QStringLiteral("://..."))));
        out.backend = Backend::Sqlite;
        out.path = QFileInfo(location).absoluteFilePath();
        out.display = out.path;
        return out;
    }
    out.backend = Backend::Postgres;
    const QUrl url(location, QUrl::StrictMode);
    // Never echo a password back: name the URL without it.
    const QString shown = url.isValid() ? url.toString(QUrl::RemovePassword) : QStringLiteral("postgresql://...");
    if (!url.isValid())
        return fail(Error::invalid(QStringLiteral("invalid PostgreSQL registry URL: %1").arg(url.errorString())));
    out.host = url.host();
    out.port = url.port(-1);
    out.user = url.userName();
    out.password = url.password();
    out.database = url.path();
    if (out.database.startsWith(QLatin1Char('/')))
        out.database.remove(0, 1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            out.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            out.port = value.toInt(&ok);
            if (!ok)
                return fail(Error::invalid(QStringLiteral("invalid port '%1' in registry URL %2").arg(value, shown)));
        } else if (key == QLatin1String("user")) {
            out.user = value;
        } else if (key == QLatin1String("password")) {
            out.password = value;
        } else if (key == QLatin1String("dbname")) {
            out.database = value;
        } else {
            static const QRegularExpression keyword(QStringLiteral("^[a-z_]+$"));
            if (!keyword.match(key).hasMatch() || value.contains(QLatin1Char(';')))
                return fail(Error::invalid(QStringLiteral("invalid connection option '%1' in registry URL %2").arg(key, shown)));
            QString quoted = value;
            quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
            out.options << key + QStringLiteral("='") + quoted + QLatin1Char('\'');
        }
    }
    if (out.database.isEmpty())
        return fail(Error::invalid(QStringLiteral("registry URL %1 names no database: use postgresql://user@host:port/database")
                                       .arg(shown)));
    if (url.port(-1) == 0 || out.port == 0 || out.port > 65535)
        return fail(Error::invalid(QStringLiteral("invalid port in registry URL %1").arg(shown)));
    QUrl display = url;
    display.setPassword(QString());
    QUrlQuery safe(query);
    safe.removeAllQueryItems(QStringLiteral("password"));
    display.setQuery(safe);
    out.display = display.toString();
    return out;
}

void applyPostgres(QSqlDatabase &db, const Location &location)
{
    if (!location.host.isEmpty())
        db.setHostName(location.host);
    if (location.port > 0)
        db.setPort(location.port);
    if (!location.user.isEmpty())
        db.setUserName(location.user);
    if (!location.password.isEmpty())
        db.setPassword(location.password);
    db.setDatabaseName(location.database);
    // A server that accepts the connection but never answers (a stopped VM, a firewall that drops
    // packets) would otherwise hold a start for as long as TCP retries: give up after 10 s unless the
    // URL or PGCONNECT_TIMEOUT says otherwise.
    QStringList options = location.options;
    const bool timeoutGiven = std::any_of(options.cbegin(), options.cend(), [](const QString &o) {
        return o.startsWith(QLatin1String("connect_timeout="));
    });
    if (!timeoutGiven && qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"))
        options << QStringLiteral("connect_timeout=%1").arg(defaultConnectTimeoutSeconds);
    // QPSQL turns ';' into ' ' and appends the result to libpq's conninfo string.
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

QStringList postgresSessionSetup(int lockTimeoutMs)
{
    return {
        // A writer waits for the registry lock as long as an SQLite writer would wait for the file's
        // lock, then fails with a clear "locked by another connection" error instead of hanging.
        QStringLiteral("SET lock_timeout = %1").arg(lockTimeoutMs),
        // The registry's own notices (IF NOT EXISTS skips) are noise in the operator's log.
        QStringLiteral("SET client_min_messages = warning"),
    };
}

QString beginWriteStatement(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED")
                                        : QStringLiteral("BEGIN IMMEDIATE");
}

QString postgresWriteLock()
{
    // One key for "the registry" (advisory locks are per database, so two registries never collide).
    // 0x4d44524547 = "MDREG".
    return QStringLiteral("SELECT pg_advisory_xact_lock(332733629767)");
}

QString beginReadStatement(Backend backend)
{
    // REPEATABLE READ: the whole call reads one snapshot, as an SQLite read transaction does.
    return backend == Backend::Postgres ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                        : QStringLiteral("BEGIN");
}

QString translatedDdl(Backend backend, const QString &sqliteDdl)
{
    if (backend == Backend::Sqlite)
        return sqliteDdl;
    static const QRegularExpression identity(QStringLiteral("\\bINTEGER PRIMARY KEY( AUTOINCREMENT)?"));
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    static const QRegularExpression real(QStringLiteral("\\bREAL\\b"));
    static const QRegularExpression text(QStringLiteral("\\bTEXT\\b"));
    QString ddl = sqliteDdl;
    ddl.replace(identity, QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    ddl.replace(integer, QStringLiteral("BIGINT"));
    ddl.replace(real, QStringLiteral("DOUBLE PRECISION"));
    ddl.replace(text, QStringLiteral("TEXT COLLATE \"C\""));
    return ddl;
}

QString insertOrReplace(Backend backend, const QString &table, const QStringList &keyColumns, const QStringList &columns)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QString sql = (backend == Backend::Postgres ? QStringLiteral("INSERT INTO ") : QStringLiteral("INSERT OR REPLACE INTO ")) +
                  table + QStringLiteral(" (") + columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (") +
                  marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (backend == Backend::Postgres) {
        QStringList sets;
        for (const QString &c : columns) {
            if (!keyColumns.contains(c))
                sets << c + QStringLiteral(" = excluded.") + c;
        }
        sql += QStringLiteral(" ON CONFLICT (") + keyColumns.join(QStringLiteral(", ")) + QStringLiteral(") DO UPDATE SET ") +
               sets.join(QStringLiteral(", "));
    }
    return sql;
}

namespace {

// SQLite primary result codes (extended codes are off; mask in case a driver turns them on).
constexpr int sqliteBusy = 5, sqliteLocked = 6, sqliteCorrupt = 11, sqliteFull = 13, sqliteConstraint = 19,
              sqliteNotADb = 26;

int sqlitePrimaryCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

QString engineText(const QSqlError &e)
{
    QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    if (text.isEmpty())
        text = e.driverText();
    return text.trimmed();
}

Error sqliteError(const QSqlError &e, const QString &what)
{
    const QString text = engineText(e);
    switch (sqlitePrimaryCode(e)) {
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

// SQLSTATE classes: https://www.postgresql.org/docs/15/errcodes-appendix.html
Error postgresError(const QSqlError &e, const QString &what)
{
    const QString state = e.nativeErrorCode();
    const QString text = engineText(e);
    // 23xxx integrity constraints; P0001 is RAISE EXCEPTION, what the registry's triggers use where
    // SQLite's RAISE(ABORT) reports a constraint.
    if (state.startsWith(QLatin1String("23")) || state == QLatin1String("P0001"))
        return Error::conflict(QStringLiteral("%1: %2").arg(what, text));
    if (state == QLatin1String("XX001") || state == QLatin1String("XX002"))
        return Error::corrupt(QStringLiteral("registry database is damaged (%1): %2").arg(what, text));
    if (state == QLatin1String("53100"))
        return Error::io(QStringLiteral("%1: disk full on the PostgreSQL server: %2").arg(what, text));
    if (state == QLatin1String("55P03") || state == QLatin1String("40P01") || state == QLatin1String("40001"))
        return Error::io(QStringLiteral("%1: the registry is locked by another connection for too long: %2")
                             .arg(what, text));
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        return Error::io(QStringLiteral("%1: lost the connection to the PostgreSQL registry: %2").arg(what, text));
    if (state.startsWith(QLatin1String("28")))
        return Error::io(QStringLiteral("%1: PostgreSQL refused the login (set the password in PGPASSWORD or ~/.pgpass): %2")
                             .arg(what, text));
    return Error::io(QStringLiteral("%1: %2").arg(what, text));
}

} // namespace

Error error(Backend backend, const QSqlError &e, const QString &what)
{
    return backend == Backend::Postgres ? postgresError(e, what) : sqliteError(e, what);
}

bool isBusy(Backend backend, const QSqlError &e)
{
    if (backend == Backend::Postgres) {
        const QString state = e.nativeErrorCode();
        return state == QLatin1String("55P03") || state == QLatin1String("40P01") || state == QLatin1String("40001");
    }
    const int code = sqlitePrimaryCode(e);
    return code == sqliteBusy || code == sqliteLocked;
}

} // namespace ModelDesk::Registry::Dialect
