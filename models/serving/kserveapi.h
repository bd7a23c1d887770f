#pragma once
// KServeApi: the KServe v2 / Open Inference Protocol routes under /v2:
//   GET  /v2                                   server metadata (public)
//   GET  /v2/health/live, /v2/health/ready     (public)
//   GET  /v2/models/stats                      Triton statistics of every deployment (viewer)
//   GET  /v2/models/{m}[/versions/{v}]         model metadata          (viewer, or public deployment)
//   GET  /v2/models/{m}[/versions/{v}]/ready   200 ready / 503 not     (viewer, or public deployment)
//   POST /v2/models/{m}[/versions/{v}]/infer   inference               (operator, or public deployment)
//   GET  /v2/models/{m}[/versions/{v}]/stats   Triton statistics       (viewer)
// {m} is the deployment (endpoint) name; {v} a version it currently serves.
//
// Threads: route() and handle() run on HTTP I/O threads and never block: inference is queued in
// the engine and answered from its callback.

#include "servingcontext.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ModelDesk::Serving {

class KServeApi final
{
public:
    enum Route { ServerMetadata, Live, Ready, AllStats, ModelMetadata, ModelReady, ModelInfer, ModelStats };

    explicit KServeApi(ServingContext &context) : m_ctx(context) {}

    // `segments` are the path segments after "v2". Fills `match` (principal already set) or
    // returns the response that refuses the request (404, 405, 401, 403) before its body is read.
    std::optional<HttpResponse> route(const HttpRequest &head, const std::vector<std::string_view> &segments,
                                      RouteMatch &match);
    void handle(const RouteMatch &match, HttpRequest request, Responder respond);

private:
    HttpResponse modelMetadata(const RouteMatch &match) const;
    HttpResponse modelReady(const RouteMatch &match) const;
    HttpResponse stats(const RouteMatch &match) const;
    void infer(const RouteMatch &match, HttpRequest request, Responder respond);

    ServingContext &m_ctx;
};

} // namespace ModelDesk::Serving
