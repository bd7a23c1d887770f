#include "dashboardpage.h"

#include "catalogclient.h"
#include "uiformat.h"

#include "monitoring/monitoringservice.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

using ModelDesk::Runtime::DeploymentState;
using ModelDesk::Runtime::DeploymentStatus;

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

// Runs on the dashboard's pool thread: only thread-safe, in-memory reads, plus the registry when it changed.
DashboardData readDashboard(ModelDesk::Serving::ServingHost &host, qint64 lastCounter)
{
    DashboardData d;
    try {
        d.deployments = host.runtime().deployments();
        std::sort(d.deployments.begin(), d.deployments.end(),
                  [](const DeploymentStatus &a, const DeploymentStatus &b) { return a.spec.name < b.spec.name; });
        // A deployment that got no request lately has no fresh rate point: its rate is 0, not the last one.
        const qint64 freshSince = QDateTime::currentSecsSinceEpoch() - 5;
        const auto latest = host.monitoring().latest();
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            if (it.key().name == QLatin1String("requests_per_second") && !it.key().deployment.isEmpty()
                && it->t >= freshSince)
                d.requestsPerSecond[it.key().deployment] += it->value;
        }
        d.alerts = host.monitoring().activeAlerts();

        auto &registry = host.catalog().registry();
        const auto counter = registry.changeCounter();
        if (!counter) {
            d.registryError = UiFormat::errorText(counter.error());
            return d;
        }
        d.changeCounter = *counter;
        if (*counter == lastCounter)
            return d;
        auto runs = registry.runs();
        if (!runs) {
            d.registryError = UiFormat::errorText(runs.error());
            return d;
        }
        d.runs = runs->mid(0, DashboardPage::recentCount);
        ModelDesk::AuditQuery query;
        query.limit = DashboardPage::recentCount;
        auto audit = registry.audit(query);
        if (!audit) {
            d.registryError = UiFormat::errorText(audit.error());
            return d;
        }
        d.audit = *audit;
        d.registryRead = true;
    } catch (const std::exception &e) {
        d.registryError = QString::fromLocal8Bit(e.what());
    }
    return d;
}

QString stateText(const DeploymentStatus &s)
{
    switch (s.state) {
    case DeploymentState::Loading:
        return DashboardPage::tr("Loading");
    case DeploymentState::Warming:
        return DashboardPage::tr("Warming up");
    case DeploymentState::Ready:
        return DashboardPage::tr("Ready");
    case DeploymentState::Draining:
        return DashboardPage::tr("Draining");
    case DeploymentState::Unloaded:
        return s.idleUnloaded ? DashboardPage::tr("Idle (loads on request)") : DashboardPage::tr("Unloaded");
    case DeploymentState::Failed:
        return DashboardPage::tr("Failed");
    }
    return {};
}

