#include "deploymentmanager_p.h"
#include "inferencesession.h"

#include "core/logging.h"
#include "registry/modelcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ModelDesk::Runtime {

namespace {
constexpr int kMaxHistory = 50;
const QString kRuntimeActor = QStringLiteral("runtime");

QString versionContext(const VersionInfo &info)
{
    return QStringLiteral("model '%1' version %2").arg(info.model).arg(info.version);
}
} // namespace

Result<std::shared_ptr<ModelInstance>> DeploymentManager::Private::buildInstance(Deployment &dep,
                                                                                 const VersionInfo &info,
                                                                                 const BatchingConfig &config,
                                                                                 bool reportWarming)
{
    // An artifact already loaded in this deployment (same digest) is shared, not loaded twice.
    std::shared_ptr<InferenceSession> session;
    {
        std::lock_guard lock(dep.mutex);
        for (const auto &instance : {dep.primary, dep.canary}) {
            if (instance && instance->version().digest == info.digest)
                session = instance->session();
        }
    }
    if (!session) {
        auto bytes = catalog->readArtifact(info);   // digest-verified
        if (!bytes)
            return fail(bytes.error());
        auto loaded = InferenceSession::load(*bytes, versionContext(info));
        *bytes = QByteArray();
        if (!loaded)
            return fail(loaded.error());
        session = std::move(*loaded);
    }
    if (reportWarming) {
        {
            std::lock_guard lock(dep.mutex);
            dep.state = DeploymentState::Warming;
        }
        dep.changed.notify_all();
    }
    auto instance = std::make_shared<ModelInstance>(dep.name, info, std::move(session), config, &observer,
                                                    std::chrono::microseconds(options.workerSpinUs));
    auto note = instance->warmUp(options.warmupRuns);
    if (!note)
        return fail(Error{note.error().code, versionContext(info) + QStringLiteral(": ") + note.error().message});
    instance->start();
    return instance;
}

void DeploymentManager::Private::scheduleLoad(const std::shared_ptr<Deployment> &dep, LoadKind kind)
{
    dep->loadScheduled = true;
    const quint64 generation = dep->generation;
    const bool posted = loader->post([this, dep, generation, kind] {
        std::lock_guard op(dep->opMutex);
        (void)loadLocked(dep, generation, kind);
    });
    if (!posted)
        dep->loadScheduled = false;
}

Status DeploymentManager::Private::loadLocked(const std::shared_ptr<Deployment> &dep, quint64 generation, LoadKind kind)
{
    VersionInfo primaryInfo;
    std::optional<VersionInfo> canaryInfo;
    BatchingConfig config;
    {
        std::lock_guard lock(dep->mutex);
        const bool stale = dep->generation != generation;
        if (!stale)
            dep->loadScheduled = false;
        if (stale || dep->removed || shuttingDown || dep->primary || dep->explicitUnloaded || !dep->primaryInfo)
            return {};
        primaryInfo = *dep->primaryInfo;
        canaryInfo = dep->canaryInfo;
        config = dep->spec.batching;
        dep->state = DeploymentState::Loading;
        dep->reason.clear();
    }
    dep->changed.notify_all();

    auto built = buildInstance(*dep, primaryInfo, config, true);
    if (!built) {
        markFailed(dep, built.error());
        return fail(built.error());
    }
    std::shared_ptr<ModelInstance> canary;
    QString canaryReason;
    if (canaryInfo) {
        auto c = buildInstance(*dep, *canaryInfo, config, false);
        if (c)
            canary = std::move(*c);
        else
            canaryReason = c.error().message;
    }

    std::deque<PendingRequest> parked;
    {
        std::lock_guard lock(dep->mutex);
        if (shuttingDown)
            return fail(Error{Error::Code::Unavailable, QStringLiteral("server shutting down")});
        dep->primary = *built;
        dep->canary = canary;
        dep->canaryState = canary ? DeploymentState::Ready : DeploymentState::Failed;
        dep->canaryReason = canaryReason;
        dep->state = DeploymentState::Ready;
        dep->reason.clear();
        dep->loadError.reset();
        dep->idleUnloaded = false;
        dep->idleUnloadScheduled = false;
        dep->loads += canary ? 2 : 1;
        loads += canary ? 2 : 1;
        if (kind == LoadKind::ReloadOnDemand)
            ++reloadsOnDemand;
        parked.swap(dep->parked);
    }
    dep->touch();
    qCInfo(lcRuntime).noquote() << QStringLiteral("deployment '%1': %2 ready (%3)")
                                       .arg(dep->name, versionContext(primaryInfo), (*built)->warmupNote());
    event(dep->name, primaryInfo.version,
          kind == LoadKind::ReloadOnDemand ? DeploymentEvent::ReloadedOnDemand : DeploymentEvent::Loaded,
          (*built)->warmupNote());
    if (canaryInfo && !canary) {
        qCWarning(lcRuntime).noquote() << QStringLiteral("deployment '%1': canary failed: %2").arg(dep->name, canaryReason);
        event(dep->name, canaryInfo->version, DeploymentEvent::Failed, canaryReason);
    }
    // Observers hear about the load before waiters wake, so what they report matches the status.
    dep->changed.notify_all();
    for (PendingRequest &p : parked)
        dispatch(dep, p);
    return {};
}

