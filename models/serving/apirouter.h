#pragma once
// ApiRouter: the HttpHandler of the model server. At head time it authenticates the bearer token,
// picks the API (/v2 KServe, /api/v1 management, /metrics), authorizes and sets the body policy, so
// a refused request never has its body buffered. Then it hands the complete request to the API.
//
// Threads: I/O threads (see HttpHandler). Ownership: does not own the context's services.

#include "httptypes.h"
#include "kserveapi.h"
#include "managementapi.h"
#include "servingcontext.h"

namespace ModelDesk::Serving {

class ApiRouter final : public HttpHandler
{
public:
    explicit ApiRouter(ServingContext &context);

    HeaderDecision onHeader(const HttpRequest &head) override;
    void handle(HttpRequest request, Responder respond) override;

private:
    std::optional<HttpResponse> route(const HttpRequest &head, RouteMatch &match, HeaderDecision &decision);
    HttpResponse metricsText() const;

    ServingContext &m_ctx;
    KServeApi m_kserve;
    ManagementApi m_management;
};

} // namespace ModelDesk::Serving
