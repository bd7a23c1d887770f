#include "secretstore.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <optional>

namespace ModelDesk::Security {

namespace {

const QString kSecretsService = QStringLiteral("org.freedesktop.secrets");
const QStringList kWalletServices{QStringLiteral("org.kde.kwalletd6"), QStringLiteral("org.kde.kwalletd5"),
                                  QStringLiteral("org.kde.kwalletd")};

KeychainState unavailableState(KeychainState::Reason reason, const QString &message)
{
    return {KeychainState::Availability::Unavailable, reason, message};
}

QDBusMessage busCall(const QString &method)
{
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                          QStringLiteral("org.freedesktop.DBus"), method);
}

bool isNoReply(const QDBusError &error)
{
    return error.type() == QDBusError::NoReply || error.type() == QDBusError::Timeout
        || error.type() == QDBusError::TimedOut;
}

bool containsAny(const QStringList &names, const QStringList &wanted)
{
    for (const QString &w : wanted) {
        if (names.contains(w))
            return true;
    }
    return false;
}

} // namespace

QString secretName(Secret secret)
{
    switch (secret) {
    case Secret::ModelMasterKey: return QStringLiteral("model-master-key");
    case Secret::AdminToken: return QStringLiteral("admin-token");
    case Secret::TlsKeyPassphrase: return QStringLiteral("tls-key-passphrase");
    }
    return {};
}

Result<Secret> parseSecretName(const QString &name)
{
    for (Secret s : {Secret::ModelMasterKey, Secret::AdminToken, Secret::TlsKeyPassphrase}) {
        if (secretName(s) == name)
            return s;
    }
    return fail(Error::invalid(QStringLiteral("unknown secret '%1': use model-master-key, admin-token or tls-key-passphrase")
                                   .arg(name.left(60))));
}

QString reasonName(KeychainState::Reason reason)
{
    switch (reason) {
    case KeychainState::Reason::None: return QStringLiteral("none");
    case KeychainState::Reason::NoSessionBus: return QStringLiteral("no-session-bus");
    case KeychainState::Reason::NoSecretService: return QStringLiteral("no-secret-service");
    case KeychainState::Reason::NoKeyring: return QStringLiteral("no-keyring");
    case KeychainState::Reason::Locked: return QStringLiteral("locked");
    case KeychainState::Reason::TimedOut: return QStringLiteral("timed-out");
    case KeychainState::Reason::Failed: return QStringLiteral("failed");
    }
    return {};
}

// One request, from the availability check to the callback. `done` makes the first of (result,
// deadline) win; whatever arrives later is dropped.
struct SecretStore::Operation
{
    enum Kind { Probe, Read, Write, Remove };
    Kind kind = Probe;
    Secret secret = Secret::ModelMasterKey;
    QByteArray value;
    QPointer<QObject> context;
    std::function<void(Result<QByteArray>, KeychainState)> deliver;
    bool done = false;
    bool lockedAtStart = false; // the keyring was locked when the job started (unlock prompt allowed)
};

SecretStore::SecretStore(const QString &workspaceRoot, QObject *parent)
    : SecretStore(workspaceRoot, Options{}, parent)
{
}

