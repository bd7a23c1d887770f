#pragma once
// Private parts of DeploymentManager, shared by its three .cpp files:
//   deploymentmanager.cpp  public management API, restore, status
//   deploymentrouting.cpp  infer(): routing, parking while loading, rejections, housekeeping
//   deploymentloading.cpp  building instances, background loads, swaps, retiring, persistence
//
// Locking, outermost first: Deployment::opMutex (one management operation at a time per
// deployment; held across loads) -> Private::mapMutex / Deployment::mutex (short, never across a
// load, a forward or a callback). Callbacks and observer calls run with no lock held.

#include "deploymentmanager.h"
#include "dynamicbatcher.h"
#include "modelinstance.h"
#include "taskpool.h"

#include "core/modeltypes.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <type_traits>

namespace ModelDesk::Registry {
class ModelCatalog;
}

namespace ModelDesk::Runtime {

struct Deployment
{
    explicit Deployment(DeploymentSpec s) : name(s.name), spec(std::move(s)) {}

    const QString name;
    std::mutex opMutex;

    mutable std::mutex mutex;               // guards everything below
    std::condition_variable changed;        // state changes, for waitReady()
    DeploymentSpec spec;
    QList<int> history;
    DeploymentState state = DeploymentState::Loading;
    QString reason;
    std::optional<Error> loadError;
    bool explicitUnloaded = false;
    bool idleUnloaded = false;
    bool removed = false;
    bool loadScheduled = false;
    bool idleUnloadScheduled = false;
    quint64 generation = 0;                 // bumped by changes; a stale background job gives up
    std::optional<VersionInfo> primaryInfo; // resolved target (unset when it could not be resolved)
    std::optional<VersionInfo> canaryInfo;
    DeploymentState canaryState = DeploymentState::Loading;
    QString canaryReason;
    std::shared_ptr<ModelInstance> primary;
    std::shared_ptr<ModelInstance> canary;
    QList<std::shared_ptr<ModelInstance>> draining;
    std::deque<PendingRequest> parked;      // requests waiting for a load
    int loads = 0;
    int unloads = 0;

    std::atomic<int64_t> lastActivityNs{0}; // steady clock: last request or load, for the idle TTL
    std::atomic<int64_t> lastRequestNs{0};  // steady clock: last request, for the status

    bool waitingForLoad() const             // mutex held
    {
        return primaryInfo && !primary && !explicitUnloaded && !removed &&
               (state == DeploymentState::Loading || state == DeploymentState::Warming || idleUnloaded);
    }
    void touch(bool request = false)
    {
        const int64_t now = Clock::now().time_since_epoch().count();
        lastActivityNs.store(now, std::memory_order_relaxed);
        if (request)
            lastRequestNs.store(now, std::memory_order_relaxed);
    }
};

enum class LoadKind { Initial, ReloadOnDemand, Redeploy };
enum class SwapMode { Manual, Rollback, Alias };

struct DeploymentManager::Private
{
    Registry::ModelCatalog *catalog = nullptr;
    DeploymentManagerOptions options;

    mutable std::shared_mutex mapMutex;
    std::map<QString, std::shared_ptr<Deployment>> map;

    std::atomic<InferenceObserver *> observer{nullptr};
    std::atomic<bool> shuttingDown{false};
    std::once_flag shutdownOnce;
    std::unique_ptr<TaskPool> loader;

    std::thread housekeeper;
    std::mutex housekeepingMutex;
    std::condition_variable housekeepingCv;
    bool housekeepingStop = false;
    qint64 lastChangeCounter = -1;
    Clock::time_point lastAliasPoll{};
    std::atomic<bool> aliasRefreshScheduled{false};

    std::atomic<qint64> loads{0};
    std::atomic<qint64> unloads{0};
    std::atomic<qint64> reloadsOnDemand{0};

    // --- deploymentmanager.cpp
    std::shared_ptr<Deployment> find(const QString &name) const;
    QList<std::shared_ptr<Deployment>> snapshot() const;
    DeploymentStatus statusLocked(const Deployment &dep) const;
    DeploymentStatus status(const Deployment &dep) const;
    Result<VersionInfo> resolveTarget(const DeploymentSpec &spec) const;
    Result<VersionInfo> resolveVersion(const QString &model, int version) const;
    // The frame of a management call on an existing deployment. findForChange(): refused while
    // shutting down, NotFound for an unknown name. manage(): that, then `body(dep)` with
    // dep->opMutex held (the outermost lock, so calls on one deployment are serialized); returns
    // what `body` returns.
    Result<std::shared_ptr<Deployment>> findForChange(const QString &name) const;
    template <typename Body>
    auto manage(const QString &name, Body &&body) -> std::invoke_result_t<Body &, const std::shared_ptr<Deployment> &>;
    // The ending of a management call that changed `dep` (opMutex held): saves it, records `action`
    // in the audit log and returns its status.
    DeploymentStatus commit(const Deployment &dep, const QString &actor, const QString &action,
                            const QString &detail) const;
    Status configureLocked(const std::shared_ptr<Deployment> &dep, const BatchingConfig &batching, bool isPublic);
    Status setCanaryLocked(const std::shared_ptr<Deployment> &dep, std::optional<int> version, int percent);
    Result<DeploymentStatus> applyToExisting(const std::shared_ptr<Deployment> &dep, DeploymentSpec spec,
                                             const VersionInfo &target, const std::optional<VersionInfo> &canary,
                                             const QString &actor);

    // --- deploymentrouting.cpp
    void dispatch(const std::shared_ptr<Deployment> &dep, PendingRequest &p);
    void reject(PendingRequest &p, Error error, int retryAfter, const QString &model, int version) const;
    void housekeep();
    void housekeepingMain();
    void event(const QString &deployment, int version, DeploymentEvent e, const QString &detail = {}) const;

    // --- deploymentloading.cpp
    Result<std::shared_ptr<ModelInstance>> buildInstance(Deployment &dep, const VersionInfo &info,
                                                         const BatchingConfig &config, bool reportWarming);
    void scheduleLoad(const std::shared_ptr<Deployment> &dep, LoadKind kind);   // dep->mutex held
    Status loadLocked(const std::shared_ptr<Deployment> &dep, quint64 generation, LoadKind kind);
    void markFailed(const std::shared_ptr<Deployment> &dep, const Error &error);
    Result<bool> swapLocked(const std::shared_ptr<Deployment> &dep, const VersionInfo &target, SwapMode mode);
    // Drains an instance already taken out of service and frees it (no lock held).
    void retire(const std::shared_ptr<Deployment> &dep, std::shared_ptr<ModelInstance> instance);
    // Counts versions taken out of service (dep.mutex held), at the moment the status changes, so
    // counters and status never disagree.
    void countUnloads(Deployment &dep, int n);
    void idleUnload(const std::shared_ptr<Deployment> &dep, quint64 generation);
    int refreshAliases();
    void persist(const Deployment &dep, const QString &actor) const;
    void audit(const QString &actor, const QString &action, const Deployment &dep, const QString &detail) const;
};

template <typename Body>
auto DeploymentManager::Private::manage(const QString &name, Body &&body)
    -> std::invoke_result_t<Body &, const std::shared_ptr<Deployment> &>
{
    const auto dep = findForChange(name);
    if (!dep)
        return fail(dep.error());
    std::lock_guard op((*dep)->opMutex);
    return body(*dep);
}

// FNV-1a over the UTF-16 code units: stable across processes and Qt versions, so a sticky key
// keeps its canary bucket after a restart.
quint64 stableHash(const QString &key);

} // namespace ModelDesk::Runtime
