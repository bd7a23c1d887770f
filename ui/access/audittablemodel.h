#pragma once
// AuditTableModel: one page of audit entries (time, actor, action, target, detail). Read-only,
// like the log itself. GUI thread only.

#include "core/modeltypes.h"

#include <QAbstractTableModel>
#include <QList>

class AuditTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)

public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, TargetColumn, DetailColumn, ColumnCount };

    explicit AuditTableModel(QObject *parent = nullptr);

    void setEntries(QList<ModelDesk::AuditEntry> entries);
    const QList<ModelDesk::AuditEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ModelDesk::AuditEntry> m_entries;
};
