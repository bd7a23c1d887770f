// Percentiles from histogram buckets (Prometheus histogram_quantile semantics) against latencies
// whose true quantiles are known, and the lock-free histogram under concurrent writers.

#include "monitoring/atomichistogram.h"
#include "monitoring/deploymentmetrics.h"
#include "monitoring/trafficcounts.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

using namespace ModelDesk::Monitoring;

class tst_HistogramPercentiles : public QObject
{
    Q_OBJECT

    static HistogramCounts fill(const std::vector<int64_t> &values)
    {
        AtomicHistogram h(latencyBucketsUs());
        for (int64_t v : values)
            h.observe(v);
        return h.snapshot();
    }

private Q_SLOTS:
    void emptyHasNoPercentile()
    {
        const HistogramCounts h = fill({});
        QVERIFY(!h.quantile(0.5).has_value());
        QVERIFY(!h.mean().has_value());
    }

    void singleBucketInterpolates()
    {
        // 100 requests of 110 us all land in (100, 125]: histogram_quantile interpolates linearly.
        const HistogramCounts h = fill(std::vector<int64_t>(100, 110));
        QCOMPARE(h.count(), uint64_t(100));
        QCOMPARE(*h.quantile(0.50), 112.5);
        QCOMPARE(*h.quantile(0.99), 124.75);
        QCOMPARE(*h.mean(), 110.0);
    }

    void uniformLatenciesAreExact()
    {
        // 1..1000 us once each: uniform inside every bucket, so interpolation is exact.
        std::vector<int64_t> values;
        for (int v = 1; v <= 1000; ++v)
            values.push_back(v);
        const HistogramCounts h = fill(values);
        QCOMPARE(*h.quantile(0.50), 500.0);
        QCOMPARE(*h.quantile(0.95), 950.0);
        QCOMPARE(*h.quantile(0.99), 990.0);
        QCOMPARE(*h.mean(), 500.5);
    }

    void bimodal()
    {
        // 90 fast (50 us) and 10 slow (5 ms): p50 inside (25, 50], p99 inside (4000, 5000].
        std::vector<int64_t> values(90, 50);
        values.insert(values.end(), 10, 5000);
        const HistogramCounts h = fill(values);
        QVERIFY(std::abs(*h.quantile(0.50) - (25 + 25 * 50.0 / 90)) < 1e-9);
        QCOMPARE(*h.quantile(0.99), 4900.0);
        QCOMPARE(*h.quantile(0.90), 50.0); // rank 90 ends exactly at the top of the fast bucket
    }

    void overflowAnswersHighestBound()
    {
        const HistogramCounts h = fill({120'000'000, 200'000'000});
        QCOMPARE(*h.quantile(0.5), 60'000'000.0);
        QCOMPARE(h.counts.back(), uint64_t(2));
    }

    void boundaryValueBelongsToItsBucket()
    {
        // le semantics: exactly 25 us is in the first bucket, 26 us in the second.
        const HistogramCounts h = fill({25, 26});
        QCOMPARE(h.counts[0], uint64_t(1));
        QCOMPARE(h.counts[1], uint64_t(1));
    }

    void randomLatenciesStayInTheTrueBucket()
    {
        // Log-normal latencies around 300 us: the estimate must lie in the bucket holding the exact
        // quantile (the best any bucketed estimate can promise), and within 15 % of it.
        QRandomGenerator rng(42);
        std::vector<int64_t> values;
        for (int i = 0; i < 20000; ++i) {
            const double u1 = std::max(1e-12, rng.generateDouble()), u2 = rng.generateDouble();
            const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
            values.push_back(int64_t(std::exp(std::log(300.0) + 0.6 * normal)));
        }
        const HistogramCounts h = fill(values);
        std::sort(values.begin(), values.end());
        const auto bounds = latencyBucketsUs().bounds;
        for (double q : {0.5, 0.9, 0.95, 0.99}) {
            const double exact = double(values[size_t(std::ceil(q * values.size())) - 1]);
            const double estimate = *h.quantile(q);
            const auto upper = std::lower_bound(bounds.begin(), bounds.end(), int64_t(exact));
            const double hi = double(*upper);
            const double lo = upper == bounds.begin() ? 0.0 : double(*(upper - 1));
            QVERIFY2(estimate >= lo && estimate <= hi,
                     qPrintable(QStringLiteral("q=%1 exact=%2 estimate=%3 bucket=(%4,%5]")
                                    .arg(q)
                                    .arg(exact)
                                    .arg(estimate)
                                    .arg(lo)
                                    .arg(hi)));
            QVERIFY2(std::abs(estimate - exact) / exact < 0.15,
                     qPrintable(QStringLiteral("q=%1 exact=%2 estimate=%3").arg(q).arg(exact).arg(estimate)));
        }
    }

