#pragma once
// DeploymentsPage: serving from the console. The local HTTP server's switch (ServerBar), the
// deployments table with live state, versions, QPS, p99 and queue depth, the actions on the
// selected deployment (deploy, swap, rollback, canary, live batching and worker knobs, unload,
// load again, remove), a try-it panel and a request log.
//
// Threads: GUI thread. Every runtime call that can block (deploy, swap, load...) and the 1 Hz
// status poll run on the page's BackgroundTasks pool; results come back queued. Traffic figures
// come from MonitoringService::sampled (queued from its worker). The destructor waits for running
// tasks, so the page must be destroyed before the serving host shuts down (MainWindow is).
// Errors and completed actions go out through info()/error() (MainWindow's log panel and status
// bar) and into the page's request log; message boxes only ask for confirmations.

#include "deployments/deploymenttablemodel.h"
#include "deployments/requestlogmodel.h"

#include "core/result.h"
#include "monitoring/monitoringtypes.h"
#include "runtime/inferenceengine.h"

#include <QHash>
#include <QWidget>
#include <functional>
#include <memory>

class BackgroundTasks;
class BatchingForm;
class CatalogClient;
class QAction;
class QCheckBox;
class QComboBox;
class QSlider;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class ServerBar;
class TestSampleLoader;
class TryItPanel;
class TuningPanel;
namespace ModelDesk::Serving {
class ServingHost;
}

class DeploymentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentsPage)

public:
    DeploymentsPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);
    ~DeploymentsPage() override;

    DeploymentTableModel *tableModel() const { return m_model; }
    QTableView *view() const { return m_view; }
    RequestLogModel *logModel() const { return m_log; }
    ServerBar *serverBar() const { return m_serverBar; }
    TryItPanel *tryIt() const { return m_tryIt; }
    TuningPanel *tuning() const { return m_tuning; }
    BatchingForm *knobs() const;
    QSlider *canarySlider() const;
    QComboBox *canaryVersionBox() const;
    QStackedWidget *stack() const { return m_stack; }   // page 0: empty state, page 1: table
    BackgroundTasks *tasks() const { return m_tasks; }
    QString selectedName() const;
    bool selectDeployment(const QString &name);

public Q_SLOTS:
    // Opens the deploy dialog, preselecting a model version when given (e.g. from the Models page).
    void openDeployDialog(const QString &model = QString(), int version = 0);
    // The actions, run off the GUI thread; outcomes go to info()/error() and the request log.
    void deploy(const ModelDesk::Runtime::DeploymentSpec &spec);
    void swapTo(const QString &name, int version);
    void rollback(const QString &name);
    void setCanary(const QString &name, std::optional<int> version, int percent);
    void configure(const QString &name, const ModelDesk::Runtime::BatchingConfig &batching, bool isPublic);
    void unload(const QString &name);
    void loadAgain(const QString &name);
    void remove(const QString &name);
    // Reads the runtime's deployments now (also done every second).
    void refresh();

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    // After each status poll was applied to the table (tests wait on it).
    void refreshed();

private:
    using StatusWork = std::function<ModelDesk::Result<ModelDesk::Runtime::DeploymentStatus>()>;

    void createActions();
    void buildLayout();
    void applyStatuses(const QList<ModelDesk::Runtime::DeploymentStatus> &statuses);
    void applySamples(const QList<ModelDesk::Monitoring::SeriesSample> &samples);
    void logStateChanges(const QList<ModelDesk::Runtime::DeploymentStatus> &statuses);
    // Appends the HTTP requests the server answered since the last call (GUI thread, a short lock).
    void pullRequestJournal();
    void updateSelection();
    QList<ModelDesk::VersionInfo> versionsOf(const QString &model) const;
    std::optional<ModelDesk::Runtime::DeploymentStatus> selectedStatus() const;
    void runAction(const QString &name, const QString &what, const QString &done, StatusWork work);
    void log(RequestLogModel::Source source, const QString &deployment, int version, bool ok, const QString &outcome,
             const QString &detail);

    // deploymentsactions.cpp: the toolbar's actions on the selection (ask, then call the above).
    void swapSelected();
    void rollbackSelected();
    void unloadSelected();
    void loadSelectedAgain();
    void removeSelected();

    CatalogClient &m_client;
    ModelDesk::Serving::ServingHost &m_host;
    BackgroundTasks *m_tasks = nullptr;
    std::unique_ptr<TestSampleLoader> m_samples;
    DeploymentTableModel *m_model = nullptr;
    RequestLogModel *m_log = nullptr;
    QTimer *m_pollTimer = nullptr;
    bool m_polling = false;
    bool m_pollAgain = false;
    bool m_firstPoll = true;
    std::uint64_t m_journalSeq = 0;  // the last request-journal entry shown
    QCheckBox *m_showHttp = nullptr;
    QHash<QString, ModelDesk::Runtime::DeploymentStatus> m_last; // previous poll, for state-change logging

    ServerBar *m_serverBar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QTabWidget *m_tabs = nullptr;
    TryItPanel *m_tryIt = nullptr;
    TuningPanel *m_tuning = nullptr;

    QAction *m_deployAction = nullptr;
    QAction *m_swapAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_unloadAction = nullptr;
    QAction *m_loadAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_refreshAction = nullptr;
};
