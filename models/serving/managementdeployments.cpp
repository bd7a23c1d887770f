// ManagementApi: deployments, tokens, runs and the audit log (models and versions are in
// managementapi.cpp).
#include "managementapi.h"

#include "httperrors.h"

#include "core/names.h"
#include "registry/modelcatalog.h"

#include <QJsonArray>
#include <QThread>
#include <chrono>

namespace ModelDesk::Serving {

using Runtime::DeploymentState;
using Security::Role;

namespace {

Result<int> intField(const QJsonObject &o, const char *key, int min, int max)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
        return fail(Error::invalid(QStringLiteral("'%1' must be an integer").arg(QLatin1String(key))));
    const qint64 n = qint64(v.toDouble());
    if (n < min || n > max)
        return fail(Error::invalid(QStringLiteral("'%1' must be between %2 and %3").arg(QLatin1String(key)).arg(min).arg(max)));
    return int(n);
}

int waitSeconds(const HttpRequest &request)
{
    bool ok = false;
    const int s = queryValue(request, QStringLiteral("wait")).toInt(&ok);
    return ok ? std::clamp(s, 0, 600) : 0;
}

} // namespace

HttpResponse ManagementApi::waitForDeployment(const QString &name, int status, int seconds)
{
    // Polls the engine's in-memory status: this runs on the blocking pool, never on an I/O thread.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
        auto s = m_ctx.engine.deployment(name);
        if (!s)
            return errorResponse(s.error());
        const bool settled = s->state == DeploymentState::Ready || s->state == DeploymentState::Failed ||
                             s->state == DeploymentState::Unloaded;
        if (settled || std::chrono::steady_clock::now() >= deadline)
            return jsonResponse(status, Runtime::toJson(*s));
        QThread::msleep(20);
    }
}

HttpResponse ManagementApi::deployments(const RouteMatch &match, const HttpRequest &request)
{
    Runtime::InferenceEngine &engine = m_ctx.engine;
    const QString actor = match.principal.name;
    const QString name = match.params.empty() ? QString() : match.params[0];
    auto respond = [](const Result<Runtime::DeploymentStatus> &r, int status = 200) {
        return r ? jsonResponse(status, Runtime::toJson(*r)) : errorResponse(r.error());
    };

    switch (Route(match.kind)) {
    case ListDeployments: {
        QJsonArray out;
        for (const Runtime::DeploymentStatus &s : engine.deployments()) {
            if (match.principal.canAccessModel(s.spec.model))
                out.append(Runtime::toJson(s));
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("deployments"), out}});
    }
    case ShowDeployment: return respond(engine.deployment(name));
    case CreateDeployment:
    case ApplyDeployment: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        QJsonObject specJson = *body;
        if (match.kind == ApplyDeployment) {
            if (specJson.contains(QStringLiteral("name")) && specJson.value(QStringLiteral("name")).toString() != name)
                return errorResponse(Error::invalid(QStringLiteral("the body names another deployment than the URL")));
            specJson.insert(QStringLiteral("name"), name);
        }
        auto spec = Runtime::DeploymentSpec::fromJson(specJson);
        if (!spec)
            return errorResponse(spec.error());
        if (auto s = match.principal.requirePermission(Security::Permission::Deploy, spec->model); !s)
            return errorResponse(s.error());
        const bool exists = bool(engine.deployment(spec->name));
        if (match.kind == CreateDeployment && exists)
            return errorResponse(Error::exists(
                QStringLiteral("deployment '%1' already exists: use PUT /api/v1/deployments/%1 to change it").arg(spec->name)));
        if (exists) {
            // Changing the model of an existing deployment needs the scope of the model it serves now too.
            auto current = engine.deployment(spec->name);
            if (current)
                if (auto s = match.principal.requirePermission(Security::Permission::Deploy, current->spec.model); !s)
                    return errorResponse(s.error());
        }
        auto r = engine.deploy(*spec, actor);
        if (!r)
            return errorResponse(r.error());
        const int status = exists ? 200 : 201;
        if (const int wait = waitSeconds(request); wait > 0)
            return waitForDeployment(spec->name, status, wait);
        return jsonResponse(status, Runtime::toJson(*r));
    }
    case ConfigureDeployment: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        auto current = engine.deployment(name);
        if (!current)
            return errorResponse(current.error());
        // Start from the live spec and overlay what was sent, then validate the whole thing.
        QJsonObject merged = current->spec.toJson();
        QJsonObject batching = merged.value(QStringLiteral("batching")).toObject();
        for (auto it = body->begin(); it != body->end(); ++it) {
            if (it.key() == QLatin1String("batching")) {
                if (!it.value().isObject())
                    return errorResponse(Error::invalid(QStringLiteral("'batching' must be an object")));
                const QJsonObject b = it.value().toObject();
                for (auto bit = b.begin(); bit != b.end(); ++bit) {
                    if (!batching.contains(bit.key()))
                        return errorResponse(Error::invalid(QStringLiteral("unknown batching setting '%1'").arg(bit.key().left(40))));
                    batching.insert(bit.key(), bit.value());
                }
            } else if (it.key() == QLatin1String("public")) {
                if (!it.value().isBool())
                    return errorResponse(Error::invalid(QStringLiteral("'public' must be true or false")));
                merged.insert(it.key(), it.value());
            } else {
                return errorResponse(Error::invalid(
                    QStringLiteral("PATCH changes 'batching' and 'public' only; use swap, canary or PUT for '%1'").arg(it.key().left(40))));
            }
        }
        merged.insert(QStringLiteral("batching"), batching);
        auto spec = Runtime::DeploymentSpec::fromJson(merged);
        if (!spec)
            return errorResponse(spec.error());
        return respond(engine.configure(name, spec->batching, spec->isPublic, actor));
    }
    case SwapDeployment: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        auto version = intField(*body, "version", 1, 1'000'000'000);
        if (!version)
            return errorResponse(version.error());
        return respond(engine.swap(name, *version, actor));
    }
    case RollbackDeployment: return respond(engine.rollback(name, actor));
    case CanaryDeployment: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        std::optional<int> version;
        int percent = 0;
        const QJsonValue v = body->value(QStringLiteral("version"));
        if (!v.isNull() && !v.isUndefined()) {
            auto n = intField(*body, "version", 1, 1'000'000'000);
            if (!n)
                return errorResponse(n.error());
            version = *n;
            auto p = intField(*body, "percent", 0, 100);
            if (!p)
                return errorResponse(p.error());
            percent = *p;
        }
        return respond(engine.setCanary(name, version, percent, actor));
    }
    case UnloadDeployment: return respond(engine.unload(name, actor));
    case DeleteDeployment:
        if (auto s = engine.remove(name, actor); !s)
            return errorResponse(s.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("deleted"), name}});
    default: break;
    }
    return routeNotFound(request.path());
}

