#pragma once
// RunsTableModel: the registry's training runs, newest first: id, state, dataset, architecture,
// epochs, best validation accuracy, test accuracy, duration, registered version, created. Filled
// from TrainingQueries::listRuns (read on a worker) with setRuns(), which keeps rows that did not
// change so a view's selection survives a refresh. GUI thread only.

#include "trainingqueries.h"

#include <QAbstractTableModel>

class RunsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsTableModel)

public:
    enum Column { RunColumn, StateColumn, DatasetColumn, ArchColumn, EpochsColumn, BestValidationColumn,
                  TestAccuracyColumn, DurationColumn, VersionColumn, CreatedColumn, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, StateRole };

    explicit RunsTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRuns(const QList<TrainingQueries::RunRow> &runs);
    const TrainingQueries::RunRow *run(int row) const;
    const TrainingQueries::RunRow *find(const QString &runId) const;
    int rowOf(const QString &runId) const;

    // Display text of a state ("finished", "cancelled", ...), translated.
    static QString stateText(const QString &state);
    static QString durationText(double seconds);

private:
    QList<TrainingQueries::RunRow> m_runs;
};
