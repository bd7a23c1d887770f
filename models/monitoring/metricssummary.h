#pragma once
// MetricsSummary: one window of the persisted history boiled down to what an operator asks first —
// per deployment version: requests, rate, error rate, latency percentiles (recomputed from the
// window's summed histogram buckets), queue and compute p99, mean batch; per gauge series (process,
// machine, queue depth, ...): min/max/mean. What `modeldesk-cli metrics` prints.
//
// Threads: the store's thread. Errors: the store's.

#include "historystore.h"
#include "monitoringtypes.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace ModelDesk::Monitoring {

struct DeploymentSummary
{
    QString deployment;
    int version = 0;
    TrafficCounts traffic;
    double seconds = 0; // sampled seconds in the window
    double requestsPerSecond = 0;
    std::optional<double> errorRatePercent;
    std::optional<double> latencyP50, latencyP95, latencyP99, latencyMean; // seconds
    std::optional<double> queueP99, computeP99;                            // seconds
    std::optional<double> batchSizeMean;

    QJsonObject toJson() const;
};

struct GaugeSummary
{
    SeriesKey key;
    HistoryPoint aggregate; // t = first point, min/max, mean (weighted), samples

    QJsonObject toJson() const;
};

struct WindowSummary
{
    int64_t from = 0;
    int64_t to = 0;
    Resolution resolution = Resolution::Minute;
    QList<DeploymentSummary> deployments;
    QList<GaugeSummary> gauges;

    QJsonObject toJson() const;
};

// Minute rows for windows up to the minute retention, hour rows beyond (the caller may force one).
Resolution resolutionForWindow(int64_t windowSeconds, const Retention &retention = {});

// deployment empty = all; process and machine gauges are included either way.
Result<WindowSummary> summarizeWindow(HistoryStore &store, int64_t from, int64_t to, Resolution resolution,
                                      const QString &deployment = {});

} // namespace ModelDesk::Monitoring
