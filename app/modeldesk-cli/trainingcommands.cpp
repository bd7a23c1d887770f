// Training commands: train (here), runs, datasets and sweep (trainingcommands_*.cpp).
#include "trainingcommands.h"

#include "core/names.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace ModelDesk::Cli {

using namespace Training;

namespace {

// Ctrl-C during training: ask the job to stop between two batches (an async-signal-safe atomic
// store); the run ends "cancelled" with its last checkpoint and can be resumed. A second Ctrl-C
// kills the process as usual.
std::atomic<TrainingJob *> g_interruptible{nullptr};

extern "C" void onInterrupt(int)
{
    if (TrainingJob *job = g_interruptible.load()) {
        job->cancel();
        std::signal(SIGINT, SIG_DFL);
    }
}

QString opt(const char *name) { return QString::fromLatin1(name); }

Result<int> intOption(const QCommandLineParser &p, const char *name, int fallback)
{
    if (!p.isSet(opt(name)))
        return fallback;
    bool ok = false;
    const int v = p.value(opt(name)).toInt(&ok);
    if (!ok)
        return fail(Error::invalid(QStringLiteral("--%1: '%2' is not a whole number").arg(opt(name), p.value(opt(name)))));
    return v;
}

Result<double> doubleOption(const QCommandLineParser &p, const char *name, double fallback)
{
    if (!p.isSet(opt(name)))
        return fallback;
    bool ok = false;
    const double v = p.value(opt(name)).toDouble(&ok);
    if (!ok)
        return fail(Error::invalid(QStringLiteral("--%1: '%2' is not a number").arg(opt(name), p.value(opt(name)))));
    return v;
}

Result<QList<int>> intListOption(const QCommandLineParser &p, const char *name, const QList<int> &fallback)
{
    if (!p.isSet(opt(name)))
        return fallback;
    QList<int> out;
    for (const QString &part : p.value(opt(name)).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        out.append(part.trimmed().toInt(&ok));
        if (!ok)
            return fail(Error::invalid(QStringLiteral("--%1: '%2' is not a list of whole numbers (e.g. 128,64)")
                                           .arg(opt(name), p.value(opt(name)))));
    }
    return out;
}

QStringList listOption(const QCommandLineParser &p, const char *name)
{
    QStringList out;
    for (const QString &s : p.value(opt(name)).split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(s.trimmed());
    return out;
}

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const qint64 s = qint64(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

int train(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Train a classifier on a dataset, evaluate it on the test split, export it as TorchScript and (with "
        "--register) record it as a new model version. Ctrl-C cancels cleanly; 'runs resume ID' continues."));
    addTrainingOptions(p);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document with the run's outcome and final metrics.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("train"), args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("train takes no positional arguments ('%1')").arg(p.positionalArguments().first()));
    auto config = trainingConfigFromOptions(p);
    if (!config)
        return ctx.fail(config.error());
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    TrainingRequest request;
    request.config = *config;
    request.actor = ctx.actor();
    return runTrainingRequest(ctx, *catalog, request, p.isSet(QStringLiteral("json")));
}

} // namespace

void addDataOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("data"), QStringLiteral("Data: a CSV file, an IDX folder (e.g. /usr/share/datasets/fashion-mnist), "
                                                        "a fortunes folder, or a registered dataset name."), QStringLiteral("PATH|NAME")});
    p.addOption({QStringLiteral("dataset-name"), QStringLiteral("Name to register the data under (default: from the path)."), QStringLiteral("NAME")});
    addDataReadingOptions(p);
}

void addDataReadingOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("kind"), QStringLiteral("Data kind: csv, text-csv, idx, fortunes (default: detected)."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("label"), QStringLiteral("CSV label column: header name or 1-based number (default: label/class/target/y, else the last)."), QStringLiteral("COLUMN")});
    p.addOption({QStringLiteral("text-column"), QStringLiteral("Text CSV text column (default: 'text', else the other column)."), QStringLiteral("COLUMN")});
    p.addOption({QStringLiteral("topics"), QStringLiteral("Fortunes topics (default: art,computers,food,law,love,medicine,politics,science,sports)."), QStringLiteral("A,B,...")});
    p.addOption({QStringLiteral("classes"), QStringLiteral("Expected class count: labels outside 0..N-1 are errors (default: from the data)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("class-names"), QStringLiteral("Display names of the classes, in class-id order."), QStringLiteral("A,B,...")});
}

Result<DataOptions> dataOptionsFromParser(const QCommandLineParser &p)
{
    DataOptions d;
    const QString data = p.value(QStringLiteral("data"));
    if (data.isEmpty())
        return fail(Error::invalid(QStringLiteral("--data is required (a file, a folder or a registered dataset name)")));
    if (QFileInfo::exists(data)) {
        d.path = data;
    } else if (Names::isValidName(data) && !data.contains(QLatin1Char('/'))) {
        d.dataset = data; // a registered dataset
    } else {
        return fail(Error::notFound(QStringLiteral("%1: no such file, folder or dataset name").arg(data)));
    }
    if (p.isSet(QStringLiteral("dataset-name"))) {
        if (d.path.isEmpty())
            return fail(Error::invalid(QStringLiteral("--dataset-name names new data; '%1' is already a dataset name").arg(data)));
        d.dataset = p.value(QStringLiteral("dataset-name"));
    }
    d.kind = p.value(QStringLiteral("kind"));
    d.labelColumn = p.value(QStringLiteral("label"));
    d.textColumn = p.value(QStringLiteral("text-column"));
    d.topics = listOption(p, "topics");
    d.classNames = listOption(p, "class-names");
    auto classes = intOption(p, "classes", 0);
    if (!classes)
        return fail(classes.error());
    d.classes = *classes;
    return d;
}

void addTrainingOptions(QCommandLineParser &p)
{
    addDataOptions(p);
    auto add = [&p](const char *name, const QString &help, const char *value = nullptr) {
        if (value)
            p.addOption({opt(name), help, opt(value)});
        else
            p.addOption({opt(name), help});
    };
    add("val-fraction", QStringLiteral("Share of rows for validation (default 0.1)."), "F");
    add("test-fraction", QStringLiteral("Share of rows for the test split when the data has no test files (default 0.1)."), "F");
    add("max-vocab", QStringLiteral("Text: largest vocabulary, most frequent training words (default 20000)."), "N");
    add("min-count", QStringLiteral("Text: least occurrences of a vocabulary word (default 1)."), "N");
    add("hash-buckets", QStringLiteral("Text: hash words into N buckets instead of a vocabulary (default 0 = vocabulary)."), "N");
    add("max-tokens", QStringLiteral("Text: words kept per text (default 256)."), "N");
    add("arch", QStringLiteral("Architecture: mlp, textcnn (EmbeddingBag mean -> dense), cnn (default mlp)."), "ARCH");
    add("hidden", QStringLiteral("Hidden layer sizes (default 128; textcnn: one size, 0 = none, default 0)."), "N,N,...");
    add("activation", QStringLiteral("relu, tanh or gelu (default relu)."), "NAME");
    add("dropout", QStringLiteral("Dropout probability (default 0; textcnn 0.5)."), "P");
    add("embedding-dim", QStringLiteral("textcnn: embedding size (default 32)."), "N");
    add("channels", QStringLiteral("cnn: channels of the two conv layers (default 32,64)."), "N,N");
    add("optimizer", QStringLiteral("sgd, adam or adamw (default adam)."), "NAME");
    add("lr", QStringLiteral("Learning rate (default 0.001; textcnn 0.03)."), "X");
    add("momentum", QStringLiteral("SGD momentum (default 0.9)."), "X");
    add("nesterov", QStringLiteral("SGD with Nesterov momentum."));
    add("weight-decay", QStringLiteral("Weight decay (default 0)."), "X");
    add("batch-size", QStringLiteral("Batch size (default 64; textcnn 32)."), "N");
    add("epochs", QStringLiteral("Epochs (default 3; textcnn 10)."), "N");
    add("schedule", QStringLiteral("Learning-rate schedule per epoch: constant, step, cosine (default constant)."), "NAME");
    add("step-size", QStringLiteral("step schedule: epochs between decays (default 1)."), "N");
    add("gamma", QStringLiteral("step schedule: decay factor (default 0.5)."), "X");
    add("grad-clip", QStringLiteral("Clip the gradients' global L2 norm to X (default 0 = off)."), "X");
    add("patience", QStringLiteral("Early stopping: epochs without improvement of the monitored metric (default 0 = off)."), "N");
    add("monitor", QStringLiteral("validation_accuracy or validation_loss (default validation_accuracy)."), "METRIC");
    add("seed", QStringLiteral("Seed for initialisation, split and shuffles (default 42)."), "N");
    add("threads", QStringLiteral("Intra-op threads, ATen and OpenBLAS (default 1)."), "N");
    add("log-every", QStringLiteral("Record per-step metrics every N batches (default 20)."), "N");
    add("register", QStringLiteral("Register the trained model as the next version of NAME."), "NAME");
    add("description", QStringLiteral("Description of the registered version."), "TEXT");
    add("from", QStringLiteral("Fine-tune: start from the weights and preprocessing of a trained version."), "NAME[:V|@ALIAS]");
}

Result<TrainingConfig> trainingConfigFromOptions(const QCommandLineParser &p)
{
    const QString arch = p.isSet(QStringLiteral("arch")) ? p.value(QStringLiteral("arch")) : QStringLiteral("mlp");
    TrainingConfig c = TrainingConfig::defaultsFor(arch);
    auto data = dataOptionsFromParser(p);
    if (!data)
        return fail(data.error());
    const DataOptions defaults = c.data;
    c.data = *data;
    Status status;
    auto takeInt = [&](const char *name, int &target) {
        if (!status)
            return;
        auto v = intOption(p, name, target);
        if (v)
            target = *v;
        else
            status = fail(v.error());
    };
    auto takeDouble = [&](const char *name, double &target) {
        if (!status)
            return;
        auto v = doubleOption(p, name, target);
        if (v)
            target = *v;
        else
            status = fail(v.error());
    };
    auto takeString = [&](const char *name, QString &target) {
        if (p.isSet(opt(name)))
            target = p.value(opt(name));
    };
    c.data.validationFraction = defaults.validationFraction;
    c.data.testFraction = defaults.testFraction;
    c.data.maxVocabulary = defaults.maxVocabulary;
    c.data.minCount = defaults.minCount;
    c.data.hashBuckets = defaults.hashBuckets;
    c.data.maxTokens = defaults.maxTokens;
    takeDouble("val-fraction", c.data.validationFraction);
    takeDouble("test-fraction", c.data.testFraction);
    takeInt("max-vocab", c.data.maxVocabulary);
    takeInt("min-count", c.data.minCount);
    takeInt("hash-buckets", c.data.hashBuckets);
    takeInt("max-tokens", c.data.maxTokens);
    auto hidden = intListOption(p, "hidden", c.hidden);
    if (!hidden)
        return fail(hidden.error());
    c.hidden = *hidden;
    auto channels = intListOption(p, "channels", c.channels);
    if (!channels)
        return fail(channels.error());
    c.channels = *channels;
    takeString("activation", c.activation);
    takeDouble("dropout", c.dropout);
    takeInt("embedding-dim", c.embeddingDim);
    takeString("optimizer", c.optimizer);
    takeDouble("lr", c.learningRate);
    takeDouble("momentum", c.momentum);
    if (p.isSet(QStringLiteral("nesterov")))
        c.nesterov = true;
    takeDouble("weight-decay", c.weightDecay);
    takeInt("batch-size", c.batchSize);
    takeInt("epochs", c.epochs);
    takeString("schedule", c.schedule);
    takeInt("step-size", c.stepSize);
    takeDouble("gamma", c.gamma);
    takeDouble("grad-clip", c.gradientClip);
    takeInt("patience", c.patience);
    takeString("monitor", c.monitor);
    takeInt("threads", c.threads);
    takeInt("log-every", c.logEverySteps);
    takeString("register", c.registerAs);
    takeString("description", c.description);
    takeString("from", c.from);
    if (!status)
        return fail(status.error());
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        c.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return fail(Error::invalid(QStringLiteral("--seed: '%1' is not a non-negative whole number").arg(p.value(QStringLiteral("seed")))));
    }
    if (auto ok = c.validate(); !ok)
        return fail(ok.error());
    return c;
}

TrainingOutcome runJobWithProgress(CliContext &ctx, TrainingJob &job, const QString &label)
{
    const bool terminal = ::isatty(STDERR_FILENO);
    QTextStream err(stderr);
    QObject context;
    if (terminal) {
        QObject::connect(&job, &TrainingJob::started, &context, [&err, label](const QString &runId, const QString &summary) {
            err << label << "run " << runId << '\n';
            for (const QString &line : summary.split(QLatin1Char('\n')))
                err << "  " << line << '\n';
            err.flush();
        });
        QObject::connect(&job, &TrainingJob::progress, &context, [&err, label](const TrainingProgress &pr) {
            constexpr int width = 24;
            const double epochFraction = pr.stepsPerEpoch > 0 ? double(pr.stepInEpoch) / double(pr.stepsPerEpoch) : 0;
            const int filled = int(epochFraction * width);
            err << '\r' << label << "epoch " << pr.epoch << '/' << pr.epochs << " ["
                << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char('-')) << "] "
                << QString::number(int(epochFraction * 100)).rightJustified(3) << "%  loss "
                << QString::number(pr.loss, 'f', 4) << "  " << QString::number(pr.samplesPerSecond, 'f', 0)
                << " samples/s  ETA " << duration(pr.etaSeconds) << "   ";
            err.flush();
        });
        QObject::connect(&job, &TrainingJob::epochMetrics, &context, [&err, label](const EpochMetrics &m) {
            err << '\r' << label << "epoch " << m.epoch << ": train loss " << QString::number(m.trainLoss, 'f', 4)
                << " accuracy " << QString::number(m.trainAccuracy, 'f', 4);
            if (m.hasValidation)
                err << ", validation loss " << QString::number(m.validationLoss, 'f', 4) << " accuracy "
                    << QString::number(m.validationAccuracy, 'f', 4);
            err << ", " << QString::number(m.seconds, 'f', 1) << " s" << QString(12, QLatin1Char(' ')) << '\n';
            err.flush();
        });
        QObject::connect(&job, &TrainingJob::phase, &context, [&err, label](const QString &text) {
            err << '\r' << label << text << "..." << QString(60, QLatin1Char(' ')) << '\r';
            err.flush();
        });
    }
    g_interruptible.store(&job);
    auto previous = std::signal(SIGINT, onInterrupt);
    job.run();
    std::signal(SIGINT, previous);
    g_interruptible.store(nullptr);
    if (terminal) {
        err << '\r' << QString(78, QLatin1Char(' ')) << '\r';
        err.flush();
    }
    Q_UNUSED(ctx);
    return job.outcome();
}

