#include "trainingjob.h"

#include "artifacts/artifactstore.h"
#include "artifacts/masterkey.h"
#include "core/faultinjection.h"
#include "core/logging.h"
#include "datasetregistration.h"
#include "datasplit.h"
#include "registry/modelcatalog.h"
#include "rundirectory.h"
#include "artifacts/runfiles.h"
#include "versionmetadata.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <ctime>

namespace ModelDesk::Training {

namespace {

constexpr qint64 CancelPollMs = 200;

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

RunMetricRow row(const QString &runId, qint64 step, int epoch, const QString &split, const QString &name, double value)
{
    return {runId, step, epoch, split, name, value, QDateTime::currentDateTimeUtc()};
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(path, f.errorString())));
    return {};
}

bool isEndState(const QString &state)
{
    return state == QLatin1String("finished") || state == QLatin1String("failed") || state == QLatin1String("cancelled");
}

} // namespace

QJsonObject TrainingOutcome::toJson() const
{
    QJsonObject o{{QStringLiteral("run_id"), runId},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("epochs_done"), epochsDone},
                  {QStringLiteral("stopped_early"), stoppedEarly},
                  {QStringLiteral("best_epoch"), bestEpoch},
                  {QStringLiteral("dataset"), dataset},
                  {QStringLiteral("dataset_sha256"), datasetDigest},
                  {QStringLiteral("metrics"), metrics},
                  {QStringLiteral("model_path"), modelPath},
                  {QStringLiteral("train_seconds"), trainSeconds},
                  {QStringLiteral("samples_per_second"), samplesPerSecond},
                  {QStringLiteral("parameters"), parameterCount}};
    if (!model.isEmpty()) {
        o.insert(QStringLiteral("model"), model);
        o.insert(QStringLiteral("version"), version);
    }
    if (!errorMessage.isEmpty()) {
        o.insert(QStringLiteral("error"), errorMessage);
        o.insert(QStringLiteral("error_code"), Error::codeName(errorCode));
    }
    return o;
}

struct TrainingJob::Context
{
    Workspace workspace;
    std::optional<RunDirectory> dir;
    std::unique_ptr<QLockFile> lock;
    RunRecord run;
    bool runCreated = false;
    QList<RunMetricRow> pendingRows; // not stored yet
    QElapsedTimer sinceStepFlush;
    QElapsedTimer sinceCancelPoll;
};

TrainingJob::TrainingJob(Registry::ModelCatalog *catalog, TrainingRequest request, QObject *parent)
    : QObject(parent), m_catalog(catalog), m_request(std::move(request))
{
    setAutoDelete(false);
    qRegisterMetaType<ModelDesk::Training::TrainingProgress>();
    qRegisterMetaType<ModelDesk::Training::StepMetrics>();
    qRegisterMetaType<ModelDesk::Training::EpochMetrics>();
    qRegisterMetaType<ModelDesk::Training::TrainingOutcome>();
}

TrainingJob::~TrainingJob() = default;

TrainingOutcome TrainingJob::outcome() const { return m_outcome; }

Result<TrainingOutcome> TrainingJob::exec()
{
    run();
    if (!m_outcome.ok())
        return fail(m_outcome.error());
    return m_outcome;
}

void TrainingJob::run()
{
    Context c;
    Result<TrainingOutcome> result = fail(Error::internal(QStringLiteral("training did not run")));
    try {
        result = runInner(c);
    } catch (const std::exception &e) {
        result = fail(Error::internal(QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()))));
    } catch (...) {
        result = fail(Error::internal(QStringLiteral("training failed with an unknown exception")));
    }
    TrainingOutcome o = result ? *result : TrainingOutcome{};
    if (!result) {
        o.runId = c.run.id;
        o.errorCode = result.error().code;
        o.errorMessage = result.error().message;
        o.state = o.errorCode == Error::Code::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        o.epochsDone = c.run.epochsDone;
        o.dataset = c.run.dataset;
        // The registry keeps the end state; a run that never got created has nothing to update.
        if (c.runCreated && m_catalog) {
            c.run.state = o.state;
            c.run.summary.insert(QStringLiteral("error"), o.errorMessage);
            c.run.summary.insert(QStringLiteral("error_code"), Error::codeName(o.errorCode));
            if (auto ok = m_catalog->registry().updateRun(c.run); !ok)
                qCWarning(lcTraining).noquote() << "cannot record the end of run" << c.run.id << ":" << ok.error().message;
        }
        if (c.dir)
            c.dir->log(QStringLiteral("%1: %2").arg(o.state, o.errorMessage));
    }
    if (c.dir)
        c.dir->clearCancelRequest();
    c.lock.reset();
    m_outcome = o;
    if (!o.ok())
        Q_EMIT failed(o);
    Q_EMIT finished(o);
}

