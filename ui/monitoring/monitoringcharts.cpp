#include "monitoringcharts.h"

#include "monitoring/monitoringformat.h"
#include "monitoring/monitoringservice.h"

#include <QDateTime>
#include <QGridLayout>
#include <QPainter>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kGiB = 1024.0 * kMiB;
constexpr int kHistoryRefreshMs = 60 * 1000;

QString versionLabel(const QString &deployment, int version, const QString &suffix)
{
    QString label = deployment + QStringLiteral(" v") + QString::number(version);
    if (!suffix.isEmpty())
        label += QString(QLatin1Char(' ') + suffix);
    return label;
}

} // namespace

qint64 MonitoringCharts::windowSeconds(Window window)
{
    switch (window) {
    case Window::FiveMinutes:
        return 300;
    case Window::OneHour:
        return 3600;
    case Window::OneDay:
        return 86400;
    case Window::SevenDays:
        return 7 * 86400;
    }
    return 300;
}

MonitoringCharts::MonitoringCharts(MonitoringService &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_grid(new QGridLayout(this))
    , m_historyTimer(new QTimer(this))
{
    using U = SeriesUnit;
    const QString ms = tr("ms");
    m_specs = {
        {QStringLiteral("latency"), tr("Latency"), {QStringLiteral("latency_p50"), QStringLiteral("latency_p95"), QStringLiteral("latency_p99")},
         {QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")}, U::Seconds, 1000, ms, true},
        {QStringLiteral("throughput"), tr("Throughput"), {QStringLiteral("requests_per_second")}, {}, U::PerSecond, 1, tr("requests/s"), true},
        {QStringLiteral("errors"), tr("Errors"), {QStringLiteral("errors_per_second")}, {}, U::PerSecond, 1, tr("failed requests/s"), true},
        {QStringLiteral("queue"), tr("Queue time"), {QStringLiteral("queue_p50"), QStringLiteral("queue_p99")},
         {QStringLiteral("p50"), QStringLiteral("p99")}, U::Seconds, 1000, ms, true},
        {QStringLiteral("batch"), tr("Batch size"), {QStringLiteral("batch_size_mean"), QStringLiteral("batch_size_p99")},
         {tr("mean"), QStringLiteral("p99")}, U::Count, 1, tr("requests per batch"), true},
        {QStringLiteral("process_cpu"), tr("Process CPU"), {QStringLiteral("process_cpu_percent")}, {tr("this process")}, U::Percent, 1,
         tr("% of one core"), false},
        {QStringLiteral("process_memory"), tr("Process memory"), {QStringLiteral("process_rss_bytes")}, {tr("resident (RSS)")}, U::Bytes,
         1 / kMiB, tr("MiB"), false},
        {QStringLiteral("machine_cpu"), tr("Machine CPU"), {QStringLiteral("machine_cpu_percent")}, {tr("all cores")}, U::Percent, 1,
         tr("% of all cores"), false},
        {QStringLiteral("machine_memory"), tr("Machine memory"),
         {QStringLiteral("machine_memory_used_bytes"), QStringLiteral("machine_memory_available_bytes")}, {tr("used"), tr("available")},
         U::Bytes, 1 / kGiB, tr("GiB"), false},
    };
    for (const Spec &spec : std::as_const(m_specs)) {
        auto *chart = new TimeSeriesChart(spec.title, TimeSeriesChart::XAxis::Time, this);
        chart->setObjectName(spec.id);
        chart->setYAxisTitle(spec.axisTitle);
        chart->setMinimumHeight(230);
        const SeriesUnit unit = spec.unit;
        const double scale = spec.scale;
        chart->setValueFormatter([unit, scale](double shown) { return formatValue(shown / scale, unit); });
        m_charts.insert(spec.id, chart);
    }
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(6);

    m_historyTimer->setInterval(kHistoryRefreshMs);
    connect(m_historyTimer, &QTimer::timeout, this, [this] {
        if (!m_paused)
            requestAllHistory();
    });
    connect(&m_service, &MonitoringService::historyReady, this, &MonitoringCharts::applyHistory);

    relayout();
    setWindow(Window::FiveMinutes);
}

void MonitoringCharts::relayout()
{
    while (m_grid->count() > 0)
        delete m_grid->takeAt(0);
    int cell = 0;
    for (const Spec &spec : std::as_const(m_specs)) {
        TimeSeriesChart *chart = m_charts.value(spec.id);
        const bool shown = m_deploymentCharts || !spec.perDeployment;
        chart->setVisible(shown);
        if (!shown)
            continue;
        // Latency is the first thing asked about, and with p50/p95/p99 per version its legend is
        // long: it gets the whole width.
        if (spec.id == QLatin1String("latency")) {
            m_grid->addWidget(chart, 0, 0, 1, 2);
            cell = 2;
            continue;
        }
        m_grid->addWidget(chart, cell / 2, cell % 2);
        ++cell;
    }
}

void MonitoringCharts::setDeploymentChartsVisible(bool visible)
{
    if (m_deploymentCharts == visible)
        return;
    m_deploymentCharts = visible;
    relayout();
}

void MonitoringCharts::setWindow(Window window)
{
    m_window = window;
    const double spanMs = double(windowSeconds(window)) * 1000.0;
    // 1 s points for the live windows; the long ones hold 1 440 minutes or 168 hours.
    for (TimeSeriesChart *chart : std::as_const(m_charts)) {
        chart->setMaxPoints(isLive(window) ? int(windowSeconds(window)) : 2000);
        chart->setXSpan(spanMs);
        // Latencies have no point in a second without requests: more than a few missing points
        // in a row is a gap in the traffic, not something to draw a line across.
        chart->setGapThreshold(window == Window::OneDay ? 3 * 60 * 1000.0
                               : window == Window::SevenDays ? 3 * 3600 * 1000.0
                                                             : 5 * 1000.0);
        QString empty;
        if (isLive(window))
            empty = tr("Waiting for the first samples…");
        else if (m_service.isPersistent())
            empty = tr("No history for this window yet: points are kept once a minute.");
        else
            empty = tr("This console keeps its history in memory only (another ModelDesk process records this "
                       "workspace's metrics, or the metrics database could not be opened): choose 5 min or 1 h.");
        chart->setEmptyText(empty);
    }
    if (isLive(window))
        m_historyTimer->stop();
    else
        m_historyTimer->start();
    rebuildLines(true);
}

void MonitoringCharts::setVersions(const QList<VersionRef> &versions)
{
    if (versions == m_versions)
        return;
    m_versions = versions;
    rebuildLines(false);
}

void MonitoringCharts::rebuildLines(bool reload)
{
    QHash<QString, LineRef> wanted;
    for (const Spec &spec : std::as_const(m_specs)) {
        TimeSeriesChart *chart = m_charts.value(spec.id);
        const double scale = spec.scale;
        auto want = [&](const SeriesKey &key, const QString &label) {
            const QString id = lineId(key);
            chart->addLine(id, label);
            wanted.insert(id, LineRef{chart, key, scale});
        };
        for (qsizetype i = 0; i < spec.series.size(); ++i) {
            const QString suffix = spec.labels.value(i);
            if (!spec.perDeployment) {
                want(SeriesKey{spec.series[i], {}, 0, {}}, suffix);
                continue;
            }
            for (const VersionRef &v : std::as_const(m_versions))
                want(SeriesKey{spec.series[i], v.deployment, v.version, {}}, versionLabel(v.deployment, v.version, suffix));
        }
    }
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        if (!wanted.contains(it.key()))
            it->chart->removeLine(it.key());
    }
    const QHash<QString, LineRef> before = m_lines;
    m_lines = wanted;
    if (reload)
        m_pending.clear(); // answers for the previous window are no longer wanted
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        if (reload || !before.contains(it.key()))
            load(it.value());
    }
}

void MonitoringCharts::load(const LineRef &line)
{
    const QString id = lineId(line.key);
    if (isLive(m_window)) {
        const QList<HistoryPoint> points = m_service.recent(line.key, int(windowSeconds(m_window)));
        QList<QPointF> shown;
        shown.reserve(points.size());
        for (const HistoryPoint &p : points)
            shown.append(QPointF(double(p.t) * 1000.0, p.value * line.scale));
        line.chart->setPoints(id, shown);
        return;
    }
    line.chart->setPoints(id, {});
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Resolution resolution = m_window == Window::OneDay ? Resolution::Minute : Resolution::Hour;
    const quint64 request = m_service.requestHistory(line.key, resolution, now - windowSeconds(m_window), now + 1);
    m_pending.insert(request, id);
}

void MonitoringCharts::requestAllHistory()
{
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const Resolution resolution = m_window == Window::OneDay ? Resolution::Minute : Resolution::Hour;
        m_pending.insert(m_service.requestHistory(it->key, resolution, now - windowSeconds(m_window), now + 1), it.key());
    }
}

