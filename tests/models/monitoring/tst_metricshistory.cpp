// History with a fake clock: 1 s points, minute and hour downsampling (min/max/mean, percentiles
// recomputed from summed buckets), retention, surviving a reopen, CSV export.

#include "monitoring/metricsdatabase.h"
#include "monitoring/metricshistory.h"
#include "monitoring/metricssummary.h"
#include "monitoring/monitoringformat.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

namespace {

constexpr int64_t kT0 = 1'800'000'000; // a whole hour (and minute) in seconds since the epoch
constexpr int64_t kDay = 86400;

SeriesKey dep(const char *name)
{
    return SeriesKey{QString::fromLatin1(name), QStringLiteral("iris"), 3, {}};
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class tst_MetricsHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int64_t m_nowMs = 0;
    Clock m_clock = [this] { return m_nowMs; };

    std::unique_ptr<MetricsDatabase> openDb(const QString &file)
    {
        auto db = MetricsDatabase::open(m_dir.filePath(file));
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        return std::move(*db);
    }

    // One second of traffic: `n` successful requests of `latencyUs` each, queue depth `depth`.
    static void traffic(DeploymentMetrics &m, int n, int64_t latencyUs, int depth)
    {
        for (int i = 0; i < n; ++i)
            m.recordRequest(Outcome::Success, 10, latencyUs / 2, latencyUs, 2);
        m.setQueueDepth(depth);
    }

    static MetricsInput input(const DeploymentMetrics &m, int64_t rss = 0)
    {
        MetricsInput in;
        in.deployments << m.snapshot();
        if (rss > 0) {
            ResourceSample r;
            r.residentBytes = rss;
            r.processCpuPercent = 50;
            in.resources = r;
        }
        return in;
    }

    // Feeds one minute starting at `minute`: 59 s of fast traffic and one slow second.
    void feedMinute(MetricsHistory &h, DeploymentMetrics &m, int64_t minute, bool slowSecond)
    {
        for (int s = 0; s < 60; ++s) {
            m_nowMs = (minute + s) * 1000 + 5;
            const bool slow = slowSecond && s == 30;
            traffic(m, 100, slow ? 10'000 : 100, s);
            h.ingest(input(m, (100 + s) * 1'000'000));
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void oneSecondPoints()
    {
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        MetricsHistory h(m_clock, nullptr);
        m_nowMs = kT0 * 1000;
        traffic(m, 10, 100, 4);
        QVERIFY(!h.ingest(input(m, 5'000'000)).isEmpty());
        QVERIFY(h.ingest(input(m)).isEmpty()); // the same second again is skipped

        m_nowMs += 2000; // two seconds later: the rate is per second of the real interval
        traffic(m, 20, 1000, 7);
        m.recordRequest(Outcome::ServerError, 10, 500, 1000, 1);
        h.ingest(input(m));
        const auto rate = h.recent(dep("requests_per_second"));
        QCOMPARE(rate.size(), 2);
        QCOMPARE(rate[0].t, kT0);
        QCOMPARE(rate[0].value, 10.0);
        QCOMPARE(rate[1].t, kT0 + 2);
        QCOMPARE(rate[1].value, 10.5);
        QVERIFY(near(h.recent(dep("error_rate_percent")).last().value, 100.0 / 21));
        QCOMPARE(h.recent(dep("queue_depth")).last().value, 7.0);
        // 21 requests in (750, 1000] us: p50 = 750 + 250 * 10.5/21 us.
        QVERIFY(near(h.recent(dep("latency_p50")).last().value, 875e-6));
        QCOMPARE(h.recent(SeriesKey{QStringLiteral("process_rss_bytes"), {}, 0, {}}).size(), 1);
        QVERIFY(h.keys().contains(dep("latency_p99")));
        QCOMPARE(h.latest().value(dep("in_flight")).value, 0.0);
        QCOMPARE(h.recent(dep("requests_per_second"), kT0 + 1).size(), 1);
    }

    void quietSecondsHaveNoPercentile()
    {
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        MetricsHistory h(m_clock, nullptr);
        m_nowMs = kT0 * 1000;
        h.ingest(input(m));
        QCOMPARE(h.recent(dep("requests_per_second")).size(), 1);
        QCOMPARE(h.recent(dep("requests_per_second")).first().value, 0.0);
        QVERIFY(h.recent(dep("latency_p99")).isEmpty());
        QVERIFY(h.recent(dep("error_rate_percent")).isEmpty());
    }

    void ringIsBounded()
    {
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        HistoryOptions options;
        options.ringSeconds = 100;
        MetricsHistory h(m_clock, nullptr, options);
        for (int s = 0; s < 250; ++s) {
            m_nowMs = (kT0 + s) * 1000;
            h.ingest(input(m));
        }
        const auto points = h.recent(dep("queue_depth"));
        QCOMPARE(points.size(), 100);
        QCOMPARE(points.first().t, kT0 + 150);
        QCOMPARE(points.last().t, kT0 + 249);
    }

    void minuteAndHourDownsampling()
    {
        auto db = openDb(QStringLiteral("downsample.sqlite"));
        HistoryStore store(*db);
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        MetricsHistory h(m_clock, &store);
        feedMinute(h, m, kT0, true);
        QVERIFY(
            store.points(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600)->isEmpty()); // still open
        feedMinute(h, m, kT0 + 60, false); // its first second closes the first minute
        QCOMPARE(h.lastError(), QString());

        auto minute = store.points(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600);
        QVERIFY(minute.has_value());
        QCOMPARE(minute->size(), 1);
        const HistoryPoint p = minute->first();
        QCOMPARE(p.t, kT0);
        QCOMPARE(p.samples, 60);
        // 5900 requests at 100 us and 100 at 10 ms: the minute's p99 is recomputed from the summed
        // buckets (rank 5940 is 40 into the slow (7.5, 10] ms bucket), not averaged.
        QVERIFY2(near(p.value, 8.5e-3), qPrintable(QString::number(p.value)));
        QVERIFY(near(p.min, 99.75e-6));
        QVERIFY(near(p.max, 9.975e-3));
        QVERIFY(near(p.mean, (59 * 99.75e-6 + 9.975e-3) / 60));

        const auto depth = store.points(dep("queue_depth"), Resolution::Minute, kT0, kT0 + 60);
        QVERIFY(depth.has_value() && depth->size() == 1);
        QCOMPARE(depth->first().min, 0.0);
        QCOMPARE(depth->first().max, 59.0);
        QCOMPARE(depth->first().mean, 29.5);
        QCOMPARE(depth->first().value, 29.5);
        const auto rate = store.points(dep("requests_per_second"), Resolution::Minute, kT0, kT0 + 60);
        QVERIFY(rate.has_value() && rate->size() == 1);
        QVERIFY(near(rate->first().value, 100.0));
        const auto rss = store.points(SeriesKey{QStringLiteral("process_rss_bytes"), {}, 0, {}},
                                      Resolution::Minute, kT0, kT0 + 60);
        QVERIFY(rss.has_value() && rss->size() == 1);
        QCOMPARE(rss->first().min, 100e6);
        QCOMPARE(rss->first().max, 159e6);

        // The second, all-fast minute: the hour is recomputed from both minutes' buckets.
        m_nowMs = (kT0 + 120) * 1000 + 5;
        h.ingest(input(m));
        const auto hour = store.points(dep("latency_p99"), Resolution::Hour, kT0, kT0 + 3600);
        QVERIFY(hour.has_value());
        QCOMPARE(hour->size(), 1);
        // 11900 of 12000 requests at 100 us: rank 11880 falls in the fast (75, 100] bucket.
        QVERIFY2(near(hour->first().value, (75 + 25 * 11880.0 / 11900) * 1e-6),
                 qPrintable(QString::number(hour->first().value)));
        QVERIFY(near(hour->first().max, 9.975e-3));
        QCOMPARE(hour->first().samples, 120);
        const auto hourRate = store.points(dep("requests_per_second"), Resolution::Hour, kT0, kT0 + 3600);
        QVERIFY(hourRate.has_value() && hourRate->size() == 1);
        QVERIFY(near(hourRate->first().value, 100.0));

        // The window summary recomputes percentiles over the whole window too.
        const auto summary = summarizeWindow(store, kT0, kT0 + 3600, Resolution::Minute);
        QVERIFY(summary.has_value());
        QCOMPARE(summary->deployments.size(), 1);
        QCOMPARE(summary->deployments[0].traffic.requestCount(), uint64_t(12000));
        QVERIFY(near(*summary->deployments[0].latencyP99, (75 + 25 * 11880.0 / 11900) * 1e-6));
        QVERIFY(near(summary->deployments[0].requestsPerSecond, 100.0));
        QCOMPARE(*summary->deployments[0].errorRatePercent, 0.0);
    }

    void retentionPrunesByAge()
    {
        auto db = openDb(QStringLiteral("retention.sqlite"));
        HistoryStore store(*db);
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        MetricsHistory h(m_clock, &store);
        auto tick = [&](int64_t second) {
            m_nowMs = second * 1000 + 5;
            traffic(m, 5, 200, 1);
            h.ingest(input(m, 1'000'000));
        };
        // A few minutes on day 0 and on day 3.
        for (int64_t s = kT0; s < kT0 + 180; ++s)
            tick(s);
        for (int64_t s = kT0 + 3 * kDay; s < kT0 + 3 * kDay + 120; ++s)
            tick(s);
        tick(kT0 + 3 * kDay + 120); // closes the last minute
        QVERIFY(store.points(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600)->size() == 3);

        // Day 8: minute rows of day 0 are past 7 days; its hour row and day 3 stay.
        tick(kT0 + 8 * kDay);
        tick(kT0 + 8 * kDay + 60);
        QCOMPARE(h.lastError(), QString());
        QVERIFY(store.points(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600)->isEmpty());
        QCOMPARE(store.points(dep("latency_p99"), Resolution::Hour, kT0, kT0 + 3600)->size(), 1);
        QCOMPARE(store.points(dep("latency_p99"), Resolution::Minute, kT0 + 3 * kDay, kT0 + 4 * kDay)->size(),
                 3);
        const auto dayZeroTraffic = store.trafficTotals(Resolution::Minute, kT0, kT0 + 3600);
        QVERIFY(dayZeroTraffic.has_value() && dayZeroTraffic->isEmpty());
        QVERIFY(!store.trafficTotals(Resolution::Hour, kT0, kT0 + 3600)->isEmpty());

        // Day 91: the day-0 hour row is past 90 days too; day 3's minutes are long gone.
        tick(kT0 + 91 * kDay);
        tick(kT0 + 91 * kDay + 60);
        QVERIFY(store.points(dep("latency_p99"), Resolution::Hour, kT0, kT0 + 3600)->isEmpty());
        QVERIFY(
            store.points(dep("latency_p99"), Resolution::Minute, kT0 + 3 * kDay, kT0 + 4 * kDay)->isEmpty());
        QCOMPARE(store.points(dep("latency_p99"), Resolution::Hour, kT0 + 3 * kDay, kT0 + 4 * kDay)->size(),
                 1);
        // What is left is the last few minutes and hours: bounded, whatever ran before.
        QVERIFY(*store.rowCount(Resolution::Minute) < 100);
    }

    void retentionForgetsDeadSeries()
    {
        auto db = openDb(QStringLiteral("deadseries.sqlite"));
        HistoryStore store(*db);
        MetricsHistory h(m_clock, &store);
        {
            DeploymentMetrics gone(QStringLiteral("gone"), 1);
            for (int64_t s = kT0; s <= kT0 + 60; ++s) {
                m_nowMs = s * 1000;
                h.ingest(input(gone));
            }
        }
        QVERIFY(store.seriesKeys()->contains(
            SeriesKey{QStringLiteral("queue_depth"), QStringLiteral("gone"), 1, {}}));
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        for (int64_t s = kT0 + 100 * kDay; s <= kT0 + 100 * kDay + 60; ++s) {
            m_nowMs = s * 1000;
            h.ingest(input(m));
        }
        QVERIFY(!store.seriesKeys()->contains(
            SeriesKey{QStringLiteral("queue_depth"), QStringLiteral("gone"), 1, {}}));
        QVERIFY(store.seriesKeys()->contains(dep("queue_depth")));
    }

    void historySurvivesReopen()
    {
        const QString file = QStringLiteral("reopen.sqlite");
        {
            auto db = openDb(file);
            HistoryStore store(*db);
            DeploymentMetrics m(QStringLiteral("iris"), 3);
            MetricsHistory h(m_clock, &store);
            feedMinute(h, m, kT0, true);
            feedMinute(h, m, kT0 + 60, false);
            QVERIFY(h.flush().has_value()); // the open minute, as at shutdown
        }
        auto db = openDb(file);
        HistoryStore store(*db);
        const auto points = store.points(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600);
        QVERIFY(points.has_value());
        QCOMPARE(points->size(), 2);
        QVERIFY(near(points->first().value, 8.5e-3));
        // A new process keeps adding to the same series.
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        MetricsHistory h(m_clock, &store);
        feedMinute(h, m, kT0 + 120, false);
        QVERIFY(h.flush().has_value());
        QCOMPARE(store.points(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600)->size(), 3);
        QCOMPARE(store.points(dep("latency_p99"), Resolution::Hour, kT0, kT0 + 3600)->first().samples, 180);
    }

    void refusesForeignAndNewerFiles()
    {
        const QString foreign = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            QFile f(foreign);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        auto bad = MetricsDatabase::open(foreign);
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().code, Error::Code::Corrupt);

        {
            auto db = openDb(QStringLiteral("newer.sqlite"));
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 99")).has_value());
        }
        auto newer = MetricsDatabase::open(m_dir.filePath(QStringLiteral("newer.sqlite")));
        QVERIFY(!newer.has_value());
        QCOMPARE(newer.error().code, Error::Code::Corrupt);
        QVERIFY(newer.error().message.contains(QLatin1String("newer")));
    }

    void csvExport()
    {
        auto db = openDb(QStringLiteral("csv.sqlite"));
        HistoryStore store(*db);
        DeploymentMetrics m(QStringLiteral("iris"), 3);
        MetricsHistory h(m_clock, &store);
        feedMinute(h, m, kT0, true);
        feedMinute(h, m, kT0 + 60, false);
        QVERIFY(h.flush().has_value());
        const auto points = h.query(dep("latency_p99"), Resolution::Minute, kT0, kT0 + 3600);
        QVERIFY(points.has_value());
        QString text;
        QTextStream out(&text);
        writeCsvHeader(out);
        writeCsvRows(out, dep("latency_p99"), *points);
        out.flush();
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("time,series,deployment,version,run,value,min,max,mean,samples"));
        const QStringList first = lines[1].split(QLatin1Char(','));
        QCOMPARE(first.size(), 10);
        QCOMPARE(first[0], QDateTime::fromSecsSinceEpoch(kT0, Qt::UTC).toString(Qt::ISODate));
        QCOMPARE(first[1], QStringLiteral("latency_p99"));
        QCOMPARE(first[2], QStringLiteral("iris"));
        QCOMPARE(first[3], QStringLiteral("3"));
        QVERIFY(near(first[5].toDouble(), 8.5e-3));
        QCOMPARE(first[9], QStringLiteral("60"));
        // Second resolution comes from memory.
        const auto seconds = h.query(dep("queue_depth"), Resolution::Second, kT0 + 60, kT0 + 70);
        QVERIFY(seconds.has_value());
        QCOMPARE(seconds->size(), 10);
        QCOMPARE(csvField(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
    }

    void trainingSeries()
    {
        MetricsHistory h(m_clock, nullptr);
        m_nowMs = kT0 * 1000;
        MetricsInput in;
        in.training << TrainingValue{QStringLiteral("run-1"), QStringLiteral("loss"), 0.5};
        h.ingest(in);
        const auto points =
            h.recent(SeriesKey{QStringLiteral("training_loss"), {}, 0, QStringLiteral("run-1")});
        QCOMPARE(points.size(), 1);
        QCOMPARE(points[0].value, 0.5);
    }
};

QTEST_GUILESS_MAIN(tst_MetricsHistory)
#include "tst_metricshistory.moc"
