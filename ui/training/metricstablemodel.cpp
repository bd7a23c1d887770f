#include "metricstablemodel.h"

#include <QLocale>

#include <cmath>

MetricsTableModel::MetricsTableModel(const QStringList &columns, int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_columns(columns), m_capacity(qMax(4, capacity))
{
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int MetricsTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_columns.size()); }

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double v = m_rows[index.row()].value(index.column(), Missing);
    switch (role) {
    case Qt::DisplayRole:
        // DisplayRole is the number itself; NaN (missing) stays NaN.
        return v;
    case Qt::ToolTipRole:
        return std::isnan(v) ? QVariant() : QVariant(QLocale().toString(v, 'g', 6));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_columns.value(section);
    return section + 1;
}

void MetricsTableModel::append(const QList<double> &values)
{
    // Every stride-th point is kept, counted from the first one offered, so thinning and the
    // stride agree: after a thin() the rows kept are exactly the points a doubled stride keeps.
    const qint64 n = m_offered++;
    if (n % m_stride != 0)
        return;
    if (m_rows.size() >= m_capacity)
        thin();
    if (n % m_stride != 0)
        return;
    QList<double> row = values;
    row.resize(m_columns.size(), Missing);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
}

void MetricsTableModel::setRows(const QList<QList<double>> &rows)
{
    beginResetModel();
    m_rows.clear();
    m_stride = 1;
    m_offered = 0;
    endResetModel();
    for (const QList<double> &r : rows)
        append(r);
}

void MetricsTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_stride = 1;
    m_offered = 0;
    endResetModel();
}

double MetricsTableModel::value(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return Missing;
    return m_rows[row].value(column, Missing);
}

bool MetricsTableModel::range(const QList<int> &columns, double &low, double &high) const
{
    bool any = false;
    for (const QList<double> &r : m_rows) {
        for (int c : columns) {
            const double v = r.value(c, Missing);
            if (!std::isfinite(v))
                continue;
            if (!any) {
                low = high = v;
                any = true;
            } else {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    return any;
}

void MetricsTableModel::thin()
{
    beginResetModel();
    QList<QList<double>> kept;
    kept.reserve(m_rows.size() / 2 + 1);
    for (qsizetype i = 0; i < m_rows.size(); i += 2)
        kept.append(m_rows[i]);
    m_rows = std::move(kept);
    m_stride *= 2;
    endResetModel();
}
