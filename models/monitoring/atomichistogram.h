#pragma once
// AtomicHistogram: a fixed-bucket histogram whose observe() is lock-free (one relaxed fetch_add on
// the bucket, one on the sum), for the per-request hot path. prometheus::Histogram takes a
// std::mutex in Observe(), which is what a request path must not wait on; its exposition is done
// by MetricsRegistry through prometheus-cpp's data model, so the text format is still theirs.
//
// HistogramCounts is a plain snapshot (non-cumulative counts per bucket, last = +Inf) used for
// percentiles, per-second and per-minute deltas and the persisted history.
//
// Threads: observe() and snapshot() from any thread. A snapshot taken during observes is not an
// atomic cut (a bucket may already count a value the sum does not yet have); percentiles only use
// the buckets, so they are always self-consistent.

#include <QByteArray>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ModelDesk::Monitoring {

// Upper bounds (inclusive, Prometheus `le`) in integer base units, ascending; +Inf is implicit.
struct BucketLayout
{
    std::span<const int64_t> bounds;
    // Base units per exposed unit: divide a bound or a sum by this for /metrics (µs -> s: 1e6).
    // A division, not a multiplication by 1e-6, so 75 µs prints as 7.5e-05 and not 7.499999999999999e-05.
    double perExposedUnit = 1.0;
};

// 43 latency buckets in microseconds, from 25 µs to 60 s, about 1.25-1.5x apart below 10 ms, so
// the p99 of a sub-millisecond model is interpolated inside a 25-150 µs wide bucket.
const BucketLayout &latencyBucketsUs();
// Batch sizes 1, 2, 3, 4, 6, 8, 12, ... 1024.
const BucketLayout &batchSizeBuckets();

struct HistogramCounts
{
    std::span<const int64_t> bounds; // the layout's bounds (static storage)
    std::vector<uint64_t> counts;    // bounds.size() + 1 entries, per bucket (not cumulative)
    uint64_t sum = 0;                // sum of observed values, base units

    explicit HistogramCounts(std::span<const int64_t> b = {}) : bounds(b), counts(b.size() + 1, 0) {}

    uint64_t count() const;
    bool isEmpty() const { return count() == 0; }
    // The q-quantile (0 < q <= 1) in base units, as Prometheus' histogram_quantile computes it: find
    // the bucket holding rank q*count and interpolate linearly inside it (from 0 for the first
    // bucket); a rank in the +Inf bucket answers the highest finite bound. nullopt when empty.
    std::optional<double> quantile(double q) const;
    std::optional<double> mean() const;

    HistogramCounts &operator+=(const HistogramCounts &other); // same layout
    // this - earlier (counts are monotonic; a value below earlier's means a reset and gives this).
    HistogramCounts since(const HistogramCounts &earlier) const;

    // Compact persisted form: only non-empty buckets (index, count) and the sum.
    QByteArray encode() const;
    static std::optional<HistogramCounts> decode(std::span<const int64_t> bounds, const QByteArray &bytes);

    friend bool operator==(const HistogramCounts &a, const HistogramCounts &b)
    {
        return a.counts == b.counts && a.sum == b.sum;
    }
};

class AtomicHistogram final
{
public:
    explicit AtomicHistogram(const BucketLayout &layout);
    AtomicHistogram(const AtomicHistogram &) = delete;
    AtomicHistogram &operator=(const AtomicHistogram &) = delete;

    void observe(int64_t value) noexcept
    {
        const int64_t *b = m_bounds.data();
        // Branch-light binary search for the first bound >= value (le semantics).
        size_t lo = 0, n = m_bounds.size();
        while (n > 0) {
            const size_t half = n / 2;
            if (b[lo + half] < value) {
                lo += half + 1;
                n -= half + 1;
            } else {
                n = half;
            }
        }
        m_counts[lo].fetch_add(1, std::memory_order_relaxed);
        m_sum.fetch_add(value > 0 ? uint64_t(value) : 0, std::memory_order_relaxed);
    }

    HistogramCounts snapshot() const;
    const BucketLayout &layout() const { return m_layout; }

private:
    const BucketLayout &m_layout;
    const std::span<const int64_t> m_bounds;
    std::unique_ptr<std::atomic<uint64_t>[]> m_counts;
    std::atomic<uint64_t> m_sum{0};
};

} // namespace ModelDesk::Monitoring
