// Training commands (train, runs, datasets, sweep): added by the training work.
#include "clicontext.h"

namespace ModelDesk::Cli {
void addTrainingCommands(CommandList &) {}
} // namespace ModelDesk::Cli
