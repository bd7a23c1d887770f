#include "clusterexport.h"

#include "modelcatalog.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <map>

namespace ModelDesk::Registry {

namespace {

// JSON numbers or numeric strings; anything else keeps the fallback (the spec is another part's
// data: read it tolerantly rather than fail an export over a cosmetic difference).
std::optional<int> intValue(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isDouble())
            return v.toInt();
        if (v.isString()) {
            bool ok = false;
            const int n = v.toString().toInt(&ok);
            if (ok)
                return n;
        }
    }
    return std::nullopt;
}

QString stringValue(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
    }
    return {};
}

QString versionText(const VersionInfo &v)
{
    return QStringLiteral("'%1' version %2").arg(v.model).arg(v.version);
}

QString shapeText(const QList<qint64> &shape)
{
    QStringList parts;
    for (qint64 d : shape)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Protobuf text format string literal (C-style escapes).
QString quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString dimsText(const QList<qint64> &dims)
{
    QStringList parts;
    for (qint64 d : dims)
        parts << QString::number(d);
    return QStringLiteral("[ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" ]");
}

// Applies the overrides by position and checks that Triton can describe every tensor.
Result<QList<TensorSpec>> effectiveSpecs(const VersionInfo &v, const QList<TensorSpec> &fromSignature,
                                         const QList<TensorSpec> &overrides, const char *kind)
{
    const QString what = QLatin1String(kind);
    if (fromSignature.isEmpty())
        return fail(
            Error::invalid(QStringLiteral("%1 has no %2s in its signature").arg(versionText(v), what)));
    if (overrides.size() > fromSignature.size())
        return fail(Error::invalid(QStringLiteral("%1 has %2 %3(s) but %4 --%3 values were given")
                                       .arg(versionText(v))
                                       .arg(fromSignature.size())
                                       .arg(what)
                                       .arg(overrides.size())));
    QList<TensorSpec> specs = fromSignature;
    for (qsizetype i = 0; i < overrides.size(); ++i) {
        if (!overrides[i].dtype.isEmpty())
            specs[i].dtype = overrides[i].dtype;
        if (!overrides[i].shape.isEmpty())
            specs[i].shape = overrides[i].shape;
    }
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const TensorSpec &t = specs[i];
        const QString label = QStringLiteral("%1 %2 %3 ('%4')").arg(versionText(v), what).arg(i).arg(t.name);
        if (t.dtype.isEmpty() || t.shape.isEmpty())
            return fail(Error::invalid(
                QStringLiteral("%1 has no %2 in the registry (imported TorchScript does not "
                               "record it); give it with --%3 DTYPE:DIMS, e.g. --%3 FP32:-1,784")
                    .arg(label, t.dtype.isEmpty() ? QStringLiteral("dtype") : QStringLiteral("shape"),
                         what)));
        if (tritonDataType(t.dtype).isEmpty())
            return fail(Error::invalid(
                QStringLiteral("%1: datatype '%2' has no Triton equivalent").arg(label, t.dtype)));
        for (qint64 d : t.shape) {
            if (d < -1 || d == 0)
                return fail(Error::invalid(
                    QStringLiteral("%1: shape %2 has a dimension that is neither -1 nor positive")
                        .arg(label, shapeText(t.shape))));
        }
    }
    return specs;
}

void appendTensors(QString &text, const char *field, const char *prefix, const QList<TensorSpec> &specs,
                   bool batched)
{
    text += QLatin1String(field) + QStringLiteral(" [\n");
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const TensorSpec &t = specs[i];
        QList<qint64> dims = batched ? t.shape.mid(1) : t.shape;
        text += QStringLiteral("  {\n    name: \"%1__%2\"\n").arg(QLatin1String(prefix)).arg(i);
        text += QStringLiteral("    data_type: ") + tritonDataType(t.dtype) + QLatin1Char('\n');
        // A batched tensor of scalars ([-1]) has no dims left; Triton wants [1] reshaped to [].
        if (dims.isEmpty()) {
            text += QStringLiteral("    dims: [ 1 ]\n    reshape: { shape: [ ] }\n");
        } else {
            text += QStringLiteral("    dims: ") + dimsText(dims) + QLatin1Char('\n');
        }
        text += QStringLiteral("  }") + (i + 1 < specs.size() ? QStringLiteral(",\n") : QStringLiteral("\n"));
    }
    text += QStringLiteral("]\n");
}

Status removeTree(const QString &path)
{
    QDir dir(path);
    if (dir.exists() && !dir.removeRecursively())
        return fail(Error::io(QStringLiteral("cannot remove '%1'").arg(path)));
    return {};
}

