#include "trainingchartswidget.h"

#include "charts/timeserieschart.h"
#include "metricstablemodel.h"

#include <QChart>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// The points (x column, y column) of model rows first..last; missing values (NaN) are left out.
QList<QPointF> columnPoints(const MetricsTableModel *model, int xColumn, int yColumn, int first, int last)
{
    QList<QPointF> points;
    points.reserve(last - first + 1);
    for (int row = first; row <= last; ++row) {
        const double x = model->value(row, xColumn);
        const double y = model->value(row, yColumn);
        if (std::isfinite(x) && std::isfinite(y))
            points.append(QPointF(x, y));
    }
    return points;
}

void styleLine(TimeSeriesChart *chart, const QString &id, const QColor &colour, qreal width, bool markers)
{
    QLineSeries *series = chart->series(id);
    QPen pen(colour);
    pen.setWidthF(width);
    series->setPen(pen);
    series->setPointsVisible(markers);
}

} // namespace

TrainingChartsWidget::TrainingChartsWidget(MetricsTableModel *steps, MetricsTableModel *epochs, QWidget *parent)
    : QWidget(parent), m_steps(steps), m_epochs(epochs)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chartsTitle"));
    m_title->setWordWrap(true);
    m_lossChart = makeChart(tr("Loss"));
    m_lossChart->setObjectName(QStringLiteral("lossChart"));
    m_accuracyChart = makeChart(tr("Accuracy"));
    m_accuracyChart->setObjectName(QStringLiteral("accuracyChart"));

    for (TimeSeriesChart *chart : {m_lossChart, m_accuracyChart}) {
        chart->addLine(StepLine, tr("per step"));
        chart->addLine(TrainLine, tr("train"));
        chart->addLine(ValidationLine, tr("validation"));
        // Step curves are noisy and dense: thin and light; epoch curves carry the story.
        styleLine(chart, StepLine, QColor(120, 160, 210), 1.0, false);
        styleLine(chart, TrainLine, QColor(25, 90, 170), 2.0, true);
        styleLine(chart, ValidationLine, QColor(220, 110, 20), 2.0, true);
    }

    connect(m_steps, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { stepRowsInserted(first, last); });
    connect(m_steps, &QAbstractItemModel::modelReset, this, &TrainingChartsWidget::stepsReset);
    connect(m_epochs, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { epochRowsInserted(first, last); });
    connect(m_epochs, &QAbstractItemModel::modelReset, this, &TrainingChartsWidget::epochsReset);

    auto *charts = new QHBoxLayout;
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(m_lossChart, 1);
    charts->addWidget(m_accuracyChart, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(charts, 1);
    setTitle({});
    stepsReset();
    epochsReset();
}

TimeSeriesChart *TrainingChartsWidget::makeChart(const QString &title)
{
    auto *chart = new TimeSeriesChart(title, TimeSeriesChart::XAxis::Number, this);
    // The models cap and thin themselves; the chart keeps all they hold (its own reduction to the
    // plot's width only decides what is drawn).
    chart->setMaxPoints(std::max(m_steps->capacity(), m_epochs->capacity()) + 1);
    chart->setXSpan(0);
    chart->setRoundXFromZero(true); // steps start at 0
    chart->setXAxisTitle(tr("step"));
    if (auto *x = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Horizontal).value(0)))
        x->setLabelFormat(QStringLiteral("%d"));
    chart->setMinimumSize(200, 200); // two side by side still fit a 1024-pixel window
    return chart;
}

QString TrainingChartsWidget::title() const
{
    return m_title->text();
}

void TrainingChartsWidget::setTitle(const QString &title)
{
    m_title->setText(title.isEmpty() ? tr("Start a run, or open one from the runs table, to see its loss and accuracy curves.")
                                     : title);
}

void TrainingChartsWidget::setValidationVisible(bool visible)
{
    m_lossChart->setLineVisible(ValidationLine, visible);
    m_accuracyChart->setLineVisible(ValidationLine, visible);
}

void TrainingChartsWidget::stepRowsInserted(int first, int last)
{
    m_lossChart->append(StepLine, columnPoints(m_steps, StepX, StepLoss, first, last));
    m_accuracyChart->append(StepLine, columnPoints(m_steps, StepX, StepAccuracy, first, last));
    updateAccuracyRange();
}

void TrainingChartsWidget::epochRowsInserted(int first, int last)
{
    m_lossChart->append(TrainLine, columnPoints(m_epochs, EpochX, EpochTrainLoss, first, last));
    m_lossChart->append(ValidationLine, columnPoints(m_epochs, EpochX, EpochValidationLoss, first, last));
    m_accuracyChart->append(TrainLine, columnPoints(m_epochs, EpochX, EpochTrainAccuracy, first, last));
    m_accuracyChart->append(ValidationLine, columnPoints(m_epochs, EpochX, EpochValidationAccuracy, first, last));
    updateAccuracyRange();
}

void TrainingChartsWidget::stepsReset()
{
    const int last = m_steps->rowCount() - 1;
    m_lossChart->setPoints(StepLine, columnPoints(m_steps, StepX, StepLoss, 0, last));
    m_accuracyChart->setPoints(StepLine, columnPoints(m_steps, StepX, StepAccuracy, 0, last));
    updateAccuracyRange();
}

void TrainingChartsWidget::epochsReset()
{
    const int last = m_epochs->rowCount() - 1;
    m_lossChart->setPoints(TrainLine, columnPoints(m_epochs, EpochX, EpochTrainLoss, 0, last));
    m_lossChart->setPoints(ValidationLine, columnPoints(m_epochs, EpochX, EpochValidationLoss, 0, last));
    m_accuracyChart->setPoints(TrainLine, columnPoints(m_epochs, EpochX, EpochTrainAccuracy, 0, last));
    m_accuracyChart->setPoints(ValidationLine, columnPoints(m_epochs, EpochX, EpochValidationAccuracy, 0, last));
    updateAccuracyRange();
}

void TrainingChartsWidget::updateAccuracyRange()
{
    // Accuracy stays on 0..1 so two runs read alike; the lower bound follows the data once it is
    // clearly above chance, to show the last percent of progress. The models are capped, so the
    // scan is short.
    double low = 1, a = 0, b = 0;
    bool any = false;
    if (m_steps->range({StepAccuracy}, a, b)) {
        low = a;
        any = true;
    }
    if (m_epochs->range({EpochTrainAccuracy, EpochValidationAccuracy}, a, b)) {
        low = any ? std::min(low, a) : a;
        any = true;
    }
    m_accuracyChart->setYRange(any && low > 0.5 ? std::min(0.9, std::floor(low * 10) / 10) : 0.0, 1.0);
}