Result<TrainingOutcome> TrainingJob::runInner(Context &c)
{
    if (!m_catalog)
        return fail(Error::internal(QStringLiteral("training job without a catalog")));
    Registry::ModelRegistry &registry = m_catalog->registry();
    c.workspace = m_catalog->workspace();
    const QString actor = m_request.actor.isEmpty() ? currentOsUser() : m_request.actor;
    const bool resuming = !m_request.resumeRunId.isEmpty();

    // Phase timings for --verbose: where a run's wall time goes besides the epochs.
    QElapsedTimer phaseTimer;
    phaseTimer.start();
    double phaseCpu = processCpuSeconds();
    auto timed = [&phaseTimer, &phaseCpu](const char *what) {
        const double cpu = processCpuSeconds();
        qCInfo(lcTraining).noquote() << what << "took" << phaseTimer.restart() << "ms, CPU"
                                     << qint64((cpu - phaseCpu) * 1000) << "ms";
        phaseCpu = cpu;
    };

    // 1. The config: the request's, or the stored one of the run to resume.
    TrainingConfig config = m_request.config;
    QString expectedDigest;
    if (resuming) {
        auto stored = registry.run(m_request.resumeRunId);
        if (!stored)
            return fail(stored.error());
        // The folder may be gone (a crash before the first checkpoint): resume starts it again.
        auto dir = RunDirectory::open(c.workspace, stored->id, true);
        if (!dir)
            return fail(dir.error());
        const QString state = effectiveRunState(*m_catalog, *stored);
        if (state == QLatin1String("finished"))
            return fail(Error::conflict(QStringLiteral("run %1 already finished; nothing to resume").arg(stored->id)));
        if (state == QLatin1String("running"))
            return fail(Error::conflict(QStringLiteral("run %1 is running in another process").arg(stored->id)));
        auto parsed = TrainingConfig::fromJson(stored->config);
        if (!parsed)
            return fail(parsed.error());
        config = *parsed;
        if (m_request.resumeEpochs > 0) {
            if (m_request.resumeEpochs < stored->epochsDone)
                return fail(Error::invalid(QStringLiteral("run %1 already has %2 epochs; the new total must be at least that")
                                               .arg(stored->id)
                                               .arg(stored->epochsDone)));
            config.epochs = m_request.resumeEpochs;
        }
        expectedDigest = stored->config.value(QStringLiteral("dataset_sha256")).toString();
        c.run = *stored;
        c.dir = *dir;
    }
    if (auto ok = config.validate(); !ok)
        return fail(ok.error());

    // 2. Data (nothing is registered when it is bad).
    Q_EMIT phase(QStringLiteral("reading data"));
    auto registered = loadAndRegisterDataset(registry, config.data, actor);
    if (!registered)
        return fail(registered.error());
    const Dataset &dataset = registered->data;
    if (resuming && !expectedDigest.isEmpty() && dataset.digest != expectedDigest)
        return fail(Error::conflict(QStringLiteral("the data of run %1 changed since it started (SHA-256 %2, was %3)")
                                        .arg(c.run.id, dataset.digest.left(12), expectedDigest.left(12))));
    config.data.dataset = registered->record.name;

    auto split = splitDataset(dataset, config.data.validationFraction, config.data.testFraction, config.seed);
    if (!split)
        return fail(split.error());

    timed("reading, checking and registering the data");

    // 3. Fine-tuning: the parent's preprocessing and weights.
    std::optional<VersionInfo> parent;
    QByteArray parentBytes;
    if (!config.from.isEmpty()) {
        auto v = m_catalog->resolve(config.from);
        if (!v)
            return fail(v.error());
        if (!v->params.contains(QStringLiteral("preprocessing")))
            return fail(Error::invalid(QStringLiteral("%1:%2 was not trained by ModelDesk (no preprocessing in its params); "
                                                      "it cannot be fine-tuned").arg(v->model).arg(v->version)));
        if (v->params.value(QStringLiteral("arch")).toString() != config.arch)
            return fail(Error::invalid(QStringLiteral("%1:%2 is a %3 model; this run trains %4")
                                           .arg(v->model)
                                           .arg(v->version)
                                           .arg(v->params.value(QStringLiteral("arch")).toString(), config.arch)));
        const int parentClasses = int(v->params.value(QStringLiteral("classes")).toArray().size());
        if (parentClasses != dataset.classNames.size())
            return fail(Error::invalid(QStringLiteral("%1:%2 has %3 classes; this data has %4")
                                           .arg(v->model)
                                           .arg(v->version)
                                           .arg(parentClasses)
                                           .arg(dataset.classNames.size())));
        auto bytes = m_catalog->readArtifact(*v);
        if (!bytes)
            return fail(bytes.error());
        parent = *v;
        parentBytes = *bytes;
    }
    Preprocessing preprocessing;
    if (parent) {
        auto p = Preprocessing::fromJson(parent->params.value(QStringLiteral("preprocessing")).toObject());
        if (!p)
            return fail(p.error());
        preprocessing = *p;
    } else {
        preprocessing = fitPreprocessing(dataset, split->train, config.data);
    }

    timed("split and preprocessing");

    // 4. The run: registry row, folder, lock.
    QJsonObject configJson = config.toJson();
    configJson.insert(QStringLiteral("dataset_sha256"), dataset.digest);
    if (!m_request.sweepId.isEmpty())
        configJson.insert(QStringLiteral("sweep"), m_request.sweepId);
    if (resuming) {
        auto lock = c.dir->lock();
        if (!lock)
            return fail(lock.error());
        c.lock = std::move(*lock);
        if (m_request.resumeEpochs > 0)
            c.run.config.insert(QStringLiteral("epochs"), config.epochs);
        c.run.state = QStringLiteral("running");
        c.run.summary = {};
        if (auto ok = registry.updateRun(c.run); !ok)
            return fail(ok.error());
        c.runCreated = true;
    } else {
        const QString id = m_request.runId.isEmpty() ? RunDirectory::newRunId() : m_request.runId;
        auto dir = RunDirectory::open(c.workspace, id, true);
        if (!dir)
            return fail(dir.error());
        c.dir = *dir;
        auto lock = c.dir->lock();
        if (!lock)
            return fail(lock.error());
        c.lock = std::move(*lock);
        RunRecord r;
        r.id = id;
        r.state = QStringLiteral("running");
        r.config = configJson;
        r.dataset = registered->record.name;
        auto created = registry.createRun(r, actor);
        if (!created)
            return fail(created.error());
        c.run = *created;
        c.runCreated = true;
    }
    const QString runId = c.run.id;
    const RunDirectory &dir = *c.dir;
    dir.clearCancelRequest();

    timed("creating the run");

    // 5. The network.
    auto trainer = Trainer::create(config, dataset, *split, preprocessing);
    if (!trainer)
        return fail(trainer.error());
    Trainer &t = **trainer;
    // Checkpoints follow the workspace's encryption setting (read before every write).
    t.setRunFiles(Artifacts::RunFiles(m_catalog->store().keyring()));
    if (resuming && Trainer::hasCheckpoint(dir.path())) {
        if (auto ok = t.loadCheckpoint(dir.path()); !ok)
            return fail(ok.error());
    } else if (parent) {
        const Status initialized = t.initializeFrom(parentBytes);
        Artifacts::secureWipe(parentBytes); // decrypted in memory when the parent is encrypted at rest
        if (!initialized)
            return fail(initialized.error());
    }
    // Another process following this run (the console's Training page) turns the latest stored step
    // into progress within an epoch with this; the finished run's summary replaces it.
    c.run.summary.insert(QStringLiteral("steps_per_epoch"), t.stepsPerEpoch());
    if (auto ok = registry.updateRun(c.run); !ok)
        return fail(ok.error());
    if (resuming) {
        // The epoch after the checkpoint is redone from its first batch: the step rows it stored
        // before the cancel or crash go, so the history holds every step once.
        if (auto ok = registry.deleteRunMetricsAfterEpoch(runId, t.epochsDone()); !ok)
            return fail(Error{ok.error().code, QStringLiteral("cannot remove the metrics of run %1's interrupted epoch: %2")
                                                   .arg(runId, ok.error().message)});
    }
    const QString summary = t.architectureSummary();
    dir.log(QStringLiteral("%1 run %2: %3 on %4 (%5 train / %6 validation / %7 test rows), epochs %8/%9")
                .arg(resuming ? QStringLiteral("resuming") : QStringLiteral("starting"), runId, config.arch,
                     registered->record.name)
                .arg(split->train.size())
                .arg(split->validation.size())
                .arg(split->test.size())
                .arg(t.epochsDone())
                .arg(config.epochs));
    Q_EMIT started(runId, summary);

    timed("building the network and tensors");

    // 6. Train.
    TrainerHooks hooks;
    bool pollNow = true;
    QString recordError;
    // Step rows reach the registry during the epoch, so other processes (the console following a
    // CLI run) draw the curves as they grow; batched by time, since every write transaction is an
    // fsync. Rows that fail to store stay pending for the next flush (one transaction: all or none).
    auto flushRows = [&](const QList<RunMetricRow> &more) {
        c.pendingRows.append(more);
        c.sinceStepFlush.restart();
        if (c.pendingRows.isEmpty())
            return;
        if (auto ok = registry.appendRunMetrics(c.pendingRows); !ok) {
            if (recordError.isEmpty())
                recordError = ok.error().message;
            return;
        }
        c.pendingRows.clear();
    };
    c.sinceStepFlush.start();
    hooks.step = [&](const StepMetrics &m) {
        StepMetrics s = m;
        s.runId = runId;
        c.pendingRows.append(row(runId, s.step, s.epoch, QStringLiteral("train"), QStringLiteral("loss"), s.loss));
        c.pendingRows.append(row(runId, s.step, s.epoch, QStringLiteral("train"), QStringLiteral("accuracy"), s.accuracy));
        c.pendingRows.append(row(runId, s.step, s.epoch, QStringLiteral("train"), QStringLiteral("lr"), s.learningRate));
        if (c.sinceStepFlush.elapsed() >= m_request.metricsFlushMs)
            flushRows({});
        Q_EMIT stepMetrics(s);
    };
    hooks.epoch = [&](const EpochMetrics &m) {
        EpochMetrics e = m;
        e.runId = runId;
        // The epoch's last step rows and its epoch rows in one transaction. A cancelled or killed
        // epoch is redone on resume, which first deletes what it stored (deleteRunMetricsAfterEpoch).
        QList<RunMetricRow> rows;
        rows.append(row(runId, e.step, e.epoch, QStringLiteral("train"), QStringLiteral("epoch_loss"), e.trainLoss));
        rows.append(row(runId, e.step, e.epoch, QStringLiteral("train"), QStringLiteral("epoch_accuracy"), e.trainAccuracy));
        if (e.hasValidation) {
            rows.append(row(runId, e.step, e.epoch, QStringLiteral("validation"), QStringLiteral("loss"), e.validationLoss));
            rows.append(row(runId, e.step, e.epoch, QStringLiteral("validation"), QStringLiteral("accuracy"), e.validationAccuracy));
        }
        flushRows(rows);
        c.run.epochsDone = e.epoch;
        if (auto ok = registry.updateRun(c.run); !ok && recordError.isEmpty())
            recordError = ok.error().message;
        dir.log(QStringLiteral("epoch %1/%2: train loss %3 accuracy %4%5, %6 s, %7 samples/s")
                    .arg(e.epoch)
                    .arg(config.epochs)
                    .arg(e.trainLoss, 0, 'f', 4)
                    .arg(e.trainAccuracy, 0, 'f', 4)
                    .arg(e.hasValidation ? QStringLiteral(", validation loss %1 accuracy %2")
                                               .arg(e.validationLoss, 0, 'f', 4)
                                               .arg(e.validationAccuracy, 0, 'f', 4)
                                         : QString())
                    .arg(e.seconds, 0, 'f', 1)
                    .arg(e.samplesPerSecond, 0, 'f', 0));
        Q_EMIT epochMetrics(e);
        pollNow = true; // look for a cancel marker before the next epoch's first batch
    };
    hooks.progress = [&](const TrainingProgress &p) {
        TrainingProgress q = p;
        q.runId = runId;
        Q_EMIT progress(q);
    };
    c.sinceCancelPoll.start();
    hooks.shouldStop = [&]() {
        if (m_cancel.load())
            return true;
        // Another process asks through the marker file; a stat per 200 ms costs nothing.
        if (pollNow || c.sinceCancelPoll.elapsed() >= CancelPollMs) {
            pollNow = false;
            c.sinceCancelPoll.restart();
            if (dir.cancelRequested()) {
                m_cancel.store(true);
                return true;
            }
        }
        return false;
    };
    auto trained = t.train(hooks, dir.path());
    // A cancelled or failed epoch's last steps too: the history matches what the live view showed
    // (a resume removes them before it redoes the epoch).
    flushRows({});
    if (!trained)
        return fail(trained.error());
    if (!recordError.isEmpty())
        qCWarning(lcTraining).noquote() << "run" << runId << ": cannot record metrics:" << recordError;
    if (trained->cancelled)
        return fail(Error::cancelled(QStringLiteral("run %1 cancelled after %2 of %3 epochs; resume it to continue")
                                         .arg(runId)
                                         .arg(trained->epochsDone)
                                         .arg(config.epochs)));

    timed("training");

    // 7. Evaluate on the test split (the validation split when there is no test split).
    Q_EMIT phase(QStringLiteral("evaluating"));
    const Split evalSplit = !split->test.empty() ? Split::Test : !split->validation.empty() ? Split::Validation : Split::Train;
    auto report = t.evaluate(evalSplit);
    if (!report)
        return fail(report.error());
    QList<RunMetricRow> finalRows{
        row(runId, trained->globalStep, trained->epochsDone, QStringLiteral("test"), QStringLiteral("loss"), report->loss),
        row(runId, trained->globalStep, trained->epochsDone, QStringLiteral("test"), QStringLiteral("accuracy"), report->accuracy)};
    if (evalSplit != Split::Test) {
        for (RunMetricRow &r : finalRows)
            r.split = evalSplit == Split::Validation ? QStringLiteral("validation") : QStringLiteral("train");
    }
    std::optional<ClassificationReport> validationReport;
    if (!split->validation.empty() && evalSplit == Split::Test) {
        auto v = t.evaluate(Split::Validation);
        if (!v)
            return fail(v.error());
        validationReport = *v;
    }
    if (auto ok = registry.appendRunMetrics(finalRows); !ok)
        qCWarning(lcTraining).noquote() << "run" << runId << ": cannot record test metrics:" << ok.error().message;

    timed("evaluation");

    // 8. Export TorchScript (verified against the trained network) and keep it with the run.
    Q_EMIT phase(QStringLiteral("exporting TorchScript"));
    TrainingOutcome o;
    o.runId = runId;
    o.epochsDone = trained->epochsDone;
    o.stoppedEarly = trained->stoppedEarly;
    o.bestEpoch = trained->bestEpoch;
    o.dataset = registered->record.name;
    o.datasetDigest = dataset.digest;
    o.trainSeconds = trained->seconds;
    o.samplesPerSecond = trained->samplesPerSecond;
    o.parameterCount = t.parameterCount();
    VersionMetadataInput in;
    in.runId = runId;
    in.config = config;
    in.dataset = registered->record;
    in.classNames = dataset.classNames;
    in.preprocessing = preprocessing;
    in.split = {qint64(split->train.size()), qint64(split->validation.size()), qint64(split->test.size())};
    in.evaluatedSplit = evalSplit == Split::Test ? QStringLiteral("test") : evalSplit == Split::Validation ? QStringLiteral("validation") : QStringLiteral("train");
    in.report = *report;
    in.validationReport = validationReport;
    in.train = *trained;
    if (parent) {
        in.parentModel = parent->model;
        in.parentVersion = parent->version;
    }
    const QJsonObject moduleMetadata{{QStringLiteral("run_id"), runId},
                                     {QStringLiteral("arch"), config.arch},
                                     {QStringLiteral("dataset_sha256"), dataset.digest},
                                     {QStringLiteral("classes"), QJsonArray::fromStringList(dataset.classNames)},
                                     {QStringLiteral("preprocessing"), preprocessing.toJson()}};
    auto exported = t.exportTorchScript(moduleMetadata);
    if (!exported)
        return fail(exported.error());
    NewVersion meta = makeNewVersion(in, *exported);
    o.metrics = meta.metrics;
    // model.pt first (encrypted when the workspace says so), then export.json naming its digest:
    // registering the run later checks the file against it.
    const QString modelDigest = Artifacts::ArtifactStore::sha256(exported->bytes);
    if (auto ok = Artifacts::RunFiles(m_catalog->store().keyring()).write(dir.modelPath(), exported->bytes, modelDigest); !ok)
        return fail(ok.error());
    QJsonObject exportInfo = newVersionToJson(meta);
    exportInfo.insert(QStringLiteral("sha256"), modelDigest);
    if (auto ok = writeFile(dir.exportInfoPath(), QJsonDocument(exportInfo).toJson()); !ok)
        return fail(ok.error());
    o.modelPath = dir.modelPath();
    faultPoint("train:exported"); // model.pt and export.json written, not registered yet

    timed("export");

    // 9. Register.
    if (!config.registerAs.isEmpty()) {
        Q_EMIT phase(QStringLiteral("registering %1").arg(config.registerAs));
        auto version = m_catalog->addVersionFromBytes(config.registerAs, exported->bytes, meta, actor);
        if (!version)
            return fail(Error{version.error().code, QStringLiteral("training finished but registering failed: %1 "
                                                                   "(the model is kept in %2)")
                                                        .arg(version.error().message, dir.modelPath())});
        o.model = version->model;
        o.version = version->version;
        c.run.model = o.model;
        c.run.version = o.version;
    }
    Artifacts::secureWipe(exported->bytes); // stored (encrypted when on) in the run folder and the registry
    c.run.state = QStringLiteral("finished");
    c.run.epochsDone = o.epochsDone;
    c.run.summary = runSummary(meta.metrics);
    if (auto ok = registry.updateRun(c.run); !ok)
        return fail(ok.error());
    timed("registration");
    o.state = QStringLiteral("finished");
    dir.log(QStringLiteral("finished: %1 accuracy %2%3")
                .arg(in.evaluatedSplit)
                .arg(report->accuracy, 0, 'f', 4)
                .arg(o.model.isEmpty() ? QString() : QStringLiteral(", registered as %1:%2").arg(o.model).arg(o.version)));
    return o;
}