HttpResponse ManagementApi::tokens(const RouteMatch &match, const HttpRequest &request)
{
    Security::TokenService &tokens = m_ctx.tokens;
    switch (Route(match.kind)) {
    case ListTokens: {
        auto list = tokens.list();
        if (!list)
            return errorResponse(list.error());
        QJsonArray out;
        for (const TokenRecord &t : *list)
            out.append(toJson(t));
        return jsonResponse(200, QJsonObject{{QStringLiteral("tokens"), out}});
    }
    case CreateToken: {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        Security::TokenRequest req;
        req.name = body->value(QStringLiteral("name")).toString();
        auto role = Security::parseRole(body->value(QStringLiteral("role")).toString());
        if (!role)
            return errorResponse(role.error());
        req.role = *role;
        const QJsonValue models = body->value(QStringLiteral("models"));
        if (!models.isUndefined() && !models.isNull() && !models.isArray())
            return errorResponse(Error::invalid(QStringLiteral("'models' must be an array of model names")));
        for (const QJsonValue &m : models.toArray()) {
            if (!m.isString())
                return errorResponse(Error::invalid(QStringLiteral("'models' must be an array of model names")));
            req.models << m.toString();
        }
        const QString expires = body->value(QStringLiteral("expires")).toString();
        if (!expires.isEmpty()) {
            auto at = Security::TokenService::parseExpiry(expires);
            if (!at)
                return errorResponse(at.error());
            req.expires = *at;
        }
        auto issued = tokens.create(req, match.principal.name);
        if (!issued)
            return errorResponse(issued.error());
        QJsonObject o = toJson(issued->record);
        o.insert(QStringLiteral("token"), issued->secret);
        HttpResponse r = jsonResponse(201, o);
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    }
    case RevokeToken:
        if (auto s = tokens.revoke(match.params[0], match.principal.name); !s)
            return errorResponse(s.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("revoked"), match.params[0]}});
    default: break;
    }
    return routeNotFound(request.path());
}

