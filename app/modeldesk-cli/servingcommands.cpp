// serve and infer (and the registration of every serving command). See servingcommands.h.

#include "servingcommands.h"

#include "servingclient.h"

#include "artifacts/torchscriptinspector.h"
#include "core/names.h"
#include "core/platforminfo.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "security/tokenservice.h"
#include "serving/servinghost.h"
#include "serving/kservecodec.h"
#include "serving/modelserver.h"

#include <QCommandLineParser>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <future>
#include <unistd.h>

namespace ModelDesk::Cli {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onTerminationSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGINT/SIGTERM write to a self-pipe (async-signal-safe); waitForTerminationSignal() reads it.
bool installTerminationHandlers()
{
    if (g_signalPipe[0] < 0 && ::pipe2(g_signalPipe, O_CLOEXEC) != 0)
        return false;
    struct sigaction sa = {};
    sa.sa_handler = onTerminationSignal;
    sigemptyset(&sa.sa_mask);
    return ::sigaction(SIGINT, &sa, nullptr) == 0 && ::sigaction(SIGTERM, &sa, nullptr) == 0;
}

int waitForTerminationSignal()
{
    char c = 0;
    for (;;) {
        const auto n = ::read(g_signalPipe[0], &c, 1);
        if (n == 1)
            return int(c);
        if (n < 0 && errno != EINTR)
            return 0;
    }
}

Result<quint64> sizeOption(const QCommandLineParser &p, const QString &name, quint64 defaultMiB)
{
    if (!p.isSet(name))
        return defaultMiB << 20;
    bool ok = false;
    const quint64 mib = p.value(name).toULongLong(&ok);
    if (!ok || mib == 0 || mib > (1u << 20))
        return fail(Error::invalid(QStringLiteral("--%1 takes a size in MiB between 1 and 1048576").arg(name)));
    return mib << 20;
}

} // namespace

Result<Runtime::DeploymentSpec> specFromRef(const QString &refText, const QString &endpoint)
{
    auto ref = Names::parseModelRef(refText);
    if (!ref)
        return fail(ref.error());
    Runtime::DeploymentSpec spec;
    spec.name = endpoint.isEmpty() ? ref->name : endpoint;
    spec.model = ref->name;
    spec.version = ref->version;
    spec.alias = ref->alias;
    if (auto s = spec.validate(); !s)
        return fail(s.error());
    return spec;
}

int serveCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Run the HTTP model server in the foreground (KServe v2 under /v2, management under /api/v1, "
        "Prometheus metrics at /metrics), restoring the persisted deployments. Stops on Ctrl-C/SIGTERM."));
    p.addOption({QStringLiteral("host"), QStringLiteral("Listen address (default 127.0.0.1). Another address "
                                                        "exposes the server: use --tls-cert/--tls-key."),
                 QStringLiteral("HOST"), QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Port (default 8080; 0 = any free port)."), QStringLiteral("PORT"),
                 QStringLiteral("8080")});
    p.addOption({QStringLiteral("deploy"), QStringLiteral("Deploy NAME[:VERSION|@ALIAS] at start (repeatable)."),
                 QStringLiteral("REF")});
    p.addOption({QStringLiteral("tls-cert"), QStringLiteral("TLS certificate chain (PEM)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("tls-key"), QStringLiteral("TLS private key (PEM)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("io-threads"), QStringLiteral("HTTP I/O threads (default 1)."), QStringLiteral("N"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("spin-us"),
                 QStringLiteral("Microseconds an idle I/O thread or model worker keeps polling before it sleeps "
                                "(default 50; 0 = sleep at once: least CPU, higher latency)."),
                 QStringLiteral("US"), QStringLiteral("50")});
    p.addOption({QStringLiteral("body-limit"), QStringLiteral("Largest request body in MiB (default 32)."), QStringLiteral("MIB")});
    p.addOption({QStringLiteral("upload-limit"), QStringLiteral("Largest model upload in MiB (default 4096)."), QStringLiteral("MIB")});
    p.addOption({QStringLiteral("no-watch"), QStringLiteral("Do not follow deployment definitions changed by other processes.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("serve"), args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("serve takes no positional arguments"));

    Serving::ModelServerOptions options;
    options.http.host = p.value(QStringLiteral("host"));
    bool ok = false;
    const int port = p.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return ctx.usageError(QStringLiteral("--port must be between 0 and 65535"));
    options.http.port = quint16(port);
    options.http.ioThreads = p.value(QStringLiteral("io-threads")).toInt(&ok);
    if (!ok || options.http.ioThreads < 1 || options.http.ioThreads > 64)
        return ctx.usageError(QStringLiteral("--io-threads must be between 1 and 64"));
    const int spinUs = p.value(QStringLiteral("spin-us")).toInt(&ok);
    if (!ok || spinUs < 0 || spinUs > 10000)
        return ctx.usageError(QStringLiteral("--spin-us must be between 0 and 10000"));
    options.http.spinUs = spinUs;
    options.http.tlsCertificateFile = p.value(QStringLiteral("tls-cert"));
    options.http.tlsPrivateKeyFile = p.value(QStringLiteral("tls-key"));
    auto body = sizeOption(p, QStringLiteral("body-limit"), 32);
    auto upload = sizeOption(p, QStringLiteral("upload-limit"), 4096);
    if (!body)
        return ctx.fail(body.error());
    if (!upload)
        return ctx.fail(upload.error());
    options.limits.bodyLimitBytes = *body;
    options.limits.uploadLimitBytes = *upload;

    QList<Runtime::DeploymentSpec> startDeploys;
    for (const QString &ref : p.values(QStringLiteral("deploy"))) {
        auto spec = specFromRef(ref);
        if (!spec)
            return ctx.fail(spec.error());
        startDeploys << *spec;
    }

    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    Registry::ModelCatalog &cat = **catalog;

    Serving::ServingHostOptions hostOptions;
    hostOptions.server = options;
    hostOptions.runtime.workerSpinUs = spinUs;
    hostOptions.watchOtherProcesses = !p.isSet(QStringLiteral("no-watch"));
    Serving::ServingHost host(cat, hostOptions);
    for (const QString &warning : host.start())
        ctx.err() << "modeldesk-cli: " << warning << Qt::endl;
    Runtime::DeploymentManager &manager = host.runtime();
    Security::TokenService &tokens = host.tokens();
    const QString actor = ctx.actor();
    for (const Runtime::DeploymentSpec &spec : startDeploys) {
        auto r = manager.deploy(spec, actor);
        if (!r) {
            ctx.err() << "modeldesk-cli: cannot deploy " << spec.name << ": " << r.error().message << Qt::endl;
            continue;
        }
    }
    if (!installTerminationHandlers())
        return ctx.fail(Error::internal(QStringLiteral("cannot install the SIGINT/SIGTERM handlers")));
    if (auto s = host.startServer(); !s)
        return ctx.fail(s.error());
    const QString url = host.serverUrl();

    QTextStream &out = ctx.out();
    out << "ModelDesk serving on " << url << " (KServe v2: " << url << "/v2, management: " << url
        << "/api/v1, metrics: " << url << "/metrics)\n";
    // The server's banner is its operator's record of what runs the models (short commands show
    // this with --verbose only; a reference BLAS is a warning for every command).
    const BlasInfo blas = loadedBlas();
    out << "  runtime: LibTorch " << Artifacts::torchVersion() << ", BLAS " << blas.provider << " ("
        << (blas.path.isEmpty() ? QStringLiteral("no libblas.so.3 mapped") : blas.path) << ")\n";
    for (const Runtime::DeploymentStatus &s : manager.deployments())
        out << "  deployment " << s.spec.name << " (" << s.spec.model << "): " << Runtime::deploymentStateName(s.state) << '\n';
    if (auto list = tokens.list(); list && list->isEmpty())
        out << "No API tokens yet: create one with 'modeldesk-cli tokens create --name NAME --role operator'.\n";
    out.flush();
    // Deployments given with --deploy report when they are ready (or why not) without blocking serving.
    for (const Runtime::DeploymentSpec &spec : startDeploys) {
        auto r = manager.waitReady(spec.name, std::chrono::seconds(120));
        if (r)
            out << "  deployment " << spec.name << " ready\n";
        else
            ctx.err() << "modeldesk-cli: deployment " << spec.name << ": " << r.error().message << Qt::endl;
        out.flush();
    }

    const int signal = waitForTerminationSignal();
    out << "Stopping (" << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << ")...\n";
    out.flush();
    host.shutdown();
    out << "Stopped.\n";
    out.flush();
    return 0;
}

int inferCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Run one KServe v2 inference request (JSON body, as for POST /v2/models/NAME/infer). Without --url the "
        "model is loaded in this process (no server needed); with --url the request goes to a running server."));
    p.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("NAME, NAME:VERSION or NAME@ALIAS (with --url: a deployment)"));
    p.addOption({QStringLiteral("data"), QStringLiteral("Request body file, or - for standard input."), QStringLiteral("FILE")});
    ServerClient::addOptions(p);
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("infer"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("infer needs exactly one REF"));
    if (!p.isSet(QStringLiteral("data")))
        return ctx.usageError(QStringLiteral("infer needs --data FILE (or - for standard input)"));
    auto ref = Names::parseModelRef(p.positionalArguments().first());
    if (!ref)
        return ctx.fail(ref.error());

    QFile input;
    const QString dataPath = p.value(QStringLiteral("data"));
    const bool opened = dataPath == QLatin1String("-") ? input.open(stdin, QIODevice::ReadOnly) : (input.setFileName(dataPath), input.open(QIODevice::ReadOnly));
    if (!opened)
        return ctx.fail(Error::io(QStringLiteral("cannot read '%1': %2").arg(dataPath, input.errorString())));
    const QByteArray body = input.readAll();
    if (body.size() > (qsizetype(32) << 20))
        return ctx.fail({Error::Code::TooLarge, QStringLiteral("request body is larger than 32 MiB")});

    auto remote = ServerClient::fromOptions(p);
    if (!remote)
        return ctx.fail(remote.error());
    if (*remote) {
        if (!ref->alias.isEmpty())
            return ctx.usageError(QStringLiteral("with --url, give a deployment name (optionally :VERSION), not @ALIAS"));
        QString path = QStringLiteral("/v2/models/") + ref->name;
        if (ref->version)
            path += QStringLiteral("/versions/") + QString::number(*ref->version);
        path += QStringLiteral("/infer");
        auto r = (*remote)->callOk("POST", path, body);
        if (!r)
            return ctx.fail(r.error());
        ctx.out() << r->body << '\n';
        ctx.out().flush();
        return 0;
    }

    // In-process: a throw-away engine (nothing persisted) loads the registry-verified version.
    std::string request(body.constData(), std::size_t(body.size()));
    request.reserve(request.size() + 64);
    auto decoded = Serving::KServe::decodeInferRequest(request);
    if (!decoded)
        return ctx.fail(decoded.error());
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    Runtime::DeploymentManagerOptions options;
    options.persist = false;
    options.warmupRuns = 0;
    options.aliasPollMs = 0;
    Runtime::DeploymentManager manager(*catalog, options);
    auto spec = specFromRef(p.positionalArguments().first());
    if (!spec)
        return ctx.fail(spec.error());
    if (auto d = manager.deploy(*spec, ctx.actor()); !d)
        return ctx.fail(d.error());
    if (auto ready = manager.waitReady(spec->name, std::chrono::seconds(300)); !ready)
        return ctx.fail(ready.error());

    Runtime::InferRequest ir;
    ir.id = decoded->id;
    ir.deployment = spec->name;
    ir.inputs = std::move(decoded->inputs);
    for (const Serving::KServe::RequestedOutput &o : decoded->outputs)
        ir.requestedOutputs << o.name;
    std::promise<Runtime::InferResult> promise;
    auto future = promise.get_future();
    manager.infer(std::move(ir), [&promise](Runtime::InferResult r) { promise.set_value(std::move(r)); });
    Runtime::InferResult result = future.get();
    manager.shutdown();
    if (!result)
        return ctx.fail(result.error().error);
    auto encoded = Serving::KServe::encodeInferResponse(*result, *decoded);
    if (!encoded)
        return ctx.fail(encoded.error());
    ctx.out() << QByteArray::fromStdString(encoded->body) << '\n';
    ctx.out().flush();
    return 0;
}

void addServingCommands(CommandList &commands)
{
    commands << Command{QStringLiteral("serve"), QStringLiteral("Run the HTTP model server (KServe v2, management API, metrics)"), serveCommand}
             << Command{QStringLiteral("deploy"), QStringLiteral("Deploy a model version (workspace definition, or --url)"), deployCommand}
             << Command{QStringLiteral("undeploy"), QStringLiteral("Remove (or with --unload, unload) a deployment"), undeployCommand}
             << Command{QStringLiteral("swap"), QStringLiteral("Switch a deployment to another version (hot swap)"), swapCommand}
             << Command{QStringLiteral("rollback"), QStringLiteral("Swap a deployment back to its previous version (--url)"), rollbackCommand}
             << Command{QStringLiteral("canary"), QStringLiteral("Send a share of a deployment's traffic to another version"), canaryCommand}
             << Command{QStringLiteral("deployments"), QStringLiteral("List deployments (definitions, or live with --url)"), deploymentsCommand}
             << Command{QStringLiteral("tokens"), QStringLiteral("API tokens: create, list, revoke"), tokensCommand}
             << Command{QStringLiteral("infer"), QStringLiteral("Run one KServe v2 inference request"), inferCommand};
}

} // namespace ModelDesk::Cli
