#include "trainingpage.h"

#include "catalogclient.h"
#include "namedialog.h"
#include "serving/servinghost.h"
#include "training/comparedialog.h"
#include "training/evaluationdialog.h"
#include "training/metricstablemodel.h"
#include "training/runstablemodel.h"
#include "training/trainingchartswidget.h"
#include "training/trainingformwidget.h"
#include "training/trainingjob.h"
#include "training/trainingjobregistry.h"
#include "training/trainingqueries.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"

#include <QAction>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace ModelDesk;
using namespace ModelDesk::Training;

namespace {

constexpr int ProgressScale = 1000;
constexpr int StepPointCap = 2000;   // per-step points kept for the chart (decimated beyond)
constexpr int EpochPointCap = 2000;

QString clock(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    const qint64 s = qint64(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

template <typename T>
void TrainingPage::query(std::function<Result<T>()> work, std::function<void(const Answer<T> &)> done)
{
    if (m_shutdown)
        return;
    auto *watcher = new QFutureWatcher<Answer<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&m_ioPool, [work] {
        Answer<T> a;
        Result<T> r = work();
        if (r)
            a.value = std::move(*r);
        else
            a.error = UiFormat::errorText(r.error());
        return a;
    }));
}

TrainingPage::TrainingPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : QWidget(parent), m_client(client), m_catalog(host.catalog()), m_actor(currentOsUser()), m_jobs(client.trainingJobs())
{
    m_trainingPool.setMaxThreadCount(1);
    m_ioPool.setMaxThreadCount(1);
    m_steps = new MetricsTableModel({tr("step"), tr("epoch"), tr("loss"), tr("accuracy"), tr("learning rate")}, StepPointCap, this);
    m_epochs = new MetricsTableModel({tr("step"), tr("epoch"), tr("train loss"), tr("train accuracy"), tr("validation loss"),
                                      tr("validation accuracy")},
                                     EpochPointCap, this);
    m_runs = new RunsTableModel(this);
    createActions();
    buildLayout();

    connect(m_form, &TrainingFormWidget::startRequested, this, &TrainingPage::startRun);
    // The registry changes when the CLI trains or registers too: the client's change polling says so.
    connect(&m_client, &CatalogClient::snapshotReady, this, &TrainingPage::refreshRuns);

    // Jobs started elsewhere in the console (the demo's): followed from their first signal on.
    connect(&m_jobs, &TrainingJobRegistry::jobAdded, this, &TrainingPage::follow);
    connect(&m_jobs, &TrainingJobRegistry::jobStarted, this, &TrainingPage::onJobStarted);
    for (TrainingJob *job : m_jobs.jobs()) {
        follow(job);
        const QString runId = m_jobs.runIdOf(job);
        if (!runId.isEmpty() && m_viewedRunId.isEmpty())
            showHistory(runId); // its first points were stored before this page existed
    }
    // A run another process trains: its rows arrive in the registry about once a second.
    m_externalTimer = new QTimer(this);
    m_externalTimer->setInterval(1000);
    connect(m_externalTimer, &QTimer::timeout, this, &TrainingPage::pollExternalRun);
    refreshRuns();
}

TrainingPage::~TrainingPage()
{
    m_shutdown = true;
    // A run stops between two batches and records itself as cancelled (resumable); registry work
    // in flight finishes. Nothing here may outlive the catalog.
    if (m_job)
        m_job->cancel();
    m_trainingPool.waitForDone();
    m_ioPool.waitForDone();
}

void TrainingPage::createActions()
{
    const auto make = [this](const QString &icon, const QString &text, const QString &tip) {
        auto *action = new QAction(icon.isEmpty() ? QIcon() : QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), text, this);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        return action;
    };
    m_openAction = make(QString(), tr("&Open"), tr("Show the selected run's loss and accuracy curves"));
    m_resumeAction = make(QString(), tr("&Resume…"), tr("Continue the selected cancelled, failed or interrupted run from its last checkpoint"));
    m_compareAction = make(QString(), tr("&Compare"), tr("Overlay the curves and list the configs of the selected runs (select two or more)"));
    m_evaluationAction = make(QString(), tr("&Evaluation"), tr("Confusion matrix and per-class metrics of the selected finished run"));
    m_registerAction = make(QString(), tr("Register as &Version…"), tr("Register the selected finished run's model as a new version"));
    m_refreshAction = make(QStringLiteral("refresh"), tr("Re&fresh"), tr("Read the runs again from the registry"));
    connect(m_openAction, &QAction::triggered, this, [this] {
        const QStringList ids = selectedRunIds();
        if (!ids.isEmpty())
            openRun(ids.first());
    });
    connect(m_resumeAction, &QAction::triggered, this, &TrainingPage::askToResume);
    connect(m_compareAction, &QAction::triggered, this, [this] { compareRuns(selectedRunIds()); });
    connect(m_evaluationAction, &QAction::triggered, this, [this] {
        const QStringList ids = selectedRunIds();
        if (!ids.isEmpty())
            showEvaluation(ids.first());
    });
    connect(m_registerAction, &QAction::triggered, this, &TrainingPage::askToRegister);
    connect(m_refreshAction, &QAction::triggered, this, &TrainingPage::refreshRuns);
}

