#pragma once
// CompareDialog: two or more runs side by side: their validation accuracy and loss per epoch
// overlaid (training figures for runs without a validation split), and a table of their configs and
// final metrics, with the rows where the runs differ in bold. Shows data it is given (read on a
// worker by the page). Non-modal; GUI thread only.

#include "trainingqueries.h"

#include <QDialog>

class QTableWidget;
class TimeSeriesChart;

class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)

public:
    struct Entry
    {
        TrainingQueries::RunRow run;
        TrainingQueries::ChartRows curves;
    };

    explicit CompareDialog(const QList<Entry> &entries, QWidget *parent = nullptr);

    TimeSeriesChart *accuracyChart() const { return m_accuracy; }
    TimeSeriesChart *lossChart() const { return m_loss; }
    QTableWidget *table() const { return m_table; }

private:
    TimeSeriesChart *m_accuracy = nullptr;
    TimeSeriesChart *m_loss = nullptr;
    QTableWidget *m_table = nullptr;
};
