#include "monitoringpage.h"

#include "monitoring/alertbanner.h"
#include "monitoring/alertrulesdialog.h"
#include "monitoring/metrictile.h"
#include "monitoring/overviewtiles.h"
#include "uiformat.h"

#include "monitoring/monitoringformat.h"
#include "monitoring/monitoringservice.h"
#include "serving/servinghost.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;
using Runtime::DeploymentStatus;

namespace {

constexpr int kVersionRole = Qt::UserRole + 1;
constexpr int kServingRole = Qt::UserRole + 2; // primary or canary now, not an earlier version

QString alertKey(const AlertEvent &e)
{
    return QString(e.rule + QLatin1Char('|') + e.series.toString());
}

QString eventValue(const AlertEvent &e)
{
    const auto info = seriesInfo(e.series.name);
    return formatValue(e.value, info ? info->unit : SeriesUnit::Count);
}

QString defaultExportName(const QString &suffix)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QString(dir + QStringLiteral("/modeldesk-monitoring-")
                   + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + suffix);
}

} // namespace

MonitoringPage::MonitoringPage(CatalogClient &client, Serving::ServingHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
{
    Q_UNUSED(client) // everything here comes from the serving host
    buildLayout();

    MonitoringService &service = m_host.monitoring();
    // Queued: the service emits on its worker thread.
    connect(&service, &MonitoringService::sampled, this,
            [this](qint64 second, const QList<SeriesSample> &samples) {
                m_charts->addSamples(second, samples);
                onSampled(second);
            });
    connect(&service, &MonitoringService::alertFired, this, &MonitoringPage::onAlertFired);
    connect(&service, &MonitoringService::alertCleared, this, &MonitoringPage::onAlertCleared);
    connect(m_charts, &MonitoringCharts::historyError, this, &MonitoringPage::error);
    connect(m_tiles, &OverviewTiles::deploymentClicked, this, &MonitoringPage::selectDeployment);

    for (const AlertEvent &e : service.activeAlerts())
        onAlertFired(e);
    onSampled(QDateTime::currentSecsSinceEpoch());
}

MonitoringPage::~MonitoringPage() = default;

void MonitoringPage::buildLayout()
{
    // In a host: the banner sits in a holder the page hides when its window shows alerts itself.
    m_bannerHolder = new QWidget(this);
    auto *holderLayout = new QVBoxLayout(m_bannerHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new AlertBanner(m_bannerHolder);
    holderLayout->addWidget(m_banner);

    auto *title = new QLabel(tr("Monitoring"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_windows = new QButtonGroup(this);
    m_windows->setExclusive(true);
    auto *windowRow = new QHBoxLayout;
    windowRow->setSpacing(0);
    const std::pair<Window, QString> windows[] = {{Window::FiveMinutes, tr("5 min")},
                                                  {Window::OneHour, tr("1 h")},
                                                  {Window::OneDay, tr("24 h")},
                                                  {Window::SevenDays, tr("7 d")}};
    for (const auto &[w, text] : windows) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setToolTip(MonitoringCharts::isLive(w) ? tr("Live, one point per second") : tr("From the saved history"));
        m_windows->addButton(button, int(w));
        windowRow->addWidget(button);
    }
    m_windows->button(int(Window::FiveMinutes))->setChecked(true);
    connect(m_windows, &QButtonGroup::idClicked, this, [this](int id) { setWindow(Window(id)); });

    m_pause = new QToolButton(this);
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the charts to look at them; data is still collected"));
    connect(m_pause, &QToolButton::toggled, this, &MonitoringPage::setPaused);

    auto makeButton = [this](const QString &text, const QString &tip, void (MonitoringPage::*slot)()) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        connect(button, &QToolButton::clicked, this, slot);
        return button;
    };
    auto *png = makeButton(tr("Export PNG…"), tr("Save the visible charts as an image"), &MonitoringPage::chooseExportPng);
    auto *csv = makeButton(tr("Export CSV…"), tr("Save the points of the visible charts as CSV"), &MonitoringPage::chooseExportCsv);
    auto *rules = makeButton(tr("Alert Rules…"), tr("List, add and remove alert rules"), &MonitoringPage::showAlertRules);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addLayout(windowRow);
    header->addSpacing(12);
    header->addWidget(m_pause);
    header->addWidget(png);
    header->addWidget(csv);
    header->addSpacing(12);
    header->addWidget(rules);

    m_tiles = new OverviewTiles(this);
    auto *tilesArea = new QScrollArea(this);
    tilesArea->setWidget(m_tiles);
    tilesArea->setWidgetResizable(true);
    tilesArea->setFrameShape(QFrame::NoFrame);
    tilesArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tilesArea->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    tilesArea->setFixedHeight(m_tiles->sizeHint().height() + 60);

    m_emptyState = new QLabel(tr("No deployments yet. Deploy a model version on the Deployments page (or run "
                                 "<code>modeldesk-cli deploy MODEL:VERSION</code>) and its latency, traffic and errors "
                                 "appear here. The machine and process charts below are already live."),
                              this);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::RichText);

    m_historyNote = new QLabel(this);
    m_historyNote->setWordWrap(true);
    m_historyNote->setEnabled(false);
    m_historyNote->hide();

    m_picker = new QTreeWidget(this);
    m_picker->setHeaderLabel(tr("Deployments and versions"));
    m_picker->setToolTip(tr("Choose which deployment versions the charts show; canary versions are drawn side by side"));
    m_picker->setRootIsDecorated(true);
    connect(m_picker, &QTreeWidget::itemChanged, this, [this] {
        if (!m_updatingPicker)
            pickerChanged();
    });

    m_alerts = new QTreeWidget(this);
    m_alerts->setColumnCount(4);
    m_alerts->setHeaderLabels({tr("Severity"), tr("Alert"), tr("Value"), tr("Since")});
    m_alerts->setRootIsDecorated(false);
    m_alerts->setAlternatingRowColors(true);
    m_alerts->header()->setStretchLastSection(true);

    auto *alertsTitle = new QLabel(tr("Active alerts"), this);
    QFont bold = alertsTitle->font();
    bold.setBold(true);
    alertsTitle->setFont(bold);
    auto *noAlerts = new QLabel(tr("None firing. Add rules with Alert Rules…"), this);
    noAlerts->setObjectName(QStringLiteral("noAlerts"));
    noAlerts->setEnabled(false);
    noAlerts->setWordWrap(true);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_picker, 3);
    sideLayout->addWidget(alertsTitle);
    sideLayout->addWidget(noAlerts);
    sideLayout->addWidget(m_alerts, 2);
    side->setMinimumWidth(260);

    m_charts = new MonitoringCharts(m_host.monitoring(), this);
    auto *chartsArea = new QScrollArea(this);
    chartsArea->setWidget(m_charts);
    chartsArea->setWidgetResizable(true);
    chartsArea->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("monitoringSplitter"));
    splitter->addWidget(side);
    splitter->addWidget(chartsArea);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({300, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_bannerHolder);
    layout->addLayout(header);
    layout->addWidget(tilesArea);
    layout->addWidget(m_emptyState);
    layout->addWidget(m_historyNote);
    layout->addWidget(splitter, 1);

    connect(m_banner, &AlertBanner::detailsRequested, m_alerts, qOverload<>(&QWidget::setFocus));
}

void MonitoringPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // MainWindow shows an AlertBanner above every page; a second one here would repeat it.
    bool windowHasOne = false;
    if (QWidget *top = QWidget::window(); top != this) {
        const QList<AlertBanner *> banners = top->findChildren<AlertBanner *>();
        windowHasOne = std::any_of(banners.cbegin(), banners.cend(), [this](AlertBanner *b) { return !isAncestorOf(b); });
    }
    m_bannerHolder->setVisible(!windowHasOne);
}

QString MonitoringPage::alertSeverity(const AlertEvent &event)
{
    const QString &s = event.series.name;
    if (s == QLatin1String("deployment_failed") || s == QLatin1String("error_rate_percent")
        || s == QLatin1String("errors_per_second"))
        return QStringLiteral("critical");
    return QStringLiteral("warning");
}

void MonitoringPage::onSampled(qint64 second)
{
    m_lastSecond = std::max(m_lastSecond, second);
    refreshOverview(m_lastSecond);
}

void MonitoringPage::refreshOverview(qint64 second)
{
    const QList<DeploymentStatus> deployments = m_host.runtime().deployments();
    m_tiles->update(m_host.monitoring().latest(), second, deployments);
    refreshPicker(deployments);
    const bool none = m_picker->topLevelItemCount() == 0;
    m_emptyState->setVisible(none);
    m_charts->setDeploymentChartsVisible(!none);
}