Result<VersionInfo> registerRunModel(Registry::ModelCatalog &catalog, const QString &runId, const QString &model,
                                     const QString &description, const QString &actor)
{
    auto run = catalog.registry().run(runId);
    if (!run)
        return fail(run.error());
    if (run->state != QLatin1String("finished"))
        return fail(Error::conflict(QStringLiteral("run %1 is %2; only a finished run has a model to register").arg(runId, run->state)));
    auto dir = RunDirectory::open(catalog.workspace(), runId);
    if (!dir)
        return fail(dir.error());
    QFile infoFile(dir->exportInfoPath());
    if (!QFileInfo(dir->modelPath()).isFile() || !infoFile.open(QIODevice::ReadOnly))
        return fail(Error::notFound(QStringLiteral("run %1 has no exported model in %2").arg(runId, dir->path())));
    const QJsonObject info = QJsonDocument::fromJson(infoFile.readAll()).object();
    auto meta = newVersionFromJson(info);
    if (!meta)
        return fail(meta.error());
    if (!description.isEmpty())
        meta->description = description;
    // Decrypted in memory when encrypted at rest, checked against export.json's digest (runs
    // exported before it was recorded have none), wiped once the catalog has stored it.
    auto bytes = Artifacts::RunFiles(catalog.store().keyring()).read(dir->modelPath(), info.value(QStringLiteral("sha256")).toString());
    if (!bytes)
        return fail(bytes.error());
    auto version = catalog.addVersionFromBytes(model, *bytes, *meta, actor);
    Artifacts::secureWipe(*bytes);
    if (!version)
        return fail(version.error());
    RunRecord r = *run;
    r.model = version->model;
    r.version = version->version;
    if (auto ok = catalog.registry().updateRun(r); !ok)
        return fail(ok.error());
    return version;
}

