#pragma once
// HistoryStore: the persisted part of the metrics history in metrics.sqlite — 1 min points kept
// 7 days, 1 h points kept 90 days (by default), each with min/max/mean/value, plus the traffic
// counts (requests by outcome and histogram buckets) of every minute and hour per deployment
// version, from which percentiles, rates and error rates are recomputed at any resolution.
//
// Threads: the thread of its MetricsDatabase. Errors: Io/Corrupt from the database.

#include "metricsdatabase.h"
#include "monitoringtypes.h"
#include "trafficcounts.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ModelDesk::Monitoring {

struct PointRow
{
    SeriesKey key;
    HistoryPoint point;
};

struct TrafficRow
{
    QString deployment;
    int version = 0;
    int64_t t = 0;
    double seconds = 0; // sampled seconds the counts cover (for rates)
    TrafficCounts counts;
};

struct Retention
{
    int64_t minuteSeconds = 7 * 86400; // keep 1 min rows this long
    int64_t hourSeconds = 90 * 86400;  // keep 1 h rows this long
    int64_t eventSeconds = 90 * 86400; // alert events
};

class HistoryStore final
{
public:
    explicit HistoryStore(MetricsDatabase &db);

    // Writes the rows of the minute starting at `minute` (replacing any there) and recomputes the
    // hour it belongs to from all of that hour's minute rows, in one transaction.
    Status writeMinute(int64_t minute, const QList<PointRow> &points, const QList<TrafficRow> &traffic);
    // Deletes rows older than the retention (relative to nowSeconds), forgets series with no row
    // left, and gives freed pages back to the file system.
    Status prune(int64_t nowSeconds, const Retention &retention);

    // Points of a series at Minute or Hour resolution with from <= t < to, oldest first.
    Result<QList<HistoryPoint>> points(const SeriesKey &key, Resolution resolution, int64_t from, int64_t to);
    // Every series that has rows (sorted).
    Result<QList<SeriesKey>> seriesKeys();
    // The traffic of each deployment version over [from, to) summed from rows at `resolution`,
    // with the seconds they cover. Keyed by (deployment, version).
    Result<QList<TrafficRow>> trafficTotals(Resolution resolution, int64_t from, int64_t to,
                                            const QString &deployment = {});
    // Number of rows at a resolution (for tests and `doctor`-style checks).
    Result<int64_t> rowCount(Resolution resolution);

private:
    Result<int64_t> seriesId(const SeriesKey &key);
    Status rollupHour(int64_t hour);

    MetricsDatabase &m_db;
    QHash<SeriesKey, int64_t> m_ids;
};

} // namespace ModelDesk::Monitoring
