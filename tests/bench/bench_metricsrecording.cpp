// Cost of recording one inference request into the metrics registry (the runtime's hot path),
// which the monitoring issue caps at 1 us, and what the once-a-second side (history ingest,
// /metrics serialisation) costs. Compared with prometheus-cpp's own Histogram::Observe, which
// takes a mutex. Run: bench_metricsrecording [--benchmark_min_time=1].

#include "monitoring/inferencemetricsobserver.h"
#include "monitoring/metricshistory.h"
#include "monitoring/metricsregistry.h"

#include <benchmark/benchmark.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <QCoreApplication>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

namespace {

MetricsRegistry &sharedRegistry()
{
    static MetricsRegistry registry;
    return registry;
}

// recordRequest through a handle resolved once: what a runtime worker does.
void BM_RecordRequest(benchmark::State &state)
{
    static std::shared_ptr<DeploymentMetrics> handle =
        sharedRegistry().deployment(QStringLiteral("bench"), 1);
    int64_t i = state.thread_index();
    for (auto _ : state) {
        handle->recordRequest(Outcome::Success, 20 + (i & 63), 150 + (i & 255), 200 + (i & 1023),
                              1 + (i & 7));
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordRequest)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

// Each thread its own deployment version: no shared cache lines.
void BM_RecordRequestPerThreadHandle(benchmark::State &state)
{
    auto handle = sharedRegistry().deployment(QStringLiteral("bench-per-thread"), 1 + state.thread_index());
    int64_t i = 0;
    for (auto _ : state) {
        handle->recordRequest(Outcome::Success, 20 + (i & 63), 150 + (i & 255), 200 + (i & 1023),
                              1 + (i & 7));
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordRequestPerThreadHandle)->Threads(1)->Threads(2)->UseRealTime();

// The runtime's actual hook: InferenceObserver::onRequest with an InferenceRecord (name lookup in
// the thread-local handle cache, outcome mapping, recordRequest).
void BM_ObserverOnRequest(benchmark::State &state)
{
    static InferenceMetricsObserver observer(sharedRegistry());
    Runtime::InferenceRecord r;
    r.deployment = QStringLiteral("bench-observer");
    r.model = QStringLiteral("model");
    r.version = 3;
    r.queueUs = 40;
    r.computeUs = 300;
    r.totalUs = 420;
    r.batchSize = 4;
    for (auto _ : state) {
        observer.onRequest(r);
        ++r.totalUs;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ObserverOnRequest)->Threads(1)->Threads(2)->UseRealTime();

// For comparison: prometheus-cpp's Histogram::Observe (std::mutex + linear bucket search), times
// three histograms per request.
void BM_PrometheusHistogramObserve(benchmark::State &state)
{
    static prometheus::Registry registry;
    static prometheus::Histogram::BucketBoundaries bounds = [] {
        prometheus::Histogram::BucketBoundaries b;
        for (int64_t us : latencyBucketsUs().bounds)
            b.push_back(double(us) / 1e6);
        return b;
    }();
    static auto &family = prometheus::BuildHistogram().Name("bench_seconds").Help("bench").Register(registry);
    static auto &h = family.Add({}, bounds);
    int64_t i = state.thread_index();
    for (auto _ : state) {
        h.Observe(double(200 + (i & 1023)) / 1e6);
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PrometheusHistogramObserve)->Threads(1)->Threads(2)->UseRealTime();

// Once a second on the monitoring thread: one history ingest of 10 deployment versions.
void BM_HistoryIngest10Deployments(benchmark::State &state)
{
    MetricsRegistry registry;
    for (int d = 0; d < 10; ++d) {
        auto h = registry.deployment(QStringLiteral("dep-%1").arg(d), 1);
        for (int i = 0; i < 1000; ++i)
            h->recordRequest(Outcome::Success, 20, 150 + i, 200 + i, 4);
    }
    int64_t nowMs = 1'800'000'000'000;
    MetricsHistory history([&nowMs] { return nowMs; }, nullptr);
    for (auto _ : state) {
        nowMs += 1000;
        benchmark::DoNotOptimize(history.ingest(MetricsInput::from(registry)));
    }
}
BENCHMARK(BM_HistoryIngest10Deployments)->Unit(benchmark::kMicrosecond);

// GET /metrics with 10 deployment versions.
void BM_Serialize10Deployments(benchmark::State &state)
{
    MetricsRegistry registry;
    for (int d = 0; d < 10; ++d)
        registry.deployment(QStringLiteral("dep-%1").arg(d), 1)
            ->recordRequest(Outcome::Success, 20, 150, 200, 4);
    for (auto _ : state)
        benchmark::DoNotOptimize(registry.serialize());
}
BENCHMARK(BM_Serialize10Deployments)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QString and Qt logging need no event loop, but keep Qt sane
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
