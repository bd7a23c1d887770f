// The Training page over a real catalog in a QTemporaryDir, with small CSV files generated here:
// a run started through the form trains on the page's pool (charts gain points, progress reaches
// 100 %, the runs table shows it finished, a version is registered); a run cancelled mid-way is
// recorded as cancelled and resumes to the end; a bad CSV shows file, line, column and why under
// the data path and registers nothing; the evaluation dialog shows the confusion matrix; two runs
// compare. Also: the metric model's decimation and the item models under QAbstractItemModelTester.

#include "uitestfixture.h"
#include "charts/timeserieschart.h"
#include "trainingpage.h"
#include "training/comparedialog.h"
#include "training/confusionmatrixwidget.h"
#include "training/evaluationdialog.h"
#include "training/metricstablemodel.h"
#include "training/runstablemodel.h"
#include "training/trainingchartswidget.h"
#include "training/trainingformwidget.h"
#include "training/rundirectory.h"
#include "training/trainingjob.h"
#include "training/trainingjobregistry.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <cmath>

using namespace ModelDesk;
using Registry::ModelCatalog;

namespace {

constexpr int Timeout = 120000; // generous: two cores shared with other builds

// Three well separated clusters in four numeric features, with a header row and text labels.
bool writeClusters(const QString &path, int rows, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(seed);
    const char *names[] = {"setosa", "versicolor", "virginica"};
    QByteArray out = "f1,f2,f3,f4,species\n";
    for (int i = 0; i < rows; ++i) {
        const int c = i % 3;
        for (int j = 0; j < 4; ++j) {
            const double centre = (j % 3 == c ? 3.0 : 0.0) + c * 0.5;
            out += QByteArray::number(centre + rng.generateDouble() - 0.5, 'f', 3) + ',';
        }
        out += names[c];
        out += '\n';
    }
    return f.write(out) == out.size();
}

} // namespace

class tst_TrainingPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void metricsModelCapsLongRuns();
    void chartsFollowTheModels();
    void formValidatesFields();
    void trainsThroughTheFormAndRegisters();
    void cancelThenResume();
    void badCsvShowsPreciseErrorAndRegistersNothing();
    void evaluationAndCompare();
    void closingThePageMidRunCancelsIt();
    void followsAJobStartedElsewhere();
    void followsARunOfAnotherProcess();
    void anotherProcessesRunGrowsByAppendsAndIsReadAgainWhenCut();
    void textCsvPicksTheTextClassifier();

private:
    void waitForPreview();
    QString runState(const QString &runId) const;
    // Fills the form for the tiny data set and waits until it accepts it.
    void fillForm(const QString &data, int epochs, int batch, const QString &model);

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<TrainingPage> m_page;
};

void tst_TrainingPage::init()
{
    cleanup();
    TestUi::UiTestFixture::Options options;
    options.pollIntervalMs = 0;
    options.startHost = false; // the page needs the host's catalog only
    QVERIFY(m_fx.open(options));
    QVERIFY(m_fx.startServices());
    m_page = std::make_unique<TrainingPage>(*m_fx.client, *m_fx.host);
    // Fashion-MNIST is the default when Debian's package is installed; the tests use their own
    // small files, so clear it before the first show would read 70 000 images for nothing.
    QCOMPARE(m_page->form()->pathEdit()->text(), TrainingFormWidget::defaultDataPath());
    m_page->form()->pathEdit()->clear();
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_TrainingPage::cleanup()
{
    m_page.reset();
    m_fx.reset();
}

void tst_TrainingPage::waitForPreview()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->form()->isPreviewPending() && m_page->form()->preview().has_value(), Timeout);
}

QString tst_TrainingPage::runState(const QString &runId) const
{
    const int row = m_page->runsModel()->rowOf(runId);
    return row < 0 ? QString() : m_page->runsModel()->index(row, 0).data(RunsTableModel::StateRole).toString();
}

void tst_TrainingPage::fillForm(const QString &data, int epochs, int batch, const QString &model)
{
    TrainingFormWidget *form = m_page->form();
    form->pathEdit()->setText(data);
    form->epochsSpin()->setValue(epochs);
    form->batchSizeSpin()->setValue(batch);
    form->registerCheck()->setChecked(!model.isEmpty());
    form->modelNameEdit()->setText(model);
    waitForPreview();
    QTRY_VERIFY_WITH_TIMEOUT(form->startButton()->isEnabled(), Timeout);
}

