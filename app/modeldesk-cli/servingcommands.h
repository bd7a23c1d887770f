#pragma once
// Serving commands of modeldesk-cli, internal header:
//   servingcommands.cpp          serve, infer, and the registration of all of them
//   servingcommands_deploy.cpp   deploy, undeploy, swap, rollback, canary, deployments
//   servingcommands_tokens.cpp   tokens create/list/revoke
//
// Deployment commands work two ways (docs/cli.md, "Deployments"):
//  - by default they edit the deployment definitions persisted in the workspace registry; a running
//    `serve` (and the console) polls the registry's change counter and applies the change within
//    about a second (Serving::DeploymentWatcher). rollback needs the live version history, so it
//    needs --url;
//  - with --url (and a token) they call a running server's management API and print its live answer.

#include "clicontext.h"

#include "runtime/inferenceengine.h"

namespace ModelDesk::Cli {

int serveCommand(CliContext &ctx, const QStringList &args);
int inferCommand(CliContext &ctx, const QStringList &args);

int deployCommand(CliContext &ctx, const QStringList &args);
int undeployCommand(CliContext &ctx, const QStringList &args);
int swapCommand(CliContext &ctx, const QStringList &args);
int rollbackCommand(CliContext &ctx, const QStringList &args);
int canaryCommand(CliContext &ctx, const QStringList &args);
int deploymentsCommand(CliContext &ctx, const QStringList &args);

int tokensCommand(CliContext &ctx, const QStringList &args);

// NAME, NAME:VERSION or NAME@ALIAS -> a spec serving it under `endpoint` (default: the model name).
Result<Runtime::DeploymentSpec> specFromRef(const QString &ref, const QString &endpoint = {});

} // namespace ModelDesk::Cli
