#include "inferencemetricsobserver.h"

#include "runtime/inferenceengine.h"

#include <array>
#include <memory>

namespace ModelDesk::Monitoring {

namespace {

struct CachedHandle
{
    uint64_t registry = 0;
    uint64_t generation = 0;
    QString deployment;
    int version = -1;
    std::shared_ptr<DeploymentMetrics> handle;
};

// A few entries: a worker serves one version; an I/O thread answering immediate refusals may see
// a handful of deployments.
struct HandleCache
{
    std::array<CachedHandle, 4> entries;
    size_t next = 0;
};

thread_local HandleCache t_cache;

} // namespace

InferenceMetricsObserver::InferenceMetricsObserver(MetricsRegistry &registry) : m_registry(registry) {}

DeploymentMetrics *InferenceMetricsObserver::handle(const QString &deployment, int version)
{
    const uint64_t id = m_registry.id();
    const uint64_t generation = m_registry.generation();
    for (CachedHandle &c : t_cache.entries) {
        if (c.registry == id && c.version == version && c.generation == generation &&
            c.deployment == deployment)
            return c.handle.get();
    }
    CachedHandle &slot = t_cache.entries[t_cache.next];
    t_cache.next = (t_cache.next + 1) % t_cache.entries.size();
    slot.registry = id;
    slot.generation = generation;
    slot.deployment = deployment;
    slot.version = version;
    slot.handle = m_registry.deployment(deployment, version);
    return slot.handle.get();
}

void InferenceMetricsObserver::onRequest(const Runtime::InferenceRecord &r)
{
    const Outcome outcome = r.error ? outcomeFor(*r.error) : Outcome::Success;
    // An empty model means no version was chosen: either the name is unknown (counted without it,
    // so clients cannot mint label values) or a known deployment refused it early (version "none").
    if (r.model.isEmpty() && !m_registry.hasDeployment(r.deployment)) {
        m_registry.recordUnrouted(outcome);
        return;
    }
    handle(r.deployment, r.version)->recordRequest(outcome, r.queueUs, r.computeUs, r.totalUs, r.batchSize);
}

void InferenceMetricsObserver::onDeploymentEvent(const QString &deployment, int version,
                                                 Runtime::DeploymentEvent event, const QString &detail)
{
    using E = Runtime::DeploymentEvent;
    switch (event) {
    case E::Loaded:
    case E::ReloadedOnDemand:
        m_registry.deployment(deployment, version)->recordLoad();
        break;
    case E::Unloaded:
    case E::IdleUnloaded:
        m_registry.deployment(deployment, version)->recordUnload();
        break;
    case E::Failed:
        m_registry.deployment(deployment, version)->setFailed(true);
        break;
    case E::Removed:
        m_registry.retire(deployment);
        break;
    case E::Swapped:
    case E::CanaryChanged:
        break;
    }
}

void InferenceMetricsObserver::pollEngine(const Runtime::InferenceEngine &engine)
{
    for (const Runtime::DeploymentStatus &status : engine.deployments()) {
        for (const Runtime::VersionStatus &v : status.versions) {
            const auto h = m_registry.deployment(status.spec.name, v.version);
            h->setQueueDepth(v.queueDepth);
            h->setInFlight(v.inFlight);
            h->setFailed(v.state == Runtime::DeploymentState::Failed);
        }
    }
}

} // namespace ModelDesk::Monitoring
