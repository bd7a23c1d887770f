#include "trainingqueries.h"

#include "registry/modelcatalog.h"
#include "training/csvreader.h"
#include "training/dataset.h"
#include "training/datasplit.h"
#include "training/preprocessing.h"
#include "training/rundirectory.h"
#include "training/trainer.h"
#include "training/trainingjob.h"
#include "training/versionmetadata.h"
#include "trainingchartswidget.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>

#include <cmath>

using namespace ModelDesk;
using namespace ModelDesk::Training;

namespace TrainingQueries {

Result<QList<RunRow>> listRuns(Registry::ModelCatalog &catalog, const QList<RunRow> &previous)
{
    auto runs = catalog.registry().runs();
    if (!runs)
        return fail(runs.error());
    QHash<QString, const RunRow *> known;
    for (const RunRow &r : previous)
        known.insert(r.record.id, &r);
    QList<RunRow> out;
    out.reserve(runs->size());
    for (const RunRecord &r : *runs) {
        RunRow row;
        row.record = r;
        row.state = effectiveRunState(catalog, r);
        const QJsonObject &s = r.summary;
        if (s.value(QStringLiteral("test_accuracy")).isDouble()) {
            row.hasTestAccuracy = true;
            row.testAccuracy = s.value(QStringLiteral("test_accuracy")).toDouble();
        }
        // The best epoch's validation accuracy from the history: the summary only has the final
        // model's, and unfinished runs have no summary at all.
        const RunRow *before = known.value(r.id);
        if (before && before->record.updated == r.updated && before->record.epochsDone == r.epochsDone) {
            row.hasBestValidation = before->hasBestValidation;
            row.bestValidation = before->bestValidation;
        } else if (auto metrics = catalog.registry().runMetrics(r.id)) {
            for (const RunMetricRow &m : *metrics) {
                if (m.split == QLatin1String("validation") && m.name == QLatin1String("accuracy") && m.epoch > 0) {
                    row.bestValidation = row.hasBestValidation ? std::max(row.bestValidation, m.value) : m.value;
                    row.hasBestValidation = true;
                }
            }
        }
        if (s.value(QStringLiteral("train_seconds")).isDouble())
            row.seconds = s.value(QStringLiteral("train_seconds")).toDouble();
        else if (row.state == QLatin1String("running") && r.created.isValid())
            row.seconds = double(r.created.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
        else if (r.created.isValid() && r.updated.isValid())
            row.seconds = double(r.created.msecsTo(r.updated)) / 1000.0;
        if (auto dir = RunDirectory::open(catalog.workspace(), r.id))
            row.hasModel = QFileInfo::exists(dir->modelPath()) && QFileInfo::exists(dir->exportInfoPath());
        out.append(row);
    }
    return out;
}

Result<RunHistory> runHistory(Registry::ModelCatalog &catalog, const QString &runId)
{
    return runHistorySince(catalog, runId, {});
}

Result<RunHistory> runHistorySince(Registry::ModelCatalog &catalog, const QString &runId, const MetricsCursor &cursor)
{
    auto run = catalog.registry().run(runId);
    if (!run)
        return fail(run.error());
    auto delta = catalog.registry().runMetricsSince(runId, cursor);
    if (!delta)
        return fail(delta.error());
    return RunHistory{*run, std::move(delta->rows), delta->reset, delta->cursor};
}

ChartRows chartRows(const QList<RunMetricRow> &rows)
{
    using W = TrainingChartsWidget;
    ChartRows out;
    QMap<qint64, QList<double>> steps;
    QMap<int, QList<double>> epochs;
    auto stepRow = [&](qint64 step, int epoch) -> QList<double> & {
        auto it = steps.find(step);
        if (it == steps.end()) {
            QList<double> r(W::StepColumnCount, std::nan(""));
            r[W::StepX] = double(step);
            r[W::StepEpoch] = epoch;
            it = steps.insert(step, r);
        }
        return *it;
    };
    auto epochRow = [&](const RunMetricRow &m) -> QList<double> & {
        auto it = epochs.find(m.epoch);
        if (it == epochs.end()) {
            QList<double> r(W::EpochColumnCount, std::nan(""));
            r[W::EpochX] = double(m.step);
            r[W::EpochNumber] = m.epoch;
            it = epochs.insert(m.epoch, r);
        }
        return *it;
    };
    // The first value wins: the final evaluation rows come last and may reuse the last epoch's
    // number (evaluation on the validation split when there is no test split).
    auto set = [](QList<double> &r, int column, double v) {
        if (std::isnan(r[column]))
            r[column] = v;
    };
    for (const RunMetricRow &m : rows) {
        if (m.split == QLatin1String("train")) {
            if (m.name == QLatin1String("loss"))
                set(stepRow(m.step, m.epoch), W::StepLoss, m.value);
            else if (m.name == QLatin1String("accuracy"))
                set(stepRow(m.step, m.epoch), W::StepAccuracy, m.value);
            else if (m.name == QLatin1String("lr"))
                set(stepRow(m.step, m.epoch), W::StepLearningRate, m.value);
            else if (m.name == QLatin1String("epoch_loss"))
                set(epochRow(m), W::EpochTrainLoss, m.value);
            else if (m.name == QLatin1String("epoch_accuracy"))
                set(epochRow(m), W::EpochTrainAccuracy, m.value);
        } else if (m.split == QLatin1String("validation") && epochs.contains(m.epoch)) {
            if (m.name == QLatin1String("loss"))
                set(epochRow(m), W::EpochValidationLoss, m.value);
            else if (m.name == QLatin1String("accuracy"))
                set(epochRow(m), W::EpochValidationAccuracy, m.value);
            out.hasValidation = true;
        }
    }
    for (const QList<double> &r : std::as_const(steps)) {
        if (!std::isnan(r[W::StepLoss]))
            out.steps.append(r);
    }
    for (const QList<double> &r : std::as_const(epochs))
        out.epochs.append(r);
    return out;
}

Result<RunEvaluation> evaluationFromMetrics(const QJsonObject &metrics)
{
    QString split;
    for (const QString &candidate : {QStringLiteral("test"), QStringLiteral("validation"), QStringLiteral("train")}) {
        if (metrics.value(candidate + QStringLiteral("_confusion_matrix")).isArray()) {
            split = candidate;
            break;
        }
    }
    if (split.isEmpty())
        return fail(Error::notFound(QStringLiteral("no confusion matrix in the run's metrics")));
    const QString prefix = split + QLatin1Char('_');
    RunEvaluation e;
    e.split = split;
    for (const QJsonValue &c : metrics.value(QStringLiteral("classes")).toArray())
        e.classes.append(c.toString());
    for (const QJsonValue &row : metrics.value(prefix + QStringLiteral("confusion_matrix")).toArray()) {
        QList<qint64> r;
        for (const QJsonValue &v : row.toArray())
            r.append(qint64(v.toDouble()));
        e.confusion.append(r);
    }
    for (const QJsonValue &v : metrics.value(prefix + QStringLiteral("per_class")).toArray()) {
        const QJsonObject o = v.toObject();
        ClassMetrics m;
        m.name = o.value(QStringLiteral("class")).toString();
        m.precision = o.value(QStringLiteral("precision")).toDouble();
        m.recall = o.value(QStringLiteral("recall")).toDouble();
        m.f1 = o.value(QStringLiteral("f1")).toDouble();
        m.support = qint64(o.value(QStringLiteral("support")).toDouble());
        e.perClass.append(m);
    }
    e.accuracy = metrics.value(prefix + QStringLiteral("accuracy")).toDouble();
    e.macroF1 = metrics.value(prefix + QStringLiteral("macro_f1")).toDouble();
    e.majorityBaseline = metrics.value(prefix + QStringLiteral("majority_baseline")).toDouble();
    e.count = qint64(metrics.value(prefix + QStringLiteral("count")).toDouble());
    const qsizetype n = e.confusion.size();
    if (n == 0 || std::any_of(e.confusion.cbegin(), e.confusion.cend(), [n](const QList<qint64> &r) { return r.size() != n; }))
        return fail(Error::corrupt(QStringLiteral("the stored confusion matrix is not square")));
    while (e.classes.size() < n)
        e.classes.append(QString::number(e.classes.size()));
    return e;
}

Result<RunEvaluation> runEvaluation(Registry::ModelCatalog &catalog, const QString &runId)
{
    auto run = catalog.registry().run(runId);
    if (!run)
        return fail(run.error());
    if (run->state != QLatin1String("finished"))
        return fail(Error::conflict(QStringLiteral("run %1 is %2: only a finished run has an evaluation").arg(runId, run->state)));
    QJsonObject metrics;
    if (auto dir = RunDirectory::open(catalog.workspace(), runId)) {
        QFile f(dir->exportInfoPath());
        if (f.open(QIODevice::ReadOnly)) {
            if (auto meta = newVersionFromJson(QJsonDocument::fromJson(f.readAll()).object()))
                metrics = meta->metrics;
        }
    }
    if (metrics.isEmpty() && !run->model.isEmpty()) {
        auto v = catalog.resolve(QStringLiteral("%1:%2").arg(run->model).arg(run->version));
        if (!v)
            return fail(v.error());
        metrics = v->metrics;
    }
    if (metrics.isEmpty())
        return fail(Error::notFound(QStringLiteral("run %1 has no stored evaluation (its folder and version are gone)").arg(runId)));
    auto e = evaluationFromMetrics(metrics);
    if (!e)
        return fail(e.error());
    e->runId = runId;
    return e;
}

// ---- data preview ------------------------------------------------------------------------------

class DatasetCache
{
public:
    QMutex mutex;
    QString key;
    std::shared_ptr<const Dataset> data;
};

std::shared_ptr<DatasetCache> makeDatasetCache() { return std::make_shared<DatasetCache>(); }

namespace {

// What identifies loaded data: the reading options and the files' sizes and times.
QString cacheKey(const DataOptions &o)
{
    QJsonObject key{{QStringLiteral("path"), o.path},
                    {QStringLiteral("kind"), o.kind},
                    {QStringLiteral("label"), o.labelColumn},
                    {QStringLiteral("text"), o.textColumn},
                    {QStringLiteral("topics"), QJsonArray::fromStringList(o.topics)},
                    {QStringLiteral("classes"), o.classes},
                    {QStringLiteral("names"), QJsonArray::fromStringList(o.classNames)}};
    const QFileInfo info(o.path);
    key.insert(QStringLiteral("stamp"), QStringLiteral("%1/%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch()));
    return QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
}

void readCsvHead(const QString &path, DataPreview &p)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    // The first records are enough to show the layout; 64 KiB holds them for any sane table.
    CsvReader reader(f.read(64 * 1024), QFileInfo(path).fileName());
    QList<QByteArray> fields;
    while (p.firstRows.size() < 6) {
        auto more = reader.next(fields);
        if (!more || !*more)
            break;
        QStringList row;
        for (const QByteArray &c : fields)
            row.append(QString::fromUtf8(c).left(80));
        p.firstRows.append(row);
    }
}

} // namespace

DataPreview previewData(const TrainingConfig &config, DatasetCache &cache)
{
    DataPreview p;
    const DataOptions &options = config.data;
    p.kind = options.kind.isEmpty() ? detectDatasetKind(options.path) : options.kind;
    p.isCsv = p.kind == QLatin1String("csv") || p.kind == QLatin1String("text-csv");
    if (p.isCsv)
        readCsvHead(options.path, p);

    std::shared_ptr<const Dataset> data;
    {
        QMutexLocker lock(&cache.mutex);
        const QString key = cacheKey(options);
        if (cache.key == key && cache.data) {
            data = cache.data;
        } else {
            cache.data.reset();
            cache.key.clear();
            auto loaded = loadDataset(options);
            if (!loaded) {
                p.dataError = loaded.error().message;
                // Still show the raw records: they help to see what is wrong.
                if (p.isCsv && !p.firstRows.isEmpty()) {
                    p.columns.clear();
                    for (qsizetype i = 0; i < p.firstRows.first().size(); ++i)
                        p.columns.append(QStringLiteral("column %1").arg(i + 1));
                }
                return p;
            }
            data = std::make_shared<const Dataset>(std::move(*loaded));
            cache.key = key;
            cache.data = data;
        }
    }
    const Dataset &d = *data;
    p.kind = d.kind;
    p.rows = d.rows();
    p.features = d.featureCount();
    p.imageHeight = d.height;
    p.imageWidth = d.width;
    p.classNames = d.classNames;
    p.classCounts = d.classCounts();
    p.labelColumn = d.labelColumn;
    p.textColumn = d.textColumn;

    if (p.isCsv && !p.firstRows.isEmpty()) {
        // The loader names columns "column N" when the first record is data, else by the header.
        static const QRegularExpression generated(QStringLiteral("^column \\d+$"));
        QStringList names = d.kind == QLatin1String("csv") ? d.featureNames : QStringList{d.textColumn};
        names.append(d.labelColumn);
        p.hasHeader = !std::all_of(names.cbegin(), names.cend(),
                                   [](const QString &n) { return generated.match(n).hasMatch(); });
        if (p.hasHeader) {
            p.columns = p.firstRows.takeFirst();
        } else {
            for (qsizetype i = 0; i < p.firstRows.first().size(); ++i)
                p.columns.append(QStringLiteral("column %1").arg(i + 1));
        }
        while (p.firstRows.size() > 5)
            p.firstRows.removeLast();
    }

    auto split = splitDataset(d, options.validationFraction, options.testFraction, config.seed);
    if (!split) {
        p.dataError = split.error().message;
        return p;
    }
    p.trainRows = qint64(split->train.size());
    p.validationRows = qint64(split->validation.size());
    p.testRows = qint64(split->test.size());

    // The network on one training row: the parameter count depends on the data's shape and, for
    // text, on the vocabulary fitted on the whole training split, but not on the number of rows.
    const Preprocessing preprocessing = fitPreprocessing(d, split->train, options);
    SplitIndices one;
    one.train.assign(split->train.begin(), split->train.begin() + 1);
    auto trainer = Trainer::create(config, d, one, preprocessing);
    if (!trainer) {
        p.archError = trainer.error().message;
        return p;
    }
    p.parameterCount = (*trainer)->parameterCount();
    p.architecture = (*trainer)->architectureSummary();
    return p;
}

} // namespace TrainingQueries