    void deltasAndSums()
    {
        AtomicHistogram h(latencyBucketsUs());
        h.observe(100);
        const HistogramCounts first = h.snapshot();
        h.observe(1000);
        h.observe(1000);
        const HistogramCounts delta = h.snapshot().since(first);
        QCOMPARE(delta.count(), uint64_t(2));
        QCOMPARE(delta.sum, uint64_t(2000));
        QCOMPARE(*delta.quantile(1.0), 1000.0);
        HistogramCounts total = first;
        total += delta;
        QCOMPARE(total, h.snapshot());
        // A counter that went backwards is a reset: the newer snapshot counts whole.
        QCOMPARE(first.since(h.snapshot()), first);
    }

    void encodeRoundTrip()
    {
        AtomicHistogram h(latencyBucketsUs());
        for (int64_t v : {30, 30, 700, 9000, 70'000'000})
            h.observe(v);
        const HistogramCounts s = h.snapshot();
        const auto back = HistogramCounts::decode(latencyBucketsUs().bounds, s.encode());
        QVERIFY(back.has_value());
        QCOMPARE(*back, s);
        QVERIFY(!HistogramCounts::decode(batchSizeBuckets().bounds, s.encode()).has_value());
        QVERIFY(!HistogramCounts::decode(latencyBucketsUs().bounds, QByteArray("garbage")).has_value());

        TrafficCounts t;
        t.requests = {5, 1, 2, 3, 4};
        t.total = s;
        t.batch.counts[3] = 7;
        const auto tb = TrafficCounts::decode(t.encode());
        QVERIFY(tb.has_value());
        QCOMPARE(*tb, t);
    }

    void concurrentWritersLoseNothing()
    {
        AtomicHistogram h(latencyBucketsUs());
        constexpr int perThread = 200000;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&h, t] {
                for (int i = 0; i < perThread; ++i)
                    h.observe(25 * (1 + (i + t) % 40));
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(h.snapshot().count(), uint64_t(4 * perThread));
    }

    void deploymentRecordingRules()
    {
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        m.recordRequest(Outcome::Success, 100, 200, 400, 4);
        m.recordRequest(Outcome::ClientError, 0, 0, 5, 0); // refused before the queue
        m.recordRequest(Outcome::Rejected, 0, 0, 3, 0);
        m.recordRequest(Outcome::Timeout, 30'000'000, 0, 30'000'100, 0);
        m.recordRequest(Outcome::ServerError, 10, 20, 40, 1);
        const DeploymentSnapshot s = m.snapshot();
        QCOMPARE(s.traffic.requestCount(), uint64_t(5));
        QCOMPARE(s.traffic.errorCount(), uint64_t(4));
        // Fast refusals stay out of the latency percentiles; timeouts and server errors are in.
        QCOMPARE(s.traffic.total.count(), uint64_t(3));
        QCOMPARE(s.traffic.queue.count(), uint64_t(2));
        QCOMPARE(s.traffic.batch.count(), uint64_t(2));
        QCOMPARE(*s.traffic.batch.mean(), 2.5);
    }
};

QTEST_GUILESS_MAIN(tst_HistogramPercentiles)
#include "tst_histogrampercentiles.moc"