void DeploymentManager::Private::markFailed(const std::shared_ptr<Deployment> &dep, const Error &error)
{
    std::deque<PendingRequest> parked;
    QString model;
    int version = 0;
    {
        std::lock_guard lock(dep->mutex);
        dep->state = DeploymentState::Failed;
        dep->reason = error.message;
        dep->loadError = error;
        dep->idleUnloaded = false;
        dep->loadScheduled = false;
        parked.swap(dep->parked);
        if (dep->primaryInfo) {
            model = dep->primaryInfo->model;
            version = dep->primaryInfo->version;
        }
    }
    dep->changed.notify_all();
    qCWarning(lcRuntime).noquote() << QStringLiteral("deployment '%1' failed: %2").arg(dep->name, error.message);
    for (PendingRequest &p : parked)
        reject(p,
               Error{Error::Code::Unavailable,
                     QStringLiteral("deployment '%1' failed to load: %2").arg(dep->name, error.message)},
               0, model, version);
    event(dep->name, version, DeploymentEvent::Failed, error.message);
}

Result<bool> DeploymentManager::Private::swapLocked(const std::shared_ptr<Deployment> &dep, const VersionInfo &target,
                                                    SwapMode mode)
{
    std::shared_ptr<ModelInstance> next;
    bool promoted = false;
    bool loaded = false;
    int currentVersion = 0;
    BatchingConfig config;
    {
        std::lock_guard lock(dep->mutex);
        currentVersion = dep->primaryInfo ? dep->primaryInfo->version : 0;
        const bool same = dep->primaryInfo && dep->primaryInfo->model == target.model &&
                          dep->primaryInfo->version == target.version;
        if (same && dep->state != DeploymentState::Failed) {
            if (mode == SwapMode::Rollback && !dep->history.isEmpty())
                dep->history.removeLast();
            if (mode != SwapMode::Alias) {
                dep->spec.version = target.version;
                dep->spec.alias.clear();
            }
            return mode == SwapMode::Rollback;
        }
        loaded = dep->primary != nullptr;
        config = dep->spec.batching;
        if (loaded && dep->canary && dep->canary->version().version == target.version) {
            next = dep->canary;
            promoted = true;
        }
    }

    // Changes the definition to `target` (dep->mutex held).
    auto applyDefinition = [&] {
        if (mode == SwapMode::Rollback) {
            if (!dep->history.isEmpty())
                dep->history.removeLast();
        } else if (currentVersion > 0 && currentVersion != target.version) {
            dep->history.append(currentVersion);
            while (dep->history.size() > kMaxHistory)
                dep->history.removeFirst();
        }
        if (mode != SwapMode::Alias) {
            dep->spec.version = target.version;
            dep->spec.alias.clear();
        }
        dep->primaryInfo = target;
        if (dep->canaryInfo && dep->canaryInfo->version == target.version) {
            dep->canaryInfo.reset();
            dep->spec.canaryVersion.reset();
            dep->spec.canaryPercent = 0;
        }
        ++dep->generation;
    };

    if (!loaded) {
        // Nothing serves: change the definition, and load it now unless the deployment is unloaded.
        bool load = false;
        quint64 generation = 0;
        {
            std::lock_guard lock(dep->mutex);
            applyDefinition();
            load = !dep->explicitUnloaded && !dep->idleUnloaded;
            if (load) {
                dep->state = DeploymentState::Loading;
                dep->reason.clear();
            }
            generation = dep->generation;
        }
        if (load) {
            if (auto s = loadLocked(dep, generation, LoadKind::Redeploy); !s)
                return fail(s.error());
        }
        event(dep->name, target.version, DeploymentEvent::Swapped);
        return true;
    }

    if (!next) {
        auto built = buildInstance(*dep, target, config, false);
        if (!built)
            return fail(Error{built.error().code, QStringLiteral("%1 (version %2 keeps serving)")
                                                       .arg(built.error().message)
                                                       .arg(currentVersion)});
        next = std::move(*built);
    }
    std::shared_ptr<ModelInstance> old;
    {
        std::lock_guard lock(dep->mutex);
        old = dep->primary;
        dep->primary = next;
        if (promoted)
            dep->canary.reset();
        applyDefinition();
        dep->state = DeploymentState::Ready;
        dep->reason.clear();
        dep->loadError.reset();
        if (!promoted) {
            ++dep->loads;
            ++loads;
        }
        if (old) {
            dep->draining.append(old);
            countUnloads(*dep, 1);
        }
    }
    dep->changed.notify_all();
    qCInfo(lcRuntime).noquote() << QStringLiteral("deployment '%1': switched from version %2 to %3")
                                       .arg(dep->name)
                                       .arg(currentVersion)
                                       .arg(target.version);
    retire(dep, std::move(old));
    event(dep->name, target.version, DeploymentEvent::Swapped, QString::number(currentVersion));
    return true;
}

