#pragma once
// ModelCatalog: the one service the GUI, the CLI and the HTTP API use to manage models. It ties the
// registry (rows) to the artifact store (files) and keeps them consistent:
//  - import: inspect the file (in a child process when a validator executable is set), record the
//    digest in the pending table, write + fsync + verify the artifact, then add the version and clear
//    the pending row in one transaction. A crash at any point leaves either no version or a whole one;
//    leftovers of interrupted imports are cleaned at the next open (the recording process is gone).
//  - delete: remove the rows and mark freed digests pending in one transaction, then unlink files.
//  - doctor: schema + integrity_check, every referenced artifact present with a matching digest,
//    orphan files (on disk, not referenced, not pending) and missing files.
//
// Encryption at rest: when the registry setting encryptionEnabledSetting is "true", new artifacts are
// stored encrypted (the store's keyring asks the setting before each write); reads decrypt in memory.
//
// Threads: thread-safe, blocking (file and database I/O): call from worker threads, never the GUI
// thread. Ownership: owns its ModelRegistry and ArtifactStore. Errors: Result<T> (see core/result.h).

#include "modelregistry.h"

#include "artifacts/artifactstore.h"
#include "artifacts/masterkey.h"
#include "core/modeltypes.h"
#include "core/names.h"
#include "core/result.h"
#include "core/workspace.h"

#include <QStringList>
#include <functional>
#include <memory>

namespace ModelDesk::Registry {

// The registry setting that makes new artifacts encrypted at rest ("true"/"false"; see
// Security::WorkspaceEncryption and docs/security.md). Read before every artifact write.
inline constexpr char encryptionEnabledSetting[] = "encryption.enabled";

struct CatalogOptions
{
    // Where the registry lives: a PostgreSQL URL (postgresql://user@host:port/database) or a file.
    // Empty: $MODELDESK_REGISTRY_URL, else config.json's "registry": {"url": ...}, else the
    // workspace's registry.sqlite (see ModelCatalog::registryLocation). Artifacts stay in the
    // workspace's artifacts/ folder either way: for a team registry that folder is shared storage.
    QString registryUrl;
    // Executable that validates untrusted TorchScript in a child process
    // (`<exe> validate-artifact FILE --json`). Empty: validate in-process (tests, trusted input).
    QString validatorExecutable;
    int validatorTimeoutSeconds = 120;
    int validatorMemoryLimitMiB = 4096;
    // Encryption at rest: gives the workspace master key the first time an encrypted artifact is read
    // or written (blocking, on that thread; it must check the key against the registry's encryption
    // settings). Empty: the key must be given with store().keyring()->setMasterKey() (the GUI reads it
    // from the keychain asynchronously), and encrypted artifacts are Unavailable until then.
    std::function<Result<Artifacts::MasterKey>(ModelRegistry &registry)> masterKeyLoader;
};

struct ImportRequest
{
    QString sourcePath;
    QString model;
    QString description;     // the version's; also the model's when this import creates it
    QJsonObject metrics;
    QJsonObject params;
    Lineage lineage;         // source defaults to the file name
    QString modelTask;       // used when the model is created by this import
};

struct DoctorReport
{
    QStringList problems;    // each one line, naming what is wrong ("model 'x' version 2: artifact ... digest mismatch")
    QStringList fixed;       // what doctor repaired (with fix=true): leftovers removed, ...
    int modelsChecked = 0;
    int versionsChecked = 0;
    int artifactsChecked = 0;
    bool ok() const { return problems.isEmpty(); }
};

class ModelCatalog final
{
public:
    static Result<std::unique_ptr<ModelCatalog>> open(const Workspace &workspace, const CatalogOptions &options = {});
    // The registry location open() uses: `explicitUrl` (--registry), then $MODELDESK_REGISTRY_URL, then
    // config.json "registry.url", then workspace.registryPath(). InvalidArgument for a config.json URL
    // that carries a password (passwords belong in PGPASSWORD or ~/.pgpass) or a non-string url.
    static Result<QString> registryLocation(const Workspace &workspace, const QString &explicitUrl = {});
    // The first two steps of that order, which need no file: `explicitUrl`, else $MODELDESK_REGISTRY_URL,
    // else "" (config.json or the workspace's own file decide).
    static QString registryLocationOverride(const QString &explicitUrl = {});
    ~ModelCatalog();
    ModelCatalog(const ModelCatalog &) = delete;
    ModelCatalog &operator=(const ModelCatalog &) = delete;

    const Workspace &workspace() const;
    ModelRegistry &registry() const;
    const Artifacts::ArtifactStore &store() const;

    // Imports a TorchScript file as the next version of request.model (created when missing).
    // progress covers copying/hashing; returning false from it cancels (Error::Cancelled, nothing stored).
    Result<VersionInfo> importFile(const ImportRequest &request, const QString &actor,
                                   const Artifacts::Progress &progress = {});
    // Stores bytes produced in-process (training export) as a new version. The bytes are inspected
    // in-process: they are our own output.
    Result<VersionInfo> addVersionFromBytes(const QString &model, const QByteArray &bytes, const NewVersion &meta,
                                            const QString &actor);

    // NAME -> latest version, NAME:V -> that version, NAME@ALIAS -> the aliased version.
    Result<VersionInfo> resolve(const Names::ModelRef &ref) const;
    Result<VersionInfo> resolve(const QString &refText) const;

    // Verified artifact bytes of a version (digest checked; Corrupt names model and version).
    Result<QByteArray> readArtifact(const VersionInfo &version) const;
    Status exportVersion(const VersionInfo &version, const QString &destination) const;

    Status deleteVersion(const QString &model, int version, const QString &actor);
    Status deleteModel(const QString &model, const QString &actor);

    // Checks everything; with fix=true also removes leftovers of interrupted imports/deletes and
    // temporary files (never a referenced artifact).
    Result<DoctorReport> doctor(bool fix = false);

private:
    ModelCatalog();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Registry
