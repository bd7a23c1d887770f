#pragma once
// ModelInstance: one loaded version of a deployment at work — its InferenceSession, its
// DynamicBatcher and a fixed pool of worker threads that stack batches, run forward and split the
// outputs back to each request.
//
// Threads: submit() from any thread, never blocks. drain()/abort() block until the workers have
// exited; call them from management or loader threads, never from a worker or a callback.
// Every request that enters is answered exactly once (result, Timeout, or Unavailable on abort);
// the observer is told before the callback runs. No exception leaves a worker.
// Ownership: held by its deployment (std::shared_ptr, so a request routed just before a swap keeps
// the instance alive until it is queued); shares the session with other instances of the version.

#include "dynamicbatcher.h"
#include "inferenceengine.h"
#include "inferenceobserver.h"

#include "core/modeltypes.h"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace ModelDesk::Runtime {

class InferenceSession;

class ModelInstance final
{
public:
    // workerSpin: see DynamicBatcher (DeploymentManagerOptions::workerSpinUs).
    ModelInstance(QString deployment, VersionInfo version, std::shared_ptr<InferenceSession> session,
                  const BatchingConfig &config, const std::atomic<InferenceObserver *> *observer,
                  std::chrono::microseconds workerSpin = {});
    ~ModelInstance();   // aborts ("server shutting down") if still running
    ModelInstance(const ModelInstance &) = delete;
    ModelInstance &operator=(const ModelInstance &) = delete;

    // Runs `runs` forwards with synthetic input (from the signature) on the calling thread. Returns
    // a note for the status ("3 warm-up forwards" or why it was skipped); an error when the model
    // fails on input that matches its own declared signature.
    Result<QString> warmUp(int runs);

    void start();
    // Sets request.rows (stackability) and queues it; moves from `request` only when Queued.
    DynamicBatcher::PushResult submit(PendingRequest &request);
    // Stops taking requests; queued and in-flight ones finish; joins the workers.
    void drain();
    // Stops taking requests; queued ones are answered Unavailable(reason); in-flight ones finish.
    void abort(const QString &reason);
    // Answers queued requests older than the request timeout with Timeout.
    void expireQueued(Clock::time_point now);
    // Live changes: batch size, queue delay, capacity, timeout (workers/threads need a new instance).
    void setLimits(const BatchingConfig &config);

    const VersionInfo &version() const { return m_version; }
    std::shared_ptr<InferenceSession> session() const { return m_session; }
    BatchingConfig config() const;
    QString warmupNote() const { return m_warmupNote; }
    // For an instance that reuses an already warm session (new worker/thread counts).
    void inheritWarmup(const QString &note) { m_warmupNote = note; }
    int queueDepth() const { return m_batcher.depth(); }
    int inFlight() const { return m_inFlight.load(std::memory_order_relaxed); }

private:
    void workerMain();
    void runBatch(std::vector<PendingRequest> &batch);
    void runOne(PendingRequest &request, Clock::time_point batchStart, int batchSize);
    void finish(PendingRequest &request, InferResult result, const InferTimings &timings);
    InferResponse response(PendingRequest &request, std::vector<Tensor> outputs, const InferTimings &timings) const;
    void answerTimeout(PendingRequest &request, Clock::time_point now);

    const QString m_deployment;
    const VersionInfo m_version;
    const std::shared_ptr<InferenceSession> m_session;
    const QStringList m_outputNames;
    const std::atomic<InferenceObserver *> *m_observer;
    mutable std::mutex m_configMutex;
    BatchingConfig m_config;
    DynamicBatcher m_batcher;
    std::vector<std::thread> m_workers;
    std::atomic<int> m_inFlight{0};
    // Cleared when a batched forward's outputs were not batch-major: from then on requests run alone.
    std::atomic<bool> m_stackable{true};
    QString m_warmupNote;
};

} // namespace ModelDesk::Runtime
