// runs list|show|cancel|resume|register and datasets import|list|show.
#include "trainingcommands.h"

#include "training/datasetregistration.h"
#include "training/rundirectory.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

namespace ModelDesk::Cli {

using namespace Training;

namespace {

QString localTime(const QDateTime &t) { return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")); }

QString number(const QJsonValue &v, int decimals = 4)
{
    return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("-");
}

int dispatch(CliContext &ctx, const QString &group, const QStringList &args,
             const QList<std::tuple<QString, QString, std::function<int(CliContext &, const QStringList &)>>> &subs)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        ctx.out() << "Usage: modeldesk-cli " << group << " <subcommand> [options]\n\nSubcommands:\n";
        for (const auto &[name, summary, fn] : subs)
            ctx.out() << "  " << name.leftJustified(10) << summary << '\n';
        ctx.out().flush();
        return args.isEmpty() ? 2 : 0;
    }
    for (const auto &[name, summary, fn] : subs) {
        if (name == args.first())
            return fn(ctx, args.mid(1));
    }
    return ctx.usageError(QStringLiteral("unknown %1 subcommand '%2'").arg(group, args.first()));
}

// ---- runs -------------------------------------------------------------------------------------------

int runsList(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List training runs, newest first."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON: an array of runs.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("runs list"), args, &code))
        return code;
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto runs = (*catalog)->registry().runs();
    if (!runs)
        return ctx.fail(runs.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const RunRecord &r : *runs) {
            QJsonObject o = toJson(r);
            o.insert(QStringLiteral("state"), effectiveRunState(**catalog, r));
            out.append(o);
        }
        ctx.printJson(out);
        return 0;
    }
    QList<QStringList> rows;
    for (const RunRecord &r : *runs) {
        const QJsonObject &c = r.config;
        const QJsonValue accuracy = r.summary.contains(QStringLiteral("test_accuracy")) ? r.summary.value(QStringLiteral("test_accuracy"))
                                                                                          : r.summary.value(QStringLiteral("validation_accuracy"));
        rows.append({r.id, effectiveRunState(**catalog, r), c.value(QStringLiteral("arch")).toString(), r.dataset,
                     QStringLiteral("%1/%2").arg(r.epochsDone).arg(c.value(QStringLiteral("epochs")).toInt()), number(accuracy),
                     r.model.isEmpty() ? QStringLiteral("-") : QStringLiteral("%1:%2").arg(r.model).arg(r.version),
                     localTime(r.created)});
    }
    ctx.printTable({QStringLiteral("RUN"), QStringLiteral("STATE"), QStringLiteral("ARCH"), QStringLiteral("DATASET"),
                    QStringLiteral("EPOCHS"), QStringLiteral("ACCURACY"), QStringLiteral("VERSION"), QStringLiteral("CREATED")},
                   rows);
    return 0;
}

