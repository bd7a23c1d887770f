#include "metricsregistry.h"

#include <QHash>
#include <QPair>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace ModelDesk::Monitoring {

namespace {

std::atomic<uint64_t> g_nextRegistryId{1};

std::string text(const QString &s)
{
    return s.toStdString();
}

std::string versionLabel(int version)
{
    return version > 0 ? std::to_string(version) : std::string("none");
}

prometheus::ClientMetric::Label label(std::string name, std::string value)
{
    return prometheus::ClientMetric::Label{std::move(name), std::move(value)};
}

prometheus::ClientMetric histogramMetric(const HistogramCounts &h, double unit, // base units per exposed unit
                                         std::vector<prometheus::ClientMetric::Label> labels)
{
    prometheus::ClientMetric m;
    m.label = std::move(labels);
    uint64_t cumulative = 0;
    m.histogram.bucket.reserve(h.counts.size());
    for (size_t i = 0; i < h.counts.size(); ++i) {
        cumulative += h.counts[i];
        prometheus::ClientMetric::Bucket b;
        b.cumulative_count = cumulative;
        b.upper_bound =
            i < h.bounds.size() ? double(h.bounds[i]) / unit : std::numeric_limits<double>::infinity();
        m.histogram.bucket.push_back(b);
    }
    m.histogram.sample_count = cumulative;
    m.histogram.sample_sum = double(h.sum) / unit;
    return m;
}

prometheus::MetricFamily family(std::string name, std::string help, prometheus::MetricType type)
{
    prometheus::MetricFamily f;
    f.name = std::move(name);
    f.help = std::move(help);
    f.type = type;
    return f;
}

} // namespace

struct MetricsRegistry::Private
{
    const uint64_t id = g_nextRegistryId.fetch_add(1);
    prometheus::Registry prom;

    mutable std::mutex mutex; // guards everything below; never taken on the request path
    QHash<QPair<QString, int>, std::shared_ptr<DeploymentMetrics>> cells;
    std::atomic<uint64_t> generation{0};

    std::array<prometheus::Counter *, outcomeCount> unrouted{};

    std::optional<ResourceSample> resources;
    bool resourceMetricsMade = false;
    prometheus::Counter *processCpu = nullptr;
    double processCpuExported = 0;
    prometheus::Gauge *processRss = nullptr, *processVirtual = nullptr, *processFds = nullptr,
                      *processMaxFds = nullptr, *processStart = nullptr, *processThreads = nullptr,
                      *machineCpu = nullptr, *machineCpus = nullptr, *memTotal = nullptr,
                      *memAvailable = nullptr, *memUsed = nullptr;

    std::map<QString, prometheus::Family<prometheus::Gauge> *> trainingFamilies; // by metric
    std::map<std::pair<QString, QString>, prometheus::Gauge *> trainingGauges;   // (run, metric)
    std::map<std::pair<QString, QString>, double> trainingValues;

    void makeResourceMetrics()
    {
        auto gauge = [this](const char *name, const char *help) -> prometheus::Gauge * {
            return &prometheus::BuildGauge().Name(name).Help(help).Register(prom).Add({});
        };
        processCpu = &prometheus::BuildCounter()
                          .Name("process_cpu_seconds_total")
                          .Help("Total user and system CPU time spent in seconds.")
                          .Register(prom)
                          .Add({});
        processRss = gauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        processVirtual = gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.");
        processFds = gauge("process_open_fds", "Number of open file descriptors.");
        processMaxFds = gauge("process_max_fds", "Maximum number of open file descriptors.");
        processStart =
            gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");
        processThreads = gauge("process_threads", "Number of OS threads in the process.");
        machineCpu =
            gauge("modeldesk_machine_cpu_usage_ratio",
                  "Share of the machine's CPU time that was busy over the last sample interval (0-1).");
        machineCpus = gauge("modeldesk_machine_cpus", "Number of logical CPUs of the machine.");
        memTotal = gauge("modeldesk_machine_memory_total_bytes", "Total memory of the machine in bytes.");
        memAvailable = gauge("modeldesk_machine_memory_available_bytes",
                             "Memory available for new work without swapping (MemAvailable) in bytes.");
        memUsed = gauge("modeldesk_machine_memory_used_bytes",
                        "Total minus available memory of the machine in bytes.");
        resourceMetricsMade = true;
    }

    std::vector<prometheus::MetricFamily> collectDeployments() const;
};

MetricsRegistry::MetricsRegistry() : d(std::make_unique<Private>())
{
    auto &unrouted = prometheus::BuildCounter()
                         .Name("modeldesk_inference_unrouted_requests_total")
                         .Help("Inference requests for a deployment that does not exist, by outcome.")
                         .Register(d->prom);
    for (Outcome o : allOutcomes)
        d->unrouted[size_t(o)] = &unrouted.Add({{"outcome", text(outcomeName(o))}});
}

