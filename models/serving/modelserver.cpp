#include "modelserver.h"

#include "apirouter.h"

#include "core/logging.h"
#include "registry/modelcatalog.h"

#include <QDir>
#include <QThreadPool>

namespace ModelDesk::Serving {

struct ModelServer::Private
{
    ModelServerOptions options;
    QThreadPool pool;
    std::unique_ptr<ServingContext> context;
    std::unique_ptr<ApiRouter> router;
    std::unique_ptr<HttpServer> http;
};

ModelServer::ModelServer(Runtime::InferenceEngine &engine, Registry::ModelCatalog &catalog,
                         Security::TokenService &tokens, ModelServerOptions options,
                         std::shared_ptr<ServingMetrics> metrics)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->pool.setMaxThreadCount(std::max(1, d->options.managementThreads));
    if (!metrics)
        metrics = std::make_shared<ServingMetrics>();
    d->context.reset(new ServingContext{engine, catalog, tokens, std::move(metrics), d->pool, d->options.limits,
                                        catalog.workspace().tmpDir()});
    d->router = std::make_unique<ApiRouter>(*d->context);
    d->http = std::make_unique<HttpServer>(*d->router, d->options.http);
}

ModelServer::~ModelServer() { stop(); }

Status ModelServer::start()
{
    QDir().mkpath(d->context->uploadDir);
    return d->http->start();
}

void ModelServer::stop()
{
    // I/O first (late responses are dropped from here on), then the management jobs still running.
    d->http->stop();
    d->pool.waitForDone();
}

bool ModelServer::isRunning() const { return d->http->isRunning(); }
quint16 ModelServer::port() const { return d->http->port(); }
QString ModelServer::url() const { return d->http->url(); }
std::shared_ptr<ServingMetrics> ModelServer::metrics() const { return d->context->metrics; }

} // namespace ModelDesk::Serving
