// TrainingJob and SweepJob against a real workspace (SQLite registry + artifact store in a
// QTemporaryDir): what a run records (dataset, run, metric rows, version with metrics, params,
// lineage, signature), bad data registering nothing, queued signals from a pool thread, cancel from
// another process (the marker file) and resume, crash leftovers, late registration, fine-tuning,
// sweeps and job-level determinism.
#include "registry/modelcatalog.h"
#include "training/datasetregistration.h"
#include "training/rundirectory.h"
#include "training/sweepjob.h"
#include "training/trainingjob.h"
#include "trainingtestdata.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace ModelDesk;
using namespace ModelDesk::Training;

class tst_TrainingJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_csv;
    int m_workspaces = 0;

    std::unique_ptr<Registry::ModelCatalog> openCatalog()
    {
        auto ws = Workspace::open(m_tmp.filePath(QStringLiteral("ws%1").arg(++m_workspaces)));
        if (!ws)
            qFatal("%s", qPrintable(ws.error().message));
        auto catalog = Registry::ModelCatalog::open(*ws);
        if (!catalog)
            qFatal("%s", qPrintable(catalog.error().message));
        return std::move(*catalog);
    }

    TrainingConfig config(int epochs = 3) const
    {
        TrainingConfig c = TrainingConfig::defaultsFor(QStringLiteral("mlp"));
        c.data.path = m_csv;
        c.hidden = {16};
        c.batchSize = 16;
        c.epochs = epochs;
        c.learningRate = 0.01;
        c.logEverySteps = 4;
        return c;
    }

    static TrainingOutcome runJob(Registry::ModelCatalog &catalog, const TrainingRequest &request)
    {
        TrainingJob job(&catalog, request);
        job.run();
        return job.outcome();
    }

    static QJsonObject withoutTimings(QJsonObject m)
    {
        for (const char *key : {"train_seconds", "train_samples_per_second"})
            m.remove(QString::fromLatin1(key));
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_csv = m_tmp.filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(m_csv, TrainingTestData::blobsCsv(300)));
    }

    void trainsRegistersAndRecordsEverything()
    {
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config();
        request.config.registerAs = QStringLiteral("blobs");
        request.actor = QStringLiteral("tester");
        const TrainingOutcome o = runJob(*catalog, request);
        QVERIFY2(o.ok(), qPrintable(o.errorMessage));
        QCOMPARE(o.epochsDone, 3);
        QCOMPARE(o.model, QStringLiteral("blobs"));
        QCOMPARE(o.version, 1);
        QCOMPARE(o.dataset, QStringLiteral("blobs"));

        auto &registry = catalog->registry();
        auto dataset = registry.dataset(QStringLiteral("blobs"));
        QVERIFY(dataset);
        QCOMPARE(dataset->kind, QStringLiteral("csv"));
        QCOMPARE(dataset->rows, 300);
        QCOMPARE(dataset->features, 4);
        QCOMPARE(dataset->classes, 3);
        QCOMPARE(dataset->digest, o.datasetDigest);
        QCOMPARE(dataset->details.value(QStringLiteral("class_balance")).toObject().value(QStringLiteral("class1")).toInt(), 100);

        auto v = registry.version(QStringLiteral("blobs"), 1);
        QVERIFY(v);
        QVERIFY(v->metrics.value(QStringLiteral("test_accuracy")).toDouble() > 0.9);
        QCOMPARE(v->metrics.value(QStringLiteral("test_per_class")).toArray().size(), 3);
        QCOMPARE(v->metrics.value(QStringLiteral("test_confusion_matrix")).toArray().size(), 3);
        QVERIFY(v->metrics.contains(QStringLiteral("validation_accuracy")));
        QCOMPARE(v->params.value(QStringLiteral("arch")).toString(), QStringLiteral("mlp"));
        QCOMPARE(v->params.value(QStringLiteral("optimizer")).toString(), QStringLiteral("adam"));
        QCOMPARE(v->params.value(QStringLiteral("lr")).toDouble(), 0.01);
        QCOMPARE(v->params.value(QStringLiteral("classes")).toArray().size(), 3);
        QCOMPARE(v->params.value(QStringLiteral("preprocessing")).toObject().value(QStringLiteral("standardize_mean")).toArray().size(), 4);
        QCOMPARE(v->lineage.runId, o.runId);
        QCOMPARE(v->lineage.datasetDigest, dataset->digest);
        QCOMPARE(v->lineage.source, QStringLiteral("training"));
        QVERIFY(!v->lineage.parentVersion);
        QCOMPARE(v->signature.inputs.size(), 1);
        QCOMPARE(v->signature.inputs.first().dtype, QStringLiteral("FP32"));
        QCOMPARE(v->signature.inputs.first().shape, (QList<qint64>{-1, 4}));
        QCOMPARE(v->signature.outputs.first().shape, (QList<qint64>{-1, 3}));
        QCOMPARE(v->parameterCount, o.parameterCount);
        QCOMPARE(v->createdBy, QStringLiteral("tester"));

        auto run = registry.run(o.runId);
        QVERIFY(run);
        QCOMPARE(run->state, QStringLiteral("finished"));
        QCOMPARE(run->epochsDone, 3);
        QCOMPARE(run->model, QStringLiteral("blobs"));
        QCOMPARE(run->version, 1);
        QCOMPARE(run->dataset, QStringLiteral("blobs"));
        QCOMPARE(run->config.value(QStringLiteral("dataset_sha256")).toString(), dataset->digest);
        QVERIFY(run->summary.contains(QStringLiteral("test_accuracy")));
        auto rows = registry.runMetrics(o.runId);
        QVERIFY(rows);
        int validationRows = 0, testRows = 0, stepRows = 0;
        for (const RunMetricRow &r : *rows) {
            if (r.split == QLatin1String("validation") && r.name == QLatin1String("accuracy"))
                ++validationRows;
            if (r.split == QLatin1String("test"))
                ++testRows;
            if (r.split == QLatin1String("train") && r.name == QLatin1String("loss"))
                ++stepRows;
        }
        QCOMPARE(validationRows, 3);
        QCOMPARE(testRows, 2);
        QVERIFY(stepRows >= 3);

        auto dir = RunDirectory::open(catalog->workspace(), o.runId);
        QVERIFY(dir);
        QVERIFY(QFile::exists(dir->modelPath()));
        QVERIFY(QFile::exists(dir->exportInfoPath()));
        QVERIFY(QFile::exists(dir->filePath(QStringLiteral("checkpoint.json"))));
        QVERIFY(QFile::exists(dir->filePath(QStringLiteral("train.log"))));
        QVERIFY(!dir->activePid());
        QCOMPARE(effectiveRunState(*catalog, *run), QStringLiteral("finished"));
        auto bytes = catalog->readArtifact(*v);
        QVERIFY(bytes);
        QFile exported(dir->modelPath());
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(*bytes, exported.readAll());
    }

    void badDataRegistersNothing()
    {
        auto catalog = openCatalog();
        const QString bad = m_tmp.filePath(QStringLiteral("ragged.csv"));
        QVERIFY(TrainingTestData::writeFile(bad, "a,b,label\n1,2,x\n3,y\n"));
        TrainingRequest request;
        request.config = config();
        request.config.data.path = bad;
        request.config.registerAs = QStringLiteral("never");
        const TrainingOutcome o = runJob(*catalog, request);
        QCOMPARE(o.state, QStringLiteral("failed"));
        QCOMPARE(o.errorCode, Error::Code::InvalidArgument);
        QCOMPARE(o.errorMessage, bad + QStringLiteral(":3: ragged row: 2 columns, expected 3 (as in line 1)"));
        QVERIFY(catalog->registry().datasets()->isEmpty());
        QVERIFY(catalog->registry().runs()->isEmpty());
        QVERIFY(catalog->registry().models()->isEmpty());
        // An architecture that does not fit fails before anything trains, but after the run exists.
        request.config.data.path = m_csv;
        request.config.arch = QStringLiteral("cnn");
        const TrainingOutcome cnn = runJob(*catalog, request);
        QCOMPARE(cnn.state, QStringLiteral("failed"));
        QCOMPARE(cnn.errorMessage, QStringLiteral("the cnn architecture needs image data (IDX files); use --arch mlp"));
        QVERIFY(catalog->registry().models()->isEmpty());
    }

    void queuedSignalsFromAPoolThread()
    {
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config(2);
        auto job = std::make_unique<TrainingJob>(catalog.get(), request);
        QSignalSpy started(job.get(), &TrainingJob::started);
        QSignalSpy epochs(job.get(), &TrainingJob::epochMetrics);
        QSignalSpy steps(job.get(), &TrainingJob::stepMetrics);
        QSignalSpy finished(job.get(), &TrainingJob::finished);
        QSignalSpy failedSpy(job.get(), &TrainingJob::failed);
        QList<double> fractions;
        connect(job.get(), &TrainingJob::progress, this, [&fractions](const TrainingProgress &p) { fractions.append(p.fraction); });
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        pool.start(job.get());
        QVERIFY(finished.wait(60000));
        QCOMPARE(started.size(), 1);
        QVERIFY(started.first().at(1).toString().contains(QLatin1String("fc0  Linear 4 -> 16")));
        QCOMPARE(epochs.size(), 2);
        QCOMPARE(epochs.last().first().value<EpochMetrics>().epoch, 2);
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.first().first().value<StepMetrics>().runId, started.first().first().toString());
        QVERIFY(!fractions.isEmpty());
        QCOMPARE(fractions.last(), 1.0);
        const auto outcome = finished.first().first().value<TrainingOutcome>();
        QVERIFY(outcome.ok());
        QCOMPARE(failedSpy.size(), 0);
        pool.waitForDone();
    }

    void cancelFlagFromTheGuiThread()
    {
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config(500);
        auto job = std::make_unique<TrainingJob>(catalog.get(), request);
        QSignalSpy finished(job.get(), &TrainingJob::finished);
        QSignalSpy failed(job.get(), &TrainingJob::failed);
        connect(job.get(), &TrainingJob::epochMetrics, this, [&job](const EpochMetrics &) { job->cancel(); });
        QThreadPool pool;
        pool.start(job.get());
        QVERIFY(finished.wait(60000));
        pool.waitForDone();
        const auto outcome = finished.first().first().value<TrainingOutcome>();
        QCOMPARE(outcome.state, QStringLiteral("cancelled"));
        QCOMPARE(outcome.errorCode, Error::Code::Cancelled);
        QCOMPARE(failed.size(), 1);
        QVERIFY(outcome.epochsDone >= 1 && outcome.epochsDone < 500);
        QCOMPARE(catalog->registry().run(outcome.runId)->state, QStringLiteral("cancelled"));
    }

    void cancelFromAnotherProcessThenResume()
    {
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config(5);
        request.config.registerAs = QStringLiteral("resumed");
        request.config.dropout = 0.1;

        // What `runs cancel` does from another process: it finds the run alive and drops the marker.
        TrainingJob job(catalog.get(), request);
        QString runId;
        connect(&job, &TrainingJob::epochMetrics, this, [&](const EpochMetrics &m) {
            if (m.epoch == 2) {
                auto live = cancelRun(*catalog, m.runId);
                QVERIFY(live && *live);
                runId = m.runId;
            }
        }, Qt::DirectConnection);
        job.run();
        TrainingOutcome o = job.outcome();
        QCOMPARE(o.state, QStringLiteral("cancelled"));
        QCOMPARE(o.errorMessage, QStringLiteral("run %1 cancelled after 2 of 5 epochs; resume it to continue").arg(runId));
        auto run = catalog->registry().run(runId);
        QCOMPARE(run->state, QStringLiteral("cancelled"));
        QCOMPARE(run->epochsDone, 2);
        auto dir = RunDirectory::open(catalog->workspace(), runId);
        QVERIFY(!dir->cancelRequested()); // consumed
        QVERIFY(catalog->registry().models()->isEmpty());
        // A cancelled run cannot be cancelled again.
        QCOMPARE(cancelRun(*catalog, runId).error().code, Error::Code::Conflict);

        TrainingRequest resume;
        resume.resumeRunId = runId;
        const TrainingOutcome r = runJob(*catalog, resume);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        QCOMPARE(r.runId, runId);
        QCOMPARE(r.epochsDone, 5);
        QCOMPARE(r.model, QStringLiteral("resumed"));
        QCOMPARE(catalog->registry().run(runId)->state, QStringLiteral("finished"));
        // Metric history has each epoch once, even though epoch 3 started twice.
        int epochRows = 0;
        // Keep the Result alive: a range-for over *temporary dangles before C++26.
        const auto history = catalog->registry().runMetrics(runId);
        QVERIFY(history.has_value());
        for (const RunMetricRow &m : *history)
            epochRows += m.name == QLatin1String("epoch_loss") ? 1 : 0;
        QCOMPARE(epochRows, 5);
        // Same numbers as a run that was never interrupted.
        request.config.registerAs.clear();
        const TrainingOutcome whole = runJob(*catalog, request);
        QVERIFY(whole.ok());
        QCOMPARE(withoutTimings(r.metrics), withoutTimings(whole.metrics));
        // A finished run does not resume.
        const TrainingOutcome again = runJob(*catalog, resume);
        QCOMPARE(again.errorCode, Error::Code::Conflict);
    }

    // Live curves for other processes: a long epoch's step rows are in the registry before it ends.
    void stepRowsAreStoredDuringTheEpoch()
    {
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config(1);
        request.config.batchSize = 4;
        request.config.logEverySteps = 1;
        request.metricsFlushMs = 0; // every logged step: no waiting in a test
        TrainingJob job(catalog.get(), request);
        int steps = 0;
        bool epochEnded = false;
        qsizetype stepRowsSeen = -1, epochRowsSeen = -1;
        // On the training thread, between two batches of the one epoch: what another reader sees now.
        connect(&job, &TrainingJob::stepMetrics, this, [&](const StepMetrics &m) {
            if (++steps != 5)
                return;
            const auto rows = catalog->registry().runMetrics(m.runId);
            if (!rows)
                return;
            stepRowsSeen = epochRowsSeen = 0;
            for (const RunMetricRow &r : *rows) {
                stepRowsSeen += r.name == QLatin1String("loss") && r.split == QLatin1String("train") && r.epoch == 1 ? 1 : 0;
                epochRowsSeen += r.name.startsWith(QLatin1String("epoch_")) ? 1 : 0;
            }
        }, Qt::DirectConnection);
        connect(&job, &TrainingJob::epochMetrics, this, [&](const EpochMetrics &) { epochEnded = true; }, Qt::DirectConnection);
        QSignalSpy finished(&job, &TrainingJob::finished);
        QThreadPool pool;
        pool.start(&job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        pool.waitForDone();
        QVERIFY2(job.outcome().ok(), qPrintable(job.outcome().errorMessage));
        QVERIFY(steps > 5);          // the epoch went on after the look
        QVERIFY(epochEnded);
        QCOMPARE(stepRowsSeen, 5);   // steps 1-5, before the epoch's end
        QCOMPARE(epochRowsSeen, 0);
        // And each step once in the end.
        const auto history = catalog->registry().runMetrics(job.outcome().runId);
        QVERIFY(history.has_value());
        QList<qint64> stepsStored;
        for (const RunMetricRow &r : *history) {
            if (r.name == QLatin1String("loss") && r.split == QLatin1String("train"))
                stepsStored << r.step;
        }
        QCOMPARE(stepsStored.size(), steps);
        QCOMPARE(QSet<qint64>(stepsStored.cbegin(), stepsStored.cend()).size(), stepsStored.size());
    }

    // A run stopped in the middle of an epoch (cancelled, or its process killed) stored part of that
    // epoch's steps; resuming redoes the epoch and the history holds every (step, metric) once.
    void resumeAfterAMidEpochStopKeepsEachStepOnce_data()
    {
        QTest::addColumn<bool>("killed");
        QTest::newRow("cancelled") << false;
        QTest::newRow("killed") << true;
    }
    void resumeAfterAMidEpochStopKeepsEachStepOnce()
    {
        QFETCH(bool, killed);
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config(3);
        request.config.logEverySteps = 1;
        request.metricsFlushMs = 0;
        TrainingJob job(catalog.get(), request);
        int stepsOfEpoch2 = 0;
        connect(&job, &TrainingJob::stepMetrics, this, [&](const StepMetrics &m) {
            if (m.epoch == 2 && ++stepsOfEpoch2 == 3)
                job.cancel(); // seen between two batches: the epoch stops after its third step
        }, Qt::DirectConnection);
        job.run();
        const TrainingOutcome stopped = job.outcome();
        QCOMPARE(stopped.state, QStringLiteral("cancelled"));
        const QString runId = stopped.runId;
        auto keys = [&](const QString &id) {
            QStringList out;
            const auto rows = catalog->registry().runMetrics(id);
            if (rows) {
                for (const RunMetricRow &r : *rows)
                    out << QStringLiteral("%1/%2/%3/%4").arg(r.epoch).arg(r.step).arg(r.split, r.name);
            }
            return out;
        };
        const QStringList before = keys(runId);
        const auto partial = std::count_if(before.cbegin(), before.cend(),
                                           [](const QString &k) { return k.startsWith(QLatin1String("2/")) && k.endsWith(QLatin1String("/train/loss")); });
        QCOMPARE(partial, 3); // epoch 2's first steps were stored before it stopped
        QCOMPARE(catalog->registry().run(runId)->epochsDone, 1);
        if (killed) {
            // What a killed process leaves: "running" with no live process holding the run.
            RunRecord r = *catalog->registry().run(runId);
            r.state = QStringLiteral("running");
            QVERIFY(catalog->registry().updateRun(r));
            QCOMPARE(effectiveRunState(*catalog, *catalog->registry().run(runId)), QStringLiteral("interrupted"));
        }

        TrainingRequest resume;
        resume.resumeRunId = runId;
        resume.metricsFlushMs = 0;
        const TrainingOutcome r = runJob(*catalog, resume);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        QCOMPARE(r.epochsDone, 3);
        const QStringList after = keys(runId);
        QCOMPARE(QSet<QString>(after.cbegin(), after.cend()).size(), after.size()); // no duplicates
        // Exactly the rows of a run that was never stopped.
        request.metricsFlushMs = 1000;
        const TrainingOutcome whole = runJob(*catalog, request);
        QVERIFY(whole.ok());
        QCOMPARE(after, keys(whole.runId));
    }

    void interruptedRunsAreResumable()
    {
        auto catalog = openCatalog();
        RunRecord r;
        r.id = QStringLiteral("20260101-000000-dead");
        r.state = QStringLiteral("running");
        r.config = config().toJson();
        QVERIFY(catalog->registry().createRun(r, QStringLiteral("tester")));
        // No process holds its lock: a crash left it "running".
        QCOMPARE(effectiveRunState(*catalog, *catalog->registry().run(r.id)), QStringLiteral("interrupted"));
        TrainingRequest resume;
        resume.resumeRunId = r.id;
        const TrainingOutcome o = runJob(*catalog, resume);
        QVERIFY2(o.ok(), qPrintable(o.errorMessage));
        QCOMPARE(o.epochsDone, 3);
        r.id = QStringLiteral("20260101-000000-beef");
        QVERIFY(catalog->registry().createRun(r, QStringLiteral("tester")));
        auto live = cancelRun(*catalog, r.id);
        QVERIFY(live);
        QVERIFY(!*live);
        QCOMPARE(catalog->registry().run(r.id)->state, QStringLiteral("cancelled"));
    }

    void registerLaterAndFineTune()
    {
        auto catalog = openCatalog();
        TrainingRequest request;
        request.config = config(2);
        const TrainingOutcome o = runJob(*catalog, request);
        QVERIFY(o.ok());
        QVERIFY(o.model.isEmpty());
        auto v = registerRunModel(*catalog, o.runId, QStringLiteral("later"), QStringLiteral("kept for later"), QStringLiteral("tester"));
        QVERIFY2(v, v ? "" : qPrintable(v.error().message));
        QCOMPARE(v->lineage.runId, o.runId);
        QCOMPARE(v->description, QStringLiteral("kept for later"));
        QCOMPARE(catalog->registry().run(o.runId)->model, QStringLiteral("later"));

        request.config.from = QStringLiteral("later:1");
        request.config.registerAs = QStringLiteral("later");
        const TrainingOutcome tuned = runJob(*catalog, request);
        QVERIFY2(tuned.ok(), qPrintable(tuned.errorMessage));
        auto child = catalog->registry().version(QStringLiteral("later"), 2);
        QVERIFY(child);
        QCOMPARE(child->lineage.parentVersion.value_or(0), 1);
        QCOMPARE(child->params.value(QStringLiteral("parent")).toString(), QStringLiteral("later:1"));
        request.config.arch = QStringLiteral("textcnn");
        const TrainingOutcome wrong = runJob(*catalog, request);
        QCOMPARE(wrong.state, QStringLiteral("failed"));
        QCOMPARE(wrong.errorMessage, QStringLiteral("later:1 is a mlp model; this run trains textcnn"));
    }

    void datasetNames()
    {
        auto catalog = openCatalog();
        auto &registry = catalog->registry();
        DataOptions o;
        o.path = m_csv;
        auto first = loadAndRegisterDataset(registry, o, QStringLiteral("tester"));
        QVERIFY(first && first->created);
        auto again = loadAndRegisterDataset(registry, o, QStringLiteral("tester"));
        QVERIFY(again && !again->created);
        // Other bytes under the same file name get a digest suffix; under an explicit name, a clear error.
        QTemporaryDir other;
        const QString sameName = other.filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(sameName, TrainingTestData::blobsCsv(90, 4, 3, true, 99)));
        o.path = sameName;
        auto renamed = loadAndRegisterDataset(registry, o, QStringLiteral("tester"));
        QVERIFY(renamed);
        QCOMPARE(renamed->record.name, QStringLiteral("blobs-") + renamed->data.digest.left(8));
        o.dataset = QStringLiteral("blobs");
        auto clash = loadAndRegisterDataset(registry, o, QStringLiteral("tester"));
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, Error::Code::AlreadyExists);
        // A registered dataset by name, read with its stored options; changed bytes are detected.
        DataOptions byName;
        byName.dataset = renamed->record.name;
        auto reread = loadAndRegisterDataset(registry, byName, QStringLiteral("tester"));
        QVERIFY(reread);
        QCOMPARE(reread->data.rows(), 90);
        QVERIFY(TrainingTestData::writeFile(sameName, TrainingTestData::blobsCsv(91, 4, 3, true, 99)));
        auto changed = loadAndRegisterDataset(registry, byName, QStringLiteral("tester"));
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, Error::Code::Corrupt);
    }

    void sweepPicksTheBestTrial()
    {
        auto catalog = openCatalog();
        TrainingConfig base = config(2);
        base.registerAs = QStringLiteral("swept");
        SweepSpec spec;
        auto lr = parseSweepParameter(QStringLiteral("lr=0.00001,0.01"));
        QVERIFY(lr);
        spec.parameters = {*lr};
        SweepJob job(catalog.get(), base, spec, QStringLiteral("tester"));
        QSignalSpy trials(&job, &SweepJob::trialFinished);
        auto result = job.exec();
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(trials.size(), 2);
        QCOMPARE(result->trials.size(), 2);
        QCOMPARE(result->best, 1); // lr 1e-5 barely moves in 2 epochs
        QCOMPARE(result->model, QStringLiteral("swept"));
        auto v = catalog->registry().version(QStringLiteral("swept"), 1);
        QVERIFY(v);
        QCOMPARE(v->lineage.runId, result->trials[1].outcome.runId);
        for (const SweepTrial &t : result->trials)
            QCOMPARE(catalog->registry().run(t.outcome.runId)->config.value(QStringLiteral("sweep")).toString(), result->sweepId);
        // Bad specs fail before anything runs.
        QCOMPARE(parseSweepParameter(QStringLiteral("layers=3")).error().code, Error::Code::InvalidArgument);
        spec.parameters = {*parseSweepParameter(QStringLiteral("lr=log:0.0001:0.1"))};
        QVERIFY(!planSweep(base, spec)); // a range needs random search
        spec.search = QStringLiteral("random");
        spec.trials = 4;
        auto plans = planSweep(base, spec);
        QVERIFY(plans);
        QCOMPARE(plans->size(), 4);
        for (const SweepTrialPlan &p : *plans)
            QVERIFY(p.config.learningRate >= 0.0001 && p.config.learningRate <= 0.1);
        QCOMPARE(planSweep(base, spec)->first().assignment, plans->first().assignment); // seeded
    }
};

QTEST_GUILESS_MAIN(tst_TrainingJob)
#include "tst_trainingjob.moc"
