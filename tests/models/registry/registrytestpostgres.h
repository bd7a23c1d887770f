#pragma once
// A fresh PostgreSQL database per test, on the server named by $MODELDESK_TEST_PG_URL
// (postgresql://role@host:port/maintenance-db; the role needs CREATEDB). packaging/run-tests.sh starts a
// throw-away server and sets the variable; without it the PostgreSQL tests skip.

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace RegistryTest {

class PostgresServer
{
public:
    static QString adminUrl() { return qEnvironmentVariable("MODELDESK_TEST_PG_URL"); }
    static bool available() { return !adminUrl().isEmpty(); }
    static const char *skipReason()
    {
        return "MODELDESK_TEST_PG_URL is not set: no PostgreSQL server to test against (packaging/run-tests.sh "
               "starts one; or export MODELDESK_TEST_PG_URL=postgresql://role@127.0.0.1:PORT/postgres)";
    }

    // The URL of the admin database with another database name.
    static QString urlOf(const QString &database)
    {
        QUrl url(adminUrl());
        url.setPath(QLatin1Char('/') + database);
        return url.toString();
    }

    // Opens `db` and runs the statements in order; "" on success, else the first error's text.
    static QString execOn(QSqlDatabase &db, const QStringList &statements)
    {
        if (!db.open())
            return db.lastError().text();
        QString error;
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                error = q.lastError().text();
                break;
            }
        }
        db.close();
        return error;
    }

    // Runs statements outside the registry, the way another program would; "" on success, else the
    // first error's text. On the admin database when `database` is empty.
    static QString exec(const QString &database, const QStringList &statements)
    {
        static int serial = 0;
        const QString name = QStringLiteral("pg-raw-%1").arg(++serial);
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            const QUrl url(database.isEmpty() ? adminUrl() : urlOf(database));
            db.setHostName(url.host());
            if (url.port() > 0)
                db.setPort(url.port());
            db.setUserName(url.userName());
            if (!url.password().isEmpty())
                db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            error = execOn(db, statements);
        }
        QSqlDatabase::removeDatabase(name);
        return error;
    }

    // CREATE DATABASE with a unique name; returns its name ("" and a warning on failure).
    static QString createDatabase()
    {
        const QString name = QStringLiteral("modeldesk_test_%1_%2")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        // template0 + C collation: independent of the server's default locale.
        const QString error = exec({}, {QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(name)});
        if (!error.isEmpty()) {
            qWarning("CREATE DATABASE failed: %s", qPrintable(error));
            return {};
        }
        return name;
    }

    static void dropDatabase(const QString &name)
    {
        if (name.isEmpty())
            return;
        const QString error = exec({}, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)});
        if (!error.isEmpty())
            qWarning("DROP DATABASE %s failed: %s", qPrintable(name), qPrintable(error));
    }
};

// Where the shared registry suites (tst_modelregistry, tst_registryrecords) open their registries:
// SQLite files in a temporary folder by default, or, with MODELDESK_TEST_REGISTRY_BACKEND=postgresql
// (the *_pg ctest entries), a fresh database per test on the MODELDESK_TEST_PG_URL server. One suite,
// two backends: issue #7 wants both to pass the same cases.
class RegistryLocations
{
public:
    static bool postgres()
    {
        return qEnvironmentVariable("MODELDESK_TEST_REGISTRY_BACKEND").compare(QLatin1String("postgresql"), Qt::CaseInsensitive) == 0;
    }

    // Why the selected backend cannot run here, or nullptr when it can (for QSKIP in initTestCase).
    static const char *unavailableReason()
    {
        return postgres() && !PostgresServer::available() ? PostgresServer::skipReason() : nullptr;
    }

    ~RegistryLocations() { dropAll(); }

    // A new, empty registry location: an SQLite file path or a PostgreSQL URL ("" when the database
    // could not be created; the warning says why).
    QString fresh()
    {
        if (!postgres())
            return m_dir.filePath(QStringLiteral("registry-%1.sqlite").arg(++m_files));
        const QString database = PostgresServer::createDatabase();
        if (database.isEmpty())
            return {};
        m_databases << database;
        return PostgresServer::urlOf(database);
    }

    // Drops the databases made so far (call after the registry is closed; nothing to do on SQLite,
    // the temporary folder goes with the object).
    void dropAll()
    {
        for (const QString &database : std::as_const(m_databases))
            PostgresServer::dropDatabase(database);
        m_databases.clear();
    }

    // Runs SQL on its own connection, outside the registry, the way another program would: on the
    // SQLite file or the PostgreSQL database that `location` (a registry's path()) names. Returns the
    // first error's text, empty on success.
    static QString rawExec(const QString &location, const QStringList &statements)
    {
        if (location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://")))
            return PostgresServer::exec(QUrl(location).path().mid(1), statements);
        static int serial = 0;
        const QString name = QStringLiteral("sqlite-raw-%1").arg(++serial);
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(location);
            error = PostgresServer::execOn(db, statements);
        }
        QSqlDatabase::removeDatabase(name);
        return error;
    }

private:
    QTemporaryDir m_dir;
    QStringList m_databases;
    int m_files = 0;
};

} // namespace RegistryTest

// Skips a case that only makes sense on SQLite when the suite runs on PostgreSQL.
#define REG_SQLITE_ONLY(why)                                                                                     \
    do {                                                                                                         \
        if (RegistryTest::RegistryLocations::postgres())                                                         \
            QSKIP("SQLite only: " why);                                                                          \
    } while (false)
