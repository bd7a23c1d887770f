#pragma once
// InferenceObserver: the torch-free hook through which the serving and monitoring side learns what
// the runtime did, request by request, without polling.
//
// Threads: called on runtime worker threads, on loader threads, or inline in infer() for an
// immediate rejection; never with a runtime lock held. Implementations must be thread-safe and
// cheap (a few atomic adds or a lock-free histogram insert): they run on the request's hot path.
// Ownership: not owned by the runtime; it must outlive the DeploymentManager it is set on (or be
// replaced with nullptr first).

#include "core/result.h"

#include <QString>
#include <cstdint>
#include <optional>

namespace ModelDesk::Runtime {

struct InferenceRecord
{
    QString deployment;
    QString model;                    // registry model name; empty when the deployment is unknown
    int version = 0;                  // the version that answered or was chosen; 0 when none was
    std::optional<Error::Code> error; // nullopt = success
    int64_t queueUs = 0;              // enqueue -> batch start (0 for immediate rejections)
    int64_t computeUs = 0;            // forward of the batch this request was in
    int64_t totalUs = 0;              // InferRequest::received -> callback
    int batchSize = 0;                // requests in the batch (0 when never batched)
};

enum class DeploymentEvent {
    Loaded,            // a version finished loading and warming (first load or reload)
    ReloadedOnDemand,  // a request arrived for an idle-unloaded deployment and it was loaded again
    Unloaded,          // explicit unload
    IdleUnloaded,      // the idle TTL expired
    Swapped,           // the primary version changed (swap, rollback, alias moved)
    CanaryChanged,
    Failed,            // a load or warm-up failed (detail holds the reason)
    Removed,
};

QString deploymentEventName(DeploymentEvent e); // "loaded", "reloaded_on_demand", ...

class InferenceObserver
{
public:
    virtual ~InferenceObserver() = default;
    virtual void onRequest(const InferenceRecord &record) = 0;
    virtual void onDeploymentEvent(const QString &deployment, int version, DeploymentEvent event,
                                   const QString &detail)
    {
    }
};

} // namespace ModelDesk::Runtime
