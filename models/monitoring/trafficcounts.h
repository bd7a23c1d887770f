#pragma once
// TrafficCounts: what one deployment version served in an interval — requests by outcome and the
// four histograms (total, queue and compute latency in µs, batch size). It is the unit the history
// sums: a second is a delta of the live counters, a minute or an hour the sum of its seconds or
// minutes, and every derived value (rates, error rate, percentiles, means) is recomputed from it, so
// downsampled percentiles come from summed buckets, not from averaged percentiles.
// Plain value type.

#include "atomichistogram.h"
#include "monitoringtypes.h"

#include <QByteArray>
#include <array>
#include <optional>

namespace ModelDesk::Monitoring {

struct TrafficCounts
{
    std::array<uint64_t, outcomeCount> requests{};
    HistogramCounts total{latencyBucketsUs().bounds}; // success, server_error, timeout
    HistogramCounts queue{latencyBucketsUs().bounds}; // requests that were batched
    HistogramCounts compute{latencyBucketsUs().bounds};
    HistogramCounts batch{batchSizeBuckets().bounds};

    uint64_t requestCount() const;
    uint64_t errorCount() const; // every outcome but success
    uint64_t count(Outcome o) const { return requests[size_t(o)]; }
    bool isEmpty() const { return requestCount() == 0; }

    TrafficCounts &operator+=(const TrafficCounts &other);
    // this - earlier, per counter (a counter that went backwards is taken whole: a reset).
    TrafficCounts since(const TrafficCounts &earlier) const;

    QByteArray encode() const;
    static std::optional<TrafficCounts> decode(const QByteArray &bytes);

    friend bool operator==(const TrafficCounts &, const TrafficCounts &) = default;
};

} // namespace ModelDesk::Monitoring
