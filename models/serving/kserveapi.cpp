#include "kserveapi.h"

#include "httperrors.h"
#include "jsonwriter.h"
#include "kservecodec.h"

#include "core/names.h"

#include <QJsonArray>
#include <QSet>

namespace ModelDesk::Serving {

using Runtime::DeploymentState;
using Security::Role;
using Clock = std::chrono::steady_clock;

namespace {

const Runtime::VersionStatus *findVersion(const Runtime::DeploymentStatus &s, int version)
{
    for (const Runtime::VersionStatus &v : s.versions) {
        if (v.version == version)
            return &v;
    }
    return nullptr;
}

void writeTensorSpecs(JsonWriter &w, const QList<TensorSpec> &specs)
{
    w.beginArray();
    for (const TensorSpec &t : specs) {
        w.beginObject();
        w.key("name").value(t.name);
        w.key("datatype").value(t.dtype);
        w.key("shape").beginArray();
        for (qint64 d : t.shape)
            w.value(std::int64_t(d));
        w.endArray();
        w.endObject();
    }
    w.endArray();
}

} // namespace

std::optional<HttpResponse> KServeApi::route(const HttpRequest &head, const std::vector<std::string_view> &seg,
                                             RouteMatch &match)
{
    match.api = Api::KServe;
    const std::string_view method = head.method;
    auto expect = [&](std::string_view wanted) -> std::optional<HttpResponse> {
        if (method != wanted)
            return methodNotAllowed(wanted);
        return std::nullopt;
    };

    if (seg.empty()) {
        match.kind = ServerMetadata;
        match.routeClass = "v2_metadata";
        return expect("GET");
    }
    if (seg.size() == 2 && seg[0] == "health" && (seg[1] == "live" || seg[1] == "ready")) {
        match.kind = seg[1] == "live" ? Live : Ready;
        match.routeClass = "v2_health";
        return expect("GET");
    }
    if (seg[0] != "models" || seg.size() < 2)
        return routeNotFound(head.path());
    if (seg.size() == 2 && seg[1] == "stats") {
        match.kind = AllStats;
        match.routeClass = "v2_stats";
        if (auto r = expect("GET"))
            return r;
        if (auto s = match.principal.require(Role::Viewer); !s)
            return errorResponse(s.error());
        return std::nullopt;
    }

    // /models/{m}[/versions/{v}][/ready|/infer|/stats]
    std::size_t i = 2;
    if (seg.size() >= 4 && seg[2] == "versions") {
        match.version = parseVersionSegment(seg[3]);
        if (!match.version)
            return errorResponse(Error::notFound(QStringLiteral("invalid version '%1'").arg(toQString(seg[3].substr(0, 20)))));
        i = 4;
    }
    if (seg.size() > i + 1)
        return routeNotFound(head.path());
    const std::string_view action = seg.size() == i + 1 ? seg[i] : std::string_view();
    if (action.empty()) {
        match.kind = ModelMetadata;
        match.routeClass = "v2_metadata";
    } else if (action == "ready") {
        match.kind = ModelReady;
        match.routeClass = "v2_health";
    } else if (action == "infer") {
        match.kind = ModelInfer;
        match.routeClass = "v2_infer";
    } else if (action == "stats") {
        match.kind = ModelStats;
        match.routeClass = "v2_stats";
    } else {
        return routeNotFound(head.path());
    }
    if (auto r = expect(match.kind == ModelInfer ? "POST" : "GET"))
        return r;

    match.deployment = toQString(seg[1]);
    if (!Names::isValidName(match.deployment))
        return errorResponse(Error::notFound(QStringLiteral("unknown model '%1'").arg(match.deployment.left(64))));
    auto status = m_ctx.engine.deployment(match.deployment);
    if (!status)
        return errorResponse(status.error());
    match.model = status->spec.model;
    match.stickyHeader = status->spec.stickyHeader;
    if (match.version) {
        if (!findVersion(*status, *match.version))
            return errorResponse(Error::notFound(QStringLiteral("model '%1' does not serve version %2")
                                                     .arg(match.deployment)
                                                     .arg(*match.version)));
        match.targetVersion = *match.version;
    } else if (!status->versions.isEmpty()) {
        match.targetVersion = status->versions.first().version;
    } else if (status->spec.version) {
        match.targetVersion = *status->spec.version;
    }

    // Public deployments answer metadata, readiness and inference without a token; statistics
    // always need one (they are metrics).
    const bool open = status->spec.isPublic && match.kind != ModelStats;
    if (!open) {
        const Security::Permission needed =
            match.kind == ModelInfer ? Security::Permission::Infer : Security::Permission::Read;
        if (auto s = match.principal.requirePermission(needed, match.model); !s) {
            if (match.kind == ModelInfer)
                m_ctx.metrics->recordRejected(match.deployment, match.targetVersion, s.error().code);
            return errorResponse(s.error());
        }
    }
    return std::nullopt;
}

void KServeApi::handle(const RouteMatch &match, HttpRequest request, Responder respond)
{
    ServingMetrics &metrics = *m_ctx.metrics;
    switch (Route(match.kind)) {
    case ServerMetadata: {
        std::string body;
        JsonWriter(body)
            .beginObject()
            .key("name").value("modeldesk")
            .key("version").value(MODELDESK_VERSION)
            .key("extensions").beginArray().value("binary_tensor_data").value("statistics").value("parameters").endArray()
            .endObject();
        reply(metrics, respond, match, request.received, jsonResponse(200, std::move(body)));
        return;
    }
    case Live:
        reply(metrics, respond, match, request.received, jsonResponse(200, std::string(R"({"live":true})")));
        return;
    case Ready:
        if (m_ctx.engine.isReady())
            reply(metrics, respond, match, request.received, jsonResponse(200, std::string(R"({"ready":true})")));
        else
            reply(metrics, respond, match, request.received,
                  errorResponse(Error{Error::Code::Unavailable, QStringLiteral("not every deployment is ready")}, 1));
        return;
    case AllStats:
    case ModelStats:
        reply(metrics, respond, match, request.received, stats(match));
        return;
    case ModelMetadata:
        reply(metrics, respond, match, request.received, modelMetadata(match));
        return;
    case ModelReady:
        reply(metrics, respond, match, request.received, modelReady(match));
        return;
    case ModelInfer:
        infer(match, std::move(request), std::move(respond));
        return;
    }
}

HttpResponse KServeApi::modelMetadata(const RouteMatch &match) const
{
    auto status = m_ctx.engine.deployment(match.deployment);
    if (!status)
        return errorResponse(status.error());
    const Runtime::VersionStatus *v = nullptr;
    if (match.version)
        v = findVersion(*status, *match.version);
    else if (!status->versions.isEmpty())
        v = &status->versions.first();

    std::string body;
    JsonWriter w(body);
    w.beginObject();
    w.key("name").value(match.deployment);
    w.key("versions").beginArray();
    if (match.version) {
        w.value(std::string_view(std::to_string(*match.version)));
    } else {
        for (const Runtime::VersionStatus &vs : status->versions)
            w.value(std::string_view(std::to_string(vs.version)));
    }
    w.endArray();
    w.key("platform").value("pytorch_torchscript");
    w.key("inputs");
    writeTensorSpecs(w, v ? v->signature.inputs : QList<TensorSpec>());
    w.key("outputs");
    writeTensorSpecs(w, v ? v->signature.outputs : QList<TensorSpec>());
    w.key("parameters").beginObject();
    w.key("model").value(status->spec.model);
    w.key("state").value(Runtime::deploymentStateName(v ? v->state : status->state));
    w.endObject();
    w.endObject();
    return jsonResponse(200, std::move(body));
}

HttpResponse KServeApi::modelReady(const RouteMatch &match) const
{
    auto status = m_ctx.engine.deployment(match.deployment);
    if (!status)
        return errorResponse(status.error());
    DeploymentState state = status->state;
    QString reason = status->reason;
    if (match.version) {
        if (const Runtime::VersionStatus *v = findVersion(*status, *match.version)) {
            state = v->state;
            reason = v->reason;
        }
    }
    if (state == DeploymentState::Ready) {
        std::string body;
        JsonWriter(body).beginObject().key("name").value(match.deployment).key("ready").value(true).endObject();
        return jsonResponse(200, std::move(body));
    }
    QString message = QStringLiteral("model '%1' is not ready: %2").arg(match.deployment, Runtime::deploymentStateName(state));
    if (!reason.isEmpty())
        message += QStringLiteral(" (%1)").arg(reason);
    return errorResponse(Error{Error::Code::Unavailable, message}, state == DeploymentState::Failed ? 30 : 1);
}

HttpResponse KServeApi::stats(const RouteMatch &match) const
{
    QJsonObject stats = m_ctx.metrics->tritonStats(match.kind == AllStats ? QString() : match.deployment, match.version);
    if (match.kind == AllStats && !match.principal.models.isEmpty()) {
        // A scoped token sees the deployments of its models only.
        QSet<QString> allowed;
        for (const Runtime::DeploymentStatus &s : m_ctx.engine.deployments()) {
            if (match.principal.canAccessModel(s.spec.model))
                allowed.insert(s.spec.name);
        }
        QJsonArray kept;
        for (const QJsonValue &v : stats.value(QStringLiteral("model_stats")).toArray()) {
            if (allowed.contains(v.toObject().value(QStringLiteral("name")).toString()))
                kept.append(v);
        }
        stats.insert(QStringLiteral("model_stats"), kept);
    }
    return jsonResponse(200, stats);
}

void KServeApi::infer(const RouteMatch &match, HttpRequest request, Responder respond)
{
    const auto decodeStart = Clock::now();
    std::shared_ptr<ServingMetrics> metrics = m_ctx.metrics;
    auto refuse = [&](const Error &e) {
        metrics->recordRejected(match.deployment, match.targetVersion, e.code);
        reply(*metrics, respond, match, request.received, errorResponse(e));
    };
    auto headerLength = KServe::parseHeaderLength(request.header("Inference-Header-Content-Length"), request.body.size());
    if (!headerLength) {
        refuse(headerLength.error());
        return;
    }
    auto decoded = KServe::decodeInferRequest(request.body, *headerLength);
    if (!decoded) {
        refuse(decoded.error());
        return;
    }
    const std::int64_t decodeNs = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - decodeStart).count();

