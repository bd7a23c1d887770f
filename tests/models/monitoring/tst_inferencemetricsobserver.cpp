// The runtime -> metrics bridge: InferenceRecords and deployment events land on the right handle,
// unknown names do not create label values, removal retires, engine polling fills the gauges.

#include "monitoring/inferencemetricsobserver.h"

#include "fakeengine.h"

#include <QTest>
#include <thread>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;
using ModelDesk::Monitoring::Testing::FakeEngine;

namespace {

Runtime::InferenceRecord record(const QString &deployment, int version, std::optional<Error::Code> error = {})
{
    Runtime::InferenceRecord r;
    r.deployment = deployment;
    r.model = version > 0 ? QStringLiteral("iris-model") : QString();
    r.version = version;
    r.error = error;
    r.queueUs = 40;
    r.computeUs = 300;
    r.totalUs = 400;
    r.batchSize = version > 0 && !error ? 4 : 0;
    return r;
}

} // namespace

class tst_InferenceMetricsObserver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsByOutcome()
    {
        MetricsRegistry registry;
        InferenceMetricsObserver observer(registry);
        observer.onRequest(record(QStringLiteral("iris"), 3));
        observer.onRequest(record(QStringLiteral("iris"), 3));
        observer.onRequest(record(QStringLiteral("iris"), 3, Error::Code::InvalidArgument));
        observer.onRequest(record(QStringLiteral("iris"), 3, Error::Code::Unavailable));
        observer.onRequest(record(QStringLiteral("iris"), 3, Error::Code::Timeout));
        observer.onRequest(record(QStringLiteral("iris"), 3, Error::Code::Internal));
        observer.onRequest(record(QStringLiteral("iris"), 4)); // canary
        const auto snaps = registry.deploymentSnapshots();
        QCOMPARE(snaps.size(), 2);
        const TrafficCounts &t = snaps[0].traffic;
        QCOMPARE(snaps[0].version, 3);
        QCOMPARE(t.count(Outcome::Success), uint64_t(2));
        QCOMPARE(t.count(Outcome::ClientError), uint64_t(1));
        QCOMPARE(t.count(Outcome::Rejected), uint64_t(1));
        QCOMPARE(t.count(Outcome::Timeout), uint64_t(1));
        QCOMPARE(t.count(Outcome::ServerError), uint64_t(1));
        QCOMPARE(t.batch.count(), uint64_t(2));
        QCOMPARE(snaps[1].version, 4);
        QCOMPARE(snaps[1].traffic.requestCount(), uint64_t(1));
    }

    void unknownNamesCreateNoLabels()
    {
        MetricsRegistry registry;
        InferenceMetricsObserver observer(registry);
        for (int i = 0; i < 100; ++i)
            observer.onRequest(record(QStringLiteral("typo-%1").arg(i), 0, Error::Code::NotFound));
        QVERIFY(registry.deploymentSnapshots().isEmpty());
        QVERIFY(registry.serialize().contains(
            R"(modeldesk_inference_unrouted_requests_total{outcome="client_error"} 100)"));
        // A known deployment refusing before choosing a version counts under version "none".
        observer.onRequest(record(QStringLiteral("iris"), 3));
        observer.onRequest(record(QStringLiteral("iris"), 0, Error::Code::Unavailable));
        QVERIFY(registry.serialize().contains(
            R"(modeldesk_inference_requests_total{deployment="iris",version="none",outcome="rejected"} 1)"));
    }

    void eventsMoveCountersAndRemovalRetires()
    {
        MetricsRegistry registry;
        InferenceMetricsObserver observer(registry);
        using E = Runtime::DeploymentEvent;
        observer.onDeploymentEvent(QStringLiteral("iris"), 3, E::Failed, QStringLiteral("bad file"));
        QVERIFY(registry.deployment(QStringLiteral("iris"), 3)->snapshot().failed);
        observer.onDeploymentEvent(QStringLiteral("iris"), 3, E::Loaded, {});
        observer.onDeploymentEvent(QStringLiteral("iris"), 3, E::IdleUnloaded, {});
        observer.onDeploymentEvent(QStringLiteral("iris"), 3, E::ReloadedOnDemand, {});
        DeploymentSnapshot s = registry.deployment(QStringLiteral("iris"), 3)->snapshot();
        QVERIFY(!s.failed);
        QCOMPARE(s.loads, uint64_t(2));
        QCOMPARE(s.unloads, uint64_t(1));

        // This thread's cached handle must not outlive the removal.
        observer.onRequest(record(QStringLiteral("iris"), 3));
        observer.onDeploymentEvent(QStringLiteral("iris"), 0, E::Removed, {});
        QVERIFY(registry.deploymentSnapshots().isEmpty());
        observer.onRequest(record(QStringLiteral("iris"), 3));
        const auto snaps = registry.deploymentSnapshots();
        QCOMPARE(snaps.size(), 1);
        QCOMPARE(snaps[0].traffic.requestCount(), uint64_t(1));
    }

    void manyThreadsOneHandle()
    {
        MetricsRegistry registry;
        InferenceMetricsObserver observer(registry);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&observer, t] {
                for (int i = 0; i < 50000; ++i)
                    observer.onRequest(
                        record(t % 2 ? QStringLiteral("iris") : QStringLiteral("mnist"), 1 + i % 2));
            });
        }
        for (auto &t : threads)
            t.join();
        uint64_t total = 0;
        for (const auto &s : registry.deploymentSnapshots())
            total += s.traffic.requestCount();
        QCOMPARE(total, uint64_t(200000));
        QCOMPARE(registry.deploymentSnapshots().size(), 4);
    }

    void pollFillsGauges()
    {
        MetricsRegistry registry;
        InferenceMetricsObserver observer(registry);
        FakeEngine engine;
        Runtime::DeploymentStatus status;
        status.spec.name = QStringLiteral("iris");
        Runtime::VersionStatus primary;
        primary.version = 3;
        primary.state = Runtime::DeploymentState::Ready;
        primary.queueDepth = 12;
        primary.inFlight = 2;
        Runtime::VersionStatus canary;
        canary.version = 4;
        canary.state = Runtime::DeploymentState::Failed;
        status.versions = {primary, canary};
        engine.statuses = {status};
        observer.pollEngine(engine);
        const auto snaps = registry.deploymentSnapshots();
        QCOMPARE(snaps.size(), 2);
        QCOMPARE(snaps[0].queueDepth, int64_t(12));
        QCOMPARE(snaps[0].inFlight, int64_t(2));
        QVERIFY(!snaps[0].failed);
        QVERIFY(snaps[1].failed);
    }
};

QTEST_GUILESS_MAIN(tst_InferenceMetricsObserver)
#include "tst_inferencemetricsobserver.moc"
