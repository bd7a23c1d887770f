#include "servingmetrics.h"

#include "monitoring/metricsregistry.h"

#include <QDateTime>
#include <QJsonArray>
#include <map>
#include <mutex>
#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <set>
#include <sstream>

namespace ModelDesk::Serving {

namespace {

// Sub-millisecond resolution where a local TorchScript MLP lives, coarser up to 10 s.
const prometheus::Histogram::BucketBoundaries &latencyBuckets()
{
    static const prometheus::Histogram::BucketBoundaries b{
        25e-6, 50e-6, 75e-6, 100e-6, 150e-6, 200e-6, 300e-6, 400e-6, 500e-6, 750e-6, 1e-3, 1.5e-3, 2e-3,
        3e-3,  5e-3,  7.5e-3, 10e-3, 15e-3,  20e-3,  30e-3,  50e-3,  75e-3,  0.1,   0.25, 0.5,    1.0,
        2.5,   5.0,   10.0};
    return b;
}

const prometheus::Histogram::BucketBoundaries &batchBuckets()
{
    static const prometheus::Histogram::BucketBoundaries b{1, 2, 4, 8, 16, 32, 64, 128, 256};
    return b;
}

struct Duration
{
    std::uint64_t count = 0;
    std::uint64_t ns = 0;
    void add(std::int64_t v)
    {
        ++count;
        ns += std::uint64_t(std::max<std::int64_t>(0, v));
    }
    QJsonObject toJson() const
    {
        return {{QStringLiteral("count"), qint64(count)}, {QStringLiteral("ns"), qint64(ns)}};
    }
};

struct BatchStat
{
    double executions = 0;   // requests / batch size: each request is 1/N of one execution
    double computeInferNs = 0;
};

struct VersionStats
{
    Duration success, fail, queue, computeInput, computeInfer, computeOutput;
    std::uint64_t inferenceCount = 0;
    double executionCount = 0;
    qint64 lastInferenceMs = 0;
    std::map<int, BatchStat> batches;
};

struct SeriesKey
{
    std::string deployment;
    std::string version;
    auto operator<=>(const SeriesKey &) const = default;
};

struct Series
{
    prometheus::Histogram *total = nullptr;
    prometheus::Histogram *queue = nullptr;
    prometheus::Histogram *compute = nullptr;
    prometheus::Histogram *batch = nullptr;
};

std::string utf8(const QString &s) { return s.toStdString(); }

} // namespace

// The inference families of the standalone mode (monitoring has its own equivalents).
struct StandaloneFamilies
{
    explicit StandaloneFamilies(prometheus::Registry &registry)
        : events(prometheus::BuildCounter()
                     .Name("modeldesk_deployment_events_total")
                     .Help("Runtime deployment events (loaded, swapped, idle_unloaded, ...)")
                     .Register(registry)),
          requests(prometheus::BuildCounter()
                       .Name("modeldesk_inference_requests_total")
                       .Help("Inference requests by deployment, version and outcome (ok or an error code name)")
                       .Register(registry)),
          total(prometheus::BuildHistogram()
                    .Name("modeldesk_inference_request_duration_seconds")
                    .Help("Latency of successful inference requests, request received to result")
                    .Register(registry)),
          queue(prometheus::BuildHistogram()
                    .Name("modeldesk_inference_queue_duration_seconds")
                    .Help("Time from enqueue to batch start")
                    .Register(registry)),
          compute(prometheus::BuildHistogram()
                      .Name("modeldesk_inference_compute_duration_seconds")
                      .Help("Forward time of the batch a request was in")
                      .Register(registry)),
          batch(prometheus::BuildHistogram()
                    .Name("modeldesk_inference_batch_size")
                    .Help("Size of the batch each request was computed in")
                    .Register(registry)),
          state(prometheus::BuildGauge()
                    .Name("modeldesk_deployment_state")
                    .Help("1 for the current state of each deployment")
                    .Register(registry)),
          queueDepth(prometheus::BuildGauge()
                         .Name("modeldesk_deployment_queue_depth")
                         .Help("Requests waiting in the deployment's queue")
                         .Register(registry)),
          inFlight(prometheus::BuildGauge()
                       .Name("modeldesk_deployment_in_flight")
                       .Help("Requests being computed")
                       .Register(registry))
    {
    }

