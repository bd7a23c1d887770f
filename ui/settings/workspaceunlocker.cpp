#include "workspaceunlocker.h"

#include "artifacts/artifactkeyring.h"
#include "registry/modelcatalog.h"
#include "runtime/inferenceengine.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QThread>

#include <algorithm>

Q_LOGGING_CATEGORY(lcUnlock, "modeldesk.ui.unlock")

using namespace ModelDesk;
using ModelDesk::Security::EncryptionStatus;
using ModelDesk::Security::KeySource;
using ModelDesk::Security::Secret;
using ModelDesk::Security::SecretStore;
using ModelDesk::Security::WorkspaceEncryption;

namespace {

// The registry keys WorkspaceEncryption keeps (workspaceencryption.h).
const QString kPrefix = QStringLiteral("encryption.");
const QString kKeyId = QStringLiteral("encryption.key_id");
const QString kSource = QStringLiteral("encryption.key_source");
const QString kEnabled = QStringLiteral("encryption.enabled");
const QString kWrapped = QStringLiteral("encryption.wrapped_key");

Security::PassphraseProvider providerFor(const QByteArray &passphrase)
{
    if (passphrase.isEmpty())
        return {};
    return [passphrase]() -> Result<QByteArray> { return passphrase; };
}

// Progress of an encryption change, reported on the unlocker's thread; false once cancelled.
auto progressReporter(QPointer<WorkspaceUnlocker> self, std::shared_ptr<std::atomic<bool>> cancel)
{
    return [self, cancel](qint64 done, qint64 total) {
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, done, total] {
                if (self) Q_EMIT self->encryptionProgress(done, total);
            }, Qt::QueuedConnection);
        return !cancel->load();
    };
}

} // namespace

WorkspaceUnlocker::WorkspaceUnlocker(Registry::ModelCatalog &catalog, QString actor, QObject *parent)
    : WorkspaceUnlocker(catalog, std::move(actor), Options{}, parent)
{
}

WorkspaceUnlocker::WorkspaceUnlocker(Registry::ModelCatalog &catalog, QString actor, const Options &options,
                                     QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
    , m_options(options)
    , m_secrets(std::make_unique<SecretStore>(catalog.workspace().root(), storeOptions(), this))
{
    qRegisterMetaType<EncryptionStatus>();
    qRegisterMetaType<Security::KeychainState>();
    // One job at a time: conversions and key loads must not overlap (each reads what the other writes).
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    installLockedLoader();
}

WorkspaceUnlocker::~WorkspaceUnlocker()
{
    m_cancel->store(true);
    m_pool.waitForDone();
}

SecretStore::Options WorkspaceUnlocker::storeOptions() const
{
    SecretStore::Options o;
    o.service = m_options.service;
    o.timeoutMs = m_options.keychainTimeoutMs;
    o.allowUnlockPrompt = m_options.allowUnlockPrompt;
    return o;
}

QString WorkspaceUnlocker::workspacePath() const
{
    return m_catalog.workspace().root();
}

template <typename T>
void WorkspaceUnlocker::runJob(std::function<T()> job, std::function<void(T)> done)
{
    QPointer<WorkspaceUnlocker> self(this);
    m_pool.start([self, job = std::move(job), done = std::move(done)]() mutable {
        T result = job();
        // Queued to the GUI thread; dropped with the event if this object is gone by then.
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
    });
}

void WorkspaceUnlocker::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    qCInfo(lcUnlock).noquote() << "workspace key:" << int(state) << message;
    Q_EMIT stateChanged(state, message);
}

void WorkspaceUnlocker::installLockedLoader()
{
    // Without a key, an encrypted artifact is refused with a message that says what to do; the GUI
    // never prompts from a background thread (a deployment loading, the HTTP server).
    const auto keyring = m_catalog.store().keyring();
    if (!keyring)
        return;
    keyring->setKeyLoader([]() -> Result<Artifacts::MasterKey> {
        return fail(Error{Error::Code::Unavailable,
                          QStringLiteral("the workspace is locked: unlock it in the console (Settings, Encryption at "
                                         "rest) to use encrypted models")});
    });
}

void WorkspaceUnlocker::start()
{
    const auto keyring = m_catalog.store().keyring();
    if (keyring && keyring->hasMasterKey()) {
        setState(State::Unlocked, tr("The workspace key is loaded."));
        return;
    }
    ++m_generation;
    setState(State::Checking, tr("Reading the encryption settings of the workspace..."));
    Registry::ModelCatalog *catalog = &m_catalog;
    runJob<Result<Settings>>([catalog] { return readSettings(*catalog); },
                             [this](Result<Settings> settings) { settingsRead(settings); });
}