SecretStore::SecretStore(const QString &workspaceRoot, const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_workspaceRoot(workspaceRoot)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::keyName(const QString &workspaceRoot, Secret secret)
{
    // The canonical path, so "ws", "./ws" and a symlink to it name the same entries.
    const QString canonical = QFileInfo(workspaceRoot).canonicalFilePath();
    const QString path = canonical.isEmpty() ? QDir::cleanPath(QDir(workspaceRoot).absolutePath()) : canonical;
    const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("workspace-") + QString::fromLatin1(hash) + QLatin1Char('/') + secretName(secret);
}

QString SecretStore::keyName(Secret secret) const { return keyName(m_workspaceRoot, secret); }

void SecretStore::setState(const KeychainState &state)
{
    const bool changed = state.availability != m_state.availability || state.reason != m_state.reason
        || state.message != m_state.message;
    m_state = state;
    if (changed) {
        if (!state.isAvailable())
            qCInfo(lcSecurity).noquote() << state.message;
        Q_EMIT stateChanged(m_state);
    }
}

std::shared_ptr<SecretStore::Operation> SecretStore::begin(int kind, Secret secret, QObject *context)
{
    auto op = std::make_shared<Operation>();
    op->kind = Operation::Kind(kind);
    op->secret = secret;
    op->context = context;
    QTimer::singleShot(m_options.timeoutMs, this, [this, op] { timedOut(op); });
    return op;
}

void SecretStore::timedOut(const std::shared_ptr<Operation> &op)
{
    if (op->done)
        return;
    const KeychainState s = unavailableState(
        KeychainState::Reason::TimedOut,
        QStringLiteral("no secure store: the keychain did not answer within %1 s (a locked keyring waiting for a "
                       "password, or a stuck Secret Service)")
            .arg(m_options.timeoutMs / 1000.0, 0, 'g', 3));
    setState(s);
    finish(op, fail(Error{Error::Code::Timeout, s.message}));
}

// Our own deadline decides; the D-Bus call timeout is only a backstop behind it.
int SecretStore::busTimeout() const { return m_options.timeoutMs + 5000; }

void SecretStore::finish(const std::shared_ptr<Operation> &op, Result<QByteArray> result)
{
    if (op->done)
        return;
    op->done = true;
    op->value.fill('\0');
    op->value.clear();
    if (!op->context)
        return;
    // Queued, so a callback never runs inside the call that started it.
    QTimer::singleShot(0, op->context.data(), [deliver = std::move(op->deliver), result = std::move(result), state = m_state]() mutable {
        deliver(std::move(result), state);
    });
}

void SecretStore::diagnose(const std::shared_ptr<Operation> &op, std::function<void()> next)
{
    auto unavailable = [this, op](KeychainState::Reason reason, const QString &message) {
        setState(unavailableState(reason, message));
        finish(op, fail(Error{Error::Code::Unavailable, message}));
    };
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        const QString detail = bus.lastError().message();
        unavailable(KeychainState::Reason::NoSessionBus,
                    address.isEmpty()
                        ? QStringLiteral("no secure store: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set%1)")
                              .arg(detail.isEmpty() ? QString() : QStringLiteral("; ") + detail)
                        : QStringLiteral("no secure store: the D-Bus session bus at '%1' cannot be reached (%2)")
                              .arg(address.left(120), detail));
        return;
    }

    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(busCall(QStringLiteral("ListNames")), busTimeout()), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, op, next, unavailable](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (op->done)
            return;
        const QDBusPendingReply<QStringList> owned = *w;
        if (owned.isError() && isNoReply(owned.error())) {
            timedOut(op);
            return;
        }
        if (owned.isError()) {
            unavailable(KeychainState::Reason::NoSessionBus,
                        QStringLiteral("no secure store: the D-Bus session bus does not answer (%1)").arg(owned.error().message()));
            return;
        }
        if (owned.value().contains(kSecretsService)) {
            checkDefaultCollection(op, next);
            return;
        }
        if (containsAny(owned.value(), kWalletServices)) {
            setState({KeychainState::Availability::Available, KeychainState::Reason::None, {}});
            next();
            return;
        }
        // Not running: a Secret Service may still start on demand (D-Bus activation).
        auto *activatable = new QDBusPendingCallWatcher(
            QDBusConnection::sessionBus().asyncCall(busCall(QStringLiteral("ListActivatableNames")), busTimeout()), this);
        connect(activatable, &QDBusPendingCallWatcher::finished, this, [this, op, next, unavailable](QDBusPendingCallWatcher *a) {
            a->deleteLater();
            if (op->done)
                return;
            const QDBusPendingReply<QStringList> names = *a;
            if (!names.isError() && names.value().contains(kSecretsService)) {
                checkDefaultCollection(op, next);
            } else if (!names.isError() && containsAny(names.value(), kWalletServices)) {
                setState({KeychainState::Availability::Available, KeychainState::Reason::None, {}});
                next();
            } else {
                unavailable(KeychainState::Reason::NoSecretService,
                            QStringLiteral("no secure store: no Secret Service (gnome-keyring, KWallet, KeePassXC) runs on "
                                           "the D-Bus session bus"));
            }
        });
    });
}

