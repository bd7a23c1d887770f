#include "apirouter.h"

#include "httperrors.h"

namespace ModelDesk::Serving {

ApiRouter::ApiRouter(ServingContext &context) : m_ctx(context), m_kserve(context), m_management(context) {}

std::optional<HttpResponse> ApiRouter::route(const HttpRequest &head, RouteMatch &match, HeaderDecision &decision)
{
    match.method = head.method;
    match.path = std::string(head.path().substr(0, RequestJournal::kMaxPath));
    match.remoteAddress = head.remoteAddress;
    // Authentication first: a presented token must be valid even on open routes.
    const std::string_view authorization = head.header("Authorization");
    if (authorization.empty()) {
        match.principal.anonymous = true;
    } else {
        auto principal = m_ctx.tokens.authenticateHeader(toQString(authorization));
        if (!principal)
            return errorResponse(principal.error());
        match.principal = *principal;
    }

    const std::vector<std::string_view> seg = splitPath(head.path());
    decision.bodyLimit = m_ctx.limits.bodyLimitBytes;
    if (!seg.empty() && seg[0] == "v2")
        return m_kserve.route(head, {seg.begin() + 1, seg.end()}, match);
    if (seg.size() >= 2 && seg[0] == "api" && seg[1] == "v1")
        return m_management.route(head, {seg.begin() + 2, seg.end()}, match, decision);
    if (seg.size() == 1 && seg[0] == "metrics") {
        match.api = Api::Metrics;
        match.routeClass = "metrics";
        if (head.method != "GET")
            return methodNotAllowed("GET");
        if (auto s = match.principal.require(Security::Role::Viewer); !s)
            return errorResponse(s.error());
        return std::nullopt;
    }
    return routeNotFound(head.path());
}

HeaderDecision ApiRouter::onHeader(const HttpRequest &head)
{
    HeaderDecision decision;
    RouteMatch match;
    if (auto refusal = route(head, match, decision)) {
        recordAnswer(*m_ctx.metrics, match, refusal->status, head.received);
        decision.reject = std::move(*refusal);
        return decision;
    }
    decision.context = std::move(match);
    return decision;
}

void ApiRouter::handle(HttpRequest request, Responder respond)
{
    const RouteMatch *match = std::any_cast<RouteMatch>(&request.context);
    if (!match) {
        respond(errorResponse(Error::internal(QStringLiteral("request without a route"))));
        return;
    }
    const RouteMatch m = *match;
    switch (m.api) {
    case Api::KServe: m_kserve.handle(m, std::move(request), std::move(respond)); return;
    case Api::Management:
    case Api::OpenApi: m_management.handle(m, std::move(request), std::move(respond)); return;
    case Api::Metrics: {
        HttpResponse r = metricsText();
        reply(*m_ctx.metrics, respond, m, request.received, std::move(r));
        return;
    }
    }
}

HttpResponse ApiRouter::metricsText() const
{
    HttpResponse r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = m_ctx.metrics->prometheusText(m_ctx.engine.deployments());
    return r;
}

} // namespace ModelDesk::Serving