MetricsRegistry::~MetricsRegistry() = default;

uint64_t MetricsRegistry::id() const
{
    return d->id;
}

std::shared_ptr<DeploymentMetrics> MetricsRegistry::deployment(const QString &deployment, int version)
{
    const std::lock_guard lock(d->mutex);
    auto &cell = d->cells[qMakePair(deployment, version)];
    if (!cell)
        cell = std::make_shared<DeploymentMetrics>(deployment, version);
    return cell;
}

void MetricsRegistry::retire(const QString &deployment)
{
    const std::lock_guard lock(d->mutex);
    for (auto it = d->cells.begin(); it != d->cells.end();) {
        if (it.key().first == deployment)
            it = d->cells.erase(it);
        else
            ++it;
    }
    d->generation.fetch_add(1, std::memory_order_release);
}

bool MetricsRegistry::hasDeployment(const QString &deployment) const
{
    const std::lock_guard lock(d->mutex);
    for (auto it = d->cells.cbegin(); it != d->cells.cend(); ++it) {
        if (it.key().first == deployment)
            return true;
    }
    return false;
}

uint64_t MetricsRegistry::generation() const
{
    return d->generation.load(std::memory_order_acquire);
}

QList<DeploymentSnapshot> MetricsRegistry::deploymentSnapshots() const
{
    QList<std::shared_ptr<DeploymentMetrics>> cells;
    {
        const std::lock_guard lock(d->mutex);
        cells = d->cells.values();
    }
    QList<DeploymentSnapshot> out;
    out.reserve(cells.size());
    for (const auto &c : cells)
        out << c->snapshot();
    std::sort(out.begin(), out.end(), [](const DeploymentSnapshot &a, const DeploymentSnapshot &b) {
        return std::pair(a.deployment, a.version) < std::pair(b.deployment, b.version);
    });
    return out;
}

void MetricsRegistry::recordUnrouted(Outcome outcome) noexcept
{
    d->unrouted[size_t(outcome)]->Increment();
}

void MetricsRegistry::setResources(const ResourceSample &s)
{
    const std::lock_guard lock(d->mutex);
    if (!d->resourceMetricsMade)
        d->makeResourceMetrics();
    d->resources = s;
    if (s.processCpuSeconds > d->processCpuExported) {
        d->processCpu->Increment(s.processCpuSeconds - d->processCpuExported);
        d->processCpuExported = s.processCpuSeconds;
    }
    d->processRss->Set(double(s.residentBytes));
    d->processVirtual->Set(double(s.virtualBytes));
    d->processFds->Set(s.openFds);
    d->processMaxFds->Set(double(s.maxFds));
    d->processStart->Set(s.startTimeSeconds);
    d->processThreads->Set(s.threads);
    d->machineCpu->Set(s.machineCpuPercent / 100.0);
    d->machineCpus->Set(s.cpuCount);
    d->memTotal->Set(double(s.memoryTotalBytes));
    d->memAvailable->Set(double(s.memoryAvailableBytes));
    d->memUsed->Set(double(s.memoryUsedBytes));
}

std::optional<ResourceSample> MetricsRegistry::resources() const
{
    const std::lock_guard lock(d->mutex);
    return d->resources;
}

QString MetricsRegistry::sanitizeMetricName(const QString &metric)
{
    QString out;
    out.reserve(metric.size());
    for (QChar c : metric.toLower()) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        out += ok ? c : QLatin1Char('_');
    }
    if (out.isEmpty())
        out = QStringLiteral("value");
    return out;
}

void MetricsRegistry::setTrainingMetric(const QString &run, const QString &metric, double value)
{
    const QString name = sanitizeMetricName(metric);
    const std::lock_guard lock(d->mutex);
    prometheus::Gauge *&gauge = d->trainingGauges[{run, name}];
    if (!gauge) {
        prometheus::Family<prometheus::Gauge> *&fam = d->trainingFamilies[name];
        if (!fam) {
            fam = &prometheus::BuildGauge()
                       .Name("modeldesk_training_" + text(name))
                       .Help("Latest '" + text(name) + "' of a training run, reported per step.")
                       .Register(d->prom);
        }
        gauge = &fam->Add({{"run", text(run)}});
    }
    gauge->Set(value);
    d->trainingValues[{run, name}] = value;
}

void MetricsRegistry::removeTrainingRun(const QString &run)
{
    const std::lock_guard lock(d->mutex);
    for (auto it = d->trainingGauges.begin(); it != d->trainingGauges.end();) {
        if (it->first.first == run) {
            d->trainingFamilies.at(it->first.second)->Remove(it->second);
            d->trainingValues.erase(it->first);
            it = d->trainingGauges.erase(it);
        } else {
            ++it;
        }
    }
}

