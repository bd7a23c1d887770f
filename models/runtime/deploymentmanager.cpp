#include "deploymentmanager.h"

#include "deploymentmanager_p.h"
#include "inferencesession.h"

#include "core/logging.h"
#include "core/names.h"
#include "registry/modelcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ModelDesk::Runtime {

namespace {

Error shuttingDownError()
{
    return {Error::Code::Unavailable, QStringLiteral("server shutting down")};
}

Error deploymentNotFound(const QString &name)
{
    return Error::notFound(QStringLiteral("deployment '%1' not found").arg(name.left(80)));
}

bool sameBatching(const BatchingConfig &a, const BatchingConfig &b)
{
    return a.maxBatchSize == b.maxBatchSize && a.maxQueueDelayUs == b.maxQueueDelayUs && a.workers == b.workers &&
           a.intraOpThreads == b.intraOpThreads && a.queueCapacity == b.queueCapacity &&
           a.requestTimeoutMs == b.requestTimeoutMs && a.idleUnloadSeconds == b.idleUnloadSeconds;
}

QString refText(const DeploymentSpec &spec)
{
    Names::ModelRef ref;
    ref.name = spec.model;
    ref.version = spec.version;
    ref.alias = spec.alias;
    return ref.toString();
}

} // namespace

DeploymentManager::DeploymentManager(Registry::ModelCatalog *catalog, DeploymentManagerOptions options)
    : d(std::make_unique<Private>())
{
    d->catalog = catalog;
    d->options = options;
    d->loader = std::make_unique<TaskPool>(options.loaderThreads);
    d->housekeeper = std::thread([p = d.get()] { p->housekeepingMain(); });
}

DeploymentManager::~DeploymentManager()
{
    shutdown();
}

void DeploymentManager::shutdown()
{
    std::call_once(d->shutdownOnce, [this] {
        d->shuttingDown = true;
        {
            std::lock_guard lock(d->housekeepingMutex);
            d->housekeepingStop = true;
        }
        d->housekeepingCv.notify_all();
        if (d->housekeeper.joinable())
            d->housekeeper.join();
        d->loader->stop();   // waits for a running load; queued jobs are dropped
        for (const std::shared_ptr<Deployment> &dep : d->snapshot()) {
            std::deque<PendingRequest> parked;
            std::shared_ptr<ModelInstance> primary, canary;
            {
                std::lock_guard lock(dep->mutex);
                parked.swap(dep->parked);
                primary = std::move(dep->primary);
                canary = std::move(dep->canary);
                dep->state = DeploymentState::Unloaded;
                dep->reason = QStringLiteral("server shut down");
            }
            dep->changed.notify_all();
            for (PendingRequest &p : parked)
                d->reject(p, shuttingDownError(), 0, {}, 0);
            if (primary)
                primary->abort(QStringLiteral("server shutting down"));
            if (canary)
                canary->abort(QStringLiteral("server shutting down"));
        }
        InferenceSession::releaseFreedMemory();
    });
}

std::shared_ptr<Deployment> DeploymentManager::Private::find(const QString &name) const
{
    std::shared_lock lock(mapMutex);
    const auto it = map.find(name);
    return it == map.end() ? nullptr : it->second;
}

QList<std::shared_ptr<Deployment>> DeploymentManager::Private::snapshot() const
{
    QList<std::shared_ptr<Deployment>> all;
    std::shared_lock lock(mapMutex);
    all.reserve(static_cast<qsizetype>(map.size()));
    for (const auto &[name, dep] : map)
        all.append(dep);
    return all;
}

