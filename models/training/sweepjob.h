#pragma once
// Hyper-parameter sweeps: grid or random search over chosen parameters, trials run one after the
// other as ordinary training runs (each recorded in the registry with the sweep's id in its config),
// the best trial chosen by a validation metric, and optionally registered.
//
// Parameter specs (as the CLI's --param takes them): NAME=V1,V2,...  (grid, or random choice),
// NAME=uniform:LOW:HIGH, NAME=log:LOW:HIGH, NAME=int:LOW:HIGH (random search only). NAME is a train
// option: lr, batch-size, epochs, hidden, dropout, weight-decay, momentum, optimizer, activation,
// schedule, embedding-dim, channels, grad-clip.
//
// SweepJob: like TrainingJob (QObject + QRunnable, queued signals, cancel flag, exceptions caught);
// run() blocks; the catalog must outlive the job.

#include "core/result.h"
#include "trainingconfig.h"
#include "trainingjob.h"

#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QRunnable>

#include <atomic>

namespace ModelDesk::Training {

struct SweepParameter
{
    enum class Kind { Values, Uniform, LogUniform, IntUniform };
    QString name;
    Kind kind = Kind::Values;
    QStringList values;
    double low = 0;
    double high = 0;
};

struct SweepSpec
{
    QString search = QStringLiteral("grid");   // grid or random
    int trials = 0;                            // random: number of trials (0 = 10); grid: all combinations
    quint64 seed = 1;                          // random draws
    QList<SweepParameter> parameters;
    QString metric = QStringLiteral("validation_accuracy"); // or validation_loss
};

struct SweepTrialPlan
{
    QJsonObject assignment;    // {"lr": "0.001", ...}
    TrainingConfig config;
};

Result<SweepParameter> parseSweepParameter(const QString &text);
// Sets one train option on a config from its text value (InvalidArgument for unknown names / values).
Status applySweepValue(TrainingConfig &config, const QString &name, const QString &value);
// Expands the spec into trial configs (each validated; registration cleared).
Result<QList<SweepTrialPlan>> planSweep(const TrainingConfig &base, const SweepSpec &spec);

struct SweepTrial
{
    int index = 0;             // 0-based
    QJsonObject assignment;
    TrainingOutcome outcome;
    bool hasMetric = false;
    double metric = 0;
};

struct SweepResult
{
    QString sweepId;
    QString metric;
    QList<SweepTrial> trials;
    int best = -1;             // index into trials, -1 when no trial finished
    QString model;             // registered best, when asked
    int version = 0;
    bool cancelled = false;
    QJsonObject toJson() const;
};

class SweepJob final : public QObject, public QRunnable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepJob)

public:
    SweepJob(Registry::ModelCatalog *catalog, TrainingConfig base, SweepSpec spec, QString actor,
             QObject *parent = nullptr);
    ~SweepJob() override;

    void run() override;
    Result<SweepResult> exec();          // run(); the result, or the planning error
    void cancel();                       // stops the current trial and skips the rest (thread-safe)
    SweepResult result() const { return m_result; }

Q_SIGNALS:
    void trialStarted(int index, int count, const QJsonObject &assignment);
    void progress(const ModelDesk::Training::TrainingProgress &progress);
    void epochMetrics(const ModelDesk::Training::EpochMetrics &metrics);
    void trialFinished(int index, const ModelDesk::Training::TrainingOutcome &outcome);
    void finished(bool ok, const QString &error);

private:
    Registry::ModelCatalog *m_catalog;
    TrainingConfig m_base;
    SweepSpec m_spec;
    QString m_actor;
    std::atomic<bool> m_cancel{false};
    QMutex m_mutex;
    TrainingJob *m_current = nullptr;    // guarded by m_mutex
    SweepResult m_result;
    Error m_error;
    bool m_ok = false;
};

} // namespace ModelDesk::Training