QList<TrainingValue> MetricsRegistry::trainingValues() const
{
    const std::lock_guard lock(d->mutex);
    QList<TrainingValue> out;
    for (const auto &[key, value] : d->trainingValues)
        out << TrainingValue{key.first, key.second, value};
    return out;
}

std::vector<prometheus::MetricFamily> MetricsRegistry::Private::collectDeployments() const
{
    using prometheus::MetricType;
    QList<std::shared_ptr<DeploymentMetrics>> list;
    {
        const std::lock_guard lock(mutex);
        list = cells.values();
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return std::pair(a->deployment(), a->version()) < std::pair(b->deployment(), b->version());
    });
    auto requests =
        family("modeldesk_inference_requests_total",
               "Inference requests answered, by deployment, version and outcome.", MetricType::Counter);
    auto total = family("modeldesk_inference_request_duration_seconds",
                        "Time from receiving a request to answering it (success, server_error and timeout).",
                        MetricType::Histogram);
    auto queue =
        family("modeldesk_inference_queue_duration_seconds",
               "Time a request waited in the batcher queue before its batch started.", MetricType::Histogram);
    auto compute = family("modeldesk_inference_compute_duration_seconds",
                          "Forward time of the batch a request was in.", MetricType::Histogram);
    auto batch = family("modeldesk_inference_batch_size", "Number of requests in the batch a request was in.",
                        MetricType::Histogram);
    auto depth = family("modeldesk_inference_queue_depth", "Requests waiting in the batcher queue.",
                        MetricType::Gauge);
    auto inFlight =
        family("modeldesk_inference_requests_in_flight", "Requests being computed now.", MetricType::Gauge);
    auto failed = family("modeldesk_deployment_failed",
                         "1 when the last load or warm-up of the deployment version failed, else 0.",
                         MetricType::Gauge);
    auto loads = family("modeldesk_model_loads_total",
                        "Completed loads (with warm-up) of a deployment version.", MetricType::Counter);
    auto unloads =
        family("modeldesk_model_unloads_total",
               "Unloads (explicit, idle or after a swap) of a deployment version.", MetricType::Counter);
    auto loadTime =
        family("modeldesk_model_load_duration_seconds",
               "Duration of the last load (with warm-up) of a deployment version.", MetricType::Gauge);

    const double us = latencyBucketsUs().perExposedUnit;
    for (const auto &cell : list) {
        const DeploymentSnapshot s = cell->snapshot();
        const std::vector<prometheus::ClientMetric::Label> labels{label("deployment", text(s.deployment)),
                                                                  label("version", versionLabel(s.version))};
        for (Outcome o : allOutcomes) {
            prometheus::ClientMetric m;
            m.label = labels;
            m.label.push_back(label("outcome", text(outcomeName(o))));
            m.counter.value = double(s.traffic.count(o));
            requests.metric.push_back(std::move(m));
        }
        total.metric.push_back(histogramMetric(s.traffic.total, us, labels));
        queue.metric.push_back(histogramMetric(s.traffic.queue, us, labels));
        compute.metric.push_back(histogramMetric(s.traffic.compute, us, labels));
        batch.metric.push_back(histogramMetric(s.traffic.batch, batchSizeBuckets().perExposedUnit, labels));
        auto gaugeMetric = [&labels](double v) {
            prometheus::ClientMetric m;
            m.label = labels;
            m.gauge.value = v;
            return m;
        };
        auto counterMetric = [&labels](double v) {
            prometheus::ClientMetric m;
            m.label = labels;
            m.counter.value = v;
            return m;
        };
        depth.metric.push_back(gaugeMetric(double(s.queueDepth)));
        inFlight.metric.push_back(gaugeMetric(double(s.inFlight)));
        failed.metric.push_back(gaugeMetric(s.failed ? 1 : 0));
        loads.metric.push_back(counterMetric(double(s.loads)));
        unloads.metric.push_back(counterMetric(double(s.unloads)));
        if (s.lastLoadSeconds > 0)
            loadTime.metric.push_back(gaugeMetric(s.lastLoadSeconds));
    }
    std::vector<prometheus::MetricFamily> out;
    for (auto *f : {&requests, &total, &queue, &compute, &batch, &depth, &inFlight, &failed, &loads, &unloads,
                    &loadTime}) {
        if (!f->metric.empty())
            out.push_back(std::move(*f));
    }
    return out;
}

QByteArray MetricsRegistry::serialize() const
{
    std::vector<prometheus::MetricFamily> families = d->collectDeployments();
    std::vector<prometheus::MetricFamily> others = d->prom.Collect();
    families.insert(families.end(), std::make_move_iterator(others.begin()),
                    std::make_move_iterator(others.end()));
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, families);
    const std::string s = out.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

prometheus::Registry &MetricsRegistry::prometheusRegistry()
{
    return d->prom;
}

} // namespace ModelDesk::Monitoring
