#pragma once
// WorkspaceEncryption: turns encryption at rest on and off for a workspace and loads its master key
// (docs/security.md).
//
// State lives in the registry settings (one transaction per change, audited):
//   encryption.enabled      "true" / "false" - new artifacts are encrypted (ModelCatalog reads it)
//   encryption.key_id       hex id of the master key (MasterKey::idHex)
//   encryption.key_source   "keychain" (SecretStore entry model-master-key) or "passphrase"
//   encryption.wrapped_key  the passphrase-wrapped key (WrappedMasterKey JSON), passphrase source only
//
// enable(): a new random master key (unless one is set up), stored in the keychain or wrapped by a
// passphrase - never in plaintext - then the setting, then every stored artifact is rewritten
// encrypted (ArtifactStore::rewrite: staging file, fsync, rename over), then every training run's
// checkpoint and exported model (Artifacts::RunFiles, Artifacts::SealedFile::rewrite: QSaveFile,
// fsync, rename over). disable() sets the setting off, then rewrites all of them in plaintext, then
// forgets the key. A crash at any point leaves every file readable (each file is whole, old or new
// form, told apart by its magic) and the command can simply be run again to finish; status()
// counts both forms.
//
// Threads: blocking (file I/O, key derivation, keychain); CLI thread or a worker, never the GUI
// thread. The SecretStore is used through its blocking calls, so call from the thread it lives in.

#include "artifacts/artifactstore.h"
#include "artifacts/masterkey.h"
#include "core/result.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace ModelDesk::Registry {
class ModelCatalog;
class ModelRegistry;
} // namespace ModelDesk::Registry

namespace ModelDesk::Security {

class SecretStore;

enum class KeySource { Keychain, Passphrase };
QString keySourceName(KeySource source); // "keychain", "passphrase"

// Asked when the passphrase is needed (CLI: a file or the terminal; GUI: a dialog on its thread).
using PassphraseProvider = std::function<Result<QByteArray>()>;

struct EncryptionStatus
{
    bool enabled = false;
    bool keySetUp = false;                 // a master key exists for the workspace
    KeySource keySource = KeySource::Keychain;
    QString keyId;
    int artifacts = 0;
    int encrypted = 0;
    int plain = 0;
    // Training runs' weight files (runs/<id>/checkpoint-<n>.pt, model.pt: Artifacts::RunFiles).
    int runFiles = 0;
    int runFilesEncrypted = 0;
    int runFilesPlain = 0;
    QStringList problems;                  // files that could not be inspected or converted

    // Every artifact and run file is in the form the setting asks for.
    bool complete() const { return enabled ? plain == 0 && runFilesPlain == 0 : encrypted == 0 && runFilesEncrypted == 0; }
    QJsonObject toJson() const;
};

class WorkspaceEncryption final
{
public:
    // `catalog` must outlive this object. `secrets` may be null: no keychain, passphrase only.
    WorkspaceEncryption(Registry::ModelCatalog &catalog, SecretStore *secrets);

    Result<EncryptionStatus> status() const;

    struct EnableOptions
    {
        // For a new key: where it goes (unset: the keychain). For a key already set up it must be
        // unset or the same: switching needs disable + enable.
        std::optional<KeySource> keySource;
        PassphraseProvider passphrase;     // a new passphrase (Passphrase source) or the existing one
    };
    // Progress counts files (artifacts, then run files); returning false cancels (what is done stays done). The returned
    // status lists artifacts that could not be converted (damaged ones are left as they are).
    Result<EncryptionStatus> enable(const EnableOptions &options, const QString &actor,
                                    const Artifacts::Progress &progress = {});
    Result<EncryptionStatus> disable(const PassphraseProvider &passphrase, const QString &actor,
                                     const Artifacts::Progress &progress = {});

    // The workspace master key from its source, checked against encryption.key_id. NotFound when
    // encryption was never set up; Unavailable / Timeout (keychain), Unauthenticated (passphrase).
    static Result<Artifacts::MasterKey> loadMasterKey(Registry::ModelRegistry &registry, SecretStore *secrets,
                                                      const PassphraseProvider &passphrase);
    // For a GUI that read the keychain entry itself (SecretStore::read, asynchronously): checks the
    // bytes against encryption.key_id (blocking registry read: on a worker thread) and wipes them.
    // Then: catalog.store().keyring()->setMasterKey(key).
    static Result<Artifacts::MasterKey> acceptKeychainBytes(Registry::ModelRegistry &registry, QByteArray bytes);

private:
    Result<Artifacts::MasterKey> unlock(const PassphraseProvider &passphrase);
    Result<Artifacts::MasterKey> createKey(const EnableOptions &options, const QString &actor);
    Status convertAll(Artifacts::StoredForm form, const Artifacts::Progress &progress, EncryptionStatus &out);
    Status forgetKey(const QString &actor);

    Registry::ModelCatalog &m_catalog;
    SecretStore *m_secrets = nullptr;
};

} // namespace ModelDesk::Security