void SecretStore::queryLocked(std::function<void(bool ok, bool locked, const QDBusError &error)> done)
{
    QDBusMessage get = QDBusMessage::createMethodCall(kSecretsService, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                                                      QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(get, busTimeout()), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [done](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError())
            done(false, false, reply.error());
        else
            done(true, reply.value().variant().toBool(), QDBusError());
    });
}

void SecretStore::checkDefaultCollection(const std::shared_ptr<Operation> &op, std::function<void()> next)
{
    // QtKeychain (libsecret) keeps entries in the default collection: a missing one would need an
    // interactive "create a keyring" prompt, a locked one an "unlock" prompt.
    queryLocked([this, op, next](bool ok, bool locked, const QDBusError &error) {
        if (op->done)
            return;
        if (!ok && isNoReply(error)) {
            timedOut(op);
            return;
        }
        if (!ok) {
            const QString message = QStringLiteral("no secure store: the Secret Service has no default keyring (%1)")
                                        .arg(error.message().left(200));
            setState(unavailableState(KeychainState::Reason::NoKeyring, message));
            if (!m_options.allowUnlockPrompt) {
                finish(op, fail(Error{Error::Code::Unavailable, message}));
                return;
            }
            next(); // the keychain may offer to create one
            return;
        }
        if (locked) {
            setState(unavailableState(KeychainState::Reason::Locked, lockedMessage()));
            op->lockedAtStart = true;
            if (!m_options.allowUnlockPrompt) {
                finish(op, fail(Error{Error::Code::Unavailable, lockedMessage()}));
                return;
            }
            next(); // the keychain may ask for the password, within the deadline
            return;
        }
        setState({KeychainState::Availability::Available, KeychainState::Reason::None, {}});
        next();
    });
}

void SecretStore::runJob(const std::shared_ptr<Operation> &op)
{
    if (op->done)
        return;
    if (op->kind == Operation::Probe) {
        finish(op, QByteArray());
        return;
    }
    // No parent: QtKeychain runs the job to its end even when we stop waiting, and deletes it then.
    QKeychain::Job *job = nullptr;
    switch (op->kind) {
    case Operation::Read: job = new QKeychain::ReadPasswordJob(m_options.service); break;
    case Operation::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_options.service);
        w->setBinaryData(op->value);
        job = w;
        break;
    }
    case Operation::Remove: job = new QKeychain::DeletePasswordJob(m_options.service); break;
    case Operation::Probe: break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file instead of the keychain
    job->setKey(keyName(op->secret));
    const QString what = secretName(op->secret);
    connect(job, &QKeychain::Job::finished, this, [this, op, what](QKeychain::Job *j) {
        const QKeychain::Error error = j->error();
        if (error == QKeychain::NoError)
            setState({KeychainState::Availability::Available, KeychainState::Reason::None, {}});
        switch (error) {
        case QKeychain::NoError:
            finish(op, op->kind == Operation::Read ? static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData() : QByteArray());
            return;
        case QKeychain::EntryNotFound:
            // A locked keyring whose unlock prompt failed also says "not found": ask again.
            if (op->lockedAtStart) {
                queryLocked([this, op](bool ok, bool locked, const QDBusError &) {
                    if (ok && locked) {
                        setState(unavailableState(KeychainState::Reason::Locked, lockedMessage()));
                        finish(op, fail(Error{Error::Code::Unavailable, lockedMessage()}));
                    } else {
                        finishNotFound(op);
                    }
                });
                return;
            }
            finishNotFound(op);
            return;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            finish(op, fail(Error{Error::Code::PermissionDenied,
                                  QStringLiteral("the keychain refused access to the %1: %2").arg(what, j->errorString())}));
            return;
        default: {
            const QString message = QStringLiteral("no secure store: the keychain failed (%1)").arg(j->errorString().left(200));
            setState(unavailableState(KeychainState::Reason::Failed, message));
            finish(op, fail(Error{Error::Code::Unavailable, message}));
            return;
        }
        }
    });
    job->start();
}

