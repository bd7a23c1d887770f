#pragma once
// InferenceMetricsObserver: plugs the runtime into the MetricsRegistry. Set it as the runtime's
// Runtime::InferenceObserver (DeploymentManager's observer hook): each InferenceRecord becomes one
// recordRequest() on the deployment version's handle, deployment events move the load/unload
// counters and the failed flag, and pollEngine() (once a second, from MonitoringService) copies
// queue depth and in-flight counts from InferenceEngine::deployments().
//
// Hot path: a per-thread cache of the last few (deployment, version) handles, so a runtime worker
// (which serves one version) records with no lock and no map lookup; a miss takes the registry's
// mutex once. Records without a model (refused before a version was chosen) count under version
// "none" when the deployment is known, and without the name when it is not.
//
// Uses only the runtime's headers (abstract interfaces and plain structs), so monitoring does not
// link LibTorch. Threads: onRequest/onDeploymentEvent from any thread; pollEngine from one thread.
// Ownership: the registry must outlive the observer; the observer must outlive the runtime's use.

#include "metricsregistry.h"

#include "runtime/inferenceobserver.h"

namespace ModelDesk::Runtime {
class InferenceEngine;
}

namespace ModelDesk::Monitoring {

class InferenceMetricsObserver final : public Runtime::InferenceObserver
{
public:
    explicit InferenceMetricsObserver(MetricsRegistry &registry);

    void onRequest(const Runtime::InferenceRecord &record) override;
    void onDeploymentEvent(const QString &deployment, int version, Runtime::DeploymentEvent event,
                           const QString &detail) override;

    // Copies queue depth, in-flight and failed state of every deployment version from the engine.
    void pollEngine(const Runtime::InferenceEngine &engine);

private:
    DeploymentMetrics *handle(const QString &deployment, int version);

    MetricsRegistry &m_registry;
};

} // namespace ModelDesk::Monitoring
