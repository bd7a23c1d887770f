#pragma once
// InferenceEngine: what the HTTP layer (models/serving) needs from the runtime. The real
// implementation is DeploymentManager (LibTorch); tests of the serving layer may use a fake.
//
// Threads: every method is thread-safe. infer() never blocks: it validates, queues and returns; the
// callback runs exactly once, on a runtime thread (or inline for an immediate rejection), so the
// caller must post back to its own executor. Management calls may block (loading a model): call them
// off the GUI thread and off the HTTP I/O threads (the server runs them on a small blocking pool).
// Errors: InvalidArgument (input does not match the signature), NotFound (unknown deployment or
// version), Unavailable (queue full, not ready; retryAfterSeconds set), Timeout, Conflict.

#include "tensor.h"

#include "core/modeltypes.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>
#include <vector>

namespace ModelDesk::Runtime {

struct InferRequest
{
    QString id;                       // client's request id, echoed
    QString deployment;               // endpoint name (KServe "model name")
    std::optional<int> version;       // pinned version from /versions/{v}; nullopt = routed (canary)
    std::vector<Tensor> inputs;
    QStringList requestedOutputs;     // empty = all
    QString stickyKey;                // canary stickiness (e.g. a header value); empty = random
    std::chrono::steady_clock::time_point received = std::chrono::steady_clock::now();
};

struct InferTimings
{
    int64_t queueUs = 0;              // enqueue -> batch start
    int64_t computeUs = 0;            // forward of the batch this request was in
    int batchSize = 1;
};

struct InferResponse
{
    QString id;
    QString deployment;
    QString model;                    // registry model name
    int version = 0;                  // the version that answered
    std::vector<Tensor> outputs;
    InferTimings timings;
};

struct InferError
{
    Error error;
    int retryAfterSeconds = 0;        // for Unavailable
};

using InferResult = std::expected<InferResponse, InferError>;
using InferCallback = std::function<void(InferResult)>;

struct BatchingConfig
{
    int maxBatchSize = 8;
    int maxQueueDelayUs = 500;
    int workers = 1;
    int intraOpThreads = 1;
    int queueCapacity = 1024;
    int requestTimeoutMs = 30000;
    int idleUnloadSeconds = 0;        // 0 = never
};

// Range checks of a batching config (InvalidArgument naming the field and its allowed range).
// maxQueueDelayUs is an upper bound: a lone request with no concurrent traffic is not held back.
Status checkBatchingConfig(const BatchingConfig &batching);

// What to serve: a model reference (name + version, or name + alias followed when it moves),
// an optional canary, batching and visibility.
struct DeploymentSpec
{
    QString name;                     // endpoint name (validated)
    QString model;
    std::optional<int> version;       // pinned
    QString alias;                    // followed (when version is not set); empty + no version = latest at deploy time
    std::optional<int> canaryVersion;
    int canaryPercent = 0;            // 0..100 of routed traffic to canaryVersion
    QString stickyHeader;             // header whose value keeps a client on one version (empty = none)
    bool isPublic = false;            // inference without a token
    BatchingConfig batching;

    QJsonObject toJson() const;
    static Result<DeploymentSpec> fromJson(const QJsonObject &o); // validates
    // The JSON form used by fromJson/toJson and persistence (snake_case keys):
    // {"name","model","version"|null,"alias","canary_version"|null,"canary_percent","sticky_header","public",
    //  "batching":{"max_batch_size","max_queue_delay_us","workers","intra_op_threads","queue_capacity",
    //              "request_timeout_ms","idle_unload_seconds"}}; missing keys take the defaults above.
    Status validate() const;
};

enum class DeploymentState { Loading, Warming, Ready, Draining, Unloaded, Failed };
QString deploymentStateName(DeploymentState s); // "loading", ...

struct VersionStatus
{
    int version = 0;
    DeploymentState state = DeploymentState::Loading;
    QString reason;                   // for Failed
    int trafficPercent = 0;
    Signature signature;
    QString digest;
    QString warmup;                   // "3 warm-up forwards" or why warm-up was skipped
    int queueDepth = 0;
    int inFlight = 0;
};

struct DeploymentStatus
{
    DeploymentSpec spec;
    DeploymentState state = DeploymentState::Loading;   // of the primary version
    QString reason;
    // Failed only: the code of the error that failed it (Unavailable: the master key was missing,
    // the workspace is locked - worth loading again once it is unlocked).
    std::optional<Error::Code> failure;
    QList<VersionStatus> versions;    // primary first, then canary
    QList<int> history;               // previous primary versions, newest last (rollback target = last)
    int queueDepth = 0;
    int inFlight = 0;
    QDateTime lastRequest;
    bool idleUnloaded = false;        // Unloaded by the idle TTL: the next request loads it again
    int loads = 0;                    // completed loads of this deployment in this process (reloads included)
    int unloads = 0;                  // explicit, idle and swap-drain unloads
};

// JSON form of a status for the CLI (`deployments --json`) and the management API:
// {"name","state","reason","spec":{...},"versions":[{"version","state","reason","traffic_percent","digest",
//  "warmup","queue_depth","in_flight","signature"}],"history":[...],"queue_depth","in_flight","last_request",
//  "idle_unloaded","loads","unloads"}.
QJsonObject toJson(const DeploymentStatus &status);

class InferenceEngine
{
public:
    virtual ~InferenceEngine() = default;

    // Inference (non-blocking, see above).
    virtual void infer(InferRequest request, InferCallback done) = 0;

    // Read side.
    virtual QList<DeploymentStatus> deployments() const = 0;
    virtual Result<DeploymentStatus> deployment(const QString &name) const = 0;
    virtual bool isReady() const = 0;   // true when every deployment that should be ready is

    // Management (may block while loading; see thread note above). `actor` goes to the audit log.
    virtual Result<DeploymentStatus> deploy(const DeploymentSpec &spec, const QString &actor) = 0;
    virtual Result<DeploymentStatus> configure(const QString &name, const BatchingConfig &batching, bool isPublic,
                                               const QString &actor) = 0;
    virtual Result<DeploymentStatus> swap(const QString &name, int version, const QString &actor) = 0; // hot swap
    virtual Result<DeploymentStatus> rollback(const QString &name, const QString &actor) = 0;
    virtual Result<DeploymentStatus> setCanary(const QString &name, std::optional<int> version, int percent,
                                               const QString &actor) = 0;
    virtual Result<DeploymentStatus> unload(const QString &name, const QString &actor) = 0;  // keep definition
    virtual Status remove(const QString &name, const QString &actor) = 0;                     // delete definition
};

} // namespace ModelDesk::Runtime
