// Encryption at rest in the ArtifactStore: the file format round trip, and that tampering,
// truncation, reordering, moving and a wrong key are all detected; rewriting between forms.

#include "artifacts/artifactcipher.h"
#include "artifacts/artifactkeyring.h"
#include "artifacts/artifactstore.h"

#include "resultmessage.h"
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <openssl/evp.h>

#include <atomic>

using namespace ModelDesk;
using namespace ModelDesk::Artifacts;

namespace {

constexpr qint64 MiB = 1 << 20;

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (char &c : bytes)
        c = char(rng.generate() & 0xff);
    return bytes;
}

QString hexSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// AES-256-GCM, for crafting files the way an attacker with the key's help could not.
QByteArray gcm(bool encrypt, const QByteArray &key, const QByteArray &nonce, const QByteArray &aad, const QByteArray &in,
               QByteArray *tag)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    QByteArray out(in.size(), Qt::Uninitialized);
    int n = 0;
    auto u = [](const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); };
    bool ok = EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) == 1
        && EVP_CipherInit_ex(ctx, nullptr, nullptr, u(key), u(nonce), encrypt ? 1 : 0) == 1
        && EVP_CipherUpdate(ctx, nullptr, &n, u(aad), int(aad.size())) == 1
        && EVP_CipherUpdate(ctx, reinterpret_cast<unsigned char *>(out.data()), &n, u(in), int(in.size())) == 1;
    if (ok && !encrypt)
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag->data()) == 1;
    ok = ok && EVP_CipherFinal_ex(ctx, reinterpret_cast<unsigned char *>(out.data()) + n, &n) == 1;
    if (ok && encrypt) {
        tag->resize(16);
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag->data()) == 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    return ok ? out : QByteArray();
}

} // namespace

