#pragma once
// OverviewTiles: the row of tiles at the top of the Monitoring page — the machine (CPU, memory used
// and available), this process (CPU, RSS) and one tile per deployment (state with its versions and
// canary share, requests per second over all versions, p50/p99 latency and error rate of the primary
// version). Fed once a second by the page with MonitoringService::latest() and the runtime's
// deployment statuses; a deployment tile click asks the page to show that deployment in the charts.
//
// Threads: GUI thread.

#include "monitoring/monitoringtypes.h"
#include "runtime/inferenceengine.h"

#include <QHash>
#include <QWidget>

class MetricTile;
class QHBoxLayout;

class OverviewTiles final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewTiles)

public:
    explicit OverviewTiles(QWidget *parent = nullptr);

    // nowSecond: the newest sampled second; traffic figures older than a minute read "-".
    void update(const QHash<ModelDesk::Monitoring::SeriesKey, ModelDesk::Monitoring::HistoryPoint> &latest,
                qint64 nowSecond, const QList<ModelDesk::Runtime::DeploymentStatus> &deployments);
    void setSelectedDeployment(const QString &name);

    MetricTile *machineTile() const { return m_machine; }
    MetricTile *processTile() const { return m_process; }
    MetricTile *deploymentTile(const QString &name) const { return m_deployments.value(name); }
    QStringList deploymentNames() const { return m_order; }

Q_SIGNALS:
    void deploymentClicked(const QString &name);

private:
    QHBoxLayout *m_layout = nullptr;
    MetricTile *m_machine = nullptr;
    MetricTile *m_process = nullptr;
    QHash<QString, MetricTile *> m_deployments;
    QStringList m_order;
    QString m_selected;
};
