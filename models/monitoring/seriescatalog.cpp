#include "seriescatalog.h"

#include <QHash>

namespace ModelDesk::Monitoring {

namespace {

QList<SeriesInfo> makeCatalog()
{
    using S = SeriesScope;
    using U = SeriesUnit;
    using K = SeriesKind;
    auto d = [](const char *name, U unit, K kind, const char *description) {
        return SeriesInfo{QString::fromLatin1(name), S::Deployment, unit, kind,
                          QString::fromLatin1(description)};
    };
    auto r = [](const char *name, S scope, U unit, const char *description) {
        return SeriesInfo{QString::fromLatin1(name), scope, unit, K::Gauge, QString::fromLatin1(description)};
    };
    return {
        d("requests_per_second", U::PerSecond, K::Traffic, "answered requests per second, all outcomes"),
        d("errors_per_second", U::PerSecond, K::Traffic, "requests per second that did not succeed"),
        d("error_rate_percent", U::Percent, K::Traffic, "share of requests that did not succeed"),
        d("latency_p50", U::Seconds, K::Traffic, "median request latency (receive to answer)"),
        d("latency_p95", U::Seconds, K::Traffic, "95th percentile request latency"),
        d("latency_p99", U::Seconds, K::Traffic, "99th percentile request latency"),
        d("latency_mean", U::Seconds, K::Traffic, "mean request latency"),
        d("queue_p50", U::Seconds, K::Traffic, "median time waiting in the batcher queue"),
        d("queue_p99", U::Seconds, K::Traffic, "99th percentile time waiting in the batcher queue"),
        d("compute_p50", U::Seconds, K::Traffic, "median forward time of a request's batch"),
        d("compute_p99", U::Seconds, K::Traffic, "99th percentile forward time of a request's batch"),
        d("batch_size_mean", U::Count, K::Traffic, "mean batch size seen by requests"),
        d("batch_size_p99", U::Count, K::Traffic, "99th percentile batch size seen by requests"),
        d("queue_depth", U::Count, K::Gauge, "requests waiting in the queue"),
        d("in_flight", U::Count, K::Gauge, "requests being computed"),
        d("deployment_failed", U::Count, K::Gauge, "1 when the last load of the version failed"),
        r("process_cpu_percent", S::Process, U::Percent, "CPU use of this process (100 = one core)"),
        r("process_rss_bytes", S::Process, U::Bytes, "resident memory of this process"),
        r("process_threads", S::Process, U::Count, "threads of this process"),
        r("process_open_fds", S::Process, U::Count, "open file descriptors of this process"),
        r("machine_cpu_percent", S::Machine, U::Percent, "CPU use of the machine (100 = all cores)"),
        r("machine_memory_used_bytes", S::Machine, U::Bytes,
          "memory in use on the machine (total - available)"),
        r("machine_memory_available_bytes", S::Machine, U::Bytes, "memory available on the machine"),
    };
}

std::optional<double> percentile(const HistogramCounts &h, double q, double unit)
{
    const auto v = h.quantile(q);
    return v ? std::optional<double>(*v / unit) : std::nullopt;
}

} // namespace

const QList<SeriesInfo> &seriesCatalog()
{
    static const QList<SeriesInfo> catalog = makeCatalog();
    return catalog;
}

std::optional<SeriesInfo> seriesInfo(const QString &name)
{
    for (const SeriesInfo &s : seriesCatalog()) {
        if (s.name == name)
            return s;
    }
    if (name.startsWith(QLatin1String("training_")) && name.size() > 9)
        return SeriesInfo{name, SeriesScope::Training, SeriesUnit::Count, SeriesKind::Gauge,
                          QStringLiteral("training step metric")};
    return std::nullopt;
}

QString unitName(SeriesUnit unit)
{
    switch (unit) {
    case SeriesUnit::Seconds:
        return QStringLiteral("seconds");
    case SeriesUnit::PerSecond:
        return QStringLiteral("per_second");
    case SeriesUnit::Percent:
        return QStringLiteral("percent");
    case SeriesUnit::Bytes:
        return QStringLiteral("bytes");
    case SeriesUnit::Count:
        return QStringLiteral("count");
    }
    return QStringLiteral("count");
}

std::optional<double> trafficValue(const QString &name, const TrafficCounts &c, double seconds)
{
    const double us = latencyBucketsUs().perExposedUnit;
    const uint64_t requests = c.requestCount();
    if (name == QLatin1String("requests_per_second"))
        return seconds > 0 ? double(requests) / seconds : 0.0;
    if (name == QLatin1String("errors_per_second"))
        return seconds > 0 ? double(c.errorCount()) / seconds : 0.0;
    if (name == QLatin1String("error_rate_percent"))
        return requests > 0 ? std::optional<double>(double(c.errorCount()) * 100.0 / double(requests))
                            : std::nullopt;
    if (name == QLatin1String("latency_p50"))
        return percentile(c.total, 0.50, us);
    if (name == QLatin1String("latency_p95"))
        return percentile(c.total, 0.95, us);
    if (name == QLatin1String("latency_p99"))
        return percentile(c.total, 0.99, us);
    if (name == QLatin1String("latency_mean")) {
        const auto m = c.total.mean();
        return m ? std::optional<double>(*m / us) : std::nullopt;
    }
    if (name == QLatin1String("queue_p50"))
        return percentile(c.queue, 0.50, us);
    if (name == QLatin1String("queue_p99"))
        return percentile(c.queue, 0.99, us);
    if (name == QLatin1String("compute_p50"))
        return percentile(c.compute, 0.50, us);
    if (name == QLatin1String("compute_p99"))
        return percentile(c.compute, 0.99, us);
    if (name == QLatin1String("batch_size_mean"))
        return c.batch.mean();
    if (name == QLatin1String("batch_size_p99"))
        return percentile(c.batch, 0.99, 1.0);
    return std::nullopt;
}

} // namespace ModelDesk::Monitoring
