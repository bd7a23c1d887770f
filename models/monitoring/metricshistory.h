#pragma once
// MetricsHistory: turns the once-a-second state of the MetricsRegistry into time series.
//  - In memory: the 1 s points of the last hour of every series (a ring per series), for the live
//    charts and alert evaluation.
//  - Persisted through a HistoryStore (optional; without one the history is memory-only): when a
//    minute is complete its min/max/mean per series and its traffic counts are written, and the
//    hour's row is recomputed; retention is pruned once an hour.
// Time comes from the injected Clock, so tests can run days in milliseconds.
//
// Threads: ingest(), flush() and query() at Minute/Hour resolution run on the owner thread (the
// store's thread, MonitoringService's worker). keys(), recent() and latest() may be called from any
// thread (a mutex held for a copy of one series at most).

#include "deploymentmetrics.h"
#include "historystore.h"
#include "metricsregistry.h"
#include "monitoringtypes.h"
#include "resourcesampler.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <memory>
#include <optional>

namespace ModelDesk::Monitoring {

// One second's worth of input: the registry's cumulative state.
struct MetricsInput
{
    QList<DeploymentSnapshot> deployments;
    std::optional<ResourceSample> resources;
    QList<TrainingValue> training;

    static MetricsInput from(const MetricsRegistry &registry);
};

struct HistoryOptions
{
    int ringSeconds = 3600;
    Retention retention;
};

class MetricsHistory final
{
public:
    // store may be null (memory only); it must outlive the history.
    MetricsHistory(Clock clock, HistoryStore *store, HistoryOptions options = {});
    ~MetricsHistory();
    MetricsHistory(const MetricsHistory &) = delete;
    MetricsHistory &operator=(const MetricsHistory &) = delete;

    // Records the state at clock() as the 1 s points of that second (a second already recorded is
    // skipped) and returns them. Rates and deltas are taken against the previous call. When the
    // second starts a new minute, the finished minute is persisted first.
    QList<SeriesSample> ingest(const MetricsInput &input);
    // Persists the open (partial) minute now, e.g. at shutdown.
    Status flush();
    // The last persistence error (empty when the last write worked); the history keeps going in
    // memory when the disk fails.
    QString lastError() const;

    QList<SeriesKey> keys() const;
    // 1 s points with t >= fromSecond, oldest first (at most the last ringSeconds).
    QList<HistoryPoint> recent(const SeriesKey &key, int64_t fromSecond = 0) const;
    // The newest point of every series.
    QHash<SeriesKey, HistoryPoint> latest() const;

    // Points of [from, to): Second from memory, Minute/Hour from the store (empty without one).
    Result<QList<HistoryPoint>> query(const SeriesKey &key, Resolution resolution, int64_t from,
                                      int64_t to) const;

    HistoryStore *store() const { return m_store; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    HistoryStore *m_store;
};

} // namespace ModelDesk::Monitoring
