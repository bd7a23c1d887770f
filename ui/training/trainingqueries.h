#pragma once
// The Training page's blocking reads and checks, as plain functions over the catalog and the
// training library (torch-free headers only): the runs with their effective state, a run's metrics
// history, a finished run's evaluation (confusion matrix, per-class metrics), and the new-run
// form's data preview (header detection, sizes, classes, and the parameter count of the chosen
// architecture on that data). Every function blocks on file or database I/O: call them on a worker
// thread (the page's QThreadPool), never on the GUI thread. Errors: Result<T> / an error text.

#include "core/modeltypes.h"
#include "core/result.h"
#include "registry/modelregistry.h"
#include "training/evaluation.h"
#include "training/trainingconfig.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>

namespace ModelDesk::Registry {
class ModelCatalog;
}
namespace ModelDesk::Training {
struct Dataset;
}

namespace TrainingQueries {

struct RunRow
{
    ModelDesk::RunRecord record;
    QString state;                    // effective: "interrupted" for a running run whose process died
    bool hasBestValidation = false;
    double bestValidation = 0;        // best validation accuracy over the epochs recorded
    bool hasTestAccuracy = false;
    double testAccuracy = 0;
    double seconds = -1;              // training time (finished) or wall time so far; -1 unknown
    bool hasModel = false;            // runs/<id>/model.pt exists (a finished run can be registered)
};

// Newest first. `previous` (the rows shown now) spares re-reading the metrics history of runs
// that did not change since (same update time and epoch count).
ModelDesk::Result<QList<RunRow>> listRuns(ModelDesk::Registry::ModelCatalog &catalog,
                                          const QList<RunRow> &previous = {});

using MetricsCursor = ModelDesk::Registry::ModelRegistry::RunMetricsCursor;

struct RunHistory
{
    ModelDesk::RunRecord record;
    QList<ModelDesk::RunMetricRow> rows; // ordered by step
    bool reset = true;                   // rows are the whole history (else: the rows after the cursor given)
    MetricsCursor cursor;                // where runHistorySince continues
};
ModelDesk::Result<RunHistory> runHistory(ModelDesk::Registry::ModelCatalog &catalog, const QString &runId);
// A run that is being trained, read while it grows: only the rows stored after `cursor`, or the
// whole history again (reset) when it was cut since (the run was resumed) or `cursor` is not valid.
ModelDesk::Result<RunHistory> runHistorySince(ModelDesk::Registry::ModelCatalog &catalog, const QString &runId,
                                              const MetricsCursor &cursor);

// Chart rows from a stored history, in the layout of TrainingChartsWidget's columns.
struct ChartRows
{
    QList<QList<double>> steps;
    QList<QList<double>> epochs;
    bool hasValidation = false;
};
ChartRows chartRows(const QList<ModelDesk::RunMetricRow> &rows);

struct RunEvaluation
{
    QString runId;
    QString split;                    // "test" (or "validation" when the data had no test split)
    QStringList classes;
    QList<QList<qint64>> confusion;   // [true][predicted]
    QList<ModelDesk::Training::ClassMetrics> perClass;
    double accuracy = 0;
    double macroF1 = 0;
    double majorityBaseline = 0;
    qint64 count = 0;
};
// From the run's export (runs/<id>/export.json), else from its registered version's metrics.
ModelDesk::Result<RunEvaluation> runEvaluation(ModelDesk::Registry::ModelCatalog &catalog, const QString &runId);
// The same from a metrics object as a version stores it ("test_confusion_matrix", "classes", ...).
ModelDesk::Result<RunEvaluation> evaluationFromMetrics(const QJsonObject &metrics);

// The loaded data of the last preview, reused while only architecture fields change (reading
// Fashion-MNIST takes a second). Shared by the form and its worker; guarded inside.
class DatasetCache;
std::shared_ptr<DatasetCache> makeDatasetCache();

struct DataPreview
{
    QString kind;                     // as detected or chosen
    QString dataError;                // bad data, one line with file, line, column and why
    QString archError;                // the architecture does not fit the data
    // CSV: the first records as read, and the header detection's answer.
    bool isCsv = false;
    bool hasHeader = false;
    QStringList columns;              // header names, or "column N"
    QList<QStringList> firstRows;     // up to 5 data records
    QString labelColumn;              // as resolved by the loader
    QString textColumn;
    qint64 rows = 0;
    qint64 features = 0;
    int imageHeight = 0;
    int imageWidth = 0;
    QStringList classNames;
    QList<qint64> classCounts;
    qint64 trainRows = 0;
    qint64 validationRows = 0;
    qint64 testRows = 0;
    qint64 parameterCount = 0;
    QString architecture;             // one line per layer
};
// Loads and checks the data as training would (nothing is registered) and builds the network on it.
DataPreview previewData(const ModelDesk::Training::TrainingConfig &config, DatasetCache &cache);

} // namespace TrainingQueries

Q_DECLARE_METATYPE(TrainingQueries::DataPreview)
