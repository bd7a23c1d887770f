#include "managementapi.h"

#include "httperrors.h"

#include "core/names.h"
#include "registry/modelcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>
#include <QUrlQuery>

namespace ModelDesk::Serving {

using Security::Role;

namespace {

struct RouteDef
{
    const char *method;
    const char *pattern;           // segments after /api/v1, "{x}" captures
    ManagementApi::Route route;
    Role role;
    bool upload = false;
    bool open = false;             // no token needed
};

// The per-model permission a route needs: reads need read; writes under models/ change the model
// (modify); writes under deployments/ deploy.
Security::Permission modelPermission(ManagementApi::Route route, Role role)
{
    if (role == Role::Viewer)
        return Security::Permission::Read;
    switch (route) {
    case ManagementApi::CreateDeployment:
    case ManagementApi::ApplyDeployment:
    case ManagementApi::ConfigureDeployment:
    case ManagementApi::DeleteDeployment:
    case ManagementApi::SwapDeployment:
    case ManagementApi::RollbackDeployment:
    case ManagementApi::CanaryDeployment:
    case ManagementApi::UnloadDeployment:
        return Security::Permission::Deploy;
    default:
        return Security::Permission::Modify;
    }
}

// Order matters only for readability; patterns are matched segment by segment.
const RouteDef kRoutes[] = {
    {"GET", "models", ManagementApi::ListModels, Role::Viewer},
    {"POST", "models", ManagementApi::ImportModel, Role::Operator, true},
    {"GET", "models/{model}", ManagementApi::ShowModel, Role::Viewer},
    {"DELETE", "models/{model}", ManagementApi::DeleteModel, Role::Operator},
    {"GET", "models/{model}/versions", ManagementApi::ListVersions, Role::Viewer},
    {"POST", "models/{model}/versions", ManagementApi::ImportVersion, Role::Operator, true},
    {"GET", "models/{model}/versions/{version}", ManagementApi::ShowVersion, Role::Viewer},
    {"PATCH", "models/{model}/versions/{version}", ManagementApi::PatchVersion, Role::Operator},
    {"DELETE", "models/{model}/versions/{version}", ManagementApi::DeleteVersion, Role::Operator},
    {"PUT", "models/{model}/aliases/{alias}", ManagementApi::SetAlias, Role::Operator},
    {"DELETE", "models/{model}/aliases/{alias}", ManagementApi::RemoveAlias, Role::Operator},
    {"PUT", "models/{model}/versions/{version}/tags/{key}", ManagementApi::SetTag, Role::Operator},
    {"DELETE", "models/{model}/versions/{version}/tags/{key}", ManagementApi::RemoveTag, Role::Operator},
    {"GET", "deployments", ManagementApi::ListDeployments, Role::Viewer},
    {"POST", "deployments", ManagementApi::CreateDeployment, Role::Operator},
    {"GET", "deployments/{deployment}", ManagementApi::ShowDeployment, Role::Viewer},
    {"PUT", "deployments/{deployment}", ManagementApi::ApplyDeployment, Role::Operator},
    {"PATCH", "deployments/{deployment}", ManagementApi::ConfigureDeployment, Role::Operator},
    {"DELETE", "deployments/{deployment}", ManagementApi::DeleteDeployment, Role::Operator},
    {"POST", "deployments/{deployment}/swap", ManagementApi::SwapDeployment, Role::Operator},
    {"POST", "deployments/{deployment}/rollback", ManagementApi::RollbackDeployment, Role::Operator},
    {"POST", "deployments/{deployment}/canary", ManagementApi::CanaryDeployment, Role::Operator},
    {"POST", "deployments/{deployment}/unload", ManagementApi::UnloadDeployment, Role::Operator},
    {"GET", "tokens", ManagementApi::ListTokens, Role::Admin},
    {"POST", "tokens", ManagementApi::CreateToken, Role::Admin},
    {"DELETE", "tokens/{token}", ManagementApi::RevokeToken, Role::Admin},
    {"GET", "runs", ManagementApi::ListRuns, Role::Viewer},
    {"GET", "runs/{run}", ManagementApi::ShowRun, Role::Viewer},
    {"GET", "audit", ManagementApi::ListAudit, Role::Operator},
    {"GET", "requests", ManagementApi::ListRequests, Role::Operator},
    {"GET", "openapi.json", ManagementApi::OpenApi, Role::Viewer, false, true},
};

constexpr std::uint64_t kJsonBodyLimit = 1u << 20;

std::vector<std::string_view> patternSegments(const char *pattern) { return splitPath(pattern); }

// Validates one captured segment; InvalidArgument says what is wrong.
Status checkCapture(std::string_view placeholder, const QString &value)
{
    if (placeholder == "{version}") {
        if (!parseVersionSegment(value.toStdString()))
            return fail(Error::invalid(QStringLiteral("invalid version '%1': use a positive integer").arg(value.left(20))));
        return {};
    }
    if (placeholder == "{key}")
        return Names::checkTagKey(value);
    const QString what = placeholder == "{model}"        ? QStringLiteral("model")
                         : placeholder == "{alias}"      ? QStringLiteral("alias")
                         : placeholder == "{deployment}" ? QStringLiteral("deployment")
                         : placeholder == "{token}"      ? QStringLiteral("token")
                                                         : QStringLiteral("run");
    return Names::checkName(value, what);
}

} // namespace

Result<QJsonObject> jsonBody(const HttpRequest &request)
{
    if (request.body.empty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size())), &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::invalid(QStringLiteral("request body is not valid JSON: %1").arg(error.errorString())));
    if (!doc.isObject())
        return fail(Error::invalid(QStringLiteral("request body must be a JSON object")));
    return doc.object();
}

