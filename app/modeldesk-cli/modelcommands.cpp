// models, audit, doctor and validate-artifact: the registry face of modeldesk-cli.

#include "clicontext.h"

#include "artifacts/masterkey.h"
#include "artifacts/torchscriptinspector.h"
#include "core/names.h"
#include "registry/marimport.h"
#include "artifacts/runfiles.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <unistd.h>

namespace ModelDesk::Cli {

namespace {

using Registry::ModelCatalog;

QString shortDigest(const QString &digest) { return digest.left(12); }

QString localTime(const QDateTime &t) { return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")); }

QString tagsText(const QMap<QString, QString> &tags)
{
    QStringList parts;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(','));
}

// A progress line on stderr when it is a terminal; silent otherwise (scripts, CI logs).
Artifacts::Progress terminalProgress(const QString &label)
{
    if (!::isatty(STDERR_FILENO))
        return {};
    return [label, last = -1](qint64 done, qint64 total) mutable {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent != last) {
            last = percent;
            QTextStream(stderr) << '\r' << label << ' ' << percent << '%' << (percent >= 100 ? "\n" : "");
        }
        return true;
    };
}

int modelsImport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Import a TorchScript file as the next version of a model."));
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("TorchScript file (torch.jit.save output) or TorchServe archive (.mar)"));
    p.addOption({QStringLiteral("name"), QStringLiteral("Model name (created if new)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("description"), QStringLiteral("Version description."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("task"), QStringLiteral("Task of a new model (e.g. classification)."), QStringLiteral("TASK")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the new version as JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models import"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("models import needs exactly one FILE"));
    if (!p.isSet(QStringLiteral("name")))
        return ctx.usageError(QStringLiteral("models import needs --name NAME"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    Registry::ImportRequest request;
    request.sourcePath = p.positionalArguments().first();
    request.model = p.value(QStringLiteral("name"));
    request.description = p.value(QStringLiteral("description"));
    request.modelTask = p.value(QStringLiteral("task"));
    // A TorchServe archive (.mar) brings its TorchScript file; registry/marimport.h explains what is taken.
    const bool mar = request.sourcePath.endsWith(QLatin1String(".mar"), Qt::CaseInsensitive)
        || Registry::isMarArchive(request.sourcePath);
    auto version = mar
        ? Registry::importMarArchive(**catalog, request, ctx.actor(), terminalProgress(QStringLiteral("importing")))
        : (*catalog)->importFile(request, ctx.actor(), terminalProgress(QStringLiteral("importing")));
    if (!version)
        return ctx.fail(version.error());
    if (p.isSet(QStringLiteral("json"))) {
        ctx.printJson(toJson(*version));
    } else {
        ctx.out() << "imported " << version->model << ':' << version->version << "  sha256 " << version->digest << "  "
                  << humanSize(version->size) << "  " << version->parameterCount << " parameters\n";
    }
    return 0;
}

int modelsList(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List models and their versions."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON: an array of models, each with its versions.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models list"), args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("models list takes no arguments"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto &registry = (*catalog)->registry();
    auto models = registry.models();
    if (!models)
        return ctx.fail(models.error());
    auto versions = registry.allVersions();
    if (!versions)
        return ctx.fail(versions.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const ModelInfo &m : *models) {
            QJsonObject o = toJson(m);
            QJsonArray vs;
            for (const VersionInfo &v : *versions) {
                if (v.model == m.name)
                    vs.append(toJson(v));
            }
            o.insert(QStringLiteral("versions"), vs);
            out.append(o);
        }
        ctx.printJson(out);
        return 0;
    }
    if (models->isEmpty()) {
        ctx.out() << "no models yet; import one with: modeldesk-cli models import FILE --name NAME\n";
        return 0;
    }
    QList<QStringList> rows;
    for (const ModelInfo &m : *models) {
        bool any = false;
        for (const VersionInfo &v : *versions) {
            if (v.model != m.name)
                continue;
            any = true;
            rows << QStringList{v.model,
                                QString::number(v.version),
                                v.aliases.join(QLatin1Char(',')),
                                humanSize(v.size),
                                QString::number(v.parameterCount),
                                shortDigest(v.digest),
                                localTime(v.created),
                                tagsText(v.tags)};
        }
        if (!any)
            rows << QStringList{m.name, QStringLiteral("-"), {}, {}, {}, {}, localTime(m.created), {}};
    }
    ctx.printTable({QStringLiteral("MODEL"), QStringLiteral("VERSION"), QStringLiteral("ALIASES"), QStringLiteral("SIZE"),
                    QStringLiteral("PARAMS"), QStringLiteral("SHA256"), QStringLiteral("CREATED"), QStringLiteral("TAGS")},
                   rows);
    return 0;
}

void printVersion(CliContext &ctx, const VersionInfo &v)
{
    QTextStream &out = ctx.out();
    out << v.model << ':' << v.version << '\n';
    auto line = [&out](const char *key, const QString &value) {
        out << "  " << QString::fromLatin1(key).leftJustified(16) << value << '\n';
    };
    line("sha256", v.digest);
    line("size", QStringLiteral("%1 (%2 bytes)").arg(humanSize(v.size)).arg(v.size));
    line("format", v.format);
    line("parameters", QString::number(v.parameterCount));
    line("schema", v.signature.schema);
    for (const TensorSpec &t : v.signature.inputs)
        line("input", QStringLiteral("%1 %2 %3").arg(t.name, t.dtype.isEmpty() ? QStringLiteral("any") : t.dtype,
                                                     QString::fromUtf8(QJsonDocument(t.toJson().value(QStringLiteral("shape")).toArray()).toJson(QJsonDocument::Compact))));
    for (const TensorSpec &t : v.signature.outputs)
        line("output", QStringLiteral("%1 %2").arg(t.name, t.dtype.isEmpty() ? QStringLiteral("any") : t.dtype));
    line("aliases", v.aliases.join(QStringLiteral(", ")));
    line("tags", tagsText(v.tags));
    line("description", v.description);
    line("created", QStringLiteral("%1 by %2").arg(localTime(v.created), v.createdBy));
    line("source", v.lineage.source);
    if (v.lineage.parentVersion)
        line("parent", QStringLiteral("%1:%2").arg(v.model).arg(*v.lineage.parentVersion));
    if (!v.lineage.runId.isEmpty())
        line("run", v.lineage.runId);
    if (!v.lineage.datasetDigest.isEmpty())
        line("dataset", v.lineage.datasetDigest);
    if (!v.metrics.isEmpty())
        line("metrics", QString::fromUtf8(QJsonDocument(v.metrics).toJson(QJsonDocument::Compact)));
    if (!v.params.isEmpty())
        line("params", QString::fromUtf8(QJsonDocument(v.params).toJson(QJsonDocument::Compact)));
    out.flush();
}

int modelsShow(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show a model (all versions) or one version."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME, NAME:VERSION or NAME@ALIAS"));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models show"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("models show needs exactly one NAME[:VERSION|@ALIAS]"));
    auto ref = Names::parseModelRef(p.positionalArguments().first());
    if (!ref)
        return ctx.fail(ref.error());
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    const bool json = p.isSet(QStringLiteral("json"));
    if (ref->version || !ref->alias.isEmpty()) {
        auto v = (*catalog)->resolve(*ref);
        if (!v)
            return ctx.fail(v.error());
        if (json)
            ctx.printJson(toJson(*v));
        else
            printVersion(ctx, *v);
        return 0;
    }
    auto &registry = (*catalog)->registry();
    auto model = registry.model(ref->name);
    if (!model)
        return ctx.fail(model.error());
    auto versions = registry.versions(ref->name);
    if (!versions)
        return ctx.fail(versions.error());
    if (json) {
        QJsonObject o = toJson(*model);
        QJsonArray vs;
        for (const VersionInfo &v : *versions)
            vs.append(toJson(v));
        o.insert(QStringLiteral("versions"), vs);
        ctx.printJson(o);
        return 0;
    }
    ctx.out() << model->name << "  (" << model->versionCount << " version(s), created " << localTime(model->created)
              << ")\n";
    if (!model->description.isEmpty())
        ctx.out() << "  " << model->description << '\n';
    for (const VersionInfo &v : *versions)
        printVersion(ctx, v);
    return 0;
}