void MonitoringPage::refreshPicker(const QList<DeploymentStatus> &deployments)
{
    // Versions to offer: what the runtime serves now (primary, canary) and what still has points in
    // the last hour (a version swapped out a minute ago is worth comparing).
    const QString earlier = tr("earlier");
    QMap<QString, QMap<int, QString>> offered; // deployment -> version -> role
    for (const DeploymentStatus &d : deployments) {
        auto &versions = offered[d.spec.name];
        for (qsizetype i = 0; i < d.versions.size(); ++i)
            versions[d.versions[i].version] = i == 0 ? tr("serving") : tr("canary %1%").arg(d.versions[i].trafficPercent);
    }
    for (const SeriesKey &key : m_host.monitoring().seriesKeys()) {
        if (!key.deployment.isEmpty() && key.version > 0 && !offered[key.deployment].contains(key.version))
            offered[key.deployment][key.version] = earlier;
    }

    m_updatingPicker = true;
    bool changed = false;
    for (auto d = offered.cbegin(); d != offered.cend(); ++d) {
        QTreeWidgetItem *top = nullptr;
        for (int i = 0; i < m_picker->topLevelItemCount(); ++i) {
            if (m_picker->topLevelItem(i)->data(0, Qt::UserRole).toString() == d.key())
                top = m_picker->topLevelItem(i);
        }
        if (!top) {
            top = new QTreeWidgetItem(m_picker, {d.key()});
            top->setData(0, Qt::UserRole, d.key());
            top->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
            top->setExpanded(true);
            changed = true;
        }
        for (auto v = d->cbegin(); v != d->cend(); ++v) {
            QTreeWidgetItem *child = nullptr;
            for (int i = 0; i < top->childCount(); ++i) {
                if (top->child(i)->data(0, kVersionRole).toInt() == v.key())
                    child = top->child(i);
            }
            if (!child) {
                child = new QTreeWidgetItem(top);
                child->setData(0, Qt::UserRole, d.key());
                child->setData(0, kVersionRole, v.key());
                child->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                // New versions of the current traffic are shown at once; older ones on request.
                child->setCheckState(0, v.value() == earlier ? Qt::Unchecked : Qt::Checked);
                changed = true;
            }
            child->setText(0, tr("v%1 (%2)").arg(v.key()).arg(v.value()));
            child->setData(0, kServingRole, v.value() != earlier);
        }
    }
    m_updatingPicker = false;
    if (changed)
        pickerChanged();
}

void MonitoringPage::pickerChanged()
{
    QList<VersionRef> chosen;
    for (int i = 0; i < m_picker->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_picker->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem *child = top->child(j);
            if (child->checkState(0) == Qt::Checked)
                chosen.append({child->data(0, Qt::UserRole).toString(), child->data(0, kVersionRole).toInt()});
        }
    }
    m_charts->setVersions(chosen);
}

void MonitoringPage::selectDeployment(const QString &name)
{
    m_updatingPicker = true;
    for (int i = 0; i < m_picker->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_picker->topLevelItem(i);
        const bool mine = top->data(0, Qt::UserRole).toString() == name;
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem *child = top->child(j);
            // Of the chosen deployment, what it serves now (and any version already checked).
            const bool serving = child->data(0, kServingRole).toBool();
            child->setCheckState(0, mine && (serving || child->checkState(0) == Qt::Checked) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_updatingPicker = false;
    m_tiles->setSelectedDeployment(name);
    pickerChanged();
}

QList<VersionRef> MonitoringPage::shownVersions() const
{
    return m_charts->versions();
}

void MonitoringPage::setWindow(Window window)
{
    if (QAbstractButton *b = m_windows->button(int(window)))
        b->setChecked(true);
    m_charts->setWindow(window);
    if (!MonitoringCharts::isLive(window) && !m_host.monitoring().isPersistent()) {
        m_historyNote->setText(tr("Longer windows read the saved history, which this console does not record: another "
                                  "ModelDesk process (e.g. modeldesk-cli serve) records this workspace's metrics, or the "
                                  "metrics database could not be opened. Use 5 min or 1 h, or modeldesk-cli metrics."));
        m_historyNote->show();
    } else {
        m_historyNote->hide();
    }
}

MonitoringPage::Window MonitoringPage::window() const
{
    return m_charts->window();
}

void MonitoringPage::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused); // comes back here through toggled
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_charts->setPaused(paused);
}

