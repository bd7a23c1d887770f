#pragma once
// WorkspaceUnlocker: the console's way to the workspace master key (docs/security.md, "The console")
// and its encryption-at-rest controls.
//
// At start (start()), for a workspace with a master key, it gets the key without ever blocking the
// GUI thread and hands it to the catalog's ArtifactKeyring, so encrypted models load:
//  - key in the OS keychain: SecretStore::read (asynchronous, with a deadline: QtKeychain can hang
//    ~25 s on a locked keyring), then the bytes are checked against the workspace's key id on a
//    worker thread. A keychain that is missing, locked or slow ends in State::KeychainFailed with a
//    message saying why; retry() tries again.
//  - key behind a passphrase (the documented fallback when there is no secure store):
//    State::NeedsPassphrase and passphraseNeeded(); the UI asks with an UnlockDialog and calls
//    unlockWithPassphrase() (PBKDF2 runs on a worker thread, ~0.5 s).
// Until the key is there, loading an encrypted artifact fails with "the workspace is locked" (the
// keyring's loader says so) instead of prompting from a background thread.
//
// Encryption at rest on/off (enable(), disable()) and status() run WorkspaceEncryption on the same
// worker thread with progress and cancel. Every keychain call (read, write, read-back, remove) is
// made asynchronously from the GUI thread, never from the worker: QtKeychain jobs started on a
// pool thread without an event loop left the Secret Service connection stuck for the process.
//
// Threads: a QObject of the GUI thread; every signal arrives there. One worker thread runs the jobs
// in order; the destructor cancels a running conversion (what is done stays done: every artifact is
// whole, old or new form) and waits for it. Ownership: the catalog must outlive this object.

#include "artifacts/masterkey.h"
#include "core/result.h"
#include "security/secretstore.h"
#include "security/workspaceencryption.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>

namespace ModelDesk::Registry {
class ModelCatalog;
}
namespace ModelDesk::Runtime {
class InferenceEngine;
}

class WorkspaceUnlocker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceUnlocker)

public:
    enum class State {
        Idle,            // start() not called yet
        Checking,        // reading the registry settings / the keychain / deriving the key
        NotSetUp,        // the workspace has no master key: nothing is encrypted, nothing to unlock
        NeedsPassphrase, // the key is behind a passphrase: unlockWithPassphrase()
        KeychainFailed,  // the key is in the keychain, which did not give it (message says why)
        Unlocked,        // the catalog has the key
        Failed,          // the registry could not be read, or the key is not this workspace's
    };
    Q_ENUM(State)

    struct Options
    {
        int keychainTimeoutMs = 15000;
        // The GUI lets the keychain show its own unlock prompt (within the deadline).
        bool allowUnlockPrompt = true;
        QString service = QStringLiteral("ModelDesk");
    };

    WorkspaceUnlocker(ModelDesk::Registry::ModelCatalog &catalog, QString actor, QObject *parent = nullptr);
    WorkspaceUnlocker(ModelDesk::Registry::ModelCatalog &catalog, QString actor, const Options &options,
                      QObject *parent = nullptr);
    ~WorkspaceUnlocker() override;

    State state() const { return m_state; }
    QString message() const { return m_message; }
    ModelDesk::Security::KeySource keySource() const { return m_source; }
    bool isBusy() const { return m_busy; }
    ModelDesk::Security::SecretStore &secrets() { return *m_secrets; }
    QString workspacePath() const;

    // Reads the workspace's encryption settings and unlocks it as described above.
    void start();
    // Asks the keychain again (after KeychainFailed), or re-reads the settings.
    void retry() { start(); }
    // Unwraps the key with `passphrase` (wiped afterwards). passphraseRejected() on a wrong one.
    void unlockWithPassphrase(QByteArray passphrase);
    // The runtime whose deployments were restored before the key arrived: once unlocked, those that
    // failed because the workspace was locked are loaded again (swap to the same version, on the
    // worker thread); reloadedDeployments() reports how many. Null: nothing is reloaded. The
    // engine must outlive this object.
    void setRuntime(ModelDesk::Runtime::InferenceEngine *engine) { m_engine = engine; }
    // Checks whether the keychain works, without touching an entry: keychainChecked().
    void checkKeychain();

    // Encryption at rest. `passphrase`: for a passphrase-protected key (new or existing); empty for
    // the keychain. Progress: encryptionProgress(); the end: encryptionFinished().
    void refreshStatus();
    void enable(ModelDesk::Security::KeySource source, QByteArray passphrase);
    void disable(QByteArray passphrase);
    // Stops a running conversion after the current artifact.
    void cancel();

Q_SIGNALS:
    void stateChanged(WorkspaceUnlocker::State state, const QString &message);
    void passphraseNeeded();
    void passphraseRejected(const QString &message);
    void unlocked();
    void keychainChecked(const ModelDesk::Security::KeychainState &state);
    void statusReady(const ModelDesk::Security::EncryptionStatus &status);
    void statusFailed(const QString &message);
    void encryptionProgress(qint64 done, qint64 total);
    void encryptionFinished(bool ok, const QString &message, const ModelDesk::Security::EncryptionStatus &status);
    void reloadedDeployments(const QStringList &names, const QStringList &failures);

private:
    struct Settings
    {
        QString keyId;
        QString source;
        bool enabled = false;
    };
    // Runs `job` on the worker thread and `done` with its result on this object's thread (not at
    // all when this object is gone).
    template <typename T>
    void runJob(std::function<T()> job, std::function<void(T)> done);
    void setState(State state, const QString &message);
    // Reads the encryption settings from the registry (blocking: for a job on the worker thread).
    static ModelDesk::Result<Settings> readSettings(ModelDesk::Registry::ModelCatalog &catalog);
    void settingsRead(const ModelDesk::Result<Settings> &settings);
    void keychainBytes(ModelDesk::Result<QByteArray> bytes);
    void keyAccepted(const ModelDesk::Result<ModelDesk::Artifacts::MasterKey> &key);
    void installLockedLoader();
    void reloadLockedDeployments();
    void storeNewKey(const ModelDesk::Artifacts::MasterKey &key);
    void enableFailed(const QString &message);
    // Runs WorkspaceEncryption::enable() on the worker; a non-null `newKey` (already in the keychain)
    // is recorded as the workspace key first.
    void convert(ModelDesk::Security::KeySource source, QByteArray passphrase,
                 const ModelDesk::Artifacts::MasterKey &newKey);
    ModelDesk::Security::SecretStore::Options storeOptions() const;

    ModelDesk::Registry::ModelCatalog &m_catalog;
    ModelDesk::Runtime::InferenceEngine *m_engine = nullptr;
    QString m_actor;
    Options m_options;
    std::unique_ptr<ModelDesk::Security::SecretStore> m_secrets;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    State m_state = State::Idle;
    QString m_message;
    ModelDesk::Security::KeySource m_source = ModelDesk::Security::KeySource::Keychain;
    quint64 m_generation = 0; // start() calls; an older keychain answer is ignored
    bool m_busy = false;
};