void TrainingPage::buildLayout()
{
    m_form = new TrainingFormWidget(this);
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    // The whole form is visible when there is room; in a narrow window it scrolls sideways too
    // rather than making the window wider than the screen.
    formScroll->setMinimumWidth(std::min(m_form->minimumSizeHint().width() + 24, 310));

    // Live status: phase, progress with ETA and throughput, Cancel.
    m_phase = new QLabel(tr("No run in progress."), this);
    m_phase->setObjectName(QStringLiteral("trainingPhase"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, ProgressScale);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_rate = new QLabel(this);
    m_phase->setWordWrap(true); // phase and rate texts grow while training: wrap, never widen
    m_rate->setWordWrap(true);
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Cancel Run"), this);
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop after the current batch; the run keeps its last checkpoint and can be resumed."));
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPage::cancelRun);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_phase);
    m_progress->setMinimumWidth(160);
    statusRow->addWidget(m_progress, 1);
    statusRow->addWidget(m_rate);
    statusRow->addWidget(m_cancel);

    m_charts = new TrainingChartsWidget(m_steps, m_epochs, this);
    auto *live = new QWidget(this);
    auto *liveLayout = new QVBoxLayout(live);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->addLayout(statusRow);
    liveLayout->addWidget(m_charts, 1);

    // Runs.
    auto *toolBar = new QToolBar(tr("Run actions"), this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(18, 18));
    toolBar->addActions({m_openAction, m_resumeAction, m_compareAction, m_evaluationAction, m_registerAction});
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
    m_runsView = new QTableView(this);
    m_runsView->setObjectName(QStringLiteral("runsView"));
    m_runsView->setModel(m_runs);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_runsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsView->setAlternatingRowColors(true);
    m_runsView->setWordWrap(false);
    m_runsView->verticalHeader()->hide();
    m_runsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runsView->horizontalHeader()->setStretchLastSection(true);
    m_runsView->horizontalHeader()->setHighlightSections(false);
    m_runsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_runsView, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_openAction, m_resumeAction, m_compareAction, m_evaluationAction, m_registerAction});
        menu.exec(m_runsView->viewport()->mapToGlobal(pos));
    });
    connect(m_runsView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openRun(index.data(RunsTableModel::RunIdRole).toString());
    });
    connect(m_runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrainingPage::updateActions);
    // Selecting a run that is training (here or in another process) shows its live curves.
    connect(m_runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QStringList ids = selectedRunIds();
        const TrainingQueries::RunRow *one = ids.size() == 1 ? m_runs->find(ids.first()) : nullptr;
        if (one && one->state == QLatin1String("running") && one->record.id != m_viewedRunId)
            openRun(one->record.id);
    });
    connect(m_runs, &QAbstractItemModel::modelReset, this, &TrainingPage::updateActions);
    connect(m_runs, &QAbstractItemModel::dataChanged, this, &TrainingPage::updateActions);
    m_runsEmpty = new QLabel(tr("No training runs yet. Choose data and an architecture on the left, then Start Training; "
                                "runs started with 'modeldesk-cli train' appear here too."),
                             this);
    m_runsEmpty->setWordWrap(true);
    m_runsEmpty->setEnabled(false);
    auto *runs = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runs);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    auto *runsTitle = new QLabel(tr("<b>Runs</b>"), this);
    runsLayout->addWidget(runsTitle);
    runsLayout->addWidget(toolBar);
    runsLayout->addWidget(m_runsEmpty);
    runsLayout->addWidget(m_runsView, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("trainingRightSplitter"));
    right->addWidget(live);
    right->addWidget(runs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setChildrenCollapsible(false);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("trainingSplitter"));
    splitter->addWidget(formScroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({m_form->minimumSizeHint().width() + 24, 100000}); // the whole form when there is room
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    updateActions();
}

