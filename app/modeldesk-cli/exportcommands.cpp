// export: the registry's versions in the layouts cluster engines load (Triton, KServe).

#include "clicontext.h"

#include "core/names.h"
#include "registry/clusterexport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace ModelDesk::Cli {

namespace {

// "FP32:-1,784" (dtype and full shape, batch dimension included, -1 = variable) or "FP32".
Result<TensorSpec> parseTensorOverride(const QString &text, const QString &option)
{
    TensorSpec spec;
    const QString dtype = text.section(QLatin1Char(':'), 0, 0).trimmed().toUpper();
    const QString dims = text.section(QLatin1Char(':'), 1).trimmed();
    if (dtype.isEmpty() || Registry::tritonDataType(dtype).isEmpty())
        return fail(Error::invalid(
            QStringLiteral("--%1 '%2': expected DTYPE[:DIMS] with a KServe datatype such as FP32, "
                           "INT64 or BOOL, e.g. FP32:-1,784")
                .arg(option, text)));
    spec.dtype = dtype;
    if (!dims.isEmpty()) {
        for (const QString &d : dims.split(QLatin1Char(','))) {
            bool ok = false;
            const qint64 n = d.trimmed().toLongLong(&ok);
            if (!ok || n == 0 || n < -1)
                return fail(Error::invalid(
                    QStringLiteral("--%1 '%2': dimensions are positive integers or -1 (variable)")
                        .arg(option, text)));
            spec.shape << n;
        }
    }
    return spec;
}

int exportTriton(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Write a Triton Inference Server model repository: <DIR>/<name>/config.pbtxt and "
                       "<DIR>/<name>/<version>/model.pt "
                       "for each model (versions of one model share its folder). Dtypes and dims come from "
                       "the version's signature; "
                       "batching from the model's deployment when it has one."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME, NAME:VERSION or NAME@ALIAS"),
                            QStringLiteral("REF..."));
    p.addOption({QStringLiteral("out"), QStringLiteral("Repository folder (created when missing)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("input"),
                 QStringLiteral("Dtype and shape of input i, in order, for versions whose signature "
                                "lacks them (e.g. FP32:-1,784). Repeat per input."),
                 QStringLiteral("DTYPE:DIMS")});
    p.addOption(
        {QStringLiteral("output"),
         QStringLiteral("Dtype and shape of output i, in order (e.g. FP32:-1,10). Repeat per output."),
         QStringLiteral("DTYPE:DIMS")});
    p.addOption({QStringLiteral("max-batch-size"),
                 QStringLiteral("Triton max_batch_size (0 = no batching). Default: the "
                                "deployment's, else 8 for batchable models."),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("force"), QStringLiteral("Replace model folders that already exist in DIR.")});
    p.addOption({QStringLiteral("decrypt"),
                 QStringLiteral("Write versions that are encrypted at rest as plain TorchScript "
                                "(Triton cannot read encrypted files).")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print what was written as JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("export triton"), args, &code))
        return code;
    if (p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("export triton needs at least one NAME[:VERSION|@ALIAS]"));
    Registry::TritonExportOptions options;
    options.outputDir = p.value(QStringLiteral("out"));
    if (options.outputDir.isEmpty())
        return ctx.usageError(QStringLiteral("export triton needs --out DIR"));
    options.overwrite = p.isSet(QStringLiteral("force"));
    options.allowPlaintextOfEncrypted = p.isSet(QStringLiteral("decrypt"));
    options.actor = ctx.actor();
    for (const QString &v : p.values(QStringLiteral("input"))) {
        auto spec = parseTensorOverride(v, QStringLiteral("input"));
        if (!spec)
            return ctx.fail(spec.error());
        options.inputs << *spec;
    }
    for (const QString &v : p.values(QStringLiteral("output"))) {
        auto spec = parseTensorOverride(v, QStringLiteral("output"));
        if (!spec)
            return ctx.fail(spec.error());
        options.outputs << *spec;
    }
    if (p.isSet(QStringLiteral("max-batch-size"))) {
        bool ok = false;
        const int n = p.value(QStringLiteral("max-batch-size")).toInt(&ok);
        if (!ok || n < 0)
            return ctx.usageError(QStringLiteral("--max-batch-size must be 0 or a positive integer"));
        options.maxBatchSize = n;
    }
    QList<Names::ModelRef> refs;
    for (const QString &text : p.positionalArguments()) {
        auto ref = Names::parseModelRef(text);
        if (!ref)
            return ctx.fail(ref.error());
        refs << *ref;
    }
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto written = Registry::exportTritonRepository(**catalog, refs, options);
    if (!written)
        return ctx.fail(written.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const Registry::TritonModelExport &m : *written) {
            QJsonArray versions;
            for (int v : m.versions)
                versions.append(v);
            out.append(QJsonObject{{QStringLiteral("model"), m.model},
                                   {QStringLiteral("versions"), versions},
                                   {QStringLiteral("directory"), m.directory},
                                   {QStringLiteral("deployment"), m.deployment},
                                   {QStringLiteral("max_batch_size"), m.maxBatchSize},
                                   {QStringLiteral("dynamic_batching"), m.dynamicBatching}});
        }
        ctx.printJson(out);
        return 0;
    }
    for (const Registry::TritonModelExport &m : *written) {
        QStringList versions;
        for (int v : m.versions)
            versions << QString::number(v);
        ctx.out() << "exported " << m.model << " version(s) " << versions.join(QLatin1Char(',')) << " to "
                  << m.directory << " (max_batch_size " << m.maxBatchSize;
        if (m.dynamicBatching)
            ctx.out() << ", dynamic batching from deployment '" << m.deployment << '\'';
        ctx.out() << ")\n";
    }
    ctx.out().flush();
    return 0;
}

