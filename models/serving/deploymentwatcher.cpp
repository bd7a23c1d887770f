#include "deploymentwatcher.h"

#include "core/logging.h"
#include "registry/modelregistry.h"

namespace ModelDesk::Serving {

namespace {
const QString kActor = QStringLiteral("workspace-sync");
}

DeploymentWatcher::DeploymentWatcher(Runtime::InferenceEngine &engine, Registry::ModelRegistry &registry,
                                     std::chrono::milliseconds interval)
    : m_engine(engine), m_registry(registry), m_interval(interval)
{
}

DeploymentWatcher::~DeploymentWatcher() { stop(); }

void DeploymentWatcher::takeSnapshot()
{
    auto counter = m_registry.changeCounter();
    auto records = m_registry.deployments();
    if (!counter || !records) {
        qCWarning(lcServing).noquote() << "cannot read deployment definitions:"
                                       << (counter ? records.error().message : counter.error().message);
        return;
    }
    m_counter = *counter;
    m_snapshot.clear();
    for (const DeploymentRecord &r : *records)
        m_snapshot.insert(r.name, r.spec);
}

void DeploymentWatcher::start()
{
    {
        std::lock_guard lock(m_pollMutex);
        takeSnapshot();
    }
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
            if (m_stopping)
                break;
            lock.unlock();
            poll();
            lock.lock();
        }
    });
}

void DeploymentWatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

int DeploymentWatcher::poll()
{
    std::lock_guard pollLock(m_pollMutex);
    auto counter = m_registry.changeCounter();
    if (!counter || (m_counter && *counter == *m_counter))
        return 0;
    auto records = m_registry.deployments();
    if (!records) {
        qCWarning(lcServing).noquote() << "cannot read deployment definitions:" << records.error().message;
        return 0;
    }
    m_counter = *counter;
    QHash<QString, QJsonObject> current;
    for (const DeploymentRecord &r : *records)
        current.insert(r.name, r.spec);

    int changes = 0;
    for (auto it = current.constBegin(); it != current.constEnd(); ++it) {
        if (m_snapshot.value(it.key()) == it.value())
            continue;
        auto spec = Runtime::DeploymentSpec::fromJson(it.value());
        if (!spec) {
            qCWarning(lcServing).noquote() << "ignoring invalid deployment definition" << it.key() << ":"
                                           << spec.error().message;
            continue;
        }
        auto running = m_engine.deployment(spec->name);
        if (running && running->spec.toJson() == spec->toJson())
            continue; // the engine saved what it already runs
        qCInfo(lcServing).noquote() << "applying changed deployment definition" << spec->name;
        if (auto r = m_engine.deploy(*spec, kActor); !r)
            qCWarning(lcServing).noquote() << "cannot apply deployment" << spec->name << ":" << r.error().message;
        ++changes;
    }
    for (auto it = m_snapshot.constBegin(); it != m_snapshot.constEnd(); ++it) {
        if (current.contains(it.key()) || !m_engine.deployment(it.key()))
            continue;
        qCInfo(lcServing).noquote() << "removing deployment" << it.key() << "(its definition was deleted)";
        if (auto s = m_engine.remove(it.key(), kActor); !s && s.error().code != Error::Code::NotFound)
            qCWarning(lcServing).noquote() << "cannot remove deployment" << it.key() << ":" << s.error().message;
        ++changes;
    }
    m_snapshot = std::move(current);
    return changes;
}

} // namespace ModelDesk::Serving