QString queryValue(const HttpRequest &request, const QString &key)
{
    const QUrlQuery query(toQString(request.query()));
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QByteArray ManagementApi::openApiDocument()
{
    QFile f(QStringLiteral(":/modeldesk/serving/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral(R"({"error":"the OpenAPI document is missing from this build"})");
    return f.readAll();
}

std::optional<HttpResponse> ManagementApi::route(const HttpRequest &head, const std::vector<std::string_view> &seg,
                                                 RouteMatch &match, HeaderDecision &decision)
{
    match.api = Api::Management;
    match.routeClass = "management";
    std::string allowed;
    const RouteDef *found = nullptr;
    for (const RouteDef &def : kRoutes) {
        const auto pattern = patternSegments(def.pattern);
        if (pattern.size() != seg.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < pattern.size() && same; ++i)
            same = pattern[i].front() == '{' || pattern[i] == seg[i];
        if (!same)
            continue;
        if (head.method != def.method) {
            if (!allowed.empty())
                allowed += ", ";
            allowed += def.method;
            continue;
        }
        found = &def;
        break;
    }
    if (!found)
        return allowed.empty() ? routeNotFound(head.path()) : methodNotAllowed(allowed);

    match.kind = found->route;
    if (found->route == OpenApi)
        match.api = Api::OpenApi;
    const auto pattern = patternSegments(found->pattern);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i].front() != '{')
            continue;
        const QString value = toQString(seg[i]);
        if (auto s = checkCapture(pattern[i], value); !s)
            return errorResponse(s.error());
        match.params.push_back(value);
    }
    if (found->open)
        return std::nullopt;

    // Authorization before the body is read: role, then model scope where the model is known.
    if (auto s = match.principal.require(found->role); !s)
        return errorResponse(s.error());
    QString model;
    if (std::string_view(found->pattern).starts_with("models/"))
        model = match.params.front();
    else if (found->route == ImportModel) {
        model = queryValue(head, QStringLiteral("name"));
        if (auto s = Names::checkName(model, QStringLiteral("model")); !s)
            return errorResponse(s.error());
    } else if (std::string_view(found->pattern).starts_with("deployments/")) {
        auto status = m_ctx.engine.deployment(match.params.front());
        if (status)
            model = status->spec.model;
        else if (found->route != ApplyDeployment)
            return errorResponse(status.error());
    }
    if (!model.isEmpty()) {
        if (auto s = match.principal.requirePermission(modelPermission(found->route, found->role), model); !s)
            return errorResponse(s.error());
    }

    if (found->upload) {
        decision.bodyToFile = true;
        decision.bodyFileDir = m_ctx.uploadDir;
        decision.bodyLimit = m_ctx.limits.uploadLimitBytes;
    } else {
        decision.bodyLimit = std::min<std::uint64_t>(kJsonBodyLimit, m_ctx.limits.bodyLimitBytes);
    }
    return std::nullopt;
}

