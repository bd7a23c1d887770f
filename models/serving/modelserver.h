#pragma once
// ModelServer: the local HTTP model server as the console and `modeldesk-cli serve` run it:
// KServe v2 inference, the /api/v1 management API, /metrics, tokens — on Boost.Beast I/O threads
// plus a small blocking pool for management calls. This is the composition of HttpServer,
// ApiRouter and ServingMetrics; the engine, catalog and token service come from the caller.
//
// Threads: start()/stop() from the owning thread (not an I/O thread). Ownership: engine, catalog
// and tokens must outlive the server; metrics is shared (also the runtime's observer).

#include "httpserver.h"
#include "servingcontext.h"
#include "servingmetrics.h"

#include "core/result.h"

#include <QString>
#include <memory>

namespace ModelDesk::Serving {

struct ModelServerOptions
{
    HttpServerOptions http;             // host (127.0.0.1), port, TLS, timeouts, I/O threads
    ServingLimits limits;               // body limit (32 MiB), upload limit
    int managementThreads = 2;
};

class ModelServer final
{
public:
    // `metrics` may be null: the server then makes its own (set it as the engine's observer to get
    // runtime timings: `manager.setObserver(server.metrics().get())`).
    ModelServer(Runtime::InferenceEngine &engine, Registry::ModelCatalog &catalog, Security::TokenService &tokens,
                ModelServerOptions options, std::shared_ptr<ServingMetrics> metrics = {});
    ~ModelServer(); // stop()
    ModelServer(const ModelServer &) = delete;
    ModelServer &operator=(const ModelServer &) = delete;

    Status start();
    void stop();
    bool isRunning() const;
    quint16 port() const;
    QString url() const;
    std::shared_ptr<ServingMetrics> metrics() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Serving
