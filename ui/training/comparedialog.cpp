#include "comparedialog.h"

#include "runstablemodel.h"
#include "trainingchartswidget.h"

#include "charts/timeserieschart.h"

#include <QChart>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineSeries>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString configText(const QJsonValue &v)
{
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &x : v.toArray())
            parts.append(x.isDouble() ? QString::number(x.toDouble()) : x.toString());
        return parts.join(QLatin1Char(','));
    }
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (v.isUndefined() || v.isNull())
        return QStringLiteral("–");
    return v.toString();
}

// One line per run, on the TimeSeriesChart the Training and Monitoring pages draw with.
TimeSeriesChart *overlayChart(const QString &title, const QString &yTitle, const QList<CompareDialog::Entry> &entries,
                              bool accuracy, QWidget *parent)
{
    using W = TrainingChartsWidget;
    auto *chart = new TimeSeriesChart(title, TimeSeriesChart::XAxis::Number, parent);
    chart->setXAxisTitle(CompareDialog::tr("epoch"));
    chart->setYAxisTitle(yTitle);
    chart->setMinimumSize(320, 240);
    double maxEpoch = 1, low = 1;
    bool any = false;
    for (const CompareDialog::Entry &e : entries) {
        const bool validation = e.curves.hasValidation;
        const int column = accuracy ? (validation ? W::EpochValidationAccuracy : W::EpochTrainAccuracy)
                                    : (validation ? W::EpochValidationLoss : W::EpochTrainLoss);
        const QString id = e.run.record.id;
        chart->addLine(id, validation ? id : CompareDialog::tr("%1 (train)").arg(id));
        chart->series(id)->setPointsVisible(true);
        QList<QPointF> points;
        for (const QList<double> &r : e.curves.epochs) {
            const double v = r.value(column, std::nan(""));
            if (!std::isfinite(v))
                continue;
            points.append(QPointF(r[W::EpochNumber], v));
            maxEpoch = std::max(maxEpoch, r[W::EpochNumber]);
            low = any ? std::min(low, v) : v;
            any = true;
        }
        chart->setMaxPoints(std::max(chart->maxPoints(), int(points.size()) + 1));
        chart->setPoints(id, points);
    }
    if (auto *x = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Horizontal).value(0))) {
        x->setLabelFormat(QStringLiteral("%d"));
        x->setTickCount(int(std::min(11.0, std::max(2.0, maxEpoch))));
    }
    // Accuracy on 0..1 so runs read alike (the lower bound follows data clearly above chance); loss
    // from 0, as the chart does by itself.
    if (accuracy)
        chart->setYRange(any && low > 0.5 ? std::min(0.9, std::floor(low * 10) / 10) : 0.0, 1.0);
    return chart;
}

} // namespace

CompareDialog::CompareDialog(const QList<Entry> &entries, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare %n run(s)", nullptr, int(entries.size())));
    m_accuracy = overlayChart(tr("Validation accuracy per epoch"), tr("accuracy"), entries, true, this);
    m_accuracy->setObjectName(QStringLiteral("accuracyChart"));
    m_loss = overlayChart(tr("Validation loss per epoch"), tr("loss"), entries, false, this);
    m_loss->setObjectName(QStringLiteral("lossChart"));

    const QLocale locale;
    struct Field
    {
        QString label;
        std::function<QString(const TrainingQueries::RunRow &)> value;
    };
    auto config = [](const char *key) {
        return [key](const TrainingQueries::RunRow &r) { return configText(r.record.config.value(QLatin1String(key))); };
    };
    const QList<Field> fields{
        {tr("State"), [](const TrainingQueries::RunRow &r) { return RunsTableModel::stateText(r.state); }},
        {tr("Dataset"), [](const TrainingQueries::RunRow &r) { return r.record.dataset; }},
        {tr("Architecture"), config("arch")},
        {tr("Hidden sizes"), config("hidden")},
        {tr("Activation"), config("activation")},
        {tr("Dropout"), config("dropout")},
        {tr("Optimizer"), config("optimizer")},
        {tr("Learning rate"), config("lr")},
        {tr("Batch size"), config("batch_size")},
        {tr("Epochs"), config("epochs")},
        {tr("Weight decay"), config("weight_decay")},
        {tr("Schedule"), config("schedule")},
        {tr("Gradient clip"), config("grad_clip")},
        {tr("Early stopping patience"), config("patience")},
        {tr("Seed"), config("seed")},
        {tr("Threads"), config("threads")},
        {tr("Epochs done"), [](const TrainingQueries::RunRow &r) { return QString::number(r.record.epochsDone); }},
        {tr("Best validation accuracy"),
         [locale](const TrainingQueries::RunRow &r) {
             return r.hasBestValidation ? locale.toString(r.bestValidation, 'f', 4) : QStringLiteral("–");
         }},
        {tr("Test accuracy"),
         [locale](const TrainingQueries::RunRow &r) {
             return r.hasTestAccuracy ? locale.toString(r.testAccuracy, 'f', 4) : QStringLiteral("–");
         }},
        {tr("Test macro F1"),
         [locale](const TrainingQueries::RunRow &r) {
             const QJsonValue v = r.record.summary.value(QStringLiteral("test_macro_f1"));
             return v.isDouble() ? locale.toString(v.toDouble(), 'f', 4) : QStringLiteral("–");
         }},
        {tr("Training time"), [](const TrainingQueries::RunRow &r) { return RunsTableModel::durationText(r.seconds); }},
        {tr("Version"),
         [](const TrainingQueries::RunRow &r) {
             return r.record.model.isEmpty() ? QStringLiteral("–") : QStringLiteral("%1:%2").arg(r.record.model).arg(r.record.version);
         }},
    };
    m_table = new QTableWidget(int(fields.size()), int(entries.size()), this);
    QStringList headers;
    for (const Entry &e : entries)
        headers.append(e.run.record.id);
    m_table->setHorizontalHeaderLabels(headers);
    QStringList rowLabels;
    for (const Field &f : fields)
        rowLabels.append(f.label);
    m_table->setVerticalHeaderLabels(rowLabels);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    for (int row = 0; row < fields.size(); ++row) {
        QStringList values;
        for (const Entry &e : entries)
            values.append(fields[row].value(e.run));
        const bool differs = std::any_of(values.cbegin(), values.cend(), [&values](const QString &v) { return v != values.first(); });
        for (int col = 0; col < values.size(); ++col) {
            auto *item = new QTableWidgetItem(values[col]);
            if (differs) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();

    auto *charts = new QWidget(this);
    auto *chartsLayout = new QHBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_accuracy);
    chartsLayout->addWidget(m_loss);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(charts);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1000, 720);
}
