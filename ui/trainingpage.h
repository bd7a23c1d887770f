#pragma once
// TrainingPage: train models on this workstation. A new-run form (TrainingFormWidget); live loss
// and accuracy charts bound to metric table models, a progress bar with ETA and samples/s, phase
// text and Cancel; the registry's runs in a table with Open (curves from the stored history),
// Resume (from the last checkpoint), Compare (two or more runs), Evaluation (confusion matrix heat
// map and per-class metrics) and Register as Version.
//
// The page also follows runs it did not start: a job another part of the console started (the
// first-run demo's; every job is in CatalogClient::trainingJobs()) shows its live curves, progress
// and Cancel as the page's own do — automatically when nothing else is live on the page, or when
// its run is opened or selected; a run another process (modeldesk-cli train) is training shows its
// curves growing from the registry (once a second on the I/O pool while it is viewed, only the rows
// stored since the last read, appended to the chart models; the whole history again only when it
// was cut, i.e. the run was resumed), and Cancel asks that process to stop (the run's cancel marker).
//
// Threads: a training run is a ModelDesk::Training::TrainingJob (QObject + QRunnable) on the page's
// one-thread training pool, never on the GUI thread; its signals arrive queued. Registry reads and
// writes go to a second one-thread pool (QtConcurrent) and come back to the GUI thread through
// QFutureWatchers owned by the page. The destructor cancels a running job and waits for both pools.
// The catalog comes from the ServingHost and must outlive the page.

#include "core/modeltypes.h"
#include "registry/modelregistry.h"
#include "training/trainer.h"
#include "training/trainingconfig.h"

#include <QHash>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class CatalogClient;
class MetricsTableModel;
class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;
class RunsTableModel;
class TrainingChartsWidget;
class TrainingFormWidget;
namespace ModelDesk::Registry {
class ModelCatalog;
}
namespace ModelDesk::Serving {
class ServingHost;
}
namespace ModelDesk::Training {
class TrainingJob;
class TrainingJobRegistry;
struct TrainingOutcome;
struct TrainingRequest;
}

class TrainingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPage)

public:
    TrainingPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);
    ~TrainingPage() override;

    TrainingFormWidget *form() const { return m_form; }
    TrainingChartsWidget *charts() const { return m_charts; }
    MetricsTableModel *stepModel() const { return m_steps; }
    MetricsTableModel *epochModel() const { return m_epochs; }
    RunsTableModel *runsModel() const { return m_runs; }
    QTableView *runsView() const { return m_runsView; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *phaseLabel() const { return m_phase; }
    bool isTraining() const { return m_job != nullptr; }
    // The run whose progress the status row shows and Cancel stops (the viewed run when it is
    // live, else the page's own job); empty when none.
    QString statusRunId() const;
    // The viewed run is being trained by another process; its curves are read from the registry.
    bool followsExternalRun() const { return m_externalLive; }
    QString liveRunId() const { return m_liveRunId; }
    QString viewedRunId() const { return m_viewedRunId; }
    // Whole-history reads of the followed external run's metrics (the first one included); the
    // polls in between read only new rows.
    int externalFullReads() const { return m_externalFullReads; }

public Q_SLOTS:
    // Starts a run from the form's config on the training pool; false when one is already running.
    bool startRun(const ModelDesk::Training::TrainingConfig &config);
    // Continues a cancelled, failed or interrupted run from its last checkpoint (totalEpochs 0 = as
    // configured); its stored curves are shown first, then the new epochs live.
    bool resumeRun(const QString &runId, int totalEpochs = 0);
    void cancelRun();
    void refreshRuns();
    void openRun(const QString &runId);
    void compareRuns(const QStringList &runIds);
    void showEvaluation(const QString &runId);
    void registerRun(const QString &runId, const QString &model);

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    // A run ended (finished, failed or cancelled): for a tray notification.
    void runFinished(const QString &runId, bool ok, const QString &summary);
    // The runs table was read again from the registry.
    void runsRefreshed();

private:
    template <typename T>
    struct Answer
    {
        std::optional<T> value;
        QString error;
    };
    // Runs `work` on the I/O pool and `done` with its answer on the GUI thread (if the page lives).
    template <typename T>
    void query(std::function<ModelDesk::Result<T>()> work, std::function<void(const Answer<T> &)> done);

    void buildLayout();
    void createActions();
    void updateActions();
    QStringList selectedRunIds() const;
    bool launch(const ModelDesk::Training::TrainingRequest &request);
    void onFinished(const ModelDesk::Training::TrainingOutcome &outcome);
    void showHistory(const QString &runId, const std::function<void()> &then = {});
    // Live runs: jobs of this process (own or not) and runs of other processes.
    void followRunningElsewhere();
    qint64 shownLastStep() const; // the latest step the charts show
    ModelDesk::Training::TrainingJob *jobFor(const QString &runId) const;
    void follow(ModelDesk::Training::TrainingJob *job);
    void onJobStarted(ModelDesk::Training::TrainingJob *job, const QString &runId);
    void onForeignFinished(const ModelDesk::Training::TrainingOutcome &outcome);
    void showProgress(const ModelDesk::Training::TrainingProgress &p);
    void updateStatusRow();
    void pollExternalRun();
    void askToResume();
    void askToRegister();
    void setStatus(const QString &phase);

    CatalogClient &m_client;
    ModelDesk::Registry::ModelCatalog &m_catalog;
    QString m_actor;
    QThreadPool m_trainingPool;   // one training at a time: intra-op threads are process-wide
    QThreadPool m_ioPool;         // registry reads/writes, in order
    std::unique_ptr<ModelDesk::Training::TrainingJob> m_job;
    ModelDesk::Training::TrainingJobRegistry &m_jobs; // every job of the console (the client's)
    QHash<QString, ModelDesk::Training::TrainingProgress> m_lastProgress; // by run, while live
    QTimer *m_externalTimer = nullptr;
    bool m_externalLive = false;     // the viewed run is trained by another process
    bool m_externalPolling = false;
    // What the charts hold of the viewed run's stored history (the poll reads on from there), and
    // a number that every showHistory() bumps so that an older read's answer is dropped.
    ModelDesk::Registry::ModelRegistry::RunMetricsCursor m_metricsCursor;
    quint64 m_historyGeneration = 0;
    bool m_historyLoading = false;
    int m_externalFullReads = 0;
    bool m_cancelling = false;       // Cancel pressed for the status run
    int m_jobThreads = 0;
    bool m_resuming = false;      // the job continues a stored run (its errors are not the form's)

    TrainingFormWidget *m_form = nullptr;
    MetricsTableModel *m_steps = nullptr;
    MetricsTableModel *m_epochs = nullptr;
    TrainingChartsWidget *m_charts = nullptr;
    QLabel *m_phase = nullptr;
    QLabel *m_rate = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    RunsTableModel *m_runs = nullptr;
    QTableView *m_runsView = nullptr;
    QLabel *m_runsEmpty = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_evaluationAction = nullptr;
    QAction *m_registerAction = nullptr;
    QAction *m_refreshAction = nullptr;

    QString m_liveRunId;          // the run the job trains
    QString m_viewedRunId;        // the run the charts show
    QString m_liveTitle;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    bool m_shutdown = false;
};
