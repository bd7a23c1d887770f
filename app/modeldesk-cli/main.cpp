// modeldesk-cli: the headless face of ModelDesk. Global options come before the subcommand:
//   modeldesk-cli [--workspace DIR] [--registry URL] [--verbose] <command> [options]
// Every command prints one clear line on stderr and exits non-zero on failure (codes in docs/cli.md).

#include "clicontext.h"

#include "artifacts/torchscriptinspector.h"
#include "core/logging.h"
#include "core/platforminfo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace ModelDesk;

namespace {

void printHelp(Cli::CliContext &ctx, const Cli::CommandList &commands)
{
    QTextStream &out = ctx.out();
    out << "Usage: modeldesk-cli [--workspace DIR] [--registry URL] [--verbose] <command> [options]\n\n"
           "Train, version, deploy and serve PyTorch models from the command line.\n\n"
           "Global options:\n"
           "  --workspace DIR   workspace folder (default: $MODELDESK_WORKSPACE, else the app-data folder)\n"
           "  --registry URL    registry database, e.g. postgresql://user@host:5432/modeldesk (default:\n"
           "                    $MODELDESK_REGISTRY_URL, else config.json registry.url, else the workspace's)\n"
           "  --verbose         log start-up details and debug messages on stderr\n"
           "  --version         print the version and exit\n"
           "  -h, --help        print this help\n\n"
           "Commands:\n";
    qsizetype width = 0;
    for (const Cli::Command &c : commands)
        width = std::max(width, c.name.size());
    for (const Cli::Command &c : commands)
        out << "  " << c.name.leftJustified(width + 2) << c.summary << '\n';
    out << "\nRun 'modeldesk-cli <command> --help' for a command's options. See docs/cli.md.\n";
    out.flush();
}

// Start-up environment line: LibTorch version and which BLAS the loader picked (the reference BLAS
// is 5-20x slower, so it is a loud warning whether or not --verbose is given).
void logEnvironment(bool verbose)
{
    const BlasInfo blas = loadedBlas();
    if (verbose) {
        qCInfo(lcCore).noquote() << "ModelDesk" << QStringLiteral(MODELDESK_VERSION) << "LibTorch"
                                 << Artifacts::torchVersion() << "BLAS" << blas.provider << blas.path;
    }
    if (blas.isReference()) {
        qCWarning(lcCore).noquote() << "WARNING: the slow reference BLAS is loaded (" << blas.path
                                    << "); LibTorch will be 5-20x slower. Install libopenblas0-pthread.";
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("modeldesk-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("ModelDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));

    Cli::CommandList commands;
    Cli::addModelCommands(commands);
    Cli::addTrainingCommands(commands);
    Cli::addServingCommands(commands);
    Cli::addMonitoringCommands(commands);
    Cli::addExportCommands(commands);
    Cli::addSecurityCommands(commands);

    QStringList args = app.arguments().mid(1);
    QString workspaceDir;
    QString registryUrl;
    bool verbose = false;
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--workspace") || opt.startsWith(QLatin1String("--workspace="))) {
            if (opt.contains(QLatin1Char('='))) {
                workspaceDir = opt.section(QLatin1Char('='), 1);
            } else if (!args.isEmpty()) {
                workspaceDir = args.takeFirst();
            }
            if (workspaceDir.isEmpty()) {
                QTextStream(stderr) << "modeldesk-cli: --workspace needs a directory (see --help)\n";
                return 2;
            }
        } else if (opt == QLatin1String("--registry") || opt.startsWith(QLatin1String("--registry="))) {
            if (opt.contains(QLatin1Char('='))) {
                registryUrl = opt.section(QLatin1Char('='), 1);
            } else if (!args.isEmpty()) {
                registryUrl = args.takeFirst();
            }
            if (registryUrl.isEmpty()) {
                QTextStream(stderr) << "modeldesk-cli: --registry needs a URL such as postgresql://user@host/db (see --help)\n";
                return 2;
            }
        } else if (opt == QLatin1String("--verbose") || opt == QLatin1String("-v")) {
            verbose = true;
        } else if (opt == QLatin1String("--version")) {
            QTextStream(stdout) << "modeldesk-cli " << MODELDESK_VERSION << " (LibTorch " << Artifacts::torchVersion()
                                << ", BLAS " << loadedBlas().provider << ")\n";
            return 0;
        } else if (opt == QLatin1String("--help") || opt == QLatin1String("-h")) {
            Cli::CliContext ctx(QStringLiteral("modeldesk-cli"), {});
            printHelp(ctx, commands);
            return 0;
        } else {
            QTextStream(stderr) << "modeldesk-cli: unknown option '" << opt << "' (see --help)\n";
            return 2;
        }
    }
    if (!verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("modeldesk.*.info=false\nmodeldesk.*.debug=false"));
    logEnvironment(verbose);

    Cli::CliContext ctx(QStringLiteral("modeldesk-cli"), workspaceDir);
    ctx.setRegistryUrl(registryUrl);
    if (args.isEmpty()) {
        printHelp(ctx, commands);
        return 2;
    }
    const QString name = args.takeFirst();
    for (const Cli::Command &c : commands) {
        if (c.name == name)
            return c.run(ctx, args);
    }
    return ctx.usageError(QStringLiteral("unknown command '%1'").arg(name));
}
