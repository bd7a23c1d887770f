#pragma once
// The catalogue of history series: their names (as the CLI, the alert rules and the charts spell
// them), units, scope, and how each is derived from what MetricsRegistry holds.
//
// Two kinds:
//  - Gauge: a value sampled once a second (queue depth, RSS, CPU %, a training loss); downsampled
//    points carry min/max/mean of the 1 s values and value = mean.
//  - Traffic: derived from a deployment version's TrafficCounts over an interval (rates, error rate,
//    latency and batch percentiles and means). Every resolution recomputes the value from the
//    interval's summed counts and buckets; min/max/mean still describe the 1 s values.

#include "monitoringtypes.h"
#include "trafficcounts.h"

#include <QList>
#include <QString>
#include <optional>

namespace ModelDesk::Monitoring {

enum class SeriesScope
{
    Deployment,
    Process,
    Machine,
    Training
};
enum class SeriesUnit
{
    Seconds,
    PerSecond,
    Percent,
    Bytes,
    Count
};
enum class SeriesKind
{
    Gauge,
    Traffic
};

struct SeriesInfo
{
    QString name;
    SeriesScope scope = SeriesScope::Deployment;
    SeriesUnit unit = SeriesUnit::Count;
    SeriesKind kind = SeriesKind::Gauge;
    QString description;
};

// Every fixed series, deployment ones first. Training series are "training_<metric>" (a Gauge of
// unit Count) and are not listed.
const QList<SeriesInfo> &seriesCatalog();
// The catalogue entry, or for "training_<metric>" a made-up Training entry; nullopt if unknown.
std::optional<SeriesInfo> seriesInfo(const QString &name);
QString unitName(SeriesUnit unit); // "seconds", "per_second", "percent", "bytes", "count"

// A Traffic series' value over an interval of `seconds` seconds; nullopt when it is undefined
// (a percentile or error rate with no request). Latencies are in seconds.
std::optional<double> trafficValue(const QString &name, const TrafficCounts &counts, double seconds);

} // namespace ModelDesk::Monitoring