void DeploymentManager::Private::countUnloads(Deployment &dep, int n)
{
    dep.unloads += n;
    unloads += n;
}

void DeploymentManager::Private::retire(const std::shared_ptr<Deployment> &dep, std::shared_ptr<ModelInstance> instance)
{
    if (!instance)
        return;
    instance->drain();
    {
        std::lock_guard lock(dep->mutex);
        dep->draining.removeAll(instance);
    }
    instance.reset();   // normally the last owner: frees the module (unless another instance shares it)
    InferenceSession::releaseFreedMemory();
}

void DeploymentManager::Private::idleUnload(const std::shared_ptr<Deployment> &dep, quint64 generation)
{
    std::lock_guard op(dep->opMutex);
    std::shared_ptr<ModelInstance> primary, canary;
    int ttl = 0;
    int version = 0;
    {
        std::lock_guard lock(dep->mutex);
        dep->idleUnloadScheduled = false;
        ttl = dep->spec.batching.idleUnloadSeconds;
        const auto last = Clock::time_point(Clock::duration(dep->lastActivityNs.load(std::memory_order_relaxed)));
        if (dep->generation != generation || !dep->primary || dep->state != DeploymentState::Ready || ttl <= 0 ||
            Clock::now() - last < std::chrono::seconds(ttl) || !dep->parked.empty() || shuttingDown)
            return;
        primary = std::move(dep->primary);
        canary = std::move(dep->canary);
        dep->draining.append(primary);
        if (canary)
            dep->draining.append(canary);
        countUnloads(*dep, canary ? 2 : 1);
        version = primary->version().version;
        dep->state = DeploymentState::Unloaded;
        dep->idleUnloaded = true;
        dep->reason = QStringLiteral("unloaded after %1 s without requests; the next request loads it again").arg(ttl);
        ++dep->generation;
    }
    dep->changed.notify_all();
    retire(dep, std::move(primary));
    retire(dep, std::move(canary));
    qCInfo(lcRuntime).noquote() << QStringLiteral("deployment '%1' unloaded after %2 s idle").arg(dep->name).arg(ttl);
    event(dep->name, version, DeploymentEvent::IdleUnloaded);
}