Result<WorkspaceUnlocker::Settings> WorkspaceUnlocker::readSettings(Registry::ModelCatalog &catalog)
{
    auto values = catalog.registry().settings(kPrefix);
    if (!values)
        return fail(values.error());
    Settings s;
    s.keyId = values->value(kKeyId);
    s.source = values->value(kSource);
    s.enabled = values->value(kEnabled) == QLatin1String("true");
    return s;
}

void WorkspaceUnlocker::settingsRead(const Result<Settings> &settings)
{
    if (!settings) {
        setState(State::Failed, tr("The encryption settings cannot be read: %1").arg(settings.error().message));
        return;
    }
    if (settings->keyId.isEmpty()) {
        setState(State::NotSetUp, tr("Encryption at rest is off; there is no key to unlock."));
        return;
    }
    if (settings->source == QLatin1String("passphrase")) {
        m_source = KeySource::Passphrase;
        setState(State::NeedsPassphrase,
                 tr("The workspace key is protected by a passphrase: enter it to use encrypted models."));
        Q_EMIT passphraseNeeded();
        return;
    }
    m_source = KeySource::Keychain;
    setState(State::Checking, tr("Reading the workspace key from the keychain..."));
    const quint64 generation = m_generation;
    m_secrets->read(Secret::ModelMasterKey, this, [this, generation](Result<QByteArray> bytes) {
        if (generation != m_generation) { // a later start() asked again
            if (bytes)
                Artifacts::secureWipe(*bytes);
            return;
        }
        keychainBytes(std::move(bytes));
    });
}

void WorkspaceUnlocker::keychainBytes(Result<QByteArray> bytes)
{
    if (!bytes) {
        const Error &e = bytes.error();
        QString why = e.message;
        if (e.code == Error::Code::NotFound)
            why = tr("the keychain has no entry for this workspace's key (was the workspace moved or the keychain "
                     "reset? see docs/security.md)");
        setState(State::KeychainFailed,
                 tr("Encrypted models cannot be loaded: the workspace key is in the keychain, which did not give "
                    "it (%1). Unlock the keychain and press Retry.")
                     .arg(why));
        return;
    }
    Registry::ModelCatalog *catalog = &m_catalog;
    QByteArray secret = std::move(*bytes);
    runJob<Result<Artifacts::MasterKey>>(
        [catalog, secret]() mutable {
            // acceptKeychainBytes wipes its copy; ours (the lambda's) is wiped here.
            auto key = WorkspaceEncryption::acceptKeychainBytes(catalog->registry(), secret);
            Artifacts::secureWipe(secret);
            return key;
        },
        [this](Result<Artifacts::MasterKey> key) { keyAccepted(key); });
    Artifacts::secureWipe(secret);
}

void WorkspaceUnlocker::keyAccepted(const Result<Artifacts::MasterKey> &key)
{
    if (!key) {
        setState(State::Failed, tr("The workspace key cannot be used: %1").arg(key.error().message));
        return;
    }
    if (const auto keyring = m_catalog.store().keyring())
        keyring->setMasterKey(*key);
    setState(State::Unlocked, m_source == KeySource::Passphrase ? tr("Unlocked with the passphrase.")
                                                                 : tr("Unlocked with the key from the keychain."));
    Q_EMIT unlocked();
    reloadLockedDeployments();
}

void WorkspaceUnlocker::reloadLockedDeployments()
{
    if (!m_engine)
        return;
    Runtime::InferenceEngine *engine = m_engine;
    const QString actor = m_actor;
    using Outcome = std::pair<QStringList, QStringList>;
    runJob<Outcome>(
        [engine, actor]() {
            Outcome outcome;
            // A load that asked for the key just before it arrived fails a moment later: let the
            // loads in flight finish first (bounded; this is the worker thread).
            QList<Runtime::DeploymentStatus> all = engine->deployments();
            for (int i = 0; i < 600; ++i) {
                const bool loading = std::any_of(all.cbegin(), all.cend(), [](const Runtime::DeploymentStatus &d) {
                    return d.state == Runtime::DeploymentState::Loading || d.state == Runtime::DeploymentState::Warming;
                });
                if (!loading)
                    break;
                QThread::msleep(100);
                all = engine->deployments();
            }
            for (const Runtime::DeploymentStatus &d : std::as_const(all)) {
                // Only those refused for want of the key (Unavailable: installLockedLoader's error, or
                // the keyring's own when a restored deployment loaded before this object installed
                // it - the serving host starts restoring before the unlocker exists).
                const bool refusedForKey = d.failure == Error::Code::Unavailable;
                if (d.state != Runtime::DeploymentState::Failed || !refusedForKey)
                    continue;
                const std::optional<int> version = !d.versions.isEmpty() && d.versions.first().version > 0
                    ? std::optional<int>(d.versions.first().version)
                    : d.spec.version;
                if (!version)
                    continue;
                // A swap to the version it already names loads a failed deployment again.
                if (auto s = engine->swap(d.spec.name, *version, actor); s)
                    outcome.first << d.spec.name;
                else
                    outcome.second << QStringLiteral("%1: %2").arg(d.spec.name, s.error().message);
            }
            return outcome;
        },
        [this](Outcome outcome) {
            if (!outcome.first.isEmpty() || !outcome.second.isEmpty())
                Q_EMIT reloadedDeployments(outcome.first, outcome.second);
        });
}