void MonitoringCharts::applyHistory(quint64 id, const SeriesKey &key, const QList<HistoryPoint> &points, const QString &error)
{
    const auto pending = m_pending.constFind(id);
    if (pending == m_pending.cend())
        return; // another widget's request, or one for a window that is no longer shown
    const QString line = pending.value();
    m_pending.erase(pending);
    if (!error.isEmpty()) {
        Q_EMIT historyError(tr("History of %1 could not be read: %2").arg(key.toString(), error));
        return;
    }
    const auto ref = m_lines.constFind(line);
    if (ref == m_lines.cend())
        return;
    QList<QPointF> shown;
    shown.reserve(points.size());
    for (const HistoryPoint &p : points)
        shown.append(QPointF(double(p.t) * 1000.0, p.value * ref->scale));
    ref->chart->setPoints(line, shown);
}

void MonitoringCharts::addSamples(qint64 second, const QList<SeriesSample> &samples)
{
    if (!isLive(m_window))
        return;
    const double x = double(second) * 1000.0;
    for (const SeriesSample &s : samples) {
        const auto it = m_lines.constFind(lineId(s.key));
        if (it != m_lines.cend())
            it->chart->append(it.key(), x, s.value * it->scale);
    }
    // One redraw per chart for the whole second rather than one per point.
    for (TimeSeriesChart *chart : std::as_const(m_charts))
        chart->flush();
}