void tst_TrainingPage::metricsModelCapsLongRuns()
{
    MetricsTableModel model({QStringLiteral("x"), QStringLiteral("y")}, 8);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 100; ++i)
        model.append({double(i), double(i) * 2});
    QVERIFY(model.rowCount() <= 8);
    QVERIFY(model.rowCount() >= 4);
    QVERIFY(model.stride() > 1);
    QCOMPARE(model.value(0, 0), 0.0);
    for (int r = 1; r < model.rowCount(); ++r) {
        QCOMPARE(model.value(r, 0) - model.value(r - 1, 0), double(model.stride())); // evenly thinned
        QCOMPARE(model.value(r, 1), model.value(r, 0) * 2);
    }
    double low = 0, high = 0;
    QVERIFY(model.range({1}, low, high));
    QCOMPARE(low, 0.0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.range({1}, low, high));
}

void tst_TrainingPage::chartsFollowTheModels()
{
    using W = TrainingChartsWidget;
    MetricsTableModel steps({"step", "epoch", "loss", "accuracy", "lr"}, 16);
    MetricsTableModel epochs({"step", "epoch", "tl", "ta", "vl", "va"}, 16);
    W charts(&steps, &epochs);
    charts.resize(800, 300);
    charts.show();
    TimeSeriesChart *loss = charts.lossChart();
    TimeSeriesChart *accuracy = charts.accuracyChart();

    // Appended rows reach the charts by rowsInserted; thinning (a model reset) replaces the lines,
    // so the charts hold exactly what the capped model holds.
    for (int i = 0; i < 100; ++i)
        steps.append({double(i), 1, 2.0 / (i + 1), i < 50 ? MetricsTableModel::Missing : 0.9, 0.01});
    QVERIFY(steps.stride() > 1);
    const QList<QPointF> stepLoss = loss->points(W::StepLine);
    QCOMPARE(stepLoss.size(), steps.rowCount());
    for (int r = 0; r < steps.rowCount(); ++r)
        QCOMPARE(stepLoss[r], QPointF(steps.value(r, W::StepX), steps.value(r, W::StepLoss)));
    int withAccuracy = 0;
    for (int r = 0; r < steps.rowCount(); ++r)
        withAccuracy += std::isnan(steps.value(r, W::StepAccuracy)) ? 0 : 1;
    QCOMPARE(accuracy->points(W::StepLine).size(), withAccuracy); // missing values are gaps, not zeros

    epochs.append({50, 1, 1.0, 0.8, 1.2, 0.75});
    epochs.append({99, 2, 0.5, 0.95, 0.6, 0.9});
    QCOMPARE(loss->points(W::TrainLine), (QList<QPointF>{{50, 1.0}, {99, 0.5}}));
    QCOMPARE(accuracy->points(W::ValidationLine), (QList<QPointF>{{50, 0.75}, {99, 0.9}}));
    QTRY_COMPARE(accuracy->shownPointCount(W::TrainLine), 2);
    QTRY_VERIFY(loss->shownPointCount(W::StepLine) > 0);

    charts.setValidationVisible(false);
    QVERIFY(!loss->isLineVisible(W::ValidationLine));
    QVERIFY(!accuracy->series(W::ValidationLine)->isVisible());
    charts.setValidationVisible(true);
    QVERIFY(accuracy->series(W::ValidationLine)->isVisible());

    // A stored run opened: the models are replaced wholesale.
    steps.setRows({{0, 1, 3.0, 0.2, 0.01}, {10, 1, 2.0, 0.4, 0.01}});
    epochs.clear();
    QCOMPARE(loss->points(W::StepLine), (QList<QPointF>{{0, 3.0}, {10, 2.0}}));
    QVERIFY(loss->points(W::TrainLine).isEmpty());
    QVERIFY(accuracy->points(W::ValidationLine).isEmpty());
}

