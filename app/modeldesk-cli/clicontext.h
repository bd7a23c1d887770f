#pragma once
// Shared plumbing of modeldesk-cli subcommands: output streams, the lazily opened workspace and
// catalog, error reporting (one line on stderr + a documented exit code) and table/JSON output.

#include "core/result.h"
#include "core/workspace.h"
#include "registry/modelcatalog.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>

namespace ModelDesk::Cli {

// Exit codes (docs/cli.md): 0 ok, 1 internal error, 2 bad input/usage, 3 not found, 4 conflict/exists,
// 5 corrupt data, 6 I/O error, 7 auth, 8 unavailable/timeout, 130 cancelled.
int exitCodeFor(Error::Code code);

class CliContext
{
public:
    CliContext(QString program, QString workspaceDir);
    ~CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QString program() const { return m_program; }
    QString workspaceDir() const { return m_workspaceDir; }
    // --registry URL: a PostgreSQL registry instead of the workspace's (CatalogOptions::registryUrl).
    void setRegistryUrl(QString url) { m_registryUrl = std::move(url); }
    QString actor() const; // the OS user

    // Opens the workspace and catalog on first use.
    Result<Workspace> workspace();
    Result<Registry::ModelCatalog *> catalog();

    // Prints "modeldesk-cli: <message>" on stderr and returns the exit code for the error.
    int fail(const Error &error);
    int usageError(const QString &message); // exit 2
    void printJson(const QJsonValue &value);
    // Aligned table: header row + rows, columns separated by two spaces.
    void printTable(const QStringList &header, const QList<QStringList> &rows);

    // Standard parser set-up for a subcommand: description, --help, and the positional synopsis.
    // Returns false (after printing help or the error) when the caller should return `exitCode`.
    bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args, int *exitCode);

private:
    QString m_program;
    QString m_workspaceDir;
    QString m_registryUrl;
    QTextStream m_out;
    QTextStream m_err;
    std::optional<Workspace> m_workspace;
    std::unique_ptr<Registry::ModelCatalog> m_catalog;
};

// A subcommand: `name` as typed ("models", "train", ...), a one-line summary for the top-level help,
// and the handler, which gets the arguments after the name.
struct Command
{
    QString name;
    QString summary;
    std::function<int(CliContext &, const QStringList &)> run;
};

using CommandList = QList<Command>;

// Each command group registers itself here (one function per file).
void addModelCommands(CommandList &commands);     // models, audit, doctor, validate-artifact
void addTrainingCommands(CommandList &commands);  // train, runs, datasets, sweep
void addServingCommands(CommandList &commands);   // serve, deploy, undeploy, swap, rollback, canary, deployments, tokens, infer
void addExportCommands(CommandList &commands);    // export triton, export kserve
void addMonitoringCommands(CommandList &commands); // metrics, alerts
void addSecurityCommands(CommandList &commands);   // encryption (securitycommands.cpp)

// Encryption at rest (securitycommands.cpp): gives the catalog the CLI's way to the workspace master
// key (keychain, read now on the main thread; or a passphrase from $MODELDESK_PASSPHRASE_FILE or the
// terminal, on first need).
void prepareWorkspaceKey(Registry::ModelCatalog &catalog);
// InvalidArgument unless `decrypt` (the user's --decrypt) when the version is encrypted at rest:
// plaintext goes only where the user explicitly says.
Status requireDecryptConsent(Registry::ModelCatalog &catalog, const VersionInfo &version, bool decrypt,
                             const QString &destination);

// Human-readable sizes ("12.3 MiB").
QString humanSize(qint64 bytes);

} // namespace ModelDesk::Cli
