#pragma once
// ServingMetrics: what the runtime and the HTTP layer measure, exposed two ways:
//  - Prometheus text for GET /metrics (prometheus-cpp core): HTTP requests by route class and code,
//    inference requests by deployment/version/outcome, total/queue/compute latency histograms with
//    sub-millisecond buckets, batch sizes, deployment events, and per-deployment state/queue gauges
//    refreshed at each scrape from the engine;
//  - Triton-shaped statistics for GET /v2/models/{m}/stats.
// Per-request runtime timings arrive through the runtime's InferenceObserver hook (set it on the
// DeploymentManager), so requests from any face (HTTP, console "try it", CLI) are counted once.
// Requests refused by the HTTP layer before reaching the runtime are added with recordRejected().
//
// With monitoring (the normal composition): the inference families, deployment gauges and
// resources are Monitoring::MetricsRegistry's; this class forwards every runtime record to the
// monitoring observer, adds only its modeldesk_http_* families to the monitoring registry, and
// /metrics is MetricsRegistry::serialize(). Without monitoring (tests, minimal embedding) it keeps
// its own equivalent families.
//
// Threads: every method is thread-safe and cheap (a mutex and a few additions).

#include "requestjournal.h"
#include "runtime/inferenceengine.h"
#include "runtime/inferenceobserver.h"

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace ModelDesk::Monitoring {
class MetricsRegistry;
}

namespace ModelDesk::Serving {

class ServingMetrics final : public Runtime::InferenceObserver
{
public:
    // Standalone.
    ServingMetrics();
    // On top of monitoring: `registry` gets the HTTP families; `forward` (the monitoring observer)
    // receives every runtime record. Both must outlive this object.
    ServingMetrics(Monitoring::MetricsRegistry &registry, Runtime::InferenceObserver &forward);
    ~ServingMetrics() override;
    ServingMetrics(const ServingMetrics &) = delete;
    ServingMetrics &operator=(const ServingMetrics &) = delete;

    // Runtime::InferenceObserver
    void onRequest(const Runtime::InferenceRecord &record) override;
    void onDeploymentEvent(const QString &deployment, int version, Runtime::DeploymentEvent event,
                           const QString &detail) override;

    // routeClass: "v2_infer", "v2_metadata", "v2_health", "v2_stats", "management", "metrics", "other".
    void recordHttp(const char *routeClass, int status, std::chrono::steady_clock::duration elapsed);
    // An inference request the HTTP layer refused before the runtime saw it (bad JSON, auth, ...).
    // version: the pinned or primary version it targeted (0 = none).
    void recordRejected(const QString &deployment, int version, Error::Code code);
    // Decoding and encoding time of a successful HTTP inference (Triton compute_input/compute_output).
    void recordCodec(const QString &deployment, int version, std::int64_t decodeNs, std::int64_t encodeNs);

    // Prometheus text exposition format 0.0.4 (`deployments` refreshes the standalone gauges).
    std::string prometheusText(const QList<Runtime::DeploymentStatus> &deployments) const;

    // {"model_stats":[...]} in Triton's shape, for one deployment (all versions seen, or one) or,
    // with an empty name, for every deployment.
    QJsonObject tritonStats(const QString &deployment, std::optional<int> version = {}) const;

    // The last answered HTTP requests (thread-safe on its own).
    RequestJournal &journal() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Serving
