// Alert rules with a fake clock: "for" durations, firing once, clearing by itself when the
// condition ends or the series goes quiet, per-deployment instances, rule edits, persistence.

#include "monitoring/alertengine.h"
#include "monitoring/alertstore.h"
#include "monitoring/metricsdatabase.h"
#include "monitoring/monitoringformat.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

namespace {

constexpr int64_t kT0 = 1'800'000'000;

SeriesKey p99(const char *deployment, int version = 1)
{
    return SeriesKey{QStringLiteral("latency_p99"), QString::fromLatin1(deployment), version, {}};
}

AlertRule p99Rule(double thresholdSeconds, int forSeconds, const QString &deployment = {})
{
    AlertRule r;
    r.name = QStringLiteral("p99-high");
    r.series = QStringLiteral("latency_p99");
    r.deployment = deployment;
    r.comparison = AlertRule::Comparison::Above;
    r.threshold = thresholdSeconds;
    r.forSeconds = forSeconds;
    return r;
}

HistoryPoint at(int64_t t, double v)
{
    return HistoryPoint{t, v, v, v, v, 1};
}

} // namespace

class tst_AlertEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firesAfterForAndClearsByItself()
    {
        AlertEngine engine;
        QStringList audit;
        engine.setAuditSink([&](const QString &action, const QString &target, const QString &detail) {
            audit << action + QLatin1Char(' ') + target;
            QVERIFY(!detail.isEmpty());
        });
        QSignalSpy fired(&engine, &AlertEngine::fired);
        QSignalSpy cleared(&engine, &AlertEngine::cleared);
        engine.setRules({p99Rule(0.005, 30, QStringLiteral("iris"))}, kT0);

        QHash<SeriesKey, HistoryPoint> latest;
        // 29 s above 5 ms is not yet 30 s.
        for (int64_t t = kT0; t < kT0 + 30; ++t) {
            latest[p99("iris")] = at(t, 0.008);
            engine.evaluate(t, latest);
        }
        QCOMPARE(fired.count(), 0);
        latest[p99("iris")] = at(kT0 + 30, 0.008);
        engine.evaluate(kT0 + 30, latest);
        QCOMPARE(fired.count(), 1);
        const auto e = fired.takeFirst().first().value<AlertEvent>();
        QCOMPARE(e.rule, QStringLiteral("p99-high"));
        QCOMPARE(e.series, p99("iris"));
        QVERIFY(e.firing);
        QCOMPARE(e.value, 0.008);
        QCOMPARE(e.threshold, 0.005);
        QCOMPARE(e.time, kT0 + 30);
        QVERIFY2(e.message.contains(QLatin1String("8ms")), qPrintable(e.message));
        QCOMPARE(engine.active().size(), 1);

        // Still high: no second fire.
        for (int64_t t = kT0 + 31; t < kT0 + 40; ++t) {
            latest[p99("iris")] = at(t, 0.009);
            engine.evaluate(t, latest);
        }
        QCOMPARE(fired.count(), 0);
        // Back under the threshold: clears at once, with the value that ended it.
        latest[p99("iris")] = at(kT0 + 40, 0.002);
        engine.evaluate(kT0 + 40, latest);
        QCOMPARE(cleared.count(), 1);
        const auto c = cleared.takeFirst().first().value<AlertEvent>();
        QVERIFY(!c.firing);
        QCOMPARE(c.value, 0.002);
        QCOMPARE(c.time, kT0 + 40);
        QVERIFY(engine.active().isEmpty());
        QCOMPARE(audit, (QStringList{QStringLiteral("alert.fired p99-high"),
                                     QStringLiteral("alert.cleared p99-high")}));
    }

    void dipResetsTheForTimer()
    {
        AlertEngine engine;
        QSignalSpy fired(&engine, &AlertEngine::fired);
        engine.setRules({p99Rule(0.005, 10)}, kT0);
        QHash<SeriesKey, HistoryPoint> latest;
        for (int64_t t = kT0; t < kT0 + 40; ++t) {
            const bool dip = (t - kT0) % 8 == 7; // never 10 s in a row
            latest[p99("iris")] = at(t, dip ? 0.001 : 0.010);
            engine.evaluate(t, latest);
        }
        QCOMPARE(fired.count(), 0);
    }

    void quietSeriesClears()
    {
        AlertEngine engine;
        engine.setStaleSeconds(5);
        QSignalSpy fired(&engine, &AlertEngine::fired);
        QSignalSpy cleared(&engine, &AlertEngine::cleared);
        engine.setRules({p99Rule(0.005, 0)}, kT0);
        QHash<SeriesKey, HistoryPoint> latest{{p99("iris"), at(kT0, 0.050)}};
        engine.evaluate(kT0, latest);
        QCOMPARE(fired.count(), 1);
        // Traffic stops: the last point ages; within the grace it still counts, then it clears.
        engine.evaluate(kT0 + 5, latest);
        QCOMPARE(cleared.count(), 0);
        engine.evaluate(kT0 + 6, latest);
        QCOMPARE(cleared.count(), 1);
        QVERIFY(std::isnan(cleared.first().first().value<AlertEvent>().value));
        QVERIFY(cleared.first().first().value<AlertEvent>().message.contains(QLatin1String("no data")));
    }

    void oneInstancePerDeploymentVersion()
    {
        AlertEngine engine;
        QSignalSpy fired(&engine, &AlertEngine::fired);
        QSignalSpy cleared(&engine, &AlertEngine::cleared);
        engine.setRules({p99Rule(0.005, 0)}, kT0); // no deployment filter
        QHash<SeriesKey, HistoryPoint> latest{
            {p99("iris", 3), at(kT0, 0.010)},
            {p99("iris", 4), at(kT0, 0.001)},
            {p99("mnist", 1), at(kT0, 0.020)},
            {SeriesKey{QStringLiteral("latency_p50"), QStringLiteral("x"), 1, {}}, at(kT0, 1.0)}};
        engine.evaluate(kT0, latest);
        QCOMPARE(fired.count(), 2);
        QCOMPARE(engine.active().size(), 2);
        // The mnist deployment is removed: its series disappears and its alert clears.
        latest.remove(p99("mnist", 1));
        engine.evaluate(kT0 + 1, latest);
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(cleared.first().first().value<AlertEvent>().series, p99("mnist", 1));
    }

    void belowAndResourceRules()
    {
        AlertEngine engine;
        QSignalSpy fired(&engine, &AlertEngine::fired);
        AlertRule memory;
        memory.name = QStringLiteral("memory-high");
        memory.series = QStringLiteral("process_rss_bytes");
        memory.threshold = *parseThreshold(QStringLiteral("512MiB"), SeriesUnit::Bytes);
        AlertRule idle;
        idle.name = QStringLiteral("no-traffic");
        idle.series = QStringLiteral("requests_per_second");
        idle.deployment = QStringLiteral("iris");
        idle.comparison = AlertRule::Comparison::Below;
        idle.threshold = 1;
        idle.forSeconds = 2;
        AlertRule failed;
        failed.name = QStringLiteral("deployment-failed");
        failed.series = QStringLiteral("deployment_failed");
        failed.threshold = 0.5;
        engine.setRules({memory, idle, failed}, kT0);
        QHash<SeriesKey, HistoryPoint> latest;
        for (int64_t t = kT0; t <= kT0 + 2; ++t) {
            latest[SeriesKey{QStringLiteral("process_rss_bytes"), {}, 0, {}}] = at(t, 600.0 * 1024 * 1024);
            latest[SeriesKey{QStringLiteral("requests_per_second"), QStringLiteral("iris"), 3, {}}] =
                at(t, 0.0);
            latest[SeriesKey{QStringLiteral("deployment_failed"), QStringLiteral("iris"), 3, {}}] =
                at(t, 1.0);
            engine.evaluate(t, latest);
        }
        QStringList names;
        for (const auto &args : fired)
            names << args.first().value<AlertEvent>().rule;
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("deployment-failed"), QStringLiteral("memory-high"),
                                     QStringLiteral("no-traffic")}));
    }

    void ruleEditsClearWhatTheyStop()
    {
        AlertEngine engine;
        QSignalSpy fired(&engine, &AlertEngine::fired);
        QSignalSpy cleared(&engine, &AlertEngine::cleared);
        AlertRule rule = p99Rule(0.005, 0);
        engine.setRules({rule}, kT0);
        const QHash<SeriesKey, HistoryPoint> latest{{p99("iris"), at(kT0, 0.010)}};
        engine.evaluate(kT0, latest);
        QCOMPARE(fired.count(), 1);
        engine.setRules({rule}, kT0 + 1); // unchanged: keeps firing, no new events
        engine.evaluate(kT0 + 1, latest);
        QCOMPARE(fired.count(), 1);
        QCOMPARE(cleared.count(), 0);
        rule.threshold = 0.050; // edited: the old alert clears
        engine.setRules({rule}, kT0 + 2);
        QCOMPARE(cleared.count(), 1);
        engine.evaluate(kT0 + 2, latest); // and the new rule does not hold
        QCOMPARE(fired.count(), 1);
        engine.setRules({}, kT0 + 3);
        QVERIFY(engine.active().isEmpty());
        QCOMPARE(cleared.count(), 1);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("series");
        QTest::addColumn<QString>("deployment");
        QTest::addColumn<int>("forSeconds");
        QTest::addColumn<bool>("ok");
        QTest::newRow("ok") << "p99-high"
                            << "latency_p99"
                            << "iris" << 30 << true;
        QTest::newRow("all deployments") << "p99"
                                         << "latency_p99"
                                         << "" << 0 << true;
        QTest::newRow("training") << "loss"
                                  << "training_loss"
                                  << "" << 0 << true;
        QTest::newRow("bad name") << "P99 High"
                                  << "latency_p99"
                                  << "" << 0 << false;
        QTest::newRow("unknown series") << "x"
                                        << "latency_p42"
                                        << "" << 0 << false;
        QTest::newRow("process with deployment") << "x"
                                                 << "process_rss_bytes"
                                                 << "iris" << 0 << false;
        QTest::newRow("negative for") << "x"
                                      << "latency_p99"
                                      << "" << -1 << false;
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, series);
        QFETCH(QString, deployment);
        QFETCH(int, forSeconds);
        QFETCH(bool, ok);
        AlertRule r;
        r.name = name;
        r.series = series;
        r.deployment = deployment;
        r.forSeconds = forSeconds;
        const Status s = r.validate();
        QCOMPARE(s.has_value(), ok);
        if (!ok)
            QCOMPARE(s.error().code, Error::Code::InvalidArgument);
    }

    void thresholdsAndDurations()
    {
        QCOMPARE(*parseThreshold(QStringLiteral("5ms"), SeriesUnit::Seconds), 0.005);
        QCOMPARE(*parseThreshold(QStringLiteral("250us"), SeriesUnit::Seconds), 250e-6);
        QCOMPARE(*parseThreshold(QStringLiteral("0.5"), SeriesUnit::Seconds), 0.5);
        QCOMPARE(*parseThreshold(QStringLiteral("2.5%"), SeriesUnit::Percent), 2.5);
        QCOMPARE(*parseThreshold(QStringLiteral("1GB"), SeriesUnit::Bytes), 1e9);
        QCOMPARE(*parseThreshold(QStringLiteral("512MiB"), SeriesUnit::Bytes), 512.0 * 1024 * 1024);
        QCOMPARE(*parseThreshold(QStringLiteral("100/s"), SeriesUnit::PerSecond), 100.0);
        QVERIFY(!parseThreshold(QStringLiteral("5MB"), SeriesUnit::Seconds).has_value());
        QVERIFY(!parseThreshold(QStringLiteral("fast"), SeriesUnit::Seconds).has_value());
        QVERIFY(!parseThreshold(QStringLiteral("5ms"), SeriesUnit::Percent).has_value());
        QCOMPARE(*parseDuration(QStringLiteral("30s")), int64_t(30));
        QCOMPARE(*parseDuration(QStringLiteral("5m")), int64_t(300));
        QCOMPARE(*parseDuration(QStringLiteral("7d")), int64_t(604800));
        QCOMPARE(*parseDuration(QStringLiteral("90")), int64_t(90));
        QVERIFY(!parseDuration(QStringLiteral("5 minutes")).has_value());
        QVERIFY(!parseDuration(QStringLiteral("-5s")).has_value());
        QCOMPARE(formatDuration(300), QStringLiteral("5m"));
        QCOMPARE(formatValue(0.00123, SeriesUnit::Seconds), QStringLiteral("1.23ms"));
        QCOMPARE(formatValue(250e-6, SeriesUnit::Seconds), QStringLiteral("250us"));
        QCOMPARE(formatValue(512.0 * 1024 * 1024, SeriesUnit::Bytes), QStringLiteral("512.0MiB"));
        QCOMPARE(p99Rule(0.005, 30, QStringLiteral("iris")).conditionText(),
                 QStringLiteral("latency_p99{deployment=iris} > 5ms for 30s"));
    }

    void storePersistsRulesAndEvents()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("metrics.sqlite"));
        {
            auto db = MetricsDatabase::open(path);
            QVERIFY(db.has_value());
            AlertStore store(**db);
            QVERIFY(store.addRule(p99Rule(0.005, 30, QStringLiteral("iris")), kT0).has_value());
            const Status dup = store.addRule(p99Rule(0.001, 0), kT0);
            QVERIFY(!dup.has_value());
            QCOMPARE(dup.error().code, Error::Code::AlreadyExists);
            AlertRule bad = p99Rule(0.001, 0);
            bad.name = QStringLiteral("Bad Name");
            QCOMPARE(store.addRule(bad, kT0).error().code, Error::Code::InvalidArgument);
            AlertRule mem;
            mem.name = QStringLiteral("memory");
            mem.series = QStringLiteral("process_rss_bytes");
            mem.threshold = 1e9;
            QVERIFY(store.addRule(mem, kT0).has_value());
            AlertEvent e;
            e.rule = QStringLiteral("memory");
            e.series = SeriesKey{QStringLiteral("process_rss_bytes"), {}, 0, {}};
            e.value = 2e9;
            e.threshold = 1e9;
            e.time = kT0 + 5;
            e.message = QStringLiteral("alert memory fired");
            QVERIFY(store.appendEvent(e).has_value());
        }
        auto db = MetricsDatabase::open(path);
        QVERIFY(db.has_value());
        AlertStore store(**db);
        const auto rules = store.rules();
        QVERIFY(rules.has_value());
        QCOMPARE(rules->size(), 2);
        QCOMPARE(rules->at(1).name, QStringLiteral("p99-high"));
        QCOMPARE(rules->at(1).deployment, QStringLiteral("iris"));
        QCOMPARE(rules->at(1).threshold, 0.005);
        QCOMPARE(rules->at(1).forSeconds, 30);
        QCOMPARE(rules->at(1).created, kT0);
        QCOMPARE(rules->at(0).deployment, QString());
        QCOMPARE(store.openEvents()->size(), 1);
        AlertEvent clear = store.openEvents()->first();
        QCOMPARE(clear.value, 2e9);
        clear.firing = false;
        clear.value = std::nan("");
        QVERIFY(store.appendEvent(clear).has_value());
        QVERIFY(store.openEvents()->isEmpty());
        QCOMPARE(store.events(10)->size(), 2);
        QVERIFY(!store.events(10)->first().firing);
        QVERIFY(store.removeRule(QStringLiteral("p99-high")).has_value());
        QCOMPARE(store.removeRule(QStringLiteral("p99-high")).error().code, Error::Code::NotFound);
        QCOMPARE(store.rules()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_AlertEngine)
#include "tst_alertengine.moc"