QString SecretStore::lockedMessage()
{
    return QStringLiteral("no secure store: the default keyring is locked (unlock it, e.g. by logging in to the desktop "
                          "session, or use a passphrase)");
}

void SecretStore::finishNotFound(const std::shared_ptr<Operation> &op)
{
    setState({KeychainState::Availability::Available, KeychainState::Reason::None, {}});
    if (op->kind == Operation::Remove)
        finish(op, QByteArray());
    else
        finish(op, fail(Error::notFound(QStringLiteral("the keychain has no %1 for this workspace (service '%2', key '%3')")
                                            .arg(secretName(op->secret), m_options.service, keyName(op->secret)))));
}

void SecretStore::checkAvailability(QObject *context, StateCallback done)
{
    auto op = begin(Operation::Probe, Secret::ModelMasterKey, context);
    op->deliver = [done = std::move(done)](Result<QByteArray>, KeychainState state) { done(state); };
    diagnose(op, [this, op] { runJob(op); });
}

void SecretStore::read(Secret secret, QObject *context, ReadCallback done)
{
    auto op = begin(Operation::Read, secret, context);
    op->deliver = [done = std::move(done)](Result<QByteArray> r, KeychainState) { done(std::move(r)); };
    diagnose(op, [this, op] { runJob(op); });
}

void SecretStore::write(Secret secret, const QByteArray &value, QObject *context, DoneCallback done)
{
    auto op = begin(Operation::Write, secret, context);
    op->value = value;
    op->deliver = [done = std::move(done)](Result<QByteArray> r, KeychainState) {
        done(r ? Status() : Status(fail(r.error())));
    };
    diagnose(op, [this, op] { runJob(op); });
}

void SecretStore::remove(Secret secret, QObject *context, DoneCallback done)
{
    auto op = begin(Operation::Remove, secret, context);
    op->deliver = [done = std::move(done)](Result<QByteArray> r, KeychainState) {
        done(r ? Status() : Status(fail(r.error())));
    };
    diagnose(op, [this, op] { runJob(op); });
}

namespace {

// Runs `start(context, callback)` and spins a local event loop until the callback has run.
template <typename T, typename Start>
T waitFor(Start &&start)
{
    QEventLoop loop;
    std::optional<T> out;
    start(&loop, [&](T value) {
        out.emplace(std::move(value));
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

} // namespace

KeychainState SecretStore::checkAvailabilityBlocking()
{
    return waitFor<KeychainState>([this](QObject *ctx, auto cb) { checkAvailability(ctx, cb); });
}

Result<QByteArray> SecretStore::readBlocking(Secret secret)
{
    return waitFor<Result<QByteArray>>([this, secret](QObject *ctx, auto cb) { read(secret, ctx, cb); });
}

Status SecretStore::writeBlocking(Secret secret, const QByteArray &value)
{
    return waitFor<Status>([this, secret, &value](QObject *ctx, auto cb) { write(secret, value, ctx, cb); });
}

Status SecretStore::removeBlocking(Secret secret)
{
    return waitFor<Status>([this, secret](QObject *ctx, auto cb) { remove(secret, ctx, cb); });
}

} // namespace ModelDesk::Security