void WorkspaceUnlocker::unlockWithPassphrase(QByteArray passphrase)
{
    setState(State::Checking, tr("Deriving the key from the passphrase..."));
    Registry::ModelCatalog *catalog = &m_catalog;
    runJob<Result<Artifacts::MasterKey>>(
        [catalog, passphrase]() mutable {
            auto key = WorkspaceEncryption::loadMasterKey(catalog->registry(), nullptr, providerFor(passphrase));
            Artifacts::secureWipe(passphrase);
            return key;
        },
        [this](Result<Artifacts::MasterKey> key) {
            if (!key && key.error().code == Error::Code::Unauthenticated) {
                setState(State::NeedsPassphrase, tr("Wrong passphrase."));
                Q_EMIT passphraseRejected(tr("Wrong passphrase: the workspace key could not be opened with it."));
                return;
            }
            if (!key) {
                setState(State::NeedsPassphrase, key.error().message);
                Q_EMIT passphraseRejected(key.error().message);
                return;
            }
            keyAccepted(key);
        });
    Artifacts::secureWipe(passphrase);
}

void WorkspaceUnlocker::checkKeychain()
{
    m_secrets->checkAvailability(this, [this](Security::KeychainState state) { Q_EMIT keychainChecked(state); });
}

void WorkspaceUnlocker::refreshStatus()
{
    Registry::ModelCatalog *catalog = &m_catalog;
    runJob<Result<EncryptionStatus>>(
        [catalog]() { return WorkspaceEncryption(*catalog, nullptr).status(); },
        [this](Result<EncryptionStatus> status) {
            if (status) {
                m_source = status->keySource;
                Q_EMIT statusReady(*status);
            } else {
                Q_EMIT statusFailed(status.error().message);
            }
        });
}

void WorkspaceUnlocker::enable(KeySource source, QByteArray passphrase)
{
    if (m_busy)
        return;
    m_busy = true;
    m_cancel->store(false);
    if (source == KeySource::Passphrase) {
        convert(source, passphrase, {});
        Artifacts::secureWipe(passphrase);
        return;
    }
    // Keychain: every QtKeychain call stays on this (GUI) thread. Jobs started on a pool thread
    // without an event loop were seen to leave the Secret Service connection unusable for the rest
    // of the process (later reads from any thread waited until the deadline).
    Registry::ModelCatalog *catalog = &m_catalog;
    runJob<Result<Settings>>(
        [catalog] { return readSettings(*catalog); },
        [this](Result<Settings> settings) {
            if (!settings) {
                enableFailed(settings.error().message);
                return;
            }
            if (!settings->keyId.isEmpty()) { // set up before: enable() finishes with the unlocked key
                convert(KeySource::Keychain, {}, {});
                return;
            }
            auto key = Artifacts::MasterKey::generate();
            if (!key) {
                enableFailed(key.error().message);
                return;
            }
            storeNewKey(*key);
        });
}

void WorkspaceUnlocker::storeNewKey(const Artifacts::MasterKey &key)
{
    const QString fallback = tr("; or protect the key with a passphrase instead (docs/security.md)");
    QByteArray bytes = key.bytes();
    m_secrets->write(Secret::ModelMasterKey, bytes, this, [this, key, fallback](Status written) {
        if (!written) {
            enableFailed(written.error().message + fallback);
            return;
        }
        // Read it back: a keychain that silently drops entries must not get the only copy of the key.
        m_secrets->read(Secret::ModelMasterKey, this, [this, key, fallback](Result<QByteArray> back) {
            const bool same =
                back && Artifacts::MasterKey::fromBytes(*back).value_or(Artifacts::MasterKey()).id() == key.id();
            const QString why = back ? tr("it reads back different") : back.error().message;
            if (back)
                Artifacts::secureWipe(*back);
            if (!same) {
                enableFailed(tr("the keychain did not keep the master key (%1)").arg(why) + fallback);
                return;
            }
            convert(KeySource::Keychain, {}, key);
        });
    });
    Artifacts::secureWipe(bytes);
}

void WorkspaceUnlocker::enableFailed(const QString &message)
{
    m_busy = false;
    Q_EMIT encryptionFinished(false, message, {});
}