DeploymentStatus DeploymentManager::Private::statusLocked(const Deployment &dep) const
{
    DeploymentStatus s;
    s.spec = dep.spec;
    s.state = dep.state;
    s.reason = dep.reason;
    if (dep.state == DeploymentState::Failed && dep.loadError)
        s.failure = dep.loadError->code;
    s.history = dep.history;
    s.idleUnloaded = dep.idleUnloaded;
    s.loads = dep.loads;
    s.unloads = dep.unloads;
    const int canaryShare = (dep.canary && dep.spec.canaryPercent > 0) ? dep.spec.canaryPercent : 0;

    auto addInstance = [&s](VersionStatus v, const std::shared_ptr<ModelInstance> &instance) {
        if (instance) {
            v.warmup = instance->warmupNote();
            v.queueDepth = instance->queueDepth();
            v.inFlight = instance->inFlight();
            s.queueDepth += v.queueDepth;
            s.inFlight += v.inFlight;
        }
        s.versions.append(v);
    };

    VersionStatus primary;
    if (dep.primaryInfo) {
        primary.version = dep.primaryInfo->version;
        primary.signature = dep.primaryInfo->signature;
        primary.digest = dep.primaryInfo->digest;
    } else {
        primary.version = dep.spec.version.value_or(0);
    }
    primary.state = dep.state;
    primary.reason = dep.reason;
    primary.trafficPercent = dep.primary ? 100 - canaryShare : 0;
    addInstance(primary, dep.primary);

    if (dep.canaryInfo || dep.spec.canaryVersion) {
        VersionStatus canary;
        canary.version = dep.canaryInfo ? dep.canaryInfo->version : *dep.spec.canaryVersion;
        if (dep.canaryInfo) {
            canary.signature = dep.canaryInfo->signature;
            canary.digest = dep.canaryInfo->digest;
        }
        if (dep.canary)
            canary.state = DeploymentState::Ready;
        else if (dep.primary || !dep.canaryInfo)
            canary.state = DeploymentState::Failed;
        else
            canary.state = dep.state;
        canary.reason = canary.state == DeploymentState::Failed ? dep.canaryReason : QString();
        canary.trafficPercent = canaryShare;
        addInstance(canary, dep.canary);
    }
    for (const std::shared_ptr<ModelInstance> &old : dep.draining) {
        VersionStatus v;
        v.version = old->version().version;
        v.signature = old->version().signature;
        v.digest = old->version().digest;
        v.state = DeploymentState::Draining;
        addInstance(v, old);
    }
    s.queueDepth += static_cast<int>(dep.parked.size());
    const int64_t last = dep.lastRequestNs.load(std::memory_order_relaxed);
    if (last != 0) {
        const auto age = Clock::now() - Clock::time_point(Clock::duration(last));
        s.lastRequest = QDateTime::currentDateTimeUtc().addMSecs(
            -std::chrono::duration_cast<std::chrono::milliseconds>(age).count());
    }
    return s;
}

DeploymentStatus DeploymentManager::Private::status(const Deployment &dep) const
{
    std::lock_guard lock(dep.mutex);
    return statusLocked(dep);
}

Result<VersionInfo> DeploymentManager::Private::resolveTarget(const DeploymentSpec &spec) const
{
    Names::ModelRef ref;
    ref.name = spec.model;
    ref.version = spec.version;
    ref.alias = spec.alias;
    return catalog->resolve(ref);
}

Result<VersionInfo> DeploymentManager::Private::resolveVersion(const QString &model, int version) const
{
    return catalog->registry().version(model, version);
}

Result<std::shared_ptr<Deployment>> DeploymentManager::Private::findForChange(const QString &name) const
{
    if (shuttingDown)
        return fail(shuttingDownError());
    auto dep = find(name);
    if (!dep)
        return fail(deploymentNotFound(name));
    return dep;
}

DeploymentStatus DeploymentManager::Private::commit(const Deployment &dep, const QString &actor, const QString &action,
                                                    const QString &detail) const
{
    persist(dep, actor);
    audit(actor, action, dep, detail);
    return status(dep);
}

QList<DeploymentStatus> DeploymentManager::deployments() const
{
    QList<DeploymentStatus> all;
    for (const std::shared_ptr<Deployment> &dep : d->snapshot())
        all.append(d->status(*dep));
    return all;
}

Result<DeploymentStatus> DeploymentManager::deployment(const QString &name) const
{
    const auto dep = d->find(name);
    if (!dep)
        return fail(deploymentNotFound(name));
    return d->status(*dep);
}