QStringList TrainingPage::selectedRunIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_runsView->selectionModel()->selectedRows())
        ids.append(index.data(RunsTableModel::RunIdRole).toString());
    return ids;
}

void TrainingPage::updateActions()
{
    const QStringList ids = selectedRunIds();
    const TrainingQueries::RunRow *one = ids.size() == 1 ? m_runs->find(ids.first()) : nullptr;
    const QString state = one ? one->state : QString();
    const bool resumable = state == QLatin1String("cancelled") || state == QLatin1String("failed")
                           || state == QLatin1String("interrupted");
    m_openAction->setEnabled(ids.size() == 1);
    m_resumeAction->setEnabled(one && resumable && !m_job);
    m_compareAction->setEnabled(ids.size() >= 2);
    m_evaluationAction->setEnabled(one && state == QLatin1String("finished"));
    m_registerAction->setEnabled(one && state == QLatin1String("finished") && one->record.model.isEmpty() && one->hasModel);
    const bool empty = m_runs->rowCount() == 0;
    m_runsEmpty->setVisible(empty);
    m_runsView->setVisible(!empty);
}

void TrainingPage::setStatus(const QString &phase) { m_phase->setText(phase); }

// ---- running ---------------------------------------------------------------------------------------

bool TrainingPage::startRun(const TrainingConfig &config)
{
    TrainingRequest request;
    request.config = config;
    request.actor = m_actor;
    if (!launch(request))
        return false;
    m_viewedRunId.clear();
    m_steps->clear();
    m_epochs->clear();
    m_charts->setValidationVisible(config.data.validationFraction > 0);
    m_charts->setTitle(tr("New run: %1 on %2").arg(config.arch, QFileInfo(config.data.path).fileName()));
    Q_EMIT info(tr("Training started: %1 on %2, %n epoch(s).", nullptr, config.epochs).arg(config.arch, config.data.path));
    return true;
}

bool TrainingPage::resumeRun(const QString &runId, int totalEpochs)
{
    if (m_job) {
        Q_EMIT error(tr("A training run is in progress; resume %1 when it ends.").arg(runId));
        return false;
    }
    TrainingRequest request;
    request.resumeRunId = runId;
    request.resumeEpochs = totalEpochs;
    request.actor = m_actor;
    // The stored curves first, then the resumed epochs are appended live.
    if (!launch(request))
        return false;
    m_liveRunId = runId;
    showHistory(runId);
    Q_EMIT info(tr("Resuming run %1 from its last checkpoint.").arg(runId));
    return true;
}

bool TrainingPage::launch(const TrainingRequest &request)
{
    if (m_job) {
        Q_EMIT error(tr("A training run is in progress; wait for it to end or cancel it."));
        return false;
    }
    m_job = std::make_unique<TrainingJob>(&m_catalog, request);
    TrainingJob *job = m_job.get();
    m_resuming = !request.resumeRunId.isEmpty();
    m_jobThreads = request.config.threads;
    if (const TrainingQueries::RunRow *run = m_resuming ? m_runs->find(request.resumeRunId) : nullptr)
        m_jobThreads = run->record.config.value(QStringLiteral("threads")).toInt(1);
    // Every connection below is queued: the job emits on the training pool's thread. The
    // progress and metrics handlers are follow()'s, as for a job someone else started.
    connect(job, &TrainingJob::started, this, [this](const QString &runId, const QString &summary) {
        // A resumed run has just removed the steps of the epoch it redoes: read its history again
        // (before its first live point arrives; later points are appended to it).
        if (m_resuming && m_viewedRunId == runId)
            showHistory(runId);
        m_liveRunId = runId;
        if (m_viewedRunId.isEmpty())
            m_viewedRunId = runId;
        if (m_viewedRunId == runId)
            m_charts->setTitle(tr("Run %1 (live)").arg(runId));
        m_charts->setToolTip(summary);
        if (statusRunId() == runId)
            setStatus(tr("Training"));
        refreshRuns();
    });
    connect(job, &TrainingJob::finished, this, &TrainingPage::onFinished);
    m_jobs.add(job); // follow() connects the progress and metrics; other views may follow it too

    m_form->setRunInProgress(true, m_jobThreads > 0 ? m_jobThreads : 1);
    m_cancelling = false;
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_rate->clear();
    setStatus(tr("Reading data"));
    m_trainingPool.start(job);
    updateActions();
    return true;
}