void ManagementApi::handle(const RouteMatch &match, HttpRequest request, Responder respond)
{
    if (match.api == Api::OpenApi) {
        const QByteArray doc = openApiDocument();
        reply(*m_ctx.metrics, respond, match, request.received,
              jsonResponse(200, std::string(doc.constData(), std::size_t(doc.size()))));
        return;
    }
    auto shared = std::make_shared<HttpRequest>(std::move(request));
    m_ctx.pool.start([this, match, shared, respond, metrics = m_ctx.metrics] {
        HttpResponse response;
        try {
            response = run(match, *shared);
        } catch (const std::exception &e) {
            response = errorResponse(Error::internal(QStringLiteral("management call failed: %1").arg(QString::fromUtf8(e.what()))));
        }
        if (!shared->bodyFile.isEmpty())
            QFile::remove(shared->bodyFile);
        reply(*metrics, respond, match, shared->received, std::move(response));
    });
}

HttpResponse ManagementApi::run(const RouteMatch &match, const HttpRequest &request)
{
    switch (Route(match.kind)) {
    case ListModels:
    case ShowModel:
    case DeleteModel:
    case ListVersions:
    case ShowVersion:
    case PatchVersion:
    case DeleteVersion:
    case SetAlias:
    case RemoveAlias:
    case SetTag:
    case RemoveTag: return models(match, request);
    case ImportModel:
    case ImportVersion: return importUpload(match, request);
    case ListDeployments:
    case CreateDeployment:
    case ShowDeployment:
    case ApplyDeployment:
    case ConfigureDeployment:
    case SwapDeployment:
    case RollbackDeployment:
    case CanaryDeployment:
    case UnloadDeployment:
    case DeleteDeployment: return deployments(match, request);
    case ListTokens:
    case CreateToken:
    case RevokeToken: return tokens(match, request);
    case ListRuns:
    case ShowRun:
    case ListAudit:
    case ListRequests: return runs(match, request);
    case OpenApi: break;
    }
    return routeNotFound(request.path());
}

namespace {

// Deployments that use a model (any version when version == 0) block its deletion.
QStringList deploymentsUsing(Runtime::InferenceEngine &engine, const QString &model, int version)
{
    QStringList names;
    for (const Runtime::DeploymentStatus &s : engine.deployments()) {
        if (s.spec.model != model)
            continue;
        bool uses = version == 0 || s.spec.version == version || s.spec.canaryVersion == version;
        for (const Runtime::VersionStatus &v : s.versions)
            uses = uses || v.version == version;
        if (uses)
            names << s.spec.name;
    }
    return names;
}

QJsonArray versionsJson(const QList<VersionInfo> &versions)
{
    QJsonArray out;
    for (const VersionInfo &v : versions)
        out.append(toJson(v));
    return out;
}

} // namespace

