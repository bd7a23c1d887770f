#pragma once
// TrainingConfig: everything that defines a training run (data, architecture, optimizer, schedule,
// seed, threads, registration). A plain value type: the CLI and the console build one, the job
// stores it as the run's config in the registry (toJson) and resume reads it back (fromJson).
// validate() checks ranges and names and says which option is wrong; the job calls it first.

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ModelDesk::Training {

// Where the data comes from and how it is read and split.
struct DataOptions
{
    QString path;              // file (CSV) or folder (IDX, fortunes); or empty when `dataset` names a registered one
    QString dataset;           // registered dataset name (lineage); derived from the file when empty
    QString kind;              // "csv", "text-csv", "idx", "fortunes"; empty = detect from the path
    QString labelColumn;       // CSV: header name or 1-based index; empty = "label"/"class"/"target"/"y", else last
    QString textColumn;        // text CSV: header name or 1-based index; empty = "text", else the other column
    QStringList topics;        // fortunes: topic files to use; empty = a default set of 9 topics
    int classes = 0;           // expected class count; labels >= classes are out of range (0 = from the data)
    QStringList classNames;    // display names of the classes (empty = from the data)
    double validationFraction = 0.1;
    double testFraction = 0.1; // ignored when the data has its own test files (IDX t10k-*)
    // Text preprocessing: vocabulary from the training split (hashBuckets == 0) or hashed words.
    int maxVocabulary = 20000;
    int minCount = 1;
    int hashBuckets = 0;
    int maxTokens = 256;       // longer texts are cut (kept in the exported model's contract)

    QJsonObject toJson() const;
    static DataOptions fromJson(const QJsonObject &o);
};

struct TrainingConfig
{
    DataOptions data;

    // Architecture: "mlp", "textcnn" (EmbeddingBag mean -> dense -> classes), "cnn" (small CNN for images).
    QString arch = QStringLiteral("mlp");
    QList<int> hidden{128};           // MLP hidden sizes; text model: one dense layer of hidden[0] (0 = none)
    QString activation = QStringLiteral("relu"); // relu, tanh, gelu
    double dropout = 0.0;
    int embeddingDim = 64;            // text model
    QList<int> channels{32, 64};      // CNN conv channels (two 3x3 conv + 2x2 max-pool blocks)

    // Optimisation
    QString optimizer = QStringLiteral("adam"); // sgd, adam, adamw
    double learningRate = 1e-3;
    double momentum = 0.9;            // SGD
    bool nesterov = false;            // SGD
    double weightDecay = 0.0;
    int batchSize = 64;
    int epochs = 3;
    QString schedule = QStringLiteral("constant"); // constant, step, cosine (per epoch)
    int stepSize = 1;                 // step schedule: epochs between decays
    double gamma = 0.5;               // step schedule: decay factor
    double gradientClip = 0.0;        // max global L2 norm, 0 = off
    int patience = 0;                 // early stopping: epochs without improvement, 0 = off
    QString monitor = QStringLiteral("validation_accuracy"); // or validation_loss

    quint64 seed = 42;
    int threads = 1;                  // intra-op threads (ATen and BLAS)
    int logEverySteps = 20;           // per-step metrics granularity (rows, signals)

    // Registration of the result (empty = keep the exported model in the run folder only).
    QString registerAs;
    QString description;
    QString from;                     // fine-tune: NAME, NAME:V or NAME@ALIAS of a trained version

    // Sensible defaults per architecture (what the CLI and the console form start from):
    // mlp and cnn: Adam 1e-3, batch 64, 3 epochs; textcnn: Adam 3e-2, batch 32, 10 epochs,
    // embedding 32, dropout 0.5 (see docs/training.md).
    static TrainingConfig defaultsFor(const QString &arch);

    QJsonObject toJson() const;
    static Result<TrainingConfig> fromJson(const QJsonObject &o);
    // Ranges, names, known values. Error::InvalidArgument naming the option ("--lr must be > 0").
    Status validate() const;
};

} // namespace ModelDesk::Training