Status writeText(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return fail(Error::io(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString())));
    return {};
}

} // namespace

DeploymentHints deploymentHintsFromSpec(const QString &deploymentName, const QJsonObject &spec)
{
    DeploymentHints h;
    h.deployment = deploymentName.isEmpty() ? stringValue(spec, {"name"}) : deploymentName;
    h.model = stringValue(spec, {"model"});
    h.version = intValue(spec, {"version"});
    h.alias = stringValue(spec, {"alias"});
    h.canaryVersion = intValue(spec, {"canary_version", "canaryVersion"});
    h.canaryPercent = std::clamp(intValue(spec, {"canary_percent", "canaryPercent"}).value_or(0), 0, 100);
    if (!h.canaryVersion)
        h.canaryPercent = 0;
    const QJsonObject batching = spec.value(QLatin1String("batching")).toObject();
    const QJsonObject &b = batching.isEmpty() ? spec : batching;
    h.maxBatchSize = std::max(0, intValue(b, {"max_batch_size", "maxBatchSize"}).value_or(h.maxBatchSize));
    h.maxQueueDelayUs =
        std::max(0, intValue(b, {"max_queue_delay_us", "maxQueueDelayUs"}).value_or(h.maxQueueDelayUs));
    h.workers = std::max(1, intValue(b, {"workers"}).value_or(h.workers));
    return h;
}

DeploymentHints findDeploymentHints(const QList<DeploymentRecord> &deployments, const QString &model,
                                    const QList<VersionInfo> &versions)
{
    QList<DeploymentHints> candidates;
    for (const DeploymentRecord &d : deployments) {
        DeploymentHints h = deploymentHintsFromSpec(d.name, d.spec);
        if (h.model == model)
            candidates << h;
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const DeploymentHints &a, const DeploymentHints &b) { return a.deployment < b.deployment; });
    auto serves = [&versions](const DeploymentHints &h) {
        for (const VersionInfo &v : versions) {
            if ((h.version && *h.version == v.version) ||
                (h.canaryVersion && *h.canaryVersion == v.version) ||
                (!h.version && !h.alias.isEmpty() && v.aliases.contains(h.alias)))
                return true;
        }
        return false;
    };
    for (const DeploymentHints &h : candidates) {
        if (serves(h))
            return h;
    }
    return candidates.isEmpty() ? DeploymentHints{} : candidates.first();
}

QString tritonDataType(const QString &kserveDatatype)
{
    static const QStringList known = {
        QStringLiteral("BOOL"),   QStringLiteral("UINT8"), QStringLiteral("UINT16"), QStringLiteral("UINT32"),
        QStringLiteral("UINT64"), QStringLiteral("INT8"),  QStringLiteral("INT16"),  QStringLiteral("INT32"),
        QStringLiteral("INT64"),  QStringLiteral("FP16"),  QStringLiteral("FP32"),   QStringLiteral("FP64"),
        QStringLiteral("BF16")};
    const QString upper = kserveDatatype.toUpper();
    if (upper == QLatin1String("BYTES"))
        return QStringLiteral("TYPE_STRING");
    return known.contains(upper) ? QStringLiteral("TYPE_") + upper : QString();
}