    prometheus::Family<prometheus::Counter> &events;
    prometheus::Family<prometheus::Counter> &requests;
    prometheus::Family<prometheus::Histogram> &total;
    prometheus::Family<prometheus::Histogram> &queue;
    prometheus::Family<prometheus::Histogram> &compute;
    prometheus::Family<prometheus::Histogram> &batch;
    prometheus::Family<prometheus::Gauge> &state;
    prometheus::Family<prometheus::Gauge> &queueDepth;
    prometheus::Family<prometheus::Gauge> &inFlight;
    std::map<SeriesKey, Series> series;
    std::vector<prometheus::Gauge *> gauges; // re-created at each scrape

    Series &seriesFor(const QString &deployment, int version)
    {
        SeriesKey key{utf8(deployment), std::to_string(version)};
        auto it = series.find(key);
        if (it != series.end())
            return it->second;
        const prometheus::Labels labels{{"deployment", key.deployment}, {"version", key.version}};
        Series s;
        s.total = &total.Add(labels, latencyBuckets());
        s.queue = &queue.Add(labels, latencyBuckets());
        s.compute = &compute.Add(labels, latencyBuckets());
        s.batch = &batch.Add(labels, batchBuckets());
        return series.emplace(std::move(key), s).first->second;
    }
};

struct ServingMetrics::Private
{
    explicit Private(prometheus::Registry &r)
        : registry(r),
          http(prometheus::BuildCounter()
                   .Name("modeldesk_http_requests_total")
                   .Help("HTTP requests by route class and status code")
                   .Register(r)),
          httpDuration(prometheus::BuildHistogram()
                           .Name("modeldesk_http_request_duration_seconds")
                           .Help("HTTP request handling time by route class, request head to response ready")
                           .Register(r))
    {
    }

    Monitoring::MetricsRegistry *monitoring = nullptr;
    Runtime::InferenceObserver *forward = nullptr;
    std::shared_ptr<prometheus::Registry> ownRegistry; // standalone only
    prometheus::Registry &registry;
    prometheus::Family<prometheus::Counter> &http;
    prometheus::Family<prometheus::Histogram> &httpDuration;
    std::optional<StandaloneFamilies> standalone;

