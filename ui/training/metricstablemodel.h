#pragma once
// MetricsTableModel: a run's metric points as a table (one row per point, one column per series),
// the single source that the live charts (TrainingChartsWidget) read and that a view could show.
// Long runs are capped: when the model holds `capacity` rows it keeps every second row and from
// then on accepts every second point (the stride doubles each time), so a 100-epoch run draws as
// many points as a 3-epoch one and the chart stays fast. A missing value is NaN (shown empty).
// GUI thread only.

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <limits>

class MetricsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsTableModel)

public:
    static constexpr double Missing = std::numeric_limits<double>::quiet_NaN();

    MetricsTableModel(const QStringList &columns, int capacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends a point (values in column order); may be skipped or thin the table (see above).
    void append(const QList<double> &values);
    // Replaces everything (a stored run's history); decimated to the capacity as needed.
    void setRows(const QList<QList<double>> &rows);
    void clear();

    double value(int row, int column) const;
    int capacity() const { return m_capacity; }
    int stride() const { return m_stride; }
    // Smallest and largest finite value of the columns, over all rows; false when there is none.
    bool range(const QList<int> &columns, double &low, double &high) const;

private:
    void thin();

    QStringList m_columns;
    int m_capacity;
    int m_stride = 1;
    qint64 m_offered = 0;
    QList<QList<double>> m_rows;
};