Result<TritonModelExport> tritonModelConfig(const QList<VersionInfo> &versions, const DeploymentHints &hints,
                                            const TritonExportOptions &options)
{
    if (versions.isEmpty())
        return fail(Error::invalid(QStringLiteral("no version to export")));
    QList<TensorSpec> inputs, outputs;
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const VersionInfo &v = versions[i];
        if (v.model != versions.first().model)
            return fail(Error::internal(QStringLiteral("tritonModelConfig: versions of different models")));
        auto in = effectiveSpecs(v, v.signature.inputs, options.inputs, "input");
        if (!in)
            return fail(in.error());
        auto out = effectiveSpecs(v, v.signature.outputs, options.outputs, "output");
        if (!out)
            return fail(out.error());
        // Triton has one config per model folder: every version in it must take and give the same tensors.
        auto sameTypes = [](const QList<TensorSpec> &a, const QList<TensorSpec> &b) {
            if (a.size() != b.size())
                return false;
            for (qsizetype k = 0; k < a.size(); ++k) {
                if (a[k].dtype != b[k].dtype || a[k].shape != b[k].shape)
                    return false;
            }
            return true;
        };
        if (i > 0 && (!sameTypes(*in, inputs) || !sameTypes(*out, outputs)))
            return fail(
                Error::invalid(QStringLiteral("%1 and version %2 have different signatures; Triton needs one "
                                              "config per model folder: export them to separate repositories")
                                   .arg(versionText(versions.first()))
                                   .arg(v.version)));
        inputs = *in;
        outputs = *out;
    }

    // Batchable when every tensor's first dimension is the variable batch dimension.
    bool batchable = true;
    QString notBatchable;
    for (const QList<TensorSpec> *list : {&inputs, &outputs}) {
        for (const TensorSpec &t : *list) {
            if (batchable && (t.shape.isEmpty() || t.shape.first() != -1)) {
                batchable = false;
                notBatchable = QStringLiteral("'%1' has shape %2").arg(t.name, shapeText(t.shape));
            }
        }
    }
    int maxBatchSize = hints.found() ? hints.maxBatchSize : 8;
    if (options.maxBatchSize)
        maxBatchSize = *options.maxBatchSize;
    if (maxBatchSize < 0)
        return fail(Error::invalid(
            QStringLiteral("max batch size must be 0 (no batching) or more, not %1").arg(maxBatchSize)));
    if (!batchable) {
        if (options.maxBatchSize && *options.maxBatchSize > 0)
            return fail(
                Error::invalid(QStringLiteral("cannot batch %1: %2, without a variable (-1) first dimension")
                                   .arg(versionText(versions.first()), notBatchable)));
        maxBatchSize = 0;
    }
    const bool batched = maxBatchSize > 0;
    const bool dynamicBatching = batched && hints.found();

    QList<int> numbers;
    for (const VersionInfo &v : versions)
        numbers << v.version;
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());

    const VersionInfo &first = versions.first();
    QString text;
    text += QStringLiteral("# Triton model configuration written by ModelDesk %1 from registry model '%2'.\n")
                .arg(QStringLiteral(MODELDESK_VERSION), first.model);
    QStringList originals;
    for (qsizetype i = 0; i < inputs.size(); ++i)
        originals << QStringLiteral("INPUT__%1 = %2").arg(i).arg(inputs[i].name);
    for (qsizetype i = 0; i < outputs.size(); ++i)
        originals << QStringLiteral("OUTPUT__%1 = %2").arg(i).arg(outputs[i].name);
    text += QStringLiteral("# Tensor names follow the PyTorch backend's <NAME>__<index> rule: ") +
            originals.join(QStringLiteral(", ")) + QLatin1Char('\n');
    if (hints.found())
        text += QStringLiteral("# Batching from ModelDesk deployment '%1'.\n").arg(hints.deployment);
    text += QStringLiteral("name: ") + quoted(first.model) + QLatin1Char('\n');
    text += QStringLiteral("platform: \"pytorch_libtorch\"\n");
    text += QStringLiteral("max_batch_size: %1\n").arg(maxBatchSize);
    appendTensors(text, "input", "INPUT", inputs, batched);
    appendTensors(text, "output", "OUTPUT", outputs, batched);
    if (dynamicBatching)
        text += QStringLiteral("dynamic_batching {\n  max_queue_delay_microseconds: %1\n}\n")
                    .arg(hints.maxQueueDelayUs);
    if (hints.found())
        text += QStringLiteral("instance_group [\n  {\n    count: %1\n    kind: KIND_CPU\n  }\n]\n")
                    .arg(hints.workers);
    QStringList versionList;
    for (int n : numbers)
        versionList << QString::number(n);
    text += QStringLiteral("version_policy {\n  specific {\n    versions: [ %1 ]\n  }\n}\n")
                .arg(versionList.join(QStringLiteral(", ")));
    // ModelDesk runs forward under torch::InferenceMode; ask the PyTorch backend for the same.
    text += QStringLiteral(
        "parameters {\n  key: \"INFERENCE_MODE\"\n  value {\n    string_value: \"true\"\n  }\n}\n");

    TritonModelExport result;
    result.model = first.model;
    result.versions = numbers;
    result.deployment = hints.deployment;
    result.maxBatchSize = maxBatchSize;
    result.dynamicBatching = dynamicBatching;
    result.config = text;
    return result;
}

