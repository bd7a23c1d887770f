#include "audittablemodel.h"

#include "uiformat.h"

AuditTableModel::AuditTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditTableModel::setEntries(QList<ModelDesk::AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

int AuditTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ModelDesk::AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: return UiFormat::dateTime(e.time);
        case ActorColumn: return e.actor;
        case ActionColumn: return e.action;
        case TargetColumn: return e.target;
        case DetailColumn: return QString(e.detail).replace(QLatin1Char('\n'), QLatin1Char(' ')).left(300);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == DetailColumn && !e.detail.isEmpty())
            return e.detail.left(4000);
        if (index.column() == TimeColumn)
            return e.time.toUTC().toString(Qt::ISODate);
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ActorColumn: return tr("Actor");
    case ActionColumn: return tr("Action");
    case TargetColumn: return tr("Target");
    case DetailColumn: return tr("Detail");
    default: return {};
    }
}
