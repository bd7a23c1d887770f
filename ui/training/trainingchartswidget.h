#pragma once
// TrainingChartsWidget: the loss and accuracy charts of one run, drawn by the same TimeSeriesChart
// as the Monitoring page. Training figures per logged step, training and validation figures per
// epoch, all against the global step on the x axis. The two MetricsTableModels stay the source:
// rowsInserted appends the new rows to the charts and modelReset (a stored run opened, or the
// model thinning a long run) replaces the lines, so a point appended to a model is on the chart
// at the next event-loop turn (no polling). GUI thread only.

#include <QString>
#include <QWidget>

class MetricsTableModel;
class QLabel;
class TimeSeriesChart;

class TrainingChartsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingChartsWidget)

public:
    // Column layout of the models this widget reads.
    enum StepColumn { StepX = 0, StepEpoch, StepLoss, StepAccuracy, StepLearningRate, StepColumnCount };
    enum EpochColumn { EpochX = 0, EpochNumber, EpochTrainLoss, EpochTrainAccuracy, EpochValidationLoss,
                       EpochValidationAccuracy, EpochColumnCount };

    // Line ids in both charts (TimeSeriesChart::addLine ids).
    static inline const QString StepLine = QStringLiteral("step");
    static inline const QString TrainLine = QStringLiteral("train");
    static inline const QString ValidationLine = QStringLiteral("validation");

    TrainingChartsWidget(MetricsTableModel *steps, MetricsTableModel *epochs, QWidget *parent = nullptr);

    // "Run 2026…: mlp on iris" above the charts; empty shows how to get curves.
    void setTitle(const QString &title);
    QString title() const;
    // Validation lines are hidden for runs without a validation split.
    void setValidationVisible(bool visible);

    TimeSeriesChart *lossChart() const { return m_lossChart; }
    TimeSeriesChart *accuracyChart() const { return m_accuracyChart; }

private:
    TimeSeriesChart *makeChart(const QString &title);
    void stepRowsInserted(int first, int last);
    void epochRowsInserted(int first, int last);
    void stepsReset();
    void epochsReset();
    void updateAccuracyRange();

    MetricsTableModel *m_steps;
    MetricsTableModel *m_epochs;
    QLabel *m_title = nullptr;
    TimeSeriesChart *m_lossChart = nullptr;
    TimeSeriesChart *m_accuracyChart = nullptr;
};