HttpResponse ManagementApi::runs(const RouteMatch &match, const HttpRequest &request)
{
    Registry::ModelRegistry &registry = m_ctx.catalog.registry();
    switch (Route(match.kind)) {
    case ListRuns: {
        auto runs = registry.runs();
        if (!runs)
            return errorResponse(runs.error());
        QJsonArray out;
        for (const RunRecord &r : *runs) {
            if (match.principal.models.isEmpty() || (!r.model.isEmpty() && match.principal.canAccessModel(r.model)))
                out.append(toJson(r));
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("runs"), out}});
    }
    case ShowRun: {
        auto run = registry.run(match.params[0]);
        if (!run)
            return errorResponse(run.error());
        if (!match.principal.models.isEmpty() && (run->model.isEmpty() || !match.principal.canAccessModel(run->model)))
            return errorResponse({Error::Code::PermissionDenied,
                                  QStringLiteral("token '%1' is not allowed to see run '%2'").arg(match.principal.name, run->id)});
        QJsonObject o = toJson(*run);
        if (queryValue(request, QStringLiteral("metrics")) == QLatin1String("true")) {
            auto rows = registry.runMetrics(run->id);
            if (!rows)
                return errorResponse(rows.error());
            QJsonArray metrics;
            for (const RunMetricRow &m : *rows)
                metrics.append(QJsonObject{{QStringLiteral("step"), m.step},
                                           {QStringLiteral("epoch"), m.epoch},
                                           {QStringLiteral("split"), m.split},
                                           {QStringLiteral("name"), m.name},
                                           {QStringLiteral("value"), m.value}});
            o.insert(QStringLiteral("metrics_history"), metrics);
        }
        return jsonResponse(200, o);
    }
    case ListAudit: {
        AuditQuery q;
        q.target = queryValue(request, QStringLiteral("target"));
        q.actor = queryValue(request, QStringLiteral("actor"));
        q.action = queryValue(request, QStringLiteral("action"));
        bool ok = false;
        const int limit = queryValue(request, QStringLiteral("limit")).toInt(&ok);
        q.limit = ok ? std::clamp(limit, 1, 5000) : 500;
        auto entries = registry.audit(q);
        if (!entries)
            return errorResponse(entries.error());
        QJsonArray out;
        for (const AuditEntry &e : *entries) {
            // A scoped token sees the trail of its own models only.
            if (!match.principal.models.isEmpty() &&
                !match.principal.canAccessModel(e.target.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('@'), 0, 0)))
                continue;
            out.append(toJson(e));
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("audit"), out}});
    }
    case ListRequests: {
        // ?after=SEQ (0 or absent: the newest `limit`), ?limit=1..1000 (default 200).
        const QString afterText = queryValue(request, QStringLiteral("after"));
        const QString limitText = queryValue(request, QStringLiteral("limit"));
        bool ok = true;
        const qulonglong after = afterText.isEmpty() ? 0 : afterText.toULongLong(&ok);
        if (!ok)
            return errorResponse(Error::invalid(QStringLiteral("'after' must be a non-negative integer (a seq from an earlier answer)")));
        const int limit = limitText.isEmpty() ? 200 : limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return errorResponse(Error::invalid(QStringLiteral("'limit' must be an integer from 1 to 1000")));
        const RequestJournal &journal = m_ctx.metrics->journal();
        const RequestJournal::Page page = after ? journal.since(after, std::size_t(limit)) : journal.latest(std::size_t(limit));
        QJsonArray out;
        for (const RequestEntry &e : page.entries) {
            // A scoped token sees the requests to its own models' deployments only.
            if (!match.principal.models.isEmpty() && (e.model.isEmpty() || !match.principal.canAccessModel(e.model)))
                continue;
            QJsonObject o{{QStringLiteral("seq"), qint64(e.seq)},
                          {QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
                          {QStringLiteral("method"), QString::fromStdString(e.method)},
                          {QStringLiteral("path"), QString::fromUtf8(e.path.data(), qsizetype(e.path.size()))},
                          {QStringLiteral("status"), e.status},
                          {QStringLiteral("latency_us"), qint64(e.latencyUs)},
                          {QStringLiteral("route"), QLatin1String(e.routeClass)},
                          {QStringLiteral("remote"), QString::fromStdString(e.remoteAddress)}};
            if (!e.actor.isEmpty())
                o.insert(QStringLiteral("actor"), e.actor);
            if (!e.deployment.isEmpty())
                o.insert(QStringLiteral("deployment"), e.deployment);
            if (e.version > 0)
                o.insert(QStringLiteral("version"), e.version);
            out.append(o);
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("requests"), out},
                                             {QStringLiteral("next"), qint64(page.next)},
                                             {QStringLiteral("missed"), qint64(page.missed)}});
    }
    default: break;
    }
    return routeNotFound(request.path());
}

} // namespace ModelDesk::Serving
