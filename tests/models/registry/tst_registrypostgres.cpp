// ModelRegistry on PostgreSQL (a team registry): the registry suite's key cases against a real server,
// each test in a fresh database — migrations from empty, CRUD, the records, audit append-only,
// versions immutable, numbers never reused by two other processes and this one, threads, the change
// counter. The server comes from $MODELDESK_TEST_PG_URL (packaging/run-tests.sh starts one); without
// it those tests skip. Choosing the registry (URL, environment, config.json) needs no server.

#include "core/platforminfo.h"
#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "registry/modelregistry.h"
#include "registrytestpostgres.h"
#include "registrytestutil.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>

using namespace ModelDesk;
using namespace ModelDesk::Registry;
using namespace RegistryTest;

namespace {

std::unique_ptr<QProcess> startWriter(const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProgram(QStringLiteral(REGISTRY_WRITER));
    p->setArguments(args);
    p->start();
    return p;
}

QList<int> addedNumbers(QProcess &p)
{
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    QList<int> numbers;
    if (!out.startsWith(QLatin1String("added ")))
        return numbers;
    for (const QString &n : out.mid(6).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        numbers << n.toInt();
    return numbers;
}

} // namespace

class tst_RegistryPostgres : public QObject
{
    Q_OBJECT

    QString m_database; // this test's fresh database
    QString m_url;
    std::unique_ptr<ModelRegistry> m_reg;

    ModelRegistry &reg() { return *m_reg; }

    QList<AuditEntry> auditOf(const AuditQuery &q)
    {
        auto entries = reg().audit(q);
        if (!entries) {
            qWarning("audit failed: %s", qPrintable(entries.error().message));
            return {};
        }
        return *entries;
    }

    bool needsServer() const
    {
        const QByteArray name = QTest::currentTestFunction();
        return !name.startsWith("location") && !name.startsWith("url");
    }

private Q_SLOTS:
    void init()
    {
        if (!needsServer())
            return;
        if (!PostgresServer::available())
            QSKIP(PostgresServer::skipReason());
        m_database = PostgresServer::createDatabase();
        QVERIFY2(!m_database.isEmpty(), "cannot create a test database (see the warning above)");
        m_url = PostgresServer::urlOf(m_database);
        auto r = ModelRegistry::open(m_url);
        REG_VERIFY(r);
        m_reg = std::move(*r);
    }

    void cleanup()
    {
        m_reg.reset();
        PostgresServer::dropDatabase(m_database);
        m_database.clear();
    }

    // ---- choosing the registry (no server needed) ----

    void locationOrder()
    {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.path());
        REG_VERIFY(ws);
        qunsetenv("MODELDESK_REGISTRY_URL");
        auto defaultLocation = ModelCatalog::registryLocation(*ws);
        REG_VERIFY(defaultLocation);
        QCOMPARE(*defaultLocation, ws->registryPath());

        QJsonObject config{{QStringLiteral("registry"),
                            QJsonObject{{QStringLiteral("url"), QStringLiteral("postgresql://team@db.example:5433/registry")}}}};
        REG_VERIFY(ws->writeConfig(config));
        QCOMPARE(*ModelCatalog::registryLocation(*ws), QStringLiteral("postgresql://team@db.example:5433/registry"));

        qputenv("MODELDESK_REGISTRY_URL", "postgresql://env@127.0.0.1/fromenv");
        auto restore = qScopeGuard([] { qunsetenv("MODELDESK_REGISTRY_URL"); });
        QCOMPARE(*ModelCatalog::registryLocation(*ws), QStringLiteral("postgresql://env@127.0.0.1/fromenv"));
        QCOMPARE(*ModelCatalog::registryLocation(*ws, QStringLiteral("postgresql://flag@h/fromflag")),
                 QStringLiteral("postgresql://flag@h/fromflag"));
    }

