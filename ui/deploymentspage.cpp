#include "deploymentspage.h"

#include "catalogclient.h"
#include "deployments/backgroundtasks.h"
#include "deployments/batchingform.h"
#include "deployments/deploydialog.h"
#include "deployments/serverbar.h"
#include "deployments/testsampleloader.h"
#include "deployments/tryitpanel.h"
#include "deployments/tuningpanel.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "monitoring/monitoringservice.h"
#include "runtime/deploymentmanager.h"
#include "serving/requestjournal.h"
#include "serving/servinghost.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QGroupBox>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <climits>

using namespace ModelDesk;
using Runtime::DeploymentState;
using Runtime::DeploymentStatus;

namespace {

constexpr int pollMs = 1000;
constexpr int busyPollMs = 250; // while something loads, so loading -> warming -> ready is seen
constexpr int kJournalLinesPerPoll = 50; // HTTP requests listed per refresh at most

bool isBusy(const DeploymentStatus &s)
{
    if (s.state == DeploymentState::Loading || s.state == DeploymentState::Warming)
        return true;
    for (const auto &v : s.versions) {
        if (v.state == DeploymentState::Loading || v.state == DeploymentState::Warming)
            return true;
    }
    return false;
}

QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

} // namespace

DeploymentsPage::DeploymentsPage(CatalogClient &client, Serving::ServingHost &host, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_host(host)
    , m_tasks(new BackgroundTasks(4, this))
    , m_samples(std::make_unique<TestSampleLoader>(host.catalog()))
    , m_model(new DeploymentTableModel(this))
    , m_log(new RequestLogModel(500, this))
{
    createActions();
    buildLayout();

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(pollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &DeploymentsPage::refresh);
    m_pollTimer->start();
    connect(&m_host.monitoring(), &Monitoring::MonitoringService::sampled, this,
            [this](qint64, const QList<Monitoring::SeriesSample> &samples) { applySamples(samples); });
    connect(&m_client, &CatalogClient::snapshotReady, this, [this] { updateSelection(); });
    refresh();
}

DeploymentsPage::~DeploymentsPage()
{
    // Tasks use the serving host and the catalog: none may outlive the page's last look at them.
    m_pollTimer->stop();
    m_tasks->waitForDone();
}

void DeploymentsPage::createActions()
{
    const auto make = [this](const QString &icon, const QString &text, const QString &tip, void (DeploymentsPage::*slot)()) {
        auto *action = new QAction(icon.isEmpty() ? QIcon() : QIcon(QString(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg"))),
                                   text, this);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_deployAction = new QAction(QIcon(QStringLiteral(":/icons/deployments.svg")), tr("&Deploy…"), this);
    m_deployAction->setToolTip(tr("Serve a model version (or an alias) on an endpoint"));
    connect(m_deployAction, &QAction::triggered, this, [this] { openDeployDialog(); });
    m_swapAction = make(QStringLiteral("alias"), tr("S&wap Version…"), tr("Hot-swap the selected deployment to another version, with no failed request"),
                        &DeploymentsPage::swapSelected);
    m_rollbackAction = make(QStringLiteral("refresh"), tr("&Rollback"), tr("Go back to the version served before the last swap"),
                            &DeploymentsPage::rollbackSelected);
    m_unloadAction = make(QString(), tr("&Unload"), tr("Free the model's memory; the definition stays and can be loaded again"),
                          &DeploymentsPage::unloadSelected);
    m_loadAction = make(QString(), tr("&Load Again"), tr("Load an unloaded or failed deployment again"),
                        &DeploymentsPage::loadSelectedAgain);
    m_removeAction = make(QStringLiteral("delete"), tr("Re&move…"), tr("Delete the deployment: the endpoint stops answering (the versions stay in the registry)"),
                          &DeploymentsPage::removeSelected);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut); // on the table only: the editors need Delete
    m_refreshAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"), this);
    m_refreshAction->setToolTip(tr("Read the deployments again (also done every second)"));
    connect(m_refreshAction, &QAction::triggered, this, &DeploymentsPage::refresh);
}

void DeploymentsPage::buildLayout()
{
    m_serverBar = new ServerBar(m_host, this);
    connect(m_serverBar, &ServerBar::info, this, [this](const QString &m) {
        Q_EMIT info(m);
        log(RequestLogModel::Source::Action, {}, 0, true, tr("server"), m);
    });
    connect(m_serverBar, &ServerBar::error, this, [this](const QString &m) {
        Q_EMIT error(m);
        log(RequestLogModel::Source::Action, {}, 0, false, tr("server"), m);
    });
    auto *serverFrame = new QGroupBox(tr("HTTP server (KServe v2, management API, /metrics)"), this);
    auto *serverLayout = new QVBoxLayout(serverFrame);
    serverLayout->addWidget(m_serverBar);

    auto *toolBar = new QToolBar(tr("Deployment actions"), this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(18, 18));
    toolBar->addAction(m_deployAction);
    toolBar->addSeparator();
    toolBar->addActions({m_swapAction, m_rollbackAction});
    toolBar->addSeparator();
    toolBar->addActions({m_unloadAction, m_loadAction, m_removeAction});
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);

    // Empty state: says what to do, with the button to do it.
    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(tr("No deployments yet — deploy a version from here or from the Models page (right-click)."), empty);
    emptyText->setObjectName(QStringLiteral("deploymentsEmptyState"));
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    auto *emptyHint = new QLabel(tr("A deployment serves one version (or follows an alias such as 'production') at "
                                    "/v2/models/<endpoint>/infer, with dynamic batching and hot swaps."),
                                 empty);
    emptyHint->setAlignment(Qt::AlignCenter);
    emptyHint->setWordWrap(true);
    emptyHint->setEnabled(false);
    auto *emptyButton = new QPushButton(QIcon(QStringLiteral(":/icons/deployments.svg")), tr("Deploy a Version…"), empty);
    connect(emptyButton, &QPushButton::clicked, this, [this] { openDeployDialog(); });
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyHint);
    emptyLayout->addWidget(emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);

    m_view = makeTable(this);
    m_view->setModel(m_model);
    m_view->addAction(m_removeAction);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->resizeSection(DeploymentTableModel::VersionsColumn, 220);
    m_view->horizontalHeader()->resizeSection(DeploymentTableModel::StateColumn, 130);
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_swapAction, m_rollbackAction});
        menu.addSeparator();
        menu.addActions({m_unloadAction, m_loadAction, m_removeAction});
        menu.addSeparator();
        menu.addAction(m_deployAction);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DeploymentsPage::updateSelection);
    // Double-click: the operator wants to call it.
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        m_tabs->setCurrentWidget(m_tryIt);
        m_tryIt->editor()->setFocus();
    });

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    m_tryIt = new TryItPanel(m_host.runtime(), *m_tasks, *m_samples, this);
    connect(m_tryIt, &TryItPanel::logged, m_log, &RequestLogModel::append);
    connect(m_serverBar, &ServerBar::stateChanged, this, [this] { m_tryIt->setServerUrl(m_host.serverUrl()); });

    auto *logView = makeTable(this);
    logView->setModel(m_log);
    logView->horizontalHeader()->resizeSection(RequestLogModel::TimeColumn, 100);
    logView->horizontalHeader()->resizeSection(RequestLogModel::OutcomeColumn, 150);
    auto *logPage = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPage);
    auto *logNote = new QLabel(tr("The last %1 events: requests sent from this console, each request the HTTP server "
                                  "answered (under heavy traffic, the newest %2 at each refresh), one line per second of traffic answered by each "
                                  "deployment (all callers), state changes and actions. Newest first.")
                                   .arg(m_log->capacity())
                                   .arg(kJournalLinesPerPoll),
                               logPage);
    logNote->setWordWrap(true);
    logNote->setEnabled(false);
    auto *clearLog = new QPushButton(tr("Clear"), logPage);
    connect(clearLog, &QPushButton::clicked, m_log, &RequestLogModel::clear);
    m_showHttp = new QCheckBox(tr("HTTP requests"), logPage);
    m_showHttp->setObjectName(QStringLiteral("showHttpRequests"));
    m_showHttp->setChecked(true);
    m_showHttp->setToolTip(tr("List each request the HTTP server answers (method, path, status, latency, caller)"));
    connect(m_showHttp, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_journalSeq = m_host.requestJournal().lastSeq(); // from now on, not the backlog
    });
    auto *logTop = new QHBoxLayout;
    logTop->addWidget(logNote, 1);
    logTop->addWidget(m_showHttp);
    logTop->addWidget(clearLog);
    logLayout->addLayout(logTop);
    logLayout->addWidget(logView, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_tryIt, tr("Try It"));
    m_tuning = new TuningPanel(this);
    connect(m_tuning, &TuningPanel::configureRequested, this, &DeploymentsPage::configure);
    connect(m_tuning, &TuningPanel::canaryRequested, this, &DeploymentsPage::setCanary);
    // The batching form is the tallest tab: it scrolls in a short window instead of making it taller.
    auto *tuningScroll = new QScrollArea(m_tabs);
    tuningScroll->setWidget(m_tuning);
    tuningScroll->setWidgetResizable(true);
    tuningScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(tuningScroll, tr("Batching && Canary"));
    m_tabs->addTab(logPage, tr("Request Log"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("deploymentsSplitter"));
    splitter->addWidget(m_stack);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(serverFrame);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);
    updateSelection();
}