bool MonitoringPage::isPaused() const
{
    return m_charts->isPaused();
}

MetricTile *MonitoringPage::deploymentTile(const QString &name) const
{
    return m_tiles->deploymentTile(name);
}

bool MonitoringPage::isEmptyStateShown() const
{
    return !m_emptyState->isHidden();
}

QStringList MonitoringPage::deploymentNames() const
{
    QStringList names;
    for (const DeploymentStatus &d : m_host.runtime().deployments())
        names.append(d.spec.name);
    return names;
}

void MonitoringPage::onAlertFired(const AlertEvent &event)
{
    const QString key = alertKey(event);
    const QString severity = alertSeverity(event);
    QTreeWidgetItem *item = m_alertItems.value(key);
    if (!item) {
        item = new QTreeWidgetItem(m_alerts);
        m_alertItems.insert(key, item);
    }
    item->setText(0, severity == QLatin1String("critical") ? tr("critical") : tr("warning"));
    item->setIcon(0, style()->standardIcon(severity == QLatin1String("critical") ? QStyle::SP_MessageBoxCritical
                                                                                 : QStyle::SP_MessageBoxWarning));
    item->setText(1, event.rule);
    item->setText(2, eventValue(event));
    const QDateTime since = QDateTime::fromSecsSinceEpoch(event.time);
    item->setText(3, since.date() == QDate::currentDate() ? since.toString(QStringLiteral("HH:mm:ss"))
                                                          : UiFormat::dateTime(since.toUTC()));
    for (int column = 0; column < 4; ++column)
        item->setToolTip(column, event.message);
    for (int column = 0; column < 3; ++column)
        m_alerts->resizeColumnToContents(column);
    item->setData(0, Qt::UserRole, key);
    if (auto *none = findChild<QLabel *>(QStringLiteral("noAlerts")))
        none->setVisible(m_alertItems.isEmpty());
    m_banner->raiseAlert(key, event.message, severity);
    // Not also error(): MainWindow logs every alert from the service itself (and the tray shows it).
    Q_EMIT alertRaised(event.message);
}

void MonitoringPage::onAlertCleared(const AlertEvent &event)
{
    const QString key = alertKey(event);
    delete m_alertItems.take(key);
    if (auto *none = findChild<QLabel *>(QStringLiteral("noAlerts")))
        none->setVisible(m_alertItems.isEmpty());
    m_banner->clearAlert(key);
    Q_EMIT alertCleared(event.message);
}

void MonitoringPage::addAlertRule(const AlertRule &rule)
{
    m_host.monitoring().addAlertRule(rule);
}

void MonitoringPage::removeAlertRule(const QString &name)
{
    m_host.monitoring().removeAlertRule(name);
}

void MonitoringPage::showAlertRules()
{
    AlertRulesDialog dialog(m_host.monitoring(), deploymentNames(), this);
    connect(&dialog, &AlertRulesDialog::info, this, &MonitoringPage::info);
    connect(&dialog, &AlertRulesDialog::error, this, &MonitoringPage::error);
    dialog.exec();
}

Status MonitoringPage::exportPng(const QString &path)
{
    return m_charts->savePng(path);
}

Status MonitoringPage::exportCsv(const QString &path)
{
    return m_charts->saveCsv(path);
}

void MonitoringPage::chooseExportPng()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Charts as PNG"), defaultExportName(QStringLiteral(".png")),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (Status s = exportPng(path); !s) {
        Q_EMIT error(tr("Charts not exported: %1").arg(s.error().message));
        QMessageBox::warning(this, tr("Export Failed"), tr("The charts could not be saved.\n\n%1").arg(s.error().message));
        return;
    }
    Q_EMIT info(tr("Saved the charts to %1.").arg(path));
}

void MonitoringPage::chooseExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart Data as CSV"), defaultExportName(QStringLiteral(".csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status s = exportCsv(path); !s) {
        Q_EMIT error(tr("Chart data not exported: %1").arg(s.error().message));
        QMessageBox::warning(this, tr("Export Failed"), tr("The chart data could not be saved.\n\n%1").arg(s.error().message));
        return;
    }
    Q_EMIT info(tr("Saved the chart data to %1.").arg(path));
}
