#include "overviewtiles.h"

#include "metrictile.h"

#include "monitoring/monitoringformat.h"

#include <QHBoxLayout>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;
using ModelDesk::Runtime::DeploymentState;
using ModelDesk::Runtime::DeploymentStatus;

namespace {

// Traffic figures exist only for seconds with requests: a p99 a minute old still says something,
// an older one would mislead.
constexpr qint64 kFreshSeconds = 60;

std::optional<double> value(const QHash<SeriesKey, HistoryPoint> &latest, const SeriesKey &key, qint64 now,
                            qint64 fresh = kFreshSeconds)
{
    const auto it = latest.constFind(key);
    if (it == latest.cend() || now - it->t > fresh)
        return std::nullopt;
    return it->value;
}

QString text(std::optional<double> v, SeriesUnit unit)
{
    return v ? formatValue(*v, unit) : QStringLiteral("–");
}

QString tone(DeploymentState state)
{
    switch (state) {
    case DeploymentState::Ready:
        return QStringLiteral("good");
    case DeploymentState::Loading:
    case DeploymentState::Warming:
    case DeploymentState::Draining:
        return QStringLiteral("busy");
    case DeploymentState::Failed:
        return QStringLiteral("bad");
    case DeploymentState::Unloaded:
        break;
    }
    return {};
}

QString stateText(DeploymentState state)
{
    switch (state) {
    case DeploymentState::Loading:
        return OverviewTiles::tr("loading");
    case DeploymentState::Warming:
        return OverviewTiles::tr("warming up");
    case DeploymentState::Ready:
        return OverviewTiles::tr("ready");
    case DeploymentState::Draining:
        return OverviewTiles::tr("draining");
    case DeploymentState::Unloaded:
        return OverviewTiles::tr("unloaded");
    case DeploymentState::Failed:
        return OverviewTiles::tr("failed");
    }
    return Runtime::deploymentStateName(state);
}

} // namespace

OverviewTiles::OverviewTiles(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_machine(new MetricTile(tr("Machine"), this))
    , m_process(new MetricTile(tr("ModelDesk process"), this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(8);
    m_layout->addWidget(m_machine);
    m_layout->addWidget(m_process);
    m_layout->addStretch(1);
    for (const auto &[key, label] : {std::pair{QStringLiteral("cpu"), tr("CPU")}, std::pair{QStringLiteral("used"), tr("Memory used")},
                                     std::pair{QStringLiteral("available"), tr("Memory available")}})
        m_machine->setRow(key, label, QStringLiteral("–"));
    m_process->setRow(QStringLiteral("cpu"), tr("CPU"), QStringLiteral("–"));
    m_process->setRow(QStringLiteral("rss"), tr("Memory (RSS)"), QStringLiteral("–"));
}

void OverviewTiles::update(const QHash<SeriesKey, HistoryPoint> &latest, qint64 now, const QList<DeploymentStatus> &deployments)
{
    auto gauge = [&](const char *name) { return value(latest, SeriesKey{QString::fromLatin1(name), {}, 0, {}}, now, 5); };
    const auto cpu = gauge("machine_cpu_percent");
    const auto used = gauge("machine_memory_used_bytes");
    const auto available = gauge("machine_memory_available_bytes");
    m_machine->setRow(QStringLiteral("cpu"), tr("CPU"), text(cpu, SeriesUnit::Percent), cpu);
    m_machine->setRow(QStringLiteral("used"), tr("Memory used"), text(used, SeriesUnit::Bytes), used);
    m_machine->setRow(QStringLiteral("available"), tr("Memory available"), text(available, SeriesUnit::Bytes), available);
    const auto processCpu = gauge("process_cpu_percent");
    const auto rss = gauge("process_rss_bytes");
    m_process->setRow(QStringLiteral("cpu"), tr("CPU"), text(processCpu, SeriesUnit::Percent), processCpu);
    m_process->setRow(QStringLiteral("rss"), tr("Memory (RSS)"), text(rss, SeriesUnit::Bytes), rss);

    QStringList names;
    for (const DeploymentStatus &d : deployments) {
        const QString name = d.spec.name;
        names.append(name);
        MetricTile *tile = m_deployments.value(name);
        if (!tile) {
            tile = new MetricTile(name, this);
            tile->setClickable(true);
            connect(tile, &MetricTile::clicked, this, [this, name] { Q_EMIT deploymentClicked(name); });
            m_layout->insertWidget(m_layout->count() - 1, tile);
            m_deployments.insert(name, tile);
            tile->setSelected(name == m_selected);
        }
        // State with the versions it serves: "ready · v3 + canary v4 (10%)".
        QString state = stateText(d.state);
        if (d.idleUnloaded)
            state = tr("idle (loads on the next request)");
        if (!d.versions.isEmpty()) {
            state += QStringLiteral(" · v") + QString::number(d.versions.first().version);
            for (qsizetype i = 1; i < d.versions.size(); ++i)
                state += tr(" + canary v%1 (%2%)").arg(d.versions[i].version).arg(d.versions[i].trafficPercent);
        }
        tile->setState(state, tone(d.state));
        tile->setToolTip(d.state == DeploymentState::Failed && !d.reason.isEmpty()
                             ? d.reason
                             : tr("Click to show this deployment in the charts"));

        double qps = 0;
        bool anyQps = false;
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            if (it.key().deployment == name && it.key().name == QLatin1String("requests_per_second") && now - it->t <= 5) {
                qps += it->value;
                anyQps = true;
            }
        }
        const int primary = d.versions.isEmpty() ? 0 : d.versions.first().version;
        auto series = [&](const char *s) { return value(latest, SeriesKey{QString::fromLatin1(s), name, primary, {}}, now); };
        const std::optional<double> q = anyQps ? std::optional<double>(qps) : std::optional<double>(0.0);
        tile->setRow(QStringLiteral("qps"), tr("Requests/s"), text(q, SeriesUnit::PerSecond), q);
        const auto p50 = series("latency_p50");
        const auto p99 = series("latency_p99");
        const auto errors = series("error_rate_percent");
        tile->setRow(QStringLiteral("p50"), tr("Latency p50"), text(p50, SeriesUnit::Seconds), p50);
        tile->setRow(QStringLiteral("p99"), tr("Latency p99"), text(p99, SeriesUnit::Seconds), p99);
        tile->setRow(QStringLiteral("errors"), tr("Error rate"), text(errors, SeriesUnit::Percent), errors);
    }
    for (const QString &gone : QStringList(m_order)) {
        if (!names.contains(gone))
            delete m_deployments.take(gone);
    }
    m_order = names;
}

void OverviewTiles::setSelectedDeployment(const QString &name)
{
    m_selected = name;
    for (auto it = m_deployments.cbegin(); it != m_deployments.cend(); ++it)
        it.value()->setSelected(it.key() == name);
}