int runsShow(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show a run: state, config, final metrics and per-epoch history."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("run id"));
    p.addOption({QStringLiteral("metrics"), QStringLiteral("With --json: include every recorded metric row (per step).")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("runs show"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("runs show needs exactly one RUN id"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto &registry = (*catalog)->registry();
    auto run = registry.run(p.positionalArguments().first());
    if (!run)
        return ctx.fail(run.error());
    auto metrics = registry.runMetrics(run->id);
    if (!metrics)
        return ctx.fail(metrics.error());
    auto dir = RunDirectory::open((*catalog)->workspace(), run->id);
    if (!dir)
        return ctx.fail(dir.error());
    const QString state = effectiveRunState(**catalog, *run);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = toJson(*run);
        o.insert(QStringLiteral("state"), state);
        o.insert(QStringLiteral("folder"), dir->path());
        QJsonArray rows;
        for (const RunMetricRow &m : *metrics) {
            if (p.isSet(QStringLiteral("metrics")))
                rows.append(QJsonObject{{QStringLiteral("step"), m.step}, {QStringLiteral("epoch"), m.epoch},
                                        {QStringLiteral("split"), m.split}, {QStringLiteral("name"), m.name},
                                        {QStringLiteral("value"), m.value}});
        }
        if (p.isSet(QStringLiteral("metrics")))
            o.insert(QStringLiteral("metric_rows"), rows);
        ctx.printJson(o);
        return 0;
    }
    QTextStream &out = ctx.out();
    const QJsonObject &c = run->config;
    out << "run      " << run->id << '\n'
        << "state    " << state << '\n'
        << "dataset  " << run->dataset << "  sha256 " << c.value(QStringLiteral("dataset_sha256")).toString().left(12) << '\n'
        << "arch     " << c.value(QStringLiteral("arch")).toString() << "  optimizer " << c.value(QStringLiteral("optimizer")).toString()
        << "  lr " << c.value(QStringLiteral("lr")).toDouble() << "  batch " << c.value(QStringLiteral("batch_size")).toInt()
        << "  seed " << c.value(QStringLiteral("seed")).toString() << "  threads " << c.value(QStringLiteral("threads")).toInt() << '\n'
        << "epochs   " << run->epochsDone << '/' << c.value(QStringLiteral("epochs")).toInt() << '\n'
        << "folder   " << dir->path() << '\n'
        << "created  " << localTime(run->created) << "   updated " << localTime(run->updated) << '\n';
    if (!run->model.isEmpty())
        out << "version  " << run->model << ':' << run->version << '\n';
    if (run->summary.contains(QStringLiteral("error")))
        out << "error    " << run->summary.value(QStringLiteral("error")).toString() << '\n';
    // Per-epoch history from the recorded rows.
    QMap<int, QMap<QString, double>> byEpoch;
    for (const RunMetricRow &m : *metrics) {
        if (m.name.startsWith(QLatin1String("epoch_")) || m.split == QLatin1String("validation") || m.split == QLatin1String("test"))
            byEpoch[m.epoch][m.split + QLatin1Char('/') + m.name] = m.value;
    }
    if (!byEpoch.isEmpty()) {
        out << '\n';
        out.flush();
        QList<QStringList> rows;
        for (auto it = byEpoch.cbegin(); it != byEpoch.cend(); ++it) {
            const auto &v = it.value();
            auto cell = [&v](const char *key) -> QString {
                const QString k = QString::fromLatin1(key);
                return v.contains(k) ? QString::number(v.value(k), 'f', 4) : QStringLiteral("-");
            };
            rows.append({QString::number(it.key()), cell("train/epoch_loss"), cell("train/epoch_accuracy"),
                         cell("validation/loss"), cell("validation/accuracy"), cell("test/accuracy")});
        }
        ctx.printTable({QStringLiteral("EPOCH"), QStringLiteral("TRAIN LOSS"), QStringLiteral("TRAIN ACC"),
                        QStringLiteral("VAL LOSS"), QStringLiteral("VAL ACC"), QStringLiteral("TEST ACC")},
                       rows);
    }
    return 0;
}

int runsCancel(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Cancel a run from any process. A live run finds a cancel marker in its folder (runs/<id>/cancel) between two "
        "batches, stops, and keeps its last completed epoch's checkpoint; resume it with 'runs resume'."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("run id"));
    p.addOption({QStringLiteral("wait"), QStringLiteral("Wait until the run has stopped.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("runs cancel"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("runs cancel needs exactly one RUN id"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    const QString id = p.positionalArguments().first();
    auto live = cancelRun(**catalog, id);
    if (!live)
        return ctx.fail(live.error());
    if (!*live) {
        ctx.out() << "run " << id << " was not running; marked cancelled\n";
        return 0;
    }
    if (p.isSet(QStringLiteral("wait"))) {
        auto dir = RunDirectory::open((*catalog)->workspace(), id);
        // The training process removes the marker and releases its lock when it stops.
        while (dir && dir->activePid())
            QThread::msleep(100);
        auto run = (*catalog)->registry().run(id);
        ctx.out() << "run " << id << ' ' << (run ? run->state : QStringLiteral("stopped")) << '\n';
    } else {
        ctx.out() << "cancel requested for run " << id << "; it stops after the current batch\n";
    }
    return 0;
}

int runsResume(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Continue a cancelled, failed or interrupted run from its last completed epoch, with its stored config."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("run id"));
    p.addOption({QStringLiteral("epochs"), QStringLiteral("New total number of epochs (default: the run's)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document with the outcome.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("runs resume"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("runs resume needs exactly one RUN id"));
    TrainingRequest request;
    request.resumeRunId = p.positionalArguments().first();
    request.actor = ctx.actor();
    if (p.isSet(QStringLiteral("epochs"))) {
        bool ok = false;
        request.resumeEpochs = p.value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || request.resumeEpochs < 1)
            return ctx.usageError(QStringLiteral("--epochs needs a whole number >= 1"));
    }
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    return runTrainingRequest(ctx, *catalog, request, p.isSet(QStringLiteral("json")));
}

int runsRegister(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Register the exported model of a finished run as the next version of NAME."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("run id"));
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("model name"));
    p.addOption({QStringLiteral("description"), QStringLiteral("Version description."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the new version as JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("runs register"), args, &code))
        return code;
    if (p.positionalArguments().size() != 2)
        return ctx.usageError(QStringLiteral("runs register needs a RUN id and a model NAME"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto version = registerRunModel(**catalog, p.positionalArguments()[0], p.positionalArguments()[1],
                                    p.value(QStringLiteral("description")), ctx.actor());
    if (!version)
        return ctx.fail(version.error());
    if (p.isSet(QStringLiteral("json")))
        ctx.printJson(toJson(*version));
    else
        ctx.out() << "registered " << version->model << ':' << version->version << "  sha256 " << version->digest << '\n';
    return 0;
}

// ---- datasets ---------------------------------------------------------------------------------------

int datasetsImport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Read and check data, and register it as a dataset (name, source, SHA-256, rows, features, classes, balance). "
        "Bad data is refused with the file, line, column and reason; nothing is registered."));
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("CSV file, IDX folder or fortunes folder"));
    addDataReadingOptions(p);
    p.addOption({QStringLiteral("name"), QStringLiteral("Dataset name (default: from the path)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the dataset record as JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("datasets import"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("datasets import needs exactly one PATH"));
    DataOptions d;
    d.path = p.positionalArguments().first();
    d.dataset = p.value(QStringLiteral("name"));
    d.kind = p.value(QStringLiteral("kind"));
    d.labelColumn = p.value(QStringLiteral("label"));
    d.textColumn = p.value(QStringLiteral("text-column"));
    for (const QString &t : p.value(QStringLiteral("topics")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        d.topics.append(t.trimmed());
    for (const QString &t : p.value(QStringLiteral("class-names")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        d.classNames.append(t.trimmed());
    if (p.isSet(QStringLiteral("classes"))) {
        bool ok = false;
        d.classes = p.value(QStringLiteral("classes")).toInt(&ok);
        if (!ok)
            return ctx.usageError(QStringLiteral("--classes needs a whole number"));
    }
    if (!QFileInfo::exists(d.path))
        return ctx.fail(Error::notFound(QStringLiteral("%1: no such file or folder").arg(d.path)));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto registered = loadAndRegisterDataset((*catalog)->registry(), d, ctx.actor());
    if (!registered)
        return ctx.fail(registered.error());
    const DatasetRecord &r = registered->record;
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = toJson(r);
        o.insert(QStringLiteral("created_now"), registered->created);
        ctx.printJson(o);
    } else {
        ctx.out() << (registered->created ? "registered" : "already registered") << " dataset " << r.name << ": " << r.kind
                  << ", " << r.rows << " rows, " << r.features << " features, " << r.classes << " classes, sha256 "
                  << r.digest.left(12) << '\n';
    }
    return 0;
}

int datasetsList(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List registered datasets."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("datasets list"), args, &code))
        return code;
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto list = (*catalog)->registry().datasets();
    if (!list)
        return ctx.fail(list.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const DatasetRecord &d : *list)
            out.append(toJson(d));
        ctx.printJson(out);
        return 0;
    }
    QList<QStringList> rows;
    for (const DatasetRecord &d : *list)
        rows.append({d.name, d.kind, QString::number(d.rows), QString::number(d.features), QString::number(d.classes),
                     d.digest.left(12), d.sourcePath});
    ctx.printTable({QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("ROWS"), QStringLiteral("FEATURES"),
                    QStringLiteral("CLASSES"), QStringLiteral("SHA256"), QStringLiteral("SOURCE")},
                   rows);
    return 0;
}

int datasetsShow(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show a dataset: source, digest, size, class balance; --sample N reads N rows."));
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("dataset name"));
    p.addOption({QStringLiteral("sample"), QStringLiteral("Read the data again and show its first N rows."), QStringLiteral("N")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("datasets show"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("datasets show needs exactly one NAME"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto record = (*catalog)->registry().dataset(p.positionalArguments().first());
    if (!record)
        return ctx.fail(record.error());
    QJsonArray sample;
    if (p.isSet(QStringLiteral("sample"))) {
        bool ok = false;
        const int n = p.value(QStringLiteral("sample")).toInt(&ok);
        if (!ok || n < 1)
            return ctx.usageError(QStringLiteral("--sample needs a whole number >= 1"));
        auto data = loadDataset(dataOptionsFromRecord(*record));
        if (!data)
            return ctx.fail(data.error());
        sample = data->sample(n);
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = toJson(*record);
        if (!sample.isEmpty())
            o.insert(QStringLiteral("sample"), sample);
        ctx.printJson(o);
        return 0;
    }
    QTextStream &out = ctx.out();
    out << "dataset  " << record->name << '\n'
        << "kind     " << record->kind << '\n'
        << "source   " << record->sourcePath << '\n'
        << "sha256   " << record->digest << '\n'
        << "rows     " << record->rows << "   features " << record->features << "   classes " << record->classes << '\n'
        << "created  " << localTime(record->created) << '\n'
        << "balance  ";
    const QJsonObject balance = record->details.value(QStringLiteral("class_balance")).toObject();
    QStringList parts;
    for (const QJsonValue &name : record->details.value(QStringLiteral("class_names")).toArray())
        parts.append(QStringLiteral("%1=%2").arg(name.toString()).arg(balance.value(name.toString()).toInteger()));
    out << parts.join(QStringLiteral(", ")) << '\n';
    for (const QJsonValue &row : sample) {
        const QJsonObject r = row.toObject();
        out << "\nlabel: " << r.value(QStringLiteral("label")).toString() << '\n';
        if (r.contains(QStringLiteral("text")))
            out << r.value(QStringLiteral("text")).toString() << '\n';
        for (const QJsonValue &line : r.value(QStringLiteral("image")).toArray())
            out << "  " << line.toString() << '\n';
        const QJsonObject f = r.value(QStringLiteral("features")).toObject();
        for (auto it = f.constBegin(); it != f.constEnd(); ++it)
            out << "  " << it.key() << " = " << it.value().toDouble() << '\n';
    }
    out.flush();
    return 0;
}

} // namespace

int runsCommand(CliContext &ctx, const QStringList &args)
{
    return dispatch(ctx, QStringLiteral("runs"), args,
                    {{QStringLiteral("list"), QStringLiteral("list training runs"), runsList},
                     {QStringLiteral("show"), QStringLiteral("show a run's config, state and history"), runsShow},
                     {QStringLiteral("cancel"), QStringLiteral("stop a run (from any process)"), runsCancel},
                     {QStringLiteral("resume"), QStringLiteral("continue a run from its last checkpoint"), runsResume},
                     {QStringLiteral("register"), QStringLiteral("register a finished run's model as a version"), runsRegister}});
}

int datasetsCommand(CliContext &ctx, const QStringList &args)
{
    return dispatch(ctx, QStringLiteral("datasets"), args,
                    {{QStringLiteral("import"), QStringLiteral("check and register data"), datasetsImport},
                     {QStringLiteral("list"), QStringLiteral("list datasets"), datasetsList},
                     {QStringLiteral("show"), QStringLiteral("show a dataset (and a sample)"), datasetsShow}});
}

} // namespace ModelDesk::Cli