Result<QList<TritonModelExport>> exportTritonRepository(const ModelCatalog &catalog,
                                                        const QList<Names::ModelRef> &refs,
                                                        const TritonExportOptions &options)
{
    if (refs.isEmpty())
        return fail(
            Error::invalid(QStringLiteral("nothing to export: give at least one NAME[:VERSION|@ALIAS]")));
    if (options.outputDir.isEmpty())
        return fail(Error::invalid(QStringLiteral("no output folder given")));
    // Resolve everything first: a bad reference fails the export before any file is written.
    QStringList order;
    std::map<QString, QList<VersionInfo>> groups;
    for (const Names::ModelRef &ref : refs) {
        auto v = catalog.resolve(ref);
        if (!v)
            return fail(v.error());
        if (!groups.contains(v->model))
            order << v->model;
        QList<VersionInfo> &list = groups[v->model];
        if (std::none_of(list.cbegin(), list.cend(),
                         [&](const VersionInfo &x) { return x.version == v->version; }))
            list << *v;
    }
    if (!options.allowPlaintextOfEncrypted) {
        auto settings = catalog.registry().settings(QString::fromLatin1(encryptionEnabledSetting));
        const bool encryptingWorkspace =
            settings &&
            settings->value(QString::fromLatin1(encryptionEnabledSetting)) == QLatin1String("true");
        for (const QString &model : order) {
            for (const VersionInfo &v : groups[model]) {
                auto form = catalog.store().storedForm(v.digest);
                if (encryptingWorkspace || (form && *form == Artifacts::StoredForm::Encrypted))
                    return fail(Error::invalid(
                        QStringLiteral("%1:%2 is encrypted at rest and Triton needs plain TorchScript; "
                                       "add --decrypt to write it in plaintext to '%3'")
                            .arg(v.model)
                            .arg(v.version)
                            .arg(options.outputDir)));
            }
        }
    }
    auto deployments = catalog.registry().deployments();
    if (!deployments)
        return fail(deployments.error());

    QList<TritonModelExport> configs;
    for (const QString &model : order) {
        QList<VersionInfo> &versions = groups[model];
        std::sort(versions.begin(), versions.end(),
                  [](const VersionInfo &a, const VersionInfo &b) { return a.version < b.version; });
        auto config =
            tritonModelConfig(versions, findDeploymentHints(*deployments, model, versions), options);
        if (!config)
            return fail(config.error());
        configs << *config;
    }

    const QFileInfo root(options.outputDir);
    if (root.exists() && !root.isDir())
        return fail(Error::invalid(QStringLiteral("'%1' exists and is not a folder").arg(options.outputDir)));
    if (!QDir().mkpath(options.outputDir))
        return fail(Error::io(QStringLiteral("cannot create '%1'").arg(options.outputDir)));
    const QString rootPath = QFileInfo(options.outputDir).absoluteFilePath();
    for (const TritonModelExport &c : configs) {
        if (QFileInfo::exists(rootPath + QLatin1Char('/') + c.model) && !options.overwrite)
            return fail(Error::exists(QStringLiteral("'%1/%2' already exists; add --force to replace it")
                                          .arg(options.outputDir, c.model)));
    }

    const QString pid = QString::number(QCoreApplication::applicationPid());
    for (TritonModelExport &c : configs) {
        const QString finalDir = rootPath + QLatin1Char('/') + c.model;
        const QString staging = rootPath + QStringLiteral("/.") + c.model + QStringLiteral(".partial-") + pid;
        const QString old = rootPath + QStringLiteral("/.") + c.model + QStringLiteral(".old-") + pid;
        auto cleanup = [&]() { (void)removeTree(staging); };
        if (auto s = removeTree(staging); !s)
            return fail(s.error());
        for (const VersionInfo &v : groups[c.model]) {
            const QString dir = staging + QLatin1Char('/') + QString::number(v.version);
            if (!QDir().mkpath(dir)) {
                cleanup();
                return fail(Error::io(QStringLiteral("cannot create '%1'").arg(dir)));
            }
            if (auto s = catalog.exportVersion(v, dir + QStringLiteral("/model.pt")); !s) {
                cleanup();
                return fail(s.error());
            }
        }
        if (auto s = writeText(staging + QStringLiteral("/config.pbtxt"), c.config); !s) {
            cleanup();
            return fail(s.error());
        }
        const bool replacing = QFileInfo::exists(finalDir);
        if (replacing && !QDir().rename(finalDir, old)) {
            cleanup();
            return fail(Error::io(QStringLiteral("cannot move the existing '%1' aside").arg(finalDir)));
        }
        if (!QDir().rename(staging, finalDir)) {
            if (replacing)
                QDir().rename(old, finalDir);
            cleanup();
            return fail(Error::io(QStringLiteral("cannot rename '%1' to '%2'").arg(staging, finalDir)));
        }
        if (replacing)
            (void)removeTree(old);
        c.directory = finalDir;
        for (int n : c.versions) {
            (void)catalog.registry().recordAudit(options.actor.isEmpty() ? currentOsUser() : options.actor,
                                                 QStringLiteral("version.export"),
                                                 QStringLiteral("%1:%2").arg(c.model).arg(n),
                                                 QStringLiteral("triton repository %1").arg(finalDir));
        }
    }
    return configs;
}

} // namespace ModelDesk::Registry
