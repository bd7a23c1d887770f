#include "deploymentmanager_p.h"
#include "inputvalidation.h"

#include "core/logging.h"
#include "registry/modelcatalog.h"

#include <random>

namespace ModelDesk::Runtime {

namespace {

Error unavailableError(QString message)
{
    return {Error::Code::Unavailable, std::move(message)};
}

struct Route
{
    enum class Kind { Serve, Park, Reject } kind = Kind::Reject;
    std::shared_ptr<ModelInstance> instance;   // Serve
    Signature signature;                       // Park: what to validate against
    QString model;
    int version = 0;
    Error error;                               // Reject
    int retryAfter = 0;
};

bool pickCanary(const QString &stickyKey, int percent)
{
    if (percent <= 0)
        return false;
    if (percent >= 100)
        return true;
    if (!stickyKey.isEmpty())
        return static_cast<int>(stableHash(stickyKey) % 100) < percent;
    thread_local std::minstd_rand rng{std::random_device{}()};
    return static_cast<int>(rng() % 100) < percent;
}

QString servedVersions(const Deployment &dep)
{
    QStringList v;
    if (dep.primary)
        v.append(QString::number(dep.primary->version().version));
    if (dep.canary)
        v.append(QString::number(dep.canary->version().version));
    return v.isEmpty() ? QStringLiteral("none") : v.join(QStringLiteral(", "));
}

// Decides where a request goes. dep.mutex held.
Route route(const Deployment &dep, const InferRequest &request)
{
    Route r;
    auto serve = [&r](const std::shared_ptr<ModelInstance> &instance) {
        r.kind = Route::Kind::Serve;
        r.instance = instance;
        r.model = instance->version().model;
        r.version = instance->version().version;
        return r;
    };
    auto park = [&r](const VersionInfo &info) {
        r.kind = Route::Kind::Park;
        r.signature = info.signature;
        r.model = info.model;
        r.version = info.version;
        return r;
    };
    if (request.version) {
        const int v = *request.version;
        if (dep.primary && dep.primary->version().version == v)
            return serve(dep.primary);
        if (dep.canary && dep.canary->version().version == v)
            return serve(dep.canary);
        if (dep.waitingForLoad()) {
            if (dep.primaryInfo->version == v)
                return park(*dep.primaryInfo);
            if (dep.canaryInfo && dep.canaryInfo->version == v)
                return park(*dep.canaryInfo);
        }
        r.error = Error::notFound(QStringLiteral("deployment '%1' does not serve version %2 (it serves: %3)")
                                      .arg(dep.name)
                                      .arg(v)
                                      .arg(servedVersions(dep)));
        return r;
    }
    if (dep.primary) {
        if (dep.canary && pickCanary(request.stickyKey, dep.spec.canaryPercent))
            return serve(dep.canary);
        return serve(dep.primary);
    }
    if (dep.waitingForLoad())
        return park(*dep.primaryInfo);
    if (dep.explicitUnloaded)
        r.error = unavailableError(
            QStringLiteral("deployment '%1' is unloaded; deploy it again to serve requests").arg(dep.name));
    else
        r.error = unavailableError(QStringLiteral("deployment '%1' is not ready: %2")
                                       .arg(dep.name, dep.reason.isEmpty() ? deploymentStateName(dep.state)
                                                                           : dep.reason));
    return r;
}

} // namespace

quint64 stableHash(const QString &key)
{
    quint64 h = 1469598103934665603ULL;
    for (QChar c : key) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

void DeploymentManager::infer(InferRequest request, InferCallback done)
{
    PendingRequest p(std::move(request), std::move(done));
    if (d->shuttingDown.load(std::memory_order_acquire)) {
        d->reject(p, unavailableError(QStringLiteral("server shutting down")), 0, {}, 0);
        return;
    }
    std::shared_ptr<Deployment> dep = d->find(p.request.deployment);
    if (!dep) {
        d->reject(p, Error::notFound(QStringLiteral("deployment '%1' not found").arg(p.request.deployment.left(80))), 0,
                  {}, 0);
        return;
    }
    dep->touch(true);
    d->dispatch(dep, p);
}

void DeploymentManager::Private::dispatch(const std::shared_ptr<Deployment> &dep, PendingRequest &p)
{
    // A route can go stale between the decision and the push (a swap closed the old queue, a load
    // finished): then decide again. Validation runs once per version, outside the lock.
    int validatedVersion = -1;
    QString validatedModel;
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (shuttingDown.load(std::memory_order_acquire)) {
            reject(p, unavailableError(QStringLiteral("server shutting down")), 0, {}, 0);
            return;
        }
        Route r;
        {
            std::lock_guard lock(dep->mutex);
            r = route(*dep, p.request);
            if (r.kind == Route::Kind::Park && validatedVersion == r.version && validatedModel == r.model) {
                if (static_cast<int>(dep->parked.size()) < dep->spec.batching.queueCapacity) {
                    p.enqueued = Clock::now();
                    dep->parked.push_back(std::move(p));
                    if (dep->idleUnloaded && !dep->loadScheduled)
                        scheduleLoad(dep, LoadKind::ReloadOnDemand);
                    return;
                }
                r.kind = Route::Kind::Reject;
                r.error = unavailableError(QStringLiteral("deployment '%1' is loading and already holds %2 waiting "
                                                          "requests")
                                               .arg(dep->name)
                                               .arg(dep->parked.size()));
                r.retryAfter = 1;
            }
        }
        if (r.kind == Route::Kind::Reject) {
            reject(p, r.error, r.retryAfter, r.model, r.version);
            return;
        }
        if (validatedVersion != r.version || validatedModel != r.model) {
            const Signature &sig = r.instance ? r.instance->version().signature : r.signature;
            Status s = checkInputs(sig, p.request.inputs);
            if (s)
                s = checkRequestedOutputs(sig, p.request.requestedOutputs);
            if (!s) {
                reject(p, s.error(), 0, r.model, r.version);
                return;
            }
            p.rows = stackableRows(sig, p.request.inputs);
            validatedVersion = r.version;
            validatedModel = r.model;
            if (r.kind == Route::Kind::Park)
                continue;
        }
        switch (r.instance->submit(p)) {
        case DynamicBatcher::PushResult::Queued:
            return;
        case DynamicBatcher::PushResult::Full:
            reject(p,
                   unavailableError(QStringLiteral("deployment '%1' is overloaded: its queue is full (%2 requests)")
                                        .arg(dep->name)
                                        .arg(r.instance->config().queueCapacity)),
                   1, r.model, r.version);
            return;
        case DynamicBatcher::PushResult::Closed:
            continue;
        }
    }
    reject(p, unavailableError(QStringLiteral("deployment '%1' is changing versions; retry").arg(dep->name)), 1, {},
           0);
}

void DeploymentManager::Private::reject(PendingRequest &p, Error error, int retryAfter, const QString &model,
                                        int version) const
{
    if (p.answered())
        return;
    if (InferenceObserver *o = observer.load(std::memory_order_acquire)) {
        InferenceRecord record;
        record.deployment = p.request.deployment;
        record.model = model;
        record.version = version;
        record.error = error.code;
        record.totalUs =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - p.request.received).count();
        try {
            o->onRequest(record);
        } catch (...) {
            qCWarning(lcRuntime) << "inference observer threw; ignored";
        }
    }
    p.answer(std::unexpected(InferError{std::move(error), retryAfter}));
}

