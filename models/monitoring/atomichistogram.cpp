#include "atomichistogram.h"

#include <QDataStream>
#include <QIODevice>
#include <array>
#include <numeric>

namespace ModelDesk::Monitoring {

namespace {

constexpr std::array<int64_t, 43> kLatencyUs{
    25,     50,     75,     100,    125,     150,     200,     250,      300,      400,     500,
    600,    750,    1000,   1250,   1500,    2000,    2500,    3000,     4000,     5000,    6000,
    7500,   10000,  15000,  20000,  25000,   30000,   40000,   50000,    75000,    100000,  150000,
    200000, 300000, 500000, 750000, 1000000, 2000000, 5000000, 10000000, 30000000, 60000000};

constexpr std::array<int64_t, 18> kBatch{1,  2,  3,  4,  6,   8,   12,  16,  24,
                                         32, 48, 64, 96, 128, 192, 256, 512, 1024};

constexpr quint8 kEncodingVersion = 1;

} // namespace

const BucketLayout &latencyBucketsUs()
{
    static const BucketLayout layout{std::span<const int64_t>(kLatencyUs), 1e6};
    return layout;
}

const BucketLayout &batchSizeBuckets()
{
    static const BucketLayout layout{std::span<const int64_t>(kBatch), 1.0};
    return layout;
}

// ---- HistogramCounts -----------------------------------------------------------------------------

uint64_t HistogramCounts::count() const
{
    return std::accumulate(counts.begin(), counts.end(), uint64_t(0));
}

std::optional<double> HistogramCounts::quantile(double q) const
{
    const uint64_t total = count();
    if (total == 0 || bounds.empty() || !(q > 0) || q > 1)
        return std::nullopt;
    const double rank = q * double(total);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        const uint64_t before = cumulative;
        cumulative += counts[i];
        if (double(cumulative) < rank || counts[i] == 0)
            continue;
        if (i == bounds.size()) // +Inf bucket: nothing to interpolate towards
            return double(bounds.back());
        const double upper = double(bounds[i]);
        const double lower = i == 0 ? std::min(0.0, upper) : double(bounds[i - 1]);
        return lower + (upper - lower) * ((rank - double(before)) / double(counts[i]));
    }
    return double(bounds.back());
}

std::optional<double> HistogramCounts::mean() const
{
    const uint64_t total = count();
    if (total == 0)
        return std::nullopt;
    return double(sum) / double(total);
}

HistogramCounts &HistogramCounts::operator+=(const HistogramCounts &other)
{
    if (counts.size() < other.counts.size()) {
        bounds = other.bounds;
        counts.resize(other.counts.size(), 0);
    }
    for (size_t i = 0; i < other.counts.size(); ++i)
        counts[i] += other.counts[i];
    sum += other.sum;
    return *this;
}

HistogramCounts HistogramCounts::since(const HistogramCounts &earlier) const
{
    HistogramCounts d(bounds);
    if (earlier.counts.size() != counts.size())
        return *this;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] < earlier.counts[i])
            return *this; // reset (a new process or a new cell): everything is new
        d.counts[i] = counts[i] - earlier.counts[i];
    }
    d.sum = sum >= earlier.sum ? sum - earlier.sum : sum;
    return d;
}

QByteArray HistogramCounts::encode() const
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    quint16 nonEmpty = 0;
    for (uint64_t c : counts)
        nonEmpty += c != 0;
    s << kEncodingVersion << quint16(counts.size()) << nonEmpty;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] != 0)
            s << quint16(i) << quint64(counts[i]);
    }
    s << quint64(sum);
    return bytes;
}

std::optional<HistogramCounts> HistogramCounts::decode(std::span<const int64_t> bounds,
                                                       const QByteArray &bytes)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    quint16 size = 0, nonEmpty = 0;
    s >> version >> size >> nonEmpty;
    if (s.status() != QDataStream::Ok || version != kEncodingVersion || size != bounds.size() + 1)
        return std::nullopt;
    HistogramCounts h(bounds);
    for (int i = 0; i < nonEmpty; ++i) {
        quint16 index = 0;
        quint64 count = 0;
        s >> index >> count;
        if (s.status() != QDataStream::Ok || index >= size)
            return std::nullopt;
        h.counts[index] = count;
    }
    quint64 sum = 0;
    s >> sum;
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    h.sum = sum;
    return h;
}

// ---- AtomicHistogram ------------------------------------------------------------------------------

AtomicHistogram::AtomicHistogram(const BucketLayout &layout)
    : m_layout(layout), m_bounds(layout.bounds),
      m_counts(std::make_unique<std::atomic<uint64_t>[]>(layout.bounds.size() + 1))
{
    for (size_t i = 0; i <= m_bounds.size(); ++i)
        m_counts[i].store(0, std::memory_order_relaxed);
}

HistogramCounts AtomicHistogram::snapshot() const
{
    HistogramCounts h(m_bounds);
    for (size_t i = 0; i <= m_bounds.size(); ++i)
        h.counts[i] = m_counts[i].load(std::memory_order_relaxed);
    h.sum = m_sum.load(std::memory_order_relaxed);
    return h;
}

} // namespace ModelDesk::Monitoring