void TrainingPage::cancelRun()
{
    const QString runId = statusRunId();
    if (runId.isEmpty())
        return;
    if (TrainingJob *job = jobFor(runId)) {
        job->cancel();
    } else if (m_externalLive && runId == m_viewedRunId) {
        // Another process trains it: the run's cancel marker asks it to stop between two batches.
        Registry::ModelCatalog *catalog = &m_catalog;
        query<bool>([catalog, runId] { return Training::cancelRun(*catalog, runId); },
                    [this, runId](const Answer<bool> &a) {
                        if (!a.value)
                            Q_EMIT error(tr("Cannot cancel run %1: %2").arg(runId, a.error));
                        else
                            Q_EMIT info(tr("Asked the process training run %1 to stop.").arg(runId));
                    });
    } else {
        return;
    }
    m_cancelling = true;
    m_cancel->setEnabled(false);
    setStatus(tr("Cancelling after the current batch"));
}

// ---- following runs started elsewhere --------------------------------------------------------------

TrainingJob *TrainingPage::jobFor(const QString &runId) const
{
    if (runId.isEmpty())
        return nullptr;
    if (m_job && m_liveRunId == runId)
        return m_job.get();
    return m_jobs.jobForRun(runId);
}

QString TrainingPage::statusRunId() const
{
    if (!m_viewedRunId.isEmpty() && (jobFor(m_viewedRunId) || m_externalLive))
        return m_viewedRunId;
    if (m_job)
        return m_liveRunId;
    return {};
}

void TrainingPage::follow(TrainingJob *job)
{
    // Queued: the job emits on its pool thread. Each signal names its run; the page shows the run
    // it views and the progress of statusRunId().
    connect(job, &TrainingJob::progress, this, [this](const TrainingProgress &p) {
        m_lastProgress.insert(p.runId, p);
        if (p.runId == statusRunId())
            showProgress(p);
    });
    connect(job, &TrainingJob::phase, this, [this, job](const QString &text) {
        if (job == m_job.get() ? statusRunId() == m_liveRunId : statusRunId() == m_jobs.runIdOf(job))
            setStatus(text);
    });
    connect(job, &TrainingJob::stepMetrics, this, [this](const StepMetrics &m) {
        if (m.runId != m_viewedRunId)
            return;
        m_steps->append({double(m.step), double(m.epoch), m.loss, m.accuracy, m.learningRate});
    });
    connect(job, &TrainingJob::epochMetrics, this, [this](const EpochMetrics &e) {
        if (e.runId == m_viewedRunId) {
            m_charts->setValidationVisible(e.hasValidation);
            m_epochs->append({double(e.step), double(e.epoch), e.trainLoss, e.trainAccuracy,
                              e.hasValidation ? e.validationLoss : MetricsTableModel::Missing,
                              e.hasValidation ? e.validationAccuracy : MetricsTableModel::Missing});
        }
        refreshRuns(); // epochs done and best validation accuracy in the table
    });
    const bool own = job == m_job.get(); // launch() adds its job after taking it
    connect(job, &TrainingJob::finished, this, [this, own](const TrainingOutcome &o) {
        m_lastProgress.remove(o.runId);
        if (!own)
            onForeignFinished(o); // the own job's end is onFinished()'s
    });
}

void TrainingPage::onJobStarted(TrainingJob *job, const QString &runId)
{
    if (job == m_job.get())
        return; // launch()'s own handler
    // Someone else's run: shown at once unless the page shows a live run already.
    if (statusRunId().isEmpty() && !m_externalLive) {
        m_viewedRunId = runId;
        m_steps->clear();
        m_epochs->clear();
        m_charts->setTitle(tr("Run %1 (live)").arg(runId));
        m_progress->setValue(0);
        m_rate->clear();
        m_cancelling = false;
        setStatus(tr("Training"));
    }
    updateStatusRow();
    refreshRuns();
}

void TrainingPage::onForeignFinished(const TrainingOutcome &o)
{
    if (!o.runId.isEmpty() && o.runId == m_viewedRunId) {
        const QString state = o.ok() ? QStringLiteral("finished") : o.state;
        m_charts->setTitle(tr("Run %1: %2").arg(o.runId, RunsTableModel::stateText(state)));
        if (!m_job) {
            setStatus(o.ok() ? tr("Finished") : o.state == QLatin1String("cancelled") ? tr("Cancelled") : tr("Failed"));
            if (o.ok())
                m_progress->setValue(ProgressScale);
        }
    }
    m_cancelling = false;
    updateStatusRow();
    refreshRuns();
}

