#include "trafficcounts.h"

#include <QDataStream>
#include <QIODevice>
#include <numeric>

namespace ModelDesk::Monitoring {

namespace {
constexpr quint8 kEncodingVersion = 1;
}

uint64_t TrafficCounts::requestCount() const
{
    return std::accumulate(requests.begin(), requests.end(), uint64_t(0));
}

uint64_t TrafficCounts::errorCount() const
{
    return requestCount() - count(Outcome::Success);
}

TrafficCounts &TrafficCounts::operator+=(const TrafficCounts &other)
{
    for (size_t i = 0; i < requests.size(); ++i)
        requests[i] += other.requests[i];
    total += other.total;
    queue += other.queue;
    compute += other.compute;
    batch += other.batch;
    return *this;
}

TrafficCounts TrafficCounts::since(const TrafficCounts &earlier) const
{
    TrafficCounts d;
    for (size_t i = 0; i < requests.size(); ++i)
        d.requests[i] = requests[i] >= earlier.requests[i] ? requests[i] - earlier.requests[i] : requests[i];
    d.total = total.since(earlier.total);
    d.queue = queue.since(earlier.queue);
    d.compute = compute.since(earlier.compute);
    d.batch = batch.since(earlier.batch);
    return d;
}

QByteArray TrafficCounts::encode() const
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kEncodingVersion << quint8(requests.size());
    for (uint64_t r : requests)
        s << quint64(r);
    s << total.encode() << queue.encode() << compute.encode() << batch.encode();
    return bytes;
}

std::optional<TrafficCounts> TrafficCounts::decode(const QByteArray &bytes)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0, outcomes = 0;
    s >> version >> outcomes;
    if (s.status() != QDataStream::Ok || version != kEncodingVersion || outcomes != outcomeCount)
        return std::nullopt;
    TrafficCounts t;
    for (auto &r : t.requests) {
        quint64 v = 0;
        s >> v;
        r = v;
    }
    QByteArray h[4];
    s >> h[0] >> h[1] >> h[2] >> h[3];
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    auto total = HistogramCounts::decode(latencyBucketsUs().bounds, h[0]);
    auto queue = HistogramCounts::decode(latencyBucketsUs().bounds, h[1]);
    auto compute = HistogramCounts::decode(latencyBucketsUs().bounds, h[2]);
    auto batch = HistogramCounts::decode(batchSizeBuckets().bounds, h[3]);
    if (!total || !queue || !compute || !batch)
        return std::nullopt;
    t.total = std::move(*total);
    t.queue = std::move(*queue);
    t.compute = std::move(*compute);
    t.batch = std::move(*batch);
    return t;
}

} // namespace ModelDesk::Monitoring