QString DeploymentsPage::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(DeploymentTableModel::NameRole).toString();
}

bool DeploymentsPage::selectDeployment(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

std::optional<DeploymentStatus> DeploymentsPage::selectedStatus() const
{
    const int row = m_model->rowOf(selectedName());
    if (row < 0)
        return std::nullopt;
    return m_model->statusAt(row);
}

QList<VersionInfo> DeploymentsPage::versionsOf(const QString &model) const
{
    QList<VersionInfo> out;
    for (const VersionInfo &v : m_client.snapshot().versions) {
        if (v.model == model && v.version > 0)
            out << v;
    }
    std::sort(out.begin(), out.end(), [](const VersionInfo &a, const VersionInfo &b) { return a.version > b.version; });
    return out;
}

void DeploymentsPage::refresh()
{
    if (m_polling) {
        m_pollAgain = true; // an action finished during a poll: read once more after it
        return;
    }
    pullRequestJournal();
    m_polling = true;
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    m_tasks->run(this, [runtime] { return runtime->deployments(); },
                 [this](const QList<DeploymentStatus> &statuses) {
                     m_polling = false;
                     applyStatuses(statuses);
                     if (m_pollAgain) {
                         m_pollAgain = false;
                         refresh();
                     }
                 });
}

namespace {
// The standard reason phrases (protocol text, shown as sent, like the status code).
const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}
} // namespace