bool DeploymentManager::isReady() const
{
    if (d->shuttingDown)
        return false;
    for (const std::shared_ptr<Deployment> &dep : d->snapshot()) {
        std::lock_guard lock(dep->mutex);
        if (dep->explicitUnloaded || dep->state == DeploymentState::Failed || dep->idleUnloaded)
            continue;
        if (dep->state != DeploymentState::Ready)
            return false;
    }
    return true;
}

Result<DeploymentStatus> DeploymentManager::deploy(const DeploymentSpec &request, const QString &actor)
{
    if (d->shuttingDown)
        return fail(shuttingDownError());
    if (auto s = request.validate(); !s)
        return fail(s.error());
    auto target = d->resolveTarget(request);
    if (!target)
        return fail(target.error());
    DeploymentSpec spec = request;
    if (!spec.version && spec.alias.isEmpty())
        spec.version = target->version;   // "latest" means the latest at deploy time, not a moving target
    if (spec.canaryVersion && *spec.canaryVersion == target->version)
        return fail(Error::invalid(QStringLiteral("the canary version must differ from the primary version (%1)")
                                       .arg(target->version)));
    std::optional<VersionInfo> canary;
    if (spec.canaryVersion) {
        auto c = d->resolveVersion(spec.model, *spec.canaryVersion);
        if (!c)
            return fail(c.error());
        canary = std::move(*c);
    }

    std::shared_ptr<Deployment> dep;
    std::shared_ptr<Deployment> existing;
    {
        std::unique_lock lock(d->mapMutex);
        const auto it = d->map.find(spec.name);
        if (it != d->map.end()) {
            existing = it->second;
        } else {
            dep = std::make_shared<Deployment>(spec);
            dep->primaryInfo = *target;
            dep->canaryInfo = canary;
            dep->state = DeploymentState::Loading;
            dep->touch();
            d->map.emplace(spec.name, dep);
        }
    }
    if (existing)
        return d->applyToExisting(existing, spec, *target, canary, actor);

    d->persist(*dep, actor);
    d->audit(actor, QStringLiteral("deployment.create"), *dep, refText(spec));
    std::lock_guard lock(dep->mutex);
    d->scheduleLoad(dep, LoadKind::Initial);
    return d->statusLocked(*dep);
}

Result<DeploymentStatus> DeploymentManager::Private::applyToExisting(const std::shared_ptr<Deployment> &dep,
                                                                     DeploymentSpec spec, const VersionInfo &target,
                                                                     const std::optional<VersionInfo> &canary,
                                                                     const QString &actor)
{
    std::lock_guard op(dep->opMutex);
    bool loaded = false;
    {
        std::lock_guard lock(dep->mutex);
        if (dep->removed)
            return fail(deploymentNotFound(dep->name));
        loaded = dep->primary != nullptr;
        if (!loaded) {
            // Unloaded, failed or still loading: take the new definition and (re)load it.
            if (dep->primaryInfo && dep->primaryInfo->version != target.version &&
                dep->state != DeploymentState::Failed)
                dep->history.append(dep->primaryInfo->version);
            dep->spec = spec;
            dep->primaryInfo = target;
            dep->canaryInfo = canary;
            dep->canaryReason.clear();
            dep->explicitUnloaded = false;
            dep->idleUnloaded = false;
            dep->state = DeploymentState::Loading;
            dep->reason.clear();
            dep->loadError.reset();
            ++dep->generation;
            scheduleLoad(dep, LoadKind::Redeploy);
        }
    }
    if (!loaded) {
        dep->changed.notify_all();
        return commit(*dep, actor, QStringLiteral("deployment.update"), refText(spec));
    }

    // Serving: apply the differences one by one, each without interrupting traffic.
    if (auto s = configureLocked(dep, spec.batching, spec.isPublic); !s)
        return fail(s.error());
    auto swapped = swapLocked(dep, target, spec.alias.isEmpty() ? SwapMode::Manual : SwapMode::Alias);
    if (!swapped)
        return fail(swapped.error());
    std::optional<int> currentCanary;
    int currentPercent = 0;
    {
        std::lock_guard lock(dep->mutex);
        currentCanary = dep->spec.canaryVersion;
        currentPercent = dep->spec.canaryPercent;
    }
    if (currentCanary != spec.canaryVersion || currentPercent != spec.canaryPercent) {
        if (auto s = setCanaryLocked(dep, spec.canaryVersion, spec.canaryPercent); !s)
            return fail(s.error());
    }
    {
        std::lock_guard lock(dep->mutex);
        dep->spec.version = spec.version;
        dep->spec.alias = spec.alias;
        dep->spec.stickyHeader = spec.stickyHeader;
    }
    return commit(*dep, actor, QStringLiteral("deployment.update"), refText(spec));
}

