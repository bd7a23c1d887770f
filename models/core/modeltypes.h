#pragma once
// Value types of models, versions and the audit log, shared by every part of the core.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace ModelDesk {

// One tensor of a model's input or output signature. dtype uses KServe v2 names
// ("FP32", "INT64", "BOOL", ...); an empty dtype means "any". shape uses -1 for a variable dim;
// an empty shape means "unknown rank".
struct TensorSpec
{
    QString name;
    QString dtype;
    QList<qint64> shape;

    QJsonObject toJson() const;
    static TensorSpec fromJson(const QJsonObject &o);
    friend bool operator==(const TensorSpec &, const TensorSpec &) = default;
};

struct Signature
{
    QList<TensorSpec> inputs;
    QList<TensorSpec> outputs;
    QString schema; // TorchScript forward schema as LibTorch prints it, e.g. "forward(__torch__.M self, Tensor x) -> Tensor"

    QJsonObject toJson() const;
    static Signature fromJson(const QJsonObject &o);
    friend bool operator==(const Signature &, const Signature &) = default;
};

struct ModelInfo
{
    qint64 id = 0;
    QString name;
    QString description;
    QString task;            // free text: "classification", "regression", ... (may be empty)
    QDateTime created;       // UTC
    int latestVersion = 0;   // 0 when the model has no version
    int versionCount = 0;
};

struct Lineage
{
    std::optional<int> parentVersion; // fine-tuned from NAME:parentVersion
    QString runId;                    // training run that produced it (empty for imports)
    QString datasetDigest;            // SHA-256 of the dataset bytes (empty for imports)
    QString source;                   // original file name for imports, "training" for runs
};

struct VersionInfo
{
    qint64 id = 0;
    QString model;
    int version = 0;
    QString digest;          // SHA-256 hex of the artifact bytes
    qint64 size = 0;         // artifact size in bytes
    QString format;          // "torchscript"
    Signature signature;
    qint64 parameterCount = 0;
    QJsonObject metrics;     // e.g. {"test_accuracy": 0.87, ...}
    QJsonObject params;      // hyper-parameters
    Lineage lineage;
    QString description;
    QString createdBy;
    QDateTime created;       // UTC
    QStringList aliases;     // aliases that point at this version, sorted
    QMap<QString, QString> tags;
};

// What a caller supplies to create a version; the registry assigns the number and time.
struct NewVersion
{
    QString digest;
    qint64 size = 0;
    QString format = QStringLiteral("torchscript");
    Signature signature;
    qint64 parameterCount = 0;
    QJsonObject metrics;
    QJsonObject params;
    Lineage lineage;
    QString description;
};

struct AuditEntry
{
    qint64 id = 0;
    QDateTime time;          // UTC
    QString actor;           // OS user or token name
    QString action;          // "model.create", "version.create", "version.delete", "alias.set", ...
    QString target;          // "name", "name:3", "name@alias"
    QString detail;          // JSON or text
};

struct AuditQuery
{
    QString target;          // prefix match on target ("name" matches "name:3")
    QString actor;
    QString action;
    QDateTime since;
    int limit = 500;
};


// A dataset registered for lineage: training versions point at it by digest.
struct DatasetRecord
{
    QString name;            // validated name, unique
    QString kind;            // "csv", "text-csv", "idx"
    QString sourcePath;      // where it was imported from (local path, informational)
    QString digest;          // SHA-256 of the dataset bytes (all files, in a fixed order)
    qint64 rows = 0;
    qint64 features = 0;
    int classes = 0;
    QJsonObject details;     // class balance, label column, tokenizer settings, split sizes, ...
    QDateTime created;       // UTC, set by the registry
};

// A training run: its config, state and metrics history live in the registry; checkpoints under runs/<id>/.
struct RunRecord
{
    QString id;              // e.g. "20261128-131500-ab12" (validated name rule)
    QString state;           // "queued", "running", "cancelled", "failed", "finished"
    QJsonObject config;      // the TrainingConfig as JSON
    QJsonObject summary;     // final / best metrics, error text for failed runs
    QString dataset;         // dataset name
    QString model;           // registered model name (empty until registered)
    int version = 0;         // registered version (0 until registered)
    int epochsDone = 0;
    QDateTime created;       // UTC
    QDateTime updated;       // UTC
};

// One row of a run's metrics history (per step or per epoch).
struct RunMetricRow
{
    QString runId;
    qint64 step = 0;         // global step (batches seen)
    int epoch = 0;
    QString split;           // "train", "validation", "test"
    QString name;            // "loss", "accuracy", ...
    double value = 0;
    QDateTime time;
};

// A deployment's persisted definition (the runtime owns its meaning; the registry stores it).
struct DeploymentRecord
{
    QString name;            // endpoint name (validated)
    QJsonObject spec;        // target (model, version or alias), canary, batching, workers, ...
    QDateTime updated;
};

// An API token as stored: never the token itself, only its hash.
struct TokenRecord
{
    QString name;            // validated, unique
    QString hash;            // hex SHA-256 (or stronger) of the secret
    QString role;            // "viewer", "operator", "admin"
    QStringList models;      // scope; empty = all models
    QDateTime expires;       // invalid = never
    QDateTime created;
    QDateTime revoked;       // invalid = active
    QDateTime lastUsed;
};

QJsonObject toJson(const ModelInfo &m);
QJsonObject toJson(const VersionInfo &v);
QJsonObject toJson(const AuditEntry &a);
QJsonObject toJson(const DatasetRecord &d);
QJsonObject toJson(const RunRecord &r);
QJsonObject toJson(const TokenRecord &t); // never includes the hash

} // namespace ModelDesk

Q_DECLARE_METATYPE(ModelDesk::ModelInfo)
Q_DECLARE_METATYPE(ModelDesk::VersionInfo)
Q_DECLARE_METATYPE(ModelDesk::AuditEntry)
