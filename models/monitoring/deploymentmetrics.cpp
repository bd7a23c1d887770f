#include "deploymentmetrics.h"

#include <utility>

namespace ModelDesk::Monitoring {

DeploymentMetrics::DeploymentMetrics(QString deployment, int version)
    : m_deployment(std::move(deployment)), m_version(version)
{
}

void DeploymentMetrics::recordLoad() noexcept
{
    m_loads.fetch_add(1, std::memory_order_relaxed);
    m_failed.store(false, std::memory_order_relaxed);
}

DeploymentSnapshot DeploymentMetrics::snapshot() const
{
    DeploymentSnapshot s;
    s.deployment = m_deployment;
    s.version = m_version;
    for (size_t i = 0; i < m_requests.size(); ++i)
        s.traffic.requests[i] = m_requests[i].load(std::memory_order_relaxed);
    s.traffic.total = m_total.snapshot();
    s.traffic.queue = m_queue.snapshot();
    s.traffic.compute = m_compute.snapshot();
    s.traffic.batch = m_batch.snapshot();
    s.queueDepth = m_queueDepth.load(std::memory_order_relaxed);
    s.inFlight = m_inFlight.load(std::memory_order_relaxed);
    s.failed = m_failed.load(std::memory_order_relaxed);
    s.loads = m_loads.load(std::memory_order_relaxed);
    s.unloads = m_unloads.load(std::memory_order_relaxed);
    s.lastLoadSeconds = m_lastLoadSeconds.load(std::memory_order_relaxed);
    return s;
}

} // namespace ModelDesk::Monitoring
