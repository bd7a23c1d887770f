#pragma once
// Trainer: the LibTorch part of a run, behind a torch-free interface (pimpl). It builds the network
// for a TrainingConfig, trains it epoch by epoch on a Dataset's splits, writes a checkpoint after
// every epoch, evaluates a split and exports real TorchScript with the preprocessing inside.
//
// Determinism: weights are initialised from the seed; each epoch's shuffle and dropout draw from
// (seed, epoch); so the same config, data and thread count give the same weights, and a run resumed
// from its epoch-N checkpoint continues exactly as if it had not stopped (a cancelled epoch restarts).
// Threads: one Trainer is used by one thread at a time; intra-op threads (ATen and OpenBLAS) are
// process-wide settings, applied by train()/evaluate(): run one training at a time per process.
// Errors: Result<T>; torch exceptions never escape (they become Error::Internal with torch's text,
// or InvalidArgument for shape problems found up front).

#include "core/modeltypes.h"
#include "core/result.h"
#include "dataset.h"
#include "datasplit.h"
#include "evaluation.h"
#include "preprocessing.h"
#include "artifacts/runfiles.h"
#include "trainingconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <functional>
#include <memory>

namespace ModelDesk::Training {

// Averages over the last `logEverySteps` batches.
struct StepMetrics
{
    QString runId;
    int epoch = 0;            // 1-based
    qint64 step = 0;          // global step (batches seen since the run started)
    double loss = 0;
    double accuracy = 0;
    double learningRate = 0;
    double samplesPerSecond = 0;
};

struct EpochMetrics
{
    QString runId;
    int epoch = 0;            // 1-based
    qint64 step = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    bool hasValidation = false;
    double validationLoss = 0;
    double validationAccuracy = 0;
    double learningRate = 0;
    double seconds = 0;
    double samplesPerSecond = 0;
    bool improved = false;    // best monitored validation metric so far
};

struct TrainingProgress
{
    QString runId;
    int epoch = 0;            // 1-based, the epoch in progress
    int epochs = 0;
    qint64 stepInEpoch = 0;
    qint64 stepsPerEpoch = 0;
    qint64 globalStep = 0;
    qint64 totalSteps = 0;
    double fraction = 0;      // 0..1 of the whole run
    double samplesPerSecond = 0;
    double etaSeconds = -1;   // -1 while unknown
    double loss = 0;          // running mean of the epoch so far
};

enum class Split { Train, Validation, Test };

struct TrainerHooks
{
    std::function<void(const StepMetrics &)> step;
    std::function<void(const EpochMetrics &)> epoch;      // after the epoch's checkpoint is on disk
    std::function<void(const TrainingProgress &)> progress; // at most ~10 per second
    std::function<bool()> shouldStop;                     // polled between batches
};

struct TrainResult
{
    int epochsDone = 0;
    bool cancelled = false;
    bool stoppedEarly = false;
    int bestEpoch = 0;        // 0 when there is no validation split
    double bestMetric = 0;
    double seconds = 0;       // training time of this call (excludes evaluation and export)
    double samplesPerSecond = 0;
    qint64 globalStep = 0;
};

struct ExportedModel
{
    QByteArray bytes;         // TorchScript archive (torch::jit::Module::save)
    Signature signature;      // inputs with dtype and shape, output logits
    qint64 parameterCount = 0;
    double maxAbsDifference = 0; // exported(raw input) vs trained network(preprocessed input), on `check`
    QJsonObject check;        // {"dtype", "shape", "input": [...], "output": [[...]]} for a few real rows
};

class Trainer final
{
public:
    // Builds the network (weights from config.seed). InvalidArgument when the architecture does not
    // fit the data ("cnn needs images").
    static Result<std::unique_ptr<Trainer>> create(const TrainingConfig &config, const Dataset &dataset,
                                                   const SplitIndices &split, const Preprocessing &preprocessing);
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    QString architectureSummary() const; // one line per layer with its parameter count
    qint64 parameterCount() const;
    qint64 stepsPerEpoch() const;
    int epochsDone() const;

    // Fine-tuning: copies the parameters of an exported model of the same architecture.
    Status initializeFrom(const QByteArray &torchScript);

    // How checkpoint files are written and read: plaintext (the default) or, with the workspace's
    // keyring, encrypted at rest when the workspace says so (runfiles.h). Set before train().
    void setRunFiles(Artifacts::RunFiles files);

    // Checkpoints: checkpoint-<epoch>.pt (weights + optimizer state; serialised in memory, written
    // through RunFiles) and checkpoint.json (state, SHA-256 of the .pt's plaintext), each written
    // atomically; older checkpoint files are removed after. loadCheckpoint() decrypts into memory
    // and refuses a file that does not match checkpoint.json (Corrupt) or cannot be decrypted
    // because the workspace is locked (Unavailable).
    Status saveCheckpoint(const QString &dir) const;
    Status loadCheckpoint(const QString &dir);
    static bool hasCheckpoint(const QString &dir);

    // Trains from epochsDone()+1 to config.epochs (or an early stop / shouldStop), saving a
    // checkpoint in `checkpointDir` after each epoch. With early stopping, the best epoch's weights
    // are restored at the end.
    Result<TrainResult> train(const TrainerHooks &hooks, const QString &checkpointDir);

    Result<ClassificationReport> evaluate(Split split);

    // TorchScript with forward(raw input) -> logits and the preprocessing inside; verified by loading
    // it back and comparing with the trained network on a few rows. `metadata` is stored in the
    // module as a JSON string attribute `modeldesk_metadata`.
    Result<ExportedModel> exportTorchScript(const QJsonObject &metadata) const;

    // Intra-op threads for ATen and OpenBLAS (process-wide).
    static void applyThreads(int threads);

private:
    Trainer();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Training

Q_DECLARE_METATYPE(ModelDesk::Training::StepMetrics)
Q_DECLARE_METATYPE(ModelDesk::Training::EpochMetrics)
Q_DECLARE_METATYPE(ModelDesk::Training::TrainingProgress)
