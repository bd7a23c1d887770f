#pragma once
// Value types of models, versions and the audit log, shared by every part of the core.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
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

QJsonObject toJson(const ModelInfo &m);
QJsonObject toJson(const VersionInfo &v);
QJsonObject toJson(const AuditEntry &a);

} // namespace ModelDesk

Q_DECLARE_METATYPE(ModelDesk::ModelInfo)
Q_DECLARE_METATYPE(ModelDesk::VersionInfo)
Q_DECLARE_METATYPE(ModelDesk::AuditEntry)
