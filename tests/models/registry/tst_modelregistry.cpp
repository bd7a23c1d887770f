// ModelRegistry: schema migrations, models, versions, aliases, tags, pending artifacts, threads.

#include "registry/modelregistry.h"
#include "registrytestpostgres.h"
#include "registrytestutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>
#include <thread>

using namespace ModelDesk;
using namespace ModelDesk::Registry;
using namespace RegistryTest;

namespace {

// Runs SQL outside the registry: the way another program would touch the file or database.
QString rawExec(const QString &location, const QStringList &statements)
{
    return RegistryLocations::rawExec(location, statements);
}

QStringList registryConnections()
{
    QStringList names = QSqlDatabase::connectionNames();
    names.removeIf([](const QString &n) { return !n.startsWith(QLatin1String("modeldesk-registry-")); });
    return names;
}

} // namespace

class tst_ModelRegistry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RegistryLocations m_locations; // SQLite files, or one PostgreSQL database per test
    std::unique_ptr<ModelRegistry> m_reg;

    QString freshPath() { return m_locations.fresh(); }

    ModelRegistry &reg() { return *m_reg; }

private Q_SLOTS:
    void initTestCase()
    {
        if (const char *reason = RegistryLocations::unavailableReason())
            QSKIP(reason);
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString location = freshPath();
        QVERIFY2(!location.isEmpty(), "cannot create a test database (see the warning above)");
        auto r = ModelRegistry::open(location);
        REG_VERIFY(r);
        m_reg = std::move(*r);
    }
    void cleanup()
    {
        m_reg.reset();
        m_locations.dropAll();
    }

    // ---- migrations and opening ----

    void freshOpenSetsLatestSchema()
    {
        QVERIFY(ModelRegistry::latestSchemaVersion() >= 1);
        QCOMPARE(reg().schemaVersion(), ModelRegistry::latestSchemaVersion());
        auto problems = reg().checkIntegrity();
        REG_VERIFY(problems);
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    void reopenKeepsData()
    {
        const QString path = reg().path();
        REG_VERIFY(reg().addVersion(QStringLiteral("mnist"), newVersion(QStringLiteral("a")), QStringLiteral("alice")));
        REG_VERIFY(reg().setAlias(QStringLiteral("mnist"), QStringLiteral("production"), 1, QStringLiteral("alice")));
        m_reg.reset();
        auto again = ModelRegistry::open(path);
        REG_VERIFY(again);
        QCOMPARE((*again)->schemaVersion(), ModelRegistry::latestSchemaVersion());
        auto v = (*again)->resolve(QStringLiteral("mnist"), QStringLiteral("production"));
        REG_VERIFY(v);
        QCOMPARE(v->version, 1);
        QCOMPARE(v->digest, digestOf(QStringLiteral("a")));
    }

    void newerSchemaRefused()
    {
        const QString path = reg().path();
        m_reg.reset();
        // SQLite keeps the number in PRAGMA user_version, PostgreSQL in a one-row table.
        QCOMPARE(rawExec(path, {RegistryLocations::postgres() ? QStringLiteral("UPDATE schema_version SET version = 999")
                                                              : QStringLiteral("PRAGMA user_version = 999")}),
                 QString());
        auto r = ModelRegistry::open(path);
        REG_FAILS(r, Error::Code::Corrupt);
        QCOMPARE(r.error().message, QStringLiteral("registry schema 999 is newer than this ModelDesk (%1)")
                                        .arg(ModelRegistry::latestSchemaVersion()));
    }

    void textFileRefused()
    {
        REG_SQLITE_ONLY("a registry file that is not an SQLite database");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("registry.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,accuracy\nmnist,0.9\n");
        f.close();
        auto r = ModelRegistry::open(path);
        REG_FAILS(r, Error::Code::Corrupt);
        QVERIFY2(r.error().message.contains(QLatin1String("not an SQLite database")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(path));
        // The file is left as it was.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("name,accuracy\nmnist,0.9\n"));
    }

    void foreignSqliteRefused()
    {
        // Some other program's database (a file on SQLite, a database on PostgreSQL).
        const QString path = freshPath();
        QCOMPARE(rawExec(path, {QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY)")}), QString());
        auto r = ModelRegistry::open(path);
        REG_FAILS(r, Error::Code::Corrupt);
        QVERIFY2(r.error().message.contains(QLatin1String("not a ModelDesk registry")), qPrintable(r.error().message));
    }

    void directoryRefused()
    {
        REG_SQLITE_ONLY("a registry path that is a directory");
        auto r = ModelRegistry::open(m_dir.path());
        QVERIFY(!r.has_value());
        QVERIFY(r.error().message.contains(QLatin1String("directory")));
    }

    // ---- models ----

    void createAndListModels()
    {
        auto m = reg().createModel(QStringLiteral("mnist"), QStringLiteral("digits"), QStringLiteral("classification"),
                                   QStringLiteral("alice"));
        REG_VERIFY(m);
        QCOMPARE(m->name, QStringLiteral("mnist"));
        QCOMPARE(m->description, QStringLiteral("digits"));
        QCOMPARE(m->task, QStringLiteral("classification"));
        QCOMPARE(m->latestVersion, 0);
        QCOMPARE(m->versionCount, 0);
        QCOMPARE(m->created.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(m->created.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        REG_FAILS(reg().createModel(QStringLiteral("mnist"), {}, {}, QStringLiteral("bob")), Error::Code::AlreadyExists);
        REG_VERIFY(reg().createModel(QStringLiteral("fashion"), {}, {}, QStringLiteral("bob")));
        auto all = reg().models();
        REG_VERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("fashion"));
        QCOMPARE(all->at(1).name, QStringLiteral("mnist"));

        REG_VERIFY(reg().setModelDescription(QStringLiteral("mnist"), QStringLiteral("handwritten digits"), QStringLiteral("alice")));
        QCOMPARE(reg().model(QStringLiteral("mnist"))->description, QStringLiteral("handwritten digits"));

        auto missing = reg().model(QStringLiteral("nope"));
        REG_FAILS(missing, Error::Code::NotFound);
        QCOMPARE(missing.error().message, QStringLiteral("model 'nope' does not exist"));
        REG_FAILS(reg().setModelDescription(QStringLiteral("nope"), {}, QStringLiteral("a")), Error::Code::NotFound);
    }

    // ---- versions ----

    void versionsIncrease()
    {
        for (int i = 1; i <= 3; ++i) {
            auto v = reg().addVersion(QStringLiteral("mnist"), newVersion(QString::number(i)), QStringLiteral("alice"));
            REG_VERIFY(v);
            QCOMPARE(v->version, i);
            QCOMPARE(v->model, QStringLiteral("mnist"));
        }
        auto m = reg().model(QStringLiteral("mnist"));
        REG_VERIFY(m);
        QCOMPARE(m->latestVersion, 3);
        QCOMPARE(m->versionCount, 3);
        auto latest = reg().latestVersion(QStringLiteral("mnist"));
        REG_VERIFY(latest);
        QCOMPARE(latest->version, 3);
        auto list = reg().versions(QStringLiteral("mnist"));
        REG_VERIFY(list);
        QCOMPARE(list->size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(list->at(i).version, i + 1);
    }

    void addVersionWithoutCreatingModel()
    {
        REG_FAILS(reg().addVersion(QStringLiteral("absent"), newVersion(QStringLiteral("x")), QStringLiteral("a"), false),
                  Error::Code::NotFound);
        REG_FAILS(reg().model(QStringLiteral("absent")), Error::Code::NotFound);
        auto v = reg().addVersion(QStringLiteral("absent"), newVersion(QStringLiteral("x")), QStringLiteral("a"));
        REG_VERIFY(v);
        QCOMPARE(v->version, 1);
    }

    void versionFieldsRoundTrip()
    {
        NewVersion nv = newVersion(QStringLiteral("full"), 987654321);
        nv.signature.inputs = {{QStringLiteral("x"), QStringLiteral("FP32"), {-1, 784}}};
        nv.signature.outputs = {{QStringLiteral("y"), QStringLiteral("FP32"), {-1, 10}}};
        nv.signature.schema = QStringLiteral("forward(__torch__.M self, Tensor x) -> Tensor");
        nv.parameterCount = 101770;
        nv.metrics = {{QStringLiteral("test_accuracy"), 0.87}};
        nv.params = {{QStringLiteral("lr"), 0.001}, {QStringLiteral("optimizer"), QStringLiteral("adam")}};
        nv.lineage.runId = QStringLiteral("20261128-131500-ab12");
        nv.lineage.datasetDigest = digestOf(QStringLiteral("dataset"));
        nv.lineage.source = QStringLiteral("training");
        nv.description = QStringLiteral("first try");
        REG_VERIFY(reg().addVersion(QStringLiteral("mnist"), newVersion(QStringLiteral("parent")), QStringLiteral("alice")));
        nv.lineage.parentVersion = 1;
        auto added = reg().addVersion(QStringLiteral("mnist"), nv, QStringLiteral("alice"));
        REG_VERIFY(added);

        auto v = reg().version(QStringLiteral("mnist"), 2);
        REG_VERIFY(v);
        QCOMPARE(v->digest, nv.digest);
        QCOMPARE(v->size, qint64(987654321));
        QCOMPARE(v->format, QStringLiteral("torchscript"));
        QCOMPARE(v->signature, nv.signature);
        QCOMPARE(v->parameterCount, qint64(101770));
        QCOMPARE(v->metrics, nv.metrics);
        QCOMPARE(v->params, nv.params);
        QCOMPARE(v->lineage.parentVersion, std::optional<int>(1));
        QCOMPARE(v->lineage.runId, nv.lineage.runId);
        QCOMPARE(v->lineage.datasetDigest, nv.lineage.datasetDigest);
        QCOMPARE(v->lineage.source, nv.lineage.source);
        QCOMPARE(v->description, nv.description);
        QCOMPARE(v->createdBy, QStringLiteral("alice"));
        QCOMPARE(v->created.timeSpec(), Qt::UTC);
        QCOMPARE(v->created, added->created);
        QVERIFY(v->id > 0);
        QVERIFY(!reg().version(QStringLiteral("mnist"), 1)->lineage.parentVersion.has_value());

        // A parent must be an earlier version.
        nv.lineage.parentVersion = 9;
        REG_FAILS(reg().addVersion(QStringLiteral("mnist"), nv, QStringLiteral("alice")), Error::Code::InvalidArgument);
    }

    void numbersNotReusedAfterDelete()
    {
        for (int i = 1; i <= 3; ++i)
            REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QString::number(i)), QStringLiteral("a")));
        REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), 3, QStringLiteral("a")));
        auto v4 = reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("4")), QStringLiteral("a"));
        REG_VERIFY(v4);
        QCOMPARE(v4->version, 4);
        for (int n : {1, 2, 4})
            REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), n, QStringLiteral("a")));
        QCOMPARE(reg().model(QStringLiteral("m"))->versionCount, 0);
        REG_FAILS(reg().latestVersion(QStringLiteral("m")), Error::Code::NotFound);
        auto v5 = reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("5")), QStringLiteral("a"));
        REG_VERIFY(v5);
        QCOMPARE(v5->version, 5);
        // Survives a reopen: the counter is stored, not derived from the remaining rows.
        const QString path = reg().path();
        m_reg.reset();
        m_reg = std::move(*ModelRegistry::open(path));
        REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), 5, QStringLiteral("a")));
        QCOMPARE(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("6")), QStringLiteral("a"))->version, 6);
    }

    void notFoundMessages()
    {
        REG_VERIFY(reg().addVersion(QStringLiteral("x"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        auto v = reg().version(QStringLiteral("x"), 7);
        REG_FAILS(v, Error::Code::NotFound);
        QCOMPARE(v.error().message, QStringLiteral("model 'x' has no version 7"));
        auto a = reg().resolve(QStringLiteral("x"), QStringLiteral("production"));
        REG_FAILS(a, Error::Code::NotFound);
        QCOMPARE(a.error().message, QStringLiteral("model 'x' has no alias 'production'"));
        REG_FAILS(reg().versions(QStringLiteral("y")), Error::Code::NotFound);
        REG_FAILS(reg().deleteVersion(QStringLiteral("x"), 2, QStringLiteral("a")), Error::Code::NotFound);
        REG_FAILS(reg().deleteModel(QStringLiteral("y"), QStringLiteral("a")), Error::Code::NotFound);
        REG_FAILS(reg().setVersionDescription(QStringLiteral("x"), 3, {}, QStringLiteral("a")), Error::Code::NotFound);
        REG_FAILS(reg().addVersionMetrics(QStringLiteral("x"), 3, {}, QStringLiteral("a")), Error::Code::NotFound);
    }

    void versionsAreImmutable()
    {
        NewVersion nv = newVersion(QStringLiteral("v"));
        nv.metrics = {{QStringLiteral("val_accuracy"), 0.8}};
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), nv, QStringLiteral("alice")));

        auto described = reg().setVersionDescription(QStringLiteral("m"), 1, QStringLiteral("better"), QStringLiteral("bob"));
        REG_VERIFY(described);
        QCOMPARE(described->description, QStringLiteral("better"));
        auto merged = reg().addVersionMetrics(QStringLiteral("m"), 1,
                                              {{QStringLiteral("test_accuracy"), 0.86}, {QStringLiteral("val_accuracy"), 0.81}},
                                              QStringLiteral("bob"));
        REG_VERIFY(merged);
        QCOMPARE(merged->metrics, QJsonObject({{QStringLiteral("val_accuracy"), 0.81}, {QStringLiteral("test_accuracy"), 0.86}}));
        QCOMPARE(merged->digest, nv.digest);
        QCOMPARE(merged->size, nv.size);
        QCOMPARE(merged->createdBy, QStringLiteral("alice"));

        // Even a program writing SQL directly cannot change what a version is.
        const QString error = rawExec(reg().path(), {QStringLiteral("UPDATE versions SET digest = 'x'")});
        QVERIFY2(error.contains(QLatin1String("immutable")), qPrintable(error));
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->digest, nv.digest);
    }

    // ---- aliases ----

    void aliases()
    {
        for (int i = 1; i <= 3; ++i)
            REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QString::number(i)), QStringLiteral("a")));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 1, QStringLiteral("a")));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("staging"), 2, QStringLiteral("a")));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("champion"), 1, QStringLiteral("a")));
        QCOMPARE(reg().resolve(QStringLiteral("m"), QStringLiteral("production"))->version, 1);
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->aliases,
                 QStringList({QStringLiteral("champion"), QStringLiteral("production")}));

        // Setting moves the alias.
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 3, QStringLiteral("a")));
        QCOMPARE(reg().resolve(QStringLiteral("m"), QStringLiteral("production"))->version, 3);
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->aliases, QStringList{QStringLiteral("champion")});
        QCOMPARE(reg().version(QStringLiteral("m"), 3)->aliases, QStringList{QStringLiteral("production")});

        // Aliases are per model.
        REG_VERIFY(reg().addVersion(QStringLiteral("other"), newVersion(QStringLiteral("o")), QStringLiteral("a")));
        REG_FAILS(reg().resolve(QStringLiteral("other"), QStringLiteral("production")), Error::Code::NotFound);

        // To an unknown version or model.
        auto bad = reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 9, QStringLiteral("a"));
        REG_FAILS(bad, Error::Code::NotFound);
        QCOMPARE(bad.error().message, QStringLiteral("model 'm' has no version 9"));
        REG_FAILS(reg().setAlias(QStringLiteral("nope"), QStringLiteral("production"), 1, QStringLiteral("a")),
                  Error::Code::NotFound);
        QCOMPARE(reg().resolve(QStringLiteral("m"), QStringLiteral("production"))->version, 3);

        REG_VERIFY(reg().removeAlias(QStringLiteral("m"), QStringLiteral("staging"), QStringLiteral("a")));
        REG_FAILS(reg().resolve(QStringLiteral("m"), QStringLiteral("staging")), Error::Code::NotFound);
        REG_FAILS(reg().removeAlias(QStringLiteral("m"), QStringLiteral("staging"), QStringLiteral("a")), Error::Code::NotFound);

        // Deleting a version takes its aliases with it.
        REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), 3, QStringLiteral("a")));
        REG_FAILS(reg().resolve(QStringLiteral("m"), QStringLiteral("production")), Error::Code::NotFound);
    }

    // ---- names ----

    void invalidNamesRefused_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("value");
        QTest::newRow("model upper") << "model" << "Mnist";
        QTest::newRow("model path") << "model" << "../etc";
        QTest::newRow("model empty") << "model" << "";
        QTest::newRow("model space") << "model" << "my model";
        QTest::newRow("model 65") << "model" << QString(65, QLatin1Char('m'));
        QTest::newRow("alias slash") << "alias" << "prod/1";
        QTest::newRow("alias upper") << "alias" << "Production";
        QTest::newRow("alias empty") << "alias" << "";
        QTest::newRow("tag key space") << "tagkey" << "a b";
        QTest::newRow("tag key empty") << "tagkey" << "";
        QTest::newRow("tag value control") << "tagvalue" << QStringLiteral("line\nbreak");
        QTest::newRow("tag value long") << "tagvalue" << QString(257, QLatin1Char('v'));
        QTest::newRow("digest short") << "digest" << "abc123";
        QTest::newRow("digest upper") << "digest" << digestOf(QStringLiteral("x")).toUpper();
        QTest::newRow("digest empty") << "digest" << "";
    }
    void invalidNamesRefused()
    {
        QFETCH(QString, what);
        QFETCH(QString, value);
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        const auto before = reg().changeCounter();
        REG_VERIFY(before);
        Status s;
        if (what == QLatin1String("model")) {
            s = asStatus(reg().addVersion(value, newVersion(QStringLiteral("2")), QStringLiteral("a")));
            REG_FAILS(reg().createModel(value, {}, {}, QStringLiteral("a")), Error::Code::InvalidArgument);
            REG_FAILS(reg().model(value), Error::Code::InvalidArgument);
        } else if (what == QLatin1String("alias")) {
            s = reg().setAlias(QStringLiteral("m"), value, 1, QStringLiteral("a"));
            REG_FAILS(reg().resolve(QStringLiteral("m"), value), Error::Code::InvalidArgument);
        } else if (what == QLatin1String("tagkey")) {
            s = reg().setTag(QStringLiteral("m"), 1, value, QStringLiteral("v"), QStringLiteral("a"));
        } else if (what == QLatin1String("tagvalue")) {
            s = reg().setTag(QStringLiteral("m"), 1, QStringLiteral("k"), value, QStringLiteral("a"));
        } else {
            NewVersion nv = newVersion(QStringLiteral("2"));
            nv.digest = value;
            s = asStatus(reg().addVersion(QStringLiteral("m"), nv, QStringLiteral("a")));
        }
        REG_FAILS(s, Error::Code::InvalidArgument);
        QVERIFY(!s.error().message.isEmpty());
        QCOMPARE(*reg().changeCounter(), *before); // nothing was written
    }

    // ---- tags ----

    void tags()
    {
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        REG_VERIFY(reg().setTag(QStringLiteral("m"), 1, QStringLiteral("team"), QStringLiteral("vision"), QStringLiteral("a")));
        REG_VERIFY(reg().setTag(QStringLiteral("m"), 1, QStringLiteral("stage"), QStringLiteral("beta 2 — ok"), QStringLiteral("a")));
        QMap<QString, QString> expected{{QStringLiteral("team"), QStringLiteral("vision")},
                                        {QStringLiteral("stage"), QStringLiteral("beta 2 — ok")}};
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->tags, expected);

        REG_VERIFY(reg().setTag(QStringLiteral("m"), 1, QStringLiteral("team"), QStringLiteral("nlp"), QStringLiteral("a")));
        expected[QStringLiteral("team")] = QStringLiteral("nlp");
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->tags, expected);

        REG_VERIFY(reg().removeTag(QStringLiteral("m"), 1, QStringLiteral("stage"), QStringLiteral("a")));
        expected.remove(QStringLiteral("stage"));
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->tags, expected);
        auto missing = reg().removeTag(QStringLiteral("m"), 1, QStringLiteral("stage"), QStringLiteral("a"));
        REG_FAILS(missing, Error::Code::NotFound);
        QCOMPARE(missing.error().message, QStringLiteral("model 'm' version 1 has no tag 'stage'"));
        REG_FAILS(reg().setTag(QStringLiteral("m"), 2, QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("a")),
                  Error::Code::NotFound);
        REG_VERIFY(reg().setTag(QStringLiteral("m"), 1, QStringLiteral("empty"), QString(), QStringLiteral("a")));
        QCOMPARE(reg().version(QStringLiteral("m"), 1)->tags.value(QStringLiteral("empty"), QStringLiteral("absent")), QString());
    }

    // ---- deletion and pending artifacts ----

    void deleteVersionFreesDigestOnlyWhenUnreferenced()
    {
        const qint64 pid = QCoreApplication::applicationPid();
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("shared")), QStringLiteral("a")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("shared")), QStringLiteral("a")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("own")), QStringLiteral("a")));
        QVERIFY(*reg().isDigestReferenced(digestOf(QStringLiteral("shared"))));

        auto first = reg().deleteVersion(QStringLiteral("m"), 1, QStringLiteral("a"));
        REG_VERIFY(first);
        QCOMPARE(*first, QString());
        QVERIFY(reg().pending()->isEmpty());

        auto second = reg().deleteVersion(QStringLiteral("m"), 2, QStringLiteral("a"));
        REG_VERIFY(second);
        QCOMPARE(*second, digestOf(QStringLiteral("shared")));
        QVERIFY(!*reg().isDigestReferenced(*second));
        auto pending = reg().pending();
        REG_VERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->at(0).digest, *second);
        QCOMPARE(pending->at(0).pid, pid);
        QCOMPARE(pending->at(0).operation, QStringLiteral("delete"));
        QVERIFY(pending->at(0).since.isValid());

        REG_VERIFY(reg().removePending(*second, pid));
        QVERIFY(reg().pending()->isEmpty());
        QCOMPARE(*reg().referencedDigests(), QStringList{digestOf(QStringLiteral("own"))});
    }

    void deleteModelReturnsFreedDigests()
    {
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("a")), QStringLiteral("x")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("b")), QStringLiteral("x")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("b")), QStringLiteral("x")));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("c")), QStringLiteral("x")));
        REG_VERIFY(reg().addVersion(QStringLiteral("keep"), newVersion(QStringLiteral("c")), QStringLiteral("x")));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 2, QStringLiteral("x")));
        REG_VERIFY(reg().setTag(QStringLiteral("m"), 2, QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("x")));

        auto freed = reg().deleteModel(QStringLiteral("m"), QStringLiteral("x"));
        REG_VERIFY(freed);
        QStringList expected{digestOf(QStringLiteral("a")), digestOf(QStringLiteral("b"))};
        expected.sort();
        QCOMPARE(*freed, expected);
        REG_FAILS(reg().model(QStringLiteral("m")), Error::Code::NotFound);
        QCOMPARE(*reg().referencedDigests(), QStringList{digestOf(QStringLiteral("c"))});
        auto pending = reg().pending();
        REG_VERIFY(pending);
        QStringList pendingDigests;
        for (const auto &p : *pending) {
            QCOMPARE(p.operation, QStringLiteral("delete"));
            pendingDigests << p.digest;
        }
        pendingDigests.sort();
        QCOMPARE(pendingDigests, expected);
        // The cascade left nothing dangling.
        QVERIFY(reg().checkIntegrity()->isEmpty());
        // A new model with the same name starts again at 1: numbers are per model.
        QCOMPARE(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("d")), QStringLiteral("x"))->version, 1);
    }

    void pendingRows()
    {
        const QString digest = digestOf(QStringLiteral("importing"));
        const qint64 pid = QCoreApplication::applicationPid();
        REG_VERIFY(reg().addPending(digest, QStringLiteral("import")));
        auto pending = reg().pending();
        REG_VERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->at(0).operation, QStringLiteral("import"));
        QCOMPARE(pending->at(0).pid, pid);

        // A failed addVersionClearingPending leaves the pending row in place.
        NewVersion bad = newVersion(QStringLiteral("importing"));
        bad.lineage.parentVersion = 5;
        REG_FAILS(reg().addVersionClearingPending(QStringLiteral("m"), bad, QStringLiteral("a")), Error::Code::InvalidArgument);
        QCOMPARE(reg().pending()->size(), 1);
        REG_FAILS(reg().model(QStringLiteral("m")), Error::Code::NotFound); // the whole transaction rolled back

        auto v = reg().addVersionClearingPending(QStringLiteral("m"), newVersion(QStringLiteral("importing")), QStringLiteral("a"));
        REG_VERIFY(v);
        QCOMPARE(v->digest, digest);
        QVERIFY(reg().pending()->isEmpty());

        REG_FAILS(reg().addPending(digest, QStringLiteral("rename")), Error::Code::InvalidArgument);
        REG_FAILS(reg().addPending(QStringLiteral("zz"), QStringLiteral("import")), Error::Code::InvalidArgument);
        REG_VERIFY(reg().removePending(digest, pid)); // already gone: still fine
    }

    void changeCounterMovesOnWritesOnly()
    {
        auto c0 = reg().changeCounter();
        REG_VERIFY(c0);
        REG_VERIFY(reg().models());
        QCOMPARE(*reg().changeCounter(), *c0);
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")));
        auto c1 = reg().changeCounter();
        QVERIFY(*c1 > *c0);
        // A write that fails commits nothing, so the counter stays.
        REG_FAILS(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 99, QStringLiteral("a")),
                  Error::Code::NotFound);
        QCOMPARE(*reg().changeCounter(), *c1);
    }

    void integrityReportsDamage()
    {
        QVERIFY(reg().checkIntegrity()->isEmpty());
        // PostgreSQL names a trigger with its table.
        const QString dropTrigger = RegistryLocations::postgres() ? QStringLiteral("DROP TRIGGER audit_no_delete ON audit")
                                                                  : QStringLiteral("DROP TRIGGER audit_no_delete");
        QCOMPARE(rawExec(reg().path(), {dropTrigger, QStringLiteral("DROP TABLE tokens")}), QString());
        auto problems = reg().checkIntegrity();
        REG_VERIFY(problems);
        QVERIFY2(problems->join(QLatin1Char('\n')).contains(QLatin1String("table 'tokens' is missing")),
                 qPrintable(problems->join(QLatin1Char('\n'))));
        QVERIFY(problems->join(QLatin1Char('\n')).contains(QLatin1String("audit_no_delete")));
    }

    // ---- scale ----

    void listingThousandVersions()
    {
        // Rows are inserted in one raw transaction (1000 API calls would be 1000 fsyncs); the point is
        // that listing fetches aliases and tags in bulk and gets every one right.
        REG_VERIFY(reg().addVersion(QStringLiteral("big"), newVersion(QStringLiteral("seed")), QStringLiteral("a")));
        QStringList sql{QStringLiteral("BEGIN")};
        for (int i = 2; i <= 1000; ++i) {
            sql << QStringLiteral("INSERT INTO versions (model_id, version, digest, size, format, created) VALUES"
                                  " ((SELECT id FROM models WHERE name = 'big'), %1, '%2', %1, 'torchscript',"
                                  " '2026-01-01T00:00:00.000Z')")
                       .arg(i)
                       .arg(digestOf(QString::number(i)));
            sql << QStringLiteral("INSERT INTO tags (version_id, key, value) VALUES ((SELECT id FROM versions WHERE version = %1"
                                  " AND model_id = (SELECT id FROM models WHERE name = 'big')), 'n', '%1')")
                       .arg(i);
        }
        sql << QStringLiteral("UPDATE models SET next_version = 1001 WHERE name = 'big'") << QStringLiteral("COMMIT");
        QCOMPARE(rawExec(reg().path(), sql), QString());
        REG_VERIFY(reg().setAlias(QStringLiteral("big"), QStringLiteral("production"), 500, QStringLiteral("a")));

        QElapsedTimer timer;
        timer.start();
        auto list = reg().versions(QStringLiteral("big"));
        const qint64 ms = timer.elapsed();
        REG_VERIFY(list);
        qInfo("versions() of 1000 versions took %lld ms", ms);
        QCOMPARE(list->size(), 1000);
        for (int i = 0; i < 1000; ++i) {
            const VersionInfo &v = list->at(i);
            QCOMPARE(v.version, i + 1);
            if (i > 0)
                QCOMPARE(v.tags.value(QStringLiteral("n")), QString::number(i + 1));
            QCOMPARE(v.aliases, v.version == 500 ? QStringList{QStringLiteral("production")} : QStringList());
        }
        QCOMPARE(reg().allVersions()->size(), 1000);
        QCOMPARE(reg().addVersion(QStringLiteral("big"), newVersion(QStringLiteral("next")), QStringLiteral("a"))->version, 1001);
    }

    // ---- threads ----

    void threadsGetDistinctConsecutiveNumbers()
    {
        constexpr int threads = 4, perThread = 50;
        std::vector<QList<int>> numbers(threads);
        std::vector<QString> errors(threads);
        std::vector<std::unique_ptr<QThread>> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back(QThread::create([this, t, &numbers, &errors] {
                for (int i = 0; i < perThread; ++i) {
                    auto v = reg().addVersion(QStringLiteral("shared"), newVersion(QStringLiteral("t%1-%2").arg(t).arg(i)),
                                              QStringLiteral("thread-%1").arg(t));
                    if (!v) {
                        errors[t] = v.error().message;
                        return;
                    }
                    numbers[t].append(v->version);
                }
            }));
        }
        for (auto &w : workers)
            w->start();
        for (auto &w : workers)
            QVERIFY(w->wait(QDeadlineTimer(120000)));
        QList<int> all;
        for (int t = 0; t < threads; ++t) {
            QVERIFY2(errors[t].isEmpty(), qPrintable(errors[t]));
            QVERIFY(std::is_sorted(numbers[t].begin(), numbers[t].end()));
            all += numbers[t];
        }
        std::sort(all.begin(), all.end());
        QCOMPARE(all.size(), threads * perThread);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i], i + 1);
        auto listed = reg().versions(QStringLiteral("shared"));
        REG_VERIFY(listed);
        QCOMPARE(listed->size(), threads * perThread);
        QVERIFY(reg().checkIntegrity()->isEmpty());

        // Each finished thread removed its own connection; only this thread's remains.
        QCOMPARE(registryConnections().size(), 1);
    }

    void threadNotStartedByQt()
    {
        QString error;
        std::thread plain([&] {
            if (auto v = reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")); !v)
                error = v.error().message;
        });
        plain.join();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Only this thread's connection (made by open()) is left: the plain thread removed its own.
        QCOMPARE(registryConnections().size(), 1);
        QCOMPARE(reg().latestVersion(QStringLiteral("m"))->version, 1);
    }

    void destroyWhileThreadAlive()
    {
        // A thread that used the registry outlives it: the destructor removes that thread's connection,
        // and the thread's own clean-up at exit must not remove it again.
        QSemaphore used, release;
        QString error;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            if (auto v = reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), QStringLiteral("a")); !v)
                error = v.error().message;
            used.release();
            release.acquire();
        }));
        worker->start();
        // Let the thread finish even when a check below fails and returns early.
        auto finish = qScopeGuard([&] {
            if (release.available() == 0)
                release.release();
            worker->wait();
        });
        used.acquire();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        REG_VERIFY(reg().models());
        QCOMPARE(registryConnections().size(), 2);
        m_reg.reset();
        QCOMPARE(registryConnections(), QStringList());
        release.release();
        QVERIFY(worker->wait(QDeadlineTimer(30000)));
        QCOMPARE(registryConnections(), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_ModelRegistry)
#include "tst_modelregistry.moc"
