#include "metricssummary.h"

#include "seriescatalog.h"

#include <QDateTime>
#include <QJsonArray>

namespace ModelDesk::Monitoring {

namespace {

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QString isoTime(int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

QJsonObject DeploymentSummary::toJson() const
{
    QJsonObject outcomes;
    for (Outcome o : allOutcomes)
        outcomes.insert(outcomeName(o), double(traffic.count(o)));
    return QJsonObject{{QStringLiteral("deployment"), deployment},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("requests"), double(traffic.requestCount())},
                       {QStringLiteral("outcomes"), outcomes},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("requests_per_second"), requestsPerSecond},
                       {QStringLiteral("error_rate_percent"), optional(errorRatePercent)},
                       {QStringLiteral("latency_p50_seconds"), optional(latencyP50)},
                       {QStringLiteral("latency_p95_seconds"), optional(latencyP95)},
                       {QStringLiteral("latency_p99_seconds"), optional(latencyP99)},
                       {QStringLiteral("latency_mean_seconds"), optional(latencyMean)},
                       {QStringLiteral("queue_p99_seconds"), optional(queueP99)},
                       {QStringLiteral("compute_p99_seconds"), optional(computeP99)},
                       {QStringLiteral("batch_size_mean"), optional(batchSizeMean)}};
}

QJsonObject GaugeSummary::toJson() const
{
    QJsonObject o{{QStringLiteral("series"), key.name},
                  {QStringLiteral("min"), aggregate.min},
                  {QStringLiteral("max"), aggregate.max},
                  {QStringLiteral("mean"), aggregate.mean},
                  {QStringLiteral("samples"), aggregate.samples}};
    if (!key.deployment.isEmpty()) {
        o.insert(QStringLiteral("deployment"), key.deployment);
        o.insert(QStringLiteral("version"), key.version);
    }
    if (!key.run.isEmpty())
        o.insert(QStringLiteral("run"), key.run);
    return o;
}

QJsonObject WindowSummary::toJson() const
{
    QJsonArray deps, gs;
    for (const DeploymentSummary &d : deployments)
        deps.append(d.toJson());
    for (const GaugeSummary &g : gauges)
        gs.append(g.toJson());
    return QJsonObject{{QStringLiteral("from"), isoTime(from)},
                       {QStringLiteral("to"), isoTime(to)},
                       {QStringLiteral("resolution_seconds"), int(resolution)},
                       {QStringLiteral("deployments"), deps},
                       {QStringLiteral("gauges"), gs}};
}

Resolution resolutionForWindow(int64_t windowSeconds, const Retention &retention)
{
    return windowSeconds <= retention.minuteSeconds ? Resolution::Minute : Resolution::Hour;
}

Result<WindowSummary> summarizeWindow(HistoryStore &store, int64_t from, int64_t to, Resolution resolution,
                                      const QString &deployment)
{
    WindowSummary w;
    w.from = from;
    w.to = to;
    w.resolution = resolution;
    const auto traffic = store.trafficTotals(resolution, from, to, deployment);
    if (!traffic)
        return fail(traffic.error());
    for (const TrafficRow &row : *traffic) {
        DeploymentSummary s;
        s.deployment = row.deployment;
        s.version = row.version;
        s.traffic = row.counts;
        s.seconds = row.seconds;
        s.requestsPerSecond =
            trafficValue(QStringLiteral("requests_per_second"), row.counts, row.seconds).value_or(0);
        s.errorRatePercent = trafficValue(QStringLiteral("error_rate_percent"), row.counts, row.seconds);
        s.latencyP50 = trafficValue(QStringLiteral("latency_p50"), row.counts, row.seconds);
        s.latencyP95 = trafficValue(QStringLiteral("latency_p95"), row.counts, row.seconds);
        s.latencyP99 = trafficValue(QStringLiteral("latency_p99"), row.counts, row.seconds);
        s.latencyMean = trafficValue(QStringLiteral("latency_mean"), row.counts, row.seconds);
        s.queueP99 = trafficValue(QStringLiteral("queue_p99"), row.counts, row.seconds);
        s.computeP99 = trafficValue(QStringLiteral("compute_p99"), row.counts, row.seconds);
        s.batchSizeMean = trafficValue(QStringLiteral("batch_size_mean"), row.counts, row.seconds);
        w.deployments << s;
    }
    const auto keys = store.seriesKeys();
    if (!keys)
        return fail(keys.error());
    for (const SeriesKey &key : *keys) {
        const auto info = seriesInfo(key.name);
        if (!info || info->kind != SeriesKind::Gauge)
            continue;
        if (info->scope == SeriesScope::Deployment && !deployment.isEmpty() && key.deployment != deployment)
            continue;
        const auto points = store.points(key, resolution, from, to);
        if (!points)
            return fail(points.error());
        if (points->isEmpty())
            continue;
        HistoryPoint a{points->first().t, 0, points->first().min, points->first().max, 0, 0};
        double weighted = 0;
        for (const HistoryPoint &p : *points) {
            a.min = std::min(a.min, p.min);
            a.max = std::max(a.max, p.max);
            weighted += p.mean * p.samples;
            a.samples += p.samples;
        }
        a.mean = a.samples > 0 ? weighted / a.samples : 0;
        a.value = a.mean;
        w.gauges << GaugeSummary{key, a};
    }
    return w;
}

} // namespace ModelDesk::Monitoring