Status DeploymentManager::Private::configureLocked(const std::shared_ptr<Deployment> &dep,
                                                   const BatchingConfig &batching, bool isPublic)
{
    if (auto s = checkBatchingConfig(batching); !s)
        return s;
    BatchingConfig old;
    std::shared_ptr<ModelInstance> instances[2];
    {
        std::lock_guard lock(dep->mutex);
        old = dep->spec.batching;
        dep->spec.batching = batching;
        dep->spec.isPublic = isPublic;
        instances[0] = dep->primary;
        instances[1] = dep->canary;
    }
    if (sameBatching(old, batching))
        return {};
    const bool recreate = old.workers != batching.workers || old.intraOpThreads != batching.intraOpThreads;
    for (std::shared_ptr<ModelInstance> &instance : instances) {
        if (!instance)
            continue;
        if (!recreate) {
            instance->setLimits(batching);
            continue;
        }
        // Worker and thread counts are fixed per instance: start a new one on the same (warm)
        // session, switch to it, and drain the old one — the same path as a hot swap.
        auto fresh = std::make_shared<ModelInstance>(dep->name, instance->version(), instance->session(), batching,
                                                     &observer, std::chrono::microseconds(options.workerSpinUs));
        fresh->inheritWarmup(instance->warmupNote());
        fresh->start();
        {
            std::lock_guard lock(dep->mutex);
            if (dep->primary == instance)
                dep->primary = fresh;
            else if (dep->canary == instance)
                dep->canary = fresh;
            dep->draining.append(instance);
        }
        retire(dep, std::move(instance));
    }
    return {};
}

Result<DeploymentStatus> DeploymentManager::configure(const QString &name, const BatchingConfig &batching,
                                                      bool isPublic, const QString &actor)
{
    return d->manage(name, [&](const std::shared_ptr<Deployment> &dep) -> Result<DeploymentStatus> {
        if (auto s = d->configureLocked(dep, batching, isPublic); !s)
            return fail(s.error());
        QJsonObject spec;
        {
            std::lock_guard lock(dep->mutex);
            spec = dep->spec.toJson();
        }
        const QString detail = QString::fromUtf8(QJsonDocument(spec.value(QStringLiteral("batching")).toObject())
                                                     .toJson(QJsonDocument::Compact)) +
                               (isPublic ? QStringLiteral(" public") : QStringLiteral(" private"));
        return d->commit(*dep, actor, QStringLiteral("deployment.configure"), detail);
    });
}

Result<DeploymentStatus> DeploymentManager::swap(const QString &name, int version, const QString &actor)
{
    const auto found = d->findForChange(name);
    if (!found)
        return fail(found.error());
    // Checked before waiting for the operation lock: a bad request is answered at once.
    if (version < 1)
        return fail(Error::invalid(QStringLiteral("version must be 1 or more, got %1").arg(version)));
    const std::shared_ptr<Deployment> &dep = *found;
    std::lock_guard op(dep->opMutex);
    QString model;
    int from = 0;
    {
        std::lock_guard lock(dep->mutex);
        model = dep->spec.model;
        from = dep->primaryInfo ? dep->primaryInfo->version : 0;
    }
    auto target = d->resolveVersion(model, version);
    if (!target)
        return fail(target.error());
    auto swapped = d->swapLocked(dep, *target, SwapMode::Manual);
    if (!swapped)
        return fail(swapped.error());
    d->persist(*dep, actor);
    if (*swapped)
        d->audit(actor, QStringLiteral("deployment.swap"), *dep,
                 QStringLiteral("version %1 -> %2").arg(from).arg(version));
    return d->status(*dep);
}

