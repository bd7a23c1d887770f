#pragma once
// DeploymentManager: the real InferenceEngine. It turns deployment specs into loaded, warmed,
// batched TorchScript versions, routes requests to them (primary / canary / pinned version), hot
// swaps, rolls back, unloads (explicitly or after an idle TTL) and persists every definition in the
// registry so restore() brings them back after a restart.
//
// Life of a deployment: loading -> warming (2-3 forwards on synthetic input when the signature
// gives a shape; skipped, and said so in VersionStatus::warmup, otherwise) -> ready; draining while
// a replaced version finishes its queue; unloaded; failed (with the reason; other deployments keep
// serving).
//
// Blocking contract (see InferenceEngine for the rest):
//  - deploy() of a new name validates and resolves synchronously, then loads on a background thread
//    and returns at once with state "loading"; use waitReady() to block until it is ready (or failed).
//    Requests that arrive while it loads wait for it, bounded by their timeout.
//    deploy() of an existing name applies the spec: a changed version is hot-swapped (blocking),
//    canary and batching are applied, an unloaded or failed deployment is loaded again (background).
//  - swap(), rollback(), setCanary() load and warm the new version on the calling thread while the
//    old one keeps serving, switch, then drain the old one; on error nothing changes.
//    swap() pins the version (an alias is no longer followed); rollback() goes to history.back() and
//    removes it from the history, so repeated rollbacks walk further back.
//  - unload() drains and frees the versions; the definition stays (state "unloaded") and requests get
//    Unavailable until deploy() loads it again. An idle-unloaded deployment (TTL) instead loads again
//    on the next request.
//  - Management calls on one deployment are serialized; different deployments are independent.
// Persistence: every deploy/configure/swap/rollback/canary/unload/remove saves (or removes) the
// registry's DeploymentRecord; a failed save is logged and does not undo the change in memory.
// Threads: all methods are thread-safe. Ownership: does not own the catalog (it must outlive the
// manager) nor the observer. The destructor answers every pending request ("server shutting down",
// Unavailable), lets in-flight batches finish and joins every thread it started; do not destroy it
// while another thread is inside a management call.
//
// Typical wiring (composition root, CLI `serve`):
//   DeploymentManager engine(catalog, {});
//   engine.setObserver(&metricsObserver);          // before traffic; observer outlives the engine
//   engine.restore();                              // persisted deployments, loading in background
//   engine.deploy(spec, actor); engine.waitReady(spec.name, 60s);   // `--deploy NAME:V`
//   ... HTTP server calls engine.infer() / management methods ...
//   server.stop(); engine.shutdown();               // then destroy observer and catalog

#include "inferenceengine.h"
#include "inferenceobserver.h"

#include <chrono>
#include <memory>

namespace ModelDesk::Registry {
class ModelCatalog;
}

namespace ModelDesk::Runtime {

struct DeploymentManagerOptions
{
    int warmupRuns = 3;                // 0 disables warm-up
    int housekeepingIntervalMs = 200;  // queue/park timeouts and idle-unload checks
    int aliasPollMs = 2000;            // registry change poll for alias-following deployments; 0 = only refreshAliases()
    int loaderThreads = 2;             // background loads in parallel
    bool persist = true;               // save definitions in the registry (off for throw-away engines)
    // A worker that finds its queue empty polls it this long before sleeping (DynamicBatcher):
    // saves a thread wake-up per request under steady traffic, costs this much CPU per batch.
    int workerSpinUs = 50;
};

struct RuntimeCounters
{
    qint64 loads = 0;                  // versions loaded (first loads, reloads, swaps, canaries)
    qint64 unloads = 0;                // versions released (unload, idle TTL, swap/canary drains, remove)
    qint64 reloadsOnDemand = 0;        // idle-unloaded deployments loaded again by a request
};

class DeploymentManager final : public InferenceEngine
{
public:
    explicit DeploymentManager(Registry::ModelCatalog *catalog, DeploymentManagerOptions options = {});
    ~DeploymentManager() override;
    DeploymentManager(const DeploymentManager &) = delete;
    DeploymentManager &operator=(const DeploymentManager &) = delete;

    // InferenceEngine
    void infer(InferRequest request, InferCallback done) override;
    QList<DeploymentStatus> deployments() const override;
    Result<DeploymentStatus> deployment(const QString &name) const override;
    // True when every deployment that is neither explicitly unloaded nor failed is ready (or
    // idle-unloaded, since it loads on demand). A failed deployment reports itself not ready but does
    // not take the whole server out of a load balancer.
    bool isReady() const override;
    Result<DeploymentStatus> deploy(const DeploymentSpec &spec, const QString &actor) override;
    Result<DeploymentStatus> configure(const QString &name, const BatchingConfig &batching, bool isPublic,
                                       const QString &actor) override;
    Result<DeploymentStatus> swap(const QString &name, int version, const QString &actor) override;
    Result<DeploymentStatus> rollback(const QString &name, const QString &actor) override;
    Result<DeploymentStatus> setCanary(const QString &name, std::optional<int> version, int percent,
                                       const QString &actor) override;
    Result<DeploymentStatus> unload(const QString &name, const QString &actor) override;
    Status remove(const QString &name, const QString &actor) override;

    // Re-creates the persisted deployments (call once at start, before serving). Unloaded ones stay
    // unloaded; the others load in the background; one that cannot be resolved or loaded shows
    // "failed" with the reason. Returns their statuses (mostly "loading"). Registry errors -> Io.
    Result<QList<DeploymentStatus>> restore();

    // Blocks until the deployment is ready: the status when ready; the load error (Corrupt,
    // NotFound, InvalidArgument...) with "deployment 'x' failed: ..." when it failed; Conflict when
    // it is explicitly unloaded; Timeout when still loading after `timeout`.
    Result<DeploymentStatus> waitReady(const QString &name, std::chrono::milliseconds timeout) const;

    // For alias-following deployments: hot-swaps those whose alias now names another version.
    // Blocking (loads). Returns how many were swapped. Also run automatically when the registry's
    // changeCounter moves (aliasPollMs).
    int refreshAliases();

    // May be set or replaced at any time (nullptr to detach); see InferenceObserver for the contract.
    void setObserver(InferenceObserver *observer);
    RuntimeCounters counters() const;

    // Stops accepting requests, answers pending ones Unavailable "server shutting down", lets
    // in-flight batches finish and joins all threads. Idempotent; the destructor calls it.
    void shutdown();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Runtime