void DeploymentsPage::pullRequestJournal()
{
    if (!m_showHttp || !m_showHttp->isChecked())
        return;
    const Serving::RequestJournal &journal = m_host.requestJournal();
    const std::uint64_t last = journal.lastSeq();
    if (last < m_journalSeq)
        m_journalSeq = 0; // a fresh journal (not expected: it lives as long as the host)
    if (last == m_journalSeq)
        return;
    // Under heavy traffic the log lists the newest few and says how many it left out; the
    // per-second lines and the Monitoring page count them all.
    const std::uint64_t pending = last - m_journalSeq;
    Serving::RequestJournal::Page page = pending > std::uint64_t(kJournalLinesPerPoll)
                                              ? journal.latest(std::size_t(kJournalLinesPerPoll))
                                              : journal.since(m_journalSeq, std::size_t(kJournalLinesPerPoll));
    const std::uint64_t skipped =
        page.entries.empty() ? 0 : page.entries.front().seq - m_journalSeq - 1;
    m_journalSeq = std::max(page.next, m_journalSeq);
    if (skipped > 0) {
        RequestLogModel::Entry e;
        e.source = RequestLogModel::Source::Http;
        e.outcome = tr("%n not listed", nullptr, int(std::min<std::uint64_t>(skipped, INT_MAX)));
        e.detail = tr("More than %1 requests since the last refresh: only the newest are listed; the per-second lines count them all")
                       .arg(kJournalLinesPerPoll);
        m_log->append(e);
    }
    for (const Serving::RequestEntry &r : page.entries) {
        RequestLogModel::Entry e;
        e.time = r.time.toLocalTime();
        e.source = RequestLogModel::Source::Http;
        e.deployment = r.deployment;
        e.version = r.version;
        e.ok = r.status < 400;
        e.outcome = QString::number(r.status) + QLatin1Char(' ') + QLatin1String(reasonPhrase(r.status));
        e.latencyMs = double(r.latencyUs) / 1000.0;
        const QString target = QString::fromStdString(r.method) + QLatin1Char(' ') +
                               QString::fromUtf8(r.path.data(), qsizetype(r.path.size()));
        const QString caller = r.actor.isEmpty() ? tr("no token") : tr("token %1").arg(r.actor);
        e.detail = tr("%1 (%2, from %3)").arg(target, caller, QString::fromStdString(r.remoteAddress));
        m_log->append(e);
    }
}

