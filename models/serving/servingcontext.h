#pragma once
// What the HTTP handlers share: the services they call, the limits, and the per-request route
// decided at head time (who is calling, which deployment, which handler).

#include "httptypes.h"
#include "servingmetrics.h"

#include "runtime/inferenceengine.h"
#include "security/tokenservice.h"

#include <QString>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QThreadPool;

namespace ModelDesk::Registry {
class ModelCatalog;
}

namespace ModelDesk::Serving {

struct ServingLimits
{
    std::uint64_t bodyLimitBytes = 32ull << 20;     // inference and management JSON bodies
    std::uint64_t uploadLimitBytes = 4ull << 30;    // model uploads (streamed to a file, never buffered)
};

// Not owned: the composition root keeps engine, catalog and tokens alive longer than the server.
// metrics is shared because runtime callbacks may still record after the server stopped.
struct ServingContext
{
    Runtime::InferenceEngine &engine;
    Registry::ModelCatalog &catalog;
    Security::TokenService &tokens;
    std::shared_ptr<ServingMetrics> metrics;
    QThreadPool &pool;                 // blocking management calls run here, never on I/O threads
    ServingLimits limits;
    QString uploadDir;                 // workspace tmp dir (same file system as the artifacts)
};

enum class Api { KServe, Management, Metrics, OpenApi };

struct RouteMatch
{
    Api api = Api::KServe;
    int kind = 0;                      // the API's own route id
    const char *routeClass = "other";  // metrics label
    std::vector<QString> params;       // captured, validated path segments in order
    Security::Principal principal;
    // KServe model routes, resolved from the engine at head time:
    QString deployment;
    QString model;
    std::optional<int> version;        // pinned in the URL
    int targetVersion = 0;             // pinned or primary (for metrics of refused requests)
    QString stickyHeader;
    // For the request journal:
    std::string method;
    std::string path;                  // without the query, truncated
    std::string remoteAddress;
};

// Sends `response`, counts it in the HTTP metrics and records it in the request journal.
// answeredVersion: the version that computed an inference (0 = the pinned or targeted one).
void reply(ServingMetrics &metrics, const Responder &respond, const RouteMatch &match,
           std::chrono::steady_clock::time_point received, HttpResponse response, int answeredVersion = 0);
// Counts and journals a response without sending it (the router's head-time refusals).
void recordAnswer(ServingMetrics &metrics, const RouteMatch &match, int status,
                  std::chrono::steady_clock::time_point received, int answeredVersion = 0);

// Helpers shared by the APIs.
HttpResponse jsonResponse(int status, const QJsonObject &object);
HttpResponse jsonResponse(int status, std::string body);
std::vector<std::string_view> splitPath(std::string_view path);
std::optional<int> parseVersionSegment(std::string_view s);   // [1-9][0-9]{0,8}
QString toQString(std::string_view s);

} // namespace ModelDesk::Serving
