#pragma once
// DeploymentWatcher: makes a running engine follow changes to the deployment definitions persisted
// in the registry by another process — `modeldesk-cli deploy/undeploy/swap/canary` without --url
// only edit those definitions, and a running `serve` (or console) picks them up within about one
// poll interval. It polls registry().changeCounter() (one cheap query) and, when it moved, diffs the
// definitions against the previous snapshot: a new or changed definition is applied with
// engine.deploy() unless the engine already runs exactly that spec; a definition that disappeared is
// removed from the engine. Only differences between snapshots are acted on, so the engine's own
// saves (through the API) are no-ops and a deployment never races its first save.
//
// Threads: its own thread; engine and registry calls block there. Ownership: engine and registry
// must outlive the watcher (stop() or the destructor joins the thread).

#include "runtime/inferenceengine.h"

#include <QHash>
#include <QJsonObject>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace ModelDesk::Registry {
class ModelRegistry;
}

namespace ModelDesk::Serving {

class DeploymentWatcher final
{
public:
    DeploymentWatcher(Runtime::InferenceEngine &engine, Registry::ModelRegistry &registry,
                      std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    ~DeploymentWatcher();
    DeploymentWatcher(const DeploymentWatcher &) = delete;
    DeploymentWatcher &operator=(const DeploymentWatcher &) = delete;

    // Takes the current definitions as the baseline, then polls on its own thread.
    void start();
    void stop();

    // One pass on the calling thread: applies what changed since the last snapshot (or since
    // start()). Returns the number of engine changes made.
    int poll();

private:
    void takeSnapshot();

    Runtime::InferenceEngine &m_engine;
    Registry::ModelRegistry &m_registry;
    std::chrono::milliseconds m_interval;
    std::mutex m_pollMutex;                       // one poll at a time
    std::optional<qint64> m_counter;
    QHash<QString, QJsonObject> m_snapshot;       // name -> persisted spec JSON
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ModelDesk::Serving
