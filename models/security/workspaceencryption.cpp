#include "workspaceencryption.h"

#include "artifacts/artifactkeyring.h"
#include "artifacts/sealedfile.h"
#include "core/faultinjection.h"
#include "core/logging.h"
#include "passphrasekey.h"
#include "registry/modelcatalog.h"
#include "secretstore.h"
#include "artifacts/runfiles.h"

#include <QJsonArray>

namespace ModelDesk::Security {

namespace {

const QString kPrefix = QStringLiteral("encryption.");
const QString kEnabled = QString::fromLatin1(Registry::encryptionEnabledSetting);
const QString kKeyId = QStringLiteral("encryption.key_id");
const QString kSource = QStringLiteral("encryption.key_source");
const QString kWrapped = QStringLiteral("encryption.wrapped_key");
const QString kTrue = QStringLiteral("true");

KeySource sourceOf(const QMap<QString, QString> &settings)
{
    return settings.value(kSource) == QLatin1String("passphrase") ? KeySource::Passphrase : KeySource::Keychain;
}

Error withCode(Error::Code code, const QString &message) { return Error{code, message}; }

} // namespace

QString keySourceName(KeySource source)
{
    return source == KeySource::Passphrase ? QStringLiteral("passphrase") : QStringLiteral("keychain");
}

QJsonObject EncryptionStatus::toJson() const
{
    return {{QStringLiteral("enabled"), enabled},
            {QStringLiteral("key_set_up"), keySetUp},
            {QStringLiteral("key_source"), keySetUp ? keySourceName(keySource) : QString()},
            {QStringLiteral("key_id"), keyId},
            {QStringLiteral("artifacts"), artifacts},
            {QStringLiteral("encrypted"), encrypted},
            {QStringLiteral("plaintext"), plain},
            {QStringLiteral("run_files"), runFiles},
            {QStringLiteral("run_files_encrypted"), runFilesEncrypted},
            {QStringLiteral("run_files_plaintext"), runFilesPlain},
            {QStringLiteral("complete"), complete()},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

WorkspaceEncryption::WorkspaceEncryption(Registry::ModelCatalog &catalog, SecretStore *secrets)
    : m_catalog(catalog)
    , m_secrets(secrets)
{
}

Result<EncryptionStatus> WorkspaceEncryption::status() const
{
    auto settings = m_catalog.registry().settings(kPrefix);
    if (!settings)
        return fail(settings.error());
    EncryptionStatus st;
    st.enabled = settings->value(kEnabled) == kTrue;
    st.keyId = settings->value(kKeyId);
    st.keySetUp = !st.keyId.isEmpty();
    st.keySource = sourceOf(*settings);
    auto digests = m_catalog.store().list();
    if (!digests)
        return fail(digests.error());
    for (const QString &digest : *digests) {
        auto form = m_catalog.store().storedForm(digest);
        if (!form) {
            if (form.error().code != Error::Code::NotFound) // removed meanwhile
                st.problems << form.error().message;
            continue;
        }
        ++st.artifacts;
        ++(*form == Artifacts::StoredForm::Encrypted ? st.encrypted : st.plain);
    }
    const Artifacts::RunFiles runFiles(m_catalog.store().keyring());
    for (const Artifacts::RunFiles::Entry &entry : Artifacts::RunFiles::list(m_catalog.workspace().runsDir())) {
        auto form = runFiles.sealed(entry.path).form();
        if (!form) {
            if (form.error().code != Error::Code::NotFound) // a newer checkpoint replaced it meanwhile
                st.problems << form.error().message;
            continue;
        }
        ++st.runFiles;
        ++(*form == Artifacts::StoredForm::Encrypted ? st.runFilesEncrypted : st.runFilesPlain);
    }
    return st;
}

Result<Artifacts::MasterKey> WorkspaceEncryption::loadMasterKey(Registry::ModelRegistry &registry, SecretStore *secrets,
                                                                const PassphraseProvider &passphrase)
{
    auto settings = registry.settings(kPrefix);
    if (!settings)
        return fail(settings.error());
    const QString keyId = settings->value(kKeyId);
    if (keyId.isEmpty())
        return fail(Error::notFound(QStringLiteral("encryption at rest has never been set up for this workspace: it has no master key")));

    Result<Artifacts::MasterKey> key = fail(Error::internal(QStringLiteral("no key source")));
    if (sourceOf(*settings) == KeySource::Passphrase) {
        auto wrapped = WrappedMasterKey::fromJson(settings->value(kWrapped));
        if (!wrapped)
            return fail(wrapped.error());
        if (!passphrase)
            return fail(withCode(Error::Code::Unavailable,
                                 QStringLiteral("the workspace master key is protected by a passphrase and none was given")));
        auto secret = passphrase();
        if (!secret)
            return fail(secret.error());
        key = PassphraseKey::unwrap(*wrapped, *secret);
        Artifacts::secureWipe(*secret);
    } else {
        if (!secrets)
            return fail(withCode(Error::Code::Unavailable,
                                 QStringLiteral("the workspace master key is in the OS keychain, which is not available here")));
        auto bytes = secrets->readBlocking(Secret::ModelMasterKey);
        if (!bytes) {
            if (bytes.error().code == Error::Code::NotFound)
                return fail(Error::notFound(
                    QStringLiteral("the workspace master key is not in the keychain (service '%1', key '%2'): was the workspace "
                                   "moved or the keychain reset? See docs/security.md")
                        .arg(secrets->service(), secrets->keyName(Secret::ModelMasterKey))));
            return fail(withCode(bytes.error().code,
                                 QStringLiteral("cannot load the workspace master key: %1").arg(bytes.error().message)));
        }
        key = Artifacts::MasterKey::fromBytes(*bytes);
        Artifacts::secureWipe(*bytes);
        if (!key)
            return fail(Error::corrupt(QStringLiteral("the keychain entry '%1' does not hold a ModelDesk master key")
                                           .arg(secrets->keyName(Secret::ModelMasterKey))));
    }
    if (!key)
        return key;
    if (key->idHex() != keyId)
        return fail(Error::corrupt(QStringLiteral("the master key from the %1 (id %2) is not this workspace's key (id %3)")
                                       .arg(keySourceName(sourceOf(*settings)), key->idHex(), keyId)));
    return key;
}

Result<Artifacts::MasterKey> WorkspaceEncryption::acceptKeychainBytes(Registry::ModelRegistry &registry, QByteArray bytes)
{
    auto key = Artifacts::MasterKey::fromBytes(bytes);
    Artifacts::secureWipe(bytes);
    if (!key)
        return fail(Error::corrupt(QStringLiteral("the keychain entry does not hold a ModelDesk master key")));
    auto settings = registry.settings(kKeyId);
    if (!settings)
        return fail(settings.error());
    const QString keyId = settings->value(kKeyId);
    if (keyId.isEmpty())
        return fail(Error::notFound(QStringLiteral("encryption at rest has never been set up for this workspace: it has no master key")));
    if (key->idHex() != keyId)
        return fail(Error::corrupt(QStringLiteral("the master key from the keychain (id %1) is not this workspace's key (id %2)")
                                       .arg(key->idHex(), keyId)));
    return key;
}

Result<Artifacts::MasterKey> WorkspaceEncryption::unlock(const PassphraseProvider &passphrase)
{
    const auto keyring = m_catalog.store().keyring();
    if (keyring && keyring->hasMasterKey())
        return keyring->masterKey();
    auto key = loadMasterKey(m_catalog.registry(), m_secrets, passphrase);
    if (key && keyring)
        keyring->setMasterKey(*key);
    return key;
}

Result<Artifacts::MasterKey> WorkspaceEncryption::createKey(const EnableOptions &options, const QString &actor)
{
    const KeySource source = options.keySource.value_or(KeySource::Keychain);
    auto key = Artifacts::MasterKey::generate();
    if (!key)
        return key;
    QMap<QString, QString> values{{kEnabled, kTrue}, {kKeyId, key->idHex()}, {kSource, keySourceName(source)}};
    QStringList remove;
    if (source == KeySource::Keychain) {
        const QString fallback = QStringLiteral("; or protect the key with a passphrase instead (docs/security.md)");
        if (!m_secrets)
            return fail(withCode(Error::Code::Unavailable, QStringLiteral("no secure store is available") + fallback));
        QByteArray bytes = key->bytes();
        auto written = m_secrets->writeBlocking(Secret::ModelMasterKey, bytes);
        Artifacts::secureWipe(bytes);
        if (!written)
            return fail(withCode(written.error().code, written.error().message + fallback));
        // Read it back: a keychain that silently drops entries must not get the only copy of the key.
        auto back = m_secrets->readBlocking(Secret::ModelMasterKey);
        const bool same = back && Artifacts::MasterKey::fromBytes(*back).value_or(Artifacts::MasterKey()).id() == key->id();
        if (back)
            Artifacts::secureWipe(*back);
        if (!same)
            return fail(withCode(Error::Code::Unavailable,
                                 QStringLiteral("the keychain did not keep the master key (%1)")
                                         .arg(back ? QStringLiteral("it reads back different") : back.error().message)
                                     + fallback));
        remove << kWrapped;
    } else {
        if (!options.passphrase)
            return fail(Error::invalid(QStringLiteral("a passphrase is needed to protect the master key")));
        auto secret = options.passphrase();
        if (!secret)
            return fail(secret.error());
        auto wrapped = PassphraseKey::wrap(*key, *secret);
        Artifacts::secureWipe(*secret);
        if (!wrapped)
            return fail(wrapped.error());
        values.insert(kWrapped, wrapped->toJson());
    }
    if (auto s = m_catalog.registry().changeSettings(values, remove, actor, QStringLiteral("encryption.enable")); !s)
        return fail(s.error());
    if (const auto keyring = m_catalog.store().keyring())
        keyring->setMasterKey(*key);
    return key;
}

Status WorkspaceEncryption::convertAll(Artifacts::StoredForm form, const Artifacts::Progress &progress, EncryptionStatus &out)
{
    const Artifacts::ArtifactStore &store = m_catalog.store();
    const Artifacts::RunFiles runFiles(store.keyring());
    const QString runsDir = m_catalog.workspace().runsDir();
    // A key problem stops everything; a damaged file is reported and left as it is.
    auto settle = [&out](const Status &s) -> Status {
        if (s || s.error().code == Error::Code::NotFound) // removed meanwhile
            return {};
        if (s.error().code == Error::Code::Unavailable || s.error().code == Error::Code::Io)
            return s;
        out.problems << s.error().message;
        return {};
    };
    // A second pass catches files another process wrote while the setting was changing (a training
    // run writes each checkpoint in the form the setting has at that moment).
    QStringList previous;
    for (int pass = 0; pass < 2; ++pass) {
        auto digests = store.list();
        if (!digests)
            return fail(digests.error());
        const QList<Artifacts::RunFiles::Entry> runEntries = Artifacts::RunFiles::list(runsDir);
        QStringList seen = *digests;
        for (const Artifacts::RunFiles::Entry &e : runEntries)
            seen << e.path;
        if (pass > 0 && seen == previous)
            break;
        previous = seen;
        const qint64 total = digests->size() + runEntries.size();
        qint64 done = 0;
        auto step = [&]() -> Status {
            ++done;
            faultPointProgress("encryption:rewrite", int(done * 100 / qMax<qint64>(total, 1)));
            if (progress && !progress(done, total))
                return fail(Error::cancelled());
            return {};
        };
        for (const QString &digest : std::as_const(*digests)) {
            if (auto s = settle(store.rewrite(digest, form)); !s)
                return s;
            if (auto s = step(); !s)
                return s;
        }
        for (const Artifacts::RunFiles::Entry &e : runEntries) {
            if (auto s = settle(runFiles.sealed(e.path).rewrite(form, e.sha256)); !s)
                return s;
            if (auto s = step(); !s)
                return s;
        }
    }
    return {};
}

Status WorkspaceEncryption::forgetKey(const QString &actor)
{
    auto settings = m_catalog.registry().settings(kPrefix);
    if (!settings)
        return fail(settings.error());
    const KeySource source = sourceOf(*settings);
    // Settings first: should we crash before the keychain entry goes, a stray entry is harmless (the
    // next enable overwrites it); the other order could leave a key id whose key is gone.
    if (auto s = m_catalog.registry().changeSettings({}, {kKeyId, kSource, kWrapped}, actor,
                                                     QStringLiteral("encryption.forget_key"));
        !s)
        return s;
    if (const auto keyring = m_catalog.store().keyring())
        keyring->forgetMasterKey();
    if (source == KeySource::Keychain && m_secrets) {
        if (auto s = m_secrets->removeBlocking(Secret::ModelMasterKey); !s)
            qCWarning(lcSecurity).noquote() << "could not remove the old master key from the keychain:" << s.error().message;
    }
    return {};
}

Result<EncryptionStatus> WorkspaceEncryption::enable(const EnableOptions &options, const QString &actor,
                                                     const Artifacts::Progress &progress)
{
    auto settings = m_catalog.registry().settings(kPrefix);
    if (!settings)
        return fail(settings.error());
    if (!settings->value(kKeyId).isEmpty()) {
        const KeySource existing = sourceOf(*settings);
        if (options.keySource && *options.keySource != existing)
            return fail(Error::conflict(QStringLiteral("encryption is already set up with a %1 key; to use a %2 instead, "
                                                       "disable encryption first, then enable it again")
                                            .arg(keySourceName(existing), keySourceName(*options.keySource))));
        auto key = unlock(options.passphrase);
        if (!key)
            return fail(key.error());
        if (settings->value(kEnabled) != kTrue) {
            if (auto s = m_catalog.registry().changeSettings({{kEnabled, kTrue}}, {}, actor, QStringLiteral("encryption.enable")); !s)
                return fail(s.error());
        }
    } else {
        auto key = createKey(options, actor);
        if (!key)
            return fail(key.error());
    }
    faultPoint("encryption:enabled");
    EncryptionStatus converted;
    if (auto s = convertAll(Artifacts::StoredForm::Encrypted, progress, converted); !s)
        return fail(s.error());
    auto st = status();
    if (st)
        st->problems << converted.problems;
    return st;
}

Result<EncryptionStatus> WorkspaceEncryption::disable(const PassphraseProvider &passphrase, const QString &actor,
                                                      const Artifacts::Progress &progress)
{
    auto before = status();
    if (!before)
        return before;
    // Unlock before changing anything: without the key the encrypted artifacts cannot be decrypted.
    if (before->encrypted > 0 || before->runFilesEncrypted > 0) {
        auto key = unlock(passphrase);
        if (!key)
            return fail(key.error());
    }
    if (before->enabled) {
        if (auto s = m_catalog.registry().changeSettings({{kEnabled, QStringLiteral("false")}}, {}, actor,
                                                         QStringLiteral("encryption.disable"));
            !s)
            return fail(s.error());
    }
    faultPoint("encryption:disabled");
    EncryptionStatus converted;
    if (auto s = convertAll(Artifacts::StoredForm::Plain, progress, converted); !s)
        return fail(s.error());
    auto st = status();
    if (!st)
        return st;
    st->problems << converted.problems;
    // The key goes only when nothing needs it any more.
    if (st->keySetUp && st->encrypted == 0 && st->runFilesEncrypted == 0 && st->problems.isEmpty()) {
        if (auto s = forgetKey(actor); !s)
            return fail(s.error());
        st->keySetUp = false;
        st->keyId.clear();
    }
    return st;
}

} // namespace ModelDesk::Security
