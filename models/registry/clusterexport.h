#pragma once
// Export for cluster inference engines: a Triton model repository and a KServe InferenceService
// manifest, made from registry versions (and from a deployment of the model when one exists, for
// batching and canary settings).
//
// Triton layout (server docs "Model Repository" + model_config.proto):
//   <out>/<model>/config.pbtxt        platform "pytorch_libtorch", INPUT__i / OUTPUT__i, dims, version_policy
//   <out>/<model>/<version>/model.pt  the digest-verified TorchScript bytes (version folders are the
//                                     registry numbers: 1, 2, ... never starting with 0)
// Each model folder is built beside its final place and renamed in, so a failed export never leaves a
// half-written model folder that Triton would try to load.
//
// Threads: blocking file and database I/O; call off the GUI thread. Errors: Result<T>; InvalidArgument
// names what is missing (e.g. an imported version has no dtype/shape: give overrides), AlreadyExists
// when the target exists and overwrite is off.

#include "core/modeltypes.h"
#include "core/names.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ModelDesk::Registry {

class ModelCatalog;

// What a deployment of a model says about serving it, read tolerantly from DeploymentRecord::spec
// (the runtime's DeploymentSpec JSON: "model", "version", "alias", "canary_version", "canary_percent",
// "batching": {"max_batch_size", "max_queue_delay_us", "workers"}). Missing keys keep the defaults.
struct DeploymentHints
{
    QString deployment; // endpoint name; empty: the model has no deployment
    QString model;
    std::optional<int> version; // pinned primary version
    QString alias;              // followed alias (when not pinned)
    std::optional<int> canaryVersion;
    int canaryPercent = 0;
    int maxBatchSize = 8;
    int maxQueueDelayUs = 500;
    int workers = 1;

    bool found() const { return !deployment.isEmpty(); }
};

DeploymentHints deploymentHintsFromSpec(const QString &deploymentName, const QJsonObject &spec);

// The deployment of `model` that best describes `versions`: one whose pinned version, followed alias
// or canary is among them, else the first deployment of the model by name; not found() when none.
DeploymentHints findDeploymentHints(const QList<DeploymentRecord> &deployments, const QString &model,
                                    const QList<VersionInfo> &versions);

// Triton's data_type for a KServe v2 datatype ("FP32" -> "TYPE_FP32"); empty for an unknown one.
QString tritonDataType(const QString &kserveDatatype);

struct TritonExportOptions
{
    QString outputDir; // repository root, created when missing
    // Per position, fill or replace the signature's dtype and shape (imported TorchScript records
    // neither). A spec with an empty dtype/shape keeps the signature's value for that field.
    QList<TensorSpec> inputs;
    QList<TensorSpec> outputs;
    std::optional<int> maxBatchSize; // replaces the deployment's; 0 turns batching off
    bool overwrite = false;          // replace an existing <out>/<model> folder
    // model.pt is always plain TorchScript (Triton cannot decrypt). When a version is encrypted at rest
    // (or the workspace encrypts new artifacts), the export is refused unless the user confirmed
    // writing plaintext (the CLI's --decrypt, a dialog in the console).
    bool allowPlaintextOfEncrypted = false;
    QString actor; // recorded in the audit log ("version.export")
};

// One model folder of the repository, as written.
struct TritonModelExport
{
    QString model;
    QList<int> versions; // ascending
    QString directory;   // absolute <out>/<model>
    QString deployment;  // deployment whose settings were used (empty: none)
    int maxBatchSize = 0;
    bool dynamicBatching = false;
    QString config; // the config.pbtxt text
};

// config.pbtxt for `versions` of one model (all must have the same signature after overrides).
// Pure: no I/O. maxBatchSize/dynamic batching come from hints when found(), else options.
Result<TritonModelExport> tritonModelConfig(const QList<VersionInfo> &versions, const DeploymentHints &hints,
                                            const TritonExportOptions &options);

// Resolves every reference, groups them by model and writes one model folder per model.
Result<QList<TritonModelExport>> exportTritonRepository(const ModelCatalog &catalog,
                                                        const QList<Names::ModelRef> &refs,
                                                        const TritonExportOptions &options);

struct KServeExportOptions
{
    QString serviceName;      // InferenceService name; empty: derived from the model name
    QString serviceNamespace; // metadata.namespace; empty: omitted (kubectl's current namespace)
    QString storageUri;       // empty: a placeholder to replace with where the repository is uploaded
    QString runtime = QStringLiteral("kserve-tritonserver"); // ServingRuntime that serves modelFormat pytorch
};

struct KServeManifest
{
    QString serviceName;
    QString model;
    int version = 0;
    QString deployment;               // deployment whose canary was used (empty: none)
    std::optional<int> canaryPercent; // set when this manifest rolls `version` out as a canary
    QString yaml;
    QString note; // one line for the user (e.g. which version is the stable one)
};

// A DNS-1035 label derived from a registry name ("my_model.v2" -> "my-model-v2"); KServe's rule.
QString kserveServiceName(const QString &modelName);
bool isValidKServeName(const QString &name);

// Manifest for the version `ref` resolves to. When a deployment of the model sends a canary share
// to that version, the manifest carries canaryTrafficPercent: applying it over the stable revision
// makes KServe split traffic the same way.
Result<KServeManifest> kserveManifest(const ModelCatalog &catalog, const Names::ModelRef &ref,
                                      const KServeExportOptions &options);

} // namespace ModelDesk::Registry
