#pragma once
// TrainingJob: one training run as a background job (QObject + QRunnable), the way the console
// page and the CLI drive training. Params in (TrainingRequest), queued signals out (started,
// progress, per-step and per-epoch metrics, finished with an outcome), an atomic cancel flag.
//
// What run() does, in order: load and check the data; register the dataset (lineage); create the
// run in the registry (state "running", config) and lock runs/<id>/; build the network (or load the
// parent version's weights when fine-tuning, or the last checkpoint when resuming); train with a
// checkpoint and a registry update every epoch; evaluate on the test split; export TorchScript to
// runs/<id>/model.pt (+ export.json) and, when config.registerAs is set, register it as a new version.
// The run ends "finished", "cancelled" (cancel() or `runs cancel` from another process: a marker
// file polled between batches) or "failed"; a cancelled or crashed run resumes from its last
// completed epoch (TrainingRequest::resumeRunId).
//
// Threads: run() blocks; call it on a worker thread (QThreadPool::start(job) with autoDelete off, or
// directly in a CLI). Signals are emitted from that thread, so connections to GUI objects are queued.
// Exceptions never escape run(): every failure ends in finished() with state "failed" and the error.
// Ownership: the job does not own the catalog, which must outlive it; the caller owns the job
// (setAutoDelete(false) is set) and may delete it after finished().
// Intra-op threads are process-wide: run one job at a time (a training pool of one thread).

#include "core/result.h"
#include "trainer.h"
#include "trainingconfig.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

#include <atomic>
#include <optional>

namespace ModelDesk::Registry {
class ModelCatalog;
}

namespace ModelDesk::Training {

struct TrainingRequest
{
    TrainingConfig config;     // ignored when resuming (the run's stored config is used)
    QString resumeRunId;       // continue this cancelled / failed / interrupted run
    int resumeEpochs = 0;      // when resuming: a new total epoch count (0 = keep the stored one)
    QString actor;             // audit actor (OS user or token name)
    QString runId;             // optional id for a new run (default: RunDirectory::newRunId())
    QString sweepId;           // set by sweeps: recorded in the run's config
    // Step metric rows are written to the registry during an epoch at most this often (one
    // transaction, one fsync each), and with the epoch's rows at its end; 0 writes them at every
    // logged step (tests that must see them without waiting).
    int metricsFlushMs = 1000;
};

struct TrainingOutcome
{
    QString runId;
    QString state;             // "finished", "cancelled", "failed"
    Error::Code errorCode = Error::Code::Internal;
    QString errorMessage;      // empty unless failed / cancelled
    int epochsDone = 0;
    bool stoppedEarly = false;
    int bestEpoch = 0;
    QString dataset;           // registered dataset name
    QString datasetDigest;
    QJsonObject metrics;       // test report, validation, timing (what the version gets)
    QString modelPath;         // runs/<id>/model.pt when exported
    QString model;             // registered model name, empty when not registered
    int version = 0;
    double trainSeconds = 0;
    double samplesPerSecond = 0;
    qint64 parameterCount = 0;

    bool ok() const { return state == QLatin1String("finished"); }
    Error error() const { return {errorCode, errorMessage}; }
    QJsonObject toJson() const;
};

class TrainingJob final : public QObject, public QRunnable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingJob)

public:
    TrainingJob(Registry::ModelCatalog *catalog, TrainingRequest request, QObject *parent = nullptr);
    ~TrainingJob() override;

    void run() override;
    // run() for synchronous callers: the outcome, or the error when the run failed or was cancelled.
    Result<TrainingOutcome> exec();

    // Thread-safe; takes effect between two batches.
    void cancel() { m_cancel.store(true); }
    bool isCancelRequested() const { return m_cancel.load(); }

    const TrainingRequest &request() const { return m_request; }
    TrainingOutcome outcome() const; // valid after finished()

Q_SIGNALS:
    // The run exists in the registry; `summary` lists the layers and parameter count.
    void started(const QString &runId, const QString &summary);
    void progress(const ModelDesk::Training::TrainingProgress &progress);
    void stepMetrics(const ModelDesk::Training::StepMetrics &metrics);
    void epochMetrics(const ModelDesk::Training::EpochMetrics &metrics);
    // Evaluation, export, registration: short phases after training, for a status line.
    void phase(const QString &text);
    // Always emitted last, exactly once, whatever the end state.
    void finished(const ModelDesk::Training::TrainingOutcome &outcome);
    // Emitted just before finished() when the run failed or was cancelled (outcome.error()).
    void failed(const ModelDesk::Training::TrainingOutcome &outcome);

private:
    struct Context;
    Result<TrainingOutcome> runInner(Context &c);

    Registry::ModelCatalog *m_catalog;
    TrainingRequest m_request;
    std::atomic<bool> m_cancel{false};
    TrainingOutcome m_outcome;
};

// Registers the exported model of a finished run (runs/<id>/model.pt + export.json) as a new version
// of `model`, and records it on the run. For runs trained without --register.
Result<VersionInfo> registerRunModel(Registry::ModelCatalog &catalog, const QString &runId, const QString &model,
                                     const QString &description, const QString &actor);

// Cancels a run from any process: a live run gets the cancel marker (it stops between two batches);
// a run whose process died is marked "cancelled" at once. Conflict for runs that already ended.
// Returns true when a live process was asked to stop.
Result<bool> cancelRun(Registry::ModelCatalog &catalog, const QString &runId);

// The run's state for people: the registry state, except "running" with no live process, which is
// "interrupted" (resumable).
QString effectiveRunState(Registry::ModelCatalog &catalog, const RunRecord &run);

} // namespace ModelDesk::Training

Q_DECLARE_METATYPE(ModelDesk::Training::TrainingOutcome)
