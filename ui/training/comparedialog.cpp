#include "comparedialog.h"

#include "runstablemodel.h"
#include "trainingchartswidget.h"

#include <QChart>
#include <QChartView>
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

QChart *overlayChart(const QString &title, const QString &yTitle, const QList<CompareDialog::Entry> &entries,
                     bool accuracy)
{
    using W = TrainingChartsWidget;
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new QValueAxis(chart);
    x->setTitleText(CompareDialog::tr("epoch"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis(chart);
    y->setTitleText(yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double maxEpoch = 1, low = 0, high = 1;
    bool any = false;
    for (const CompareDialog::Entry &e : entries) {
        const bool validation = e.curves.hasValidation;
        const int column = accuracy ? (validation ? W::EpochValidationAccuracy : W::EpochTrainAccuracy)
                                    : (validation ? W::EpochValidationLoss : W::EpochTrainLoss);
        auto *series = new QLineSeries(chart);
        series->setName(validation ? e.run.record.id : CompareDialog::tr("%1 (train)").arg(e.run.record.id));
        series->setPointsVisible(true);
        for (const QList<double> &r : e.curves.epochs) {
            const double v = r.value(column, std::nan(""));
            if (!std::isfinite(v))
                continue;
            series->append(r[W::EpochNumber], v);
            maxEpoch = std::max(maxEpoch, r[W::EpochNumber]);
            low = any ? std::min(low, v) : v;
            high = any ? std::max(high, v) : v;
            any = true;
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    x->setRange(1, std::max(2.0, maxEpoch));
    x->setTickCount(int(std::min(11.0, std::max(2.0, maxEpoch))));
    if (accuracy)
        y->setRange(any && low > 0.5 ? std::floor(low * 10) / 10 : 0.0, 1.0);
    else
        y->setRange(0, any ? high * 1.05 + 1e-6 : 1.0);
    return chart;
}

} // namespace

CompareDialog::CompareDialog(const QList<Entry> &entries, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare %n run(s)", nullptr, int(entries.size())));
    m_accuracy = overlayChart(tr("Validation accuracy per epoch"), tr("accuracy"), entries, true);
    m_loss = overlayChart(tr("Validation loss per epoch"), tr("loss"), entries, false);
    auto *accuracyView = new QChartView(m_accuracy, this);
    auto *lossView = new QChartView(m_loss, this);
    for (QChartView *v : {accuracyView, lossView}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumSize(320, 240);
    }

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
    chartsLayout->addWidget(accuracyView);
    chartsLayout->addWidget(lossView);
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