    Runtime::InferRequest ir;
    ir.id = decoded->id;
    ir.deployment = match.deployment;
    ir.version = match.version;
    ir.inputs = std::move(decoded->inputs);
    for (const KServe::RequestedOutput &o : decoded->outputs)
        ir.requestedOutputs << o.name;
    if (!match.stickyHeader.isEmpty())
        ir.stickyKey = toQString(request.header(match.stickyHeader.toStdString()));
    ir.received = request.received;

    // The callback runs on a runtime thread (or inline); it owns what it needs.
    auto state = std::make_shared<KServe::DecodedInferRequest>(std::move(*decoded));
    state->inputs.clear();
    m_ctx.engine.infer(std::move(ir), [metrics, respond, match, state, decodeNs,
                                       received = request.received](Runtime::InferResult result) {
        if (!result) {
            reply(*metrics, respond, match, received, errorResponse(result.error().error, result.error().retryAfterSeconds));
            return;
        }
        const auto encodeStart = Clock::now();
        auto encoded = KServe::encodeInferResponse(*result, *state);
        if (!encoded) {
            reply(*metrics, respond, match, received, errorResponse(encoded.error()));
            return;
        }
        HttpResponse r;
        r.body = std::move(encoded->body);
        r.contentType = std::move(encoded->contentType);
        if (encoded->jsonLength)
            r.headers.emplace_back("Inference-Header-Content-Length", std::to_string(*encoded->jsonLength));
        metrics->recordCodec(match.deployment, result->version, decodeNs,
                             std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - encodeStart).count());
        reply(*metrics, respond, match, received, std::move(r), result->version);
    });
}

} // namespace ModelDesk::Serving