void tst_TrainingPage::formValidatesFields()
{
    TrainingFormWidget *form = m_page->form();
    const QString data = m_fx.dir->filePath(QStringLiteral("iris-like.csv"));
    QVERIFY(writeClusters(data, 90, 1));
    form->pathEdit()->setText(data);
    form->modelNameEdit()->setText(QStringLiteral("tiny"));
    waitForPreview();
    QTRY_VERIFY(form->startButton()->isEnabled());

    // Header detection and the label column the loader picked, before any training.
    const TrainingQueries::DataPreview &p = *form->preview();
    QVERIFY(p.hasHeader);
    QCOMPARE(p.columns, (QStringList{"f1", "f2", "f3", "f4", "species"}));
    QCOMPARE(p.labelColumn, QStringLiteral("species"));
    QCOMPARE(p.classNames, (QStringList{"setosa", "versicolor", "virginica"}));
    QCOMPARE(form->previewTable()->columnCount(), 5);
    QVERIFY(form->previewTable()->rowCount() > 0);
    // MLP 4 -> 128 -> 3: 4*128 + 128 + 128*3 + 3 parameters, shown before training.
    QCOMPARE(p.parameterCount, qint64(1027));
    QTRY_VERIFY(form->parameterCountLabel()->text().contains(QLocale().toString(1027)));

    form->learningRateEdit()->setText(QStringLiteral("fast"));
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(form->fieldError(form->learningRateEdit()).contains(QStringLiteral("not a number")));
    form->learningRateEdit()->setText(QStringLiteral("-1"));
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY2(form->fieldError(form->learningRateEdit()).contains(QStringLiteral("learning rate")),
             qPrintable(form->fieldError(form->learningRateEdit())));
    form->learningRateEdit()->setText(QStringLiteral("1e-3"));
    QVERIFY(form->startButton()->isEnabled());

    form->modelNameEdit()->setText(QStringLiteral("bad name!"));
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(!form->fieldError(form->modelNameEdit()).isEmpty());
    form->registerCheck()->setChecked(false);
    QVERIFY(form->startButton()->isEnabled());

    form->hiddenEdit()->setText(QStringLiteral("64,x"));
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(!form->fieldError(form->hiddenEdit()).isEmpty());
    form->hiddenEdit()->setText(QStringLiteral("16"));
    // 4*16 + 16 + 16*3 + 3
    QTRY_COMPARE_WITH_TIMEOUT(form->preview()->parameterCount, qint64(131), Timeout);
    QVERIFY(form->startButton()->isEnabled());

    form->pathEdit()->setText(m_fx.dir->filePath(QStringLiteral("missing.csv")));
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(form->dataError().contains(QStringLiteral("no such file")));
}

void tst_TrainingPage::trainsThroughTheFormAndRegisters()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("clusters.csv"));
    QVERIFY(writeClusters(data, 300, 7));
    fillForm(data, 2, 8, QStringLiteral("tiny"));
    QSignalSpy finished(m_page.get(), &TrainingPage::runFinished);

    QTest::mouseClick(m_page->form()->startButton(), Qt::LeftButton);
    QVERIFY(m_page->isTraining());
    QVERIFY(!m_page->form()->startButton()->isEnabled()); // one run at a time

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    const QString runId = finished.first().at(0).toString();
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    QVERIFY(!runId.isEmpty());
    QCOMPARE(m_page->liveRunId(), runId);

    // The charts (the Monitoring page's TimeSeriesChart) are fed by the models: per-step and
    // per-epoch points, drawn at the next event-loop turn.
    using W = TrainingChartsWidget;
    TrainingChartsWidget *charts = m_page->charts();
    TimeSeriesChart *loss = charts->lossChart();
    TimeSeriesChart *accuracy = charts->accuracyChart();
    QVERIFY(!loss->points(W::StepLine).isEmpty());
    QCOMPARE(loss->points(W::StepLine).size(), m_page->stepModel()->rowCount());
    QCOMPARE(loss->points(W::StepLine).constLast().y(),
             m_page->stepModel()->value(m_page->stepModel()->rowCount() - 1, W::StepLoss));
    QCOMPARE(loss->points(W::TrainLine).size(), 2);
    QCOMPARE(accuracy->points(W::ValidationLine).size(), 2);
    QVERIFY(accuracy->isLineVisible(W::ValidationLine));
    QTRY_VERIFY(loss->shownPointCount(W::StepLine) > 0);
    QTRY_COMPARE(accuracy->shownPointCount(W::ValidationLine), 2);
    QCOMPARE(loss->lineIds(), QStringList({W::StepLine, W::TrainLine, W::ValidationLine}));
    QCOMPARE(m_page->progressBar()->value(), m_page->progressBar()->maximum());
    QVERIFY(!m_page->isTraining());
    QVERIFY(m_page->form()->startButton()->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(runState(runId), QStringLiteral("finished"), Timeout);
    const int row = m_page->runsModel()->rowOf(runId);
    QCOMPARE(m_page->runsModel()->index(row, RunsTableModel::VersionColumn).data().toString(), QStringLiteral("tiny:1"));
    QCOMPARE(m_page->runsModel()->index(row, RunsTableModel::EpochsColumn).data().toString(), QStringLiteral("2/2"));
    QVERIFY(m_page->runsModel()->run(row)->hasBestValidation);
    auto version = m_fx.catalog->resolve(QStringLiteral("tiny"));
    QVERIFY2(version, version ? "" : qPrintable(version.error().message));
    QCOMPARE(version->version, 1);
    QCOMPARE(version->lineage.runId, runId);
    QVERIFY(version->metrics.value(QStringLiteral("test_accuracy")).toDouble() > 0.8);
    QAbstractItemModelTester tester(m_page->runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // For people: MODELDESK_SCREENSHOT_DIR=/tmp/x keeps a picture of the page after the run.
    const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        m_page->runsView()->selectRow(row);
        QVERIFY(m_page->grab().save(shots + QStringLiteral("/trainingpage.png")));
    }
}