int modelsDelete(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Delete one version, or a whole model with --yes."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME:VERSION, or NAME to delete every version"));
    p.addOption({QStringLiteral("yes"), QStringLiteral("Confirm deleting a whole model with all its versions.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models delete"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("models delete needs exactly one NAME[:VERSION]"));
    auto ref = Names::parseModelRef(p.positionalArguments().first());
    if (!ref)
        return ctx.fail(ref.error());
    if (!ref->alias.isEmpty())
        return ctx.usageError(QStringLiteral("models delete takes NAME or NAME:VERSION, not an alias"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    if (ref->version) {
        if (auto s = (*catalog)->deleteVersion(ref->name, *ref->version, ctx.actor()); !s)
            return ctx.fail(s.error());
        ctx.out() << "deleted " << ref->toString() << '\n';
        return 0;
    }
    if (!p.isSet(QStringLiteral("yes"))) {
        auto model = (*catalog)->registry().model(ref->name);
        if (!model)
            return ctx.fail(model.error());
        return ctx.usageError(QStringLiteral("deleting model '%1' removes all %2 version(s); add --yes to confirm")
                                  .arg(ref->name)
                                  .arg(model->versionCount));
    }
    if (auto s = (*catalog)->deleteModel(ref->name, ctx.actor()); !s)
        return ctx.fail(s.error());
    ctx.out() << "deleted model " << ref->name << '\n';
    return 0;
}

int modelsAlias(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Point an alias (e.g. production) at a version, or remove it."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME:VERSION to set, or NAME with --remove"));
    p.addPositionalArgument(QStringLiteral("ALIAS"), QStringLiteral("alias name"));
    p.addOption({QStringLiteral("remove"), QStringLiteral("Remove the alias instead of setting it.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models alias"), args, &code))
        return code;
    if (p.positionalArguments().size() != 2)
        return ctx.usageError(QStringLiteral("models alias needs NAME:VERSION ALIAS (or NAME ALIAS --remove)"));
    auto ref = Names::parseModelRef(p.positionalArguments().at(0));
    if (!ref)
        return ctx.fail(ref.error());
    const QString alias = p.positionalArguments().at(1);
    if (auto s = Names::checkName(alias, QStringLiteral("alias")); !s)
        return ctx.fail(s.error());
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto &registry = (*catalog)->registry();
    if (p.isSet(QStringLiteral("remove"))) {
        if (auto s = registry.removeAlias(ref->name, alias, ctx.actor()); !s)
            return ctx.fail(s.error());
        ctx.out() << "removed alias " << ref->name << '@' << alias << '\n';
        return 0;
    }
    if (!ref->version)
        return ctx.usageError(QStringLiteral("models alias needs NAME:VERSION to set an alias"));
    if (auto s = registry.setAlias(ref->name, alias, *ref->version, ctx.actor()); !s)
        return ctx.fail(s.error());
    ctx.out() << ref->name << '@' << alias << " -> " << ref->name << ':' << *ref->version << '\n';
    return 0;
}

int modelsTag(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Set KEY=VALUE tags on a version, or remove tags by key."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME:VERSION or NAME@ALIAS"));
    p.addPositionalArgument(QStringLiteral("TAG"), QStringLiteral("KEY=VALUE to set, or KEY with --remove"), QStringLiteral("TAG..."));
    p.addOption({QStringLiteral("remove"), QStringLiteral("Remove the given tag keys.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models tag"), args, &code))
        return code;
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 2)
        return ctx.usageError(QStringLiteral("models tag needs NAME:VERSION and at least one KEY=VALUE"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto ref = Names::parseModelRef(pos.first());
    if (!ref)
        return ctx.fail(ref.error());
    if (!ref->version && ref->alias.isEmpty())
        return ctx.usageError(QStringLiteral("models tag needs a version: NAME:VERSION or NAME@ALIAS"));
    auto version = (*catalog)->resolve(*ref);
    if (!version)
        return ctx.fail(version.error());
    auto &registry = (*catalog)->registry();
    const bool remove = p.isSet(QStringLiteral("remove"));
    // Validate everything first so a bad tag in the list changes nothing.
    QList<QPair<QString, QString>> tags;
    for (const QString &t : pos.mid(1)) {
        const qsizetype eq = t.indexOf(QLatin1Char('='));
        const QString key = remove ? t : t.left(eq);
        if (!remove && eq < 0)
            return ctx.usageError(QStringLiteral("tag '%1' is not KEY=VALUE").arg(t));
        if (auto s = Names::checkTagKey(key); !s)
            return ctx.fail(s.error());
        const QString value = remove ? QString() : t.mid(eq + 1);
        if (auto s = Names::checkTagValue(value); !s)
            return ctx.fail(s.error());
        tags.append({key, value});
    }
    for (const auto &[key, value] : tags) {
        auto s = remove ? registry.removeTag(version->model, version->version, key, ctx.actor())
                        : registry.setTag(version->model, version->version, key, value, ctx.actor());
        if (!s)
            return ctx.fail(s.error());
    }
    ctx.out() << (remove ? "removed " : "tagged ") << version->model << ':' << version->version << '\n';
    return 0;
}

int modelsExport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Write a version's verified artifact to a file."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME, NAME:VERSION or NAME@ALIAS"));
    p.addOption({QStringLiteral("format"), QStringLiteral("Output format (torchscript)."), QStringLiteral("FORMAT"),
                 QStringLiteral("torchscript")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Destination file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Overwrite an existing file.")});
    p.addOption({QStringLiteral("decrypt"), QStringLiteral("Write a model that is encrypted at rest in plaintext to FILE.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("models export"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("models export needs exactly one NAME[:VERSION|@ALIAS]"));
    if (p.value(QStringLiteral("format")) != QLatin1String("torchscript"))
        return ctx.usageError(QStringLiteral("unknown export format '%1' (supported: torchscript)").arg(p.value(QStringLiteral("format"))));
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        return ctx.usageError(QStringLiteral("models export needs --out FILE"));
    if (QFileInfo(out).isDir())
        return ctx.usageError(QStringLiteral("--out '%1' is a directory; give a file name").arg(out));
    if (QFileInfo::exists(out) && !p.isSet(QStringLiteral("force")))
        return ctx.fail(Error::exists(QStringLiteral("%1 already exists; add --force to overwrite it").arg(out)));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto version = (*catalog)->resolve(p.positionalArguments().first());
    if (!version)
        return ctx.fail(version.error());
    if (auto s = requireDecryptConsent(**catalog, *version, p.isSet(QStringLiteral("decrypt")), out); !s)
        return ctx.fail(s.error());
    if (auto s = (*catalog)->exportVersion(*version, out); !s)
        return ctx.fail(s.error());
    (void)(*catalog)->registry().recordAudit(ctx.actor(), QStringLiteral("version.export"),
                                             QStringLiteral("%1:%2").arg(version->model).arg(version->version),
                                             QFileInfo(out).absoluteFilePath());
    ctx.out() << "exported " << version->model << ':' << version->version << " to " << out << '\n';
    return 0;
}

int models(CliContext &ctx, const QStringList &args)
{
    static const QList<QPair<QString, QString>> subcommands = {
        {QStringLiteral("import"), QStringLiteral("import a TorchScript file as a new version")},
        {QStringLiteral("list"), QStringLiteral("list models and versions")},
        {QStringLiteral("show"), QStringLiteral("show a model or a version")},
        {QStringLiteral("delete"), QStringLiteral("delete a version or a model")},
        {QStringLiteral("alias"), QStringLiteral("set or remove an alias")},
        {QStringLiteral("tag"), QStringLiteral("set or remove tags")},
        {QStringLiteral("export"), QStringLiteral("write a version's artifact to a file")},
    };
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        ctx.out() << "Usage: modeldesk-cli models <subcommand> [options]\n\nSubcommands:\n";
        for (const auto &[name, summary] : subcommands)
            ctx.out() << "  " << name.leftJustified(8) << summary << '\n';
        ctx.out().flush();
        return args.isEmpty() ? 2 : 0;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("import"))
        return modelsImport(ctx, rest);
    if (sub == QLatin1String("list"))
        return modelsList(ctx, rest);
    if (sub == QLatin1String("show"))
        return modelsShow(ctx, rest);
    if (sub == QLatin1String("delete"))
        return modelsDelete(ctx, rest);
    if (sub == QLatin1String("alias"))
        return modelsAlias(ctx, rest);
    if (sub == QLatin1String("tag"))
        return modelsTag(ctx, rest);
    if (sub == QLatin1String("export"))
        return modelsExport(ctx, rest);
    return ctx.usageError(QStringLiteral("unknown models subcommand '%1'").arg(sub));
}

int audit(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show the audit log, newest first."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({QStringLiteral("target"), QStringLiteral("Only entries whose target starts with this (e.g. a model name)."), QStringLiteral("TARGET")});
    p.addOption({QStringLiteral("actor"), QStringLiteral("Only entries by this actor."), QStringLiteral("ACTOR")});
    p.addOption({QStringLiteral("action"), QStringLiteral("Only this action (e.g. version.create)."), QStringLiteral("ACTION")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N entries (default 100)."), QStringLiteral("N"), QStringLiteral("100")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("audit"), args, &code))
        return code;
    bool ok = false;
    const int limit = p.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1)
        return ctx.usageError(QStringLiteral("--limit must be a positive integer"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    AuditQuery q;
    q.target = p.value(QStringLiteral("target"));
    q.actor = p.value(QStringLiteral("actor"));
    q.action = p.value(QStringLiteral("action"));
    q.limit = limit;
    auto entries = (*catalog)->registry().audit(q);
    if (!entries)
        return ctx.fail(entries.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const AuditEntry &e : *entries)
            out.append(toJson(e));
        ctx.printJson(out);
        return 0;
    }
    QList<QStringList> rows;
    for (const AuditEntry &e : *entries)
        rows << QStringList{e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.actor, e.action,
                            e.target, e.detail.left(80)};
    ctx.printTable({QStringLiteral("TIME"), QStringLiteral("ACTOR"), QStringLiteral("ACTION"), QStringLiteral("TARGET"),
                    QStringLiteral("DETAIL")},
                   rows);
    return 0;
}

int doctor(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Check the registry schema, every artifact's digest and orphans both "
                                               "ways, and every training run's checkpoint and exported model. Exits 5 "
                                               "when a problem is found."));
    p.addOption({QStringLiteral("fix"), QStringLiteral("Remove orphan artifacts and leftovers of interrupted writes.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("doctor"), args, &code))
        return code;
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto report = (*catalog)->doctor(p.isSet(QStringLiteral("fix")));
    if (!report)
        return ctx.fail(report.error());
    // Training runs' checkpoints and exported models: decrypted (when encrypted at rest) and hashed
    // in memory against the digest checkpoint.json / export.json record.
    int runFilesChecked = 0;
    const Artifacts::RunFiles runFiles((*catalog)->store().keyring());
    for (const Artifacts::RunFiles::Entry &entry : Artifacts::RunFiles::list((*catalog)->workspace().runsDir())) {
        auto bytes = runFiles.read(entry.path, entry.sha256);
        if (bytes) {
            Artifacts::secureWipe(*bytes);
            ++runFilesChecked;
        } else if (bytes.error().code != Error::Code::NotFound) { // a newer checkpoint replaced it meanwhile
            report->problems << bytes.error().message;
        }
    }
    if (p.isSet(QStringLiteral("json"))) {
        ctx.printJson(QJsonObject{{QStringLiteral("ok"), report->ok()},
                                  {QStringLiteral("problems"), QJsonArray::fromStringList(report->problems)},
                                  {QStringLiteral("fixed"), QJsonArray::fromStringList(report->fixed)},
                                  {QStringLiteral("models"), report->modelsChecked},
                                  {QStringLiteral("versions"), report->versionsChecked},
                                  {QStringLiteral("artifacts"), report->artifactsChecked},
                                  {QStringLiteral("run_files"), runFilesChecked}});
    } else {
        for (const QString &f : report->fixed)
            ctx.out() << "fixed: " << f << '\n';
        ctx.out() << "checked " << report->modelsChecked << " model(s), " << report->versionsChecked << " version(s), "
                  << report->artifactsChecked << " artifact file(s), " << runFilesChecked << " run file(s)\n";
        ctx.out().flush();
        for (const QString &problem : report->problems)
            ctx.err() << ctx.program() << ": problem: " << problem << '\n';
        ctx.err().flush();
        if (report->ok())
            ctx.out() << "ok\n";
    }
    return report->ok() ? 0 : 5;
}

int validateArtifact(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Check that FILE is TorchScript ModelDesk can serve; print what it "
                                               "records about it as JSON. Used by the importer in a child process."));
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("file to check"));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON (the default).")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("validate-artifact"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("validate-artifact needs exactly one FILE"));
    return Artifacts::runValidateArtifactCommand(p.positionalArguments().first(), ctx.out(), ctx.err());
}

} // namespace

void addModelCommands(CommandList &commands)
{
    commands << Command{QStringLiteral("models"), QStringLiteral("import, list, show, delete, alias, tag, export models"), models}
             << Command{QStringLiteral("audit"), QStringLiteral("show the audit log"), audit}
             << Command{QStringLiteral("doctor"), QStringLiteral("check registry and artifacts for problems"), doctor}
             << Command{QStringLiteral("validate-artifact"), QStringLiteral("check a TorchScript file (used by import)"),
                        validateArtifact};
}

} // namespace ModelDesk::Cli
