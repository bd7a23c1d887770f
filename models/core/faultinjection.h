#pragma once
// Crash-consistency tests kill a real process at named points of a multi-step write. When the
// environment variable MODELDESK_FAULT_POINT equals the point's name, the process SIGKILLs itself
// there (no cleanup, no flush: exactly what a power cut or kill -9 does). Costs one cached lookup.
//
// Points used: import:hashed, import:pending, import:copied, import:validated, import:committed,
// delete:committed, and progress points "import:copy:<percent>" (see ModelCatalog::importFile);
// encryption:enabled, encryption:disabled, encryption:staged, encryption:renamed (artifacts),
// encryption:run:staged, encryption:run:renamed (training runs' files, Artifacts::SealedFile) and
// "encryption:rewrite:<percent>" (WorkspaceEncryption); train:checkpoint:written,
// train:checkpoint:recorded (Trainer::saveCheckpoint), train:exported (TrainingJob, before
// registering); deployment:saving (row written, transaction open), deployment:saved
// (ModelRegistry::saveDeployment).

#include <QString>

namespace ModelDesk {

void faultPoint(const char *name);
// For progress: kills when the configured point is "<prefix>:<p>" and percent >= p.
void faultPointProgress(const char *prefix, int percent);

} // namespace ModelDesk