QString effectiveRunState(Registry::ModelCatalog &catalog, const RunRecord &run)
{
    if (run.state != QLatin1String("running"))
        return run.state;
    auto dir = RunDirectory::open(catalog.workspace(), run.id);
    if (dir && dir->activePid())
        return run.state;
    return QStringLiteral("interrupted");
}

Result<bool> cancelRun(Registry::ModelCatalog &catalog, const QString &runId)
{
    auto run = catalog.registry().run(runId);
    if (!run)
        return fail(run.error());
    if (isEndState(run->state))
        return fail(Error::conflict(QStringLiteral("run %1 already ended (%2)").arg(runId, run->state)));
    auto dir = RunDirectory::open(catalog.workspace(), runId);
    if (!dir)
        return fail(dir.error());
    if (dir->activePid()) {
        if (auto ok = dir->requestCancel(); !ok)
            return fail(ok.error());
        return true;
    }
    // Queued, or its process died: nothing to stop, just record it.
    RunRecord r = *run;
    r.state = QStringLiteral("cancelled");
    r.summary.insert(QStringLiteral("error"), QStringLiteral("cancelled while not running (epochs done: %1)").arg(r.epochsDone));
    if (auto ok = catalog.registry().updateRun(r); !ok)
        return fail(ok.error());
    return false;
}

} // namespace ModelDesk::Training
