// sweep: grid or random hyper-parameter search, one training run per trial, best by validation.
#include "trainingcommands.h"

#include "training/sweepjob.h"

#include <QJsonArray>

#include <unistd.h>

namespace ModelDesk::Cli {

using namespace Training;

int sweepCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Hyper-parameter sweep: runs one training per trial (sequentially, each recorded as a run), compares them "
        "on a validation metric and, with --register, registers the best trial's model. Takes every train option "
        "as the base config."));
    addTrainingOptions(p);
    p.addOption({QStringLiteral("param"), QStringLiteral("A swept parameter: NAME=V1,V2,... or NAME=uniform|log|int:LOW:HIGH "
                                                         "(repeatable; layer lists as 256x128)."), QStringLiteral("SPEC")});
    p.addOption({QStringLiteral("search"), QStringLiteral("grid (every combination) or random (default grid)."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("trials"), QStringLiteral("random: number of trials (default 10); grid: at most N combinations."), QStringLiteral("N")});
    p.addOption({QStringLiteral("sweep-seed"), QStringLiteral("Seed of the random search (default 1)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("metric"), QStringLiteral("validation_accuracy (default) or validation_loss."), QStringLiteral("METRIC")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document with every trial and the best.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("sweep"), args, &code))
        return code;
    auto base = trainingConfigFromOptions(p);
    if (!base)
        return ctx.fail(base.error());
    SweepSpec spec;
    for (const QString &text : p.values(QStringLiteral("param"))) {
        auto param = parseSweepParameter(text);
        if (!param)
            return ctx.fail(param.error());
        spec.parameters.append(*param);
    }
    if (p.isSet(QStringLiteral("search")))
        spec.search = p.value(QStringLiteral("search"));
    if (p.isSet(QStringLiteral("metric")))
        spec.metric = p.value(QStringLiteral("metric"));
    if (p.isSet(QStringLiteral("trials"))) {
        bool ok = false;
        spec.trials = p.value(QStringLiteral("trials")).toInt(&ok);
        if (!ok || spec.trials < 1)
            return ctx.usageError(QStringLiteral("--trials needs a whole number >= 1"));
    }
    if (p.isSet(QStringLiteral("sweep-seed"))) {
        bool ok = false;
        spec.seed = p.value(QStringLiteral("sweep-seed")).toULongLong(&ok);
        if (!ok)
            return ctx.usageError(QStringLiteral("--sweep-seed needs a whole number"));
    }
    // Plan up front so that a bad parameter fails before the first trial trains.
    if (auto plans = planSweep(*base, spec); !plans)
        return ctx.fail(plans.error());
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());

    SweepJob job(*catalog, *base, spec, ctx.actor());
    QObject context;
    QTextStream err(stderr);
    if (::isatty(STDERR_FILENO)) {
        QObject::connect(&job, &SweepJob::trialStarted, &context, [&err](int index, int count, const QJsonObject &a) {
            QStringList parts;
            for (auto it = a.constBegin(); it != a.constEnd(); ++it)
                parts.append(it.key() + QLatin1Char('=') + it.value().toString());
            err << "\rtrial " << index + 1 << '/' << count << ": " << parts.join(QLatin1Char(' ')) << QString(30, QLatin1Char(' ')) << '\n';
            err.flush();
        });
        QObject::connect(&job, &SweepJob::progress, &context, [&err](const TrainingProgress &pr) {
            err << "\r  epoch " << pr.epoch << '/' << pr.epochs << "  " << int(pr.fraction * 100) << "%  loss "
                << QString::number(pr.loss, 'f', 4) << "  " << QString::number(pr.samplesPerSecond, 'f', 0) << " samples/s   ";
            err.flush();
        });
        QObject::connect(&job, &SweepJob::trialFinished, &context, [&err](int, const TrainingOutcome &o) {
            err << "\r  " << o.runId << ' ' << o.state;
            if (o.metrics.contains(QStringLiteral("validation_accuracy")))
                err << "  validation accuracy " << QString::number(o.metrics.value(QStringLiteral("validation_accuracy")).toDouble(), 'f', 4);
            if (!o.errorMessage.isEmpty())
                err << ": " << o.errorMessage;
            err << QString(20, QLatin1Char(' ')) << '\n';
            err.flush();
        });
    }
    auto result = job.exec();
    if (!result)
        return ctx.fail(result.error());
    if (p.isSet(QStringLiteral("json"))) {
        ctx.printJson(result->toJson());
        return 0;
    }
    QList<QStringList> rows;
    for (const SweepTrial &t : result->trials) {
        QStringList parts;
        for (auto it = t.assignment.constBegin(); it != t.assignment.constEnd(); ++it)
            parts.append(it.key() + QLatin1Char('=') + it.value().toString());
        rows.append({QString::number(t.index + 1) + (t.index == result->best ? QStringLiteral(" *") : QString()),
                     t.outcome.runId, t.outcome.state, parts.join(QLatin1Char(' ')),
                     t.hasMetric ? QString::number(t.metric, 'f', 4) : QStringLiteral("-"),
                     t.outcome.metrics.contains(QStringLiteral("test_accuracy"))
                         ? QString::number(t.outcome.metrics.value(QStringLiteral("test_accuracy")).toDouble(), 'f', 4)
                         : QStringLiteral("-")});
    }
    ctx.printTable({QStringLiteral("TRIAL"), QStringLiteral("RUN"), QStringLiteral("STATE"), QStringLiteral("PARAMS"),
                    result->metric.toUpper(), QStringLiteral("TEST_ACCURACY")},
                   rows);
    ctx.out() << "best: trial " << result->best + 1 << " (run " << result->trials[result->best].outcome.runId << ")";
    if (!result->model.isEmpty())
        ctx.out() << ", registered " << result->model << ':' << result->version;
    ctx.out() << '\n';
    ctx.out().flush();
    return result->cancelled ? 130 : 0;
}

} // namespace ModelDesk::Cli