void printOutcome(CliContext &ctx, const TrainingOutcome &o)
{
    QTextStream &out = ctx.out();
    const QJsonObject &m = o.metrics;
    const QString split = m.contains(QStringLiteral("test_accuracy")) ? QStringLiteral("test") : QStringLiteral("validation");
    out << "run " << o.runId << " finished: " << o.epochsDone << " epoch(s)" << (o.stoppedEarly ? " (stopped early)" : "")
        << ", " << QString::number(o.trainSeconds, 'f', 1) << " s, " << QString::number(o.samplesPerSecond, 'f', 0)
        << " samples/s, " << o.parameterCount << " parameters\n";
    out << split << " accuracy " << QString::number(m.value(split + QStringLiteral("_accuracy")).toDouble(), 'f', 4)
        << "  loss " << QString::number(m.value(split + QStringLiteral("_loss")).toDouble(), 'f', 4) << "  macro F1 "
        << QString::number(m.value(split + QStringLiteral("_macro_f1")).toDouble(), 'f', 4) << "  (majority-class baseline "
        << QString::number(m.value(split + QStringLiteral("_majority_baseline")).toDouble(), 'f', 4) << ")\n";
    if (!o.model.isEmpty())
        out << "registered " << o.model << ':' << o.version << '\n';
    out << "model " << o.modelPath << '\n';
    out.flush();
}

int runTrainingRequest(CliContext &ctx, Registry::ModelCatalog *catalog, const TrainingRequest &request, bool json)
{
    TrainingJob job(catalog, request);
    const TrainingOutcome o = runJobWithProgress(ctx, job);
    if (json) {
        ctx.printJson(o.toJson());
        return o.ok() ? 0 : ctx.fail(o.error()); // the JSON has the error too; stderr gets its one line
    }
    if (!o.ok())
        return ctx.fail(o.error());
    printOutcome(ctx, o);
    return 0;
}

void addTrainingCommands(CommandList &commands)
{
    commands << Command{QStringLiteral("train"), QStringLiteral("train a model on a dataset and register it"), train}
             << Command{QStringLiteral("runs"), QStringLiteral("list, show, cancel, resume, register training runs"), runsCommand}
             << Command{QStringLiteral("datasets"), QStringLiteral("import, list, show datasets"), datasetsCommand}
             << Command{QStringLiteral("sweep"), QStringLiteral("hyper-parameter sweep: several runs, best by validation"), sweepCommand};
}

} // namespace ModelDesk::Cli