void tst_TrainingPage::cancelThenResume()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("long.csv"));
    QVERIFY(writeClusters(data, 600, 3));
    // Many short epochs: the run is surely still going when the first epoch is on the chart.
    fillForm(data, 400, 8, QString());
    QSignalSpy finished(m_page.get(), &TrainingPage::runFinished);
    QTest::mouseClick(m_page->form()->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->epochModel()->rowCount() >= 1, Timeout);
    QVERIFY(m_page->cancelButton()->isEnabled());
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QCOMPARE(finished.first().at(1).toBool(), false);
    const QString runId = finished.first().at(0).toString();
    QTRY_COMPARE_WITH_TIMEOUT(runState(runId), QStringLiteral("cancelled"), Timeout);
    const int epochsDone = m_page->runsModel()->find(runId)->record.epochsDone;
    QVERIFY(epochsDone >= 1);
    QVERIFY(epochsDone < 400);

    // Resume from the checkpoint up to two more epochs; the stored curve is shown, then the new epochs.
    m_page->runsView()->selectRow(m_page->runsModel()->rowOf(runId));
    QVERIFY(m_page->resumeRun(runId, epochsDone + 2));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    QVERIFY2(finished.last().at(1).toBool(), qPrintable(finished.last().at(2).toString()));
    QCOMPARE(finished.last().at(0).toString(), runId);
    QTRY_COMPARE_WITH_TIMEOUT(runState(runId), QStringLiteral("finished"), Timeout);
    QCOMPARE(m_page->runsModel()->find(runId)->record.epochsDone, epochsDone + 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->epochModel()->rowCount(), epochsDone + 2, Timeout);
    QCOMPARE(m_page->charts()->lossChart()->points(TrainingChartsWidget::TrainLine).size(), epochsDone + 2);
    QCOMPARE(m_page->viewedRunId(), runId);
    auto runs = m_fx.catalog->registry().runs();
    QVERIFY(runs);
    QCOMPARE(runs->size(), 1); // resumed in place, not a new run
}

void tst_TrainingPage::badCsvShowsPreciseErrorAndRegistersNothing()
{
    const QString bad = m_fx.dir->filePath(QStringLiteral("bad.csv"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b,label\n1,2,x\n3,oops,y\n4,5,x\n6,7,y\n");
    }
    TrainingFormWidget *form = m_page->form();
    form->pathEdit()->setText(bad);
    form->modelNameEdit()->setText(QStringLiteral("never"));
    waitForPreview();
    const QString message = form->dataError();
    QVERIFY2(message.contains(QStringLiteral("bad.csv:3")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("column 2 ('b')")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("'oops' is not a number")), qPrintable(message));
    QVERIFY(!form->startButton()->isEnabled());
    // The message is on screen, under the path.
    const auto labels = form->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [&](QLabel *l) { return l->isVisible() && l->text() == message; }));

    // The run's own path says the same when started anyway (the CLI's data check, not the form's).
    auto config = form->config();
    QVERIFY(config);
    QSignalSpy finished(m_page.get(), &TrainingPage::runFinished);
    QSignalSpy errors(m_page.get(), &TrainingPage::error);
    QVERIFY(m_page->startRun(*config));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isTraining(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, Timeout);
    QVERIFY2(errors.first().at(0).toString().contains(QStringLiteral("bad.csv:3")), qPrintable(errors.first().at(0).toString()));
    QCOMPARE(finished.count(), 0); // no run was created, so none is announced as finished
    QVERIFY(form->dataError().contains(QStringLiteral("'oops' is not a number")));

    auto datasets = m_fx.catalog->registry().datasets();
    QVERIFY(datasets);
    QVERIFY(datasets->isEmpty());
    auto runs = m_fx.catalog->registry().runs();
    QVERIFY(runs);
    QVERIFY(runs->isEmpty());
    QVERIFY(!m_fx.catalog->resolve(QStringLiteral("never")));
}

