#pragma once
// TrainingChartsWidget: the loss and accuracy charts of one run (Qt Charts). Training figures per
// logged step, training and validation figures per epoch, all against the global step on the x
// axis. The series are bound to the two MetricsTableModels by QVXYModelMapper, so a point appended
// to a model is on the chart at once (no polling); the axes follow rowsInserted / modelReset.
// GUI thread only.

#include <QWidget>

class MetricsTableModel;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

class TrainingChartsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingChartsWidget)

public:
    // Column layout of the models this widget maps.
    enum StepColumn { StepX = 0, StepEpoch, StepLoss, StepAccuracy, StepLearningRate, StepColumnCount };
    enum EpochColumn { EpochX = 0, EpochNumber, EpochTrainLoss, EpochTrainAccuracy, EpochValidationLoss,
                       EpochValidationAccuracy, EpochColumnCount };

    TrainingChartsWidget(MetricsTableModel *steps, MetricsTableModel *epochs, QWidget *parent = nullptr);

    // "Run 2026…: mlp on iris" above the charts; empty shows how to get curves.
    void setTitle(const QString &title);
    // Validation series are hidden for runs without a validation split.
    void setValidationVisible(bool visible);

    QLineSeries *stepLossSeries() const { return m_stepLoss; }
    QLineSeries *stepAccuracySeries() const { return m_stepAccuracy; }
    QLineSeries *epochLossSeries() const { return m_epochLoss; }
    QLineSeries *validationLossSeries() const { return m_validationLoss; }
    QLineSeries *epochAccuracySeries() const { return m_epochAccuracy; }
    QLineSeries *validationAccuracySeries() const { return m_validationAccuracy; }

private:
    QChartView *makeChart(const QString &title, QChart *&chart, QValueAxis *&x, QValueAxis *&y);
    QLineSeries *addSeries(QChart *chart, QValueAxis *x, QValueAxis *y, const QString &name, MetricsTableModel *model,
                           int xColumn, int yColumn, bool markers);
    void updateAxes();

    MetricsTableModel *m_steps;
    MetricsTableModel *m_epochs;
    QLabel *m_title = nullptr;
    QChart *m_lossChart = nullptr;
    QChart *m_accuracyChart = nullptr;
    QValueAxis *m_lossX = nullptr;
    QValueAxis *m_lossY = nullptr;
    QValueAxis *m_accuracyX = nullptr;
    QValueAxis *m_accuracyY = nullptr;
    QLineSeries *m_stepLoss = nullptr;
    QLineSeries *m_stepAccuracy = nullptr;
    QLineSeries *m_epochLoss = nullptr;
    QLineSeries *m_validationLoss = nullptr;
    QLineSeries *m_epochAccuracy = nullptr;
    QLineSeries *m_validationAccuracy = nullptr;
};
