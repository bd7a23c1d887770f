// MonitoringService end to end on its real worker thread: 1 Hz sampling of the real /proc,
// runtime records through the observer, persisted history, the one-writer lock, alert rules edited
// through the service and by another connection (the CLI), fire events stored and audited.

#include "monitoring/alertstore.h"
#include "monitoring/historystore.h"
#include "monitoring/metricsdatabase.h"
#include "monitoring/monitoringservice.h"

#include "fakeengine.h"

#include "runtime/inferenceobserver.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

namespace {

SeriesKey processRss()
{
    return SeriesKey{QStringLiteral("process_rss_bytes"), {}, 0, {}};
}

AlertRule rssRule(const QString &name)
{
    AlertRule r;
    r.name = name;
    r.series = QStringLiteral("process_rss_bytes");
    r.threshold = 1; // any live process is above one byte
    return r;
}

} // namespace

class tst_MonitoringService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("metrics.sqlite")); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void samplesOnItsOwnThread()
    {
        MonitoringOptions options;
        options.databasePath = dbPath();
        MonitoringService service(options);
        QStringList audit;
        service.setAuditSink([&audit](const QString &action, const QString &target, const QString &) {
            audit << action + QLatin1Char(' ') + target; // worker thread; read after stop()
        });
        QSignalSpy sampled(&service, &MonitoringService::sampled);
        const Status started = service.start();
        QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        QVERIFY(service.isPersistent());

        // The 1 s timer runs by itself.
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() > 0, 5000);
        const auto values = sampled.last().at(1).value<QList<SeriesSample>>();
        QVERIFY(std::any_of(values.cbegin(), values.cend(),
                            [](const SeriesSample &s) { return s.key == processRss(); }));
        QVERIFY(service.latest().value(processRss()).value > 1e6);
        QVERIFY(!service.recent(processRss(), 60).isEmpty());

        // Runtime records reach the charts and /metrics.
        Runtime::InferenceRecord r;
        r.deployment = QStringLiteral("iris");
        r.model = QStringLiteral("iris-model");
        r.version = 3;
        r.queueUs = 50;
        r.computeUs = 300;
        r.totalUs = 400;
        r.batchSize = 1;
        for (int i = 0; i < 10; ++i)
            service.inferenceObserver().onRequest(r);
        QVERIFY(service.metrics().serialize().contains(
            R"(modeldesk_inference_requests_total{deployment="iris",version="3",outcome="success"} 10)"));
        const SeriesKey p99{QStringLiteral("latency_p99"), QStringLiteral("iris"), 3, {}};
        QTRY_VERIFY_WITH_TIMEOUT(!service.recent(p99, 60).isEmpty(), 5000);
        QVERIFY(service.seriesKeys().contains(p99));

        // A second process on the same workspace keeps its history in memory.
        {
            MonitoringService second(options);
            QVERIFY(second.start().has_value());
            QVERIFY(!second.isPersistent());
            second.sampleNow();
            QVERIFY(!second.latest().isEmpty());
        }

        // A rule added through the service fires (RSS > 1 byte) and is stored.
        QSignalSpy rulesChanged(&service, &MonitoringService::alertRulesChanged);
        QSignalSpy fired(&service, &MonitoringService::alertFired);
        QSignalSpy cleared(&service, &MonitoringService::alertCleared);
        service.addAlertRule(rssRule(QStringLiteral("memory-any")));
        QTRY_VERIFY_WITH_TIMEOUT(rulesChanged.count() > 0, 5000);
        QCOMPARE(rulesChanged.last().first().value<QList<AlertRule>>().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 1, 5000);
        QCOMPARE(fired.first().first().value<AlertEvent>().rule, QStringLiteral("memory-any"));
        QCOMPARE(service.activeAlerts().size(), 1);

        QSignalSpy ruleError(&service, &MonitoringService::alertRuleError);
        service.addAlertRule(rssRule(QStringLiteral("memory-any")));
        QTRY_VERIFY_WITH_TIMEOUT(ruleError.count() > 0, 5000);
        QVERIFY(ruleError.first().first().toString().contains(QLatin1String("already exists")));

        // A rule added by another connection (what `modeldesk-cli alerts add` does) is picked up.
        {
            auto db = MetricsDatabase::open(dbPath());
            QVERIFY(db.has_value());
            AlertStore store(**db);
            QVERIFY(store.addRule(rssRule(QStringLiteral("from-cli")), QDateTime::currentSecsSinceEpoch())
                        .has_value());
        }
        QTRY_COMPARE_WITH_TIMEOUT(service.alertRules().size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 2, 5000);

        // Removing a rule clears its alert.
        service.removeAlertRule(QStringLiteral("memory-any"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QCOMPARE(cleared.first().first().value<AlertEvent>().rule, QStringLiteral("memory-any"));

        // History from the worker, asynchronously.
        QSignalSpy ready(&service, &MonitoringService::historyReady);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const quint64 id = service.requestHistory(processRss(), Resolution::Second, now - 60, now + 60);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() > 0, 5000);
        QCOMPARE(ready.first().at(0).toULongLong(), id);
        QVERIFY(!ready.first().at(2).value<QList<HistoryPoint>>().isEmpty());
        QCOMPARE(ready.first().at(3).toString(), QString());

        service.stop();
        QVERIFY(!service.isRunning());
        QVERIFY(audit.contains(QStringLiteral("alert.fired memory-any")));
        QVERIFY(audit.contains(QStringLiteral("alert.cleared memory-any")));
    }

    void historyAndEventsOnDiskAfterStop()
    {
        // The previous test's service saved its open minute at stop().
        auto db = MetricsDatabase::open(dbPath());
        QVERIFY(db.has_value());
        HistoryStore history(**db);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto points = history.points(processRss(), Resolution::Minute, now - 3600, now + 60);
        QVERIFY(points.has_value());
        QVERIFY(!points->isEmpty());
        QVERIFY(points->last().max > 1e6);
        AlertStore alerts(**db);
        const auto events = alerts.events(100);
        QVERIFY(events.has_value());
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const AlertEvent &e) {
            return e.rule == QLatin1String("memory-any") && e.firing;
        }));
        // "from-cli" was still firing when the service stopped; the next start closes it.
        QCOMPARE(alerts.openEvents()->size(), 1);
        MonitoringOptions options;
        options.databasePath = dbPath();
        MonitoringService service(options);
        QVERIFY(service.start().has_value());
        service.stop();
        const auto open = alerts.openEvents();
        QVERIFY(open.has_value());
        // Closed at start, and possibly fired again by the new service's first evaluation.
        for (const AlertEvent &e : *open)
            QCOMPARE(e.rule, QStringLiteral("from-cli"));
    }

    void pollsTheEngine()
    {
        Testing::FakeEngine engine;
        Runtime::DeploymentStatus status;
        status.spec.name = QStringLiteral("iris");
        Runtime::VersionStatus v;
        v.version = 2;
        v.state = Runtime::DeploymentState::Ready;
        v.queueDepth = 9;
        status.versions = {v};
        engine.statuses = {status};
        MonitoringService service(MonitoringOptions{});
        service.setInferenceEngine(&engine);
        QVERIFY(service.start().has_value());
        service.sampleNow();
        const SeriesKey depth{QStringLiteral("queue_depth"), QStringLiteral("iris"), 2, {}};
        QTRY_COMPARE_WITH_TIMEOUT(service.latest().value(depth).value, 9.0, 5000);
        // Detaching while running waits for a poll in progress; afterwards the engine is unused.
        service.setInferenceEngine(nullptr);
        engine.statuses.clear();
        service.sampleNow();
    }

    void memoryOnlyWithoutDatabase()
    {
        MonitoringService service(MonitoringOptions{});
        QVERIFY(service.start().has_value());
        QVERIFY(!service.isPersistent());
        QSignalSpy rulesChanged(&service, &MonitoringService::alertRulesChanged);
        service.addAlertRule(rssRule(QStringLiteral("memory")));
        QTRY_VERIFY_WITH_TIMEOUT(rulesChanged.count() > 0, 5000);
        service.sampleNow();
        QTRY_COMPARE_WITH_TIMEOUT(service.activeAlerts().size(), 1, 5000);
    }

    void damagedDatabaseDegradesToMemory()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'z'));
        }
        MonitoringOptions options;
        options.databasePath = path;
        MonitoringService service(options);
        const Status s = service.start();
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, Error::Code::Corrupt);
        QVERIFY(service.isRunning());
        service.sampleNow();
        QVERIFY(!service.latest().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_MonitoringService)
#include "tst_monitoringservice.moc"
