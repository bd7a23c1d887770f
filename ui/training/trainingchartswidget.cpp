#include "trainingchartswidget.h"

#include "metricstablemodel.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QVXYModelMapper>

#include <cmath>

namespace {

// Axis bounds with a little air, so a flat curve does not sit on the frame.
void setPadded(QValueAxis *axis, double low, double high, bool fromZero)
{
    if (fromZero)
        low = std::min(0.0, low);
    if (high - low < 1e-9)
        high = low + 1;
    const double pad = (high - low) * 0.05;
    axis->setRange(fromZero && low >= 0 ? low : low - pad, high + pad);
    axis->applyNiceNumbers();
}

// 0..high in three to five round steps (1, 2, 2.5 or 5 x 10^k): labels read 0, 1000, 2000, 3000
// rather than 0, 633, 1266 (QValueAxis::applyNiceNumbers would stretch 2532 steps to 4000).
void setRoundSteps(QValueAxis *axis, double high)
{
    high = std::max(high, 10.0);
    const double raw = high / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    const int ticks = std::max(1, int(std::ceil(high / step - 1e-9)));
    axis->setRange(0, ticks * step);
    axis->setTickCount(ticks + 1);
}

} // namespace

TrainingChartsWidget::TrainingChartsWidget(MetricsTableModel *steps, MetricsTableModel *epochs, QWidget *parent)
    : QWidget(parent), m_steps(steps), m_epochs(epochs)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chartsTitle"));
    m_title->setWordWrap(true);
    QChartView *lossView = makeChart(tr("Loss"), m_lossChart, m_lossX, m_lossY);
    QChartView *accuracyView = makeChart(tr("Accuracy"), m_accuracyChart, m_accuracyX, m_accuracyY);
    m_accuracyY->setLabelFormat(QStringLiteral("%.2f"));

    m_stepLoss = addSeries(m_lossChart, m_lossX, m_lossY, tr("per step"), m_steps, StepX, StepLoss, false);
    m_epochLoss = addSeries(m_lossChart, m_lossX, m_lossY, tr("train"), m_epochs, EpochX, EpochTrainLoss, true);
    m_validationLoss = addSeries(m_lossChart, m_lossX, m_lossY, tr("validation"), m_epochs, EpochX, EpochValidationLoss, true);
    m_stepAccuracy = addSeries(m_accuracyChart, m_accuracyX, m_accuracyY, tr("per step"), m_steps, StepX, StepAccuracy, false);
    m_epochAccuracy = addSeries(m_accuracyChart, m_accuracyX, m_accuracyY, tr("train"), m_epochs, EpochX,
                                EpochTrainAccuracy, true);
    m_validationAccuracy = addSeries(m_accuracyChart, m_accuracyX, m_accuracyY, tr("validation"), m_epochs, EpochX,
                                     EpochValidationAccuracy, true);
    // Step curves are noisy and dense: thin and light; epoch curves carry the story.
    for (QLineSeries *s : {m_stepLoss, m_stepAccuracy}) {
        QPen pen(QColor(120, 160, 210));
        pen.setWidthF(1.0);
        s->setPen(pen);
    }
    for (QLineSeries *s : {m_epochLoss, m_epochAccuracy}) {
        QPen pen(QColor(25, 90, 170));
        pen.setWidthF(2.0);
        s->setPen(pen);
    }
    for (QLineSeries *s : {m_validationLoss, m_validationAccuracy}) {
        QPen pen(QColor(220, 110, 20));
        pen.setWidthF(2.0);
        s->setPen(pen);
    }

    for (MetricsTableModel *m : {m_steps, m_epochs}) {
        connect(m, &QAbstractItemModel::rowsInserted, this, &TrainingChartsWidget::updateAxes);
        connect(m, &QAbstractItemModel::modelReset, this, &TrainingChartsWidget::updateAxes);
    }

    auto *charts = new QHBoxLayout;
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(lossView, 1);
    charts->addWidget(accuracyView, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(charts, 1);
    setTitle({});
    updateAxes();
}

void TrainingChartsWidget::setTitle(const QString &title)
{
    m_title->setText(title.isEmpty() ? tr("Start a run, or open one from the runs table, to see its loss and accuracy curves.")
                                     : title);
}

void TrainingChartsWidget::setValidationVisible(bool visible)
{
    m_validationLoss->setVisible(visible);
    m_validationAccuracy->setVisible(visible);
}

QChartView *TrainingChartsWidget::makeChart(const QString &title, QChart *&chart, QValueAxis *&x, QValueAxis *&y)
{
    chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    x = new QValueAxis(chart);
    x->setTitleText(tr("step"));
    x->setLabelFormat(QStringLiteral("%d"));
    y = new QValueAxis(chart);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 200);
    return view;
}

QLineSeries *TrainingChartsWidget::addSeries(QChart *chart, QValueAxis *x, QValueAxis *y, const QString &name,
                                             MetricsTableModel *model, int xColumn, int yColumn, bool markers)
{
    auto *series = new QLineSeries(chart);
    series->setName(name);
    series->setPointsVisible(markers);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    auto *mapper = new QVXYModelMapper(series);
    mapper->setXColumn(xColumn);
    mapper->setYColumn(yColumn);
    mapper->setSeries(series);
    mapper->setModel(model);
    return series;
}

void TrainingChartsWidget::updateAxes()
{
    double xLow = 0, xHigh = 1, low = 0, high = 0;
    double a = 0, b = 0;
    bool anyX = false;
    for (auto [model, column] : {std::pair{m_steps, int(StepX)}, std::pair{m_epochs, int(EpochX)}}) {
        if (model->range({column}, a, b)) {
            xHigh = anyX ? std::max(xHigh, b) : b;
            xLow = anyX ? std::min(xLow, a) : a;
            anyX = true;
        }
    }
    if (!anyX)
        xLow = 0;
    Q_UNUSED(xLow) // steps start at 0
    for (QValueAxis *x : {m_lossX, m_accuracyX})
        setRoundSteps(x, xHigh);

    bool anyLoss = false;
    if (m_steps->range({StepLoss}, a, b)) {
        low = a;
        high = b;
        anyLoss = true;
    }
    if (m_epochs->range({EpochTrainLoss, EpochValidationLoss}, a, b)) {
        low = anyLoss ? std::min(low, a) : a;
        high = anyLoss ? std::max(high, b) : b;
        anyLoss = true;
    }
    if (anyLoss)
        setPadded(m_lossY, low, high, true);
    else
        m_lossY->setRange(0, 1);
    // Accuracy stays on 0..1 so two runs read alike; the lower bound follows the data once it is
    // clearly above chance, to show the last percent of progress.
    double accLow = 1;
    bool anyAcc = false;
    if (m_steps->range({StepAccuracy}, a, b)) {
        accLow = a;
        anyAcc = true;
    }
    if (m_epochs->range({EpochTrainAccuracy, EpochValidationAccuracy}, a, b)) {
        accLow = anyAcc ? std::min(accLow, a) : a;
        anyAcc = true;
    }
    m_accuracyY->setRange(anyAcc && accLow > 0.5 ? std::floor(accLow * 10) / 10 : 0.0, 1.0);
}
