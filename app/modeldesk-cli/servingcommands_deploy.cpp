// deploy, undeploy, swap, rollback, canary, deployments: on the workspace's persisted definitions, or
// on a running server with --url. See servingcommands.h for why both.

#include "servingcommands.h"

#include "servingclient.h"

#include "core/names.h"
#include "registry/modelcatalog.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace ModelDesk::Cli {

namespace {

const QString kApplied = QStringLiteral("a running 'modeldesk-cli serve' applies it within a second");

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QString targetText(const Runtime::DeploymentSpec &s)
{
    if (s.version)
        return s.model + QLatin1Char(':') + QString::number(*s.version);
    if (!s.alias.isEmpty())
        return s.model + QLatin1Char('@') + s.alias;
    return s.model + QStringLiteral(" (latest)");
}

QString canaryText(const Runtime::DeploymentSpec &s)
{
    return s.canaryVersion ? QStringLiteral("%1% -> v%2").arg(s.canaryPercent).arg(*s.canaryVersion)
                           : QStringLiteral("-");
}

// The persisted definition of `name` (NotFound when there is none).
Result<Runtime::DeploymentSpec> storedSpec(Registry::ModelRegistry &registry, const QString &name)
{
    if (auto s = Names::checkName(name, QStringLiteral("deployment")); !s)
        return fail(s.error());
    auto records = registry.deployments();
    if (!records)
        return fail(records.error());
    for (const DeploymentRecord &r : *records) {
        if (r.name == name)
            return Runtime::DeploymentSpec::fromJson(r.spec);
    }
    return fail(Error::notFound(QStringLiteral("no deployment named '%1' in this workspace").arg(name)));
}

Status saveSpec(CliContext &ctx, Registry::ModelRegistry &registry, const Runtime::DeploymentSpec &spec)
{
    if (auto s = spec.validate(); !s)
        return s;
    return registry.saveDeployment({spec.name, spec.toJson(), {}}, ctx.actor());
}

// Prints a live status answered by the server: one line, or the JSON with --json.
int printRemoteStatus(CliContext &ctx, const HttpResult &r, bool json)
{
    if (json) {
        ctx.printJson(r.json());
        return 0;
    }
    const QJsonObject o = r.json();
    const QJsonObject spec = o.value(QStringLiteral("spec")).toObject();
    QStringList versions;
    for (const QJsonValue &v : o.value(QStringLiteral("versions")).toArray()) {
        const QJsonObject vo = v.toObject();
        versions << QStringLiteral("v%1 %2 %3%").arg(vo.value(QStringLiteral("version")).toInt())
                        .arg(vo.value(QStringLiteral("state")).toString())
                        .arg(vo.value(QStringLiteral("traffic_percent")).toInt());
    }
    ctx.out() << "deployment " << o.value(QStringLiteral("name")).toString() << " ("
              << spec.value(QStringLiteral("model")).toString() << "): " << o.value(QStringLiteral("state")).toString();
    if (!versions.isEmpty())
        ctx.out() << " [" << versions.join(QStringLiteral(", ")) << "]";
    const QString reason = o.value(QStringLiteral("reason")).toString();
    if (!reason.isEmpty())
        ctx.out() << " - " << reason;
    ctx.out() << '\n';
    ctx.out().flush();
    return 0;
}

struct Parsed
{
    QCommandLineParser parser;
    std::optional<ServerClient> remote;
};

// Common parsing: description, positionals, --url/--token/--json; returns false with exitCode set.
bool parseCommand(CliContext &ctx, Parsed &p, const QString &command, const QString &description,
                  const QStringList &positionals, const QStringList &args, int *exitCode, bool allowMoreOptional = false)
{
    p.parser.setApplicationDescription(description);
    for (const QString &pos : positionals)
        p.parser.addPositionalArgument(pos, pos);
    p.parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    ServerClient::addOptions(p.parser);
    if (!ctx.parse(p.parser, command, args, exitCode))
        return false;
    const qsizetype given = p.parser.positionalArguments().size();
    if (given != positionals.size() && !(allowMoreOptional && given < positionals.size())) {
        *exitCode = ctx.usageError(QStringLiteral("%1 needs %2").arg(command, positionals.join(QLatin1Char(' '))));
        return false;
    }
    auto remote = ServerClient::fromOptions(p.parser);
    if (!remote) {
        *exitCode = ctx.fail(remote.error());
        return false;
    }
    p.remote = *remote;
    return true;
}

// The server's answer to a management call on one deployment: its error, or the status it returns.
int printRemoteAnswer(CliContext &ctx, const Parsed &p, const Result<HttpResult> &r)
{
    if (!r)
        return ctx.fail(r.error());
    return printRemoteStatus(ctx, *r, p.parser.isSet(QStringLiteral("json")));
}

// The local (no --url) form of swap and canary: takes the stored definition of `name`, checks that
// `version` (when given) exists for its model, lets `change` edit it and saves it; then prints
// "deployment <what change returned> saved; ...".
int changeStoredSpec(CliContext &ctx, const QString &name, std::optional<int> version,
                     const std::function<QString(Runtime::DeploymentSpec &)> &change)
{
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    Registry::ModelRegistry &registry = (*catalog)->registry();
    auto spec = storedSpec(registry, name);
    if (!spec)
        return ctx.fail(spec.error());
    if (version) {
        if (auto v = registry.version(spec->model, *version); !v)
            return ctx.fail(v.error());
    }
    const QString summary = change(*spec);
    if (auto s = saveSpec(ctx, registry, *spec); !s)
        return ctx.fail(s.error());
    ctx.out() << "deployment " << summary << " saved; " << kApplied << ".\n";
    ctx.out().flush();
    return 0;
}

Result<int> positiveInt(const QString &text, const QString &what, int max = 1'000'000'000)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 1 || v > max)
        return fail(Error::invalid(QStringLiteral("%1 must be a positive integer, got '%2'").arg(what, text.left(20))));
    return v;
}

} // namespace