void WorkspaceUnlocker::convert(KeySource source, QByteArray passphrase, const Artifacts::MasterKey &newKey)
{
    Registry::ModelCatalog *catalog = &m_catalog;
    const QString actor = m_actor;
    const auto cancel = m_cancel;
    QPointer<WorkspaceUnlocker> self(this);
    runJob<Result<EncryptionStatus>>(
        [catalog, actor, cancel, self, source, passphrase, newKey]() mutable -> Result<EncryptionStatus> {
            if (!newKey.isNull()) {
                // The key is in the keychain (written and read back above): record it as the
                // workspace's keychain key, as WorkspaceEncryption::enable() does for a new key
                // (the settings are its documented contract), and hand it to the catalog.
                const QMap<QString, QString> values{{kEnabled, QStringLiteral("true")},
                                                    {kKeyId, newKey.idHex()},
                                                    {kSource, Security::keySourceName(KeySource::Keychain)}};
                if (auto s = catalog->registry().changeSettings(values, {kWrapped}, actor,
                                                                 QStringLiteral("encryption.enable"));
                    !s)
                    return fail(s.error());
                if (const auto keyring = catalog->store().keyring())
                    keyring->setMasterKey(newKey);
            }
            WorkspaceEncryption encryption(*catalog, nullptr);
            WorkspaceEncryption::EnableOptions enable;
            enable.keySource = source;
            enable.passphrase = providerFor(passphrase);
            auto result = encryption.enable(enable, actor, progressReporter(self, cancel));
            Artifacts::secureWipe(passphrase);
            return result;
        },
        [this, source](Result<EncryptionStatus> result) {
            m_busy = false;
            if (!result) {
                Q_EMIT encryptionFinished(false, result.error().message, {});
                return;
            }
            m_source = source;
            const bool complete = result->complete();
            Q_EMIT encryptionFinished(true,
                                      complete ? tr("Encryption at rest is on: %n model file(s) encrypted.", nullptr,
                                                    result->encrypted)
                                               : tr("Encryption at rest is on, but %n file(s) are still plaintext; run "
                                                    "it again to finish.", nullptr, result->plain),
                                      *result);
            if (m_state != State::Unlocked) {
                // The key is in the catalog's keyring now.
                const auto keyring = m_catalog.store().keyring();
                if (keyring && keyring->hasMasterKey()) {
                    setState(State::Unlocked, tr("The workspace key is loaded."));
                    Q_EMIT unlocked();
                }
            }
        });
    Artifacts::secureWipe(passphrase);
}

void WorkspaceUnlocker::disable(QByteArray passphrase)
{
    if (m_busy)
        return;
    m_busy = true;
    m_cancel->store(false);
    Registry::ModelCatalog *catalog = &m_catalog;
    const QString actor = m_actor;
    const auto cancel = m_cancel;
    const bool fromKeychain = m_source == KeySource::Keychain;
    QPointer<WorkspaceUnlocker> self(this);
    runJob<Result<EncryptionStatus>>(
        [catalog, actor, cancel, self, passphrase]() mutable {
            // No keychain here (QtKeychain stays on the GUI thread, see enable()): the key is
            // unlocked already, in the catalog's keyring; the old entry is removed afterwards.
            WorkspaceEncryption encryption(*catalog, nullptr);
            auto result = encryption.disable(providerFor(passphrase), actor, progressReporter(self, cancel));
            Artifacts::secureWipe(passphrase);
            return result;
        },
        [this, fromKeychain](Result<EncryptionStatus> result) {
            m_busy = false;
            if (!result) {
                Q_EMIT encryptionFinished(false, result.error().message, {});
                return;
            }
            const bool complete = result->complete();
            if (complete && fromKeychain && !result->keySetUp) {
                // The settings no longer name the key; a stray entry would be harmless (the next
                // enable overwrites it), so a failure here is only logged.
                m_secrets->remove(Secret::ModelMasterKey, this, [](Status removed) {
                    if (!removed)
                        qCWarning(lcUnlock).noquote()
                            << "could not remove the old master key from the keychain:" << removed.error().message;
                });
            }
            Q_EMIT encryptionFinished(true,
                                      complete ? tr("Encryption at rest is off: %n model file(s) decrypted.", nullptr,
                                                    result->artifacts)
                                               : tr("Encryption at rest is off, but %n file(s) are still encrypted; "
                                                    "run it again to finish.", nullptr, result->encrypted),
                                      *result);
            if (complete)
                setState(State::NotSetUp, tr("Encryption at rest is off; there is no key to unlock."));
        });
    Artifacts::secureWipe(passphrase);
}

void WorkspaceUnlocker::cancel()
{
    m_cancel->store(true);
}