QColor stateColor(DeploymentState state, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (state) {
    case DeploymentState::Ready:
        return dark ? QColor(110, 200, 120) : QColor(30, 130, 50);
    case DeploymentState::Failed:
        return dark ? QColor(255, 110, 100) : QColor(190, 40, 30);
    case DeploymentState::Loading:
    case DeploymentState::Warming:
    case DeploymentState::Draining:
        return dark ? QColor(240, 190, 90) : QColor(170, 110, 0);
    case DeploymentState::Unloaded:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QString servingText(const DeploymentStatus &s)
{
    const int primary = s.versions.isEmpty() ? s.spec.version.value_or(0) : s.versions.constFirst().version;
    QString text = s.spec.alias.isEmpty() || s.spec.version
                       ? QString(s.spec.model + u':' + QString::number(primary))
                       : QString(s.spec.model + u'@' + s.spec.alias + QStringLiteral(" → ") + QString::number(primary));
    if (s.spec.canaryVersion && s.spec.canaryPercent > 0)
        text += DashboardPage::tr(" + canary %1 (%2%)").arg(*s.spec.canaryVersion).arg(s.spec.canaryPercent);
    return text;
}

QString runStateText(const QString &state)
{
    if (state == QLatin1String("queued"))
        return DashboardPage::tr("Queued");
    if (state == QLatin1String("running"))
        return DashboardPage::tr("Running");
    if (state == QLatin1String("cancelled"))
        return DashboardPage::tr("Cancelled");
    if (state == QLatin1String("failed"))
        return DashboardPage::tr("Failed");
    if (state == QLatin1String("finished"))
        return DashboardPage::tr("Finished");
    return state;
}

QString alertKey(const ModelDesk::Monitoring::AlertEvent &e)
{
    return QString(e.rule + u'|' + e.series.toString());
}

} // namespace

DashboardPage::DashboardPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_host(host)
{
    setObjectName(QStringLiteral("dashboardPage"));
    // One long-lived thread: it keeps one registry connection instead of one per pooled thread.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("DashboardReader"));

    auto *title = new QLabel(tr("Dashboard"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    // Server strip.
    m_serverState = new QLabel(this);
    m_serverState->setObjectName(QStringLiteral("serverState"));
    m_serverUrl = new QLabel(this);
    m_serverUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serverUrl->setWordWrap(true); // the "stopped" sentence must not set the window's minimum width
    m_serverButton = new QPushButton(this);
    m_serverButton->setObjectName(QStringLiteral("serverButton"));
    connect(m_serverButton, &QPushButton::clicked, this, [this] { Q_EMIT serverToggleRequested(!m_serverRunning); });
    auto *serverBox = new QFrame(this);
    serverBox->setFrameShape(QFrame::StyledPanel);
    auto *serverRow = new QHBoxLayout(serverBox);
    auto *serverTitle = new QLabel(tr("HTTP server:"), serverBox);
    QFont bold = serverTitle->font();
    bold.setBold(true);
    serverTitle->setFont(bold);
    serverRow->addWidget(serverTitle);
    serverRow->addWidget(m_serverState);
    serverRow->addSpacing(12);
    serverRow->addWidget(m_serverUrl, 1);
    serverRow->addWidget(m_serverButton);

    m_deployments = makeList({tr("Deployment"), tr("Serving"), tr("State"), tr("Requests/s"), tr("Queue")});
    m_deployments->setObjectName(QStringLiteral("dashboardDeployments"));
    m_alerts = makeList({tr("Alert"), tr("Since")});
    m_alerts->setObjectName(QStringLiteral("dashboardAlerts"));
    m_runs = makeList({tr("Run"), tr("State"), tr("Model"), tr("Updated")});
    m_runs->setObjectName(QStringLiteral("dashboardRuns"));
    m_audit = makeList({tr("Time"), tr("Who"), tr("What"), tr("Target")});
    m_audit->setObjectName(QStringLiteral("dashboardAudit"));

    connect(m_deployments, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT deploymentActivated(item->data(0, kKeyRole).toString()); });
    connect(m_alerts, &QTreeWidget::itemActivated, this, [this] { Q_EMIT alertsActivated(); });
    connect(m_runs, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT runActivated(item->data(0, kKeyRole).toString()); });
    connect(m_audit, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT auditActivated(item->data(0, kKeyRole).toString()); });

    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(card(tr("Deployments"), m_deployments, &m_deploymentsEmpty,
                         tr("Nothing is deployed yet. Deploy a model version on the Deployments page (Ctrl+4) "
                            "to serve it over HTTP.")),
                    0, 0);
    grid->addWidget(card(tr("Active alerts"), m_alerts, &m_alertsEmpty,
                         tr("No active alerts. Alert rules are set on the Monitoring page (Ctrl+5).")),
                    0, 1);
    grid->addWidget(card(tr("Recent training runs"), m_runs, &m_runsEmpty,
                         tr("No training runs yet. Train a model on the Training page (Ctrl+3).")),
                    1, 0);
    grid->addWidget(card(tr("Recent changes"), m_audit, &m_auditEmpty,
                         tr("No changes recorded yet. Imports, aliases, deployments and tokens appear here.")),
                    1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);

    auto *hint = new QLabel(tr("Double-click or press Enter on an entry to open its page. Ctrl+K searches everything."),
                            this);
    hint->setEnabled(false);
    hint->setWordWrap(true);

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(12, 8, 12, 8);
    m_layout->addWidget(title);
    m_layout->addWidget(serverBox);
    m_layout->addLayout(grid, 1);
    m_layout->addWidget(hint);

    setServerState(false, {});

    connect(&m_watcher, &QFutureWatcher<DashboardData>::finished, this, [this] {
        applyData(m_watcher.result());
        if (m_again) {
            m_again = false;
            refreshNow();
        }
    });
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &DashboardPage::refreshNow);

    qRegisterMetaType<ModelDesk::Monitoring::AlertEvent>();
    // Emitted on the monitoring worker: queued to this page's thread by the context object.
    connect(&m_host.monitoring(), &ModelDesk::Monitoring::MonitoringService::alertFired, this,
            &DashboardPage::alertChanged);
    connect(&m_host.monitoring(), &ModelDesk::Monitoring::MonitoringService::alertCleared, this,
            &DashboardPage::alertChanged);
    // A registry change made from this console shows at once, not at the next tick.
    connect(&m_client, &CatalogClient::snapshotReady, this, &DashboardPage::refreshNow);

    refreshNow(); // the command palette lists deployments even before the page is shown
}