void tst_TrainingPage::evaluationAndCompare()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("clusters.csv"));
    QVERIFY(writeClusters(data, 300, 11));
    QSignalSpy finished(m_page.get(), &TrainingPage::runFinished);
    QStringList runIds;
    for (int seed : {1, 2}) {
        fillForm(data, 2, 8, QString());
        m_page->form()->seedSpin()->setValue(seed);
        waitForPreview();
        QTRY_VERIFY(m_page->form()->startButton()->isEnabled());
        QTest::mouseClick(m_page->form()->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), int(runIds.size()) + 1, Timeout);
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(finished.last().at(2).toString()));
        runIds.append(finished.last().at(0).toString());
    }
    QTRY_VERIFY_WITH_TIMEOUT(runState(runIds[0]) == QLatin1String("finished") && runState(runIds[1]) == QLatin1String("finished"),
                             Timeout);

    m_page->showEvaluation(runIds[0]);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<EvaluationDialog *>(), Timeout);
    auto *dialog = m_page->findChild<EvaluationDialog *>();
    ConfusionMatrixWidget *matrix = dialog->matrix();
    QCOMPARE(matrix->classCount(), 3);
    QCOMPARE(matrix->classes(), (QStringList{"setosa", "versicolor", "virginica"}));
    QCOMPARE(matrix->total(), qint64(30)); // 10 % of 300 rows
    qint64 diagonal = 0;
    for (int i = 0; i < 3; ++i)
        diagonal += matrix->count(i, i);
    QVERIFY(diagonal >= 24); // separable clusters
    // The heat map paints a mostly-right row darker on the diagonal than off it.
    QVERIFY(matrix->cellColor(0, 0).lightnessF() < matrix->cellColor(0, 1).lightnessF());
    QCOMPARE(dialog->perClassTable()->rowCount(), 3);
    QCOMPARE(dialog->perClassTable()->item(0, 0)->text(), QStringLiteral("setosa"));
    QVERIFY(!matrix->grab().isNull());
    dialog->close();

    // Register the unregistered run from the table.
    m_page->registerRun(runIds[0], QStringLiteral("later"));
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.catalog->resolve(QStringLiteral("later")).has_value(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->runsModel()->find(runIds[0])->record.model, QStringLiteral("later"), Timeout);

    m_page->compareRuns(runIds);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<CompareDialog *>(), Timeout);
    auto *compare = m_page->findChild<CompareDialog *>();
    QStringList lines = compare->accuracyChart()->lineIds(); // the same TimeSeriesChart as the page's
    lines.sort();
    QStringList sortedRunIds = runIds;
    sortedRunIds.sort();
    QCOMPARE(lines, sortedRunIds);
    for (const QString &id : runIds) {
        QCOMPARE(compare->accuracyChart()->points(id).size(), 2);
        QCOMPARE(compare->lossChart()->points(id).size(), 2);
    }
    if (compare->isVisible())
        QTRY_COMPARE(compare->accuracyChart()->shownPointCount(runIds[1]), 2);
    if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(compare->grab().save(shots + QStringLiteral("/comparedialog.png")));
    QCOMPARE(compare->table()->columnCount(), 2);
    // The seeds differ, and the table says so in the config rows.
    bool seedRow = false;
    for (int r = 0; r < compare->table()->rowCount(); ++r) {
        if (compare->table()->verticalHeaderItem(r)->text() == QLatin1String("Seed")) {
            seedRow = true;
            QCOMPARE(compare->table()->item(r, 0)->text() == QLatin1String("1") || compare->table()->item(r, 0)->text() == QLatin1String("2"), true);
            QVERIFY(compare->table()->item(r, 0)->font().bold());
        }
    }
    QVERIFY(seedRow);
}