Result<DeploymentStatus> DeploymentManager::rollback(const QString &name, const QString &actor)
{
    return d->manage(name, [&](const std::shared_ptr<Deployment> &dep) -> Result<DeploymentStatus> {
        QString model;
        int version = 0;
        int from = 0;
        {
            std::lock_guard lock(dep->mutex);
            if (dep->history.isEmpty())
                return fail(Error::conflict(
                    QStringLiteral("deployment '%1' has no previous version to roll back to").arg(dep->name)));
            model = dep->spec.model;
            version = dep->history.last();
            from = dep->primaryInfo ? dep->primaryInfo->version : 0;
        }
        auto target = d->resolveVersion(model, version);
        if (!target)
            return fail(Error{target.error().code,
                              QStringLiteral("cannot roll back deployment '%1' to version %2: %3")
                                  .arg(dep->name)
                                  .arg(version)
                                  .arg(target.error().message)});
        auto swapped = d->swapLocked(dep, *target, SwapMode::Rollback);
        if (!swapped)
            return fail(swapped.error());
        return d->commit(*dep, actor, QStringLiteral("deployment.rollback"),
                         QStringLiteral("version %1 -> %2").arg(from).arg(version));
    });
}

Status DeploymentManager::Private::setCanaryLocked(const std::shared_ptr<Deployment> &dep, std::optional<int> version,
                                                   int percent)
{
    if (percent < 0 || percent > 100)
        return fail(Error::invalid(QStringLiteral("canary percent must be between 0 and 100, got %1").arg(percent)));
    std::optional<VersionInfo> info;
    std::shared_ptr<ModelInstance> current;
    bool loaded = false;
    BatchingConfig config;
    QString model;
    {
        std::lock_guard lock(dep->mutex);
        if (version && dep->primaryInfo && dep->primaryInfo->version == *version)
            return fail(Error::invalid(
                QStringLiteral("version %1 is already the primary version of deployment '%2'").arg(*version).arg(dep->name)));
        current = dep->canary;
        loaded = dep->primary != nullptr;
        config = dep->spec.batching;
        model = dep->spec.model;
    }
    if (version) {
        if (*version < 1)
            return fail(Error::invalid(QStringLiteral("canary version must be 1 or more, got %1").arg(*version)));
        auto resolved = resolveVersion(model, *version);
        if (!resolved)
            return fail(resolved.error());
        info = std::move(*resolved);
    }
    if (version && current && current->version().version == *version) {
        std::lock_guard lock(dep->mutex);
        dep->spec.canaryPercent = percent;
        return {};
    }
    std::shared_ptr<ModelInstance> fresh;
    if (version && loaded) {
        auto built = buildInstance(*dep, *info, config, false);
        if (!built)
            return fail(built.error());
        fresh = std::move(*built);
        ++loads;
    }
    {
        std::lock_guard lock(dep->mutex);
        dep->canary = fresh;
        dep->canaryInfo = info;
        dep->spec.canaryVersion = version;
        dep->spec.canaryPercent = version ? percent : 0;
        dep->canaryReason.clear();
        if (fresh)
            ++dep->loads;
        if (current) {
            dep->draining.append(current);
            countUnloads(*dep, 1);
        }
    }
    retire(dep, std::move(current));
    event(dep->name, version.value_or(0), DeploymentEvent::CanaryChanged, QString::number(version ? percent : 0));
    return {};
}

Result<DeploymentStatus> DeploymentManager::setCanary(const QString &name, std::optional<int> version, int percent,
                                                      const QString &actor)
{
    return d->manage(name, [&](const std::shared_ptr<Deployment> &dep) -> Result<DeploymentStatus> {
        if (auto s = d->setCanaryLocked(dep, version, percent); !s)
            return fail(s.error());
        return d->commit(*dep, actor, QStringLiteral("deployment.canary"),
                         version ? QStringLiteral("version %1 at %2%").arg(*version).arg(percent)
                                 : QStringLiteral("removed"));
    });
}

