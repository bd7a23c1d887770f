// The registry's Prometheus text after synthetic traffic: promtool (Debian package prometheus)
// must accept it without a single complaint, and the numbers must be the ones recorded.

#include "monitoring/metricsregistry.h"
#include "monitoring/resourcesampler.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

using namespace ModelDesk::Monitoring;

class tst_MetricsRegistry : public QObject
{
    Q_OBJECT

    // Value of the first sample line starting with `prefix` (name and labels).
    static double sample(const QByteArray &text, const QByteArray &prefix)
    {
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(QByteArray(prefix + ' ')))
                return line.mid(prefix.size() + 1).toDouble();
        }
        return -1;
    }

    static void promtoolAccepts(const QByteArray &text)
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QFAIL("promtool not found: install the Debian package 'prometheus' (packaging/install-deps.sh)");
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(text);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        const QByteArray complaints = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 &&
                     complaints.trimmed().isEmpty(),
                 qPrintable(QStringLiteral("promtool exit %1:\n%2\n--- input ---\n%3")
                                .arg(p.exitCode())
                                .arg(QString::fromUtf8(complaints), QString::fromUtf8(text.left(4000)))));
    }

private Q_SLOTS:
    void promtoolAcceptsRealOutput()
    {
        MetricsRegistry registry;
        auto v3 = registry.deployment(QStringLiteral("iris"), 3);
        auto v4 = registry.deployment(QStringLiteral("iris"), 4); // canary
        auto other = registry.deployment(QStringLiteral("fashion-mlp"), 1);
        auto refused = registry.deployment(QStringLiteral("fashion-mlp"), 0);
        for (int i = 0; i < 1000; ++i) {
            v3->recordRequest(Outcome::Success, 20 + i % 50, 100 + i % 300, 200 + i % 800, 1 + i % 8);
            if (i % 10 == 0)
                v4->recordRequest(i % 20 == 0 ? Outcome::Success : Outcome::ServerError, 50, 400, 600, 2);
        }
        other->recordRequest(Outcome::ClientError, 0, 0, 10, 0);
        other->recordRequest(Outcome::Timeout, 30'000'000, 0, 30'000'500, 0);
        refused->recordRequest(Outcome::Rejected, 0, 0, 2, 0);
        v3->setQueueDepth(7);
        v3->setInFlight(2);
        v3->recordLoad();
        v3->setLoadDuration(0.75);
        other->setFailed(true);
        v4->recordUnload();
        registry.recordUnrouted(Outcome::ClientError);

        ResourceSampler sampler;
        const auto sampled = sampler.sample(QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(sampled.has_value(), sampled ? "" : qPrintable(sampled.error().message));
        registry.setResources(*sampled);
        registry.setTrainingMetric(QStringLiteral("run-1"), QStringLiteral("loss"), 0.42);
        registry.setTrainingMetric(QStringLiteral("run-1"), QStringLiteral("Val Accuracy"), 0.9);
        registry.setTrainingMetric(QStringLiteral("run-2"), QStringLiteral("loss"), 1.5);
        registry.removeTrainingRun(QStringLiteral("run-2"));

        // Another part's own family (what the HTTP server may add) comes out of the same text.
        prometheus::BuildCounter()
            .Name("modeldesk_http_requests_total")
            .Help("HTTP requests by route and status code.")
            .Register(registry.prometheusRegistry())
            .Add({{"route", "/v2/models/{m}/infer"}, {"code", "200"}})
            .Increment(3);

        const QByteArray text = registry.serialize();
        promtoolAccepts(text);

        QCOMPARE(
            sample(text,
                   R"(modeldesk_inference_requests_total{deployment="iris",version="3",outcome="success"})"),
            1000.0);
        QCOMPARE(
            sample(
                text,
                R"(modeldesk_inference_requests_total{deployment="iris",version="4",outcome="server_error"})"),
            50.0);
        QCOMPARE(
            sample(
                text,
                R"(modeldesk_inference_requests_total{deployment="fashion-mlp",version="none",outcome="rejected"})"),
            1.0);
        QCOMPARE(
            sample(text,
                   R"(modeldesk_inference_request_duration_seconds_count{deployment="iris",version="3"})"),
            1000.0);
        QCOMPARE(
            sample(
                text,
                R"(modeldesk_inference_request_duration_seconds_bucket{deployment="iris",version="3",le="+Inf"})"),
            1000.0);
        QCOMPARE(
            sample(
                text,
                R"(modeldesk_inference_request_duration_seconds_count{deployment="fashion-mlp",version="1"})"),
            1.0);
        QCOMPARE(sample(text, R"(modeldesk_inference_batch_size_count{deployment="iris",version="3"})"),
                 1000.0);
        QCOMPARE(sample(text, R"(modeldesk_inference_queue_depth{deployment="iris",version="3"})"), 7.0);
        QCOMPARE(sample(text, R"(modeldesk_inference_requests_in_flight{deployment="iris",version="3"})"),
                 2.0);
        QCOMPARE(sample(text, R"(modeldesk_deployment_failed{deployment="fashion-mlp",version="1"})"), 1.0);
        QCOMPARE(sample(text, R"(modeldesk_model_loads_total{deployment="iris",version="3"})"), 1.0);
        QCOMPARE(sample(text, R"(modeldesk_model_unloads_total{deployment="iris",version="4"})"), 1.0);
        QCOMPARE(sample(text, R"(modeldesk_model_load_duration_seconds{deployment="iris",version="3"})"),
                 0.75);
        QCOMPARE(sample(text, R"(modeldesk_inference_unrouted_requests_total{outcome="client_error"})"), 1.0);
        QCOMPARE(sample(text, R"(modeldesk_training_loss{run="run-1"})"), 0.42);
        QCOMPARE(sample(text, R"(modeldesk_training_val_accuracy{run="run-1"})"), 0.9);
        QVERIFY(!text.contains("run-2"));
        QCOMPARE(sample(text, R"(modeldesk_http_requests_total{code="200",route="/v2/models/{m}/infer"})"),
                 3.0);
        QVERIFY(sample(text, "process_resident_memory_bytes") > 1e6);
        QVERIFY(sample(text, "process_open_fds") >= 3);
        QVERIFY(sample(text, "modeldesk_machine_memory_total_bytes") > 0);
        // The sum is in seconds: 1000 requests of 200..999 us.
        const double sum = sample(
            text, R"(modeldesk_inference_request_duration_seconds_sum{deployment="iris",version="3"})");
        QVERIFY2(sum > 0.2 && sum < 1.0, qPrintable(QString::number(sum)));
    }

    void emptyRegistryIsValidToo()
    {
        MetricsRegistry registry;
        promtoolAccepts(registry.serialize());
    }

    void handlesAreStableAndRetireable()
    {
        MetricsRegistry registry;
        auto a = registry.deployment(QStringLiteral("iris"), 1);
        QCOMPARE(registry.deployment(QStringLiteral("iris"), 1), a);
        const uint64_t generation = registry.generation();
        a->recordRequest(Outcome::Success, 1, 1, 1, 1);
        registry.retire(QStringLiteral("iris"));
        QVERIFY(registry.generation() != generation);
        QVERIFY(registry.deploymentSnapshots().isEmpty());
        QVERIFY(!registry.serialize().contains("iris"));
        a->recordRequest(Outcome::Success, 1, 1, 1, 1); // an old handle still works
        auto fresh = registry.deployment(QStringLiteral("iris"), 1);
        QVERIFY(fresh != a);
        QCOMPARE(fresh->snapshot().traffic.requestCount(), uint64_t(0));
    }

    void metricNamesAreSanitized()
    {
        QCOMPARE(MetricsRegistry::sanitizeMetricName(QStringLiteral("Val Loss/epoch")),
                 QStringLiteral("val_loss_epoch"));
        QCOMPARE(MetricsRegistry::sanitizeMetricName(QString()), QStringLiteral("value"));
    }
};

QTEST_GUILESS_MAIN(tst_MetricsRegistry)
#include "tst_metricsregistry.moc"