void DeploymentsPage::applyStatuses(const QList<DeploymentStatus> &statuses)
{
    logStateChanges(statuses);
    m_model->setDeployments(statuses);
    m_stack->setCurrentIndex(statuses.isEmpty() ? 0 : 1);
    bool busy = false;
    for (const DeploymentStatus &s : statuses)
        busy = busy || isBusy(s);
    m_pollTimer->setInterval(busy ? busyPollMs : pollMs);
    if (selectedName().isEmpty() && !statuses.isEmpty() && m_firstPoll)
        m_view->selectRow(0);
    m_firstPoll = false;
    m_serverBar->refresh();
    m_tryIt->setServerUrl(m_host.serverUrl());
    updateSelection();
    Q_EMIT refreshed();
}

void DeploymentsPage::logStateChanges(const QList<DeploymentStatus> &statuses)
{
    QHash<QString, DeploymentStatus> now;
    for (const DeploymentStatus &s : statuses) {
        now.insert(s.spec.name, s);
        const auto before = m_last.constFind(s.spec.name);
        const bool known = before != m_last.constEnd();
        if (m_firstPoll)
            continue; // the restored set is not news
        const int version = DeploymentTableModel::primaryVersion(s);
        if (!known || before->state != s.state) {
            const bool failed = s.state == DeploymentState::Failed;
            log(RequestLogModel::Source::Event, s.spec.name, version, !failed, DeploymentTableModel::stateText(s), s.reason);
            if (failed)
                Q_EMIT error(tr("Deployment '%1' failed: %2").arg(s.spec.name, s.reason));
            else if (s.state == DeploymentState::Ready && known)
                Q_EMIT info(tr("Deployment '%1' is ready: %2 v%3.").arg(s.spec.name, s.spec.model).arg(version));
        } else if (DeploymentTableModel::primaryVersion(*before) != version && version > 0) {
            log(RequestLogModel::Source::Event, s.spec.name, version, true, tr("now serves v%1").arg(version),
                tr("was v%1").arg(DeploymentTableModel::primaryVersion(*before)));
        }
    }
    if (!m_firstPoll) {
        for (auto it = m_last.constBegin(); it != m_last.constEnd(); ++it) {
            if (!now.contains(it.key()))
                log(RequestLogModel::Source::Event, it.key(), 0, true, tr("removed"), QString());
        }
    }
    m_last = std::move(now);
}