DashboardPage::~DashboardPage()
{
    m_timer->stop();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

QTreeWidget *DashboardPage::makeList(const QStringList &headers)
{
    auto *list = new QTreeWidget(this);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->header()->setStretchLastSection(true);
    list->header()->setSectionResizeMode(QHeaderView::Interactive);
    list->setMinimumHeight(110);
    return list;
}

QWidget *DashboardPage::card(const QString &title, QWidget *content, QLabel **empty, const QString &emptyText)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *heading = new QLabel(title, frame);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    *empty = new QLabel(emptyText, frame);
    (*empty)->setWordWrap(true);
    (*empty)->setAlignment(Qt::AlignCenter);
    (*empty)->setEnabled(false);
    (*empty)->setMargin(12);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addWidget(heading);
    layout->addWidget(content, 1);
    layout->addWidget(*empty, 1);
    content->hide();
    return frame;
}

void DashboardPage::setTopCard(QWidget *card)
{
    if (m_topCard == card)
        return;
    if (m_topCard) {
        m_layout->removeWidget(m_topCard);
        m_topCard->deleteLater();
    }
    m_topCard = card;
    if (card)
        m_layout->insertWidget(2, card); // under the title and the server strip
}

void DashboardPage::refreshNow()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    ModelDesk::Serving::ServingHost *host = &m_host;
    const qint64 lastCounter = m_lastCounter;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [host, lastCounter] { return readDashboard(*host, lastCounter); }));
}

