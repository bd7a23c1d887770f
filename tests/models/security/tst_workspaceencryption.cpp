// WorkspaceEncryption with a real catalog (SQLite registry, artifact store), real TorchScript files
// and a real gnome-keyring (private D-Bus session): enabling encrypts every artifact (and nothing
// readable stays on disk), the key lives in the keychain or behind a passphrase, disabling undoes it.

#include "encryptiontestutil.h"
#include "privatekeyring.h"
#include "testmodels.h"

#include "artifacts/artifactkeyring.h"
#include "registry/modelcatalog.h"
#include "security/passphrasekey.h"
#include "security/secretstore.h"
#include "security/workspaceencryption.h"

#include "resultmessage.h"
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Security;
using namespace ModelDesk::TestData;
using Registry::ModelCatalog;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

PassphraseProvider passphrase(const QByteArray &text)
{
    return [text]() -> Result<QByteArray> { return text; };
}

} // namespace

class tst_WorkspaceEncryption : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ModelCatalog> m_catalog;

    QString root() const { return m_dir->path() + QStringLiteral("/ws"); }

    std::unique_ptr<ModelCatalog> openCatalog(const Registry::CatalogOptions &options = {})
    {
        auto ws = Workspace::open(root());
        if (!ws)
            return {};
        auto catalog = ModelCatalog::open(*ws, options);
        return catalog ? std::move(*catalog) : nullptr;
    }

    VersionInfo import(ModelCatalog &catalog, const QString &file, const QString &model)
    {
        Registry::ImportRequest request;
        request.sourcePath = modelPath(file);
        request.model = model;
        auto v = catalog.importFile(request, QStringLiteral("tester"));
        if (!v)
            qWarning().noquote() << v.error().message;
        return v.value_or(VersionInfo{});
    }

    // Every version's bytes equal the file it came from.
    void expectAllReadable(ModelCatalog &catalog, const QMap<QString, QString> &sources)
    {
        auto versions = catalog.registry().allVersions();
        QVERIFY(versions);
        QCOMPARE(versions->size(), sources.size());
        for (const VersionInfo &v : *versions) {
            auto bytes = catalog.readArtifact(v);
            QVERIFY2(bytes, qPrintable(errorOf(bytes)));
            QCOMPARE(*bytes, readModel(sources.value(v.model)));
        }
        auto report = catalog.doctor();
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void init()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        m_dir = std::make_unique<QTemporaryDir>();
        m_catalog = openCatalog();
        QVERIFY(m_catalog);
    }
    void cleanup()
    {
        if (m_catalog) {
            SecretStore(m_catalog->workspace().root()).removeBlocking(Secret::ModelMasterKey);
            m_catalog.reset();
        }
        m_dir.reset();
    }

    void settingsAreStoredAndAudited()
    {
        Registry::ModelRegistry &reg = m_catalog->registry();
        QVERIFY(reg.schemaVersion() >= 2); // the settings table came with migration 2
        QVERIFY(reg.changeSettings({{QStringLiteral("encryption.enabled"), QStringLiteral("true")},
                                    {QStringLiteral("encryption.key_id"), QStringLiteral("abc")},
                                    {QStringLiteral("other.value"), QStringLiteral("x")}},
                                   {}, QStringLiteral("tester"), QStringLiteral("encryption.enable")));
        auto enc = reg.settings(QStringLiteral("encryption."));
        QVERIFY(enc);
        QCOMPARE(enc->size(), 2);
        QCOMPARE(enc->value(QStringLiteral("encryption.key_id")), QStringLiteral("abc"));
        QCOMPARE(reg.settings()->size(), 3);
        QVERIFY(reg.changeSettings({}, {QStringLiteral("encryption.key_id")}, QStringLiteral("tester"),
                                   QStringLiteral("encryption.forget_key")));
        QCOMPARE(reg.settings(QStringLiteral("encryption."))->size(), 1);
        QCOMPARE(reg.changeSettings({{QStringLiteral("Bad Key"), QStringLiteral("x")}}, {}, QStringLiteral("tester"),
                                    QStringLiteral("x.y")).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(reg.changeSettings({{QStringLiteral("nodots"), QStringLiteral("x")}}, {}, QStringLiteral("tester"),
                                    QStringLiteral("x.y")).error().code,
                 Error::Code::InvalidArgument);
        // The audit names the keys, never the values (they can be wrapped key material).
        AuditQuery q;
        q.target = QStringLiteral("settings/");
        auto audit = reg.audit(q);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 2);
        QCOMPARE(audit->last().action, QStringLiteral("encryption.enable"));
        QCOMPARE(audit->last().actor, QStringLiteral("tester"));
        QVERIFY(audit->last().detail.contains(QStringLiteral("encryption.key_id")));
        QVERIFY(!audit->last().detail.contains(QStringLiteral("abc")));
        QVERIFY(reg.checkIntegrity()->isEmpty());
    }

    void enableEncryptsEveryArtifact()
    {
        const QByteArray mlp = readModel(QStringLiteral("mlp.pt"));
        const QByteArray needle = EncryptionTest::tensorNeedle(mlp);
        QCOMPARE(needle.size(), 64);
        QVERIFY(import(*m_catalog, QStringLiteral("mlp.pt"), QStringLiteral("mlp")).version == 1);
        QVERIFY(import(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")).version == 1);
        // Control: in a plaintext workspace the search does find the tensor bytes.
        QVERIFY(!EncryptionTest::filesContaining(root(), needle).isEmpty());

        SecretStore secrets(root());
        WorkspaceEncryption encryption(*m_catalog, &secrets);
        auto st = encryption.enable({}, QStringLiteral("tester"));
        QVERIFY2(st, qPrintable(errorOf(st)));
        QVERIFY(st->enabled);
        QCOMPARE(st->keySource, KeySource::Keychain);
        QCOMPARE(st->artifacts, 2);
        QCOMPARE(st->encrypted, 2);
        QCOMPARE(st->plain, 0);
        QVERIFY(st->complete());
        QVERIFY(st->problems.isEmpty());

        // The key is in the keychain, under this workspace's name, and matches the recorded id.
        auto stored = secrets.readBlocking(Secret::ModelMasterKey);
        QVERIFY2(stored, qPrintable(errorOf(stored)));
        QCOMPARE(Artifacts::MasterKey::fromBytes(*stored)->idHex(), st->keyId);
        QVERIFY(m_catalog->registry().settings()->value(QStringLiteral("encryption.wrapped_key")).isEmpty());

        // New artifacts are encrypted too, from a file and from bytes (training's path).
        QVERIFY(import(*m_catalog, QStringLiteral("mlp_v2.pt"), QStringLiteral("mlp2")).version == 1);
        NewVersion meta;
        auto fromBytes = m_catalog->addVersionFromBytes(QStringLiteral("tuple"), readModel(QStringLiteral("tuple_out.pt")), meta,
                                                        QStringLiteral("tester"));
        QVERIFY2(fromBytes, qPrintable(errorOf(fromBytes)));
        st = encryption.status();
        QCOMPARE(st->encrypted, 4);
        QCOMPARE(st->plain, 0);

        expectAllReadable(*m_catalog, {{QStringLiteral("mlp"), QStringLiteral("mlp.pt")},
                                       {QStringLiteral("linear"), QStringLiteral("linear.pt")},
                                       {QStringLiteral("mlp2"), QStringLiteral("mlp_v2.pt")},
                                       {QStringLiteral("tuple"), QStringLiteral("tuple_out.pt")}});
        // Nothing in the workspace - registry, WAL, artifacts, temporary files - holds the plaintext.
        const QStringList hits = EncryptionTest::filesContaining(root(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        const QStringList otherHits = EncryptionTest::filesContaining(root(), EncryptionTest::tensorNeedle(readModel(QStringLiteral("mlp_v2.pt"))));
        QVERIFY2(otherHits.isEmpty(), qPrintable(otherHits.join(QLatin1Char(' '))));

        AuditQuery q;
        q.action = QStringLiteral("encryption.enable");
        QCOMPARE(m_catalog->registry().audit(q)->size(), 1);
    }

    // Another process (a reopened catalog) finds the key through its loader; without one, encrypted
    // artifacts are Unavailable - and writes refuse rather than fall back to plaintext.
    void reopenedCatalogNeedsTheKey()
    {
        QVERIFY(import(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")).version == 1);
        SecretStore secrets(root());
        QVERIFY(WorkspaceEncryption(*m_catalog, &secrets).enable({}, QStringLiteral("tester")));
        const VersionInfo v = *m_catalog->registry().version(QStringLiteral("linear"), 1);

        auto locked = openCatalog();
        auto read = locked->readArtifact(v);
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Unavailable);
        QVERIFY2(read.error().message.contains(QStringLiteral("model 'linear' version 1")), qPrintable(errorOf(read)));
        auto refused = import(*locked, QStringLiteral("mlp.pt"), QStringLiteral("mlp"));
        QCOMPARE(refused.version, 0);
        QCOMPARE(locked->store().list()->size(), 1);
        QVERIFY(locked->registry().pending()->isEmpty());

        Registry::CatalogOptions options;
        int loads = 0;
        options.masterKeyLoader = [&](Registry::ModelRegistry &registry) {
            ++loads;
            return WorkspaceEncryption::loadMasterKey(registry, &secrets, {});
        };
        auto unlocked = openCatalog(options);
        QCOMPARE(*unlocked->readArtifact(v), readModel(QStringLiteral("linear.pt")));
        QVERIFY(import(*unlocked, QStringLiteral("mlp.pt"), QStringLiteral("mlp")).version == 1);
        QCOMPARE(loads, 1);

        // The GUI's way: the entry read asynchronously, checked, then handed to the keyring.
        auto gui = openCatalog();
        std::optional<Result<QByteArray>> entry;
        secrets.read(Secret::ModelMasterKey, this, [&](Result<QByteArray> r) { entry = std::move(r); });
        QTRY_VERIFY(entry.has_value());
        QVERIFY2(*entry, qPrintable(errorOf(*entry)));
        auto key = WorkspaceEncryption::acceptKeychainBytes(gui->registry(), **entry);
        QVERIFY2(key, qPrintable(errorOf(key)));
        gui->store().keyring()->setMasterKey(*key);
        QCOMPARE(*gui->readArtifact(v), readModel(QStringLiteral("linear.pt")));
        QCOMPARE(WorkspaceEncryption::acceptKeychainBytes(gui->registry(), Artifacts::MasterKey::generate()->bytes()).error().code,
                 Error::Code::Corrupt);
    }

    void disableDecryptsAndForgetsTheKey()
    {
        QVERIFY(import(*m_catalog, QStringLiteral("mlp.pt"), QStringLiteral("mlp")).version == 1);
        QVERIFY(import(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")).version == 1);
        SecretStore secrets(root());
        WorkspaceEncryption encryption(*m_catalog, &secrets);
        QVERIFY(encryption.enable({}, QStringLiteral("tester")));
        auto st = encryption.disable({}, QStringLiteral("tester"));
        QVERIFY2(st, qPrintable(errorOf(st)));
        QVERIFY(!st->enabled);
        QCOMPARE(st->encrypted, 0);
        QCOMPARE(st->plain, 2);
        QVERIFY(!st->keySetUp);
        QVERIFY(st->complete());
        QCOMPARE(secrets.readBlocking(Secret::ModelMasterKey).error().code, Error::Code::NotFound);
        QVERIFY(m_catalog->registry().settings(QStringLiteral("encryption.key"))->isEmpty());
        // A plaintext workspace again: new files are plaintext, old ones read without any key.
        QVERIFY(import(*m_catalog, QStringLiteral("mlp_v2.pt"), QStringLiteral("mlp2")).version == 1);
        auto reopened = openCatalog();
        expectAllReadable(*reopened, {{QStringLiteral("mlp"), QStringLiteral("mlp.pt")},
                                      {QStringLiteral("linear"), QStringLiteral("linear.pt")},
                                      {QStringLiteral("mlp2"), QStringLiteral("mlp_v2.pt")}});
        QVERIFY(!EncryptionTest::filesContaining(root(), EncryptionTest::tensorNeedle(readModel(QStringLiteral("mlp.pt")))).isEmpty());
        // Enabling again makes a new key.
        auto again = encryption.enable({}, QStringLiteral("tester"));
        QVERIFY(again);
        QVERIFY(again->keyId != QString());
        QCOMPARE(again->encrypted, 3);
    }

    void passphraseInsteadOfKeychain()
    {
        QVERIFY(import(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")).version == 1);
        WorkspaceEncryption encryption(*m_catalog, nullptr); // no keychain at all
        auto refused = encryption.enable({}, QStringLiteral("tester"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Unavailable);
        QVERIFY2(refused.error().message.contains(QStringLiteral("passphrase")), qPrintable(errorOf(refused)));
        QVERIFY(!encryption.status()->enabled); // nothing changed

        WorkspaceEncryption::EnableOptions options;
        options.keySource = KeySource::Passphrase;
        options.passphrase = passphrase("short");
        QCOMPARE(encryption.enable(options, QStringLiteral("tester")).error().code, Error::Code::InvalidArgument);
        options.passphrase = passphrase(kPassphrase);
        auto st = encryption.enable(options, QStringLiteral("tester"));
        QVERIFY2(st, qPrintable(errorOf(st)));
        QCOMPARE(st->keySource, KeySource::Passphrase);
        QCOMPARE(st->encrypted, 1);
        // The key went nowhere near the keychain; the workspace holds it wrapped.
        SecretStore secrets(root());
        QCOMPARE(secrets.readBlocking(Secret::ModelMasterKey).error().code, Error::Code::NotFound);
        const QString wrapped = m_catalog->registry().settings()->value(QStringLiteral("encryption.wrapped_key"));
        QVERIFY(WrappedMasterKey::fromJson(wrapped));

        const VersionInfo v = *m_catalog->registry().version(QStringLiteral("linear"), 1);
        Registry::CatalogOptions wrong;
        wrong.masterKeyLoader = [](Registry::ModelRegistry &r) {
            return WorkspaceEncryption::loadMasterKey(r, nullptr, passphrase("not the passphrase"));
        };
        auto denied = openCatalog(wrong)->readArtifact(v);
        QVERIFY(!denied);
        QVERIFY2(denied.error().message.contains(QStringLiteral("wrong passphrase")), qPrintable(errorOf(denied)));
        Registry::CatalogOptions right;
        right.masterKeyLoader = [](Registry::ModelRegistry &r) {
            return WorkspaceEncryption::loadMasterKey(r, nullptr, passphrase(kPassphrase));
        };
        QCOMPARE(*openCatalog(right)->readArtifact(v), readModel(QStringLiteral("linear.pt")));

        // Switching key source needs disable + enable.
        QCOMPARE(WorkspaceEncryption(*m_catalog, &secrets).enable({KeySource::Keychain, {}}, QStringLiteral("tester")).error().code,
                 Error::Code::Conflict);
        // Disabling needs the passphrase (a fresh process has no key yet).
        auto fresh = openCatalog();
        WorkspaceEncryption freshEncryption(*fresh, nullptr);
        QCOMPARE(freshEncryption.disable(passphrase("not the passphrase"), QStringLiteral("tester")).error().code,
                 Error::Code::Unauthenticated);
        QVERIFY(freshEncryption.status()->enabled); // nothing changed
        auto off = freshEncryption.disable(passphrase(kPassphrase), QStringLiteral("tester"));
        QVERIFY2(off, qPrintable(errorOf(off)));
        QCOMPARE(off->plain, 1);
        QVERIFY(fresh->registry().settings(QStringLiteral("encryption.wrapped_key"))->isEmpty());
    }

    void wrongOrMissingKeychainEntry()
    {
        QVERIFY(import(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")).version == 1);
        SecretStore secrets(root());
        QVERIFY(WorkspaceEncryption(*m_catalog, &secrets).enable({}, QStringLiteral("tester")));
        // Someone put another key there: named as such, not used.
        QVERIFY(secrets.writeBlocking(Secret::ModelMasterKey, Artifacts::MasterKey::generate()->bytes()));
        auto mismatch = WorkspaceEncryption::loadMasterKey(m_catalog->registry(), &secrets, {});
        QCOMPARE(mismatch.error().code, Error::Code::Corrupt);
        QVERIFY2(mismatch.error().message.contains(QStringLiteral("not this workspace's key")), qPrintable(errorOf(mismatch)));
        // The entry is gone (keychain reset, or the workspace moved: its key name follows its path).
        QVERIFY(secrets.removeBlocking(Secret::ModelMasterKey));
        auto missing = WorkspaceEncryption::loadMasterKey(m_catalog->registry(), &secrets, {});
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY2(missing.error().message.contains(QStringLiteral("moved")), qPrintable(errorOf(missing)));
    }

    // With a validator executable the untrusted file is checked in a child process; an encrypted
    // artifact's plaintext reaches the child through a pipe, never a file.
    void childValidationOfEncryptedImports()
    {
        const QString cli = qEnvironmentVariable("MODELDESK_CLI");
        if (!QFileInfo(cli).isExecutable())
            QSKIP("MODELDESK_CLI is not set (run through ctest)");
        SecretStore secrets(root());
        QVERIFY(WorkspaceEncryption(*m_catalog, &secrets).enable({}, QStringLiteral("tester")));
        Registry::CatalogOptions options;
        options.validatorExecutable = cli;
        options.masterKeyLoader = [&](Registry::ModelRegistry &r) { return WorkspaceEncryption::loadMasterKey(r, &secrets, {}); };
        auto catalog = openCatalog(options);
        const VersionInfo v = import(*catalog, QStringLiteral("mlp.pt"), QStringLiteral("mlp"));
        QCOMPARE(v.version, 1);
        QVERIFY(!v.signature.inputs.isEmpty());
        QCOMPARE(*catalog->store().storedForm(v.digest), Artifacts::StoredForm::Encrypted);
        Registry::ImportRequest bad;
        bad.sourcePath = modelPath(QStringLiteral("not_tensor.pt"));
        bad.model = QStringLiteral("bad");
        auto rejected = catalog->importFile(bad, QStringLiteral("tester"));
        QVERIFY(!rejected);
        QCOMPARE(rejected.error().code, Error::Code::Unsupported);
        QCOMPARE(catalog->store().list()->size(), 1);
        QVERIFY(EncryptionTest::filesContaining(root(), EncryptionTest::tensorNeedle(readModel(QStringLiteral("mlp.pt")))).isEmpty());
    }
};

int main(int argc, char **argv)
{
    TestKeyring::enterPrivateSession(argc, argv);
    QCoreApplication app(argc, argv);
    tst_WorkspaceEncryption tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_workspaceencryption.moc"