void tst_TrainingPage::closingThePageMidRunCancelsIt()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("long.csv"));
    QVERIFY(writeClusters(data, 600, 5));
    fillForm(data, 400, 8, QStringLiteral("never"));
    QTest::mouseClick(m_page->form()->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->epochModel()->rowCount() >= 1, Timeout);
    const QString runId = m_page->liveRunId();
    QVERIFY(!runId.isEmpty());
    // The window closes while the job trains: the page stops it and waits; nothing outlives it.
    m_page.reset();
    auto run = m_fx.catalog->registry().run(runId);
    QVERIFY(run);
    QCOMPARE(run->state, QStringLiteral("cancelled"));
    QVERIFY(run->epochsDone >= 1);
    QVERIFY(!m_fx.catalog->resolve(QStringLiteral("never")));
}

namespace {

// A long run on the clusters data, as another part of the console (or another process) starts it.
Training::TrainingRequest longRun(const QString &data)
{
    Training::TrainingRequest request;
    request.config = Training::TrainingConfig::defaultsFor(QStringLiteral("mlp"));
    request.config.data.path = data;
    request.config.epochs = 400;
    request.config.batchSize = 8;
    request.config.logEverySteps = 2;
    request.actor = QStringLiteral("demo");
    return request;
}

} // namespace

void tst_TrainingPage::followsAJobStartedElsewhere()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("long.csv"));
    QVERIFY(writeClusters(data, 600, 7));
    // A job the page did not start (the first-run demo's, say), on a pool of its own.
    Training::TrainingJob job(m_fx.catalog.get(), longRun(data));
    QThreadPool pool;
    QSignalSpy finished(&job, &Training::TrainingJob::finished);
    m_fx.client->trainingJobs().add(&job);
    pool.start(&job);

    // The page shows it live: its id, growing curves, progress, and Cancel.
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->viewedRunId().isEmpty(), Timeout);
    const QString runId = m_page->viewedRunId();
    QCOMPARE(m_fx.client->trainingJobs().jobForRun(runId), &job);
    QCOMPARE(m_page->statusRunId(), runId);
    QVERIFY(!m_page->isTraining()); // not the page's own job
    QTRY_VERIFY_WITH_TIMEOUT(m_page->epochModel()->rowCount() >= 1, Timeout);
    const int steps = m_page->stepModel()->rowCount();
    QVERIFY(steps > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->stepModel()->rowCount() > steps, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->progressBar()->value() > 0, Timeout);
    QVERIFY(m_page->charts()->title().contains(QStringLiteral("live")));

    // Cancel on the page stops the job between two batches; the run is recorded as cancelled.
    QVERIFY(m_page->cancelButton()->isEnabled());
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    pool.waitForDone();
    QCOMPARE(finished.first().first().value<Training::TrainingOutcome>().state, QStringLiteral("cancelled"));
    QTRY_COMPARE_WITH_TIMEOUT(runState(runId), QStringLiteral("cancelled"), Timeout);
    QVERIFY(!m_page->cancelButton()->isEnabled());
    QVERIFY(m_fx.client->trainingJobs().jobs().isEmpty());
}

void tst_TrainingPage::followsARunOfAnotherProcess()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("long.csv"));
    QVERIFY(writeClusters(data, 600, 9));
    // Another process: its own catalog on the workspace, a job this console knows nothing of.
    auto other = m_fx.openCatalog();
    QVERIFY(other);
    Training::TrainingRequest request = longRun(data);
    request.runId = QStringLiteral("cli-run");
    Training::TrainingJob job(other.get(), request);
    QThreadPool pool;
    QSignalSpy finished(&job, &Training::TrainingJob::finished);
    pool.start(&job);

    // It shows up running in the table, and the page (showing no run) follows its curves from the
    // registry by itself; selecting it keeps it.
    QVERIFY(QTest::qWaitFor([&] {
        m_page->refreshRuns(); // the client's change polling is off in these tests
        const TrainingQueries::RunRow *row = m_page->runsModel()->find(request.runId);
        return row && row->state == QLatin1String("running");
    }, Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->viewedRunId(), request.runId, Timeout);
    m_page->runsView()->selectRow(m_page->runsModel()->rowOf(request.runId));
    QCOMPARE(m_page->viewedRunId(), request.runId);
    QVERIFY(m_page->followsExternalRun());
    QTRY_VERIFY_WITH_TIMEOUT(m_page->epochModel()->rowCount() >= 1, Timeout);
    const int epochs = m_page->epochModel()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->epochModel()->rowCount() > epochs, Timeout);
    QVERIFY(m_page->stepModel()->rowCount() > 0);

    // Cancel asks the other process through the run's cancel marker.
    QCOMPARE(m_page->statusRunId(), request.runId);
    QVERIFY(m_page->cancelButton()->isEnabled());
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    pool.waitForDone();
    QCOMPARE(finished.first().first().value<Training::TrainingOutcome>().state, QStringLiteral("cancelled"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->followsExternalRun(), Timeout);
}

