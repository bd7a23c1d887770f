#pragma once
// Shared pieces of the training commands (train, sweep, runs, datasets), internal to modeldesk-cli.

#include "clicontext.h"

#include "training/trainingconfig.h"
#include "training/trainingjob.h"

#include <QCommandLineParser>

namespace ModelDesk::Cli {

// Adds the data, architecture and optimisation options that `train` and `sweep` share.
void addTrainingOptions(QCommandLineParser &p);
// Builds a TrainingConfig from those options (arch-specific defaults for options not given).
Result<Training::TrainingConfig> trainingConfigFromOptions(const QCommandLineParser &p);
// --data, --dataset-name and the reading options.
void addDataOptions(QCommandLineParser &p);
// How to read data: --kind, --label, --text-column, --topics, --classes, --class-names.
void addDataReadingOptions(QCommandLineParser &p);
Result<Training::DataOptions> dataOptionsFromParser(const QCommandLineParser &p);

// Runs a job on this thread with a progress bar on stderr when it is a terminal (quiet otherwise)
// and Ctrl-C mapped to a clean cancel (the run stays resumable). `label` prefixes the bar.
Training::TrainingOutcome runJobWithProgress(CliContext &ctx, Training::TrainingJob &job, const QString &label = {});

// One-line figures of an outcome for people.
void printOutcome(CliContext &ctx, const Training::TrainingOutcome &o);

// Runs a training request (a new run or a resumed one) with runJobWithProgress and reports the outcome:
// the JSON with `json` (a failure also gets its one line on stderr), printOutcome otherwise. Returns
// the exit code.
int runTrainingRequest(CliContext &ctx, Registry::ModelCatalog *catalog, const Training::TrainingRequest &request,
                       bool json);

int runsCommand(CliContext &ctx, const QStringList &args);
int datasetsCommand(CliContext &ctx, const QStringList &args);
int sweepCommand(CliContext &ctx, const QStringList &args);

} // namespace ModelDesk::Cli