void MonitoringCharts::setPaused(bool paused)
{
    m_paused = paused;
    for (TimeSeriesChart *chart : std::as_const(m_charts))
        chart->setPaused(paused);
    if (!paused && !isLive(m_window))
        requestAllHistory();
}

TimeSeriesChart *MonitoringCharts::chart(const QString &id) const
{
    return m_charts.value(id);
}

QList<TimeSeriesChart *> MonitoringCharts::visibleCharts() const
{
    QList<TimeSeriesChart *> shown;
    for (const Spec &spec : m_specs) {
        if (m_deploymentCharts || !spec.perDeployment)
            shown.append(m_charts.value(spec.id));
    }
    return shown;
}

Status MonitoringCharts::savePng(const QString &path)
{
    const QImage image = grab().toImage();
    if (image.isNull() || !image.save(path, "PNG"))
        return fail(Error::io(tr("could not write the image %1").arg(path)));
    return {};
}

Status MonitoringCharts::saveCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(Error::io(tr("could not write %1: %2").arg(path, file.errorString())));
    QTextStream out(&file);
    bool header = true;
    for (TimeSeriesChart *chart : visibleCharts()) {
        chart->writeCsv(out, header);
        header = false;
    }
    out.flush();
    if (!file.commit())
        return fail(Error::io(tr("could not write %1: %2").arg(path, file.errorString())));
    return {};
}