int exportKServe(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Write a KServe InferenceService manifest (serving.kserve.io/v1beta1) whose predictor serves the "
        "version with "
        "the Triton runtime over the v2 protocol; canaryTrafficPercent comes from the model's deployment "
        "when it "
        "sends a canary share to this version. storageUri is a placeholder unless --storage-uri is given."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME, NAME:VERSION or NAME@ALIAS"));
    p.addOption({QStringLiteral("out"), QStringLiteral("Manifest file ('-' or omitted: standard output)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("name"),
                 QStringLiteral("InferenceService name (default: derived from the model name)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("namespace"),
                 QStringLiteral("Kubernetes namespace (default: none, kubectl's current one)."),
                 QStringLiteral("NS")});
    p.addOption({QStringLiteral("storage-uri"),
                 QStringLiteral("Where the Triton repository of this version is uploaded "
                                "(s3://, gs://, pvc://...)."),
                 QStringLiteral("URI")});
    p.addOption({QStringLiteral("runtime"),
                 QStringLiteral("ServingRuntime name (default kserve-tritonserver)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Overwrite an existing FILE.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("export kserve"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("export kserve needs exactly one NAME[:VERSION|@ALIAS]"));
    const QString out = p.value(QStringLiteral("out"));
    const bool toStdout = out.isEmpty() || out == QLatin1String("-");
    if (!toStdout && QFileInfo(out).isDir())
        return ctx.usageError(QStringLiteral("--out '%1' is a directory; give a file name").arg(out));
    if (!toStdout && QFileInfo::exists(out) && !p.isSet(QStringLiteral("force")))
        return ctx.fail(
            Error::exists(QStringLiteral("%1 already exists; add --force to overwrite it").arg(out)));
    auto ref = Names::parseModelRef(p.positionalArguments().first());
    if (!ref)
        return ctx.fail(ref.error());
    Registry::KServeExportOptions options;
    options.serviceName = p.value(QStringLiteral("name"));
    options.serviceNamespace = p.value(QStringLiteral("namespace"));
    options.storageUri = p.value(QStringLiteral("storage-uri"));
    if (p.isSet(QStringLiteral("runtime")))
        options.runtime = p.value(QStringLiteral("runtime"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto manifest = Registry::kserveManifest(**catalog, *ref, options);
    if (!manifest)
        return ctx.fail(manifest.error());
    if (toStdout) {
        ctx.out() << manifest->yaml;
        ctx.out().flush();
    } else {
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(manifest->yaml.toUtf8()) < 0 || !file.commit())
            return ctx.fail(Error::io(QStringLiteral("cannot write '%1': %2").arg(out, file.errorString())));
        (void)(*catalog)->registry().recordAudit(
            ctx.actor(), QStringLiteral("version.export"),
            QStringLiteral("%1:%2").arg(manifest->model).arg(manifest->version),
            QStringLiteral("kserve manifest %1").arg(QFileInfo(out).absoluteFilePath()));
        ctx.out() << "wrote InferenceService '" << manifest->serviceName << "' for " << manifest->model << ':'
                  << manifest->version << " to " << out;
        if (manifest->canaryPercent)
            ctx.out() << " (canary " << *manifest->canaryPercent << "%)";
        ctx.out() << '\n';
        ctx.out().flush();
    }
    if (!manifest->note.isEmpty())
        ctx.err() << ctx.program() << ": note: " << manifest->note << Qt::endl;
    if (options.storageUri.isEmpty())
        ctx.err() << ctx.program()
                  << ": note: storageUri is a placeholder; set it with --storage-uri or edit the manifest"
                  << Qt::endl;
    return 0;
}

int exportCommand(CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        ctx.out() << "Usage: modeldesk-cli export <target> [options]\n\nTargets:\n"
                     "  triton  write a Triton model repository (config.pbtxt + <version>/model.pt)\n"
                     "  kserve  write a KServe InferenceService manifest\n\n"
                     "For a single TorchScript file use 'modeldesk-cli models export'.\n";
        ctx.out().flush();
        return args.isEmpty() ? 2 : 0;
    }
    const QString target = args.first();
    if (target == QLatin1String("triton"))
        return exportTriton(ctx, args.mid(1));
    if (target == QLatin1String("kserve"))
        return exportKServe(ctx, args.mid(1));
    return ctx.usageError(QStringLiteral("unknown export target '%1' (triton or kserve)").arg(target));
}

} // namespace

void addExportCommands(CommandList &commands)
{
    commands << Command{QStringLiteral("export"),
                        QStringLiteral("export for cluster engines: Triton repository, KServe manifest"),
                        exportCommand};
}

} // namespace ModelDesk::Cli
