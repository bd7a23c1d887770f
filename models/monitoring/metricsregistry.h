#pragma once
// MetricsRegistry: the single source of ModelDesk's metrics. /metrics (serialize()), the live
// charts and the persisted history (MonitoringService samples it once a second) all read it.
//
//  - Per deployment version: DeploymentMetrics handles (resolved once, lock-free to record).
//  - Per process and machine: setResources() from the ResourceSampler.
//  - Training runs: one gauge per step metric and run.
//  - Other parts may register their own prometheus-cpp families (e.g. HTTP request counters) in
//    prometheusRegistry(); serialize() exports them too. Their names must not start with
//    "modeldesk_inference_", "modeldesk_model_", "modeldesk_deployment_" (ours).
//
// The families, label sets and text format are prometheus-cpp's (Registry, Counter, Gauge,
// TextSerializer); only the per-request cells are ours (see atomichistogram.h for why).
//
// Threads: every method from any thread. Ownership: constructed once by the composition root and
// passed by reference; handles are shared_ptrs and stay valid even after the registry is gone.

#include "deploymentmetrics.h"
#include "monitoringtypes.h"
#include "resourcesampler.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace prometheus {
class Registry;
}

namespace ModelDesk::Monitoring {

struct TrainingValue
{
    QString run;
    QString metric; // sanitised: lower case, [a-z0-9_]
    double value = 0;
};

class MetricsRegistry final
{
public:
    // Content-Type of serialize()'s output (Prometheus text exposition format 0.0.4).
    static constexpr const char *contentType = "text/plain; version=0.0.4; charset=utf-8";

    MetricsRegistry();
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // The recording handle of a deployment version, made on first use; the same object on every
    // later call until retire(). version 0 = refused before a version was chosen.
    std::shared_ptr<DeploymentMetrics> deployment(const QString &deployment, int version);
    // Stops exporting and sampling every version of a removed deployment. Live handles keep working
    // (nobody crashes) but count into the void; a later deployment() makes fresh cells.
    void retire(const QString &deployment);
    // Whether some version of the deployment has a handle (a lock and a scan: not for the hot path).
    bool hasDeployment(const QString &deployment) const;
    // Changes whenever retire() ran, so callers that cache handles know to resolve again.
    uint64_t generation() const;
    QList<DeploymentSnapshot> deploymentSnapshots() const;

    // Requests for a deployment name that does not exist: counted without the name, so a client
    // cannot create label values (and memory) at will.
    void recordUnrouted(Outcome outcome) noexcept;

    void setResources(const ResourceSample &sample);
    std::optional<ResourceSample> resources() const;

    // A training step metric ("loss", "accuracy", "step", ...) of a run, exported as the gauge
    // modeldesk_training_<metric>{run}. removeTrainingRun() drops the run's gauges.
    void setTrainingMetric(const QString &run, const QString &metric, double value);
    void removeTrainingRun(const QString &run);
    QList<TrainingValue> trainingValues() const;
    static QString sanitizeMetricName(const QString &metric);

    // Everything, in the Prometheus text format (what GET /metrics answers).
    QByteArray serialize() const;

    prometheus::Registry &prometheusRegistry();

    // Process-unique id of this registry (never reused), for thread-local handle caches.
    uint64_t id() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Monitoring