int deployCommand(CliContext &ctx, const QStringList &args)
{
    Parsed p;
    QCommandLineParser &o = p.parser;
    o.addOption({QStringLiteral("name"), QStringLiteral("Endpoint name (default: the model name)."), QStringLiteral("NAME")});
    o.addOption({QStringLiteral("public"), QStringLiteral("Allow inference without a token.")});
    o.addOption({QStringLiteral("max-batch-size"), QStringLiteral("Dynamic batching: largest batch (1 = off)."), QStringLiteral("N")});
    o.addOption({QStringLiteral("max-queue-delay-us"), QStringLiteral("Dynamic batching: longest wait for a batch to fill."), QStringLiteral("US")});
    o.addOption({QStringLiteral("workers"), QStringLiteral("Worker threads."), QStringLiteral("N")});
    o.addOption({QStringLiteral("intra-op-threads"), QStringLiteral("LibTorch intra-op threads per worker."), QStringLiteral("N")});
    o.addOption({QStringLiteral("queue-capacity"), QStringLiteral("Requests queued before 503."), QStringLiteral("N")});
    o.addOption({QStringLiteral("request-timeout-ms"), QStringLiteral("Time in queue before 504."), QStringLiteral("MS")});
    o.addOption({QStringLiteral("idle-unload"), QStringLiteral("Unload after this many idle seconds (0 = never)."), QStringLiteral("S")});
    o.addOption({QStringLiteral("sticky-header"), QStringLiteral("Header whose value keeps a client on one canary version."), QStringLiteral("HEADER")});
    o.addOption({QStringLiteral("wait"), QStringLiteral("With --url: seconds to wait until ready (default 120)."), QStringLiteral("S"), QStringLiteral("120")});
    int code = 0;
    if (!parseCommand(ctx, p, QStringLiteral("deploy"),
                      QStringLiteral("Deploy NAME[:VERSION|@ALIAS] (an alias is followed when it moves). Options not "
                                     "given take their defaults."),
                      {QStringLiteral("REF")}, args, &code))
        return code;

    auto spec = specFromRef(o.positionalArguments().first(), o.value(QStringLiteral("name")));
    if (!spec)
        return ctx.fail(spec.error());
    spec->isPublic = o.isSet(QStringLiteral("public"));
    spec->stickyHeader = o.value(QStringLiteral("sticky-header"));
    Runtime::BatchingConfig &b = spec->batching;
    const std::pair<const char *, int *> knobs[] = {{"max-batch-size", &b.maxBatchSize},       {"max-queue-delay-us", &b.maxQueueDelayUs},
                                                    {"workers", &b.workers},                   {"intra-op-threads", &b.intraOpThreads},
                                                    {"queue-capacity", &b.queueCapacity},      {"request-timeout-ms", &b.requestTimeoutMs},
                                                    {"idle-unload", &b.idleUnloadSeconds}};
    for (const auto &[name, field] : knobs) {
        if (!o.isSet(QLatin1String(name)))
            continue;
        bool ok = false;
        *field = o.value(QLatin1String(name)).toInt(&ok);
        if (!ok)
            return ctx.usageError(QStringLiteral("--%1 takes an integer").arg(QLatin1String(name)));
    }
    if (auto s = spec->validate(); !s)
        return ctx.fail(s.error());

    if (p.remote) {
        auto wait = positiveInt(o.value(QStringLiteral("wait")), QStringLiteral("--wait"), 3600);
        if (!wait)
            return ctx.fail(wait.error());
        const QString path = QStringLiteral("/api/v1/deployments/%1?wait=%2").arg(spec->name).arg(*wait);
        return printRemoteAnswer(ctx, p, p.remote->callOk("PUT", path, compact(spec->toJson())));
    }
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    // Refuse a reference that does not resolve now, rather than a definition that fails at load.
    if (auto v = (*catalog)->resolve(o.positionalArguments().first()); !v)
        return ctx.fail(v.error());
    if (auto s = saveSpec(ctx, (*catalog)->registry(), *spec); !s)
        return ctx.fail(s.error());
    if (o.isSet(QStringLiteral("json")))
        ctx.printJson(spec->toJson());
    else
        ctx.out() << "deployment " << spec->name << " -> " << targetText(*spec) << " saved; " << kApplied << ".\n";
    ctx.out().flush();
    return 0;
}

