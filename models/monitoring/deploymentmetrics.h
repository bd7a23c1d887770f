#pragma once
// DeploymentMetrics: the live counters of one deployment version — the recording handle of the
// request hot path. Get it once from MetricsRegistry::deployment() (a lock and a map lookup, at
// deploy time) and keep the pointer; recordRequest() is then lock-free and allocation-free: relaxed
// atomic adds and three bucket searches (see tests/bench/bench_metricsrecording.cpp for the cost).
//
// Threads: every method from any thread. Ownership: shared between the registry and the holders
// of the handle; a retired deployment's handle keeps working but is no longer exported or sampled.

#include "atomichistogram.h"
#include "monitoringtypes.h"
#include "trafficcounts.h"

#include <QString>
#include <array>
#include <atomic>
#include <cstdint>

namespace ModelDesk::Monitoring {

struct DeploymentSnapshot
{
    QString deployment;
    int version = 0;       // 0: requests refused before a version was chosen
    TrafficCounts traffic; // cumulative since the handle was made
    int64_t queueDepth = 0;
    int64_t inFlight = 0;
    bool failed = false; // the last load or warm-up of this version failed
    uint64_t loads = 0;
    uint64_t unloads = 0;
    double lastLoadSeconds = 0; // 0 until setLoadDuration()
};

class DeploymentMetrics final
{
public:
    DeploymentMetrics(QString deployment, int version);
    DeploymentMetrics(const DeploymentMetrics &) = delete;
    DeploymentMetrics &operator=(const DeploymentMetrics &) = delete;

    // One answered request. Latencies in microseconds; batchSize 0 = never batched (refused before
    // the queue). Total latency is observed for success, server_error and timeout (a request that
    // was worked on); fast refusals (client_error, rejected) are counted but kept out of the latency
    // percentiles, which would otherwise drop whenever clients misbehave. Queue, compute and batch
    // size are observed whenever the request was batched.
    void recordRequest(Outcome outcome, int64_t queueUs, int64_t computeUs, int64_t totalUs,
                       int batchSize) noexcept
    {
        m_requests[size_t(outcome)].fetch_add(1, std::memory_order_relaxed);
        if (outcome == Outcome::Success || outcome == Outcome::ServerError || outcome == Outcome::Timeout)
            m_total.observe(totalUs);
        if (batchSize > 0) {
            m_queue.observe(queueUs);
            m_compute.observe(computeUs);
            m_batch.observe(batchSize);
        }
    }

    void setQueueDepth(int64_t depth) noexcept { m_queueDepth.store(depth, std::memory_order_relaxed); }
    void setInFlight(int64_t n) noexcept { m_inFlight.store(n, std::memory_order_relaxed); }
    void setFailed(bool failed) noexcept { m_failed.store(failed, std::memory_order_relaxed); }
    // A finished load (also clears the failed flag); its duration, when known, separately.
    void recordLoad() noexcept;
    void setLoadDuration(double seconds) noexcept
    {
        m_lastLoadSeconds.store(seconds, std::memory_order_relaxed);
    }
    void recordUnload() noexcept { m_unloads.fetch_add(1, std::memory_order_relaxed); }

    const QString &deployment() const { return m_deployment; }
    int version() const { return m_version; }
    DeploymentSnapshot snapshot() const;

private:
    const QString m_deployment;
    const int m_version;
    alignas(64) std::array<std::atomic<uint64_t>, outcomeCount> m_requests{};
    AtomicHistogram m_total{latencyBucketsUs()};
    AtomicHistogram m_queue{latencyBucketsUs()};
    AtomicHistogram m_compute{latencyBucketsUs()};
    AtomicHistogram m_batch{batchSizeBuckets()};
    alignas(64) std::atomic<int64_t> m_queueDepth{0};
    std::atomic<int64_t> m_inFlight{0};
    std::atomic<bool> m_failed{false};
    std::atomic<uint64_t> m_loads{0};
    std::atomic<uint64_t> m_unloads{0};
    std::atomic<double> m_lastLoadSeconds{0};
};

} // namespace ModelDesk::Monitoring