Result<DeploymentStatus> DeploymentManager::unload(const QString &name, const QString &actor)
{
    return d->manage(name, [&](const std::shared_ptr<Deployment> &dep) -> Result<DeploymentStatus> {
        std::shared_ptr<ModelInstance> primary, canary;
        std::deque<PendingRequest> parked;
        int version = 0;
        {
            std::lock_guard lock(dep->mutex);
            if (dep->explicitUnloaded)
                return d->statusLocked(*dep);
            primary = std::move(dep->primary);
            canary = std::move(dep->canary);
            if (primary)
                dep->draining.append(primary);
            if (canary)
                dep->draining.append(canary);
            d->countUnloads(*dep, (primary ? 1 : 0) + (canary ? 1 : 0));
            parked.swap(dep->parked);
            dep->state = DeploymentState::Unloaded;
            dep->explicitUnloaded = true;
            dep->idleUnloaded = false;
            dep->loadScheduled = false;
            dep->reason = QStringLiteral("unloaded by %1").arg(actor);
            ++dep->generation;
            version = dep->primaryInfo ? dep->primaryInfo->version : 0;
        }
        dep->changed.notify_all();
        for (PendingRequest &p : parked)
            d->reject(p, Error{Error::Code::Unavailable, QStringLiteral("deployment '%1' was unloaded").arg(name)},
                      0, {}, 0);
        d->retire(dep, std::move(primary));
        d->retire(dep, std::move(canary));
        d->persist(*dep, actor);
        d->audit(actor, QStringLiteral("deployment.unload"), *dep, QString());
        d->event(name, version, DeploymentEvent::Unloaded);
        return d->status(*dep);
    });
}

Status DeploymentManager::remove(const QString &name, const QString &actor)
{
    return d->manage(name, [&](const std::shared_ptr<Deployment> &dep) -> Status {
        {
            std::unique_lock lock(d->mapMutex);
            const auto it = d->map.find(name);
            if (it != d->map.end() && it->second == dep)
                d->map.erase(it);
        }
        std::shared_ptr<ModelInstance> primary, canary;
        std::deque<PendingRequest> parked;
        int version = 0;
        {
            std::lock_guard lock(dep->mutex);
            primary = std::move(dep->primary);
            canary = std::move(dep->canary);
            d->countUnloads(*dep, (primary ? 1 : 0) + (canary ? 1 : 0));
            parked.swap(dep->parked);
            dep->removed = true;
            dep->state = DeploymentState::Unloaded;
            dep->reason = QStringLiteral("removed by %1").arg(actor);
            ++dep->generation;
            version = dep->primaryInfo ? dep->primaryInfo->version : 0;
        }
        dep->changed.notify_all();
        for (PendingRequest &p : parked)
            d->reject(p, Error::notFound(QStringLiteral("deployment '%1' was removed").arg(name)), 0, {}, 0);
        d->retire(dep, std::move(primary));
        d->retire(dep, std::move(canary));
        d->audit(actor, QStringLiteral("deployment.remove"), *dep, QString());
        d->event(name, version, DeploymentEvent::Removed);
        if (d->options.persist) {
            auto s = d->catalog->registry().removeDeployment(name, actor);
            if (!s && s.error().code != Error::Code::NotFound)
                return fail(Error{s.error().code,
                                  QStringLiteral("deployment '%1' was stopped but its saved definition "
                                                 "could not be removed: %2")
                                      .arg(name, s.error().message)});
        }
        return {};
    });
}

