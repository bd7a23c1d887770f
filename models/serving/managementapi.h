#pragma once
// ManagementApi: /api/v1 — what the console does, over HTTP (documented in docs/http-api.md and
// served as OpenAPI at /api/v1/openapi.json). Every route needs a token: viewer for reads, operator
// for changes to models and deployments, admin for tokens. Scoped tokens only see and touch their
// models. Names and versions in paths are validated against the strict patterns of core/names.h; no
// route takes a file path or URL (an upload is the request body itself, streamed to a temp file).
// Every change is audited by the registry/runtime with the token name as actor.
//
// Threads: route() runs on an I/O thread and does not block; handle() moves the work to the
// blocking pool (registry, catalog and engine management calls block).

#include "servingcontext.h"

#include <QJsonObject>
#include <optional>
#include <string_view>
#include <vector>

namespace ModelDesk::Serving {

class ManagementApi final
{
public:
    enum Route {
        ListModels, ImportModel, ShowModel, DeleteModel, ListVersions, ImportVersion, ShowVersion, PatchVersion,
        DeleteVersion, SetAlias, RemoveAlias, SetTag, RemoveTag,
        ListDeployments, CreateDeployment, ShowDeployment, ApplyDeployment, ConfigureDeployment, SwapDeployment,
        RollbackDeployment, CanaryDeployment, UnloadDeployment, DeleteDeployment,
        ListTokens, CreateToken, RevokeToken, ListRuns, ShowRun, ListAudit, ListRequests, OpenApi
    };

    explicit ManagementApi(ServingContext &context) : m_ctx(context) {}

    // `segments` are the path segments after "api/v1". Fills `match` and `decision` (body policy),
    // or returns the refusal (404, 405, 400 for a bad name, 401/403).
    std::optional<HttpResponse> route(const HttpRequest &head, const std::vector<std::string_view> &segments,
                                      RouteMatch &match, HeaderDecision &decision);
    void handle(const RouteMatch &match, HttpRequest request, Responder respond);

    static QByteArray openApiDocument();

private:
    HttpResponse run(const RouteMatch &match, const HttpRequest &request);
    // models, versions, aliases, tags (managementapi.cpp)
    HttpResponse models(const RouteMatch &match, const HttpRequest &request);
    HttpResponse importUpload(const RouteMatch &match, const HttpRequest &request);
    // deployments, tokens, runs, audit (managementdeployments.cpp)
    HttpResponse deployments(const RouteMatch &match, const HttpRequest &request);
    HttpResponse tokens(const RouteMatch &match, const HttpRequest &request);
    HttpResponse runs(const RouteMatch &match, const HttpRequest &request);
    HttpResponse waitForDeployment(const QString &name, int status, int waitSeconds);

    ServingContext &m_ctx;
};

// Parses a JSON object body ({} for an empty body); InvalidArgument otherwise.
Result<QJsonObject> jsonBody(const HttpRequest &request);
// Decoded query parameter (empty when absent).
QString queryValue(const HttpRequest &request, const QString &key);

} // namespace ModelDesk::Serving
