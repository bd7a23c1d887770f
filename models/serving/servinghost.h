#pragma once
// ServingHost: the whole local serving stack of one process, as the console and
// `modeldesk-cli serve` run it — monitoring (metrics registry, history, alerts), the runtime
// (DeploymentManager), API tokens, the HTTP server and the watcher that follows deployment
// definitions changed by other processes. It is the one place that knows the wiring order
// (observer before traffic, restore before serving, tear-down in reverse).
//
// The HTTP server can be switched on and off while the runtime keeps its deployments loaded (the
// console's "server on/off"); deployments stay usable in-process (try-it panel) when it is off.
//
// Threads: construct, start(), startServer(), stopServer() and shutdown() on the owner's thread
// (the console's GUI thread: they do not block beyond binding a socket and joining the server's
// threads). runtime() and tokens() are thread-safe and their blocking calls (deploy, swap...)
// belong on a worker thread. monitoring() is a QObject living on the owner's thread.
// Ownership: the catalog must outlive the host.

#include "modelserver.h"

#include "core/result.h"
#include "monitoring/metricshistory.h"
#include "runtime/deploymentmanager.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace ModelDesk::Registry {
class ModelCatalog;
}
namespace ModelDesk::Monitoring {
class MonitoringService;
}
namespace ModelDesk::Security {
class TokenService;
}

namespace ModelDesk::Serving {

class RequestJournal;

struct ServingHostOptions
{
    ModelServerOptions server;                    // address, port, TLS, limits
    Runtime::DeploymentManagerOptions runtime;
    bool persistHistory = true;                   // <workspace>/metrics.sqlite; false = memory only
    Monitoring::HistoryOptions history;           // ring length, retention of minute/hour points
    bool watchOtherProcesses = true;              // follow deploy/undeploy done by the CLI
};

class ServingHost final
{
public:
    ServingHost(Registry::ModelCatalog &catalog, ServingHostOptions options);
    ~ServingHost(); // shutdown()
    ServingHost(const ServingHost &) = delete;
    ServingHost &operator=(const ServingHost &) = delete;

    // Starts monitoring, restores the persisted deployments (they load in the background) and the
    // watcher. Does not open the HTTP port. Never fails as a whole: what went wrong (history kept
    // in memory only, deployments not restored) comes back as warnings for the operator.
    QStringList start();

    // Opens the HTTP port with the current server options (bind errors: Io / InvalidArgument).
    Status startServer();
    void stopServer();
    bool isServerRunning() const;
    QString serverUrl() const;  // empty when stopped
    quint16 serverPort() const; // 0 when stopped
    // Applied by the next startServer() (the console restarts the server to apply them).
    void setServerOptions(const ModelServerOptions &options);
    ModelServerOptions serverOptions() const;

    Runtime::DeploymentManager &runtime();
    Monitoring::MonitoringService &monitoring();
    Security::TokenService &tokens();
    Registry::ModelCatalog &catalog();
    // The HTTP requests the server answered lately (kept across server restarts).
    RequestJournal &requestJournal();

    // Stops the server, the watcher, the runtime (pending requests answered "shutting down") and
    // monitoring (persists the open minute). Idempotent.
    void shutdown();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Serving
