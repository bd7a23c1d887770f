#pragma once
// TorchServe model archives (.mar, torch-model-archiver's zip): import the serialized TorchScript
// file inside as a registry version, so models leave TorchServe without Python.
//
// What is read: MAR-INF/MANIFEST.json ({"model": {"modelName", "modelVersion", "serializedFile",
// "handler", "modelFile"?, "description"?}, "runtime", "archiverVersion", "createdOn"}) and the one
// entry that "serializedFile" names. Nothing else is extracted, and never under a name taken from the
// archive: the entry is inflated into a staging file of the workspace's tmp folder (removed at the
// end, or by the next catalog open after a crash). Archives with an entry name that would escape an
// extraction folder (absolute, "..", backslash) are refused whole (zip slip).
// Eager-mode archives (a Python model file + a state dict) are refused with the reason: rebuilding
// that model needs Python, and ModelDesk runs TorchScript only.
//
// Threads: blocking I/O; call off the GUI thread. Errors: InvalidArgument for malformed or unsafe
// archives, Unsupported for eager-mode ones, Corrupt for a CRC or size mismatch, plus whatever
// ModelCatalog::importFile returns for the TorchScript file itself (prefixed with "<file>.mar:<inner>").

#include "modelcatalog.h"

#include "artifacts/artifactstore.h"
#include "core/modeltypes.h"
#include "core/result.h"

#include <QString>

namespace ModelDesk::Registry {

struct MarManifest
{
    QString modelName;
    QString modelVersion;
    QString serializedFile; // entry name of the weights / TorchScript file
    QString modelFile;      // Python model definition: set only for eager-mode archives
    QString handler;
    QString description;
    QString runtime; // "python", "LSP", ...
    QString archiverVersion;
    QString createdOn;

    bool isEagerMode() const { return !modelFile.isEmpty(); }
};

// True when `path` is a zip archive with a MAR-INF/MANIFEST.json entry (reads the directory only).
bool isMarArchive(const QString &path);

// Reads and checks the archive's manifest and entry names (no extraction).
Result<MarManifest> readMarManifest(const QString &path);

// Imports the archive's TorchScript file as the next version of request.model (see ImportRequest;
// request.sourcePath is the .mar). lineage.source becomes "<file>.mar:<inner>" and the version's
// params get "torchserve_model_name", "torchserve_model_version", "torchserve_handler",
// "torchserve_archiver_version". progress spans extraction + import.
Result<VersionInfo> importMarArchive(ModelCatalog &catalog, const ImportRequest &request,
                                     const QString &actor, const Artifacts::Progress &progress = {});

} // namespace ModelDesk::Registry