void tst_TrainingPage::anotherProcessesRunGrowsByAppendsAndIsReadAgainWhenCut()
{
    // Another process's run, its rows written here through that process's own registry connection
    // (what TrainingJob stores, without a trainer: each step below is exactly one write).
    auto other = m_fx.openCatalog();
    QVERIFY(other);
    Registry::ModelRegistry &registry = other->registry();
    RunRecord run;
    run.id = QStringLiteral("cli-rows");
    run.state = QStringLiteral("running");
    run.config = QJsonObject{{QStringLiteral("arch"), QStringLiteral("mlp")}, {QStringLiteral("epochs"), 3}};
    QVERIFY(registry.createRun(run, QStringLiteral("cli")));
    run.summary = QJsonObject{{QStringLiteral("steps_per_epoch"), 10}}; // as the trainer records it at start
    QVERIFY(registry.updateRun(run));
    auto dir = Training::RunDirectory::open(other->workspace(), run.id, true);
    QVERIFY(dir);
    auto lock = dir->lock(); // a live process holds the run: it is "running"
    QVERIFY(lock);
    auto steps = [&](int epoch, qint64 from, qint64 to, double offset) {
        QList<RunMetricRow> rows;
        for (qint64 s = from; s <= to; ++s) {
            for (const char *name : {"loss", "accuracy", "lr"})
                rows.append({run.id, s, epoch, QStringLiteral("train"), QString::fromLatin1(name), offset + double(s), {}});
        }
        return rows;
    };
    auto epochRows = [&](int epoch, qint64 step) {
        return QList<RunMetricRow>{{run.id, step, epoch, QStringLiteral("train"), QStringLiteral("epoch_loss"), 1.0 / epoch, {}},
                                   {run.id, step, epoch, QStringLiteral("train"), QStringLiteral("epoch_accuracy"), 0.5, {}},
                                   {run.id, step, epoch, QStringLiteral("validation"), QStringLiteral("loss"), 1.0 / epoch, {}},
                                   {run.id, step, epoch, QStringLiteral("validation"), QStringLiteral("accuracy"), 0.5, {}}};
    };
    QVERIFY(registry.appendRunMetrics(steps(1, 1, 10, 0) + epochRows(1, 10)));
    QVERIFY(registry.appendRunMetrics(steps(2, 11, 14, 0))); // epoch 2 in progress

    QVERIFY(QTest::qWaitFor([&] {
        m_page->refreshRuns(); // the client's change polling is off in these tests
        const TrainingQueries::RunRow *row = m_page->runsModel()->find(run.id);
        return row && row->state == QLatin1String("running");
    }, Timeout));
    // Nothing was open: the page follows the run by itself (the operator need not find it).
    QTRY_VERIFY_WITH_TIMEOUT(m_page->followsExternalRun(), Timeout);
    QCOMPARE(m_page->statusRunId(), run.id);
    m_page->runsView()->selectRow(m_page->runsModel()->rowOf(run.id));
    QVERIFY(m_page->followsExternalRun());
    MetricsTableModel *stepModel = m_page->stepModel();
    MetricsTableModel *epochModel = m_page->epochModel();
    QTRY_COMPARE_WITH_TIMEOUT(stepModel->rowCount(), 14, Timeout);
    QCOMPARE(epochModel->rowCount(), 1);
    QCOMPARE(m_page->externalFullReads(), 1);
    // Progress within the epoch: step 14 of 3 x 10.
    const QProgressBar *progress = m_page->progressBar();
    auto fraction = [progress] {
        return double(progress->value() - progress->minimum()) / (progress->maximum() - progress->minimum());
    };
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(fraction() - 14.0 / 30.0) < 0.01, Timeout);

    // New rows are appended, never read whole again: the epoch's last steps in one write, then its
    // epoch rows (same step) with the next epoch's first steps in another.
    QSignalSpy stepResets(stepModel, &QAbstractItemModel::modelReset);
    QSignalSpy epochResets(epochModel, &QAbstractItemModel::modelReset);
    QSignalSpy stepAppends(stepModel, &QAbstractItemModel::rowsInserted);
    QVERIFY(registry.appendRunMetrics(steps(2, 15, 20, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(stepModel->rowCount(), 20, Timeout);
    QVERIFY(registry.appendRunMetrics(epochRows(2, 20) + steps(3, 21, 22, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(stepModel->rowCount(), 22, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(epochModel->rowCount(), 2, Timeout);
    QCOMPARE(stepResets.size(), 0);
    QCOMPARE(epochResets.size(), 0);
    QCOMPARE(stepAppends.size(), 8);
    QCOMPARE(m_page->externalFullReads(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(fraction() - 22.0 / 30.0) < 0.01, Timeout);
    for (int i = 0; i < 22; ++i)
        QCOMPARE(stepModel->value(i, TrainingChartsWidget::StepX), double(i + 1)); // each step once, in order
    QCOMPARE(epochModel->value(1, TrainingChartsWidget::EpochX), 20.0);
    QCOMPARE(epochModel->value(1, TrainingChartsWidget::EpochValidationLoss), 0.5);

    // The process died in epoch 3 and the run resumed from its epoch-2 checkpoint: the steps it
    // stored of epoch 3 are cut and redone (other values here), and the page reads it whole again.
    QVERIFY(registry.deleteRunMetricsAfterEpoch(run.id, 2));
    QVERIFY(registry.appendRunMetrics(steps(3, 21, 21, 100)));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->externalFullReads(), 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stepModel->rowCount(), 21, Timeout);
    QCOMPARE(stepModel->value(20, TrainingChartsWidget::StepLoss), 121.0);
    QCOMPARE(epochModel->rowCount(), 2);

    // It ends: the page stops following.
    lock->reset();
    run.state = QStringLiteral("cancelled");
    QVERIFY(registry.updateRun(run));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->followsExternalRun(), Timeout);
    QCOMPARE(m_page->externalFullReads(), 2);
}

void tst_TrainingPage::textCsvPicksTheTextClassifier()
{
    const QString data = m_fx.dir->filePath(QStringLiteral("reviews.csv"));
    {
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray out = "text,label\n";
        const char *good[] = {"great fun loved it", "wonderful cast and great story", "loved the music, great fun"};
        const char *bad[] = {"boring and far too long", "awful plot, boring", "terrible acting, awful and boring"};
        for (int i = 0; i < 40; ++i) {
            out += QByteArray("\"") + good[i % 3] + "\",good\n";
            out += QByteArray("\"") + bad[i % 3] + "\",bad\n";
        }
        f.write(out);
    }
    TrainingFormWidget *form = m_page->form();
    form->pathEdit()->setText(data);
    // The first preview finds text, switches to the text classifier, and previews again.
    QTRY_COMPARE_WITH_TIMEOUT(form->archBox()->currentData().toString(), QStringLiteral("textcnn"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isPreviewPending() && form->preview() && form->preview()->parameterCount > 0, Timeout);
    const TrainingQueries::DataPreview &p = *form->preview();
    QCOMPARE(p.kind, QStringLiteral("text-csv"));
    QVERIFY(p.hasHeader);
    QCOMPARE(p.textColumn, QStringLiteral("text"));
    QCOMPARE(p.labelColumn, QStringLiteral("label"));
    QCOMPARE(p.classNames, (QStringList{"bad", "good"}));
    QVERIFY(form->archBox()->isVisible());
    // The suggested model name follows the data and the architecture.
    QCOMPARE(form->modelNameEdit()->text(), QStringLiteral("reviews-textcnn"));

    form->epochsSpin()->setValue(2);
    QTRY_VERIFY_WITH_TIMEOUT(form->startButton()->isEnabled(), Timeout);
    QSignalSpy finished(m_page.get(), &TrainingPage::runFinished);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    auto version = m_fx.catalog->resolve(QStringLiteral("reviews-textcnn"));
    QVERIFY2(version, version ? "" : qPrintable(version.error().message));
    QCOMPARE(version->params.value(QStringLiteral("arch")).toString(), QStringLiteral("textcnn"));
}

QTEST_MAIN(tst_TrainingPage)
#include "tst_trainingpage.moc"