int undeployCommand(CliContext &ctx, const QStringList &args)
{
    Parsed p;
    p.parser.addOption({QStringLiteral("unload"), QStringLiteral("With --url: unload (free memory) but keep the definition.")});
    int code = 0;
    if (!parseCommand(ctx, p, QStringLiteral("undeploy"), QStringLiteral("Remove a deployment and its definition."),
                      {QStringLiteral("NAME")}, args, &code))
        return code;
    const QString name = p.parser.positionalArguments().first();
    if (auto s = Names::checkName(name, QStringLiteral("deployment")); !s)
        return ctx.fail(s.error());
    const bool unload = p.parser.isSet(QStringLiteral("unload"));
    if (p.remote) {
        if (unload)
            return printRemoteAnswer(ctx, p,
                                     p.remote->callOk("POST", QStringLiteral("/api/v1/deployments/%1/unload").arg(name)));
        if (auto r = p.remote->callOk("DELETE", QStringLiteral("/api/v1/deployments/%1").arg(name)); !r)
            return ctx.fail(r.error());
        ctx.out() << "deployment " << name << " removed.\n";
        ctx.out().flush();
        return 0;
    }
    if (unload)
        return ctx.usageError(QStringLiteral("--unload acts on a running server: add --url"));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    if (auto s = (*catalog)->registry().removeDeployment(name, ctx.actor()); !s)
        return ctx.fail(s.error());
    ctx.out() << "deployment " << name << " removed; " << kApplied << ".\n";
    ctx.out().flush();
    return 0;
}

int swapCommand(CliContext &ctx, const QStringList &args)
{
    Parsed p;
    int code = 0;
    if (!parseCommand(ctx, p, QStringLiteral("swap"),
                      QStringLiteral("Switch a deployment to another version of its model: the new version loads and "
                                     "warms while the old one serves, then traffic moves (no failed request)."),
                      {QStringLiteral("NAME"), QStringLiteral("VERSION")}, args, &code))
        return code;
    const QString name = p.parser.positionalArguments().at(0);
    auto version = positiveInt(p.parser.positionalArguments().at(1), QStringLiteral("VERSION"));
    if (!version)
        return ctx.fail(version.error());
    if (p.remote)
        return printRemoteAnswer(ctx, p,
                                 p.remote->callOk("POST", QStringLiteral("/api/v1/deployments/%1/swap").arg(name),
                                                  compact({{QStringLiteral("version"), *version}})));
    return changeStoredSpec(ctx, name, *version, [&](Runtime::DeploymentSpec &spec) -> QString {
        spec.version = *version;
        spec.alias.clear(); // a swap pins the version
        if (spec.canaryVersion == *version) {
            spec.canaryVersion.reset();
            spec.canaryPercent = 0;
        }
        return name + QStringLiteral(" -> ") + targetText(spec);
    });
}

int rollbackCommand(CliContext &ctx, const QStringList &args)
{
    Parsed p;
    int code = 0;
    if (!parseCommand(ctx, p, QStringLiteral("rollback"),
                      QStringLiteral("Swap a deployment back to its previous version. Needs the running server's "
                                     "version history: use --url."),
                      {QStringLiteral("NAME")}, args, &code))
        return code;
    if (!p.remote)
        return ctx.usageError(QStringLiteral("rollback needs the running server's version history: add --url URL "
                                             "(or use 'swap NAME VERSION')"));
    const QString name = p.parser.positionalArguments().first();
    return printRemoteAnswer(ctx, p, p.remote->callOk("POST", QStringLiteral("/api/v1/deployments/%1/rollback").arg(name)));
}