    void locationRefusesPasswordInConfig()
    {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.path());
        REG_VERIFY(ws);
        qunsetenv("MODELDESK_REGISTRY_URL");
        REG_VERIFY(ws->writeConfig({{QStringLiteral("registry"),
                                     QJsonObject{{QStringLiteral("url"), QStringLiteral("postgresql://team:s3cret@db/registry")}}}}));
        auto r = ModelCatalog::registryLocation(*ws);
        REG_FAILS(r, Error::Code::InvalidArgument);
        QVERIFY2(r.error().message.contains(QLatin1String("PGPASSWORD")), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QLatin1String("s3cret")));
        // And the catalog does not open on it either.
        REG_FAILS(ModelCatalog::open(*ws), Error::Code::InvalidArgument);
    }

    void urlErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no database") << QStringLiteral("postgresql://me@localhost:5432") << int(Error::Code::InvalidArgument)
                                     << QStringLiteral("names no database");
        QTest::newRow("other scheme") << QStringLiteral("mysql://me@localhost/x") << int(Error::Code::InvalidArgument)
                                      << QStringLiteral("unsupported registry URL");
        QTest::newRow("bad option") << QStringLiteral("postgresql://me@localhost/x?Bad-Key=1") << int(Error::Code::InvalidArgument)
                                    << QStringLiteral("invalid connection option");
        // Nothing listens on port 1: a clear I/O error naming the registry, without the password.
        QTest::newRow("no server") << QStringLiteral("postgresql://me:hidden@127.0.0.1:1/x?connect_timeout=5")
                                   << int(Error::Code::Io) << QStringLiteral("cannot connect to registry postgresql://me@127.0.0.1:1/x");
    }

    void urlErrors()
    {
        QFETCH(QString, url);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto r = ModelRegistry::open(url);
        REG_FAILS(r, Error::Code(code));
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(QLatin1String("hidden")), qPrintable(r.error().message));
    }

    // A server that accepts the connection and never answers (a stopped host behind a firewall that
    // drops packets): without connect_timeout in the URL or PGCONNECT_TIMEOUT, the open gives up after
    // the default instead of waiting for ever.
    void urlSilentServerGivesUp()
    {
        QTcpServer silent; // the kernel completes the handshake; nobody ever reads or answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const QByteArray savedTimeout = qgetenv("PGCONNECT_TIMEOUT");
        qunsetenv("PGCONNECT_TIMEOUT");
        auto restore = qScopeGuard([savedTimeout] {
            if (!savedTimeout.isEmpty())
                qputenv("PGCONNECT_TIMEOUT", savedTimeout);
        });
        auto r = ModelRegistry::open(QStringLiteral("postgresql://me@127.0.0.1:%1/registry").arg(silent.serverPort()));
        REG_FAILS(r, Error::Code::Io);
        QVERIFY2(r.error().message.contains(QLatin1String("cannot connect to registry")), qPrintable(r.error().message));
    }

    // ---- migrations ----

    void migrationsFromEmpty()
    {
        QCOMPARE(reg().schemaVersion(), ModelRegistry::latestSchemaVersion());
        QVERIFY(!reg().path().contains(QLatin1Char(':') + QLatin1Char('@'))); // no password shown
        auto problems = reg().checkIntegrity();
        REG_VERIFY(problems);
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
        QCOMPARE(PostgresServer::exec(m_database, {QStringLiteral("SELECT version FROM schema_version")}), QString());

        // Reopening runs nothing and keeps the data; a second process opening at once is fine too.
        REG_VERIFY(reg().addVersion(QStringLiteral("mnist"), newVersion(QStringLiteral("a")), QStringLiteral("alice")));
        REG_VERIFY(reg().setAlias(QStringLiteral("mnist"), QStringLiteral("production"), 1, QStringLiteral("alice")));
        m_reg.reset();
        auto again = ModelRegistry::open(m_url);
        REG_VERIFY(again);
        QCOMPARE((*again)->schemaVersion(), ModelRegistry::latestSchemaVersion());
        auto v = (*again)->resolve(QStringLiteral("mnist"), QStringLiteral("production"));
        REG_VERIFY(v);
        QCOMPARE(v->digest, digestOf(QStringLiteral("a")));
    }

    void concurrentFirstOpen()
    {
        // Several processes opening one empty database at once: one migrates, the others wait for the
        // lock and find it done (no "relation already exists").
        const QString other = PostgresServer::createDatabase();
        auto drop = qScopeGuard([&] { PostgresServer::dropDatabase(other); });
        const QString url = PostgresServer::urlOf(other);
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int i = 0; i < 3; ++i)
            writers.push_back(startWriter({QStringLiteral("add"), url, QStringLiteral("m%1").arg(i), QStringLiteral("1"),
                                           QStringLiteral("w")}));
        for (auto &w : writers) {
            QVERIFY(w->waitForFinished(60000));
            QVERIFY2(w->exitCode() == 0, w->readAllStandardError().constData());
        }
        auto r = ModelRegistry::open(url);
        REG_VERIFY(r);
        QCOMPARE((*r)->models()->size(), 3);
    }

    void newerSchemaRefused()
    {
        m_reg.reset();
        QCOMPARE(PostgresServer::exec(m_database, {QStringLiteral("UPDATE schema_version SET version = 999")}), QString());
        auto r = ModelRegistry::open(m_url);
        REG_FAILS(r, Error::Code::Corrupt);
        QCOMPARE(r.error().message, QStringLiteral("registry schema 999 is newer than this ModelDesk (%1)")
                                        .arg(ModelRegistry::latestSchemaVersion()));
    }

    void foreignDatabaseRefused()
    {
        const QString other = PostgresServer::createDatabase();
        auto drop = qScopeGuard([&] { PostgresServer::dropDatabase(other); });
        QCOMPARE(PostgresServer::exec(other, {QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY)")}), QString());
        auto r = ModelRegistry::open(PostgresServer::urlOf(other));
        REG_FAILS(r, Error::Code::Corrupt);
        QVERIFY2(r.error().message.contains(QLatin1String("not a ModelDesk registry")), qPrintable(r.error().message));
        // Left as it was: no registry table was created next to the foreign one.
        QVERIFY(!PostgresServer::exec(other, {QStringLiteral("SELECT 1 FROM models")}).isEmpty());
    }

    void integrityReportsDamage()
    {
        QCOMPARE(PostgresServer::exec(m_database, {QStringLiteral("DROP TRIGGER audit_no_delete ON audit"),
                                                   QStringLiteral("DROP TABLE tokens")}),
                 QString());
        auto problems = reg().checkIntegrity();
        REG_VERIFY(problems);
        const QString text = problems->join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QLatin1String("table 'tokens' is missing")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("audit_no_delete")));
    }

    // ---- models, versions, aliases, tags ----

    void crud()
    {
        auto m = reg().createModel(QStringLiteral("mnist"), QStringLiteral("digits"), QStringLiteral("classification"),
                                   QStringLiteral("alice"));
        REG_VERIFY(m);
        QVERIFY(m->id > 0);
        REG_FAILS(reg().createModel(QStringLiteral("mnist"), {}, {}, QStringLiteral("alice")), Error::Code::AlreadyExists);
        for (const char *name : {"ab", "a_b", "a0", "a-b"})
            REG_VERIFY(reg().createModel(QString::fromLatin1(name), {}, {}, QStringLiteral("alice")));
        auto models = reg().models();
        REG_VERIFY(models);
        QStringList names;
        for (const ModelInfo &info : std::as_const(*models))
            names << info.name;
        // Byte order, as on SQLite, whatever the server's locale (a linguistic one ignores '-' and '_').
        QCOMPARE(names, QStringList({QStringLiteral("a-b"), QStringLiteral("a0"), QStringLiteral("a_b"), QStringLiteral("ab"),
                                     QStringLiteral("mnist")}));

        NewVersion nv = newVersion(QStringLiteral("v1"), 5'000'000'000LL); // sizes beyond 32 bits
        nv.metrics = {{QStringLiteral("val_accuracy"), 0.8125}};
        nv.params = {{QStringLiteral("lr"), 0.001}};
        nv.parameterCount = 101'770;
        nv.lineage.source = QStringLiteral("mlp.pt");
        nv.description = QStringLiteral("first – ünïcode");
        auto v1 = reg().addVersion(QStringLiteral("mnist"), nv, QStringLiteral("alice"));
        REG_VERIFY(v1);
        QCOMPARE(v1->version, 1);
        QCOMPARE(v1->size, 5'000'000'000LL);
        QCOMPARE(v1->metrics, nv.metrics);
        QCOMPARE(v1->description, nv.description);
        QVERIFY(!v1->lineage.parentVersion);
        NewVersion second = newVersion(QStringLiteral("v2"));
        second.lineage.parentVersion = 1;
        auto v2 = reg().addVersion(QStringLiteral("mnist"), second, QStringLiteral("bob"));
        REG_VERIFY(v2);
        QCOMPARE(v2->version, 2);
        QCOMPARE(*v2->lineage.parentVersion, 1);

        REG_VERIFY(reg().setAlias(QStringLiteral("mnist"), QStringLiteral("production"), 1, QStringLiteral("alice")));
        REG_VERIFY(reg().setAlias(QStringLiteral("mnist"), QStringLiteral("production"), 2, QStringLiteral("alice"))); // moves
        QCOMPARE(reg().resolve(QStringLiteral("mnist"), QStringLiteral("production"))->version, 2);
        REG_VERIFY(reg().setTag(QStringLiteral("mnist"), 2, QStringLiteral("team"), QStringLiteral("a"), QStringLiteral("x")));
        REG_VERIFY(reg().setTag(QStringLiteral("mnist"), 2, QStringLiteral("team"), QStringLiteral("b"), QStringLiteral("x")));
        auto listed = reg().versions(QStringLiteral("mnist"));
        REG_VERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(1).aliases, QStringList{QStringLiteral("production")});
        QCOMPARE(listed->at(1).tags.value(QStringLiteral("team")), QStringLiteral("b"));
        REG_FAILS(reg().removeTag(QStringLiteral("mnist"), 2, QStringLiteral("nope"), QStringLiteral("x")), Error::Code::NotFound);
        REG_VERIFY(reg().removeAlias(QStringLiteral("mnist"), QStringLiteral("production"), QStringLiteral("x")));

        auto described = reg().setVersionDescription(QStringLiteral("mnist"), 1, QStringLiteral("better"), QStringLiteral("bob"));
        REG_VERIFY(described);
        auto merged = reg().addVersionMetrics(QStringLiteral("mnist"), 1, {{QStringLiteral("test_accuracy"), 0.86}},
                                              QStringLiteral("bob"));
        REG_VERIFY(merged);
        QCOMPARE(merged->metrics.value(QStringLiteral("test_accuracy")).toDouble(), 0.86);

        // Same digest in two versions: deleting one frees nothing, deleting the model frees it.
        REG_VERIFY(reg().addVersion(QStringLiteral("mnist"), newVersion(QStringLiteral("v1")), QStringLiteral("a")));
        auto freed = reg().deleteVersion(QStringLiteral("mnist"), 3, QStringLiteral("a"));
        REG_VERIFY(freed);
        QCOMPARE(*freed, QString());
        auto digests = reg().deleteModel(QStringLiteral("mnist"), QStringLiteral("a"));
        REG_VERIFY(digests);
        QCOMPARE(QSet<QString>(digests->cbegin(), digests->cend()),
                 QSet<QString>({digestOf(QStringLiteral("v1")), digestOf(QStringLiteral("v2"))}));
        REG_FAILS(reg().model(QStringLiteral("mnist")), Error::Code::NotFound);
        QCOMPARE(reg().pending()->size(), 2); // marked for the caller's unlink, same transaction
    }

    void numbersNotReusedAfterDelete()
    {
        for (int i = 1; i <= 3; ++i)
            REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QString::number(i)), QStringLiteral("a")));
        REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), 3, QStringLiteral("a")));
        QCOMPARE(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("4")), QStringLiteral("a"))->version, 4);
        m_reg.reset();
        m_reg = std::move(*ModelRegistry::open(m_url));
        REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), 4, QStringLiteral("a")));
        QCOMPARE(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("5")), QStringLiteral("a"))->version, 5);
    }

    // ---- the other records ----

    void records()
    {
        DatasetRecord d;
        d.name = QStringLiteral("fashion-mnist");
        d.kind = QStringLiteral("idx");
        d.digest = digestOf(QStringLiteral("fashion"));
        d.rows = 70000;
        d.details = {{QStringLiteral("train"), 60000}};
        REG_VERIFY(reg().registerDataset(d, QStringLiteral("alice")));
        REG_FAILS(reg().registerDataset(d, QStringLiteral("alice")), Error::Code::AlreadyExists);
        QCOMPARE(reg().dataset(d.name)->details, d.details);

        // Runs created in the same millisecond still list newest first.
        for (const char *id : {"run-a", "run-b", "run-c"}) {
            RunRecord r;
            r.id = QString::fromLatin1(id);
            r.state = QStringLiteral("running");
            REG_VERIFY(reg().createRun(r, QStringLiteral("alice")));
        }
        auto runs = reg().runs();
        REG_VERIFY(runs);
        QStringList order;
        for (const RunRecord &r : std::as_const(*runs))
            order << r.id;
        QCOMPARE(order, QStringList({QStringLiteral("run-c"), QStringLiteral("run-b"), QStringLiteral("run-a")}));
        REG_VERIFY(reg().appendRunMetrics({{QStringLiteral("run-a"), 1, 0, QStringLiteral("train"), QStringLiteral("loss"), 0.25, {}},
                                           {QStringLiteral("run-a"), 2, 0, QStringLiteral("train"), QStringLiteral("loss"), 0.125, {}}}));
        auto metrics = reg().runMetrics(QStringLiteral("run-a"));
        REG_VERIFY(metrics);
        QCOMPARE(metrics->size(), 2);
        QCOMPARE(metrics->at(1).value, 0.125);

        DeploymentRecord dep{QStringLiteral("digits"), {{QStringLiteral("model"), QStringLiteral("mnist")}}, {}};
        REG_VERIFY(reg().saveDeployment(dep, QStringLiteral("alice")));
        dep.spec.insert(QStringLiteral("workers"), 2);
        REG_VERIFY(reg().saveDeployment(dep, QStringLiteral("alice"))); // upsert
        QCOMPARE(reg().deployments()->size(), 1);
        QCOMPARE(reg().deployments()->first().spec.value(QStringLiteral("workers")).toInt(), 2);
        REG_FAILS(reg().removeDeployment(QStringLiteral("nope"), QStringLiteral("a")), Error::Code::NotFound);

        TokenRecord t;
        t.name = QStringLiteral("ci");
        t.hash = digestOf(QStringLiteral("secret"));
        t.role = QStringLiteral("operator");
        REG_VERIFY(reg().createToken(t, QStringLiteral("admin")));
        REG_VERIFY(reg().revokeToken(QStringLiteral("ci"), QStringLiteral("admin")));
        QVERIFY(reg().tokenByHash(t.hash)->revoked.isValid());

        // Settings and pending rows are upserts: the second write replaces the first.
        REG_VERIFY(reg().changeSettings({{QStringLiteral("encryption.enabled"), QStringLiteral("false")}}, {},
                                        QStringLiteral("a"), QStringLiteral("encryption.disable")));
        REG_VERIFY(reg().changeSettings({{QStringLiteral("encryption.enabled"), QStringLiteral("true")},
                                         {QStringLiteral("encryption_x.key"), QStringLiteral("k")}},
                                        {}, QStringLiteral("a"), QStringLiteral("encryption.enable")));
        auto settings = reg().settings(QStringLiteral("encryption."));
        REG_VERIFY(settings);
        QCOMPARE(*settings, (QMap<QString, QString>{{QStringLiteral("encryption.enabled"), QStringLiteral("true")}}));
        const QString digest = digestOf(QStringLiteral("pending"));
        REG_VERIFY(reg().addPending(digest, QStringLiteral("import")));
        REG_VERIFY(reg().addPending(digest, QStringLiteral("delete")));
        QCOMPARE(reg().pending()->size(), 1);
        QCOMPARE(reg().pending()->first().operation, QStringLiteral("delete"));
    }

    // ---- audit ----

    void auditAppendOnly()
    {
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("alice")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m2"), newVersion(QStringLiteral("2")), QStringLiteral("bob")));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("prod"), 1, QStringLiteral("alice")));

        // "m" is the model and everything under it, not "m2"; the ':' and '@' ranges rely on byte order.
        QStringList targets;
        for (const AuditEntry &e : auditOf({QStringLiteral("m"), {}, {}, {}, 0}))
            targets << e.target;
        QCOMPARE(targets, QStringList({QStringLiteral("m@prod"), QStringLiteral("m:1"), QStringLiteral("m")}));
        QCOMPARE(auditOf({{}, QStringLiteral("bob"), QStringLiteral("version."), {}, 0}).size(), 1);

        const qsizetype before = auditOf({}).size();
        for (const char *sql : {"UPDATE audit SET actor = 'mallory'", "DELETE FROM audit", "TRUNCATE audit"}) {
            const QString error = PostgresServer::exec(m_database, {QString::fromLatin1(sql)});
            QVERIFY2(error.contains(QLatin1String("append-only")), qPrintable(QString::fromLatin1(sql) + QStringLiteral(": ") + error));
        }
        QCOMPARE(auditOf({}).size(), before);
        // Through the registry's own connection too: the error is a Conflict, as on SQLite.
        REG_VERIFY(reg().recordAudit(QStringLiteral("ops"), QStringLiteral("deployment.load"), QStringLiteral("deployment/x"), {}));
        QCOMPARE(auditOf({}).size(), before + 1);
    }

    void versionsAreImmutable()
    {
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("v")), QStringLiteral("alice")));
        const QString error = PostgresServer::exec(m_database, {QStringLiteral("UPDATE versions SET digest = 'x'")});
        QVERIFY2(error.contains(QLatin1String("immutable")), qPrintable(error));
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->digest, digestOf(QStringLiteral("v")));
        // description and metrics stay editable
        QCOMPARE(PostgresServer::exec(m_database, {QStringLiteral("UPDATE versions SET description = 'ok'")}), QString());
    }

    void failedWriteCommitsNothing()
    {
        auto c0 = reg().changeCounter();
        REG_VERIFY(c0);
        REG_VERIFY(reg().models());
        QCOMPARE(*reg().changeCounter(), *c0);
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        const qint64 c1 = *reg().changeCounter();
        QVERIFY(c1 > *c0);
        const qsizetype auditRows = auditOf({}).size();
        REG_FAILS(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 99, QStringLiteral("a")), Error::Code::NotFound);
        QCOMPARE(*reg().changeCounter(), c1);
        QCOMPARE(auditOf({}).size(), auditRows);
    }

    // ---- several processes and threads ----

    void twoProcessesAndThisOneWriting()
    {
        constexpr int perWriter = 30;
        auto a = startWriter({QStringLiteral("add"), m_url, QStringLiteral("shared"), QString::number(perWriter),
                              QStringLiteral("writer-a")});
        auto b = startWriter({QStringLiteral("add"), m_url, QStringLiteral("shared"), QString::number(perWriter),
                              QStringLiteral("writer-b")});
        QVERIFY(a->waitForStarted());
        QVERIFY(b->waitForStarted());
        QList<int> mine;
        QDeadlineTimer deadline(std::chrono::minutes(2));
        while (mine.size() < 20 || a->state() != QProcess::NotRunning || b->state() != QProcess::NotRunning) {
            auto v = reg().addVersion(QStringLiteral("shared"), newVersion(QStringLiteral("main-%1").arg(mine.size())),
                                      QStringLiteral("test"));
            REG_VERIFY(v);
            mine << v->version;
            QCoreApplication::processEvents();
            QVERIFY2(!deadline.hasExpired(), "writers did not finish in two minutes");
        }
        QCOMPARE(a->exitCode(), 0);
        QCOMPARE(b->exitCode(), 0);
        const QList<int> fromA = addedNumbers(*a);
        const QList<int> fromB = addedNumbers(*b);
        QCOMPARE(fromA.size(), perWriter);
        QCOMPARE(fromB.size(), perWriter);
        QList<int> all = fromA + fromB + mine;
        std::sort(all.begin(), all.end());
        QList<int> expected;
        for (int n = 1; n <= all.size(); ++n)
            expected << n;
        QCOMPARE(all, expected); // no duplicates, no gaps
        QCOMPARE(reg().versions(QStringLiteral("shared"))->size(), all.size());
        QCOMPARE(auditOf({QStringLiteral("shared:"), {}, {}, {}, 0}).size(), all.size()); // one audit row each
    }

    void otherProcessSeesChanges()
    {
        auto watcher = startWriter({QStringLiteral("watch"), m_url, QStringLiteral("60000")});
        QVERIFY(watcher->waitForReadyRead(30000));
        QVERIFY(QString::fromUtf8(watcher->readLine()).startsWith(QLatin1String("ready ")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        QVERIFY(watcher->waitForFinished(60000));
        QCOMPARE(watcher->exitCode(), 0);
        QVERIFY(QString::fromUtf8(watcher->readAllStandardOutput()).startsWith(QLatin1String("changed ")));
    }

    void reconnectsAfterTheServerDropsTheSession()
    {
        // A server restart or an administrator's kill drops every session; a long-running console
        // must go on without a restart of its own.
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        const qint64 before = *reg().changeCounter();
        auto kill = [this] {
            return PostgresServer::exec({}, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                                            " WHERE datname = '%1' AND pid <> pg_backend_pid()")
                                                 .arg(m_database)});
        };
        QCOMPARE(kill(), QString());
        auto counter = reg().changeCounter(); // the console's poll
        REG_VERIFY(counter);
        QCOMPARE(*counter, before);
        QCOMPARE(kill(), QString());
        REG_VERIFY(reg().models()); // a read transaction
        QCOMPARE(kill(), QString());
        auto v = reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("2")), QStringLiteral("a")); // a write
        REG_VERIFY(v);
        QCOMPARE(v->version, 2);
    }

    // Several machines on one registry, the workspace folder on a network file system: a pending row
    // of another host names a pid this machine cannot ask about. Opening a catalog here (which cleans
    // leftovers of dead writers) must leave another host's fresh row and its artifact alone, and
    // clean it only once it is a day old; rows of this host (and rows from before hosts were
    // recorded) are judged by pid as before.
    void pendingRowsOfAnotherHost()
    {
        QTemporaryDir ws;
        auto workspace = Workspace::open(ws.path());
        REG_VERIFY(workspace);
        CatalogOptions options;
        options.registryUrl = m_url;
        auto catalog = ModelCatalog::open(*workspace, options);
        REG_VERIFY(catalog);
        auto otherHosts = (*catalog)->store().putBytes(QByteArrayLiteral("being imported by another machine"));
        REG_VERIFY(otherHosts);
        auto legacy = (*catalog)->store().putBytes(QByteArrayLiteral("left by a dead process before schema 4"));
        REG_VERIFY(legacy);
        const QString otherFile = (*catalog)->store().pathFor(otherHosts->digest);
        const QString legacyFile = (*catalog)->store().pathFor(legacy->digest);
        QVERIFY(QFile::exists(otherFile) && QFile::exists(legacyFile));
        catalog->reset();

        // A pid that is not alive here (beyond pid_max), on another host, started a minute ago.
        const QString deadPid = QStringLiteral("2147483000");
        QCOMPARE(PostgresServer::exec(m_database,
                                      {QStringLiteral("INSERT INTO pending_artifacts (digest, host, pid, operation, since) VALUES "
                                                      "('%1', 'another-machine', %2, 'import', '%3'), "
                                                      "('%4', '', %2, 'import', '%3')")
                                           .arg(otherHosts->digest, deadPid,
                                                QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs),
                                                legacy->digest)}),
                 QString());

        catalog = ModelCatalog::open(*workspace, options);
        REG_VERIFY(catalog);
        QVERIFY2(QFile::exists(otherFile), "another host's import in progress lost its file");
        QVERIFY2(!QFile::exists(legacyFile), "a dead local writer's leftover stays");
        auto pending = (*catalog)->registry().pending();
        REG_VERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().host, QStringLiteral("another-machine"));
        QCOMPARE(pending->first().digest, otherHosts->digest);
        // doctor does not call it an orphan either.
        auto report = (*catalog)->doctor();
        REG_VERIFY(report);
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
        catalog->reset();

        // A day later the other host's row is a leftover.
        QCOMPARE(PostgresServer::exec(m_database, {QStringLiteral("UPDATE pending_artifacts SET since = '%1'")
                                                       .arg(QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODateWithMs))}),
                 QString());
        catalog = ModelCatalog::open(*workspace, options);
        REG_VERIFY(catalog);
        QVERIFY(!QFile::exists(otherFile));
        QVERIFY((*catalog)->registry().pending()->isEmpty());

        // This process's own rows carry this host.
        REG_VERIFY((*catalog)->registry().addPending(legacy->digest, QStringLiteral("import")));
        QCOMPARE((*catalog)->registry().pending()->first().host, hostIdentity());
        REG_VERIFY((*catalog)->registry().removePending(legacy->digest, QCoreApplication::applicationPid()));
        QVERIFY((*catalog)->registry().pending()->isEmpty());
    }

    void cliOnTheSameRegistry()
    {
        // modeldesk-cli with --registry (and with $MODELDESK_REGISTRY_URL) writes where this process
        // reads; the workspace keeps the artifacts and gets no registry.sqlite.
        const QString cli = qEnvironmentVariable("MODELDESK_CLI");
        const QString models = qEnvironmentVariable("MODELDESK_TEST_MODELS");
        if (cli.isEmpty() || !QFileInfo(cli).isExecutable() || !QFile::exists(models + QStringLiteral("/linear.pt")))
            QSKIP("needs MODELDESK_CLI and MODELDESK_TEST_MODELS/linear.pt (ctest sets both)");
        QTemporaryDir ws;
        QProcess import;
        import.start(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("--registry"), m_url, QStringLiteral("models"),
                           QStringLiteral("import"), models + QStringLiteral("/linear.pt"), QStringLiteral("--name"),
                           QStringLiteral("linear")});
        QVERIFY(import.waitForFinished(120000));
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
        auto v = reg().latestVersion(QStringLiteral("linear"));
        REG_VERIFY(v);
        QCOMPARE(v->version, 1);
        QVERIFY(!QFile::exists(ws.filePath(QStringLiteral("registry.sqlite"))));

        REG_VERIFY(reg().setAlias(QStringLiteral("linear"), QStringLiteral("production"), 1, QStringLiteral("test")));
        QProcess list;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_REGISTRY_URL"), m_url);
        list.setProcessEnvironment(env);
        list.start(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("models"), QStringLiteral("list"),
                         QStringLiteral("--json")});
        QVERIFY(list.waitForFinished(120000));
        QVERIFY2(list.exitCode() == 0, list.readAllStandardError().constData());
        const QByteArray json = list.readAllStandardOutput();
        QVERIFY2(json.contains("\"production\""), json.constData());
        QProcess doctor;
        doctor.setProcessEnvironment(env);
        doctor.start(cli, {QStringLiteral("--workspace"), ws.path(), QStringLiteral("doctor")});
        QVERIFY(doctor.waitForFinished(120000));
        QVERIFY2(doctor.exitCode() == 0, QByteArray(doctor.readAllStandardOutput() + doctor.readAllStandardError()).constData());
    }

    void threadsGetDistinctNumbers()
    {
        constexpr int threads = 4, perThread = 10;
        QList<int> numbers[threads];
        QString errors[threads];
        std::vector<std::unique_ptr<QThread>> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back(QThread::create([this, t, &numbers, &errors] {
                for (int i = 0; i < perThread; ++i) {
                    auto v = reg().addVersion(QStringLiteral("t"), newVersion(QStringLiteral("%1-%2").arg(t).arg(i)),
                                              QStringLiteral("thread"));
                    if (!v) {
                        errors[t] = v.error().message;
                        return;
                    }
                    numbers[t] << v->version;
                }
            }));
            pool.back()->start();
        }
        QList<int> all;
        for (int t = 0; t < threads; ++t) {
            QVERIFY(pool[t]->wait(QDeadlineTimer(std::chrono::minutes(2))));
            QVERIFY2(errors[t].isEmpty(), qPrintable(errors[t]));
            all += numbers[t];
        }
        std::sort(all.begin(), all.end());
        QCOMPARE(all.size(), threads * perThread);
        QCOMPARE(all.first(), 1);
        QCOMPARE(all.last(), threads * perThread);
        QCOMPARE(QSet<int>(all.cbegin(), all.cend()).size(), all.size());
    }
};

QTEST_GUILESS_MAIN(tst_RegistryPostgres)
#include "tst_registrypostgres.moc"