void DashboardPage::setServerState(bool running, const QString &url)
{
    m_serverRunning = running;
    m_serverState->setText(running ? tr("Running") : tr("Stopped"));
    m_serverUrl->setText(running ? url
                                 : tr("Deployments answer inside the console only; start the server to serve "
                                      "other programs."));
    m_serverUrl->setEnabled(running);
    m_serverButton->setText(running ? tr("Stop Server") : tr("Start Server"));
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshNow();
    m_timer->start();
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void DashboardPage::applyData(const DashboardData &data)
{
    ++m_loads;
    if (!data.registryError.isEmpty()) {
        Q_EMIT error(tr("The dashboard cannot read the registry: %1. Check the workspace on the Settings page.")
                         .arg(data.registryError));
    }
    const QList<ModelDesk::RunRecord> runs = m_data.runs;
    const QList<ModelDesk::AuditEntry> audit = m_data.audit;
    m_data = data;
    if (data.registryRead) {
        m_lastCounter = data.changeCounter;
        showRegistry();
    } else {
        m_data.runs = runs;
        m_data.audit = audit;
    }
    showDeployments();
    showAlerts();
    Q_EMIT loaded();
}

void DashboardPage::showDeployments()
{
    const QString selected = m_deployments->currentItem() ? m_deployments->currentItem()->data(0, kKeyRole).toString()
                                                          : QString();
    m_deployments->clear();
    for (const DeploymentStatus &s : std::as_const(m_data.deployments)) {
        const double rps = m_data.requestsPerSecond.value(s.spec.name);
        auto *item = new QTreeWidgetItem(m_deployments,
                                         {s.spec.name, servingText(s), stateText(s),
                                          rps > 0 ? QString::number(rps, 'f', rps < 10 ? 1 : 0) : QStringLiteral("0"),
                                          QString::number(s.queueDepth)});
        item->setData(0, kKeyRole, s.spec.name);
        item->setForeground(2, stateColor(s.state, palette()));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        if (!s.reason.isEmpty())
            item->setToolTip(2, s.reason);
        item->setToolTip(0, tr("Open %1 on the Deployments page").arg(s.spec.name));
        if (s.spec.name == selected)
            m_deployments->setCurrentItem(item);
    }
    const bool any = !m_data.deployments.isEmpty();
    m_deployments->setVisible(any);
    m_deploymentsEmpty->setVisible(!any);
    // Fit the columns when the rows change, not every second (the user may have resized them).
    QStringList shown;
    for (int i = 0; i < m_deployments->topLevelItemCount(); ++i)
        shown << m_deployments->topLevelItem(i)->text(0) + m_deployments->topLevelItem(i)->text(1);
    if (shown != m_deploymentsShown) {
        m_deploymentsShown = shown;
        for (int c = 0; c < m_deployments->columnCount() - 1; ++c)
            m_deployments->resizeColumnToContents(c);
    }
}

void DashboardPage::showAlerts()
{
    m_alerts->clear();
    for (const auto &a : std::as_const(m_data.alerts)) {
        auto *item = new QTreeWidgetItem(
            m_alerts, {a.message, UiFormat::dateTime(QDateTime::fromSecsSinceEpoch(a.time, Qt::UTC))});
        item->setData(0, kKeyRole, alertKey(a));
        item->setToolTip(0, a.message);
    }
    const bool any = !m_data.alerts.isEmpty();
    m_alerts->setVisible(any);
    m_alertsEmpty->setVisible(!any);
}

void DashboardPage::alertChanged(const ModelDesk::Monitoring::AlertEvent &event)
{
    const QString key = alertKey(event);
    m_data.alerts.erase(std::remove_if(m_data.alerts.begin(), m_data.alerts.end(),
                                       [&](const auto &a) { return alertKey(a) == key; }),
                        m_data.alerts.end());
    if (event.firing)
        m_data.alerts.append(event);
    showAlerts();
}

void DashboardPage::showRegistry()
{
    m_runs->clear();
    for (const auto &r : std::as_const(m_data.runs)) {
        const QString model = r.model.isEmpty() ? QStringLiteral("—") : QString(r.model + u':' + QString::number(r.version));
        auto *item = new QTreeWidgetItem(m_runs, {r.id, runStateText(r.state), model, UiFormat::dateTime(r.updated)});
        item->setData(0, kKeyRole, r.id);
        item->setToolTip(0, tr("Open run %1 on the Training page").arg(r.id));
    }
    m_runs->setVisible(!m_data.runs.isEmpty());
    m_runsEmpty->setVisible(m_data.runs.isEmpty());

    m_audit->clear();
    for (const auto &e : std::as_const(m_data.audit)) {
        auto *item = new QTreeWidgetItem(m_audit, {UiFormat::dateTime(e.time), e.actor, e.action, e.target});
        item->setData(0, kKeyRole, e.target);
        if (!e.detail.isEmpty())
            item->setToolTip(2, e.detail);
    }
    m_audit->setVisible(!m_data.audit.isEmpty());
    m_auditEmpty->setVisible(m_data.audit.isEmpty());
    for (QTreeWidget *list : {m_runs, m_audit}) {
        for (int c = 0; c < list->columnCount() - 1; ++c)
            list->resizeColumnToContents(c);
    }
}
