#pragma once
// SecretStore: the console's own secrets in the OS keychain, through QtKeychain (the Secret Service
// on Linux: gnome-keyring, KWallet, KeePassXC). Secrets never go to config files; where there is no
// keychain, callers offer the passphrase fallback (PassphraseKey) and say why - never plaintext.
//
// Secrets: the model-encryption master key, the console's admin token, the TLS key passphrase. Each is
// one entry of service "ModelDesk" whose key is scoped by the workspace: "workspace-<first 16 hex of
// the SHA-256 of the canonical workspace path>/<secret name>", so two workspaces never clash.
//
// Asynchronous: QtKeychain 0.13 can wait ~25 s on a locked keyring, so every operation first checks the
// session bus and the Secret Service itself (is there a bus, a Secret Service, a default keyring, is it
// locked?) with asynchronous D-Bus calls, then runs the QtKeychain job, all under one deadline
// (Options::timeoutMs). Each call ends with exactly one callback, queued to `context`'s thread (never
// from inside the call; not at all if `context` is destroyed first). A job still running at the
// deadline is abandoned (QtKeychain cannot cancel; it deletes itself when it ends).
// state() says whether the keychain works and, if not, why (KeychainState::Reason).
//
// Threads: a QObject of the thread that created it (QtKeychain and QtDBus deliver there). The
// *Blocking() conveniences run a local event loop until the deadline: for the CLI, never for a GUI.
// Errors: NotFound (no such entry), Unavailable (no secure store; the message gives the reason),
// Timeout, PermissionDenied (the keychain refused).

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

class QDBusError;

namespace ModelDesk::Security {

enum class Secret { ModelMasterKey, AdminToken, TlsKeyPassphrase };
QString secretName(Secret secret); // "model-master-key", "admin-token", "tls-key-passphrase"
Result<Secret> parseSecretName(const QString &name);

struct KeychainState
{
    enum class Availability { Unknown, Available, Unavailable };
    enum class Reason {
        None,
        NoSessionBus,    // no D-Bus session bus (headless, SSH, a container)
        NoSecretService, // a bus, but nothing provides org.freedesktop.secrets (or KWallet)
        NoKeyring,       // a Secret Service without a default keyring
        Locked,          // the default keyring is locked
        TimedOut,        // no answer before the deadline
        Failed,          // QtKeychain reported another error
    };
    Availability availability = Availability::Unknown;
    Reason reason = Reason::None;
    QString message; // one line for people: "no secure store: the default keyring is locked ..."
    bool isAvailable() const { return availability == Availability::Available; }
};
QString reasonName(KeychainState::Reason reason); // "none", "no-session-bus", ... (JSON, logs)

class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    struct Options
    {
        QString service = QStringLiteral("ModelDesk");
        int timeoutMs = 10000;
        // A locked keyring: false (CLI, server) fails at once with Reason::Locked; true (GUI) lets
        // the keychain ask the user to unlock it, within the deadline.
        bool allowUnlockPrompt = false;
    };

    explicit SecretStore(const QString &workspaceRoot, QObject *parent = nullptr);
    SecretStore(const QString &workspaceRoot, const Options &options, QObject *parent = nullptr);
    ~SecretStore() override;

    static QString keyName(const QString &workspaceRoot, Secret secret);
    QString keyName(Secret secret) const;
    QString service() const { return m_options.service; }
    KeychainState state() const { return m_state; }

    using ReadCallback = std::function<void(Result<QByteArray>)>;
    using DoneCallback = std::function<void(Status)>;
    using StateCallback = std::function<void(KeychainState)>;

    // Checks the keychain without touching an entry; stateChanged() follows when the state changes.
    void checkAvailability(QObject *context, StateCallback done);
    void read(Secret secret, QObject *context, ReadCallback done);
    void write(Secret secret, const QByteArray &value, QObject *context, DoneCallback done);
    // Removing an entry that does not exist succeeds.
    void remove(Secret secret, QObject *context, DoneCallback done);

    KeychainState checkAvailabilityBlocking();
    Result<QByteArray> readBlocking(Secret secret);
    Status writeBlocking(Secret secret, const QByteArray &value);
    Status removeBlocking(Secret secret);

Q_SIGNALS:
    void stateChanged(const ModelDesk::Security::KeychainState &state);

private:
    struct Operation;
    void diagnose(const std::shared_ptr<Operation> &op, std::function<void()> next);
    void checkDefaultCollection(const std::shared_ptr<Operation> &op, std::function<void()> next);
    void queryLocked(std::function<void(bool ok, bool locked, const QDBusError &error)> done);
    void timedOut(const std::shared_ptr<Operation> &op);
    int busTimeout() const;
    void runJob(const std::shared_ptr<Operation> &op);
    void finishNotFound(const std::shared_ptr<Operation> &op);
    static QString lockedMessage();
    void finish(const std::shared_ptr<Operation> &op, Result<QByteArray> result);
    void setState(const KeychainState &state);
    std::shared_ptr<Operation> begin(int kind, Secret secret, QObject *context);

    Options m_options;
    QString m_workspaceRoot;
    KeychainState m_state;
};

} // namespace ModelDesk::Security
