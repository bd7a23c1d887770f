#include "servinghost.h"

#include "deploymentwatcher.h"
#include "servingmetrics.h"

#include "monitoring/monitoringservice.h"
#include "registry/modelcatalog.h"
#include "security/tokenservice.h"

#include <QThreadPool>

namespace ModelDesk::Serving {

struct ServingHost::Private
{
    Private(Registry::ModelCatalog &c, ServingHostOptions o)
        : catalog(c)
        , options(std::move(o))
        , monitoring(monitoringOptions(c, options))
        , metrics(std::make_shared<ServingMetrics>(monitoring.metrics(), monitoring.inferenceObserver()))
        , runtime(&c, options.runtime)
        , tokens(c.registry(), [this](std::function<void()> job) { background.start(std::move(job)); })
        , watcher(runtime, c.registry())
    {
        background.setMaxThreadCount(1);
        runtime.setObserver(metrics.get());
        monitoring.setInferenceEngine(&runtime);
    }

    static Monitoring::MonitoringOptions monitoringOptions(Registry::ModelCatalog &c, const ServingHostOptions &o)
    {
        Monitoring::MonitoringOptions m;
        m.history = o.history;
        if (o.persistHistory)
            m.databasePath = c.workspace().root() + QStringLiteral("/metrics.sqlite");
        return m;
    }

    Registry::ModelCatalog &catalog;
    ServingHostOptions options;
    QThreadPool background; // token last-used updates; declared before tokens, which use it
    Monitoring::MonitoringService monitoring;
    std::shared_ptr<ServingMetrics> metrics;
    Runtime::DeploymentManager runtime;
    Security::TokenService tokens;
    DeploymentWatcher watcher;
    std::unique_ptr<ModelServer> server;
    bool started = false;
    bool watching = false;
    bool shutDown = false;
};

ServingHost::ServingHost(Registry::ModelCatalog &catalog, ServingHostOptions options)
    : d(std::make_unique<Private>(catalog, std::move(options)))
{
}

ServingHost::~ServingHost()
{
    shutdown();
}

QStringList ServingHost::start()
{
    QStringList warnings;
    if (d->started || d->shutDown)
        return warnings;
    d->started = true;
    if (auto s = d->monitoring.start(); !s)
        warnings << QStringLiteral("metrics history is kept in memory only: ") + s.error().message;
    if (auto restored = d->runtime.restore(); !restored)
        warnings << QStringLiteral("deployments were not restored: ") + restored.error().message;
    if (d->options.watchOtherProcesses) {
        d->watcher.start();
        d->watching = true;
    }
    return warnings;
}

Status ServingHost::startServer()
{
    if (d->shutDown)
        return fail(Error{Error::Code::Unavailable, QStringLiteral("the serving stack is shut down")});
    if (d->server && d->server->isRunning())
        return {};
    d->server = std::make_unique<ModelServer>(d->runtime, d->catalog, d->tokens, d->options.server, d->metrics);
    if (auto s = d->server->start(); !s) {
        d->server.reset();
        return s;
    }
    return {};
}

void ServingHost::stopServer()
{
    if (d->server) {
        d->server->stop();
        d->server.reset();
    }
}

bool ServingHost::isServerRunning() const
{
    return d->server && d->server->isRunning();
}

QString ServingHost::serverUrl() const
{
    return isServerRunning() ? d->server->url() : QString();
}

quint16 ServingHost::serverPort() const
{
    return isServerRunning() ? d->server->port() : quint16(0);
}

void ServingHost::setServerOptions(const ModelServerOptions &options)
{
    d->options.server = options;
}

ModelServerOptions ServingHost::serverOptions() const
{
    return d->options.server;
}

Runtime::DeploymentManager &ServingHost::runtime()
{
    return d->runtime;
}

Monitoring::MonitoringService &ServingHost::monitoring()
{
    return d->monitoring;
}

Security::TokenService &ServingHost::tokens()
{
    return d->tokens;
}

RequestJournal &ServingHost::requestJournal()
{
    return d->metrics->journal();
}

Registry::ModelCatalog &ServingHost::catalog()
{
    return d->catalog;
}

void ServingHost::shutdown()
{
    if (d->shutDown)
        return;
    d->shutDown = true;
    if (d->watching)
        d->watcher.stop();
    stopServer();
    d->runtime.shutdown();
    d->runtime.setObserver(nullptr);
    d->monitoring.setInferenceEngine(nullptr);
    d->monitoring.stop();
    d->background.waitForDone();
}

} // namespace ModelDesk::Serving