void DeploymentsPage::applySamples(const QList<Monitoring::SeriesSample> &samples)
{
    struct Second
    {
        double requests = 0;
        double errors = 0;
        std::optional<double> p50;
        std::optional<double> p99;
    };
    QHash<QString, QMap<int, Second>> seconds; // versions in order
    for (const Monitoring::SeriesSample &s : samples) {
        if (s.key.deployment.isEmpty())
            continue;
        Second &sec = seconds[s.key.deployment][s.key.version];
        if (s.key.name == QLatin1String("requests_per_second"))
            sec.requests = s.value;
        else if (s.key.name == QLatin1String("errors_per_second"))
            sec.errors = s.value;
        else if (s.key.name == QLatin1String("latency_p50"))
            sec.p50 = s.value;
        else if (s.key.name == QLatin1String("latency_p99"))
            sec.p99 = s.value;
    }
    QHash<QString, DeploymentTableModel::Traffic> traffic;
    for (auto d = seconds.constBegin(); d != seconds.constEnd(); ++d) {
        DeploymentTableModel::Traffic &t = traffic[d.key()];
        for (auto v = d->constBegin(); v != d->constEnd(); ++v) {
            t.requestsPerSecond += v->requests;
            t.versions.append({v.key(), v->requests, v->p99});
            if (v->p99 && (!t.p99Seconds || *v->p99 > *t.p99Seconds))
                t.p99Seconds = v->p99;
            if (v->requests <= 0)
                continue;
            RequestLogModel::Entry e;
            e.source = RequestLogModel::Source::Traffic;
            e.deployment = d.key();
            e.version = v.key();
            e.ok = v->errors <= 0;
            e.outcome = v->errors > 0 ? tr("%n error(s)", nullptr, int(std::lround(v->errors))) : tr("ok");
            e.latencyMs = v->p99 ? *v->p99 * 1000.0 : -1;
            e.detail = tr("%n request(s) in 1 s", nullptr, int(std::lround(v->requests)));
            if (v->p50)
                e.detail += tr(", p50 %1 ms, p99 %2 ms").arg(*v->p50 * 1000.0, 0, 'f', 2).arg(v->p99.value_or(0) * 1000.0, 0, 'f', 2);
            m_log->append(e);
        }
    }
    m_model->setTraffic(traffic);
}

void DeploymentsPage::updateSelection()
{
    const auto status = selectedStatus();
    const bool has = status.has_value();
    const bool unloaded = has && (status->state == DeploymentState::Unloaded || status->state == DeploymentState::Failed);
    m_swapAction->setEnabled(has);
    m_rollbackAction->setEnabled(has && !status->history.isEmpty());
    m_rollbackAction->setToolTip(has && !status->history.isEmpty()
                                     ? tr("Go back to v%1 (served before the last swap)").arg(status->history.constLast())
                                     : tr("Go back to the version served before the last swap (none yet)"));
    m_unloadAction->setEnabled(has && status->state != DeploymentState::Unloaded);
    m_loadAction->setEnabled(unloaded);
    m_removeAction->setEnabled(has);
    m_tryIt->setTarget(has ? *status : DeploymentStatus{}, has ? versionsOf(status->spec.model) : QList<VersionInfo>());
    m_tuning->setTarget(status, has ? versionsOf(status->spec.model) : QList<VersionInfo>());
}

BatchingForm *DeploymentsPage::knobs() const
{
    return m_tuning->knobs();
}

QSlider *DeploymentsPage::canarySlider() const
{
    return m_tuning->canarySlider();
}

QComboBox *DeploymentsPage::canaryVersionBox() const
{
    return m_tuning->canaryVersionBox();
}


void DeploymentsPage::log(RequestLogModel::Source source, const QString &deployment, int version, bool ok,
                          const QString &outcome, const QString &detail)
{
    m_log->append({{}, source, deployment, version, ok, outcome, -1, detail});
}