Result<QList<DeploymentStatus>> DeploymentManager::restore()
{
    if (d->shuttingDown)
        return fail(shuttingDownError());
    auto records = d->catalog->registry().deployments();
    if (!records)
        return fail(records.error());
    QList<DeploymentStatus> restored;
    for (const DeploymentRecord &record : *records) {
        if (const auto existing = d->find(record.name)) {
            restored.append(d->status(*existing));
            continue;
        }
        std::shared_ptr<Deployment> dep;
        auto spec = DeploymentSpec::fromJson(record.spec);
        if (!spec) {
            if (!Names::isValidName(record.name)) {
                qCWarning(lcRuntime).noquote()
                    << QStringLiteral("skipping a saved deployment with an invalid name '%1'").arg(record.name.left(80));
                continue;
            }
            DeploymentSpec minimal;
            minimal.name = record.name;
            minimal.model = record.spec.value(QStringLiteral("model")).toString();
            dep = std::make_shared<Deployment>(minimal);
            dep->state = DeploymentState::Failed;
            dep->reason = QStringLiteral("the saved definition is invalid: %1").arg(spec.error().message);
            dep->loadError = Error::corrupt(dep->reason);
        } else {
            dep = std::make_shared<Deployment>(*spec);
            const QJsonObject runtime = record.spec.value(QStringLiteral("runtime")).toObject();
            for (const QJsonValue &v : runtime.value(QStringLiteral("history")).toArray()) {
                if (v.toInt() > 0)
                    dep->history.append(v.toInt());
            }
            dep->explicitUnloaded = runtime.value(QStringLiteral("unloaded")).toBool();
            auto target = d->resolveTarget(*spec);
            if (!target) {
                dep->state = DeploymentState::Failed;
                dep->reason = QStringLiteral("cannot resolve %1: %2").arg(refText(*spec), target.error().message);
                dep->loadError = target.error();
            } else {
                dep->primaryInfo = *target;
                if (spec->canaryVersion) {
                    auto c = d->resolveVersion(spec->model, *spec->canaryVersion);
                    if (c)
                        dep->canaryInfo = *c;
                    else
                        dep->canaryReason = c.error().message;
                }
                dep->state = dep->explicitUnloaded ? DeploymentState::Unloaded : DeploymentState::Loading;
                if (dep->explicitUnloaded)
                    dep->reason = QStringLiteral("unloaded before the restart");
            }
        }
        dep->touch();
        {
            std::unique_lock lock(d->mapMutex);
            if (d->map.contains(record.name))
                continue;
            d->map.emplace(record.name, dep);
        }
        std::lock_guard lock(dep->mutex);
        if (dep->state == DeploymentState::Loading)
            d->scheduleLoad(dep, LoadKind::Initial);
        else if (dep->state == DeploymentState::Failed)
            qCWarning(lcRuntime).noquote() << QStringLiteral("deployment '%1' failed: %2").arg(dep->name, dep->reason);
        restored.append(d->statusLocked(*dep));
    }
    return restored;
}

Result<DeploymentStatus> DeploymentManager::waitReady(const QString &name, std::chrono::milliseconds timeout) const
{
    const auto dep = d->find(name);
    if (!dep)
        return fail(deploymentNotFound(name));
    std::unique_lock lock(dep->mutex);
    const bool settled = dep->changed.wait_for(lock, timeout, [&dep] {
        return dep->removed || dep->state == DeploymentState::Ready || dep->state == DeploymentState::Failed ||
               dep->explicitUnloaded || dep->idleUnloaded;
    });
    if (!settled)
        return fail(Error{Error::Code::Timeout, QStringLiteral("deployment '%1' is still %2 after %3 ms")
                                                    .arg(name, deploymentStateName(dep->state))
                                                    .arg(timeout.count())});
    if (dep->removed)
        return fail(Error::notFound(QStringLiteral("deployment '%1' was removed").arg(name)));
    if (dep->state == DeploymentState::Failed)
        return fail(Error{dep->loadError ? dep->loadError->code : Error::Code::Unavailable,
                          QStringLiteral("deployment '%1' failed: %2").arg(name, dep->reason)});
    if (dep->explicitUnloaded)
        return fail(Error::conflict(QStringLiteral("deployment '%1' is unloaded").arg(name)));
    return d->statusLocked(*dep);
}

int DeploymentManager::refreshAliases()
{
    if (d->shuttingDown)
        return 0;
    return d->refreshAliases();
}

void DeploymentManager::setObserver(InferenceObserver *observer)
{
    d->observer.store(observer, std::memory_order_release);
}

RuntimeCounters DeploymentManager::counters() const
{
    return {d->loads.load(), d->unloads.load(), d->reloadsOnDemand.load()};
}

} // namespace ModelDesk::Runtime