void TrainingPage::showProgress(const TrainingProgress &p)
{
    m_progress->setValue(int(p.fraction * ProgressScale));
    const QLocale locale;
    m_rate->setText(tr("epoch %1/%2 · %3 samples/s · ETA %4")
                        .arg(p.epoch)
                        .arg(p.epochs)
                        .arg(locale.toString(p.samplesPerSecond, 'f', 0), clock(p.etaSeconds)));
}

void TrainingPage::updateStatusRow()
{
    const QString runId = statusRunId();
    m_cancel->setEnabled(!runId.isEmpty() && !m_cancelling);
    if (runId.isEmpty())
        return;
    if (auto p = m_lastProgress.constFind(runId); p != m_lastProgress.cend())
        showProgress(*p);
}

void TrainingPage::pollExternalRun()
{
    if (!m_externalLive || m_externalPolling || m_historyLoading || m_viewedRunId.isEmpty())
        return;
    m_externalPolling = true;
    const QString runId = m_viewedRunId;
    const quint64 generation = m_historyGeneration;
    const auto cursor = m_metricsCursor;
    Registry::ModelCatalog *catalog = &m_catalog;
    struct Read
    {
        TrainingQueries::RunHistory history;
        QString state;
    };
    // Only the rows stored since the last read: the history grows with the run, the reads do not.
    query<Read>(
        [catalog, runId, cursor]() -> Result<Read> {
            auto history = TrainingQueries::runHistorySince(*catalog, runId, cursor);
            if (!history)
                return fail(history.error());
            Read r{std::move(*history), {}};
            r.state = effectiveRunState(*catalog, r.history.record);
            return r;
        },
        [this, runId, generation](const Answer<Read> &a) {
            m_externalPolling = false;
            if (runId != m_viewedRunId || !m_externalLive || generation != m_historyGeneration)
                return; // another run was opened, or the same one read again meanwhile
            if (!a.value) {
                m_externalLive = false;
                m_externalTimer->stop();
                Q_EMIT error(tr("Cannot read run %1: %2").arg(runId, a.error));
                return;
            }
            const TrainingQueries::RunHistory &history = a.value->history;
            const TrainingQueries::ChartRows rows = TrainingQueries::chartRows(history.rows);
            if (history.reset) {
                // Read whole: the first read, or the history was cut (the run was resumed).
                ++m_externalFullReads;
                m_steps->setRows(rows.steps);
                m_epochs->setRows(rows.epochs);
                m_charts->setValidationVisible(rows.hasValidation || rows.epochs.isEmpty());
            } else {
                for (const QList<double> &r : rows.steps)
                    m_steps->append(r);
                for (const QList<double> &r : rows.epochs)
                    m_epochs->append(r);
                if (!rows.epochs.isEmpty())
                    m_charts->setValidationVisible(rows.hasValidation);
            }
            m_metricsCursor = history.cursor;
            const qint64 lastStep = shownLastStep();
            const RunRecord &r = history.record;
            const int epochs = r.config.value(QStringLiteral("epochs")).toInt();
            // Within an epoch: the latest stored step against the steps the run will take (the
            // trainer records steps_per_epoch when it starts); else whole epochs.
            const qint64 stepsPerEpoch = r.summary.value(QStringLiteral("steps_per_epoch")).toInteger();
            const qint64 totalSteps = stepsPerEpoch * epochs;
            if (epochs > 0) {
                double done = double(r.epochsDone) / epochs;
                if (totalSteps > 0)
                    done = std::clamp(std::max(done, double(lastStep) / double(totalSteps)), 0.0, 1.0);
                m_progress->setValue(int(done * ProgressScale));
            }
            m_rate->setText(totalSteps > 0 ? tr("epoch %1/%2 · step %3/%4 · trained by another process")
                                                 .arg(r.epochsDone)
                                                 .arg(epochs)
                                                 .arg(lastStep)
                                                 .arg(totalSteps)
                                           : tr("epoch %1/%2 · trained by another process").arg(r.epochsDone).arg(epochs));
            if (a.value->state != QLatin1String("running")) {
                m_externalLive = false;
                m_externalTimer->stop();
                m_cancelling = false;
                m_charts->setTitle(tr("Run %1: %2").arg(runId, RunsTableModel::stateText(a.value->state)));
                setStatus(RunsTableModel::stateText(a.value->state));
                refreshRuns();
            }
            updateStatusRow();
        });
}