class tst_ArtifactEncryption : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MasterKey m_key;
    std::atomic<bool> m_encrypt{true};
    std::shared_ptr<ArtifactKeyring> m_keyring;

    QString root() const { return m_dir.path() + QStringLiteral("/artifacts"); }
    QString tmp() const { return m_dir.path() + QStringLiteral("/tmp"); }

    ArtifactStore store() const
    {
        ArtifactStore s(root(), tmp());
        s.setKeyring(m_keyring);
        return s;
    }

    std::shared_ptr<ArtifactKeyring> keyringWith(const MasterKey &key)
    {
        auto keyring = std::make_shared<ArtifactKeyring>([this]() -> Result<bool> { return m_encrypt.load(); });
        if (!key.isNull())
            keyring->setMasterKey(key);
        return keyring;
    }

    QStringList allFiles() const
    {
        QStringList out;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
        return out;
    }

    // Stores `bytes` encrypted and returns the digest (path: store().pathFor).
    QString putEncrypted(const QByteArray &bytes)
    {
        m_encrypt = true;
        auto stored = store().putBytes(bytes);
        return stored ? stored->digest : QString();
    }

    static void expectCorrupt(const ArtifactStore &s, const QString &digest, const QString &fragment)
    {
        auto read = s.read(digest, QStringLiteral("model 'm' version 1"));
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Corrupt);
        QVERIFY2(read.error().message.contains(QStringLiteral("model 'm' version 1")), qPrintable(errorOf(read)));
        QVERIFY2(read.error().message.contains(fragment), qPrintable(errorOf(read)));
        auto verified = s.verify(digest);
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, Error::Code::Corrupt);
        const QString out = QDir::tempPath() + QStringLiteral("/modeldesk-export-should-not-exist.pt");
        QVERIFY(!s.exportTo(digest, out));
        QVERIFY(!QFile::exists(out));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto key = MasterKey::generate();
        QVERIFY(key);
        m_key = *key;
    }

    void init()
    {
        QDir(root()).removeRecursively();
        QDir(tmp()).removeRecursively();
        m_encrypt = true;
        m_keyring = keyringWith(m_key);
    }

    void masterKey()
    {
        QCOMPARE(m_key.bytes().size(), 32);
        QCOMPARE(m_key.id().size(), 16);
        auto again = MasterKey::fromBytes(m_key.bytes());
        QVERIFY(again);
        QCOMPARE(again->id(), m_key.id()); // the id depends only on the key
        auto other = MasterKey::generate();
        QVERIFY(other->bytes() != m_key.bytes());
        QVERIFY(other->id() != m_key.id());
        QCOMPARE(MasterKey::fromBytes(QByteArray(31, 'x')).error().code, Error::Code::InvalidArgument);
        QByteArray secret("secret");
        secureWipe(secret);
        QVERIFY(secret.isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("empty") << qint64(0);
        QTest::newRow("one byte") << qint64(1);
        QTest::newRow("small") << qint64(1000);
        QTest::newRow("exactly one chunk") << MiB;
        QTest::newRow("one chunk and a byte") << MiB + 1;
        QTest::newRow("three chunks and a bit") << 3 * MiB + 17;
    }
    void roundTrip()
    {
        QFETCH(qint64, size);
        const QByteArray plain = randomBytes(size, quint32(size) + 1);
        auto stored = store().putBytes(plain);
        QVERIFY2(stored, qPrintable(errorOf(stored)));
        QCOMPARE(stored->digest, hexSha256(plain)); // the digest is of the plaintext
        QCOMPARE(stored->size, size);
        QCOMPARE(*store().storedForm(stored->digest), StoredForm::Encrypted);

        const QByteArray file = readFile(stored->path);
        QVERIFY(file.startsWith("MDKCRYPT"));
        const qint64 chunks = size == 0 ? 1 : (size + MiB - 1) / MiB;
        QCOMPARE(qint64(file.size()), Cipher::headerSize + size + chunks * Cipher::tagSize);
        if (size >= 64)
            QVERIFY(!file.contains(plain.mid(size / 2, 64))); // no plaintext run in the file

        auto read = store().read(stored->digest);
        QVERIFY2(read, qPrintable(errorOf(read)));
        QCOMPARE(*read, plain);
        QVERIFY(store().verify(stored->digest));
        const QString out = m_dir.path() + QStringLiteral("/export.bin");
        QVERIFY(store().exportTo(stored->digest, out));
        QCOMPARE(readFile(out), plain);
        QVERIFY(QFile::remove(out));
    }

    void putFileEncrypts()
    {
        const QByteArray plain = randomBytes(2 * MiB + 5, 7);
        const QString source = m_dir.path() + QStringLiteral("/source.pt");
        QVERIFY(writeFile(source, plain));
        // With the digest computed by the caller (ModelCatalog does), and without.
        auto stored = store().putFile(source, hexSha256(plain), {});
        QVERIFY2(stored, qPrintable(errorOf(stored)));
        QCOMPARE(*store().storedForm(stored->digest), StoredForm::Encrypted);
        QCOMPARE(*store().read(stored->digest), plain);
        QVERIFY(store().remove(stored->digest));
        auto again = store().putFile(source);
        QVERIFY2(again, qPrintable(errorOf(again)));
        QCOMPARE(*store().read(again->digest), plain);

        // The source no longer matches the digest the caller hashed: nothing is stored.
        QVERIFY(store().remove(again->digest));
        auto changed = store().putFile(source, hexSha256("something else"), {});
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, Error::Code::Conflict);
        QVERIFY(store().list()->isEmpty());
        QVERIFY(QDir(tmp()).entryList(QDir::Files).isEmpty());
    }

    void sameContentEncryptsDifferently()
    {
        const QByteArray plain = randomBytes(4096, 3);
        const QString digest = putEncrypted(plain);
        const QByteArray first = readFile(store().pathFor(digest));
        QVERIFY(store().remove(digest));
        QCOMPARE(putEncrypted(plain), digest);
        const QByteArray second = readFile(store().pathFor(digest));
        QCOMPARE(first.size(), second.size());
        QVERIFY(first != second);
        // Nonces and wrapped data keys differ (fresh random per file); digest and key id do not.
        QVERIFY(first.mid(72, 12) != second.mid(72, 12));
        QVERIFY(first.mid(96, 32) != second.mid(96, 32));
        QCOMPARE(first.mid(24, 48), second.mid(24, 48));
    }

    void tamperingIsDetected_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("fragment");
        const qint64 chunk1 = Cipher::headerSize + MiB + Cipher::tagSize;
        QTest::newRow("chunk size") << qint64(13) << QStringLiteral("corrupt");
        QTest::newRow("plaintext size") << qint64(23) << QStringLiteral("corrupt");
        QTest::newRow("digest field") << qint64(30) << QStringLiteral("corrupt");
        QTest::newRow("key id") << qint64(60) << QStringLiteral("another master key");
        QTest::newRow("file nonce") << qint64(75) << QStringLiteral("header failed authentication");
        QTest::newRow("wrap nonce") << qint64(90) << QStringLiteral("header failed authentication");
        QTest::newRow("wrapped key") << qint64(100) << QStringLiteral("header failed authentication");
        QTest::newRow("wrap tag") << qint64(140) << QStringLiteral("header failed authentication");
        QTest::newRow("first chunk data") << qint64(Cipher::headerSize + 10) << QStringLiteral("chunk 1 of 3 failed authentication");
        QTest::newRow("first chunk tag") << qint64(Cipher::headerSize + MiB + 3) << QStringLiteral("chunk 1 of 3 failed authentication");
        QTest::newRow("second chunk") << chunk1 + 500 << QStringLiteral("chunk 2 of 3 failed authentication");
        QTest::newRow("last byte") << qint64(-1) << QStringLiteral("chunk 3 of 3 failed authentication");
    }
    void tamperingIsDetected()
    {
        QFETCH(qint64, offset);
        QFETCH(QString, fragment);
        const QString digest = putEncrypted(randomBytes(2 * MiB + 100, 11));
        const QString path = store().pathFor(digest);
        QByteArray file = readFile(path);
        const qsizetype at = offset < 0 ? file.size() - 1 : qsizetype(offset);
        file[at] = char(file[at] ^ 0x01);
        QVERIFY(writeFile(path, file));
        expectCorrupt(store(), digest, fragment);
    }

    void truncationIsDetected_data()
    {
        QTest::addColumn<qint64>("keep");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("last byte cut") << qint64(-1) << QStringLiteral("truncated");
        QTest::newRow("last chunk dropped") << qint64(Cipher::headerSize + 2 * (MiB + Cipher::tagSize)) << QStringLiteral("truncated");
        QTest::newRow("header only") << qint64(Cipher::headerSize) << QStringLiteral("truncated");
        QTest::newRow("inside the header") << qint64(100) << QStringLiteral("corrupt");
        QTest::newRow("empty file") << qint64(0) << QStringLiteral("corrupt");
    }
    void truncationIsDetected()
    {
        QFETCH(qint64, keep);
        QFETCH(QString, fragment);
        const QString digest = putEncrypted(randomBytes(2 * MiB + 100, 12));
        const QString path = store().pathFor(digest);
        const QByteArray file = readFile(path);
        QVERIFY(writeFile(path, file.left(keep < 0 ? file.size() + keep : keep)));
        expectCorrupt(store(), digest, fragment);
    }

    // A cut at a chunk boundary with a header rewritten to match (as if by someone holding the master
    // key): the last remaining chunk was sealed as "not final", so the cut still shows.
    void truncationWithAConsistentHeaderIsDetected()
    {
        const QByteArray plain = randomBytes(3 * MiB, 13);
        const QString digest = putEncrypted(plain);
        const QString path = store().pathFor(digest);
        const QByteArray file = readFile(path);
        const QByteArray key = m_key.bytes();
        QByteArray tag = file.mid(128, 16);
        const QByteArray dataKey = gcm(false, key, file.mid(84, 12), file.left(84), file.mid(96, 32), &tag);
        QCOMPARE(dataKey.size(), 32);

        QByteArray header = file.left(Cipher::headerSize);
        qToBigEndian(quint64(2 * MiB), reinterpret_cast<uchar *>(header.data()) + 16);
        QByteArray newTag;
        const QByteArray rewrapped = gcm(true, key, header.mid(84, 12), header.left(84), dataKey, &newTag);
        header.replace(96, 32, rewrapped);
        header.replace(128, 16, newTag);
        QVERIFY(writeFile(path, header + file.mid(Cipher::headerSize, 2 * (MiB + Cipher::tagSize))));
        expectCorrupt(store(), digest, QStringLiteral("chunk 2 of 2 failed authentication"));
    }

    void reorderingIsDetected()
    {
        const QString digest = putEncrypted(randomBytes(3 * MiB, 14));
        const QString path = store().pathFor(digest);
        QByteArray file = readFile(path);
        const qsizetype c = qsizetype(MiB + Cipher::tagSize);
        const QByteArray first = file.mid(Cipher::headerSize, c);
        const QByteArray second = file.mid(Cipher::headerSize + c, c);
        file.replace(Cipher::headerSize, c, second);
        file.replace(Cipher::headerSize + c, c, first);
        QVERIFY(writeFile(path, file));
        expectCorrupt(store(), digest, QStringLiteral("chunk 1 of 3 failed authentication"));
    }

    // A registry row names the digest a version must have; an encrypted file copied over another
    // artifact's file (say, to swap version 2's model for version 1's) names its own digest.
    void movingIsDetected()
    {
        const QString a = putEncrypted(randomBytes(5000, 15));
        const QString b = putEncrypted(randomBytes(5000, 16));
        QVERIFY(QFile::remove(store().pathFor(b)));
        QVERIFY(QFile::copy(store().pathFor(a), store().pathFor(b)));
        expectCorrupt(store(), b, QStringLiteral("holds the encrypted artifact ") + a);

        // Editing the digest field to match the new name breaks the header's authentication.
        QByteArray file = readFile(store().pathFor(b));
        file.replace(24, 32, QByteArray::fromHex(b.toLatin1()));
        QVERIFY(writeFile(store().pathFor(b), file));
        expectCorrupt(store(), b, QStringLiteral("header failed authentication"));
        QVERIFY(store().verify(a));
    }

    void wrongOrMissingKey()
    {
        const QByteArray plain = randomBytes(5000, 17);
        const QString digest = putEncrypted(plain);

        auto other = MasterKey::generate();
        m_keyring = keyringWith(*other);
        expectCorrupt(store(), digest, QStringLiteral("another master key"));

        // No key at all: Unavailable, saying why, and nothing is written either.
        m_keyring = keyringWith({});
        auto read = store().read(digest, QStringLiteral("model 'm' version 1"));
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Unavailable);
        QVERIFY2(read.error().message.contains(QStringLiteral("encrypted at rest")), qPrintable(errorOf(read)));
        auto put = store().putBytes(randomBytes(100, 18));
        QVERIFY(!put);
        QCOMPARE(put.error().code, Error::Code::Unavailable);
        QCOMPARE(store().list()->size(), 1);
        QVERIFY(QDir(tmp()).entryList(QDir::Files).isEmpty());

        // A store without any keyring reads plaintext only.
        ArtifactStore bare(root(), tmp());
        QCOMPARE(bare.read(digest).error().code, Error::Code::Unavailable);

        m_keyring = keyringWith(m_key);
        QCOMPARE(*store().read(digest), plain);
    }

    // An unreadable setting must not turn into plaintext.
    void unreadablePolicyFailsTheWrite()
    {
        m_keyring = std::make_shared<ArtifactKeyring>(
            []() -> Result<bool> { return fail(Error::io(QStringLiteral("database is locked"))); });
        auto put = store().putBytes("bytes");
        QVERIFY(!put);
        QVERIFY2(put.error().message.contains(QStringLiteral("database is locked")), qPrintable(errorOf(put)));
        QVERIFY(store().list()->isEmpty());
    }

    void keyLoaderRunsOnceAndIsRemembered()
    {
        std::atomic<int> calls{0};
        bool succeed = false;
        auto keyring = std::make_shared<ArtifactKeyring>(ArtifactKeyring::PolicyReader{}, [&]() -> Result<MasterKey> {
            ++calls;
            if (!succeed)
                return fail(Error{Error::Code::Unavailable, QStringLiteral("keychain locked")});
            return m_key;
        });
        QCOMPARE(*keyring->encryptNewFiles(), false);
        QCOMPARE(keyring->masterKey().error().message, QStringLiteral("keychain locked"));
        QCOMPARE(keyring->masterKey().error().message, QStringLiteral("keychain locked"));
        QCOMPARE(calls.load(), 1); // one timeout per process, not one per artifact
        succeed = true;
        keyring->forgetMasterKey();
        QVERIFY(keyring->masterKey());
        QVERIFY(keyring->masterKey());
        QCOMPARE(calls.load(), 2);
        QVERIFY(keyring->hasMasterKey());
    }

    void plaintextStartingWithTheMagicStillReads()
    {
        m_encrypt = false;
        QByteArray plain = randomBytes(300, 19);
        plain.replace(0, 8, "MDKCRYPT");
        auto stored = store().putBytes(plain);
        QVERIFY(stored);
        QCOMPARE(*store().read(stored->digest), plain);
        QVERIFY(store().verify(stored->digest));
        QCOMPARE(ArtifactStore(root(), tmp()).read(stored->digest).value(), plain);
    }

    void rewriteBetweenForms()
    {
        m_encrypt = false;
        const QByteArray plain = randomBytes(2 * MiB + 3, 20);
        auto stored = store().putBytes(plain);
        QVERIFY(stored);
        QCOMPARE(*store().storedForm(stored->digest), StoredForm::Plain);
        QCOMPARE(readFile(stored->path), plain);

        QVERIFY(store().rewrite(stored->digest, StoredForm::Encrypted));
        QCOMPARE(*store().storedForm(stored->digest), StoredForm::Encrypted);
        QVERIFY(!readFile(stored->path).contains(plain.mid(MiB, 64)));
        QCOMPARE(*store().read(stored->digest), plain);
        const QByteArray encrypted = readFile(stored->path);
        QVERIFY(store().rewrite(stored->digest, StoredForm::Encrypted)); // nothing to do
        QCOMPARE(readFile(stored->path), encrypted);

        QVERIFY(store().rewrite(stored->digest, StoredForm::Plain));
        QCOMPARE(readFile(stored->path), plain);
        QVERIFY(QDir(tmp()).entryList(QDir::Files).isEmpty());

        // A damaged artifact is reported and left as it was, not converted.
        QByteArray damaged = plain;
        damaged[5] = char(damaged[5] ^ 1);
        QVERIFY(writeFile(stored->path, damaged));
        auto s = store().rewrite(stored->digest, StoredForm::Encrypted, QStringLiteral("model 'm' version 1"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Corrupt);
        QCOMPARE(readFile(stored->path), damaged);

        // Without the key nothing changes either.
        QVERIFY(writeFile(stored->path, plain));
        m_keyring = keyringWith({});
        QCOMPARE(store().rewrite(stored->digest, StoredForm::Encrypted).error().code, Error::Code::Unavailable);
        QCOMPARE(readFile(stored->path), plain);
        QCOMPARE(store().rewrite(hexSha256("missing"), StoredForm::Encrypted).error().code, Error::Code::NotFound);
    }

    // Storing content that is already there in the other form replaces the file with the wanted form.
    void encryptedPutReplacesAPlaintextCopy()
    {
        const QByteArray plain = randomBytes(4000, 21);
        m_encrypt = false;
        QVERIFY(store().putBytes(plain));
        m_encrypt = true;
        auto stored = store().putBytes(plain);
        QVERIFY(stored);
        QCOMPARE(*store().storedForm(stored->digest), StoredForm::Encrypted);
        // And the other way round: with encryption off, the stored copy follows the setting too.
        m_encrypt = false;
        QVERIFY(store().putBytes(plain));
        QCOMPARE(*store().storedForm(stored->digest), StoredForm::Plain);
        QCOMPARE(*store().read(stored->digest), plain);
    }

    // Plaintext never touches the disk: after encrypted puts, no file under the folder holds a run of it.
    void noPlaintextAnywhere()
    {
        const QByteArray plain = randomBytes(3 * MiB, 22);
        const QString source = m_dir.path() + QStringLiteral("/outside/source.pt");
        QDir().mkpath(QFileInfo(source).absolutePath());
        QVERIFY(writeFile(source, plain));
        QVERIFY(store().putFile(source, hexSha256(plain), {}));
        QVERIFY(store().putBytes(randomBytes(1000, 23) + plain.mid(MiB, 4096)));
        QVERIFY(store().read(hexSha256(plain)));
        const QByteArray needle = plain.mid(plain.size() / 2, 64);
        for (const QString &file : allFiles()) {
            if (file == source)
                continue;
            QVERIFY2(!readFile(file).contains(needle), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ArtifactEncryption)
#include "tst_artifactencryption.moc"
