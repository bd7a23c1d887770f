#pragma once
// DashboardPage: the console's home. At a glance: the HTTP server (state, URL, start/stop), the
// deployments with their state and requests per second, the active alerts, the recent training
// runs and the recent audit events. Every entry opens the page where it is managed.
//
// Data is read off the GUI thread by a one-thread pool owned by the page (runtime status,
// monitoring's in-memory latest values, and — only when the registry's change counter moved — the
// run records and audit log), about once a second while the page is visible; alerts also arrive
// as they fire and clear. The destructor waits for a read in progress, so the page must be
// destroyed before the ServingHost goes down (the main window is).

#include "core/modeltypes.h"
#include "monitoring/alertrule.h"
#include "runtime/inferenceengine.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

class CatalogClient;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QVBoxLayout;
class QTreeWidgetItem;
namespace ModelDesk::Serving {
class ServingHost;
}

// One read of what the dashboard shows. Registry parts are filled only when registryRead is true
// (the change counter moved since the last read), so an idle registry costs one tiny query a second.
struct DashboardData
{
    QList<ModelDesk::Runtime::DeploymentStatus> deployments;
    QHash<QString, double> requestsPerSecond; // by deployment, all versions
    QList<ModelDesk::Monitoring::AlertEvent> alerts;
    bool registryRead = false;
    qint64 changeCounter = -1;
    QList<ModelDesk::RunRecord> runs;         // newest first, at most a few
    QList<ModelDesk::AuditEntry> audit;       // newest first, at most a few
    QString registryError;                    // why the registry part could not be read
};

class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    DashboardPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // How many runs / audit events the page lists.
    static constexpr int recentCount = 8;

    QTreeWidget *deploymentsView() const { return m_deployments; }
    QTreeWidget *alertsView() const { return m_alerts; }
    QTreeWidget *runsView() const { return m_runs; }
    QTreeWidget *auditView() const { return m_audit; }
    QLabel *serverLabel() const { return m_serverState; }
    // The deployments of the last read (the command palette lists them).
    const QList<ModelDesk::Runtime::DeploymentStatus> &deployments() const { return m_data.deployments; }
    // Number of completed reads (tests wait on it).
    int loadCount() const { return m_loads; }
    // Puts a card (the first-run demo's, say) between the server strip and the lists; the page
    // takes it into its layout (ownership by the widget tree). nullptr removes the current one.
    void setTopCard(QWidget *card);
    QWidget *topCard() const { return m_topCard; }

public Q_SLOTS:
    // Starts a read now unless one is running (then another follows it).
    void refreshNow();
    // The server part (state and address): the owner thread knows it without blocking.
    void setServerState(bool running, const QString &url);

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    void deploymentActivated(const QString &name);
    void runActivated(const QString &runId);
    void auditActivated(const QString &target);
    void alertsActivated();
    void serverToggleRequested(bool start);
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *card(const QString &title, QWidget *content, QLabel **empty, const QString &emptyText);
    QTreeWidget *makeList(const QStringList &headers);
    void applyData(const DashboardData &data);
    void showDeployments();
    void showAlerts();
    void showRegistry();
    void alertChanged(const ModelDesk::Monitoring::AlertEvent &event);

    CatalogClient &m_client;
    ModelDesk::Serving::ServingHost &m_host;
    QThreadPool m_pool;
    QFutureWatcher<DashboardData> m_watcher;
    QTimer *m_timer = nullptr;
    bool m_again = false;
    qint64 m_lastCounter = -1;
    DashboardData m_data;
    int m_loads = 0;
    QStringList m_deploymentsShown;

    QVBoxLayout *m_layout = nullptr;
    QPointer<QWidget> m_topCard;
    QLabel *m_serverState = nullptr;
    QLabel *m_serverUrl = nullptr;
    QPushButton *m_serverButton = nullptr;
    bool m_serverRunning = false;
    QTreeWidget *m_deployments = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QTreeWidget *m_runs = nullptr;
    QTreeWidget *m_audit = nullptr;
    QLabel *m_deploymentsEmpty = nullptr;
    QLabel *m_alertsEmpty = nullptr;
    QLabel *m_runsEmpty = nullptr;
    QLabel *m_auditEmpty = nullptr;
};
