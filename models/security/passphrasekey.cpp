#include "passphrasekey.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace ModelDesk::Security {

namespace {

constexpr int kSaltSize = 16;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr int kMaxIterations = 100000000;
const QString kKdfName = QStringLiteral("pbkdf2-hmac-sha256");

struct Kek
{
    std::array<unsigned char, 32> bytes{};
    ~Kek() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

bool derive(QByteArrayView passphrase, const QByteArray &salt, int iterations, Kek &kek)
{
    return PKCS5_PBKDF2_HMAC(passphrase.data(), int(passphrase.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                             int(salt.size()), iterations, EVP_sha256(), int(kek.bytes.size()), kek.bytes.data())
        == 1;
}

// The parameters are authenticated with the key, so a stored form edited to fewer iterations or
// another salt fails like a wrong passphrase.
QByteArray additionalData(int iterations, const QByteArray &salt)
{
    return QByteArrayLiteral("ModelDesk master key v1|") + kKdfName.toLatin1() + '|' + QByteArray::number(iterations) + '|'
        + salt;
}

Error opensslFailed() { return Error::internal(QStringLiteral("OpenSSL failed while protecting the master key")); }

struct Ctx
{
    EVP_CIPHER_CTX *p = EVP_CIPHER_CTX_new();
    ~Ctx() { EVP_CIPHER_CTX_free(p); }
};

} // namespace

QString WrappedMasterKey::toJson() const
{
    const QJsonObject o{{QStringLiteral("kdf"), kKdfName},
                        {QStringLiteral("iterations"), iterations},
                        {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
                        {QStringLiteral("wrapped"), QString::fromLatin1(ciphertext.toBase64())},
                        {QStringLiteral("key_id"), QString::fromLatin1(keyId.toHex())}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<WrappedMasterKey> WrappedMasterKey::fromJson(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    WrappedMasterKey w;
    w.iterations = o.value(QStringLiteral("iterations")).toInt();
    w.salt = QByteArray::fromBase64(o.value(QStringLiteral("salt")).toString().toLatin1());
    w.nonce = QByteArray::fromBase64(o.value(QStringLiteral("nonce")).toString().toLatin1());
    w.ciphertext = QByteArray::fromBase64(o.value(QStringLiteral("wrapped")).toString().toLatin1());
    w.keyId = QByteArray::fromHex(o.value(QStringLiteral("key_id")).toString().toLatin1());
    if (o.value(QStringLiteral("kdf")).toString() != kKdfName || w.iterations < PassphraseKey::minIterations
        || w.iterations > kMaxIterations || w.salt.size() != kSaltSize || w.nonce.size() != kNonceSize
        || w.ciphertext.size() != Artifacts::MasterKey::keySize + kTagSize || w.keyId.size() != Artifacts::MasterKey::idSize)
        return fail(Error::invalid(QStringLiteral("the passphrase-protected master key stored in the workspace is malformed")));
    return w;
}

namespace PassphraseKey {

Status checkPassphrase(QByteArrayView passphrase)
{
    if (passphrase.size() < minPassphraseLength)
        return fail(Error::invalid(QStringLiteral("the passphrase is too short: use at least %1 characters").arg(minPassphraseLength)));
    return {};
}

Result<WrappedMasterKey> wrap(const Artifacts::MasterKey &key, QByteArrayView passphrase, int iterations)
{
    if (auto s = checkPassphrase(passphrase); !s)
        return fail(s.error());
    if (key.isNull() || iterations < minIterations || iterations > kMaxIterations)
        return fail(Error::internal(QStringLiteral("invalid arguments to protect the master key")));
    WrappedMasterKey w;
    w.iterations = iterations;
    w.keyId = key.id();
    w.salt = QByteArray(kSaltSize, Qt::Uninitialized);
    w.nonce = QByteArray(kNonceSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(w.salt.data()), kSaltSize) != 1
        || RAND_bytes(reinterpret_cast<unsigned char *>(w.nonce.data()), kNonceSize) != 1)
        return fail(Error::internal(QStringLiteral("OpenSSL's random generator failed: cannot protect the master key")));
    Kek kek;
    if (!derive(passphrase, w.salt, iterations, kek))
        return fail(opensslFailed());
    const QByteArray aad = additionalData(iterations, w.salt);
    w.ciphertext = QByteArray(Artifacts::MasterKey::keySize + kTagSize, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(w.ciphertext.data());
    Ctx ctx;
    int n = 0;
    if (!ctx.p || EVP_EncryptInit_ex(ctx.p, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.p, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.p, nullptr, nullptr, kek.bytes.data(), reinterpret_cast<const unsigned char *>(w.nonce.constData())) != 1
        || EVP_EncryptUpdate(ctx.p, nullptr, &n, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size())) != 1
        || EVP_EncryptUpdate(ctx.p, out, &n, key.data(), int(Artifacts::MasterKey::keySize)) != 1
        || EVP_EncryptFinal_ex(ctx.p, out + n, &n) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.p, EVP_CTRL_GCM_GET_TAG, kTagSize, out + Artifacts::MasterKey::keySize) != 1)
        return fail(opensslFailed());
    return w;
}

Result<Artifacts::MasterKey> unwrap(const WrappedMasterKey &w, QByteArrayView passphrase)
{
    if (passphrase.isEmpty())
        return fail(Error{Error::Code::Unauthenticated, QStringLiteral("no passphrase given for the workspace master key")});
    Kek kek;
    if (!derive(passphrase, w.salt, w.iterations, kek))
        return fail(opensslFailed());
    const QByteArray aad = additionalData(w.iterations, w.salt);
    std::array<unsigned char, Artifacts::MasterKey::keySize> plain{};
    const auto *in = reinterpret_cast<const unsigned char *>(w.ciphertext.constData());
    Ctx ctx;
    int n = 0;
    const bool ok = ctx.p && EVP_DecryptInit_ex(ctx.p, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.p, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(ctx.p, nullptr, nullptr, kek.bytes.data(), reinterpret_cast<const unsigned char *>(w.nonce.constData())) == 1
        && EVP_DecryptUpdate(ctx.p, nullptr, &n, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size())) == 1
        && EVP_DecryptUpdate(ctx.p, plain.data(), &n, in, int(Artifacts::MasterKey::keySize)) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.p, EVP_CTRL_GCM_SET_TAG, kTagSize,
                               const_cast<unsigned char *>(in + Artifacts::MasterKey::keySize)) == 1
        && EVP_DecryptFinal_ex(ctx.p, plain.data() + n, &n) == 1;
    if (!ok) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return fail(Error{Error::Code::Unauthenticated, QStringLiteral("wrong passphrase for the workspace master key")});
    }
    auto key = Artifacts::MasterKey::fromBytes(QByteArrayView(reinterpret_cast<const char *>(plain.data()), qsizetype(plain.size())));
    OPENSSL_cleanse(plain.data(), plain.size());
    if (key && key->id() != w.keyId)
        return fail(Error::corrupt(QStringLiteral("the passphrase-protected master key does not match its recorded key id")));
    return key;
}

} // namespace PassphraseKey
} // namespace ModelDesk::Security