int DeploymentManager::Private::refreshAliases()
{
    int swapped = 0;
    for (const std::shared_ptr<Deployment> &dep : snapshot()) {
        QString model, alias;
        int current = 0;
        {
            std::lock_guard lock(dep->mutex);
            if (dep->spec.alias.isEmpty() || dep->spec.version || dep->removed)
                continue;
            model = dep->spec.model;
            alias = dep->spec.alias;
            current = dep->primaryInfo ? dep->primaryInfo->version : 0;
        }
        auto info = catalog->registry().resolve(model, alias);
        if (!info) {
            qCWarning(lcRuntime).noquote()
                << QStringLiteral("deployment '%1' follows %2@%3: %4").arg(dep->name, model, alias, info.error().message);
            continue;
        }
        if (info->version == current)
            continue;
        std::lock_guard op(dep->opMutex);
        {
            std::lock_guard lock(dep->mutex);
            if (dep->removed || dep->spec.alias != alias || dep->spec.version ||
                (dep->primaryInfo && dep->primaryInfo->version == info->version))
                continue;
        }
        auto r = swapLocked(dep, *info, SwapMode::Alias);
        if (!r) {
            qCWarning(lcRuntime).noquote() << QStringLiteral("deployment '%1' cannot follow %2@%3 to version %4: %5")
                                                  .arg(dep->name, model, alias)
                                                  .arg(info->version)
                                                  .arg(r.error().message);
            continue;
        }
        if (*r) {
            ++swapped;
            persist(*dep, kRuntimeActor);
            audit(kRuntimeActor, QStringLiteral("deployment.follow_alias"), *dep,
                  QStringLiteral("%1@%2 moved from version %3 to %4").arg(model, alias).arg(current).arg(info->version));
        }
    }
    return swapped;
}

void DeploymentManager::Private::persist(const Deployment &dep, const QString &actor) const
{
    if (!options.persist)
        return;
    DeploymentRecord record;
    record.name = dep.name;
    {
        std::lock_guard lock(dep.mutex);
        record.spec = dep.spec.toJson();
        QJsonArray history;
        for (int v : dep.history)
            history.append(v);
        record.spec.insert(QStringLiteral("runtime"),
                           QJsonObject{{QStringLiteral("unloaded"), dep.explicitUnloaded},
                                       {QStringLiteral("history"), history},
                                       {QStringLiteral("current_version"),
                                        dep.primaryInfo ? dep.primaryInfo->version : 0}});
    }
    record.updated = QDateTime::currentDateTimeUtc();
    if (auto s = catalog->registry().saveDeployment(record, actor); !s)
        qCWarning(lcRuntime).noquote() << QStringLiteral("cannot save deployment '%1': %2").arg(dep.name, s.error().message);
}

void DeploymentManager::Private::audit(const QString &actor, const QString &action, const Deployment &dep,
                                       const QString &detail) const
{
    if (!options.persist)
        return;
    // Same target form as the registry's own "deployment.save" entries, so one query finds both.
    const QString target = QStringLiteral("deployment/") + dep.name;
    QString version;
    {
        std::lock_guard lock(dep.mutex);
        version = dep.spec.model;
        if (dep.primaryInfo)
            version += QLatin1Char(':') + QString::number(dep.primaryInfo->version);
    }
    const QJsonObject json{{QStringLiteral("model"), version}, {QStringLiteral("detail"), detail}};
    if (auto s = catalog->registry().recordAudit(actor, action, target,
                                                 QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        !s)
        qCWarning(lcRuntime).noquote() << QStringLiteral("cannot record audit for deployment '%1': %2")
                                              .arg(dep.name, s.error().message);
}

} // namespace ModelDesk::Runtime
