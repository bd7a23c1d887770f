// ModelRegistry: datasets, runs and run metrics, deployments, tokens, and the audit log.

#include "registry/modelregistry.h"
#include "registrytestpostgres.h"
#include "registrytestutil.h"

#include <QTest>
#include <memory>

using namespace ModelDesk;
using namespace ModelDesk::Registry;
using namespace RegistryTest;

class tst_RegistryRecords : public QObject
{
    Q_OBJECT

    RegistryLocations m_locations; // SQLite files, or one PostgreSQL database per test
    std::unique_ptr<ModelRegistry> m_reg;

    ModelRegistry &reg() { return *m_reg; }

    QList<AuditEntry> auditOf(const AuditQuery &q = {})
    {
        auto entries = reg().audit(q);
        if (!entries) {
            qWarning("audit failed: %s", qPrintable(entries.error().message));
            return {};
        }
        return *entries;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const char *reason = RegistryLocations::unavailableReason())
            QSKIP(reason);
    }

    void init()
    {
        const QString location = m_locations.fresh();
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

    // ---- datasets ----

    void datasets()
    {
        DatasetRecord d;
        d.name = QStringLiteral("fashion-mnist");
        d.kind = QStringLiteral("idx");
        d.sourcePath = QStringLiteral("/usr/share/datasets/fashion-mnist");
        d.digest = digestOf(QStringLiteral("fashion"));
        d.rows = 70000;
        d.features = 784;
        d.classes = 10;
        d.details = {{QStringLiteral("train"), 60000}, {QStringLiteral("test"), 10000}};
        auto stored = reg().registerDataset(d, QStringLiteral("alice"));
        REG_VERIFY(stored);
        QVERIFY(stored->created.isValid());
        QCOMPARE(stored->created.timeSpec(), Qt::UTC);

        auto back = reg().dataset(QStringLiteral("fashion-mnist"));
        REG_VERIFY(back);
        QCOMPARE(back->kind, d.kind);
        QCOMPARE(back->sourcePath, d.sourcePath);
        QCOMPARE(back->digest, d.digest);
        QCOMPARE(back->rows, d.rows);
        QCOMPARE(back->features, d.features);
        QCOMPARE(back->classes, d.classes);
        QCOMPARE(back->details, d.details);
        QCOMPARE(back->created, stored->created);

        REG_FAILS(reg().registerDataset(d, QStringLiteral("bob")), Error::Code::AlreadyExists);
        d.name = QStringLiteral("Fashion");
        REG_FAILS(reg().registerDataset(d, QStringLiteral("bob")), Error::Code::InvalidArgument);
        d.name = QStringLiteral("fortunes");
        d.digest = QStringLiteral("not-a-digest");
        REG_FAILS(reg().registerDataset(d, QStringLiteral("bob")), Error::Code::InvalidArgument);
        d.digest.clear();
        REG_VERIFY(reg().registerDataset(d, QStringLiteral("bob")));

        auto all = reg().datasets();
        REG_VERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("fashion-mnist"));
        QCOMPARE(all->at(1).name, QStringLiteral("fortunes"));
        auto missing = reg().dataset(QStringLiteral("nope"));
        REG_FAILS(missing, Error::Code::NotFound);
        QCOMPARE(missing.error().message, QStringLiteral("dataset 'nope' does not exist"));
    }

    // ---- runs ----

    void runs()
    {
        RunRecord r;
        r.id = QStringLiteral("20261128-131500-ab12");
        r.config = {{QStringLiteral("epochs"), 5}};
        r.dataset = QStringLiteral("fashion-mnist");
        auto created = reg().createRun(r, QStringLiteral("alice"));
        REG_VERIFY(created);
        QCOMPARE(created->state, QStringLiteral("queued"));
        QVERIFY(created->created.isValid());
        REG_FAILS(reg().createRun(r, QStringLiteral("alice")), Error::Code::AlreadyExists);

        r.state = QStringLiteral("finished");
        r.summary = {{QStringLiteral("test_accuracy"), 0.88}};
        r.model = QStringLiteral("fashion");
        r.version = 3;
        r.epochsDone = 5;
        REG_VERIFY(reg().updateRun(r));
        auto back = reg().run(r.id);
        REG_VERIFY(back);
        QCOMPARE(back->state, QStringLiteral("finished"));
        QCOMPARE(back->summary, r.summary);
        QCOMPARE(back->config, r.config);
        QCOMPARE(back->dataset, r.dataset);
        QCOMPARE(back->model, r.model);
        QCOMPARE(back->version, 3);
        QCOMPARE(back->epochsDone, 5);
        QCOMPARE(back->created, created->created);
        QVERIFY(back->updated >= back->created);

        r.state = QStringLiteral("exploded");
        REG_FAILS(reg().updateRun(r), Error::Code::InvalidArgument);
        RunRecord ghost;
        ghost.id = QStringLiteral("ghost");
        REG_FAILS(reg().updateRun(ghost), Error::Code::NotFound);
        REG_FAILS(reg().run(QStringLiteral("ghost")), Error::Code::NotFound);

        RunRecord second;
        second.id = QStringLiteral("20261128-140000-cd34");
        second.state = QStringLiteral("running");
        REG_VERIFY(reg().createRun(second, QStringLiteral("alice")));
        auto all = reg().runs();
        REG_VERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).id, second.id); // newest first
        QCOMPARE(all->at(1).id, r.id);
    }

    void runMetrics()
    {
        RunRecord r;
        r.id = QStringLiteral("run-1");
        REG_VERIFY(reg().createRun(r, QStringLiteral("alice")));
        QList<RunMetricRow> rows;
        for (int step : {30, 10, 20})
            rows.append({r.id, step, step / 10, QStringLiteral("train"), QStringLiteral("loss"), 1.0 / step, {}});
        REG_VERIFY(reg().appendRunMetrics(rows));
        auto back = reg().runMetrics(r.id);
        REG_VERIFY(back);
        QCOMPARE(back->size(), 3);
        QCOMPARE(back->at(0).step, qint64(10));
        QCOMPARE(back->at(1).step, qint64(20));
        QCOMPARE(back->at(2).step, qint64(30));
        QCOMPARE(back->at(0).value, 0.1);
        QCOMPARE(back->at(0).epoch, 1);
        QCOMPARE(back->at(0).split, QStringLiteral("train"));
        QCOMPARE(back->at(0).name, QStringLiteral("loss"));
        QVERIFY(back->at(0).time.isValid());

        // One batch, one transaction: a row for an unknown run rejects the whole batch.
        QList<RunMetricRow> mixed{{r.id, 40, 4, QStringLiteral("validation"), QStringLiteral("accuracy"), 0.9, {}},
                                  {QStringLiteral("ghost"), 1, 0, QStringLiteral("train"), QStringLiteral("loss"), 1, {}}};
        REG_FAILS(reg().appendRunMetrics(mixed), Error::Code::NotFound);
        QCOMPARE(reg().runMetrics(r.id)->size(), 3);
        REG_FAILS(reg().runMetrics(QStringLiteral("ghost")), Error::Code::NotFound);
        REG_VERIFY(reg().appendRunMetrics({}));
    }

    // A live view reads only the new rows; a resumed run's cut makes it read everything again.
    void runMetricsIncrementallyAndCutAfterAnEpoch()
    {
        RunRecord r;
        r.id = QStringLiteral("run-live");
        REG_VERIFY(reg().createRun(r, QStringLiteral("alice")));
        RunRecord other;
        other.id = QStringLiteral("run-other");
        REG_VERIFY(reg().createRun(other, QStringLiteral("alice")));
        auto metric = [](const QString &run, qint64 step, int epoch, const char *name) {
            return RunMetricRow{run, step, epoch, QStringLiteral("train"), QString::fromLatin1(name), double(step), {}};
        };
        auto names = [](const QList<RunMetricRow> &rows) {
            QStringList out;
            for (const RunMetricRow &m : rows)
                out << QStringLiteral("%1/%2/%3").arg(m.epoch).arg(m.step).arg(m.name);
            return out;
        };

        // Nothing read yet: the whole (empty) history, flagged as a reset.
        auto first = reg().runMetricsSince(r.id, {});
        REG_VERIFY(first);
        QVERIFY(first->reset);
        QVERIFY(first->rows.isEmpty());
        QVERIFY(first->cursor.isValid());
        ModelRegistry::RunMetricsCursor cursor = first->cursor;

        // Step rows of epoch 1 in one flush, then the epoch rows (same last step) and epoch 2's
        // first step rows in the next: each row arrives once, in step order.
        REG_VERIFY(reg().appendRunMetrics({metric(r.id, 1, 1, "loss"), metric(r.id, 2, 1, "loss"), metric(r.id, 3, 1, "loss")}));
        REG_VERIFY(reg().appendRunMetrics({metric(other.id, 1, 1, "loss")}));
        auto d1 = reg().runMetricsSince(r.id, cursor);
        REG_VERIFY(d1);
        QVERIFY(!d1->reset);
        QCOMPARE(names(d1->rows), (QStringList{QStringLiteral("1/1/loss"), QStringLiteral("1/2/loss"), QStringLiteral("1/3/loss")}));
        cursor = d1->cursor;
        auto none = reg().runMetricsSince(r.id, cursor);
        REG_VERIFY(none);
        QVERIFY(!none->reset);
        QVERIFY(none->rows.isEmpty());
        QCOMPARE(none->cursor.lastRowId, cursor.lastRowId);

        REG_VERIFY(reg().appendRunMetrics({metric(r.id, 5, 2, "loss"), metric(r.id, 3, 1, "epoch_loss"), metric(r.id, 4, 2, "loss")}));
        auto d2 = reg().runMetricsSince(r.id, cursor);
        REG_VERIFY(d2);
        QVERIFY(!d2->reset);
        QCOMPARE(names(d2->rows), (QStringList{QStringLiteral("1/3/epoch_loss"), QStringLiteral("2/4/loss"), QStringLiteral("2/5/loss")}));
        cursor = d2->cursor;
        QCOMPARE(names(*reg().runMetrics(r.id)), names(d1->rows + d2->rows)); // the same as one full read

        // Resuming from the epoch-1 checkpoint: epoch 2's rows go, the reader is told to start over.
        REG_VERIFY(reg().deleteRunMetricsAfterEpoch(r.id, 1));
        QCOMPARE(names(*reg().runMetrics(r.id)), (QStringList{QStringLiteral("1/1/loss"), QStringLiteral("1/2/loss"), QStringLiteral("1/3/loss"),
                                                              QStringLiteral("1/3/epoch_loss")}));
        QCOMPARE(reg().runMetrics(other.id)->size(), 1); // other runs keep theirs
        // Redone rows may even reuse the ids of the deleted ones (SQLite): the reset count tells.
        REG_VERIFY(reg().appendRunMetrics({metric(r.id, 4, 2, "loss")}));
        auto cut = reg().runMetricsSince(r.id, cursor);
        REG_VERIFY(cut);
        QVERIFY(cut->reset);
        QCOMPARE(names(cut->rows), (QStringList{QStringLiteral("1/1/loss"), QStringLiteral("1/2/loss"), QStringLiteral("1/3/loss"),
                                                QStringLiteral("1/3/epoch_loss"), QStringLiteral("2/4/loss")}));
        QCOMPARE(cut->cursor.resets, cursor.resets + 1);
        cursor = cut->cursor;
        REG_VERIFY(reg().appendRunMetrics({metric(r.id, 5, 2, "loss")}));
        auto after = reg().runMetricsSince(r.id, cursor);
        REG_VERIFY(after);
        QVERIFY(!after->reset);
        QCOMPARE(names(after->rows), QStringList{QStringLiteral("2/5/loss")});
        cursor = after->cursor;

        // Nothing after epoch 2: nothing deleted, readers carry on.
        REG_VERIFY(reg().deleteRunMetricsAfterEpoch(r.id, 2));
        auto same = reg().runMetricsSince(r.id, cursor);
        REG_VERIFY(same);
        QVERIFY(!same->reset);
        QVERIFY(same->rows.isEmpty());

        REG_FAILS(reg().runMetricsSince(QStringLiteral("ghost"), {}), Error::Code::NotFound);
        REG_FAILS(reg().deleteRunMetricsAfterEpoch(QStringLiteral("ghost"), 0), Error::Code::NotFound);
        REG_FAILS(reg().deleteRunMetricsAfterEpoch(r.id, -1), Error::Code::InvalidArgument);
    }

    // ---- deployments ----

    void deployments()
    {
        DeploymentRecord d{QStringLiteral("fashion"), {{QStringLiteral("model"), QStringLiteral("fashion@production")}}, {}};
        REG_VERIFY(reg().saveDeployment(d, QStringLiteral("alice")));
        d.spec.insert(QStringLiteral("workers"), 2);
        REG_VERIFY(reg().saveDeployment(d, QStringLiteral("alice"))); // replaces
        REG_VERIFY(reg().saveDeployment({QStringLiteral("canary"), {}, {}}, QStringLiteral("alice")));
        auto all = reg().deployments();
        REG_VERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("canary"));
        QCOMPARE(all->at(1).name, QStringLiteral("fashion"));
        QCOMPARE(all->at(1).spec, d.spec);
        QVERIFY(all->at(1).updated.isValid());

        REG_VERIFY(reg().removeDeployment(QStringLiteral("canary"), QStringLiteral("alice")));
        REG_FAILS(reg().removeDeployment(QStringLiteral("canary"), QStringLiteral("alice")), Error::Code::NotFound);
        REG_FAILS(reg().saveDeployment({QStringLiteral("Bad Name"), {}, {}}, QStringLiteral("alice")),
                  Error::Code::InvalidArgument);
        QCOMPARE(reg().deployments()->size(), 1);
    }

    // ---- tokens ----

    void tokens()
    {
        TokenRecord t;
        t.name = QStringLiteral("ci");
        t.hash = digestOf(QStringLiteral("secret-1"));
        t.role = QStringLiteral("operator");
        t.models = {QStringLiteral("fashion"), QStringLiteral("mnist")};
        t.expires = QDateTime::currentDateTimeUtc().addDays(30);
        auto created = reg().createToken(t, QStringLiteral("alice"));
        REG_VERIFY(created);
        QVERIFY(created->created.isValid());
        QVERIFY(!created->revoked.isValid());
        QVERIFY(!created->lastUsed.isValid());

        auto byHash = reg().tokenByHash(t.hash);
        REG_VERIFY(byHash);
        QCOMPARE(byHash->name, QStringLiteral("ci"));
        QCOMPARE(byHash->role, QStringLiteral("operator"));
        QCOMPARE(byHash->models, t.models);
        QCOMPARE(byHash->expires, created->expires);
        QVERIFY(qAbs(byHash->expires.msecsTo(t.expires)) < 1);
        REG_FAILS(reg().tokenByHash(digestOf(QStringLiteral("other"))), Error::Code::NotFound);

        REG_FAILS(reg().createToken(t, QStringLiteral("alice")), Error::Code::AlreadyExists);
        TokenRecord sameSecret = t;
        sameSecret.name = QStringLiteral("ci2");
        REG_FAILS(reg().createToken(sameSecret, QStringLiteral("alice")), Error::Code::AlreadyExists);
        TokenRecord badRole = t;
        badRole.name = QStringLiteral("root");
        badRole.hash = digestOf(QStringLiteral("secret-2"));
        badRole.role = QStringLiteral("superuser");
        REG_FAILS(reg().createToken(badRole, QStringLiteral("alice")), Error::Code::InvalidArgument);
        badRole.role = QStringLiteral("admin");
        badRole.models = {QStringLiteral("../x")};
        REG_FAILS(reg().createToken(badRole, QStringLiteral("alice")), Error::Code::InvalidArgument);
        badRole.models.clear();
        REG_VERIFY(reg().createToken(badRole, QStringLiteral("alice")));

        REG_VERIFY(reg().touchToken(QStringLiteral("ci")));
        QVERIFY(reg().tokenByHash(t.hash)->lastUsed.isValid());
        REG_FAILS(reg().touchToken(QStringLiteral("ghost")), Error::Code::NotFound);

        REG_VERIFY(reg().revokeToken(QStringLiteral("ci"), QStringLiteral("alice")));
        const QDateTime revoked = reg().tokenByHash(t.hash)->revoked;
        QVERIFY(revoked.isValid());
        REG_VERIFY(reg().revokeToken(QStringLiteral("ci"), QStringLiteral("bob"))); // idempotent
        QCOMPARE(reg().tokenByHash(t.hash)->revoked, revoked);
        REG_FAILS(reg().revokeToken(QStringLiteral("ghost"), QStringLiteral("alice")), Error::Code::NotFound);

        auto all = reg().tokens();
        REG_VERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("ci"));
        QCOMPARE(all->at(1).name, QStringLiteral("root"));

        // Hashes never reach the audit log.
        for (const AuditEntry &e : auditOf())
            QVERIFY2(!e.detail.contains(t.hash) && !e.detail.contains(badRole.hash), qPrintable(e.detail));
    }

    // ---- audit ----

    void everyChangeIsAudited()
    {
        const QString a = QStringLiteral("alice");
        REG_VERIFY(reg().createModel(QStringLiteral("m"), {}, {}, a));
        REG_VERIFY(reg().setModelDescription(QStringLiteral("m"), QStringLiteral("d"), a));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), a));
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("2")), a));
        REG_VERIFY(reg().setVersionDescription(QStringLiteral("m"), 1, QStringLiteral("d"), a));
        REG_VERIFY(reg().addVersionMetrics(QStringLiteral("m"), 1, {{QStringLiteral("acc"), 0.5}}, a));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 1, a));
        REG_VERIFY(reg().removeAlias(QStringLiteral("m"), QStringLiteral("production"), a));
        REG_VERIFY(reg().setTag(QStringLiteral("m"), 1, QStringLiteral("k"), QStringLiteral("v"), a));
        REG_VERIFY(reg().removeTag(QStringLiteral("m"), 1, QStringLiteral("k"), a));
        REG_VERIFY(reg().deleteVersion(QStringLiteral("m"), 2, a));
        DatasetRecord ds;
        ds.name = QStringLiteral("ds");
        REG_VERIFY(reg().registerDataset(ds, a));
        RunRecord run;
        run.id = QStringLiteral("r1");
        REG_VERIFY(reg().createRun(run, a));
        REG_VERIFY(reg().saveDeployment({QStringLiteral("dep"), {}, {}}, a));
        REG_VERIFY(reg().removeDeployment(QStringLiteral("dep"), a));
        TokenRecord t{QStringLiteral("tok"), digestOf(QStringLiteral("s")), QStringLiteral("viewer"), {}, {}, {}, {}, {}};
        REG_VERIFY(reg().createToken(t, a));
        REG_VERIFY(reg().revokeToken(QStringLiteral("tok"), a));
        REG_VERIFY(reg().deleteModel(QStringLiteral("m"), a));
        REG_VERIFY(reg().recordAudit(QStringLiteral("server"), QStringLiteral("deployment.load"), QStringLiteral("dep"),
                                     QStringLiteral("{\"ms\": 12}")));

        const QList<std::pair<QString, QString>> expected{
            {QStringLiteral("model.create"), QStringLiteral("m")},
            {QStringLiteral("model.describe"), QStringLiteral("m")},
            {QStringLiteral("version.create"), QStringLiteral("m:1")},
            {QStringLiteral("version.create"), QStringLiteral("m:2")},
            {QStringLiteral("version.describe"), QStringLiteral("m:1")},
            {QStringLiteral("version.metrics"), QStringLiteral("m:1")},
            {QStringLiteral("alias.set"), QStringLiteral("m@production")},
            {QStringLiteral("alias.remove"), QStringLiteral("m@production")},
            {QStringLiteral("tag.set"), QStringLiteral("m:1")},
            {QStringLiteral("tag.remove"), QStringLiteral("m:1")},
            {QStringLiteral("version.delete"), QStringLiteral("m:2")},
            {QStringLiteral("dataset.register"), QStringLiteral("dataset/ds")},
            {QStringLiteral("run.create"), QStringLiteral("run/r1")},
            {QStringLiteral("deployment.save"), QStringLiteral("deployment/dep")},
            {QStringLiteral("deployment.remove"), QStringLiteral("deployment/dep")},
            {QStringLiteral("token.create"), QStringLiteral("token/tok")},
            {QStringLiteral("token.revoke"), QStringLiteral("token/tok")},
            {QStringLiteral("model.delete"), QStringLiteral("m")},
            {QStringLiteral("deployment.load"), QStringLiteral("dep")},
        };
        const QList<AuditEntry> entries = auditOf();
        QCOMPARE(entries.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const AuditEntry &e = entries.at(expected.size() - 1 - i); // newest first
            QCOMPARE(e.action, expected[i].first);
            QCOMPARE(e.target, expected[i].second);
            QCOMPARE(e.actor, i + 1 == expected.size() ? QStringLiteral("server") : a);
            QCOMPARE(e.time.timeSpec(), Qt::UTC);
            QVERIFY(qAbs(e.time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
            if (i > 0)
                QVERIFY(entries.at(expected.size() - 1 - i).id > entries.at(expected.size() - i).id);
        }
        QCOMPARE(entries.first().detail, QStringLiteral("{\"ms\": 12}"));
    }

    void auditFilters()
    {
        const QString a = QStringLiteral("alice"), b = QStringLiteral("bob");
        REG_VERIFY(reg().addVersion(QStringLiteral("m"), newVersion(QStringLiteral("1")), a)); // model.create + version.create
        REG_VERIFY(reg().addVersion(QStringLiteral("m2"), newVersion(QStringLiteral("2")), b));
        REG_VERIFY(reg().setAlias(QStringLiteral("m"), QStringLiteral("production"), 1, b));
        REG_VERIFY(reg().saveDeployment({QStringLiteral("m"), {}, {}}, b));
        const QDateTime between = QDateTime::currentDateTimeUtc();
        REG_VERIFY(reg().setTag(QStringLiteral("m"), 1, QStringLiteral("k"), QStringLiteral("v"), a));

        auto targets = [](const QList<AuditEntry> &list) {
            QStringList out;
            for (const AuditEntry &e : list)
                out << e.action + QLatin1Char(' ') + e.target;
            return out;
        };
        AuditQuery byTarget;
        byTarget.target = QStringLiteral("m"); // m, m:1, m@production; not m2, not deployment/m
        QCOMPARE(targets(auditOf(byTarget)), QStringList({QStringLiteral("tag.set m:1"), QStringLiteral("alias.set m@production"),
                                                         QStringLiteral("version.create m:1"), QStringLiteral("model.create m")}));
        byTarget.target = QStringLiteral("m:");
        QCOMPARE(auditOf(byTarget).size(), 2);
        byTarget.target = QStringLiteral("deployment/");
        QCOMPARE(targets(auditOf(byTarget)), QStringList{QStringLiteral("deployment.save deployment/m")});

        AuditQuery byActor;
        byActor.actor = b;
        QCOMPARE(auditOf(byActor).size(), 4);
        AuditQuery byAction;
        byAction.action = QStringLiteral("version.create");
        QCOMPARE(auditOf(byAction).size(), 2);
        byAction.action = QStringLiteral("model.");
        QCOMPARE(auditOf(byAction).size(), 2);
        AuditQuery since;
        since.since = between;
        QVERIFY(auditOf(since).size() >= 1);
        QCOMPARE(auditOf(since).first().action, QStringLiteral("tag.set"));
        since.since = QDateTime::currentDateTimeUtc().addSecs(3600);
        QCOMPARE(auditOf(since).size(), 0);
        AuditQuery limited;
        limited.limit = 3;
        QCOMPARE(targets(auditOf(limited)).first(), QStringLiteral("tag.set m:1"));
        QCOMPARE(auditOf(limited).size(), 3);
        limited.limit = 0; // no limit
        QCOMPARE(auditOf(limited).size(), 7);
        AuditQuery combined;
        combined.target = QStringLiteral("m");
        combined.actor = b;
        QCOMPARE(targets(auditOf(combined)), QStringList{QStringLiteral("alias.set m@production")});
    }

    void recordAuditValidates()
    {
        REG_FAILS(reg().recordAudit(QStringLiteral("x"), QString(), QStringLiteral("t"), QString()), Error::Code::InvalidArgument);
        REG_FAILS(reg().recordAudit(QStringLiteral("x"), QStringLiteral("Bad Action"), QStringLiteral("t"), QString()),
                  Error::Code::InvalidArgument);
        REG_VERIFY(reg().recordAudit(QString(), QStringLiteral("server.start"), QString(), QString()));
        QCOMPARE(auditOf().first().actor, QStringLiteral("unknown"));
    }

    void auditIsAppendOnly()
    {
        REG_VERIFY(reg().createModel(QStringLiteral("m"), {}, {}, QStringLiteral("alice")));
        // Another program writing SQL directly is refused too.
        const QString updateError = RegistryLocations::rawExec(reg().path(), {QStringLiteral("UPDATE audit SET actor = 'mallory'")});
        const QString deleteError = RegistryLocations::rawExec(reg().path(), {QStringLiteral("DELETE FROM audit")});
        QVERIFY2(updateError.contains(QLatin1String("append-only")), qPrintable(updateError));
        QVERIFY2(deleteError.contains(QLatin1String("append-only")), qPrintable(deleteError));
        const QList<AuditEntry> entries = auditOf();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().actor, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(tst_RegistryRecords)
#include "tst_registryrecords.moc"