    mutable std::mutex mutex;
    std::map<std::string, prometheus::Histogram *, std::less<>> httpLatency;
    std::map<std::pair<std::string, int>, prometheus::Counter *, std::less<>> httpCounters;
    std::map<std::pair<QString, int>, VersionStats> stats;
    mutable std::mutex scrapeMutex;
    mutable RequestJournal journal;
};

namespace {
std::shared_ptr<prometheus::Registry> makeRegistry() { return std::make_shared<prometheus::Registry>(); }
} // namespace

ServingMetrics::ServingMetrics()
{
    auto own = makeRegistry();
    d = std::make_unique<Private>(*own);
    d->ownRegistry = std::move(own);
    d->standalone.emplace(*d->ownRegistry);
}

ServingMetrics::ServingMetrics(Monitoring::MetricsRegistry &registry, Runtime::InferenceObserver &forward)
    : d(std::make_unique<Private>(registry.prometheusRegistry()))
{
    d->monitoring = &registry;
    d->forward = &forward;
}
ServingMetrics::~ServingMetrics() = default;

void ServingMetrics::recordHttp(const char *routeClass, int status, std::chrono::steady_clock::duration elapsed)
{
    // Resolved once per (route, status): building prometheus label maps on every request is not free.
    prometheus::Counter *c = nullptr;
    prometheus::Histogram *h = nullptr;
    {
        std::lock_guard lock(d->mutex);
        auto ci = d->httpCounters.find({routeClass, status});
        if (ci == d->httpCounters.end())
            ci = d->httpCounters.emplace(std::pair<std::string, int>(routeClass, status),
                                         &d->http.Add({{"route", routeClass}, {"code", std::to_string(status)}}))
                     .first;
        c = ci->second;
        auto it = d->httpLatency.find(routeClass);
        if (it == d->httpLatency.end())
            it = d->httpLatency.emplace(routeClass, &d->httpDuration.Add({{"route", routeClass}}, latencyBuckets())).first;
        h = it->second;
    }
    c->Increment();
    h->Observe(std::chrono::duration<double>(elapsed).count());
}

void ServingMetrics::onRequest(const Runtime::InferenceRecord &r)
{
    if (d->forward)
        d->forward->onRequest(r);
    const bool ok = !r.error.has_value();

    std::lock_guard lock(d->mutex);
    if (d->standalone) {
        d->standalone->requests
            .Add({{"deployment", utf8(r.deployment)},
                  {"version", r.version > 0 ? std::to_string(r.version) : std::string()},
                  {"outcome", ok ? std::string("ok") : utf8(Error::codeName(*r.error))}})
            .Increment();
        if (ok && r.version > 0) {
            Series &series = d->standalone->seriesFor(r.deployment, r.version);
            series.total->Observe(double(r.totalUs) * 1e-6);
            if (r.batchSize > 0) {
                series.queue->Observe(double(r.queueUs) * 1e-6);
                series.compute->Observe(double(r.computeUs) * 1e-6);
                series.batch->Observe(double(r.batchSize));
            }
        }
    }
    // Triton statistics. Requests for unknown deployments are not kept (clients choose the names).
    if (r.model.isEmpty() && r.version == 0)
        return;
    VersionStats &st = d->stats[{r.deployment, r.version}];
    st.lastInferenceMs = QDateTime::currentMSecsSinceEpoch();
    if (!ok) {
        st.fail.add(r.totalUs * 1000);
        return;
    }
    st.success.add(r.totalUs * 1000);
    ++st.inferenceCount;
    st.queue.add(r.queueUs * 1000);
    st.computeInfer.add(r.computeUs * 1000);
    const int batchSize = std::max(1, r.batchSize);
    st.executionCount += 1.0 / batchSize;
    BatchStat &b = st.batches[batchSize];
    b.executions += 1.0 / batchSize;
    b.computeInferNs += double(r.computeUs) * 1000.0 / batchSize;
}

void ServingMetrics::onDeploymentEvent(const QString &deployment, int version, Runtime::DeploymentEvent event,
                                       const QString &detail)
{
    if (d->forward)
        d->forward->onDeploymentEvent(deployment, version, event, detail);
    if (d->standalone) {
        std::lock_guard lock(d->mutex);
        d->standalone->events
            .Add({{"deployment", utf8(deployment)}, {"event", utf8(Runtime::deploymentEventName(event))}})
            .Increment();
    }
}

void ServingMetrics::recordRejected(const QString &deployment, int version, Error::Code code)
{
    Runtime::InferenceRecord r;
    r.deployment = deployment;
    r.version = version;
    r.model = deployment; // known deployment (the router resolved it); see onRequest
    r.error = code;
    onRequest(r);
}

void ServingMetrics::recordCodec(const QString &deployment, int version, std::int64_t decodeNs, std::int64_t encodeNs)
{
    std::lock_guard lock(d->mutex);
    VersionStats &st = d->stats[{deployment, version}];
    st.computeInput.add(decodeNs);
    st.computeOutput.add(encodeNs);
}

std::string ServingMetrics::prometheusText(const QList<Runtime::DeploymentStatus> &deployments) const
{
    if (d->monitoring) {
        const QByteArray text = d->monitoring->serialize();
        return std::string(text.constData(), std::size_t(text.size()));
    }
    std::lock_guard scrape(d->scrapeMutex);
    {
        std::lock_guard lock(d->mutex);
        StandaloneFamilies &f = *d->standalone;
        for (prometheus::Gauge *g : f.gauges) {
            // Each gauge belongs to exactly one family; Remove ignores pointers it does not own.
            f.state.Remove(g);
            f.queueDepth.Remove(g);
            f.inFlight.Remove(g);
        }
        f.gauges.clear();
        for (const Runtime::DeploymentStatus &s : deployments) {
            const std::string name = utf8(s.spec.name);
            for (auto st : {Runtime::DeploymentState::Loading, Runtime::DeploymentState::Warming,
                            Runtime::DeploymentState::Ready, Runtime::DeploymentState::Draining,
                            Runtime::DeploymentState::Unloaded, Runtime::DeploymentState::Failed}) {
                auto &g = f.state.Add({{"deployment", name}, {"state", utf8(Runtime::deploymentStateName(st))}});
                g.Set(s.state == st ? 1 : 0);
                f.gauges.push_back(&g);
            }
            auto &q = f.queueDepth.Add({{"deployment", name}});
            q.Set(s.queueDepth);
            auto &n = f.inFlight.Add({{"deployment", name}});
            n.Set(s.inFlight);
            f.gauges.insert(f.gauges.end(), {&q, &n});
        }
    }
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, d->registry.Collect());
    return out.str();
}

