#pragma once
// DeploymentTableModel: one row per deployment of the runtime, with its live traffic figures.
// setDeployments() updates rows in place keyed by endpoint name, so the selection and persistent
// indexes survive the 1 Hz refresh; setTraffic() only touches the QPS / p99 cells. GUI thread only.

#include "runtime/inferenceengine.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <optional>

class DeploymentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentTableModel)

public:
    enum Column {
        NameColumn,
        ModelColumn,
        VersionsColumn,
        StateColumn,
        QpsColumn,
        P99Column,
        QueueColumn,
        AccessColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // QString endpoint name
        StateRole,                   // QString state name of the primary ("ready", "failed", ...)
        PrimaryVersionRole,          // int, 0 when none is resolved yet
    };

    // Requests per second and p99 latency (seconds) of one deployment over the last sampled second.
    struct Traffic
    {
        double requestsPerSecond = 0;
        std::optional<double> p99Seconds;     // the slowest version's
        struct Version
        {
            int version = 0;
            double requestsPerSecond = 0;
            std::optional<double> p99Seconds;
        };
        QList<Version> versions;              // per version, to compare a canary with its primary
    };

    explicit DeploymentTableModel(QObject *parent = nullptr);
    ~DeploymentTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDeployments(const QList<ModelDesk::Runtime::DeploymentStatus> &deployments);
    void setTraffic(const QHash<QString, Traffic> &traffic);

    const ModelDesk::Runtime::DeploymentStatus &statusAt(int row) const;
    int rowOf(const QString &name) const;

    // Texts shared with the page (the selection summary and the log say it the same way).
    static QString stateText(const ModelDesk::Runtime::DeploymentStatus &status);
    static QString versionsText(const ModelDesk::Runtime::DeploymentStatus &status);
    // The version that answers routed traffic (the primary), 0 when not resolved yet.
    static int primaryVersion(const ModelDesk::Runtime::DeploymentStatus &status);

private:
    QVariant displayData(int row, int column) const;
    QString trafficToolTip(const QString &name) const;
    QString stateToolTip(const ModelDesk::Runtime::DeploymentStatus &status) const;

    QList<ModelDesk::Runtime::DeploymentStatus> m_rows;
    QHash<QString, Traffic> m_traffic;
};
