#pragma once
// MonitoringPage: how each deployment and the machine are doing, now and over the last days.
//  - Overview tiles: the machine, this process, one per deployment (click: show it in the charts).
//  - Charts (MonitoringCharts): latency, throughput, errors, queue time, batch size per chosen
//    deployment version (canary versions side by side), process and machine CPU and memory; windows
//    5 min / 1 h live at 1 Hz, 24 h / 7 d from the persisted history; pause; PNG and CSV export.
//  - Alerts: what fires now (severity, since when), a banner, and the rules dialog.
// Everything comes from ServingHost::monitoring() (in-memory reads, asynchronous history queries)
// and runtime().deployments() (a short lock); nothing here blocks the GUI thread.
//
// Signals: info()/error() go to the log panel (exports, rule edits, history errors);
// alertRaised()/alertCleared() carry an alert's one-line message for a window banner or the tray
// (MainWindow logs the alerts from the service itself); alertBanner() is the page's own banner widget, shown at the top of the page unless the
// page's window already has an AlertBanner of its own (MainWindow shows one above every page).

#include "monitoring/monitoringcharts.h"

#include "monitoring/alertrule.h"
#include "runtime/inferenceengine.h"

#include <QHash>
#include <QWidget>

class AlertBanner;
class CatalogClient;
class MetricTile;
class OverviewTiles;
class QButtonGroup;
class QLabel;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
namespace ModelDesk::Serving {
class ServingHost;
}

class MonitoringPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringPage)

public:
    using Window = MonitoringCharts::Window;

    MonitoringPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);
    ~MonitoringPage() override;

    // "critical" for failed deployments and errors, "warning" for the rest.
    static QString alertSeverity(const ModelDesk::Monitoring::AlertEvent &event);

    void setWindow(Window window);
    Window window() const;
    void setPaused(bool paused);
    bool isPaused() const;
    // Shows only this deployment's versions in the charts (what a tile click does).
    void selectDeployment(const QString &name);
    QList<VersionRef> shownVersions() const;

    // The rule dialog's code path: asynchronous, answered through the log (info/error).
    void addAlertRule(const ModelDesk::Monitoring::AlertRule &rule);
    void removeAlertRule(const QString &name);

    ModelDesk::Status exportPng(const QString &path);
    ModelDesk::Status exportCsv(const QString &path);

    MonitoringCharts *charts() const { return m_charts; }
    OverviewTiles *tiles() const { return m_tiles; }
    MetricTile *deploymentTile(const QString &name) const;
    QTreeWidget *versionPicker() const { return m_picker; }
    QTreeWidget *alertList() const { return m_alerts; }
    AlertBanner *alertBanner() const { return m_banner; }
    bool isEmptyStateShown() const;

public Q_SLOTS:
    void chooseExportPng();
    void chooseExportCsv();
    void showAlertRules();

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    void alertRaised(const QString &message);
    void alertCleared(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildLayout();
    void onSampled(qint64 second);
    void refreshOverview(qint64 second);
    void refreshPicker(const QList<ModelDesk::Runtime::DeploymentStatus> &deployments);
    void pickerChanged();
    void onAlertFired(const ModelDesk::Monitoring::AlertEvent &event);
    void onAlertCleared(const ModelDesk::Monitoring::AlertEvent &event);
    QStringList deploymentNames() const;

    ModelDesk::Serving::ServingHost &m_host;
    QWidget *m_bannerHolder = nullptr;
    AlertBanner *m_banner = nullptr;
    OverviewTiles *m_tiles = nullptr;
    MonitoringCharts *m_charts = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_historyNote = nullptr;
    QTreeWidget *m_picker = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QButtonGroup *m_windows = nullptr;
    QToolButton *m_pause = nullptr;
    QHash<QString, QTreeWidgetItem *> m_alertItems; // "rule|series" -> row
    qint64 m_lastSecond = 0;
    bool m_updatingPicker = false;
};