HttpResponse ManagementApi::models(const RouteMatch &match, const HttpRequest &request)
{
    Registry::ModelRegistry &registry = m_ctx.catalog.registry();
    const QString actor = match.principal.name;
    const QString model = match.params.empty() ? QString() : match.params[0];
    const int version = match.params.size() > 1 ? match.params[1].toInt() : 0;

    switch (Route(match.kind)) {
    case ListModels: {
        auto models = registry.models();
        if (!models)
            return errorResponse(models.error());
        QJsonArray out;
        for (const ModelInfo &m : *models) {
            if (match.principal.canAccessModel(m.name))
                out.append(toJson(m));
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("models"), out}});
    }
    case ShowModel: {
        auto info = registry.model(model);
        if (!info)
            return errorResponse(info.error());
        auto versions = registry.versions(model);
        if (!versions)
            return errorResponse(versions.error());
        QJsonObject o = toJson(*info);
        o.insert(QStringLiteral("versions"), versionsJson(*versions));
        return jsonResponse(200, o);
    }
    case DeleteModel: {
        if (const QStringList users = deploymentsUsing(m_ctx.engine, model, 0); !users.isEmpty())
            return errorResponse(Error::conflict(QStringLiteral("model '%1' is deployed (%2): delete those deployments first")
                                                     .arg(model, users.join(QStringLiteral(", ")))));
        if (auto s = m_ctx.catalog.deleteModel(model, actor); !s)
            return errorResponse(s.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("deleted"), model}});
    }
    case ListVersions: {
        auto versions = registry.versions(model);
        if (!versions)
            return errorResponse(versions.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("versions"), versionsJson(*versions)}});
    }
    case ShowVersion: {
        auto v = registry.version(model, version);
        if (!v)
            return errorResponse(v.error());
        return jsonResponse(200, toJson(*v));
    }
    case PatchVersion: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        const QJsonValue description = body->value(QStringLiteral("description"));
        if (!description.isString())
            return errorResponse(Error::invalid(QStringLiteral("send {\"description\": \"...\"}")));
        if (description.toString().size() > 4096)
            return errorResponse(Error::invalid(QStringLiteral("description is longer than 4096 characters")));
        auto v = registry.setVersionDescription(model, version, description.toString(), actor);
        if (!v)
            return errorResponse(v.error());
        return jsonResponse(200, toJson(*v));
    }
    case DeleteVersion: {
        if (const QStringList users = deploymentsUsing(m_ctx.engine, model, version); !users.isEmpty())
            return errorResponse(Error::conflict(QStringLiteral("version %1 of model '%2' is deployed (%3)")
                                                     .arg(version)
                                                     .arg(model, users.join(QStringLiteral(", ")))));
        if (auto s = m_ctx.catalog.deleteVersion(model, version, actor); !s)
            return errorResponse(s.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("deleted"), QStringLiteral("%1:%2").arg(model).arg(version)}});
    }
    case SetAlias: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        const QJsonValue v = body->value(QStringLiteral("version"));
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1)
            return errorResponse(Error::invalid(QStringLiteral("send {\"version\": N} with a positive integer N")));
        if (auto s = registry.setAlias(model, match.params[1], v.toInt(), actor); !s)
            return errorResponse(s.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("model"), model},
                                             {QStringLiteral("alias"), match.params[1]},
                                             {QStringLiteral("version"), v.toInt()}});
    }
    case RemoveAlias:
        if (auto s = registry.removeAlias(model, match.params[1], actor); !s)
            return errorResponse(s.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("removed"), match.params[1]}});
    case SetTag: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        const QJsonValue value = body->value(QStringLiteral("value"));
        if (!value.isString())
            return errorResponse(Error::invalid(QStringLiteral("send {\"value\": \"...\"}")));
        if (auto s = Names::checkTagValue(value.toString()); !s)
            return errorResponse(s.error());
        if (auto s = registry.setTag(model, version, match.params[2], value.toString(), actor); !s)
            return errorResponse(s.error());
        auto v = registry.version(model, version);
        return v ? jsonResponse(200, toJson(*v)) : errorResponse(v.error());
    }
    case RemoveTag: {
        if (auto s = registry.removeTag(model, version, match.params[2], actor); !s)
            return errorResponse(s.error());
        auto v = registry.version(model, version);
        return v ? jsonResponse(200, toJson(*v)) : errorResponse(v.error());
    }
    default: break;
    }
    return routeNotFound(request.path());
}

HttpResponse ManagementApi::importUpload(const RouteMatch &match, const HttpRequest &request)
{
    const QString model = match.kind == ImportModel ? queryValue(request, QStringLiteral("name")) : match.params[0];
    if (request.bodyFile.isEmpty())
        return errorResponse(Error::invalid(QStringLiteral("send the TorchScript file as the request body")));
    Registry::ImportRequest import;
    import.sourcePath = request.bodyFile;
    import.model = model;
    import.description = queryValue(request, QStringLiteral("description"));
    import.modelTask = queryValue(request, QStringLiteral("task"));
    // The original file name is informational only (lineage); it never names a file here.
    QString source = queryValue(request, QStringLiteral("filename"));
    if (source.isEmpty() || source.size() > 200 || source.contains(QLatin1Char('/')))
        source = QStringLiteral("http-upload");
    import.lineage.source = source;
    if (import.description.size() > 4096)
        return errorResponse(Error::invalid(QStringLiteral("description is longer than 4096 characters")));
    auto version = m_ctx.catalog.importFile(import, match.principal.name);
    if (!version) {
        // A damaged upload is the client's bad input, not a server fault (never 500 for bad input).
        Error e = version.error();
        if (e.code == Error::Code::Corrupt)
            e.code = Error::Code::InvalidArgument;
        return errorResponse(e);
    }
    return jsonResponse(201, toJson(*version));
}

} // namespace ModelDesk::Serving
