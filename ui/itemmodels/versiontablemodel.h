#pragma once
// VersionTableModel: one row per model version of the registry (plus one row for a model that has
// no version yet, so it can still be seen and deleted). setSnapshot() updates rows in place, keyed
// by (model, version): rows that stay keep their identity, so selections and persistent indexes
// survive a refresh. GUI thread only.

#include "core/modeltypes.h"

#include <QAbstractTableModel>
#include <QList>

class VersionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionTableModel)

public:
    enum Column {
        ModelColumn,
        VersionColumn,
        AliasesColumn,
        TagsColumn,
        SizeColumn,
        ParametersColumn,
        CreatedColumn,
        CreatedByColumn,
        DigestColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting (numbers, times)
        ModelNameRole,               // QString
        VersionNumberRole,           // int, 0 for a model without versions
    };

    explicit VersionTableModel(QObject *parent = nullptr);
    ~VersionTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the content; rows whose (model, version) stays keep their row object and index.
    void setSnapshot(const QList<ModelDesk::ModelInfo> &models, const QList<ModelDesk::VersionInfo> &versions);

    // The version shown in a row (version == 0 for a model without versions).
    const ModelDesk::VersionInfo &versionAt(int row) const;
    // Row of (model, version), or -1.
    int rowOf(const QString &model, int version) const;
    int modelCount() const { return m_modelCount; }

private:
    QVariant displayData(const ModelDesk::VersionInfo &v, int column) const;
    QVariant sortData(const ModelDesk::VersionInfo &v, int column) const;

    QList<ModelDesk::VersionInfo> m_rows;
    int m_modelCount = 0;
};
