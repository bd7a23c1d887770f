// Serving commands (serve, deploy, tokens, infer, ...): added by the serving work.
#include "clicontext.h"

namespace ModelDesk::Cli {
void addServingCommands(CommandList &) {}
} // namespace ModelDesk::Cli