void TrainingPage::onFinished(const TrainingOutcome &o)
{
    // run() returns right after emitting finished(); wait for that before deleting the job.
    m_trainingPool.waitForDone();
    if (m_job)
        m_job.release()->deleteLater();
    m_form->setRunInProgress(false);
    m_cancelling = false;
    m_cancel->setEnabled(false);
    const QLocale locale;
    QString summary;
    if (o.ok()) {
        m_progress->setValue(ProgressScale);
        const QString split = o.metrics.contains(QStringLiteral("test_accuracy")) ? QStringLiteral("test") : QStringLiteral("validation");
        summary = tr("%1 accuracy %2 after %n epoch(s)", nullptr, o.epochsDone)
                      .arg(split == QLatin1String("test") ? tr("test") : tr("validation"),
                           locale.toString(o.metrics.value(split + QStringLiteral("_accuracy")).toDouble(), 'f', 4));
        if (o.stoppedEarly)
            summary += tr(" (stopped early, best epoch %1)").arg(o.bestEpoch);
        if (!o.model.isEmpty())
            summary += tr(", registered as %1:%2").arg(o.model).arg(o.version);
        setStatus(tr("Finished"));
        m_rate->setText(tr("%1 samples/s over %2").arg(locale.toString(o.samplesPerSecond, 'f', 0),
                                                        RunsTableModel::durationText(o.trainSeconds)));
    } else if (o.state == QLatin1String("cancelled")) {
        summary = tr("cancelled after %n epoch(s); resume it to continue", nullptr, o.epochsDone);
        setStatus(tr("Cancelled"));
    } else {
        summary = o.errorMessage;
        setStatus(tr("Failed"));
    }
    if (o.runId.isEmpty()) {
        // No run was created: the data or the config was refused (a new run: the form says what
        // to fix), or the run to resume could not be taken up. Nothing to announce as a run.
        if (!m_resuming)
            m_form->showRunError(o.errorMessage);
        Q_EMIT error(m_resuming ? tr("The run could not be resumed: %1").arg(o.errorMessage)
                                : tr("Training could not start: %1").arg(o.errorMessage));
    } else {
        if (o.runId == m_viewedRunId)
            m_charts->setTitle(tr("Run %1: %2").arg(o.runId, summary));
        // The main window logs it and shows a tray notification.
        Q_EMIT runFinished(o.runId, o.ok(), summary);
    }
    refreshRuns();
    if (!o.model.isEmpty())
        m_client.refresh(); // the Models page shows the new version
    updateActions();
    updateStatusRow(); // a run someone else started may still be live
}

// ---- runs ------------------------------------------------------------------------------------------