void DeploymentManager::Private::event(const QString &deployment, int version, DeploymentEvent e,
                                       const QString &detail) const
{
    if (InferenceObserver *o = observer.load(std::memory_order_acquire)) {
        try {
            o->onDeploymentEvent(deployment, version, e, detail);
        } catch (...) {
            qCWarning(lcRuntime) << "inference observer threw; ignored";
        }
    }
}

void DeploymentManager::Private::housekeepingMain()
{
    const auto interval = std::chrono::milliseconds(std::max(10, options.housekeepingIntervalMs));
    std::unique_lock lock(housekeepingMutex);
    while (!housekeepingStop) {
        housekeepingCv.wait_for(lock, interval, [this] { return housekeepingStop; });
        if (housekeepingStop)
            break;
        lock.unlock();
        try {
            housekeep();
        } catch (const std::exception &e) {
            qCCritical(lcRuntime) << "runtime housekeeping failed:" << e.what();
        }
        lock.lock();
    }
}

void DeploymentManager::Private::housekeep()
{
    const Clock::time_point now = Clock::now();
    bool anyAlias = false;
    for (const std::shared_ptr<Deployment> &dep : snapshot()) {
        std::vector<PendingRequest> expired;
        std::shared_ptr<ModelInstance> primary, canary;
        bool idle = false;
        quint64 generation = 0;
        {
            std::lock_guard lock(dep->mutex);
            const auto timeout = std::chrono::milliseconds(dep->spec.batching.requestTimeoutMs);
            for (auto it = dep->parked.begin(); it != dep->parked.end();) {
                if (now - it->request.received > timeout) {
                    expired.push_back(std::move(*it));
                    it = dep->parked.erase(it);
                } else {
                    ++it;
                }
            }
            primary = dep->primary;
            canary = dep->canary;
            anyAlias = anyAlias || (!dep->spec.alias.isEmpty() && !dep->spec.version);
            const int ttl = dep->spec.batching.idleUnloadSeconds;
            const auto last = Clock::time_point(Clock::duration(dep->lastActivityNs.load(std::memory_order_relaxed)));
            if (ttl > 0 && primary && dep->state == DeploymentState::Ready && !dep->idleUnloadScheduled &&
                dep->parked.empty() && now - last >= std::chrono::seconds(ttl)) {
                idle = true;
                dep->idleUnloadScheduled = true;
                generation = dep->generation;
            }
        }
        for (PendingRequest &p : expired) {
            const QString message = QStringLiteral("request to deployment '%1' timed out after %2 ms waiting for the "
                                                   "model to load")
                                        .arg(dep->name)
                                        .arg(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 now - p.request.received)
                                                 .count());
            reject(p, Error{Error::Code::Timeout, message}, 0, {}, 0);
        }
        if (primary)
            primary->expireQueued(now);
        if (canary)
            canary->expireQueued(now);
        if (idle) {
            if (primary->queueDepth() > 0 || primary->inFlight() > 0 ||
                (canary && (canary->queueDepth() > 0 || canary->inFlight() > 0)) ||
                !loader->post([this, dep, generation] { idleUnload(dep, generation); })) {
                std::lock_guard lock(dep->mutex);
                dep->idleUnloadScheduled = false;
            }
        }
    }

    if (anyAlias && options.aliasPollMs > 0 && now - lastAliasPoll >= std::chrono::milliseconds(options.aliasPollMs)) {
        lastAliasPoll = now;
        const auto counter = catalog->registry().changeCounter();
        if (counter && *counter != lastChangeCounter && !aliasRefreshScheduled.exchange(true)) {
            lastChangeCounter = *counter;
            if (!loader->post([this] {
                    refreshAliases();
                    aliasRefreshScheduled = false;
                }))
                aliasRefreshScheduled = false;
        }
    }
}

} // namespace ModelDesk::Runtime