int canaryCommand(CliContext &ctx, const QStringList &args)
{
    Parsed p;
    p.parser.addOption({QStringLiteral("clear"), QStringLiteral("Remove the canary (all traffic to the primary version).")});
    int code = 0;
    if (!parseCommand(ctx, p, QStringLiteral("canary"),
                      QStringLiteral("Send PERCENT of a deployment's traffic to VERSION (canary), or --clear it."),
                      {QStringLiteral("NAME"), QStringLiteral("VERSION"), QStringLiteral("PERCENT")}, args, &code, true))
        return code;
    const QStringList pos = p.parser.positionalArguments();
    const bool clear = p.parser.isSet(QStringLiteral("clear"));
    if (pos.isEmpty() || (clear && pos.size() != 1) || (!clear && pos.size() != 3))
        return ctx.usageError(QStringLiteral("use 'canary NAME VERSION PERCENT' or 'canary NAME --clear'"));
    std::optional<int> version;
    int percent = 0;
    if (!clear) {
        auto v = positiveInt(pos[1], QStringLiteral("VERSION"));
        if (!v)
            return ctx.fail(v.error());
        bool ok = false;
        percent = pos[2].toInt(&ok);
        if (!ok || percent < 0 || percent > 100)
            return ctx.usageError(QStringLiteral("PERCENT must be between 0 and 100"));
        version = *v;
    }
    if (p.remote) {
        const QJsonObject body = version ? QJsonObject{{QStringLiteral("version"), *version}, {QStringLiteral("percent"), percent}}
                                         : QJsonObject{{QStringLiteral("version"), QJsonValue::Null}};
        return printRemoteAnswer(
            ctx, p, p.remote->callOk("POST", QStringLiteral("/api/v1/deployments/%1/canary").arg(pos[0]), compact(body)));
    }
    return changeStoredSpec(ctx, pos[0], version, [&](Runtime::DeploymentSpec &spec) -> QString {
        spec.canaryVersion = version;
        spec.canaryPercent = percent;
        return spec.name + QStringLiteral(" canary ") + canaryText(spec);
    });
}

int deploymentsCommand(CliContext &ctx, const QStringList &args)
{
    Parsed p;
    int code = 0;
    if (!parseCommand(ctx, p, QStringLiteral("deployments"),
                      QStringLiteral("List deployments: the workspace's definitions, or the live state with --url."),
                      {}, args, &code))
        return code;
    const bool json = p.parser.isSet(QStringLiteral("json"));
    if (p.remote) {
        auto r = p.remote->callOk("GET", QStringLiteral("/api/v1/deployments"));
        if (!r)
            return ctx.fail(r.error());
        const QJsonArray list = r->json().value(QStringLiteral("deployments")).toArray();
        if (json) {
            ctx.printJson(list);
            return 0;
        }
        QList<QStringList> rows;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            auto spec = Runtime::DeploymentSpec::fromJson(o.value(QStringLiteral("spec")).toObject());
            QStringList versions;
            for (const QJsonValue &vs : o.value(QStringLiteral("versions")).toArray())
                versions << QStringLiteral("v%1:%2").arg(vs.toObject().value(QStringLiteral("version")).toInt())
                                .arg(vs.toObject().value(QStringLiteral("state")).toString());
            rows << QStringList{o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("state")).toString(),
                                spec ? targetText(*spec) : QString(), versions.join(QLatin1Char(' ')),
                                spec ? canaryText(*spec) : QString(),
                                spec && spec->isPublic ? QStringLiteral("yes") : QStringLiteral("no")};
        }
        ctx.printTable({QStringLiteral("NAME"), QStringLiteral("STATE"), QStringLiteral("TARGET"), QStringLiteral("VERSIONS"),
                        QStringLiteral("CANARY"), QStringLiteral("PUBLIC")},
                       rows);
        return 0;
    }
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto records = (*catalog)->registry().deployments();
    if (!records)
        return ctx.fail(records.error());
    if (json) {
        QJsonArray out;
        for (const DeploymentRecord &r : *records)
            out.append(r.spec);
        ctx.printJson(out);
        return 0;
    }
    QList<QStringList> rows;
    for (const DeploymentRecord &r : *records) {
        auto spec = Runtime::DeploymentSpec::fromJson(r.spec);
        if (!spec) {
            rows << QStringList{r.name, QStringLiteral("(invalid: %1)").arg(spec.error().message)};
            continue;
        }
        rows << QStringList{spec->name, targetText(*spec), canaryText(*spec),
                            spec->isPublic ? QStringLiteral("yes") : QStringLiteral("no"),
                            QString::number(spec->batching.maxBatchSize), QString::number(spec->batching.workers),
                            r.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))};
    }
    ctx.printTable({QStringLiteral("NAME"), QStringLiteral("TARGET"), QStringLiteral("CANARY"), QStringLiteral("PUBLIC"),
                    QStringLiteral("BATCH"), QStringLiteral("WORKERS"), QStringLiteral("UPDATED")},
                   rows);
    return 0;
}

} // namespace ModelDesk::Cli