void TrainingPage::refreshRuns()
{
    // One read at a time; a request meanwhile reads once more afterwards (epochs arrive quickly).
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    Registry::ModelCatalog *catalog = &m_catalog;
    QList<TrainingQueries::RunRow> previous;
    for (int i = 0; i < m_runs->rowCount(); ++i)
        previous.append(*m_runs->run(i));
    query<QList<TrainingQueries::RunRow>>([catalog, previous] { return TrainingQueries::listRuns(*catalog, previous); },
                                          [this](const Answer<QList<TrainingQueries::RunRow>> &a) {
                                              m_refreshing = false;
                                              if (a.value) {
                                                  const QStringList selected = selectedRunIds();
                                                  m_runs->setRuns(*a.value);
                                                  // A reset (new run) loses the selection: put it back.
                                                  if (m_runsView->selectionModel()->selectedRows().isEmpty()) {
                                                      for (const QString &id : selected) {
                                                          const int row = m_runs->rowOf(id);
                                                          if (row >= 0)
                                                              m_runsView->selectionModel()->select(
                                                                  m_runs->index(row, 0),
                                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
                                                      }
                                                  }
                                                  updateActions();
                                                  followRunningElsewhere();
                                                  Q_EMIT runsRefreshed();
                                              } else {
                                                  Q_EMIT error(tr("Cannot read the training runs: %1").arg(a.error));
                                              }
                                              if (m_refreshAgain) {
                                                  m_refreshAgain = false;
                                                  refreshRuns();
                                              }
                                          });
}

void TrainingPage::showHistory(const QString &runId, const std::function<void()> &then)
{
    m_viewedRunId = runId;
    m_steps->clear();
    m_epochs->clear();
    m_metricsCursor = {};
    const quint64 generation = ++m_historyGeneration;
    m_historyLoading = true; // polls wait for it: it is the first whole read
    m_charts->setTitle(tr("Run %1: loading…").arg(runId));
    Registry::ModelCatalog *catalog = &m_catalog;
    query<TrainingQueries::RunHistory>([catalog, runId] { return TrainingQueries::runHistory(*catalog, runId); },
                                       [this, runId, then, generation](const Answer<TrainingQueries::RunHistory> &a) {
                                           if (m_viewedRunId != runId || generation != m_historyGeneration)
                                               return; // another run (or this one again) was opened meanwhile
                                           m_historyLoading = false;
                                           if (!a.value) {
                                               m_charts->setTitle({});
                                               Q_EMIT error(tr("Cannot read run %1: %2").arg(runId, a.error));
                                               return;
                                           }
                                           if (m_externalLive)
                                               ++m_externalFullReads;
                                           m_metricsCursor = a.value->cursor;
                                           const TrainingQueries::ChartRows rows = TrainingQueries::chartRows(a.value->rows);
                                           // Live points may have arrived while reading: the stored ones go first.
                                           // Step rows are stored during an epoch too, so the steps
                                           // continue after the last stored step, the epochs after
                                           // the last stored epoch.
                                           QList<QList<double>> steps = rows.steps;
                                           QList<QList<double>> epochs = rows.epochs;
                                           const double lastStoredStep = epochs.isEmpty() ? -1 : epochs.last().value(0);
                                           const double lastStoredStepRow =
                                               std::max(lastStoredStep, steps.isEmpty() ? -1.0 : steps.last().value(0));
                                           for (int i = 0; i < m_steps->rowCount(); ++i) {
                                               if (m_steps->value(i, 0) > lastStoredStepRow)
                                                   steps.append({m_steps->value(i, 0), m_steps->value(i, 1), m_steps->value(i, 2),
                                                                 m_steps->value(i, 3), m_steps->value(i, 4)});
                                           }
                                           for (int i = 0; i < m_epochs->rowCount(); ++i) {
                                               if (m_epochs->value(i, 0) > lastStoredStep)
                                                   epochs.append({m_epochs->value(i, 0), m_epochs->value(i, 1), m_epochs->value(i, 2),
                                                                  m_epochs->value(i, 3), m_epochs->value(i, 4), m_epochs->value(i, 5)});
                                           }
                                           m_steps->setRows(steps);
                                           m_epochs->setRows(epochs);
                                           const RunRecord &r = a.value->record;
                                           m_charts->setValidationVisible(rows.hasValidation || epochs.isEmpty());
                                           const bool live = jobFor(runId) != nullptr || m_externalLive;
                                           m_charts->setTitle(tr("Run %1%2: %3 on %4, %5")
                                                                  .arg(runId, live ? tr(" (live)") : QString(),
                                                                       r.config.value(QStringLiteral("arch")).toString(), r.dataset,
                                                                       RunsTableModel::stateText(live ? QStringLiteral("running") : r.state)));
                                           if (then)
                                               then();
                                       });
}

qint64 TrainingPage::shownLastStep() const
{
    // The charts hold the run's rows in step order; an epoch row can end later than the last logged step.
    const double lastStepRow = m_steps->rowCount() > 0 ? m_steps->value(m_steps->rowCount() - 1, TrainingChartsWidget::StepX) : 0;
    const double lastEpochRow =
        m_epochs->rowCount() > 0 ? m_epochs->value(m_epochs->rowCount() - 1, TrainingChartsWidget::EpochX) : 0;
    return qint64(std::max(lastStepRow, lastEpochRow));
}

void TrainingPage::followRunningElsewhere()
{
    // Nothing shown yet and a run is training in another process (modeldesk-cli train): show it, as
    // the page shows a job of this process that it did not start (onJobStarted). Once the operator
    // has opened a run, the page keeps to it.
    if (!m_viewedRunId.isEmpty() || !statusRunId().isEmpty())
        return;
    for (int i = 0; i < m_runs->rowCount(); ++i) { // newest first
        const TrainingQueries::RunRow *row = m_runs->run(i);
        if (row && row->state == QLatin1String("running")) {
            openRun(row->record.id);
            return;
        }
    }
}

void TrainingPage::openRun(const QString &runId)
{
    if (runId.isEmpty())
        return;
    m_externalTimer->stop();
    const TrainingQueries::RunRow *row = m_runs->find(runId);
    // Running, and not in this process: another process trains it; follow it from the registry.
    m_externalLive = !jobFor(runId) && row && row->state == QLatin1String("running");
    m_cancelling = false;
    showHistory(runId);
    if (m_externalLive) {
        setStatus(tr("Training (another process)"));
        m_externalTimer->start();
    } else if (jobFor(runId) && !m_cancelling) {
        setStatus(tr("Training"));
    }
    updateStatusRow();
}

void TrainingPage::compareRuns(const QStringList &runIds)
{
    if (runIds.size() < 2) {
        Q_EMIT error(tr("Select two or more runs to compare."));
        return;
    }
    QList<TrainingQueries::RunRow> rows;
    for (const QString &id : runIds) {
        if (const TrainingQueries::RunRow *r = m_runs->find(id))
            rows.append(*r);
    }
    Registry::ModelCatalog *catalog = &m_catalog;
    query<QList<CompareDialog::Entry>>(
        [catalog, rows]() -> Result<QList<CompareDialog::Entry>> {
            QList<CompareDialog::Entry> entries;
            for (const TrainingQueries::RunRow &r : rows) {
                auto history = TrainingQueries::runHistory(*catalog, r.record.id);
                if (!history)
                    return fail(history.error());
                entries.append({r, TrainingQueries::chartRows(history->rows)});
            }
            return entries;
        },
        [this](const Answer<QList<CompareDialog::Entry>> &a) {
            if (!a.value) {
                Q_EMIT error(tr("Cannot compare the runs: %1").arg(a.error));
                return;
            }
            auto *dialog = new CompareDialog(*a.value, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
}

void TrainingPage::showEvaluation(const QString &runId)
{
    Registry::ModelCatalog *catalog = &m_catalog;
    query<TrainingQueries::RunEvaluation>([catalog, runId] { return TrainingQueries::runEvaluation(*catalog, runId); },
                                          [this, runId](const Answer<TrainingQueries::RunEvaluation> &a) {
                                              if (!a.value) {
                                                  Q_EMIT error(tr("No evaluation for run %1: %2").arg(runId, a.error));
                                                  return;
                                              }
                                              auto *dialog = new EvaluationDialog(*a.value, this);
                                              dialog->setAttribute(Qt::WA_DeleteOnClose);
                                              dialog->show();
                                          });
}

void TrainingPage::registerRun(const QString &runId, const QString &model)
{
    Registry::ModelCatalog *catalog = &m_catalog;
    const QString actor = m_actor;
    query<VersionInfo>([catalog, runId, model, actor] { return registerRunModel(*catalog, runId, model, {}, actor); },
                       [this, runId](const Answer<VersionInfo> &a) {
                           if (!a.value) {
                               Q_EMIT error(tr("Cannot register run %1: %2").arg(runId, a.error));
                               return;
                           }
                           Q_EMIT info(tr("Registered run %1 as %2:%3.").arg(runId, a.value->model).arg(a.value->version));
                           refreshRuns();
                           m_client.refresh();
                       });
}

void TrainingPage::askToResume()
{
    const QStringList ids = selectedRunIds();
    const TrainingQueries::RunRow *run = ids.size() == 1 ? m_runs->find(ids.first()) : nullptr;
    if (!run)
        return;
    const int configured = run->record.config.value(QStringLiteral("epochs")).toInt();
    bool ok = false;
    const int epochs = QInputDialog::getInt(this, tr("Resume Run"),
                                            tr("Run %1 has %2 of %3 epochs. Continue from its last checkpoint up to a "
                                               "total of:")
                                                .arg(run->record.id)
                                                .arg(run->record.epochsDone)
                                                .arg(configured),
                                            std::max(configured, run->record.epochsDone + 1), std::max(1, run->record.epochsDone),
                                            100000, 1, &ok);
    if (ok)
        resumeRun(run->record.id, epochs == configured ? 0 : epochs);
}

void TrainingPage::askToRegister()
{
    const QStringList ids = selectedRunIds();
    const TrainingQueries::RunRow *run = ids.size() == 1 ? m_runs->find(ids.first()) : nullptr;
    if (!run)
        return;
    QStringList models;
    for (const ModelDesk::ModelInfo &m : m_client.snapshot().models)
        models.append(m.name);
    NameDialog dialog(tr("Register as Version"),
                      tr("Register the model trained by run %1 as the next version of:").arg(run->record.id), tr("model"),
                      models, this);
    const QString suggestion = run->record.dataset.isEmpty()
                                   ? QString()
                                   : QStringLiteral("%1-%2").arg(run->record.dataset, run->record.config.value(QStringLiteral("arch")).toString());
    dialog.setName(suggestion);
    if (dialog.exec() == QDialog::Accepted)
        registerRun(run->record.id, dialog.name());
}