RequestJournal &ServingMetrics::journal() const
{
    return d->journal;
}

QJsonObject ServingMetrics::tritonStats(const QString &deployment, std::optional<int> version) const
{
    QJsonArray models;
    std::lock_guard lock(d->mutex);
    for (const auto &[key, st] : d->stats) {
        if (key.second <= 0)
            continue;
        if (!deployment.isEmpty() && key.first != deployment)
            continue;
        if (version && key.second != *version)
            continue;
        QJsonArray batches;
        for (const auto &[size, b] : st.batches) {
            const qint64 n = qint64(b.executions + 0.5);
            const QJsonObject infer{{QStringLiteral("count"), n}, {QStringLiteral("ns"), qint64(b.computeInferNs)}};
            batches.append(QJsonObject{{QStringLiteral("batch_size"), size},
                                       {QStringLiteral("compute_input"), QJsonObject{{QStringLiteral("count"), n}, {QStringLiteral("ns"), 0}}},
                                       {QStringLiteral("compute_infer"), infer},
                                       {QStringLiteral("compute_output"), QJsonObject{{QStringLiteral("count"), n}, {QStringLiteral("ns"), 0}}}});
        }
        const QJsonObject zero{{QStringLiteral("count"), 0}, {QStringLiteral("ns"), 0}};
        models.append(QJsonObject{
            {QStringLiteral("name"), key.first},
            {QStringLiteral("version"), QString::number(key.second)},
            {QStringLiteral("last_inference"), st.lastInferenceMs},
            {QStringLiteral("inference_count"), qint64(st.inferenceCount)},
            {QStringLiteral("execution_count"), qint64(st.executionCount + 0.5)},
            {QStringLiteral("inference_stats"),
             QJsonObject{{QStringLiteral("success"), st.success.toJson()},
                         {QStringLiteral("fail"), st.fail.toJson()},
                         {QStringLiteral("queue"), st.queue.toJson()},
                         {QStringLiteral("compute_input"), st.computeInput.toJson()},
                         {QStringLiteral("compute_infer"), st.computeInfer.toJson()},
                         {QStringLiteral("compute_output"), st.computeOutput.toJson()},
                         {QStringLiteral("cache_hit"), zero},
                         {QStringLiteral("cache_miss"), zero}}},
            {QStringLiteral("batch_stats"), batches}});
    }
    return {{QStringLiteral("model_stats"), models}};
}

} // namespace ModelDesk::Serving
